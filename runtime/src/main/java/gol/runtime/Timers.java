package gol.runtime;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The timers of one run: a binary min-heap ordered by (when, seq), served by one daemon timer
 * thread that sleeps until the earliest deadline and then fires what is due. A fired timer readies
 * its goroutine through the global run queue (the timer thread holds no P), which wakes an idle M.
 *
 * <p>This is Go 1.10's design (timers served by a dedicated worker) rather than 1.14's per-P heaps
 * run from the scheduler loop; it is correct and keeps the scheduler simple. Moving the heap into
 * P (checkTimers in findRunnable, an idle M blocking until the next timer) is the next step.
 *
 * <p>Invariants: {@link #pending} counts the timers in the heap plus those being fired, and is
 * decremented only after a fired timer's goroutine is on a run queue; so "no runnable G, all Ps
 * idle, pending == 0" really means no goroutine can ever be woken (deadlock detection relies on it).
 * Conversely an M that went idle while a timer was pending did not report a deadlock, so the timer
 * thread re-checks when it retires the last timer.
 * Timers with equal deadlines fire in the order they were added.
 *
 * <p>Threading: {@link #add} on any M (under the heap lock); firing on the timer thread.
 */
final class Timers {
  /** One pending wake-up. Reused: time.Sleep keeps one per G. */
  static class Timer {
    long when;
    long seq;
    int index = -1;
    G g;

    /** Fires the timer on the timer thread. The default readies g. */
    void fire(Sched s) {
      s.readyGlobal(g);
    }
  }

  private final Sched sched;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private Timer[] heap = new Timer[16];
  private int size;
  private long seq;
  private final AtomicInteger pending = new AtomicInteger();
  private Thread thread;
  private volatile boolean stopped;

  Timers(Sched sched) {
    this.sched = sched;
  }

  /** Timers added and not yet fired through to a run queue. */
  int pending() {
    return pending.get();
  }

  /** Adds a timer firing at {@code t.when} (System.nanoTime clock). Any thread. */
  void add(Timer t) {
    pending.incrementAndGet();
    lock.lock();
    try {
      if (thread == null && !stopped) {
        thread = new Thread(this::loop, "gol-timers");
        thread.setDaemon(true);
        thread.start();
      }
      t.seq = seq++;
      if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
      heap[size] = t;
      t.index = size;
      siftUp(size++);
      if (t.index == 0) changed.signal(); // new earliest deadline: the thread must re-time its sleep
    } finally {
      lock.unlock();
    }
  }

  /** Stops the timer thread at the end of the run. */
  void stop() {
    lock.lock();
    try {
      stopped = true;
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    for (;;) {
      Timer due;
      lock.lock();
      try {
        for (;;) {
          if (stopped) return;
          if (size == 0) {
            changed.awaitUninterruptibly();
            continue;
          }
          long wait = heap[0].when - System.nanoTime();
          if (wait <= 0) break;
          try {
            changed.awaitNanos(wait);
          } catch (InterruptedException e) {
            return;
          }
        }
        due = removeTop();
      } finally {
        lock.unlock();
      }
      due.fire(sched);
      // The fired goroutine may already have run and blocked again, and its M may have gone idle
      // seeing this timer still pending: so whoever retires the last timer re-checks for deadlock.
      if (pending.decrementAndGet() == 0) sched.checkdeadFromTimers();
    }
  }

  private Timer removeTop() {
    Timer t = heap[0];
    size--;
    heap[0] = heap[size];
    heap[size] = null;
    if (size > 0) {
      heap[0].index = 0;
      siftDown(0);
    }
    t.index = -1;
    return t;
  }

  private static boolean less(Timer a, Timer b) {
    long d = a.when - b.when; // nanoTime values: compare by difference
    return d < 0 || (d == 0 && a.seq < b.seq);
  }

  private void siftUp(int i) {
    Timer t = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
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
    for (;;) {
      int c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && less(heap[c + 1], heap[c])) c++;
      if (!less(heap[c], t)) break;
      heap[i] = heap[c];
      heap[i].index = i;
      i = c;
    }
    heap[i] = t;
    t.index = i;
  }

  /** Time remaining of the earliest timer in ns, or -1 (for traces and tests). */
  long nextDelay() {
    lock.lock();
    try {
      return size == 0 ? -1 : Math.max(0, heap[0].when - System.nanoTime());
    } finally {
      lock.unlock();
    }
  }

  /** time.Sleep's park request: arms the G's timer once the G is off the JVM stack. */
  static final ParkOp SLEEP = new ParkOp() {
    @Override public boolean commit(G g) {
      g.m.sched.timers.add(g.sleepTimer);
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
