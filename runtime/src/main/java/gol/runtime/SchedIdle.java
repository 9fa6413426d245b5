package gol.runtime;

/**
 * Waking and parking Ms (second of the classes {@link Sched}'s code is split into; see
 * {@link SchedQueues}): startm, wakep and handoffp with the no-lost-wake-ups protocol of Sched's
 * essay, and the idle path of an M, which sleeps until the earliest timer when it is the timer
 * sleeper.
 */
abstract class SchedIdle extends SchedQueues {
  SchedIdle(Resumer resumer, String[] args, int procs, Knobs knobs) {
    super(resumer, args, procs, knobs);
  }

  // ==================================================================== starting and waking Ms

  /**
   * Starts an M to run an idle P (Go's startm), spinning if asked. If no P is idle it gives up (and
   * undoes the caller's nmspinning increment). Any thread.
   */
  void startm(boolean spinning) {
    startm(null, spinning);
  }

  /**
   * startm with a P: runs {@code p} (which the caller owns and which is on no list), or an idle P
   * when {@code p} is null.
   */
  void startm(P p, boolean spinning) {
    M m;
    synchronized (lock) {
      if (done) {
        if (spinning) nmspinning.decrementAndGet();
        return;
      }
      if (p == null) p = pidleget();
      if (p == null) {
        if (spinning) nmspinning.decrementAndGet();
        return;
      }
      m = midle;
      if (m != null) {
        midle = m.schedlink;
        m.schedlink = null;
        nmidle--;
      }
    }
    if (m == null) {
      m = newM();
      m.nextp = p;
      m.spinning = spinning;
      m.start();
    } else {
      m.nextp = p;
      m.spinning = spinning;
      m.wake();
    }
  }

  /**
   * wakep as the hot paths call it (goready and newproc, from code that C2 inlines into goroutine
   * bodies: a channel operation readying its partner, a go statement). Whether a wake-up is needed depends on what the other Ms happen to be
   * doing, which can stay one way for the whole time C2 profiles a goroutine's loop and then change;
   * C2 compiles a branch never taken as a trap, and taking it throws away the compiled goroutine
   * body (ping-pong lost three compilations of its loops, 33-53 ms of C2 each, this way). So the
   * test here has no branch but one that is taken both ways from the start: a wake-up is needed,
   * or this is the M's 256th call; {@link #wakep()} then tests again. Skipping wakep() when no
   * wake-up is needed is exactly what wakep() would do. (With this, -XX:+LogCompilation shows no
   * such trap left in ping-pong.)
   */
  final void wakep(M m) {
    int t = m.wakepTick + 1;
    m.wakepTick = t;
    int idle = npidle, spinning = nmspinning.get();
    int need = ((idle - 1) >>> 31 | -spinning >>> 31) ^ 1;  // 1 when idle > 0 and spinning == 0
    int tick = ((t & 255) - 1) >>> 31;                      // 1 every 256th call
    if ((need | tick) != 0) wakep();
  }

  /**
   * Wakes an M to look for work if a P is idle and nobody is spinning (protocol steps 1-2). Like
   * Go's, it reads npidle and nmspinning without a fence first: see step 2 of the protocol for why
   * that loses no work.
   */
  void wakep() {
    if (npidle == 0) return;
    if (nmspinning.get() != 0 || !nmspinning.compareAndSet(0, 1)) return;
    startm(true);
  }

  /**
   * Hands off a P taken from a blocking call (sysmon's retake; Go's handoffp): starts an M on it if
   * it has work or if nobody could otherwise pick up new work; else puts it on the idle list.
   */
  void handoffp(P p) {
    p.m = null;
    if (!p.runqEmpty() || runqsize > 0) {
      startm(p, false);
      return;
    }
    if (nmspinning.get() + npidle == 0 && nmspinning.compareAndSet(0, 1)) {
      startm(p, true);
      return;
    }
    synchronized (lock) {
      if (stw.waiting) {
        stw.stopPLocked(p);
        return;
      }
      if (runqsize > 0 && !done) {
        // work appeared meanwhile: run it
      } else {
        pidleput(p);
        return;
      }
    }
    startm(p, false);
  }

  void acquirep(M m, P p) {
    m.p = p;
    p.m = m;
    p.status = P.RUNNING;
    if (trace != null) trace.procStart(m, p);
  }

  // ==================================================================== timers and idle Ms

  /**
   * The M sleeping until the earliest timer (Go's M blocked in netpoll with a timeout), or null.
   * At most one M has this role; other idle Ms sleep without a deadline.
   */
  volatile M timerSleeper;
  /** The deadline timerSleeper sleeps until (valid while timerSleeper != null). */
  volatile long sleepUntil;

