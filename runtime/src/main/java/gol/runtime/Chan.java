package gol.runtime;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Go channel (Go's hchan): an optional ring buffer plus FIFO queues of waiting senders and
 * receivers, under one lock (the channel itself, a {@link SpinLock}).
 *
 * <p>Two element representations, chosen once by {@code make} and never mixed:
 * <ul>
 *   <li><b>primitive</b> ({@link #makeJ}, {@link #prim} true): for element types the JVM holds in a
 *       long, int or double (every integer kind, bool as 0/1, float32/float64 as the raw bits of
 *       the double). Elements live in a {@code long[]} buffer and in {@link Sudog#elemJ}; compiled
 *       code uses {@link #sendJ} and {@link #recvJ}, so nothing is boxed.</li>
 *   <li><b>reference</b> ({@link #make}): everything else, as Objects ({@link #send}, {@link #recv}).</li>
 * </ul>
 * The Object entry points also accept a primitive channel (sending unboxes, receiving boxes), so
 * runtime code may stay generic; the compiler always picks the path of the static element type.
 *
 * <p>Invariants (under the lock):
 * <ol>
 *   <li>At most one of {@code sendq} and {@code recvq} is non-empty (except transiently with select
 *       waiters that already lost, which dequeue skips).</li>
 *   <li>{@code qcount > 0} implies {@code recvq} is empty; {@code qcount < cap} implies
 *       {@code sendq} is empty (a waiter would have taken or filled the slot).</li>
 *   <li>The buffered values are buf[recvx], buf[recvx+1], ... (mod cap), qcount of them; other
 *       slots of an Object buffer are null (no stale references).</li>
 *   <li>A closed channel has an empty sendq and an empty recvq: close wakes everyone.</li>
 * </ol>
 *
 * <p>Direct hand-off: a sender that finds a waiting receiver gives it the value (into the
 * receiver's result register) without touching the buffer, and readies it into its own P's runnext
 * (Go's goready), so a ping-pong pair stays on one P and one time slice.
 *
 * <p>The blocking operations follow the continuation contract of {@link G}: they either complete
 * and return, or set {@code g.parkOp} and UNWIND and return a dummy, keeping the channel locked;
 * the second phase ({@link #commitSend}, {@link #commitRecv}) runs on the scheduler after the
 * unwind, enqueues the waiter and unlocks (see {@link #parkLocked}). A woken
 * receiver finds the value in {@code g.retJ} ({@link #recvJ}) or {@code g.retA} ({@link #recv}); every
 * receive also sets {@link G#recvOk} (false: the channel was closed and drained), which is how the
 * comma-ok form {@code v, ok := <-c} gets its flag without allocating. A sender woken by close gets
 * the panic in {@code g.pendingPanic}. Known to the compiler.
 */
public final class Chan extends SpinLock implements Box.Typed {
  private static final AtomicLong IDS = new AtomicLong();

  /** The channel's type ({@code chan int}); its elem gives the zero value. */
  final RType type;
  /** A global, increasing id: select locks channels in id order, so two selects never deadlock. */
  final long id;
  final int dataqsiz;
  /** True if elements are held as longs: {@link #bufJ} and {@link Sudog#elemJ} (see the class comment). */
  final boolean prim;
  private final Object[] buf;  // reference elements (null if prim or unbuffered)
  private final long[] bufJ;   // primitive elements (null unless prim and buffered)
  private volatile int qcount; // written under the lock (release stores, so len() can read it without the lock)
  private int sendx, recvx;
  boolean closed;
  final Sudog.WaitQ recvq = new Sudog.WaitQ();
  final Sudog.WaitQ sendq = new Sudog.WaitQ();

  /** A field updater, not a VarHandle: much cheaper before C2 compiles the callers (see P.HEAD). */
  private static final AtomicIntegerFieldUpdater<Chan> QCOUNT = AtomicIntegerFieldUpdater.newUpdater(Chan.class, "qcount");

  private Chan(RType type, int size, boolean prim) {
    this.type = type;
    this.dataqsiz = size;
    this.prim = prim;
    this.buf = size == 0 || prim ? null : new Object[size];
    this.bufJ = size == 0 || !prim ? null : new long[size];
    this.id = IDS.incrementAndGet();
  }

  @Override public RType goType() { return type; }

  /** Prints as Go prints a channel with %v: an address. */
  @Override public String toString() {
    return String.format("0xc%09x", 0x10000 + id * 0x60);
  }

  // ==================================================================== the Go operations

  /** {@code make(chan T, size)} for an element type held as a reference. */
  public static Chan make(G g, RType chanType, long size) {
    return new Chan(chanType, checkSize(size), false);
  }

  /** {@code make(chan T, size)} for an element type held as a long, int or double (see the class comment). */
  public static Chan makeJ(G g, RType chanType, long size) {
    return new Chan(chanType, checkSize(size), true);
  }

  private static int checkSize(long size) {
    if (size < 0 || size > Integer.MAX_VALUE - 8) throw Panic.plain("makechan: size out of range");
    return (int) size;
  }

  public static long len(Chan c) {
    return c == null ? 0 : c.qcount;
  }

  public static long cap(Chan c) {
    return c == null ? 0 : c.dataqsiz;
  }

  /** {@code c <- v} (a primitive channel's element is unboxed first). */
  public static void send(G g, Chan c, Object v) {
    if (c != null && c.prim) sendImpl(g, c, null, toBits(v));
    else sendImpl(g, c, v, 0);
  }

  /** {@code c <- v} on a primitive channel: v as a long (bool 0/1, a float's raw bits). */
  public static void sendJ(G g, Chan c, long v) {
    sendImpl(g, c, null, v);
  }

  private static void sendImpl(G g, Chan c, Object v, long j) {
    if (c == null) {
      Park.forever(g, Park.CHAN_SEND_NIL);
      return;
    }
    c.lock();
    if (c.closed) {
      c.unlock();
      throw Panic.plain("send on closed channel");
    }
    if (c.sendLocked(v, j)) {
      c.unlockAndReady(g);
      return;
    }
    c.parkLocked(g, sudog(g, c, Sudog.SEND, v, j));
  }

  /**
   * g's sudog for a plain send or receive, armed for this one: one per goroutine, reused, since by
   * the time a goroutine runs again after a park no queue and no waker refers to its sudog.
   */
  private static Sudog sudog(G g, Chan c, int kind, Object v, long j) {
    Sudog s = g.chanSudog;
    if (s == null) return g.chanSudog = new Sudog(g, c, kind, v, j, null, 0);
    s.reuse(c, kind, v, j, 0);
    return s;
  }

  /**
   * The operation must block: parks g with s, keeping this channel locked through the unwind;
   * {@link #commitSend}/{@link #commitRecv} enqueue s and unlock once g's frames are saved (as Go
   * keeps the lock until gopark's unlock function runs). So nothing can change between the failed
   * attempt and the enqueue, and the commit needs no second attempt. The unwind only saves frames:
   * it takes no other lock, and a partner on another M spins meanwhile.
   */
  private void parkLocked(G g, Sudog s) {
    g.parkOp = s;
    g.status |= G.UNWIND;
  }

  /**
   * {@code <-c}: the value, or the element type's zero value once c is closed and drained; sets
   * g.recvOk. On a primitive channel the value is boxed (compiled code calls {@link #recvJ}).
   */
  public static Object recv(G g, Chan c) {
    if (c == null) {
      Park.forever(g, Park.CHAN_RECV_NIL);
      return null;
    }
    c.lock();
    if (c.recvLocked()) {
      Object v = c.prim ? c.boxElem(c.outJ) : c.takeOutA();
      g.recvOk = c.outOk;
      c.unlockAndReady(g);
      return v;
    }
    c.parkLocked(g, sudog(g, c, Sudog.RECV, null, 0));
    return null;
  }

  /** {@code <-c} on a primitive channel: the value as a long (0 once closed and drained); sets g.recvOk. */
  public static long recvJ(G g, Chan c) {
    if (c == null) {
      Park.forever(g, Park.CHAN_RECV_NIL);
      return 0;
    }
    c.lock();
    if (c.recvLocked()) {
      long v = c.outJ;
      g.recvOk = c.outOk;
      c.unlockAndReady(g);
      return v;
    }
    c.parkLocked(g, sudog(g, c, Sudog.RECVJ, null, 0));
    return 0;
  }

  /**
   * {@code v, ok := <-c} as one Tuple (a0 = value, boxed; j0 = 1 if a value was received, 0 if c is
   * closed and empty). For runtime code and tests: compiled code uses recv/recvJ and g.recvOk.
   */
  public static Tuple recv2(G g, Chan c) {
    if (c == null) {
      Park.forever(g, Park.CHAN_RECV_NIL);
      return null;
    }
    c.lock();
    if (c.recvLocked()) {
      Tuple t = tuple(c.prim ? c.boxElem(c.outJ) : c.takeOutA(), c.outOk);
      g.recvOk = c.outOk;
      c.unlockAndReady(g);
      return t;
    }
    c.parkLocked(g, sudog(g, c, Sudog.RECV2, null, 0));
    return null;
  }

  /** {@code close(c)}: wakes every waiter; receivers get the zero value, senders panic. */
  public static void close(G g, Chan c) {
    if (c == null) throw Panic.plain("close of nil channel");
    c.lock();
    if (c.closed) {
      c.unlock();
      throw Panic.plain("close of closed channel");
    }
    c.closed = true;
    // Collect everyone first, ready them after unlocking (as Go does).
    Sudog woken = null;
    Object zero = c.prim ? null : c.zeroElem();
    for (Sudog s; (s = c.recvq.dequeue()) != null; ) {
      c.deliverRecv(s, zero, 0, false);
      s.next = woken;
      woken = s;
    }
    for (Sudog s; (s = c.sendq.dequeue()) != null; ) {
      s.success = false;
      if (s.sel == null) s.g.pendingPanic = Panic.plain("send on closed channel");
      s.next = woken;
      woken = s;
    }
    c.unlock();
    while (woken != null) {
      Sudog s = woken;
      woken = s.next;
      s.next = null;
      Sched.ready(g, s.g);
    }
  }

  // ==================================================================== under the lock

  /** The partner readied by the operation that just completed under the lock (see unlockAndReady). */
  private G toReady;
  /**
   * The result of the last successful {@link #recvLocked}: the value (outA for a reference
   * channel, outJ for a primitive one) and whether it came from a sender (false: closed). Written
   * and read under the lock, by the receiver that completed; outA is cleared by {@link #takeOutA}.
   */
  Object outA;
  long outJ;
  boolean outOk;

  /**
   * The element type's zero value as an Object channel holds it (what a receive from a closed
   * channel yields); a fresh one for structs and arrays, whose values are mutable Java objects.
   */
  Object zeroElem() {
    RType e = type.elem;
    if (e == null) return null;
    Object z = e.zero();
    return z != null ? z : e.zeroValue();
  }

  /** Takes {@link #outA}, clearing it so the channel keeps no reference to a received value. */
  Object takeOutA() {
    Object v = outA;
    outA = null;
    return v;
  }

  /**
   * Tries to send (locked, not closed) v, or j on a primitive channel: straight to a waiting
   * receiver (which is then left in {@link #toReady}), else into the buffer. False if the sender
   * must block. Stays locked.
   */
  boolean sendLocked(Object v, long j) {
    Sudog r = recvq.dequeue();
    if (r != null) {
      deliverRecv(r, v, j, true);
      toReady = r.g;
      return true;
    }
    int n = qcount;
    if (n < dataqsiz) {
      if (prim) bufJ[sendx] = j;
      else buf[sendx] = v;
      if (++sendx == dataqsiz) sendx = 0;
      QCOUNT.lazySet(this, n + 1);
      return true;
    }
    return false;
  }

  /**
   * Tries to receive (locked): from a waiting sender (left in {@link #toReady}), the buffer, or a
   * closed channel. True if done, the result then in outA/outJ/outOk; false if the receiver must
   * block. Stays locked.
   */
  boolean recvLocked() {
    Sudog s = sendq.dequeue();
    if (s != null) {
      if (dataqsiz == 0) {           // unbuffered: straight from the sender
        outA = s.elem;
        outJ = s.elemJ;
      } else {                       // full buffer: take the head; the sender's value becomes the tail
        if (prim) {
          outJ = bufJ[recvx];
          bufJ[recvx] = s.elemJ;
        } else {
          outA = buf[recvx];
          buf[recvx] = s.elem;
        }
        if (++recvx == dataqsiz) recvx = 0;
        sendx = recvx;
      }
      s.elem = null;
      s.success = true;
      toReady = s.g;
      outOk = true;
      return true;
    }
    int n = qcount;
    if (n > 0) {
      if (prim) {
        outJ = bufJ[recvx];
      } else {
        outA = buf[recvx];
        buf[recvx] = null;
      }
      if (++recvx == dataqsiz) recvx = 0;
      QCOUNT.lazySet(this, n - 1);
      outOk = true;
      return true;
    }
    if (closed) {
      outA = prim ? null : zeroElem();
      outJ = 0;                      // the zero of every primitive kind: 0, false, +0.0
      outOk = false;
      return true;
    }
    return false;
  }

  /** Takes the partner left by the last completed operation (locked), or null. */
  G takeToReady() {
    G r = toReady;
    toReady = null;
    return r;
  }

  /** Unlocks, then readies the partner of the operation that completed, if any (as the waker g). */
  void unlockAndReady(G waker) {
    G r = toReady;
    toReady = null;
    unlock();
    if (r != null) Sched.ready(waker, r);
  }

  static Tuple tuple(Object v, boolean ok) {
    Tuple t = new Tuple();
    t.a0 = v;
    t.j0 = ok ? 1 : 0;
    return t;
  }

  /**
   * Hands a received value (v, or j on a primitive channel; or close's zero value) to a dequeued
   * receiver, into the result register its operation reads when it resumes. Locked.
   */
  void deliverRecv(Sudog r, Object v, long j, boolean ok) {
    r.success = ok;
    if (r.sel != null) {             // the select reads them when it resumes
      r.elem = v;
      r.elemJ = j;
      return;
    }
    G g = r.g;
    g.recvOk = ok;
    switch (r.kind) {
      case Sudog.RECVJ -> g.retJ = j;
      case Sudog.RECV2 -> g.retA = tuple(prim ? boxElem(j) : v, ok);
      default -> g.retA = prim ? boxElem(j) : v;
    }
  }

  // ==================================================================== second phase of parking

  /**
   * Park commit of a blocked send (scheduler side, after the unwind; the channel is still locked by
   * the failed attempt, see {@link #parkLocked}): enqueues and unlocks. Always parks.
   */
  boolean commitSend(Sudog me) {
    sendq.enqueue(me);
    unlock();
    return true;
  }

  /** Park commit of a blocked receive: as {@link #commitSend}. */
  boolean commitRecv(Sudog me) {
    recvq.enqueue(me);
    unlock();
    return true;
  }

  /**
   * A non-blocking send (select with a default case): true if v was delivered or buffered; false if
   * the send would block or c is closed. Used by timer channels (Go's sendTime). Any waker holding a P.
   */
  public static boolean offer(G waker, Chan c, Object v) {
    long j = c.prim ? toBits(v) : 0;
    c.lock();
    if (!c.closed && c.sendLocked(c.prim ? null : v, j)) {
      c.unlockAndReady(waker);
      return true;
    }
    c.unlock();
    return false;
  }

  /** Is a goroutine (or a select) waiting to receive? Racy; exact while no goroutine runs. */
  public boolean hasReceivers() {
    return recvq.size() > 0;
  }

  /** Goroutines waiting to send and to receive (for tests). */
  int[] waiters() {
    lock();
    try {
      return new int[] {sendq.size(), recvq.size()};
    } finally {
      unlock();
    }
  }

  // ==================================================================== primitive elements as Objects

  /** A boxed value of a basic type as the long a primitive channel holds (bool 0/1, float bits). */
  static long toBits(Object v) {
    if (v instanceof Box.Named n) v = n.unwrapped();
    if (v instanceof Boolean b) return b ? 1 : 0;
    if (v instanceof Double d) return Double.doubleToRawLongBits(d);
    if (v instanceof Box.Float32 f) return Double.doubleToRawLongBits(f.v);
    return Box.unboxInt(v);
  }

  /** The element j of a primitive channel boxed by its basic kind (as the Object entry points return it). */
  Object boxElem(long j) {
    RType e = type.elem;
    return switch (e.kind) {
      case BOOL -> j != 0;
      case FLOAT64 -> Double.longBitsToDouble(j);
      case FLOAT32 -> new Box.Float32(Double.longBitsToDouble(j));
      default -> Box.box(j, e);
    };
  }

  // ==================================================================== select (see Select)

  /**
   * {@code select}, the generic form: cases are (chans[i], isSend[i], sendValues[i]). Returns j0 =
   * the chosen case (or -1 for default), a0 = the received value (boxed), j1 = 1 if a value was
   * received (0: closed). When it blocks, the Tuple is in g.retA once it resumes. Compiled code uses
   * the allocation-free {@link #selectBegin} ... {@link #selectGo} instead.
   */
  public static Tuple select(G g, Chan[] chans, boolean[] isSend, Object[] sendValues, boolean hasDefault) {
    return Select.selectTuple(g, chans, isSend, sendValues, hasDefault);
  }

  /** Starts a select of n cases (then one selectRecv/selectSend/selectSendJ per case, then selectGo). */
  public static void selectBegin(G g, int n) {
    Select.cases(g).begin(n);
  }

  /** Case i receives from c (nil: never ready). */
  public static void selectRecv(G g, int i, Chan c) {
    g.selCases.set(i, c, false, null, 0);
  }

  /** Case i sends v on c (a reference channel). */
  public static void selectSend(G g, int i, Chan c, Object v) {
    if (c != null && c.prim) g.selCases.set(i, c, true, null, toBits(v));
    else g.selCases.set(i, c, true, v, 0);
  }

  /** Case i sends v on c (a primitive channel). */
  public static void selectSendJ(G g, int i, Chan c, long v) {
    g.selCases.set(i, c, true, null, v);
  }

  /**
   * Runs the select built by selectBegin...: the chosen case's index, or -1 for the default case.
   * A receive case's value is then {@link #selectValA} / {@link #selectValJ}, its ok flag g.recvOk.
   * May block (the index is then in g.retJ when the goroutine resumes).
   */
  public static long selectGo(G g, boolean hasDefault) {
    return Select.go(g, g.selCases, hasDefault);
  }

  /** The value received by the select that just completed (reference channel). */
  public static Object selectValA(G g) {
    return g.selCases.takeValA();
  }

  /** The value received by the select that just completed (primitive channel). */
  public static long selectValJ(G g) {
    return g.selCases.valJ;
  }
}
