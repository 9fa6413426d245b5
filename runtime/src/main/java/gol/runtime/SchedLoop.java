package gol.runtime;


/**
 * The schedule loop (third of the classes {@link Sched}'s code is split into; see
 * {@link SchedQueues}): the body of every M ({@link #mstart}), findRunnable in Go's order,
 * work stealing, deadlock detection, and the trampoline that runs a goroutine until it parks,
 * yields or ends ({@link #execute}).
 */
abstract class SchedLoop extends SchedIdle {
  /** How long a spinning M keeps looking for work before it gives up its P (beyond Go's one pass). */
  static final long SPIN_NS = 20_000;

  SchedLoop(Resumer resumer, String[] args, int procs, Knobs knobs) {
    super(resumer, args, procs, knobs);
  }

  // ==================================================================== the schedule loop

  /** Body of every M thread. */
  void mstart(M m) {
    P p = m.nextp;
    m.nextp = null;
    if (p == null) return;
    acquirep(m, p);
    try {
      for (;;) {
        G g = findRunnable(m);
        if (g == null) return;
        boolean inherit = m.p.lastInherit;
        if (m.spinning) resetspinning(m);
        if (m.stackBytes != M.stackBytesFor(maxStack)) { // debug.SetMaxStack: goroutines move to Ms with the new stack size
          retire(m, g);
          return;
        }
        if (gil != null) { // the gil model: running gol code needs the global lock
          if (!gil.acquire(m)) return;
          try {
            execute(m, g, inherit);
          } finally {
            gil.release(m);
          }
        } else {
          execute(m, g, inherit);
        }
        if (m.p == null) { // g left a blocking call and found no P: this M waits for one (exitsyscall's slow path)
          stopmTimers(m);
          if (m.p == null) return;
        }
      }
    } catch (Throwable t) {
      end(2, () -> Traceback.internalError(t));
    }
  }

  /**
   * Retires m, whose JVM stack no longer matches the maximum stack size: g goes back to the front
   * of m's P, which a new M (started with the new size) takes over; m's thread ends.
   */
  void retire(M m, G g) {
    P p = m.p;
    p.runqput(g, true);
    m.p = null;
    M nm = newM();
    nm.nextp = p;
    nm.start();
  }

  /** The M found work while spinning: stop spinning, and keep one spinner if it was the last. */
  void resetspinning(M m) {
    m.spinning = false;
    if (trace != null) trace.mSpin(m, false);
    if (nmspinning.decrementAndGet() == 0) wakep();
  }

  /**
   * Finds a runnable G for m (which holds a P), parking m while there is none. Returns null when
   * the run is over. Sets {@code m.p.lastInherit} for the returned G.
   */
  G findRunnable(M m) {
    long spinUntil = 0;
    for (;;) {
      if (done) return null;
      if (stw.waiting) {
        if (m.spinning) {
          m.spinning = false;
          nmspinning.decrementAndGet();
        }
        stw.stopP(m);
        stopmTimers(m);
        if (m.p == null) return null;
        continue;
      }
      P p = m.p;
      G g;
      if (p.timers.size > 0) {
        int fired = p.timers.runDue(m.g0, System.nanoTime()); // readies go to p's runnext
        if (fired > 0 && trace != null) trace.timers(m, fired);
      }
      // Fairness: now and then look at the global queue first, so it cannot starve.
      if (p.schedtick % knobs.globalPoll == 0 && runqsize > 0) {
        synchronized (lock) {
          g = globrunqget(p, 1);
        }
        if (g != null) {
          p.lastInherit = false;
          return g;
        }
      }
      g = det != null && det.shuffle ? det.shuffledGet(p) : p.runqget();
      if (g != null) return g;
      if (runqsize > 0) {
        synchronized (lock) {
          g = globrunqget(p, 0);
        }
        if (g != null) {
          p.lastInherit = false;
          return g;
        }
      }
      // Steal, if not too many Ms are at it already (spinners are capped at half the busy Ps).
      if (m.spinning || 2 * nmspinning.get() < allp.length - npidle) {
        if (!m.spinning) {
          m.spinning = true;
          nmspinning.incrementAndGet();
          if (trace != null) trace.mSpin(m, true);
        }
        g = stealWork(m);
        if (g != null) {
          p.lastInherit = false;
          return g;
        }
        // Keep spinning a little (SPIN_NS) before parking: while this M spins, wakep is a no-op,
        // so a stream of ready() calls (ping-pong on several Ps) does not pay a thread wake-up each.
        long now = System.nanoTime();
        if (spinUntil == 0) spinUntil = now + SPIN_NS;
        if (now - spinUntil < 0) {
          Thread.onSpinWait();
          continue;
        }
      }
      // Nothing: give up the P (protocol step 4).
      synchronized (lock) {
        if (done) return null;
        if (runqsize > 0) {
          g = globrunqget(p, 0);
          p.lastInherit = false;
          return g;
        }
        if (trace != null) trace.procStop(m, p);
        m.p = null;
        if (stw.waiting) stw.stopPLocked(p);
        else pidleput(p);
        checkdead();
      }
      if (m.spinning) {
        m.spinning = false;
        nmspinning.decrementAndGet();
        if (runqsize > 0 || anyRunq()) {
          P pp;
          synchronized (lock) {
            pp = done ? null : pidleget();
          }
          if (pp != null) {
            acquirep(m, pp);
            m.spinning = true;
            nmspinning.incrementAndGet();
            spinUntil = 0;
            continue;
          }
        }
      }
      stopmTimers(m);
      if (m.p == null) return null;
      spinUntil = 0; // woken with a P: a new round of looking, with its own spin budget
    }
  }

