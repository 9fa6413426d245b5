package gol.runtime;

import java.util.Arrays;

/**
 * The timers of one P: a 4-ary min-heap ordered by (when, seq), as in Go 1.14+. There is no timer
 * thread: the scheduler runs due timers itself ({@link Sched}'s findRunnable calls {@link #runDue}
 * on its own P's heap at every schedule, and a stealing M runs other Ps' due timers on its last
 * pass), and an M that goes idle while timers are pending sleeps until the earliest one.
 *
 * <p>A 4-ary heap is shallower than a binary one (log4 n levels), so sift-up on insertion (the
 * common operation: every Sleep) touches half as many nodes; sift-down compares four children
 * that sit in one cache line.
 *
 * <h2>Ownership of a timer</h2>
 * A timer is <em>pending</em> while it is in some heap: {@link Timer#heap} names it (written
 * under that heap's lock). Stop ({@link #stop}) locks the heap the timer is in and removes it;
 * {@link #runDue} pops a due timer under the lock (so from then on Stop returns false, as Go's
 * Stop does once the timer has expired) and fires it after unlocking. A periodic timer (Ticker) is
 * pushed back with its next deadline before it fires. Timers never move between heaps except when
 * GOMAXPROCS shrinks (the world is stopped then).
 *
 * <p>Threading: every method takes the heap's lock (a leaf lock: nothing else is locked while it
 * is held, except that the scheduler lock may be held around it). {@link #next} and {@link #size}
 * are readable without the lock (racy snapshots for the scheduler and sysmon).
 *
 * <p>Clock: deadlines are System.nanoTime values compared by difference; every method that needs
 * the time takes it as a parameter, so tests drive the heap with a fake clock.
 */
public final class Timers extends SpinLock {
  /**
   * One pending wake-up. The base class readies {@link #g} (time.Sleep keeps one per G); time.Timer,
   * time.Ticker and time.AfterFunc are subclasses (in gol.runtime.lib.time) that override
   * {@link #fire} and {@link #canWake}.
   */
  public static class Timer {
    long when;
    /** Period in ns for a ticker (re-armed after each firing), 0 for a one-shot timer. */
    public long period;
    long seq;
    int index = -1;
    /** The heap holding this timer while it is pending, else null. Written under that heap's lock. */
    volatile Timers heap;
    /** The goroutine a sleep timer wakes. */
    G g;

    /**
     * Fires the timer; {@code waker} is the scheduler goroutine (g0) of the M running it, holding a
     * P (readied goroutines go to its run queue). Runs without the heap lock. The default readies g.
     */
    public void fire(G waker, long now) {
      Sched.ready(waker, g);
    }

    /**
     * Could firing this timer wake a goroutine? Deadlock detection asks it when every goroutine is
     * blocked (nothing runs, so the answer cannot change meanwhile). A sleep or AfterFunc timer
     * always can; a channel timer only if a goroutine waits to receive on its channel.
     */
    public boolean canWake() {
      return true;
    }

    /** Is the timer in a heap (armed and not yet fired or stopped)? Racy. */
    public boolean pending() {
      return heap != null;
    }
  }

  private Timer[] heap = new Timer[8];
  /** Number of timers in the heap (written under the lock, read racily). */
  volatile int size;
  /** Deadline of the earliest timer (valid when size > 0; written under the lock, read racily). */
  volatile long next;
  private long seq;

  // ==================================================================== heap operations (take the lock)

  /** Adds t (not pending) to fire at {@code when}. Returns true if it became this heap's earliest. */
  boolean add(Timer t, long when) {
    lock();
    try {
      t.when = when;
      t.seq = seq++;
      push(t);
      return t.index == 0;
    } finally {
      unlock();
    }
  }

  /**
   * Stops t: removes it from whatever heap holds it. Returns true if it was pending (Go's
   * Timer.Stop result). Any thread.
   */
  static boolean stop(Timer t) {
    for (;;) {
      Timers h = t.heap;
      if (h == null) return false;
      h.lock();
      try {
        if (t.heap != h) continue; // fired or moved meanwhile: look again
        h.removeAt(t.index);
        return true;
      } finally {
        h.unlock();
      }
    }
  }

  /**
   * Fires every timer due at {@code now}, in deadline order; periodic timers are re-armed first.
   * Returns the number fired. {@code waker} is passed to {@link Timer#fire}.
   */
  int runDue(G waker, long now) {
    int n = 0;
    for (;;) {
      if (size == 0 || next - now > 0) return n;
      Timer t;
      lock();
      try {
        if (size == 0 || heap[0].when - now > 0) return n;
        t = heap[0];
        removeAt(0);
        if (t.period > 0) {
          // Go's rule: the next tick is the first multiple of the period after now (missed ticks are dropped).
          long late = now - t.when;
          t.when += t.period * (1 + late / t.period);
          t.seq = seq++;
          push(t);
        }
      } finally {
        unlock();
      }
      t.fire(waker, now);
      n++;
    }
  }

