package gol.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scheduler's state and its lock-protected lists (first of the classes {@link Sched}'s code is
 * split into, by topic: SchedQueues, the state, the global run queue, free lists and idle lists;
 * {@link SchedIdle}, waking and parking Ms, blocking calls' Ps and timer sleeps; {@link SchedLoop},
 * the schedule loop and the trampoline; {@link Sched}, starting and ending a run and the API). The
 * chain of abstract classes is one object: a Sched. Read Sched's essay first.
 *
 * <p>Threading: fields marked "under lock" and the methods of the global queue and the idle lists
 * are guarded by {@link #lock}; counters read racily are volatile or atomic.
 */
abstract class SchedQueues {
  SchedQueues(Resumer resumer, String[] args, int procs, Knobs knobs) {
    this.knobs = knobs;
    this.sysmon = new Sysmon(self());
    this.det = knobs.seed != null || knobs.shuffle ? new Determinism(knobs) : null;
    this.resumer = RuntimeFrames.wrap(resumer);
    this.args = args;
    this.allp = new P[procs];
    this.gomaxprocs = procs;
    for (int i = 0; i < procs; i++) allp[i] = new P(self(), i);
    this.threads = knobs.model == Knobs.Model.THREADS ? new ThreadsModel(self(), allp[0].timers) : null;
    this.gil = knobs.model == Knobs.Model.GIL ? new Gil(self(), knobs.gilIntervalNs) : null;
  }

  /** The 1:1 model's machinery, or null under the other models. */
  final ThreadsModel threads;
  /** The global interpreter lock of the gil model, or null. */
  final Gil gil;

  /** This object as the Sched it is. */
  final Sched self() {
    return (Sched) this;
  }

  // ==================================================================== state

  final Resumer resumer;
  /** The experiment knobs and the concurrency model of this run. */
  final Knobs knobs;
  /** Seeded choices, the virtual clock and run-queue shuffling; null unless --seed or --shuffle. */
  final Determinism det;
  final String[] args;
  /** The Ps; replaced (never mutated) by runtime.GOMAXPROCS with the world stopped. */
  volatile P[] allp;
  /** Guards the global run queue, the idle lists, the global free list and the M list. */
  final Object lock = new Object();
  // ---- under lock
  P pidle;
  M midle;
  int nmidle;
  final List<M> allm = new ArrayList<>();
  /** The global run queue; {@link #runqsize} mirrors its size for racy readers. */
  final GlobalRunq globalRunq = new GlobalRunq();
  /**
   * The global free list of dead Gs (Go's sched.gFree), a stack in a growable array: Ps move Gs in
   * and out in batches, copied, with nothing allocated once it has grown. (Go links them through
   * g.schedlink; walking a chain of Gs under the lock was slower here than copying an array.)
   */
  G[] gfreeGlobal = new G[4 * P.GFREE_MAX];
  /** Gs on the global free list (written under lock, read racily by gfrefill). */
  volatile int gfreeGlobalCount;
  /** Ps on the idle list (written under lock, read racily by wakep). */
  volatile int npidle;
  /** Gs on the global run queue (written under lock, read racily). */
  volatile int runqsize;
  final AtomicInteger nmspinning = new AtomicInteger();
  /**
   * Goroutines inside a blocking call (between entersyscall and the moment they hold a P again or
   * are on the global queue). Deadlock detection requires 0: such a goroutine will come back.
   */
  final AtomicInteger nsyscall = new AtomicInteger();
  final Sysmon sysmon;
  /** The execution tracer of this run, or null when tracing is off (GOLDEBUG trace=FILE). */
  final Tracer trace = tracer(Config.load());

  /** The event tracer if {@code trace=FILE} is set; tested here so that Tracer is not even loaded when off. */
  private static Tracer tracer(Config c) {
    String path = c.get("trace");
    return path == null || path.isEmpty() ? null : Tracer.create(c);
  }
  /** Goroutine id generator: handed out to Ps in batches. */
  final AtomicLong goidgen = new AtomicLong(1);
  /** Every G ever allocated in this run, in allocation order (for dumps), guarded by itself. */
  final List<G> allgs = new ArrayList<>();
  volatile int gomaxprocs;
  G mainG;
  volatile boolean mainStarted;
  /**
   * The maximum goroutine stack in Go bytes (runtime/debug.SetMaxStack; Go's default 1 GB). It sizes
   * the JVM stacks of Ms started from then on ({@link M#stackBytesFor}); Ms already running keep
   * theirs. The stack overflow message reports it.
   */
  volatile long maxStack = 1_000_000_000L;
  /** Set once the program is ending: Ms stop at their next scheduling point. */
  volatile boolean done;
  final AtomicInteger ending = new AtomicInteger();
  volatile int exitCode;
  final CountDownLatch finished = new CountDownLatch(1);

  /** Number of Gs on the global run queue (tests). */
  int globalQueueSize() {
    return runqsize;
  }

  /** Takes one G from the global queue, or null (tests). */
  G globalQueueTake() {
    synchronized (lock) {
      G g = globalRunq.poll();
      runqsize = globalRunq.size();
      return g;
    }
  }

  // ==================================================================== ending the run

  /**
   * Ends the program with {@code code}, once: the first caller wins, prints {@code message} (to
   * stderr, after flushing stdout) and releases {@link #run}. Later callers do nothing. Any thread.
   */
  boolean end(int code, Runnable message) {
    if (!ending.compareAndSet(0, 1)) return false;
    done = true;
    if (message != null) message.run();
    exitCode = code;
    finished.countDown();
    return true;
  }

  /** Allocates a fresh G and records it in allgs. */
  G newG() {
    G g = new G();
    synchronized (allgs) {
      allgs.add(g);
    }
    return g;
  }

  /** Number of live goroutines (runtime.NumGoroutine): created minus exited, over all Ps. */
  long gcount() {
    if (threads != null) return threads.gcount();
    long n = 0;
    for (P p : allp) n += p.live();
    return n;
  }

  int gomaxprocs() {
    return gomaxprocs;
  }

  final StopTheWorld stw = new StopTheWorld(self());

  /** Records the new GOMAXPROCS (procresize, under lock). */
  void gomaxprocsSet(int n) {
    gomaxprocs = n;
  }

  // ==================================================================== the global run queue and free list (under lock)

  void globrunqput(G g) {
    globalRunq.put(g);
    runqsize = globalRunq.size();
  }

  /** Appends batch[0..n) to the global queue (takes the lock). */
  void globrunqputbatch(G[] batch, int n) {
    synchronized (lock) {
      globalRunq.putBatch(batch, n);
      runqsize = globalRunq.size();
    }
  }

  /**
   * Takes a batch from the global queue for p (Go's globrunqget): returns one G to run and moves up
   * to a fair share of the rest into p's ring. max > 0 caps the batch. Under lock, by p's owner.
   */
  G globrunqget(P p, int max) {
    int size = globalRunq.size();
    if (size == 0) return null;
    // min, not tests of n: n > max depends on the queue's length, which can stay one way while C2
    // profiles this code (inlined into findRunnable) and then change, throwing the compiled code away
    int n = Math.min(size, size / allp.length + 1);
    if (max > 0) n = Math.min(n, max);
    n = Math.min(n, Math.max(1, knobs.runqSize / 2));
    G g = globalRunq.poll();
    for (int i = 1; i < n; i++) p.runqput(globalRunq.poll(), false);
    runqsize = globalRunq.size();
    return g;
  }

  /** Moves from[off..off+n) to the global free list (takes the lock). */
  void gfspill(G[] from, int off, int n) {
    synchronized (lock) {
      int k = gfreeGlobalCount;
      if (k + n > gfreeGlobal.length) gfreeGlobal = java.util.Arrays.copyOf(gfreeGlobal, 2 * (k + n));
      System.arraycopy(from, off, gfreeGlobal, k, n);
      gfreeGlobalCount = k + n;
    }
  }

  /** Moves up to n dead Gs from the global free list into {@code into}; returns how many (takes the lock). */
  int gfrefill(G[] into, int n) {
    if (gfreeGlobalCount == 0) return 0; // racy peek: at worst we allocate a new G
    synchronized (lock) {
      int k = Math.min(n, gfreeGlobalCount);
      int from = gfreeGlobalCount - k;
      System.arraycopy(gfreeGlobal, from, into, 0, k);
      java.util.Arrays.fill(gfreeGlobal, from, from + k, null);
      gfreeGlobalCount = from;
      return k;
    }
  }

  // ==================================================================== idle Ps and Ms (under lock)

  void pidleput(P p) {
    p.status = P.IDLE;
    p.m = null;
    p.link = pidle;
    pidle = p;
    npidle++;
  }

  P pidleget() {
    P p = pidle;
    if (p != null) {
      pidle = p.link;
      p.link = null;
      npidle--;
    }
    return p;
  }

  M newM() {
    synchronized (lock) {
      M m = new M(self(), allm.size() + 1);
      allm.add(m);
      return m;
    }
  }

  boolean anyRunq() {
    for (P p : allp) if (!p.runqEmpty()) return true;
    return false;
  }

  /** Removes m from the idle M list; false if it is not there. Under lock. */
  boolean midleRemove(M m) {
    M prev = null;
    for (M x = midle; x != null; prev = x, x = x.schedlink) {
      if (x != m) continue;
      if (prev == null) midle = x.schedlink;
      else prev.schedlink = x.schedlink;
      x.schedlink = null;
      nmidle--;
      return true;
    }
    return false;
  }

  /** Set when main's goroutine ended through runtime.Goexit (the program then outlives it). */
  volatile boolean mainGoexited;

  int liveGoroutines() {
    int n = 0;
    for (G g : allgsSnapshot()) if (g.state != G.DEAD && g.state != G.IDLE) n++;
    return n;
  }

  /** Snapshot of all Gs (for dumps and tests). */
  List<G> allgsSnapshot() {
    synchronized (allgs) {
      return new ArrayList<>(allgs);
    }
  }
}
