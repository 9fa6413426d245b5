package gol.runtime;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * A logical processor (Go's P): the right to run goroutines. There are GOMAXPROCS of them; an M
 * must hold one to run gol code. Each P has its own run queue, so the common case of scheduling
 * (go statement, channel hand-off, picking the next G) touches no shared lock.
 *
 * <h2>The local run queue</h2>
 * A ring of {@value #RUNQ_SIZE} slots with a {@code head} and a {@code tail} counter (ints that wrap;
 * slot = counter mod 256), plus the one-slot {@link #runnext}.
 * <pre>
 *   runq:  [ . . . g g g g . . . ]      runnext: g (runs before the ring)
 *                 ^head   ^tail
 * </pre>
 * Invariants:
 * <ol>
 *   <li>{@code 0 <= tail - head <= 256}; the Gs of the queue are the slots [head, tail).</li>
 *   <li>Only the owner (the M holding this P) writes slots and {@code tail}; it writes a slot, then
 *       publishes it with a release store of tail.</li>
 *   <li>Anyone may consume from the head: read head (acquire) and tail (acquire), read the slots,
 *       then CAS head forward. A consumer whose CAS fails read nothing (retry). The owner cannot
 *       overwrite a slot in [head, tail) because those are occupied, so a winning CAS means the
 *       slots read were the right ones.</li>
 *   <li>runnext is changed only by CAS (the owner puts; thieves will steal it by CAS).</li>
 *   <li>A P on the idle list has an empty queue and empty runnext.</li>
 * </ol>
 *
 * <p>Threading: {@link #runqput}, the free list, the goroutine id cache and the counters are used only
 * by the owner M. {@link #runqget} and {@link #runqgrab} may be called by any thread.
 */
final class P {
  static final int RUNQ_SIZE = 256;
  /** P statuses, as Go's: idle (on the idle list), running gol code, or lent to an M in a blocking call. */
  static final int IDLE = 0, RUNNING = 1, SYSCALL = 2;
  /** Stopped by a stop-the-world (runtime.GOMAXPROCS): on no list, held by the world-stopper. */
  static final int STOP = 3;
  /** Goroutine ids are taken from the global counter in batches of this size (Go's _GoidCacheBatch). */
  static final int GOID_BATCH = 16;
  /** Local free-list length above which dead Gs move to the global free list (Go: 64, down to 32). */
  static final int GFREE_MAX = 64;
  /** Dead Gs moved between a P's free list and the global one at a time (Go moves them one by one). */
  static final int GFREE_BATCH = GFREE_MAX / 2;

  final int id;
  final Sched sched;
  /** IDLE, RUNNING or SYSCALL. Volatile: sysmon retakes a SYSCALL P by CAS ({@link #casStatus}). */
  volatile int status;
  /**
   * Incremented per schedule that does not inherit a time slice (a runnext hand-off inherits it), so
   * once per time slice. Read racily by sysmon, which times slices by it (see {@link Sysmon}): no
   * clock is read when a slice begins.
   */
  int schedtick;
  /** Incremented per blocking call that ended or was retaken (read racily by sysmon). */
  int syscalltick;
  /**
   * sysmon's last look at this P's time slice (Go's sysmontick): the schedtick it saw, when it first
   * saw it, and the time of its look before that (the slice began between the two). Sysmon only.
   */
  int smSchedtick = -1;   // never a schedtick: the first look at a running P starts timing its slice
  long smSchedwhen;
  long smSliceAfter;
  /** sysmon's last look at this P's blocking calls (Go's sysmontick): the tick it saw and when. Sysmon only. */
  int smSyscalltick;
  long smSyscallwhen;
  /** The M holding this P (null while idle). */
  M m;
  /** Next idle P (the idle list is a stack under the scheduler lock). */
  P link;

  private final G[] runq = new G[RUNQ_SIZE];
  private volatile int head;
  private volatile int tail;
  private volatile G runnext;

  /** This P's timers (Go 1.14+: per-P heaps, run by the scheduler). */
  final Timers timers;

  /** Dead Gs ready for reuse: a stack, gfree[0..gfreeCount). */
  private G[] gfree = new G[GFREE_MAX];
  /** runqputslow's batch: half the ring plus the new G (owner only). */
  private final G[] overflow = new G[RUNQ_SIZE / 2 + 1];
  int gfreeCount;
  /** Goroutine id cache: ids [goidNext, goidEnd) belong to this P. */
  long goidNext, goidEnd;
  /**
   * Goroutines created and finished on this P (NumGoroutine sums created - exited over all Ps).
   * Written by the owner only, through {@link #countCreated}/{@link #countExited}: a release store
   * (lazySet) is a plain move on x86, where a volatile {@code ++} would cost a fence per go statement.
   */
  private volatile long created, exited;

  // Atomic access to the fields above through field updaters rather than VarHandles: the same code
  // once C2 has compiled it, but until then (C1 code that profiles) a VarHandle access is a chain
  // of calls through shared JDK methods whose profile counters every M updates, several times
  // slower than the updater's one small method (measured: 4x on one thread, 5x on two). Plain
  // reads of these volatile fields are the acquire loads; lazySet is the release store.
  private static final AtomicIntegerFieldUpdater<P> HEAD = AtomicIntegerFieldUpdater.newUpdater(P.class, "head");
  private static final AtomicIntegerFieldUpdater<P> TAIL = AtomicIntegerFieldUpdater.newUpdater(P.class, "tail");
  private static final AtomicReferenceFieldUpdater<P, G> RUNNEXT =
      AtomicReferenceFieldUpdater.newUpdater(P.class, G.class, "runnext");
  private static final AtomicIntegerFieldUpdater<P> STATUS = AtomicIntegerFieldUpdater.newUpdater(P.class, "status");
  private static final AtomicLongFieldUpdater<P> CREATED = AtomicLongFieldUpdater.newUpdater(P.class, "created");
  private static final AtomicLongFieldUpdater<P> EXITED = AtomicLongFieldUpdater.newUpdater(P.class, "exited");

  /** Capacity of the ring in use (the {@code runqsize} knob, at most RUNQ_SIZE). */
  final int cap;
  /** The {@code runnext} knob: when off, runqput(g, true) puts g at the tail like any other G. */
  final boolean useRunnext;

  P(Sched sched, int id) {
    this(sched, id, new Timers());
  }

  /** A P whose timers live in {@code timers} (the threads model shares one heap among its private Ps). */
  P(Sched sched, int id, Timers timers) {
    this.sched = sched;
    this.id = id;
    this.timers = timers;
    this.cap = sched == null ? RUNQ_SIZE : sched.knobs.runqSize;
    this.useRunnext = sched == null || sched.knobs.runnext;
  }

  /** Counts n goroutines created on this P (owner only, or with the world stopped). */
  void countCreated(long n) {
    CREATED.lazySet(this, created + n);
  }

  /** Counts n goroutines finished on this P (owner only, or with the world stopped). */
  void countExited(long n) {
    EXITED.lazySet(this, exited + n);
  }

  /** Goroutines created minus finished on this P (a racy read, for any thread). */
  long live() {
    return created - exited;
  }

  /** Moves this P's goroutine counts to {@code to} (a P going away; the world is stopped). */
  void moveCountsTo(P to) {
    to.countCreated(created);
    to.countExited(exited);
    countCreated(-created);
    countExited(-exited);
  }

  /** CAS of the status: a blocking call's M and sysmon race for a SYSCALL P; one wins. */
  boolean casStatus(int from, int to) {
    return STATUS.compareAndSet(this, from, to);
  }

  /**
   * Puts g on the local queue (owner only). With {@code next}, g goes to runnext and the G that was
   * there is kicked to the tail of the ring (Go's runqput). A full ring moves half of itself plus g
   * to the global queue.
   */
  void runqput(G g, boolean next) {
    if (next && useRunnext) {
      // Only the owner makes runnext non-null; thieves only take it (non-null -> null). So an
      // empty runnext stays empty until we fill it, and a release store is enough: no atomic
      // read-modify-write, whose fence would wait for all the frame-saving stores before it.
      // A full runnext may be stolen meanwhile: swap atomically, and kick what was there.
      if (runnext == null) {
        RUNNEXT.lazySet(this, g);
        return;
      }
      G old = RUNNEXT.getAndSet(this, g);
      if (old == null) return;
      g = old;
    }
    int h = head;
    int t = tail;
    if (t - h < cap) {
      runq[t & (RUNQ_SIZE - 1)] = g;
      TAIL.lazySet(this, t + 1);
      return;
    }
    runqputslow(g, h, t);
  }

  /**
   * The ring is full (head h, tail t): moves half of it plus g to the global queue as one batch
   * (owner only). If a thief took some meanwhile, runqput tries again: there is room now. (The
   * retry is here, not in runqput: a branch C2 never saw taken is compiled as a trap, and taking it
   * would throw away the compiled code of every go statement and wake-up that inlined runqput.)
   */
  private void runqputslow(G g, int h, int t) {
    int n = (t - h) / 2;
    G[] batch = overflow; // reused, as Go's batch array on the stack: the global queue copies it
    ringToArray(runq, h, batch, 0, n);
    if (!HEAD.compareAndSet(this, h, h + n)) {
      runqput(g, false);
      return;
    }
    batch[n] = g;
    sched.globrunqputbatch(batch, n + 1);
  }

  /**
   * Takes a G from the local queue: runnext first, then the head of the ring. Any thread (the owner
   * normally). Sets {@link #lastInherit} to whether the G came from runnext (it then inherits the
   * time slice of the G that readied it, as in Go).
   */
  G runqget() {
    G next = runnext;
    if (next != null && RUNNEXT.compareAndSet(this, next, null)) {
      lastInherit = true;
      return next;
    }
    lastInherit = false;
    for (;;) {
      int h = head;
      int t = tail;
      if (t == h) return null;
      G g = runq[h & (RUNQ_SIZE - 1)];
      if (HEAD.compareAndSet(this, h, h + 1)) return g;
    }
  }

  /** Takes runnext only, or null (owner; for shuffling). */
  G takeRunnext() {
    G next = runnext;
    if (next != null && RUNNEXT.compareAndSet(this, next, null)) return next;
    return null;
  }

  /** Takes the head of the ring only, or null (for shuffling). */
  G ringGet() {
    for (;;) {
      int h = head;
      int t = tail;
      if (t == h) return null;
      G g = runq[h & (RUNQ_SIZE - 1)];
      if (HEAD.compareAndSet(this, h, h + 1)) return g;
    }
  }

  /** Set by {@link #runqget} (owner only): did the G come from runnext? */
  boolean lastInherit;

  /** True when the ring and runnext are empty (a racy snapshot, for any thread). */
  boolean runqEmpty() {
    int h = head;
    int t = tail;
    return t == h && runnext == null;
  }

  /** Number of Gs in the ring, not counting runnext (racy; for traces). */
  int runqSize() {
    int n = tail - head;
    return Math.max(0, Math.min(n, RUNQ_SIZE));
  }

  /** The runnext slot (racy; for traces). */
  G runnextPeek() {
    return runnext;
  }

  /** Up to max Gs of the ring, head first (a racy copy, for traces: a G may be listed twice or missed). */
  java.util.List<G> runqPeek(int max) {
    int h = head;
    int t = tail;
    int n = Math.max(0, Math.min(Math.min(t - h, RUNQ_SIZE), max));
    java.util.List<G> out = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      G g = runq[(h + i) & (RUNQ_SIZE - 1)];
      if (g != null) out.add(g);
    }
    return out;
  }

  /**
   * Steals half (rounded up) of this P's ring into {@code into}'s ring; with {@code stealRunnext}
   * also takes runnext when the ring is empty (Go's runqsteal/runqgrab). Called by the thief, which
   * owns {@code into}. Returns one stolen G to run at once, or null.
   */
  G runqsteal(P into, boolean stealRunnext) {
    for (;;) {
      int h = head;
      int t = tail;
      int n = t - h;
      n = n - n / 2;
      if (n == 0) {
        if (stealRunnext) {
          G next = runnext;
          if (next == null) return null;
          if (status == RUNNING) {
            // Go's rule: the owner is about to run its runnext (a G it just readied: a ping-pong
            // partner); give it ~3 us to do so before taking it, or the pair bounces between Ps
            // and every hand-off costs a thread wake-up.
            // Like Go's usleep(3), this sleeps (the OS's timer slack makes it ~50 us), not spins.
            java.util.concurrent.locks.LockSupport.parkNanos(3_000);
          }
          // Take it only if it is still the G we saw: a different G there means the owner ran the
          // first one and readied another (a ping-pong pair running happily on one P).
          if (RUNNEXT.compareAndSet(this, next, null)) {
            if (sched.trace != null) sched.trace.steal(into, this, 1);
            return next;
          }
        }
        return null;
      }
      if (n > RUNQ_SIZE / 2) continue; // read an inconsistent h and t
      // Copy the stolen Gs into the thief's ring (beyond its tail, not yet published), then claim them.
      int it = into.tail;
      ringToRing(runq, h, into.runq, it, n);
      if (!HEAD.compareAndSet(this, h, h + n)) continue;
      if (sched.trace != null) sched.trace.steal(into, this, n);
      // Run the last one at once, publish the rest.
      G g = into.runq[(it + n - 1) & (RUNQ_SIZE - 1)];
      if (n > 1) TAIL.lazySet(into, it + n - 1);
      return g;
    }
  }

  // Copies between rings (arrays whose length is a power of two, indexed by a counter masked by
  // length - 1) and plain arrays, with System.arraycopy: at most two pieces per side. Not loops:
  // a loop run a few hundred times gets its own on-stack-replacement compilation from C2, and the
  // batches here (up to 128 Gs) are moved while other Ms wait for them.

  /** ring[from..from+n) (indices masked) to dst[at..at+n). */
  static void ringToArray(G[] ring, int from, G[] dst, int at, int n) {
    int i = from & (ring.length - 1);
    int first = Math.min(n, ring.length - i);
    System.arraycopy(ring, i, dst, at, first);
    System.arraycopy(ring, 0, dst, at + first, n - first);
  }

  /** src[at..at+n) to ring[to..to+n) (indices masked). */
  static void arrayToRing(G[] src, int at, G[] ring, int to, int n) {
    int i = to & (ring.length - 1);
    int first = Math.min(n, ring.length - i);
    System.arraycopy(src, at, ring, i, first);
    System.arraycopy(src, at + first, ring, 0, n - first);
  }

  /** src[from..from+n) to dst[to..to+n), both rings (indices masked). */
  static void ringToRing(G[] src, int from, G[] dst, int to, int n) {
    int i = from & (src.length - 1);
    int first = Math.min(n, src.length - i);
    arrayToRing(src, i, dst, to, first);
    arrayToRing(src, 0, dst, to + first, n - first);
  }

  /** A fresh goroutine id (owner only): ids come in per-P batches of 16, as in Go. */
  long newGoid() {
    if (goidNext == goidEnd) {
      goidNext = sched.goidgen.getAndAdd(GOID_BATCH);
      goidEnd = goidNext + GOID_BATCH;
    }
    return goidNext++;
  }

  /** Puts a dead G on the local free list; a full list moves half of itself to the global one. */
  void gfput(G g) {
    gfree[gfreeCount++] = g;
    if (gfreeCount == GFREE_MAX) {
      gfreeCount -= GFREE_BATCH;
      sched.gfspill(gfree, gfreeCount, GFREE_BATCH);
      java.util.Arrays.fill(gfree, gfreeCount, GFREE_MAX, null);
    }
  }

  /** Moves this P's free Gs (not the global ones) to {@code to}'s free list (a P going away). */
  void gfmoveTo(P to) {
    while (gfreeCount > 0) {
      G g = gfree[--gfreeCount];
      gfree[gfreeCount] = null;
      to.gfput(g);
    }
  }

  /** Takes a dead G for reuse, refilling from the global free list; null if there is none. */
  G gfget() {
    if (gfreeCount == 0) {
      gfreeCount = sched.gfrefill(gfree, GFREE_BATCH);
      if (gfreeCount == 0) return null;
    }
    G g = gfree[--gfreeCount];
    gfree[gfreeCount] = null;
    return g;
  }
}