  /** Four passes over the other Ps in random order, stealing half a ring (runnext on the last pass). */
  G stealWork(M m) {
    P mine = m.p;
    int n = allp.length;
    if (n == 1) return null;
    for (int pass = 0; pass < 4; pass++) {
      boolean last = pass == 3;
      int start = fastrandn(n);
      for (int i = 0; i < n; i++) {
        P victim = allp[(start + i) % n];
        if (victim == mine) continue;
        if (last && victim.timers.due(System.nanoTime())) {
          // Run the victim's due timers here: what they ready lands in our run queue.
          int fired = victim.timers.runDue(m.g0, System.nanoTime());
          if (fired > 0 && trace != null) trace.timers(m, fired);
          G g = mine.runqget();
          if (g != null) return g;
        }
        if (victim.status == P.IDLE || !knobs.steal) continue; // --no-steal: only timers, never Gs
        G g = victim.runqsteal(mine, last);
        if (g != null) return g;
      }
      if (done) return null;
    }
    return null;
  }

  /** A random number in [0, n): seeded under --seed/--shuffle, else thread-local (Go's fastrandn). */
  int fastrandn(int n) {
    return det != null ? det.nextInt(n) : java.util.concurrent.ThreadLocalRandom.current().nextInt(n);
  }

  /** Under lock, when a P goes idle: if every P is idle and nothing can wake a goroutine, deadlock. */
  void checkdead() {
    if (done || npidle != allp.length || runqsize != 0 || nsyscall.get() != 0 || anyTimerCanWake()) return;
    if (mainGoexited && liveGoroutines() == 0) {
      end(2, () -> Out.stderr("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n"));
      return;
    }
    end(2, () -> Traceback.deadlock(self()));
  }

  // ==================================================================== running a goroutine: the trampoline

