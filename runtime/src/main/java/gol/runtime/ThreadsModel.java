package gol.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code threads} model: 1:1 threading. Every goroutine runs on its own platform thread (an
 * M that never runs anything else), so the operating system, not gol, decides who runs: there is
 * no run queue, no stealing and no limit on parallelism but the number of cores. A goroutine that
 * blocks blocks its thread: park = its thread sleeps on its M's note, ready = wake that note. The
 * continuation machinery is unchanged (a parking goroutine still unwinds into its own stack and the
 * two-phase park still protects the waker), the thread just waits instead of running others.
 * This is the model of Java's platform threads, pthreads and CPython's threads (minus the GIL).
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>Each goroutine's thread holds a private P (not in allp) for its goroutine-id cache and
 *       counters; main's thread holds P 0, so goroutine ids start as in Go. All these Ps share one
 *       timer heap (P 0's).</li>
 *   <li>A timer thread (Go's old timerproc) sleeps until the earliest timer and fires it.</li>
 *   <li>{@link #active} counts goroutines that are not parked (plus the timer thread while it
 *       fires). When it drops to 0 and no pending timer can wake anyone, the program is deadlocked
 *       (the same rule as the GMP checkdead).</li>
 *   <li>runtime.Gosched and preemption requests make the thread call Thread.yield and go on.</li>
 * </ul>
 *
 * <p>Threading: a goroutine's G is touched by its own thread, except by wakers through
 * {@link #ready} after the two-phase park committed it. {@link #active} is atomic; deadlock
 * checks run under the scheduler lock.
 */
final class ThreadsModel {
  /** JVM stack of goroutine threads other than main (main's is the full maximum). */
  static final long THREAD_STACK = 16L << 20;

  private final Sched sched;
  final Timers timers;
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicLong created = new AtomicLong(), exited = new AtomicLong();
  private M timerM;
  /** Threads started for goroutines (for lessons). */
  final AtomicLong threadsStarted = new AtomicLong();

  ThreadsModel(Sched sched, Timers shared) {
    this.sched = sched;
    this.timers = shared;
  }

  /** Starts main (already set up as a RUNNABLE G with its entry) on P 0, and the timer thread. */
  void start(G mainG, P p0) {
    timerM = sched.newM();
    sched.acquirep(timerM, new P(sched, -1, timers));
    timerM.startWith(this::timerLoop, 1L << 20, "gol-timers");
    created.incrementAndGet();
    active.incrementAndGet();
    M m = sched.newM();
    m.startWith(() -> goroutineLoop(m, p0, mainG), M.stackBytesFor(sched.maxStack), "gol-T" + m.id);
    threadsStarted.incrementAndGet();
  }

  /** The go statement: a new goroutine on a new thread. {@code creator} is the creating thread's P. */
  void go(P creator, Entry e) {
    G g = sched.newG();
    g.id = creator.newGoid();
    g.entry = e;
    g.creatorName = e.creatorName();
    g.creatorLine = e.creatorLine();
    g.state = G.RUNNABLE;
    created.incrementAndGet();
    active.incrementAndGet();
    M m = sched.newM();
    P p = new P(sched, m.id, timers);
    m.startWith(() -> goroutineLoop(m, p, g), THREAD_STACK, "gol-T" + m.id);
    threadsStarted.incrementAndGet();
  }

  /** A waker made g runnable: wake its thread. */
  void ready(G g) {
    g.waitReason = null;
    active.incrementAndGet();
    g.state = G.RUNNABLE;
    g.m.wake();
  }

  /** A timer became the earliest: the timer thread re-times its sleep. */
  void timerAdded() {
    M t = timerM;
    if (t != null) t.wake();
  }

  /** Live goroutines (runtime.NumGoroutine). */
  long gcount() {
    return created.get() - exited.get();
  }

  /** The body of a goroutine's thread: run g, sleep while it is parked, until it ends. */
  private void goroutineLoop(M m, P p, G g) {
    sched.acquirep(m, p);
    try {
      for (;;) {
        if (sched.done) return;
        sched.execute(m, g, false);
        if (sched.done) return;
        if (g.state == G.DEAD) {
          exited.incrementAndGet();
          if (active.decrementAndGet() == 0) checkdead();
          return;
        }
        if (g.parkOp == null) { // yielded (Gosched or a preemption request): let the OS pick
          Thread.yield();
          continue;
        }
        // Parked: from now on a waker may ready g at any moment (ready counts it active again).
        if (active.decrementAndGet() == 0) checkdead();
        while (g.state != G.RUNNABLE && !sched.done) m.sleep();
      }
    } catch (Throwable t) {
      sched.end(2, () -> Traceback.internalError(t));
    }
  }

  /** The timer thread: sleeps until the earliest timer, fires the due ones, repeats. */
  private void timerLoop() {
    M m = timerM;
    try {
      while (!sched.done) {
        long now = System.nanoTime();
        if (timers.due(now)) {
          active.incrementAndGet(); // what it readies is not yet counted: hold off deadlock checks
          timers.runDue(m.g0, now);
          if (active.decrementAndGet() == 0) checkdead();
          continue;
        }
        if (timers.size > 0) m.sleepUntil(timers.next);
        else m.sleep();
      }
    } catch (Throwable t) {
      sched.end(2, () -> Traceback.internalError(t));
    }
  }

  /** Every goroutine is parked: a deadlock unless a pending timer can wake one. */
  private void checkdead() {
    synchronized (sched.lock) {
      if (sched.done || active.get() != 0) return;
      if (timers.size > 0 && timers.anyCanWake()) return;
      if (sched.mainGoexited && sched.liveGoroutines() == 0) {
        sched.end(2, () -> Out.stderr("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n"));
        return;
      }
      sched.end(2, () -> Traceback.deadlock(sched));
    }
  }
}
