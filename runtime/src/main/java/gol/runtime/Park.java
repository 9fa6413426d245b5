package gol.runtime;

/**
 * Park requests that need no wait queue: the goroutine blocks forever (a nil channel,
 * {@code select {}}). Such a goroutine is recorded nowhere but in the scheduler's list of all
 * goroutines, so it shows in deadlock dumps with its wait reason and can never be woken.
 */
final class Park {
  private Park() {}

  static final ParkOp CHAN_SEND_NIL = forever("chan send (nil chan)");
  static final ParkOp CHAN_RECV_NIL = forever("chan receive (nil chan)");
  static final ParkOp SELECT_NO_CASES = forever("select (no cases)");
  static final ParkOp SELECT_NIL = forever("select");

  private static ParkOp forever(String reason) {
    return new ParkOp() {
      @Override public boolean commit(G g) { return true; }
      @Override public String waitReason() { return reason; }
    };
  }

  /** Blocks g forever with op's wait reason (the first phase: request and unwind). */
  static void forever(G g, ParkOp op) {
    g.parkOp = op;
    g.status |= G.UNWIND;
  }
}
