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
   * Called on the M that next runs the goroutine, before its frames resume, if this op's commit
   * parked it and made this op the goroutine's {@link G#resumeOp}: ops that must finish their work
   * on the waiting goroutine's side do it here (select dequeues itself from the channels it lost,
   * and stores its result), and set resumeOp back to {@link #NOTHING}. The default does nothing.
   */
  default void resumed(G g) {}

  /**
   * The resumeOp of a goroutine with nothing to finish. The scheduler calls
   * {@code g.resumeOp.resumed(g)} whenever it runs a goroutine, with no test: a test that C2 saw go
   * one way only (no goroutine had been woken yet while it compiled the scheduler loop, as in
   * spawn) is compiled as a trap, and the first wake-up threw the whole compiled loop away.
   */
  ParkOp NOTHING = new ParkOp() {
    @Override public boolean commit(G g) { throw new IllegalStateException("not a park request"); }
    @Override public String waitReason() { return null; }
  };
}
