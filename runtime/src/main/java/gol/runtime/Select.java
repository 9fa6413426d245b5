package gol.runtime;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The select statement (Go's selectgo), in three passes over the cases:
 * <ol>
 *   <li>Lock every channel involved, in increasing channel id (the lock order, so two selects
 *       sharing channels cannot deadlock), and look for a ready case in a random poll order (so
 *       every ready case is equally likely). A closed channel is ready: a receive gets the zero
 *       value, a send panics. Nil channels are never ready.</li>
 *   <li>None ready: with a default case, unlock and return it. Otherwise park with every channel
 *       still locked: after the unwind, {@link Op#commit} enqueues one {@link Sudog} per case and
 *       unlocks, and the goroutine sleeps with wait reason "select".</li>
 *   <li>The first waker to win {@link Op#tryWin} completes its case and readies the goroutine;
 *       the others skip its sudogs. When the goroutine resumes, {@link Op#resumed} removes the
 *       sudogs of the losing cases (locking everything once more) and stores the result.</li>
 * </ol>
 *
 * <p>The cases live in a {@link Cases} object of the goroutine, reused by each of its selects, so a
 * select that does not block allocates nothing: compiled code fills it (Chan.selectBegin,
 * selectRecv/selectSend/selectSendJ), calls Chan.selectGo, which returns the chosen case's index
 * (-1 = default; in g.retJ if the goroutine blocked), and reads a receive case's value from the
 * Cases (Chan.selectValA/selectValJ) and its ok flag from g.recvOk. The generic
 * {@link #selectTuple} (Chan.select) returns the same as one {@link Tuple}.
 */
final class Select {
  private Select() {}

  /** g's select cases, created at its first select. */
  static Cases cases(G g) {
    Cases c = g.selCases;
    if (c == null) g.selCases = c = new Cases();
    return c;
  }

  /**
   * The cases of the select a goroutine is running, and its result. Owned by the goroutine: a
   * goroutine runs one select at a time; while it is parked in one, only that select's {@link Op}
   * (on the scheduler side, or under the channels' locks) reads it.
   */
  static final class Cases {
    /** Cases (as given), non-nil cases in poll order (k), distinct channels in lock order (nlock). */
    int n, k, nlock;
    Chan[] chans = new Chan[0];
    boolean[] isSend = new boolean[0];
    Object[] valsA = new Object[0];
    long[] valsJ = new long[0];
    int[] order = new int[0];
    Chan[] lockorder = new Chan[0];
    /** The value received by the completed select: valA (reference channel) or valJ (primitive). */
    Object valA;
    long valJ;
    /** Set by the generic form: the result is also wanted as a Tuple (in g.retA when it blocked). */
    boolean tuple;
    /** State of the poll-order generator (xorshift64*), seeded from the runtime's fastrand. */
    private long rnd;

    /** A pseudo-random int in [0, bound): as Go's cheaprandn, cheap and good enough for a poll order. */
    int randn(G g, int bound) {
      long x = rnd;
      if (x == 0) x = ((long) Sched.fastrandn(g, Integer.MAX_VALUE) << 1) | 1;   // seeded under --seed too
      x ^= x >>> 12;
      x ^= x << 25;
      x ^= x >>> 27;
      rnd = x;
      long r = (x * 0x2545F4914F6CDD1DL) >>> 32;   // 32 random bits
      return (int) ((r * bound) >>> 32);
    }

    /** The park request and the case sudogs of a blocking select, reused by the next one. */
    Op op;
    Sudog[] sudogs = new Sudog[0];

    void begin(int n) {
      if (chans.length < n) {
        int m = Math.max(n, 4);
        chans = new Chan[m];
        isSend = new boolean[m];
        valsA = new Object[m];
        valsJ = new long[m];
        order = new int[m];
        lockorder = new Chan[m];
      }
      this.n = n;
      tuple = false;
    }

    void set(int i, Chan c, boolean send, Object a, long j) {
      chans[i] = c;
      isSend[i] = send;
      valsA[i] = a;
      valsJ[i] = j;
      if (a != null) sentA = true;
    }

    /** Whether some case sends a reference (valsA then needs clearing). */
    private boolean sentA;

    Object takeValA() {
      Object v = valA;
      valA = null;
      return v;
    }

    /** Drops the references to channels and sent values once the select is over. */
    void clear() {
      Chan[] cs = chans;
      for (int i = 0, m = n; i < m; i++) cs[i] = null;
      Chan[] l = lockorder;
      for (int i = 0, m = nlock; i < m; i++) l[i] = null;
      if (sentA) {
        Object[] vs = valsA;
        for (int i = 0, m = n; i < m; i++) vs[i] = null;
        sentA = false;
      }
    }

    /** The generic form's result for case r. */
    Tuple resultTuple(G g, long r) {
      Tuple t = new Tuple();
      t.j0 = r;
      if (r >= 0 && !isSend[(int) r]) {
        t.a0 = takeValA();
        t.j1 = g.recvOk ? 1 : 0;
      }
      return t;
    }

    /** A receive case on c completed with (a or j, ok): keep the value for the compiled code. */
    void received(G g, Chan c, Object a, long j, boolean ok) {
      valA = tuple && c.prim ? c.boxElem(j) : a;
      valJ = j;
      g.recvOk = ok;
    }
  }

  /** Chan.select: the cases as arrays, the result as a Tuple (j0 = case or -1, a0 = value, j1 = ok). */
  static Tuple selectTuple(G g, Chan[] chans, boolean[] isSend, Object[] vals, boolean hasDefault) {
    Cases cs = cases(g);
    cs.begin(chans.length);
    for (int i = 0; i < chans.length; i++) {
      if (isSend[i]) Chan.selectSend(g, i, chans[i], vals[i]);
      else cs.set(i, chans[i], false, null, 0);
    }
    cs.tuple = true;
    long r = go(g, cs, hasDefault);
    if ((g.status & G.UNWIND) != 0) return null;   // blocked: the Tuple will be in g.retA
    return cs.resultTuple(g, r);
  }

  /** Runs the select described by cs: the chosen case, -1 for default; or blocks (see the class comment). */
  static long go(G g, Cases cs, boolean hasDefault) {
    int n = cs.n;
    Chan[] chans = cs.chans;
    int[] order = cs.order;
    int k = 0;
    for (int i = 0; i < n; i++) if (chans[i] != null) order[k++] = i;
    cs.k = k;
    if (k == 0) {
      cs.nlock = 0;
      cs.clear();
      if (hasDefault) return -1;
      Park.forever(g, n == 0 ? Park.SELECT_NO_CASES : Park.SELECT_NIL);
      return 0;
    }
    lockOrder(cs);   // from the cases in source order: usually already sorted, so no moves
    for (int i = k - 1; i > 0; i--) {
      int j = cs.randn(g, i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    lockAll(cs);
    int r = pass1(g, cs);
    if (r >= 0) {
      cs.clear();
      return r;
    }
    if (hasDefault) {
      unlockAll(cs);
      cs.clear();
      return -1;
    }
    // Park, keeping every channel locked through the unwind: Op.commit enqueues and unlocks (as
    // Go's selparkcommit), so no case can become ready unseen in between (see Chan.parkLocked).
    Op op = cs.op;
    if (op == null) cs.op = op = new Op(cs);
    op.arm();
    g.parkOp = op;
    g.status |= G.UNWIND;
    return 0;
  }

  /**
   * The distinct non-nil channels into cs.lockorder, by increasing id: an insertion sort of the
   * cases in source order (k is small, and channels made in the order their cases are written are
   * already sorted).
   */
  private static void lockOrder(Cases cs) {
    Chan[] l = cs.lockorder;
    int k = cs.k;
    for (int i = 0; i < k; i++) {
      Chan c = cs.chans[cs.order[i]];
      int j = i;
      while (j > 0 && l[j - 1].id > c.id) {
        l[j] = l[j - 1];
        j--;
      }
      l[j] = c;
    }
    int d = 0;
    for (int i = 0; i < k; i++) if (d == 0 || l[d - 1] != l[i]) l[d++] = l[i];
    for (int i = d; i < k; i++) l[i] = null;
    cs.nlock = d;
  }

  static void lockAll(Cases cs) {
    Chan[] l = cs.lockorder;
    for (int i = 0, m = cs.nlock; i < m; i++) l[i].lock();
  }

  static void unlockAll(Cases cs) {
    Chan[] l = cs.lockorder;
    for (int i = cs.nlock - 1; i >= 0; i--) l[i].unlock();
  }

  /**
   * Pass 1 (all channels locked): completes the first ready case in poll order, unlocks everything,
   * readies the partner and returns the case's index (a receive's value in cs, its ok in g.recvOk);
   * or returns -1, still locked. A send on a closed channel unlocks and panics.
   */
  private static int pass1(G g, Cases cs) {
    int[] order = cs.order;
    for (int i = 0, k = cs.k; i < k; i++) {
      int ci = order[i];
      Chan c = cs.chans[ci];
      if (cs.isSend[ci]) {
        if (c.closed) {
          unlockAll(cs);
          throw Panic.plain("send on closed channel");
        }
        if (c.sendLocked(cs.valsA[ci], cs.valsJ[ci])) {
          G partner = c.takeToReady();
          unlockAll(cs);
          if (partner != null) Sched.ready(g, partner);
          return ci;
        }
      } else if (c.recvLocked()) {
        cs.received(g, c, c.takeOutA(), c.outJ, c.outOk);
        G partner = c.takeToReady();
        unlockAll(cs);
        if (partner != null) Sched.ready(g, partner);
        return ci;
      }
    }
    return -1;
  }

  /**
   * The park request of a blocked select; also the shared state of its sudogs. One per goroutine,
   * reused (with its sudogs) by each of its blocking selects: {@link #arm} resets it; by the time a
   * select returns, no queue and no waker refers to it or its sudogs any more.
   */
  static final class Op implements ParkOp {
    private final Cases cs;
    /** 0 while waiting; 1 once a waker won (Go's selectDone). */
    private volatile int done;
    /** The case that won, set by the winning waker. */
    private Sudog winner;

    /** A field updater, not a VarHandle: much cheaper before C2 compiles the callers (see P.HEAD). */
    private static final AtomicIntegerFieldUpdater<Op> DONE = AtomicIntegerFieldUpdater.newUpdater(Op.class, "done");

    Op(Cases cs) {
      this.cs = cs;
    }

    /** Makes the op ready for a new blocking select (before it is published by commit's enqueues). */
    void arm() {
      winner = null;
      DONE.lazySet(this, 0);
    }

    /** A waker (holding s.c's lock) claims the select; false if another case already won. */
    boolean tryWin(Sudog s) {
      if (!DONE.compareAndSet(this, 0, 1)) return false;
      winner = s;
      return true;
    }

    /** The select completed with case r: its index is the call's result (g.retJ). */
    private void finish(G g, int r) {
      g.retJ = r;
      if (cs.tuple) g.retA = cs.resultTuple(g, r);
      cs.clear();
    }

    /** After the unwind, with every channel still locked by {@link Select#go}: enqueues one sudog per case, unlocks. */
    @Override
    public boolean commit(G g) {
      int k = cs.k;
      Sudog[] sudogs = cs.sudogs;
      if (sudogs.length < k) cs.sudogs = sudogs = Arrays.copyOf(sudogs, Math.max(k, cs.chans.length));
      for (int i = 0; i < k; i++) {
        int ci = cs.order[i];
        Chan c = cs.chans[ci];
        boolean send = cs.isSend[ci];
        int kind = send ? Sudog.SEND : Sudog.RECV;
        Sudog s = sudogs[i];
        if (s == null) sudogs[i] = s = new Sudog(g, c, kind, cs.valsA[ci], cs.valsJ[ci], this, ci);
        else s.reuse(c, kind, cs.valsA[ci], cs.valsJ[ci], ci);
        (send ? c.sendq : c.recvq).enqueue(s);
      }
      g.resumeOp = this; // before the unlock publishes the sudogs: resumed() runs when g next runs
      unlockAll(cs); // from here on a waker may already run g elsewhere: touch nothing
      return true;
    }

    @Override
    public void resumed(G g) {
      g.resumeOp = ParkOp.NOTHING;
      Sudog w = winner;
      Sudog[] sudogs = cs.sudogs;
      lockAll(cs);
      for (int i = 0, k = cs.k; i < k; i++) {
        Sudog s = sudogs[i];
        if (s != w) (s.kind == Sudog.SEND ? s.c.sendq : s.c.recvq).remove(s);
      }
      unlockAll(cs);
      if (w.kind == Sudog.SEND) {
        if (!w.success) g.pendingPanic = Panic.plain("send on closed channel");
      } else {
        cs.received(g, w.c, w.elem, w.elemJ, w.success);
      }
      for (int i = 0, k = cs.k; i < k; i++) {   // no references to channels and values stay behind
        Sudog s = sudogs[i];
        s.c = null;
        s.elem = null;
      }
      finish(g, w.caseIndex);
    }

    @Override
    public String waitReason() {
      return "select";
    }
  }
}