  /** Is a timer due at now? Racy, lock-free. */
  boolean due(long now) {
    return size > 0 && next - now <= 0;
  }

  /** True if some pending timer could wake a goroutine ({@link Timer#canWake}). */
  boolean anyCanWake() {
    lock();
    try {
      for (int i = 0; i < size; i++) if (heap[i].canWake()) return true;
      return false;
    } finally {
      unlock();
    }
  }

  /** Moves every timer of this heap into {@code to} (GOMAXPROCS shrank; the world is stopped). */
  void moveAllTo(Timers to) {
    lock();
    Timer[] ts;
    int n;
    try {
      ts = Arrays.copyOf(heap, size);
      n = size;
      for (int i = 0; i < n; i++) {
        heap[i].heap = null;
        heap[i].index = -1;
        heap[i] = null;
      }
      size = 0;
    } finally {
      unlock();
    }
    for (int i = 0; i < n; i++) to.add(ts[i], ts[i].when);
  }

  // ==================================================================== the 4-ary heap (under the lock)

  private void push(Timer t) {
    int n = size;
    if (n == heap.length) heap = Arrays.copyOf(heap, n * 2);
    heap[n] = t;
    t.index = n;
    t.heap = this;
    size = n + 1;
    siftUp(n);
    next = heap[0].when;
  }

  private void removeAt(int i) {
    Timer t = heap[i];
    int last = size - 1;
    if (i != last) {
      heap[i] = heap[last];
      heap[i].index = i;
    }
    heap[last] = null;
    size = last;
    if (i != last) {
      if (i > 0 && less(heap[i], heap[(i - 1) >> 2])) siftUp(i);
      else siftDown(i);
    }
    t.index = -1;
    t.heap = null;
    if (last > 0) next = heap[0].when;
  }

  private static boolean less(Timer a, Timer b) {
    long d = a.when - b.when;
    return d < 0 || (d == 0 && a.seq < b.seq);
  }

  private void siftUp(int i) {
    Timer t = heap[i];
    while (i > 0) {
      int parent = (i - 1) >> 2;
      if (!less(t, heap[parent])) break;
      heap[i] = heap[parent];
      heap[i].index = i;
      i = parent;
    }
    heap[i] = t;
    t.index = i;
  }

  private void siftDown(int i) {
    Timer t = heap[i];
    int n = size;
    for (;;) {
      int c = 4 * i + 1;
      if (c >= n) break;
      int best = c;
      for (int k = c + 1; k < Math.min(c + 4, n); k++) if (less(heap[k], heap[best])) best = k;
      if (!less(heap[best], t)) break;
      heap[i] = heap[best];
      heap[i].index = i;
      i = best;
    }
    heap[i] = t;
    t.index = i;
  }

  // ==================================================================== the library's entry points

  /**
   * Arms t to fire {@code d} ns from now in the heap of the P running g (Go's addtimer): t must not
   * be pending. Wakes an idle M if t may fire before anyone would otherwise look.
   */
  public static void start(G g, Timer t, long d) {
    M m = g.m;
    long when = System.nanoTime() + Math.max(0, Math.min(d, 1L << 61));
    boolean first = m.p.timers.add(t, when);
    if (first) m.sched.timerAdded(when);
  }

  /** Stops t (Go's deltimer): true if it was pending. */
  public static boolean cancel(Timer t) {
    return stop(t);
  }

  /** time.Sleep's park request: arms the G's timer once the G is off the JVM stack. */
  static final ParkOp SLEEP = new ParkOp() {
    @Override public boolean commit(G g) {
      Timer t = g.sleepTimer;
      M m = g.m;
      if (m.p.timers.add(t, t.when)) m.sched.timerAdded(t.when);
      return true;
    }
    @Override public String waitReason() { return "sleep"; }
  };

  /** time.Sleep(d): parks g for d nanoseconds (returns at once if d <= 0). Continuation contract. */
  static void sleep(G g, long d) {
    if (d <= 0) return;
    Timer t = g.sleepTimer;
    if (t == null) {
      t = new Timer();
      t.g = g;
      g.sleepTimer = t;
    }
    t.when = System.nanoTime() + Math.min(d, 1L << 61);
    g.parkOp = SLEEP;
    g.status |= G.UNWIND;
  }
}
