package gol.runtime;

/**
 * Stopping the world and resizing the set of Ps: {@code runtime.GOMAXPROCS(n)} (Go's
 * stopTheWorld, procresize and startTheWorld).
 *
 * <h2>Protocol</h2>
 * <ol>
 *   <li>The goroutine calling GOMAXPROCS keeps its P and runs the whole procedure on its own M.
 *       Under the scheduler lock it sets {@link #waiting}, takes every idle P off the idle list
 *       (status STOP) and counts the Ps still to stop in {@link #stopwait}.</li>
 *   <li>Ps lent to blocking calls are stopped by CAS SYSCALL to STOP (a goroutine returning from
 *       its call then finds neither its P nor an idle one and yields to the global queue).</li>
 *   <li>Running Ps stop at their M's next scheduling point: findRunnable and the idle path check
 *       {@link #waiting} and hand their P over ({@link #stopP}); the stopper asks their goroutines
 *       to yield (the preemption bit) every millisecond until {@code stopwait} reaches 0. sysmon's
 *       handoffp also stops rather than idles a P while the world is stopping.</li>
 *   <li>With every other P stopped and no M running gol code, the stopper builds the new P array:
 *       new Ps are added; the Gs of removed Ps (runnext and ring) go to the global queue, their
 *       timers to P 0, their dead-G lists to the global free list and their goroutine counts to P 0.
 *       If the stopper's own P is removed, it continues on P 0.</li>
 *   <li>It clears {@code waiting} and gives every stopped P either to an M (if it has work) or to
 *       the idle list, then calls wakep.</li>
 * </ol>
 * Only one stop-the-world runs at a time. A second goroutine calling GOMAXPROCS while the world is
 * stopping cannot wait at a scheduling point (it is inside a library call), so its M hands its P
 * to the stopper as stopped, waits for the restart without a P, takes any idle P and then does its
 * own resize.
 */
final class StopTheWorld {
  private final Sched sched;
  /** Set while the world is stopping or stopped (Go's sched.gcwaiting). */
  volatile boolean waiting;
  /** Ps still to stop (under the scheduler lock). */
  private int stopwait;
  /** The P of the M stopping the world. */
  private P mine;
  /** Runs of resize (for tests). */
  volatile int resizes;

  /** Ps still to stop, read without the lock (for scheddetail's stopwait). */
  int stopwaitRacy() {
    return stopwait;
  }

  StopTheWorld(Sched sched) {
    this.sched = sched;
  }

  /** An M at a scheduling point while the world stops: gives up its P (then parks as idle). */
  void stopP(M m) {
    synchronized (sched.lock) {
      P p = m.p;
      m.p = null;
      stopPLocked(p);
    }
  }

  /** Marks p stopped and counts it. Under the scheduler lock. */
  void stopPLocked(P p) {
    if (p == null || p == mine) return;
    p.m = null;
    p.status = P.STOP;
    if (--stopwait == 0) sched.lock.notifyAll();
  }

  /** Stops the world, resizes to n Ps, restarts. On the M of the calling goroutine, which holds a P. */
  void resize(M m, int n) {
    stop(m);
    try {
      procresize(m, n);
    } finally {
      start(m);
    }
    resizes++;
  }

  private void stop(M m) {
    synchronized (sched.lock) {
      while (waiting) { // another stopper: our P counts as stopped; wait for the restart, then take a P
        P p = m.p;
        m.p = null;
        stopPLocked(p);
        try {
          while (waiting) sched.lock.wait();
          P q;
          while ((q = sched.pidleget()) == null) sched.lock.wait(1);
          sched.acquirep(m, q);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      mine = m.p;
      waiting = true;
      stopwait = sched.allp.length - 1;
      P p;
      while ((p = sched.pidleget()) != null) {
        p.status = P.STOP;
        stopwait--;
      }
    }
    for (P p : sched.allp) {
      if (p != mine && p.casStatus(P.SYSCALL, P.STOP)) {
        synchronized (sched.lock) {
          stopwait--;
        }
      }
    }
    synchronized (sched.lock) {
      while (stopwait > 0 && !sched.done) {
        for (P p : sched.allp) {
          if (p == mine || p.status != P.RUNNING) continue;
          M pm = p.m;
          G g = pm == null ? null : pm.curg;
          if (g != null) g.requestPreempt();
        }
        try {
          sched.lock.wait(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Builds the new P array (the world is stopped). */
  private void procresize(M m, int n) {
    synchronized (sched.lock) {
      P[] old = sched.allp;
      P[] ps = new P[n];
      for (int i = 0; i < n; i++) {
        if (i < old.length) {
          ps[i] = old[i];
        } else {
          ps[i] = new P(sched, i);
          ps[i].status = P.STOP;
        }
      }
      P p0 = ps[0];
      for (int i = n; i < old.length; i++) {
        P gone = old[i];
        G g;
        while ((g = gone.runqget()) != null) sched.globrunqput(g);
        gone.timers.moveAllTo(p0.timers);
        gone.gfmoveTo(p0);
        gone.moveCountsTo(p0);
        gone.status = P.STOP;
      }
      if (mine.id >= n) { // our P goes away: continue on P 0
        P was = mine;
        G g;
        while ((g = was.runqget()) != null) sched.globrunqput(g);
        was.m = null;
        mine = p0;
        sched.acquirep(m, p0);
      }
      sched.allp = ps;
      sched.gomaxprocsSet(n);
    }
  }

  /** Restarts: Ps with work get Ms, the others go idle. */
  private void start(M m) {
    java.util.List<P> toRun = new java.util.ArrayList<>();
    synchronized (sched.lock) {
      waiting = false;
      for (P p : sched.allp) {
        if (p == mine || p.status != P.STOP) continue;
        if (!p.runqEmpty()) toRun.add(p);
        else sched.pidleput(p);
      }
      mine = null;
      sched.lock.notifyAll(); // a second stopper waits for the restart
    }
    for (P p : toRun) sched.startm(p, false);
    sched.wakep();
  }
}