  /**
   * Runs g on m until it parks, yields or ends (CONTINUATIONS.md §11.5). Owner: m, from the moment
   * g was dequeued. On return m no longer owns g.
   */
  void execute(M m, G g, boolean inherit) {
    P p = m.p;
    if (!inherit) {
      p.schedtick++;   // a new time slice: sysmon times it from when it first sees the new tick
      if (det != null) det.startSlice();
    }
    // unconditional (see Sudog.reuse): a test that skipped the store when g ran on m before flipped
    // when goroutines moved to another M, and threw this compiled loop away (30 ms of C2)
    g.m = m;
    g.state = G.RUNNING;     // after g.m: a dump that reads the (volatile) state as running sees its M
    m.curg = g;
    if (trace != null) trace.goStart(m, g);
    g.parkOp = null;          // the park, if any, is over (a null store: no card mark)
    g.resumeOp.resumed(g);    // NOTHING, or a select's work on this side (see ParkOp.NOTHING)
    for (;;) {
      g.status = 0;
      g.clearPreemptFlag();
      try {
        Entry e = g.entry;
        if (e != null) {
          g.entry = null;
          e.run(g);
        } else if (!g.stack.isEmpty()) {
          if (g.pendingPanic instanceof Panic pp) Traceback.rebaseOnSavedFrames(pp, g, resumer);
          resumer.resume(g, g.stack.topFnId());
        } else {
          Throwable pending = g.pendingPanic;
          if (pending != null) {
            g.pendingPanic = null;
            throw pending;
          }
          goexit(m, g);
          return;
        }
      } catch (Throwable t) {   // one handler, out of line: less for C2 to compile into this loop
        if (thrown(m, g, t)) continue;
        return;
      }
      if ((g.status & G.UNWIND) == 0) continue; // a frame returned: resume the one below it
      m.unwind.commitTo(g.stack);
      if (trace != null) trace.stackCheck(m, g);
      ParkOp op = g.parkOp;
      if (op != null) {
        g.waitSince = sysmon.clock; // a plain copy of a field: no clock read on this path
        g.state = G.WAITING;
        m.curg = null;
        if (trace != null) trace.goBlock(m, g, op.waitReason());
        if (op.commit(g)) return; // parked: g now belongs to what it waits on
        g.parkOp = null;          // completed during commit: carry on
        g.state = G.RUNNING;
        m.curg = g;
        if (trace != null) trace.goBlockCancelled(m, g);
        continue;
      }
      if ((g.status & G.PREEMPT) != 0) { // yield (Gosched, preemption): to the global queue
        g.state = G.RUNNABLE;
        m.curg = null;
        if (threads != null) return; // 1:1: the goroutine's own thread yields to the OS and goes on
        boolean fromSyscall = m.p == null;
        if (trace != null && !fromSyscall) trace.goYield(m, g);
        synchronized (lock) {
          globrunqput(g);
          if (fromSyscall) nsyscall.decrementAndGet(); // under the lock: checkdead sees g queued or in the call
        }
        if (fromSyscall) wakep();
        return;
      }
      m.curg = null;
      end(2, () -> Traceback.internalError(new IllegalStateException("goroutine unwound without a park request")));
      return;
    }
  }

  /**
   * g's code threw t out of the frame execute ran: a panic or runtime.Goexit unwinding through g's
   * saved frames (true: execute resumes the next one, which rethrows or runs its deferred calls), or
   * the end of g (false: g exited, or the run ends with t's message and exit code).
   */
  private boolean thrown(M m, G g, Throwable t) {
    if (t instanceof Panic pa) {
      m.unwind.reset(g.stack);
      if (!g.stack.isEmpty()) {
        Traceback.appendSavedFrames(pa, g, resumer);
        g.pendingPanic = pa; // the next saved frame rethrows it at its resume point
        return true;
      }
      m.curg = null;
      end(2, () -> Traceback.panic(self(), g, pa));
      return false;
    }
    if (t instanceof Goexit ge) {
      m.unwind.reset(g.stack);
      if (!g.stack.isEmpty()) { // deferred calls of saved frames still run: unwind through them
        g.pendingPanic = ge;
        return true;
      }
      if (g == mainG) mainGoexited = true;
      goexit(m, g);
      return false;
    }
    m.curg = null;
    if (t instanceof Exit ex) {
      end(ex.code, null);
    } else if (t instanceof Sched.Fatal f) {
      end(2, () -> Traceback.fatal(self(), g, f));
    } else if (t instanceof StackOverflowError so) {
      m.unwind.reset(g.stack);
      end(2, () -> Traceback.stackOverflow(self(), g, so));
    } else {
      end(2, () -> Traceback.internalError(t));
    }
    return false;
  }

  /** The goroutine returned from its entry function: free it (or end the program if it is main). */
  void goexit(M m, G g) {
    if (trace != null) trace.goEnd(m, g);
    P p = m.p;
    p.countExited(1);
    m.curg = null;
    if (g == mainG && !mainGoexited) {
      g.state = G.DEAD;
      end(0, null);
      return;
    }
    g.state = G.DEAD;
    g.m = null;
    g.retA = null;
    g.stack.clear();
    p.gfput(g);
  }
}
