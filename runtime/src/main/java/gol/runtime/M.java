package gol.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * A worker thread (Go's M): a daemon platform thread with a large JVM stack that runs the schedule
 * loop ({@link Sched#schedule}) while it holds a {@link P}, and parks when there is nothing to do.
 *
 * <p>Threading: the fields below are owned by the M's own thread, except {@link #nextp} and
 * {@link #spinning}, which a waker sets under the scheduler lock before it {@link #wake}s a parked
 * M, and the park note, which is the hand-over point between the two.
 */
public final class M {
  /** Frame scratch for suspending and resuming goroutines on this M. Known to the compiler (via G). */
  public final Unwind unwind = new Unwind();

  /** JVM stack reserved for each M: running goroutines keep their live frames on it. */
  static final long STACK_BYTES = 512L << 20;

  final Sched sched;
  final int id;
  Thread thread;
  /** The P this M holds while it runs goroutines; null while idle. */
  P p;
  /** The P handed to this M by whoever woke it (startm); taken over when it wakes. */
  P nextp;
  /** True while the M looks for work to steal (counted in Sched.nmspinning). */
  boolean spinning;
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
    thread = new Thread(null, () -> sched.mstart(this), "gol-M" + id, STACK_BYTES);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Parks the calling thread (which must be this M's) until {@link #wake} is called; a wake that
   * came first is not lost (the note stays set). Spurious unparks are absorbed by the loop.
   */
  void sleep() {
    while (!note) LockSupport.park(this);
    note = false;
  }

  /**
   * Like {@link #sleep}, but returns by {@code deadline} (System.nanoTime) at the latest. Returns
   * true if woken (the note was consumed), false on timeout (the note stays clear).
   */
  boolean sleepUntil(long deadline) {
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
