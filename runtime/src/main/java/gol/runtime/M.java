package gol.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * A worker thread (Go's M): a daemon platform thread with a large JVM stack that runs the schedule
 * loop ({@link SchedLoop#mstart}) while it holds a {@link P}, and parks when there is nothing to do.
 *
 * <p>Threading: the fields below are owned by the M's own thread, except {@link #nextp} and
 * {@link #spinning}, which a waker sets under the scheduler lock before it {@link #wake}s a parked
 * M, and the park note, which is the hand-over point between the two.
 */
public final class M {
  /** Frame scratch for suspending and resuming goroutines on this M. Known to the compiler (via G). */
  public final Unwind unwind = new Unwind();

  /**
   * JVM stack reserved for each M: running goroutines keep their live frames on it, so it bounds
   * recursion depth. Sizing: a JVM frame of a small compiled gol function (one int parameter, one
   * call) takes about 64 bytes, twice Go's frame for the same function (about 32), so Go's stack
   * limit of {@code maxStack} bytes corresponds to a JVM stack of maxStack / 2. Measured: with the
   * default limit (1 GB, so 512 MB of JVM stack) {@code func rec(n int) int { return rec(n+1) + 1 }}
   * overflows after about 8,000,000 levels; 1,000,000 levels of recursion work in any goroutine.
   * The stack is reserved virtually and committed by the OS only as it is touched.
   */
  static final long STACK_BYTES = 512L << 20;

  /** The JVM stack size of an M started while the maximum Go stack is maxStack bytes (see STACK_BYTES). */
  static long stackBytesFor(long maxStack) {
    return Math.max(1L << 20, Math.min(maxStack / 2, 1L << 30));
  }

  final Sched sched;
  final int id;
  /** The JVM stack size this M's thread was started with. */
  long stackBytes;
  Thread thread;
  /** The P this M holds while it runs goroutines; null while idle. */
  P p;
  /** The P handed to this M by whoever woke it (startm); taken over when it wakes. */
  P nextp;
  /** True while the M looks for work to steal (counted in Sched.nmspinning). */
  boolean spinning;
  /** Calls of {@link SchedIdle#wakep(M)} by this M (it sends every 256th to the full test). */
  int wakepTick;
  /** The goroutine running on this M, or null. */
  G curg;
  /** Next idle M (the idle list is a stack under the scheduler lock). */
  M schedlink;
  /** The P this M released when its goroutine entered a blocking call (Go's m.oldp); it tries to get it back. */
  P oldp;
  /**
   * The scheduler's own goroutine on this M (Go's g0): the waker when the scheduler itself readies
   * goroutines (timers fired from findRunnable). Never runs gol code.
   */
  final G g0 = new G();

  /** This M's execution-trace buffer (created at its first event when tracing is on); its thread only. */
  Tracer.Buf tbuf;

  /** The park note: set by {@link #wake}, consumed by {@link #sleep}. */
  private volatile boolean note;

  /** An M outside any scheduler: lets tests (and the compiler's tests) run compiled code on a plain thread. */
  public M() {
    this(null, 0);
  }

  M(Sched sched, int id) {
    this.sched = sched;
    this.id = id;
    g0.m = this;
  }

  /** Starts the thread; it runs the schedule loop with {@link #nextp}. */
  void start() {
    stackBytes = stackBytesFor(sched.maxStack);
    thread = new Thread(null, new Body(this), "gol-M" + id, stackBytes);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The thread's body: the schedule loop. A class, not a lambda: the first lambda of a JVM
   * bootstraps the method-handle machinery, several ms of every program's start-up.
   */
  private static final class Body implements Runnable {
    private final M m;

    Body(M m) {
      this.m = m;
    }

    @Override public void run() {
      m.sched.mstart(m);
    }
  }

  /** Starts the thread with its own body and JVM stack size (the threads model's goroutine threads). */
  void startWith(Runnable body, long stackBytes, String name) {
    this.stackBytes = stackBytes;
    thread = new Thread(null, body, name, stackBytes);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Parks the calling thread (which must be this M's) until {@link #wake} is called; a wake that
   * came first is not lost (the note stays set). Spurious unparks are absorbed by the loop.
   */
  void sleep() {
    Tracer t = sched == null ? null : sched.trace;
    if (t != null) t.mPark(this);
    while (!note) LockSupport.park(this);
    note = false;
    if (t != null) t.mUnpark(this);
  }

  /**
   * Like {@link #sleep}, but returns by {@code deadline} (System.nanoTime) at the latest. Returns
   * true if woken (the note was consumed), false on timeout (the note stays clear).
   */
  boolean sleepUntil(long deadline) {
    Tracer t = sched == null ? null : sched.trace;
    if (t != null) t.mPark(this);
    try {
      return sleepUntil0(deadline);
    } finally {
      if (t != null) t.mUnpark(this);
    }
  }

  private boolean sleepUntil0(long deadline) {
    for (;;) {
      if (note) {
        note = false;
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) return false;
      LockSupport.parkNanos(this, left);
    }
  }

  /** Wakes the M from {@link #sleep}, or makes its next sleep return at once. Any thread. */
  void wake() {
    note = true;
    LockSupport.unpark(thread);
  }
}
