package gol.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Go channel (Go's hchan): an optional ring buffer plus FIFO queues of waiting senders and
 * receivers, under one lock (the channel itself, a {@link SpinLock}).
 *
 * <p>Invariants (under the lock):
 * <ol>
 *   <li>At most one of {@code sendq} and {@code recvq} is non-empty (except transiently with select
 *       waiters that already lost, which dequeue skips).</li>
 *   <li>{@code qcount > 0} implies {@code recvq} is empty; {@code qcount < cap} implies
 *       {@code sendq} is empty (a waiter would have taken or filled the slot).</li>
 *   <li>The buffered values are buf[recvx], buf[recvx+1], ... (mod cap), qcount of them; other
 *       slots are null.</li>
 *   <li>A closed channel has an empty sendq and an empty recvq: close wakes everyone.</li>
 * </ol>
 *
 * <p>Direct hand-off: a sender that finds a waiting receiver gives it the value (into the
 * receiver's result register) without touching the buffer, and readies it into its own P's runnext
 * (Go's goready), so a ping-pong pair stays on one P and one time slice.
 *
 * <p>The blocking operations follow the continuation contract of {@link G}: they either complete
 * and return, or set {@code g.parkOp} and UNWIND and return a dummy; the second phase
 * ({@link #commitSend}, {@link #commitRecv}) runs on the scheduler after the unwind. The woken
 * goroutine's result is in {@code g.retA} (a {@link Tuple} for {@link #recv2}); a sender woken by
 * close gets the panic in {@code g.pendingPanic}. Known to the compiler.
 */
public final class Chan extends SpinLock implements Box.Typed {
  private static final AtomicLong IDS = new AtomicLong();

  /** The channel's type ({@code chan int}); its elem gives the zero value. */
  final RType type;
  /** A global, increasing id: select locks channels in id order, so two selects never deadlock. */
  final long id;
  final int dataqsiz;
  private final Object[] buf;
  private int qcount; // written under the lock (opaque, so len() can read it without the lock)
  private int sendx, recvx;
  boolean closed;
  final Sudog.WaitQ recvq = new Sudog.WaitQ();
  final Sudog.WaitQ sendq = new Sudog.WaitQ();

  private static final VarHandle QCOUNT;
  static {
    try {
      QCOUNT = MethodHandles.lookup().findVarHandle(Chan.class, "qcount", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Chan(RType type, int size) {
    this.type = type;
    this.dataqsiz = size;
    this.buf = size == 0 ? null : new Object[size];
    this.id = IDS.incrementAndGet();
  }

  @Override public RType goType() { return type; }

  /** Prints as Go prints a channel with %v: an address. */
  @Override public String toString() {
    return String.format("0xc%09x", 0x10000 + id * 0x60);
  }

  // ==================================================================== the Go operations

  /** {@code make(chan T, size)}. */
  public static Chan make(G g, RType chanType, long size) {
    if (size < 0 || size > Integer.MAX_VALUE - 8) throw Panic.plain("makechan: size out of range");
    return new Chan(chanType, (int) size);
  }

  public static long len(Chan c) {
    return c == null ? 0 : (int) QCOUNT.getOpaque(c);
  }

  public static long cap(Chan c) {
    return c == null ? 0 : c.dataqsiz;
  }

  /** {@code c <- v}. */
  public static void send(G g, Chan c, Object v) {
    if (c == null) {
      Park.forever(g, Park.CHAN_SEND_NIL);
      return;
    }
    c.lock();
    if (c.closed) {
      c.unlock();
      throw Panic.plain("send on closed channel");
    }
    if (c.sendLocked(v)) {
      c.unlockAndReady(g);
      return;
    }
    c.unlock();
    g.parkOp = new Sudog(g, c, Sudog.SEND, v, null, 0);
    g.status |= G.UNWIND;
  }

  /** {@code <-c}: the value, or the element type's zero value once c is closed and drained. */
  public static Object recv(G g, Chan c) {
    return recvImpl(g, c, Sudog.RECV);
  }

  /** {@code v, ok := <-c}: a0 = value, j0 = 1 if a value was received, 0 if c is closed and empty. */
  public static Tuple recv2(G g, Chan c) {
    return (Tuple) recvImpl(g, c, Sudog.RECV2);
  }

  private static Object recvImpl(G g, Chan c, int kind) {
    if (c == null) {
      Park.forever(g, Park.CHAN_RECV_NIL);
      return null;
    }
    c.lock();
    Object r = c.recvLocked(kind);
    if (r != NOT_READY) {
      c.unlockAndReady(g);
      return r;
    }
    c.unlock();
    g.parkOp = new Sudog(g, c, kind, null, null, 0);
    g.status |= G.UNWIND;
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
    for (Sudog s; (s = c.recvq.dequeue()) != null; ) {
      c.deliverRecv(s, c.zeroElem(), false);
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

  /** Marks "the receive cannot complete now" (never a Go value). */
  static final Object NOT_READY = new Object();

  /** The partner readied by the operation that just completed under the lock (see unlockAndReady). */
  private G toReady;

  Object zeroElem() {
    return type.elem == null ? null : type.elem.zero();
  }

  /**
   * Tries to send v (locked, not closed): straight to a waiting receiver (which is then left in
   * {@link #toReady}), else into the buffer. False if the sender must block. Stays locked.
   */
  boolean sendLocked(Object v) {
    Sudog r = recvq.dequeue();
    if (r != null) {
      deliverRecv(r, v, true);
      toReady = r.g;
      return true;
    }
    int n = qcount;
    if (n < dataqsiz) {
      buf[sendx] = v;
      if (++sendx == dataqsiz) sendx = 0;
      QCOUNT.setOpaque(this, n + 1);
      return true;
    }
    return false;
  }

  /**
   * Tries to receive (locked): from a waiting sender (left in {@link #toReady}), the buffer, or a
   * closed channel. Returns the result (a Tuple for RECV2) or NOT_READY. Stays locked.
   */
  Object recvLocked(int kind) {
    Sudog s = sendq.dequeue();
    if (s != null) {
      Object v;
      if (dataqsiz == 0) {
        v = s.elem;                  // unbuffered: straight from the sender
      } else {
        v = buf[recvx];              // full buffer: take the head; the sender's value becomes the tail
        buf[recvx] = s.elem;
        if (++recvx == dataqsiz) recvx = 0;
        sendx = recvx;
      }
      s.elem = null;
      s.success = true;
      toReady = s.g;
      return result(kind, v, true);
    }
    int n = qcount;
    if (n > 0) {
      Object v = buf[recvx];
      buf[recvx] = null;
      if (++recvx == dataqsiz) recvx = 0;
      QCOUNT.setOpaque(this, n - 1);
      return result(kind, v, true);
    }
    if (closed) return result(kind, zeroElem(), false);
    return NOT_READY;
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

  static Object result(int kind, Object v, boolean ok) {
    if (kind != Sudog.RECV2) return v;
    Tuple t = new Tuple();
    t.a0 = v;
    t.j0 = ok ? 1 : 0;
    return t;
  }

  /** Hands a received value (or close's zero value) to a dequeued receiver. Locked. */
  void deliverRecv(Sudog r, Object v, boolean ok) {
    r.success = ok;
    if (r.sel != null) {
      r.elem = v; // the select builds its result when it resumes
    } else {
      r.g.retA = result(r.kind, v, ok);
    }
  }

  // ==================================================================== second phase of parking

  /** Park commit of a blocked send (scheduler side, after the unwind). True if now parked. */
  boolean commitSend(Sudog me) {
    G g = me.g;
    lock();
    if (closed) {
      unlock();
      g.pendingPanic = Panic.plain("send on closed channel");
      return false;
    }
    if (sendLocked(me.elem)) {
      unlockAndReady(g);
      return false;
    }
    sendq.enqueue(me);
    unlock();
    return true;
  }

  /** Park commit of a blocked receive. True if now parked; else the result is in g.retA. */
  boolean commitRecv(Sudog me) {
    G g = me.g;
    lock();
    Object r = recvLocked(me.kind);
    if (r != NOT_READY) {
      g.retA = r;
      unlockAndReady(g);
      return false;
    }
    recvq.enqueue(me);
    unlock();
    return true;
  }

  /**
   * A non-blocking send (select with a default case): true if v was delivered or buffered; false if
   * the send would block or c is closed. Used by timer channels (Go's sendTime). Any waker holding a P.
   */
  public static boolean offer(G waker, Chan c, Object v) {
    c.lock();
    if (!c.closed && c.sendLocked(v)) {
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

  // ==================================================================== select

  /**
   * {@code select}: cases are (chans[i], isSend[i], sendValues[i]). Returns j0 = the chosen case (or
   * -1 for default), a0 = the received value, j1 = 1 if a value was received (0: closed). Chooses
   * uniformly among ready cases; nil channels are never ready; no cases and no default blocks
   * forever. Blocking follows the park protocol; the Tuple is then in g.retA.
   */
  public static Tuple select(G g, Chan[] chans, boolean[] isSend, Object[] sendValues, boolean hasDefault) {
    return Select.select(g, chans, isSend, sendValues, hasDefault);
  }
}
