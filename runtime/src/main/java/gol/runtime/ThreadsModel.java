package gol.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
 *   <li>There is no sysmon. With {@code schedtrace=MS} on, a small daemon thread
 *       ({@code gol-schedtrace}) prints {@link SchedTrace}'s lines every MS ms and keeps sysmon's
 *       coarse clock ({@link Sysmon#clock}) fresh for the wait times it prints; it is not counted
 *       in {@code threads=} (it exists only because the trace was asked for).</li>
 *   <li>{@link #live} maps each goroutine thread (by M id) to its M, P and goroutine, for
 *       schedtrace and dumps: a thread is in it from its start to its goroutine's end.</li>
 *   <li>With the execution tracer on, go statements and wake-ups are recorded as in GMP (create
 *       and unblock events, so trace viewers draw the create and wake-up arrows), and a thread
 *       sleeping for its parked goroutine shows as a "parked" slice on its M's track.</li>
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

  /** One goroutine thread: its M, its private P and the goroutine it runs (for ever). */
  record GThread(M m, P p, G g) {}

  /** The goroutine threads alive now, by M id (so in start order). */
  final ConcurrentSkipListMap<Integer, GThread> live = new ConcurrentSkipListMap<>();

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
    live.put(m.id, new GThread(m, p0, mainG));
    m.startWith(() -> goroutineLoop(m, p0, mainG), M.stackBytesFor(sched.maxStack), "gol-T" + m.id);
    threadsStarted.incrementAndGet();
    startSchedTrace(Config.load());
  }

  /** The timer thread's M (schedtrace lists it), or null before the start. */
  M timerM() {
    return timerM;
  }

  /** The live goroutine threads, in start order (a racy snapshot). */
  List<GThread> liveThreads() {
    return new ArrayList<>(live.values());
  }

  /**
   * schedtrace without sysmon: a daemon thread prints a trace whenever one is due and refreshes
   * sysmon's coarse clock at least every 10 ms (as sysmon's rounds do in GMP). Nothing when off.
   */
  private void startSchedTrace(Config config) {
    SchedTrace st = SchedTrace.from(config, sched);
    if (st == null) return;
    Thread t = new Thread(() -> {
      Sysmon sm = sched.sysmon;
      while (!sched.done) {
        long now = System.nanoTime();
        sm.clock = now;
        st.tick(now);
        long wait = Math.min(Sysmon.MAX_DELAY_NS, Math.max(100_000L, st.nextDueNs() - System.nanoTime()));
        LockSupport.parkNanos(this, wait);
      }
    }, "gol-schedtrace");
    t.setDaemon(true);
    t.start();
  }

  /** The go statement: a new goroutine on a new thread. {@code creator} is the creating thread's P. */
  void go(P creator, G g, Entry e) {
    g.id = creator.newGoid();
    g.entry = e;
    g.creatorName = e.creatorName();
    g.creatorLine = e.creatorLine();
    g.state = G.RUNNABLE;
    created.incrementAndGet();
    active.incrementAndGet();
    M m = sched.newM();
    P p = new P(sched, m.id, timers);
    if (sched.trace != null) sched.trace.goCreate(creator, g, e);
    live.put(m.id, new GThread(m, p, g));
    m.startWith(() -> goroutineLoop(m, p, g), THREAD_STACK, "gol-T" + m.id);
    threadsStarted.incrementAndGet();
  }

  /** waker made g runnable: wake g's thread. */
  void ready(G waker, G g) {
    Tracer t = sched.trace;
    if (t != null && waker.m != null) t.goUnblock(waker.m, g, waker);
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
      goroutineLoop0(m, g);
    } finally {
      live.remove(m.id);
    }
  }

  private void goroutineLoop0(M m, G g) {
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
          if (sched.trace != null) sched.trace.goYield(m, g);
          Thread.yield();
          continue;
        }
        // Parked: from now on a waker may ready g at any moment (ready counts it active again).
        // There is no sysmon here to keep its coarse clock fresh (execute stamped g with it), so
        // stamp the park time again from the real clock, for dumps' "N minutes" and schedextra.
        if (g.state == G.WAITING) g.waitSince = System.nanoTime();
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
          int fired = timers.runDue(m.g0, now);
          if (fired > 0 && sched.trace != null) sched.trace.timers(m, fired);
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
