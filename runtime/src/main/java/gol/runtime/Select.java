package gol.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The select statement (Go's selectgo), in three passes over the cases:
 * <ol>
 *   <li>Lock every channel involved, in increasing channel id (the lock order, so two selects
 *       sharing channels cannot deadlock), and look for a ready case in a random poll order (so
 *       every ready case is equally likely). A closed channel is ready: a receive gets the zero
 *       value, a send panics. Nil channels are never ready.</li>
 *   <li>None ready: with a default case, return it. Otherwise park: after the unwind,
 *       {@link Op#commit} locks everything again, re-runs pass 1 (a partner may have come), and
 *       else enqueues one {@link Sudog} per case and sleeps with wait reason "select".</li>
 *   <li>The first waker to win {@link Op#tryWin} completes its case and readies the goroutine;
 *       the others skip its sudogs. When the goroutine resumes, {@link Op#resumed} removes the
 *       sudogs of the losing cases (locking everything once more) and stores the result.</li>
 * </ol>
 * Result: a {@link Tuple} with j0 = case index (-1 = default), a0 = received value, j1 = ok.
 */
final class Select {
  private Select() {}

  static Tuple select(G g, Chan[] chans, boolean[] isSend, Object[] vals, boolean hasDefault) {
    int n = chans.length;
    int[] order = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) if (chans[i] != null) order[k++] = i;
    if (k == 0) {
      if (hasDefault) return tuple(-1, null, false);
      Park.forever(g, n == 0 ? Park.SELECT_NO_CASES : Park.SELECT_NIL);
      return null;
    }
    for (int i = k - 1; i > 0; i--) {
      int j = Sched.fastrandn(g, i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    Chan[] lockorder = lockOrder(chans, order, k);
    lockAll(lockorder);
    Tuple t = pass1(g, chans, isSend, vals, order, k, lockorder);
    if (t != null) return t;
    unlockAll(lockorder);
    if (hasDefault) return tuple(-1, null, false);
    g.parkOp = new Op(g, chans, isSend, vals, order, k, lockorder);
    g.status |= G.UNWIND;
    return null;
  }

  /** The distinct non-nil channels, sorted by id. */
  private static Chan[] lockOrder(Chan[] chans, int[] order, int k) {
    Chan[] l = new Chan[k];
    for (int i = 0; i < k; i++) l[i] = chans[order[i]];
    Arrays.sort(l, (a, b) -> Long.compare(a.id, b.id));
    int d = 0;
    for (int i = 0; i < k; i++) if (d == 0 || l[d - 1] != l[i]) l[d++] = l[i];
    return d == k ? l : Arrays.copyOf(l, d);
  }

  static void lockAll(Chan[] l) {
    for (Chan c : l) c.lock();
  }

  static void unlockAll(Chan[] l) {
    for (int i = l.length - 1; i >= 0; i--) l[i].unlock();
  }

  /**
   * Pass 1 (all channels locked): completes the first ready case in poll order, unlocks everything,
   * readies the partner and returns the result; or returns null, still locked.
   */
  private static Tuple pass1(G g, Chan[] chans, boolean[] isSend, Object[] vals, int[] order, int k, Chan[] lockorder) {
    for (int i = 0; i < k; i++) {
      int ci = order[i];
      Chan c = chans[ci];
      if (isSend[ci]) {
        if (c.closed) {
          unlockAll(lockorder);
          throw Panic.plain("send on closed channel");
        }
        if (c.sendLocked(vals[ci])) {
          G partner = c.takeToReady();
          unlockAll(lockorder);
          if (partner != null) Sched.ready(g, partner);
          return tuple(ci, null, false);
        }
      } else {
        Object r = c.recvLocked(Sudog.RECV2);
        if (r != Chan.NOT_READY) {
          G partner = c.takeToReady();
          unlockAll(lockorder);
          if (partner != null) Sched.ready(g, partner);
          Tuple t = (Tuple) r;
          return tuple(ci, t.a0, t.j0 != 0);
        }
      }
    }
    return null;
  }

  static Tuple tuple(int index, Object v, boolean ok) {
    Tuple t = new Tuple();
    t.j0 = index;
    t.a0 = v;
    t.j1 = ok ? 1 : 0;
    return t;
  }

  /** The park request of a blocked select; also the shared state of its sudogs. */
  static final class Op implements ParkOp {
    private final Chan[] chans;
    private final boolean[] isSend;
    private final Object[] vals;
    private final int[] order;
    private final int k;
    private final Chan[] lockorder;
    private Sudog[] sudogs;
    /** 0 while waiting; 1 once a waker won (Go's selectDone). */
    @SuppressWarnings("unused") private volatile int done;
    /** The case that won, set by the winning waker. */
    private Sudog winner;

    private static final VarHandle DONE;
    static {
      try {
        DONE = MethodHandles.lookup().findVarHandle(Op.class, "done", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    Op(G g, Chan[] chans, boolean[] isSend, Object[] vals, int[] order, int k, Chan[] lockorder) {
      this.chans = chans;
      this.isSend = isSend;
      this.vals = vals;
      this.order = order;
      this.k = k;
      this.lockorder = lockorder;
    }

    /** A waker (holding s.c's lock) claims the select; false if another case already won. */
    boolean tryWin(Sudog s) {
      if (!DONE.compareAndSet(this, 0, 1)) return false;
      winner = s;
      return true;
    }

    @Override
    public boolean commit(G g) {
      lockAll(lockorder);
      Tuple t;
      try {
        t = pass1(g, chans, isSend, vals, order, k, lockorder);
      } catch (Panic p) { // a send case on a channel closed meanwhile: panic at the select
        g.pendingPanic = p;
        return false;
      }
      if (t != null) {
        g.retA = t;
        return false;
      }
      sudogs = new Sudog[k];
      for (int i = 0; i < k; i++) {
        int ci = order[i];
        Chan c = chans[ci];
        Sudog s = new Sudog(g, c, isSend[ci] ? Sudog.SEND : Sudog.RECV2, isSend[ci] ? vals[ci] : null, this, ci);
        sudogs[i] = s;
        (isSend[ci] ? c.sendq : c.recvq).enqueue(s);
      }
      unlockAll(lockorder); // from here on a waker may already run g elsewhere: touch nothing
      return true;
    }

    @Override
    public void resumed(G g) {
      lockAll(lockorder);
      for (Sudog s : sudogs) {
        if (s != winner) (s.kind == Sudog.SEND ? s.c.sendq : s.c.recvq).remove(s);
      }
      unlockAll(lockorder);
      Sudog w = winner;
      if (w.kind == Sudog.SEND) {
        if (!w.success) g.pendingPanic = Panic.plain("send on closed channel");
        g.retA = tuple(w.caseIndex, null, false);
      } else {
        g.retA = tuple(w.caseIndex, w.elem, w.success);
      }
    }

    @Override
    public String waitReason() {
      return "select";
    }
  }
}
