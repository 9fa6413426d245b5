package gol.runtime;

/**
 * A goroutine waiting on a channel (Go's sudog): one per blocked send or receive, one per case of
 * a blocked select. A plain send/receive sudog is also the {@link ParkOp} of its operation: its
 * {@link #commit} runs the second phase of the park (see {@link Sched}).
 *
 * <p>Threading: fields are written under the lock of {@link #c} (or before the sudog is published);
 * the waker that dequeues a sudog owns it.
 */
final class Sudog implements ParkOp {
  /**
   * What the waiting goroutine does: send; receive into g.retA (boxing a primitive channel's
   * element); receive as one Tuple in g.retA (Chan.recv2); receive a primitive element into g.retJ.
   * Select sudogs are SEND or RECV; their values stay in the sudog.
   */
  static final int SEND = 0, RECV = 1, RECV2 = 2, RECVJ = 3;

  final G g;
  /** The channel and the operation; re-set when a select reuses the sudog ({@link #reuse}). */
  Chan c;
  int kind;
  /** The value to send, or the value received (filled in by the waker): elem, or elemJ on a primitive channel. */
  Object elem;
  long elemJ;
  /** True if the operation completed by a partner, false if woken by close. */
  boolean success;
  /** For select: the select's op and this case's index; null for a plain operation. */
  final Select.Op sel;
  int caseIndex;
  /** Wait queue links; {@link #queued} is true while on a queue. */
  Sudog next, prev;
  boolean queued;

  Sudog(G g, Chan c, int kind, Object elem, long elemJ, Select.Op sel, int caseIndex) {
    this.g = g;
    this.c = c;
    this.kind = kind;
    this.elem = elem;
    this.elemJ = elemJ;
    this.sel = sel;
    this.caseIndex = caseIndex;
  }

  /**
   * Re-arms the sudog for its goroutine's next blocking operation (G.chanSudog, Select.Cases keep
   * them): safe because once the goroutine runs again, no queue and no waker refers to it.
   */
  void reuse(Chan c, int kind, Object elem, long elemJ, int caseIndex) {
    // Stored unconditionally: gol runs ParallelGC, whose barrier is one card store. A test that
    // skips an unchanged store (to spare G1's fenced barrier) is a branch C2 compiles for one way,
    // and a program whose goroutines switch channels took it the other way and lost the code.
    this.c = c;
    this.kind = kind;
    this.elem = elem;
    this.elemJ = elemJ;
    this.caseIndex = caseIndex;
    this.success = false;
  }

  @Override
  public boolean commit(G g) {
    return kind == SEND ? c.commitSend(this) : c.commitRecv(this);
  }

  @Override
  public String waitReason() {
    return kind == SEND ? "chan send" : "chan receive";
  }

  /** A FIFO queue of sudogs (Go's waitq), doubly linked so a select can remove its other cases. */
  static final class WaitQ {
    private Sudog first, last;

    boolean isEmpty() {
      return first == null;
    }

    void enqueue(Sudog s) {
      s.next = null;
      s.prev = last;
      if (last == null) first = s;
      else last.next = s;
      last = s;
      s.queued = true;
    }

    void remove(Sudog s) {
      if (!s.queued) return;
      if (s.prev == null) first = s.next;
      else s.prev.next = s.next;
      if (s.next == null) last = s.prev;
      else s.next.prev = s.prev;
      s.next = s.prev = null;
      s.queued = false;
    }

    /**
     * Removes and returns the first waiter that can still be woken: a select waiter must win the
     * CAS on its goroutine's selectDone, or it is being woken by another channel and is skipped
     * (it will remove itself). Null if there is none.
     */
    Sudog dequeue() {
      for (;;) {
        Sudog s = first;
        if (s == null) return null;
        remove(s);
        if (s.sel != null && !s.sel.tryWin(s)) continue;
        return s;
      }
    }

    /** Number of waiters (for tests and dumps). */
    int size() {
      int n = 0;
      for (Sudog s = first; s != null; s = s.next) n++;
      return n;
    }
  }
}
