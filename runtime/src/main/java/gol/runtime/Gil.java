package gol.runtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The global interpreter lock of the {@code gil} model: the GMP scheduler runs as usual, but an M
 * must hold this one lock while it runs gol code, as a CPython thread must hold the GIL to run
 * Python bytecode. So however many Ps there are, at most one goroutine computes at a time:
 * CPU-bound goroutines do not speed up with more Ps, while goroutines that mostly wait (sleep,
 * channels, blocking calls) still overlap, because waiting does not need the lock.
 *
 * <h2>Rules (CPython 3.2's "new GIL")</h2>
 * <ul>
 *   <li>An M takes the lock before it runs a goroutine ({@link SchedLoop#mstart} around
 *       execute) and releases it when the goroutine parks, yields or ends.</li>
 *   <li>Blocking calls release it: {@link Sched#entersyscall} drops the lock, {@link Sched#exitsyscall}
 *       takes it back before the goroutine continues (CPython's Py_BEGIN_ALLOW_THREADS).</li>
 *   <li>Switch interval: a waiter that has waited {@code gilinterval} ms (CPython's
 *       sys.setswitchinterval, default 5 ms) asks the holder's goroutine to yield (the preemption
 *       bit, CPython's eval_breaker/gil_drop_request). The lock is fair, so the goroutine that drops
 *       it cannot take it straight back while someone waits (CPython's FORCE_SWITCHING).</li>
 * </ul>
 *
 * <p>With the execution tracer on, each M records its waits for the lock, its takes and drops, and
 * its requests to the holder (Tracer's gil events); with tracing off that costs one null test per
 * acquire and release.
 *
 * <p>Threading: {@link #acquire}/{@link #release} are called by the M that holds or wants the lock;
 * {@link #holder} is read racily by waiters (a stale read costs at most a needless yield request).
 */
final class Gil {
  private final ReentrantLock lock = new ReentrantLock(true);
  private final long intervalNs;
  private final Sched sched;
  /** The M holding the lock, or null. */
  private volatile M holder;
  /** Times a waiter asked the holder to drop the lock (for tests and lessons). */
  volatile long dropRequests;

  Gil(Sched sched, long intervalNs) {
    this.sched = sched;
    this.intervalNs = intervalNs;
  }

  /**
   * Takes the lock for m, asking the holder to yield after each interval spent waiting. Returns
   * false (without the lock) if the run ended meanwhile.
   */
  boolean acquire(M m) {
    Tracer t = sched.trace;
    if (t != null) t.gilWait(m);
    for (;;) {
      if (sched.done) return false;
      try {
        if (lock.tryLock(intervalNs, TimeUnit.NANOSECONDS)) {
          holder = m;
          if (t != null) t.gilAcquire(m);
          return true;
        }
      } catch (InterruptedException e) {
        // not used by gol; keep waiting
      }
      M h = holder;
      G g = h == null ? null : h.curg;
      if (g != null && g.requestPreempt()) {
        dropRequests++;
        if (t != null) t.gilDropRequest(m, g, h);
      }
    }
  }

  /** Releases the lock (the caller is its holder). */
  void release(M m) {
    if (holder == m) {
      Tracer t = sched.trace;
      if (t != null) t.gilRelease(m);
    }
    if (holder == m) holder = null;
    if (lock.isHeldByCurrentThread()) lock.unlock();
  }

  /** The M holding the lock now, or null (racy: for schedtrace). */
  M holder() {
    return holder;
  }

  /** True if the calling thread holds the lock. */
  boolean heldByMe() {
    return lock.isHeldByCurrentThread();
  }
}