  /** The earliest deadline over all Ps' timers, or {@code none} if there is no timer. Racy. */
  long earliestTimer(long none) {
    long best = none;
    boolean any = false;
    for (P p : allp) {
      if (p.timers.size == 0) continue;
      long w = p.timers.next;
      if (!any || w - best < 0) best = w;
      any = true;
    }
    return best;
  }

  /** True if a pending timer of some P could wake a goroutine (deadlock detection; see the essay). */
  boolean anyTimerCanWake() {
    for (P p : allp) if (p.timers.size > 0 && p.timers.anyCanWake()) return true;
    return false;
  }

  /**
   * A timer was added as the earliest of its heap (Go's wakeNetPoller). The adder published it (the
   * heap's volatile next), then this fence, then reads the sleeper: if the sleeper's deadline is
   * later, wake it so it re-times its sleep; if nobody sleeps on timers, wake an idle P's M, which
   * will take the role when it finds nothing else to do. The sleeper publishes its role and
   * deadline, fences, and re-reads the heaps (stopmTimers), so one of the two sees the other.
   */
  void timerAdded(long when) {
    if (threads != null) {
      threads.timerAdded();
      return;
    }
    java.lang.invoke.VarHandle.fullFence();
    M s = timerSleeper;
    if (s != null) {
      if (when - sleepUntil < 0) s.wake();
    } else {
      wakep();
    }
    if (npidle == 0) sysmon.timerAdded(when); // every P busy: sysmon may have to preempt for it
  }

  /** sysmon: a timer is overdue and nobody sleeps on timers while a P is idle: get an M to run it. */
  void sysmonTimers(long now) {
    if (npidle == 0 || timerSleeper != null) return;
    long w = earliestTimer(now + 1);
    if (w - now < 0) wakep();
  }

  /** Runs the due timers of every P on m (which holds a P): what they ready goes to m's P. */
  void runAllDueTimers(M m) {
    long now = System.nanoTime();
    for (P p : allp) {
      if (!p.timers.due(now)) continue;
      int fired = p.timers.runDue(m.g0, now);
      if (fired > 0 && trace != null) trace.timers(m, fired);
    }
  }

  /**
   * The idle path of findRunnable (m has just given up its P): parks m until startm hands it a P
   * (m.p is then set) or the run ends (m.p stays null). If timers are pending and no other M sleeps
   * on them, m sleeps only until the earliest one, then takes an idle P and goes looking for work
   * as a spinning M (its steal pass runs every P's due timers).
   */
  void stopmTimers(M m) {
    for (;;) {
      boolean sleeper = false;
      long until = 0;
      synchronized (lock) {
        if (done) return;
        m.schedlink = midle;
        midle = m;
        nmidle++;
        if (timerSleeper == null) {
          long now = System.nanoTime();
          until = earliestTimer(now - 1);
          if (until != now - 1) {
            sleeper = true;
            timerSleeper = m;
            sleepUntil = until;
          }
        }
      }
      if (sleeper) {
        java.lang.invoke.VarHandle.fullFence();
        long again = earliestTimer(until);
        if (again - until < 0) sleepUntil = until = again;
        m.sleepUntil(until);
      } else {
        m.sleep();
      }
      P p = m.nextp;
      if (p != null) { // startm popped us from midle and handed us a P
        m.nextp = null;
        if (timerSleeper == m) timerSleeper = null;
        if (done) return;
        acquirep(m, p);
        return;
      }
      if (done) return;
      // Timed out, or woken by timerAdded: leave the idle list (unless startm just took us).
      boolean handedOff;
      boolean timerWake = false;
      synchronized (lock) {
        if (timerSleeper == m) timerSleeper = null;
        handedOff = !midleRemove(m);
        if (!handedOff && earliestTimer(Long.MAX_VALUE) - System.nanoTime() <= 0) {
          P idle = pidleget();
          if (idle != null) {
            acquirep(m, idle);
            m.spinning = true;
            nmspinning.incrementAndGet();
            timerWake = true;
          } else {
            // Every P is busy: they run their own timers at their next schedule; wait for work.
            m.schedlink = midle;
            midle = m;
            nmidle++;
            handedOff = true;
          }
        }
      }
      if (timerWake) { // we woke for timers: run every P's due timers now, not at some later pass
        runAllDueTimers(m);
        return;
      }
      if (handedOff) { // the P (and the wake) from startm are on their way
        do {
          m.sleep(); // a stale wake from timerAdded may come first: wait for the P
          p = m.nextp;
        } while (p == null && !done);
        m.nextp = null;
        if (p == null || done) return;
        acquirep(m, p);
        return;
      }
      // a timer moved earlier (or a spurious wake): sleep again with the new deadline
    }
  }
}
