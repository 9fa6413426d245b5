package gol.runtime;

/**
 * A park request: what a goroutine that is unwinding to block wants done once its frames are off
 * the JVM stack (the second phase of Go's {@code gopark(unlockf)}). The scheduler calls
 * {@link #commit} on the M that ran the goroutine, after the unwind finished and the frames were
 * moved to the goroutine's stack. Under the lock of what it waits on, commit re-checks the condition:
 * if a partner arrived in the meantime it completes the operation and returns false (the goroutine
 * stays runnable and is resumed at once); otherwise it enqueues the goroutine as a waiter and returns
 * true (the goroutine is now parked and belongs to that wait queue).
 */
public interface ParkOp {
  boolean commit(G g);

  /** Go's wait reason shown in dumps: "chan receive", "sleep", "semacquire", ... */
  String waitReason();

  /**
   * Called on the M that next runs the goroutine after it was parked by this op (commit returned
   * true) and readied, before its frames resume. Ops that must finish their work on the waiting
   * goroutine's side do it here (select dequeues itself from the channels it lost, and stores its
   * result). The default does nothing.
   */
  default void resumed(G g) {}
}
