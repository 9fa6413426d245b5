package gol.runtime;

/**
 * A counting semaphore that parks goroutines, not threads (Go's runtime sema, behind
 * sync.Mutex and sync.WaitGroup). {@link #acquire} takes a permit or parks the goroutine in FIFO
 * order; {@link #release} hands its permit straight to the first waiter (readied into the
 * releaser's runnext) or banks it.
 *
 * <p>Invariant (under the lock): {@code count > 0} implies no goroutine waits. A Sema is its own
 * {@link ParkOp}: its commit re-checks for a permit banked while the acquirer was unwinding.
 * Waiting Gs are linked through {@code G.schedlink} (free while a G is WAITING).
 */
public final class Sema extends SpinLock implements ParkOp {
  private final String reason;
  private long count;
  private G head, tail;

  /** reason: the wait reason shown in dumps ("semacquire" in Go 1.19). */
  public Sema(String reason) {
    this.reason = reason;
  }

  public Sema() {
    this("semacquire");
  }

  /** Takes a permit, or parks g until one is released (continuation contract). */
  public static void acquire(G g, Sema s) {
    s.lock();
    if (s.count > 0) {
      s.count--;
      s.unlock();
      return;
    }
    s.unlock();
    g.parkOp = s;
    g.status |= G.UNWIND;
  }

  /** Releases a permit: to the first waiter if any (woken by g), else banked. */
  public void release(G g) {
    lock();
    G w = head;
    if (w != null) {
      head = w.schedlink;
      if (head == null) tail = null;
      w.schedlink = null;
      unlock();
      Sched.ready(g, w);
      return;
    }
    count++;
    unlock();
  }

  /**
   * Acquires on behalf of the parked goroutine w (sync.Cond hands a woken waiter to its mutex): if a
   * permit is banked, w takes it and is readied by waker; else w waits in the queue.
   */
  public void acquireFor(G waker, G w) {
    if (!commit(w)) Sched.ready(waker, w);
  }

  /** Second phase of acquire: take a permit banked meanwhile, or enqueue. */
  @Override
  public boolean commit(G g) {
    lock();
    if (count > 0) {
      count--;
      unlock();
      return false;
    }
    g.schedlink = null;
    if (tail == null) head = g;
    else tail.schedlink = g;
    tail = g;
    unlock();
    return true;
  }

  @Override
  public String waitReason() {
    return reason;
  }

  /** Number of parked goroutines (for tests). */
  public int waiters() {
    lock();
    try {
      int n = 0;
      for (G w = head; w != null; w = w.schedlink) n++;
      return n;
    } finally {
      unlock();
    }
  }
}
