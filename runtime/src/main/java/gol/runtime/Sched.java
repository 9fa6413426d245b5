package gol.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The goroutine scheduler: Go's G-M-P design on the JVM.
 *
 * <h2>G, M and P</h2>
 * <ul>
 *   <li><b>G</b> ({@link G}): a goroutine. While it runs, its live frames are ordinary JVM frames
 *       on the stack of the thread running it. When it blocks, the compiled code unwinds those frames
 *       into the G's own heap {@link Stack} (the continuation contract, see G and CONTINUATIONS.md
 *       §11), so any thread can resume it later, innermost frame first.</li>
 *   <li><b>M</b> ({@link M}): a worker thread, a daemon platform thread with a 512 MB JVM stack.
 *       It runs the schedule loop: find a runnable G, run it until it parks, yields or ends, repeat.
 *       An M without work parks on its note; Ms are never destroyed during a run.</li>
 *   <li><b>P</b> ({@link P}): a processor, the right to run gol code. There are GOMAXPROCS of them;
 *       an M holds at most one. The P carries the local run queue (a 256-slot ring and the
 *       {@code runnext} slot), the free list of dead Gs and the goroutine id cache, so the hot
 *       scheduling paths touch no shared lock.</li>
 * </ul>
 * Shared state (the global run queue, the idle P and M lists, the global free list) lives in this
 * object under {@link #lock}. Each call of {@link #run} makes a new Sched, so runs are independent.
 *
 * <h2>Designs rejected</h2>
 * <ul>
 *   <li><b>A thread per goroutine.</b> Simple (a blocked goroutine is a blocked thread), but a
 *       platform thread costs about a megabyte of reserved stack and a kernel context switch per
 *       hand-off; 100,000 goroutines would not fit and ping-pong would run at kernel speed. gol
 *       parks a goroutine as a few hundred bytes of heap and switches in user space.</li>
 *   <li><b>One global run queue.</b> Every go statement and every wake-up would take one lock that
 *       all threads contend for (Go before 1.1). Per-P queues make the common case lock-free; the
 *       global queue is only for overflow, yields, preemption and goroutines returning from
 *       blocking calls without a P. It is polled every 61st schedule so it cannot starve.</li>
 *   <li><b>Re-calling the whole stack on resume</b> (Quasar, Kilim, Javaflow): each frame's prologue
 *       jumps back to its call site, so resuming costs O(depth). gol resumes only the innermost
 *       saved frame; when it returns, the trampoline in {@link #execute} resumes the next one with
 *       the result in the G's result registers, so a switch costs the same at any depth.</li>
 * </ul>
 *
 * <h2>G states by ownership</h2>
 * <ul>
 *   <li><b>RUNNABLE</b>: on exactly one run queue (some P's runnext or ring, or the global queue).
 *       The queue owns it; whoever dequeues it owns it next. Its frames are all in its Stack (or it
 *       has not started: {@code entry} is set).</li>
 *   <li><b>RUNNING</b>: owned by the M running it ({@code g.m}, {@code m.curg}); live frames on
 *       that M's JVM stack. Only this M may park it, requeue it or end it.</li>
 *   <li><b>WAITING</b>: parked, all frames in its Stack, recorded in at most one wait structure
 *       (a channel's wait queue, a timer, a semaphore) which owns it; only the waker that removes
 *       it from there may make it RUNNABLE ({@link #ready}). Blocked forever (nil channel,
 *       {@code select {}}): recorded nowhere, only in {@link #allgs}.</li>
 *   <li><b>DEAD</b>: finished; on a free list, owned by that P (or the global free list).</li>
 * </ul>
 *
 * <h2>Parking: two phases (Go's gopark with an unlock function)</h2>
 * <ol>
 *   <li>A blocking primitive (channel receive, Sleep, ...) that cannot complete records a
 *       {@link ParkOp} in {@code g.parkOp}, sets UNWIND and returns. It does not enqueue itself:
 *       its JVM frames are still live.</li>
 *   <li>The frames unwind into the M's {@link Unwind} scratch; {@link #execute} moves them to the
 *       G's Stack ({@code Unwind.commitTo}), sets the G WAITING and calls {@code parkOp.commit}.</li>
 *   <li>commit takes the lock of what the G waits on and re-checks: if a partner arrived it
 *       completes the operation and returns false (the G runs on at once); otherwise it records
 *       the G as a waiter and returns true. From then on the M does not touch the G.</li>
 *   <li>A waker removes the G from the wait structure under that lock, stores the result in
 *       {@code g.retA}/{@code retJ} (or a pending panic), and calls {@link #ready}: RUNNABLE, into
 *       the waker's P's runnext, so it runs next and inherits the time slice.</li>
 * </ol>
 * A waker therefore never sees a G whose frames are still on another thread's stack.
 *
 * <h2>Waking Ms without losing wake-ups</h2>
 * <ol>
 *   <li>Whoever makes work (go statement, ready, global queue) first publishes it (release store
 *       of the ring's tail, or the global queue under the lock), then calls {@link #wakep}.</li>
 *   <li>wakep issues a full fence, then starts an M only if a P is idle and no M is spinning: it
 *       CASes {@link #nmspinning} from 0 to 1 and hands an idle P to an idle (or new) M.</li>
 *   <li>A spinning M looks for work in every queue. If it finds some it stops spinning and, if it
 *       was the last spinner, calls wakep (more work may follow: keep one spinner around).</li>
 *   <li>A spinning M that finds nothing: under the lock, checks the global queue a last time and
 *       puts its P on the idle list; then decrements nmspinning (a full fence), then re-checks the
 *       global queue and every P's ring. If work appeared it takes an idle P and spins again.</li>
 *   <li>Why nothing is lost: a maker that read nmspinning before a spinner's decrement (so did not
 *       wake anyone) published its work before that read, so the spinner's re-check after the
 *       decrement sees the work; a maker that read it after the decrement sees nmspinning == 0 and
 *       an idle P (put there before the decrement) and starts an M.</li>
 *   <li>A non-spinning M goes idle without the re-check: it only declines to spin when other Ms
 *       are spinning, and they do the re-check.</li>
 * </ol>
 *
 * <h2>Timers</h2>
 * Each P has a 4-ary timer heap ({@link Timers}); a goroutine's timers go to the heap of the P it
 * runs on. findRunnable runs its own P's due timers first; a stealing M's last pass runs every
 * other P's due timers (idle Ps included). An M that goes idle while timers are pending, and
 * finds no other M sleeping on them, sleeps until the earliest deadline ({@link #stopmTimers});
 * a timer added earlier than that deadline wakes it ({@link #timerAdded}, a Dekker-style
 * handshake written down there). sysmon starts an M for an overdue timer if a P is idle.
 *
 * <h2>Program end</h2>
 * The first of: main returning (exit 0), an unrecovered panic or fatal error (its message, exit 2),
 * os.Exit (its code), or deadlock. Deadlock is detected by the M whose P goes idle last
 * ({@link #checkdead}), under the scheduler lock. The rule: it is a deadlock when
 * <ol>
 *   <li>every P is idle (no M runs gol code, so no goroutine can change anything), and</li>
 *   <li>the global run queue is empty (Ps' local queues are empty when they go idle), and</li>
 *   <li>no goroutine is in a blocking call (it will come back and may wake others), and</li>
 *   <li>no pending timer can wake a goroutine. A sleep timer readies its goroutine, and an
 *       AfterFunc timer starts one: they can. A channel timer (time.After, NewTimer, Ticker) only
 *       sends on its channel, with buffer 1; that wakes someone only if a goroutine is waiting to
 *       receive from that channel (directly or in a select) right now. With nothing running,
 *       no goroutine can start waiting later, so a channel timer without a receiver is inert.</li>
 * </ol>
 * Go stops at "some timer is pending" (a forgotten Ticker makes a deadlocked program hang
 * forever); gol reports such programs. The state is quiescent while the rule is evaluated, so
 * reading channels' wait queues without their locks is exact. Then {@link #run} returns; other
 * goroutines are abandoned, as in Go.
 */
public final class Sched {
  final Resumer resumer;
  final String[] args;
  /** The Ps; replaced (never mutated) by runtime.GOMAXPROCS with the world stopped. */
  volatile P[] allp;
  /** Guards the global run queue, the idle lists, the global free list and the M list. */
  final Object lock = new Object();

  // ---- under lock
  private P pidle;
  private M midle;
  private int nmidle;
  private final List<M> allm = new ArrayList<>();
  private G runqhead, runqtail;
  private G gfreeGlobal;
  private int gfreeGlobalCount;
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
  final Sysmon sysmon = new Sysmon(this);
  /** Goroutine id generator: handed out to Ps in batches. */
  final AtomicLong goidgen = new AtomicLong(1);
  /** Every G ever allocated in this run, in allocation order (for dumps), guarded by itself. */
  final List<G> allgs = new ArrayList<>();
  private volatile int gomaxprocs;
  private G mainG;
  private volatile boolean mainStarted;

  /**
   * The maximum goroutine stack in Go bytes (runtime/debug.SetMaxStack; Go's default 1 GB). It sizes
   * the JVM stacks of Ms started from then on ({@link M#stackBytesFor}); Ms already running keep
   * theirs. The stack overflow message reports it.
   */
  volatile long maxStack = 1_000_000_000L;

  /** Set once the program is ending: Ms stop at their next scheduling point. */
  volatile boolean done;
  private final AtomicInteger ending = new AtomicInteger();
  private volatile int exitCode;
  private final CountDownLatch finished = new CountDownLatch(1);

  /** The scheduler of the latest run (for {@link #resumer()}). */
  private static volatile Sched current;

  private Sched(Resumer resumer, String[] args, int procs) {
    this.resumer = RuntimeFrames.wrap(resumer);
    this.args = args;
    this.allp = new P[procs];
    this.gomaxprocs = procs;
    for (int i = 0; i < procs; i++) allp[i] = new P(this, i);
  }

  // ==================================================================== public API (known to the compiler)

  /**
   * Runs a program: starts GOMAXPROCS Ps, runs {@code main} as goroutine 1 and returns the exit code
   * (0 when main returns; 2 after an unrecovered panic, a fatal error or a deadlock; os.Exit's code).
   * Stdout is flushed before it returns. May be called several times in one JVM; runs are independent.
   */
  public static int run(Resumer resumer, Entry main, String[] args) {
    return run(resumer, main, args, defaultProcs());
  }

  /** {@link #run} with an explicit GOMAXPROCS (tests, the {@code --procs} flag). */
  public static int run(Resumer resumer, Entry main, String[] args, int procs) {
    Sched s = new Sched(resumer, args == null ? new String[0] : args, Math.max(1, procs));
    current = s;
    return s.start(main);
  }

  /** A scheduler that is not running (unit tests of its queues). */
  static Sched unstarted(int procs) {
    return new Sched(null, new String[0], procs);
  }

  /** Number of Gs on the global run queue (tests). */
  int globalQueueSize() {
    return runqsize;
  }

  /** Takes one G from the global queue, or null (tests). */
  G globalQueueTake() {
    synchronized (lock) {
      if (runqsize == 0) return null;
      runqsize--;
      return popGlobal();
    }
  }

  /** The go statement: starts a goroutine running {@code e}, created by {@code parent}. */
  public static void go(G parent, Entry e) {
    M m = parent.m;
    m.sched.newproc(m.p, e);
  }

  /** The scheduler of the current (latest) run (for tests). */
  static Sched current() {
    return current;
  }

  /** The Resumer of the current (latest) run, for dumps. */
  public static Resumer resumer() {
    Sched s = current;
    return s == null ? null : s.resumer;
  }

  /** The command-line arguments of the running program (os.Args after the program name). */
  public static String[] args(G g) {
    return g.m.sched.args;
  }

  /** GOMAXPROCS from the environment, else the number of CPUs (Go's rule). */
  static int defaultProcs() {
    String env = System.getenv("GOMAXPROCS");
    if (env != null) {
      try {
        int n = Integer.parseInt(env.trim());
        if (n > 0) return n;
      } catch (NumberFormatException ignored) {
        // Go ignores a malformed value too
      }
    }
    return Runtime.getRuntime().availableProcessors();
  }

  // ==================================================================== starting and ending a run

  private int start(Entry main) {
    P p0 = allp[0];
    for (int i = allp.length - 1; i >= 1; i--) pidleput(allp[i]);
    // Goroutine ids: main is 1; Go's runtime then starts its own goroutines (forcegc, bgsweep,
    // scavenger, finalizers) with ids 2..5 from the same batch, so a program's first goroutine is 6.
    mainG = newG();
    mainG.id = p0.newGoid();
    p0.goidNext += 4;
    mainG.entry = main;
    mainG.state = G.RUNNABLE;
    p0.created++;
    p0.runqput(mainG, false);
    M m0 = newM();
    m0.nextp = p0;
    mainStarted = true;
    m0.start();
    sysmon.start();
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      end(2, null);
    }
    shutdown();
    Out.flush();
    return exitCode;
  }

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

  /** Stops the Ms: idle ones wake and exit; running ones exit at their next scheduling point. */
  private void shutdown() {
    sysmon.stop();
    List<M> ms;
    synchronized (lock) {
      ms = new ArrayList<>(allm);
      for (M m = midle; m != null; m = m.schedlink) m.nextp = null;
      midle = null;
      nmidle = 0;
    }
    for (M m : ms) {
      G g = m.curg;
      if (g != null) g.requestPreempt();
      m.wake();
    }
    long deadline = System.nanoTime() + 200_000_000L;
    for (M m : ms) {
      long left = deadline - System.nanoTime();
      if (left <= 0) break;
      try {
        m.thread.join(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
  }

  // ==================================================================== goroutine creation and readying

  /** Allocates a fresh G and records it in allgs. */
  private G newG() {
    G g = new G();
    synchronized (allgs) {
      allgs.add(g);
    }
    return g;
  }

  /** newproc: a new runnable G (reused from the free list if possible) in p's runnext. Owner of p only. */
  void newproc(P p, Entry e) {
    G g = p.gfget();
    if (g == null) g = newG();
    g.id = p.newGoid();
    g.entry = e;
    g.origin = e;
    g.state = G.RUNNABLE;
    p.created++;
    p.runqput(g, true);
    if (mainStarted) wakep();
  }

  /**
   * goready: makes a WAITING g runnable in the waker's P's runnext (it runs next and inherits the
   * time slice). Called by the waker after it removed g from the wait structure.
   */
  public static void ready(G waker, G g) {
    M m = waker.m;
    g.waitReason = null;
    g.state = G.RUNNABLE;
    m.p.runqput(g, true);
    m.sched.wakep();
  }


  /** Number of live goroutines (runtime.NumGoroutine): created minus exited, over all Ps. */
  long gcount() {
    long n = 0;
    for (P p : allp) n += p.created - p.exited;
    return n;
  }

  int gomaxprocs() {
    return gomaxprocs;
  }

  /**
   * runtime.GOMAXPROCS(n) on the goroutine g: returns the previous setting; n >= 1 different from it
   * stops the world, resizes the set of Ps and restarts (see {@link StopTheWorld}).
   */
  int setGomaxprocs(G g, int n) {
    int old = gomaxprocs;
    if (n < 1 || n == old) return old;
    stw.resize(g.m, n);
    return old;
  }

  final StopTheWorld stw = new StopTheWorld(this);

  /** Records the new GOMAXPROCS (procresize, under lock). */
  void gomaxprocsSet(int n) {
    gomaxprocs = n;
  }

  // ==================================================================== the global run queue and free list (under lock)

  void globrunqput(G g) {
    g.schedlink = null;
    if (runqtail == null) runqhead = g;
    else runqtail.schedlink = g;
    runqtail = g;
    runqsize++;
  }

  /** Appends a linked batch head..tail of n Gs to the global queue (takes the lock). */
  void globrunqputbatch(G head, G tail, int n) {
    synchronized (lock) {
      tail.schedlink = null;
      if (runqtail == null) runqhead = head;
      else runqtail.schedlink = head;
      runqtail = tail;
      runqsize += n;
    }
  }

  /**
   * Takes a batch from the global queue for p (Go's globrunqget): returns one G to run and moves up
   * to a fair share of the rest into p's ring. max > 0 caps the batch. Under lock, by p's owner.
   */
  private G globrunqget(P p, int max) {
    int size = runqsize;
    if (size == 0) return null;
    int n = Math.min(size, size / allp.length + 1);
    if (max > 0 && n > max) n = max;
    if (n > P.RUNQ_SIZE / 2) n = P.RUNQ_SIZE / 2;
    runqsize -= n;
    G g = popGlobal();
    for (int i = 1; i < n; i++) p.runqput(popGlobal(), false);
    return g;
  }

  G popGlobal() {
    G g = runqhead;
    runqhead = g.schedlink;
    if (runqhead == null) runqtail = null;
    g.schedlink = null;
    return g;
  }

  /** Moves dead Gs from p's free list to the global one until 32 remain (takes the lock). */
  void gfspill(P p) {
    synchronized (lock) {
      while (p.gfreeCount > P.GFREE_MAX / 2) {
        G g = p.gfree;
        p.gfree = g.schedlink;
        p.gfreeCount--;
        g.schedlink = gfreeGlobal;
        gfreeGlobal = g;
        gfreeGlobalCount++;
      }
    }
  }

  /** Refills p's empty free list with up to 32 Gs from the global one (takes the lock). */
  void gfrefill(P p) {
    if (gfreeGlobalCount == 0) return; // racy peek: at worst we allocate a new G
    synchronized (lock) {
      while (p.gfreeCount < P.GFREE_MAX / 2 && gfreeGlobal != null) {
        G g = gfreeGlobal;
        gfreeGlobal = g.schedlink;
        gfreeGlobalCount--;
        g.schedlink = p.gfree;
        p.gfree = g;
        p.gfreeCount++;
      }
    }
  }

  // ==================================================================== Ps and Ms

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

  private M newM() {
    synchronized (lock) {
      M m = new M(this, allm.size() + 1);
      allm.add(m);
      return m;
    }
  }

  /**
   * Starts an M to run an idle P (Go's startm), spinning if asked. If no P is idle it gives up (and
   * undoes the caller's nmspinning increment). Any thread.
   */
  private void startm(boolean spinning) {
    startm(null, spinning);
  }

  /**
   * startm with a P: runs {@code p} (which the caller owns and which is on no list), or an idle P
   * when {@code p} is null.
   */
  void startm(P p, boolean spinning) {
    M m;
    synchronized (lock) {
      if (done) {
        if (spinning) nmspinning.decrementAndGet();
        return;
      }
      if (p == null) p = pidleget();
      if (p == null) {
        if (spinning) nmspinning.decrementAndGet();
        return;
      }
      m = midle;
      if (m != null) {
        midle = m.schedlink;
        m.schedlink = null;
        nmidle--;
      }
    }
    if (m == null) {
      m = newM();
      m.nextp = p;
      m.spinning = spinning;
      m.start();
    } else {
      m.nextp = p;
      m.spinning = spinning;
      m.wake();
    }
  }

  /** Wakes an M to look for work if a P is idle and nobody is spinning (protocol steps 1-2). */
  void wakep() {
    java.lang.invoke.VarHandle.fullFence();
    if (npidle == 0) return;
    if (nmspinning.get() != 0 || !nmspinning.compareAndSet(0, 1)) return;
    startm(true);
  }

  /**
   * Hands off a P taken from a blocking call (sysmon's retake; Go's handoffp): starts an M on it if
   * it has work or if nobody could otherwise pick up new work; else puts it on the idle list.
   */
  void handoffp(P p) {
    p.m = null;
    if (!p.runqEmpty() || runqsize > 0) {
      startm(p, false);
      return;
    }
    if (nmspinning.get() + npidle == 0 && nmspinning.compareAndSet(0, 1)) {
      startm(p, true);
      return;
    }
    synchronized (lock) {
      if (stw.waiting) {
        stw.stopPLocked(p);
        return;
      }
      if (runqsize > 0 && !done) {
        // work appeared meanwhile: run it
      } else {
        pidleput(p);
        return;
      }
    }
    startm(p, false);
  }

  // ==================================================================== blocking calls ("syscalls")

  /**
   * Called by library code before it blocks its thread in Java (reading stdin, ...): lends the P
   * (status SYSCALL) so that sysmon can hand it to another M if the call lasts (Go's entersyscall).
   * The goroutine keeps running on this M; it must not touch its P until {@link #exitsyscall}.
   */
  public static void entersyscall(G g) {
    M m = g.m;
    Sched s = m.sched;
    if (s == null) return; // a test M outside any scheduler
    P p = m.p;
    if (p == null) return; // still without a P since a previous call's slow exit: still counted
    s.nsyscall.incrementAndGet();
    m.oldp = p;
    m.p = null;
    p.m = null;
    p.status = P.SYSCALL; // publishes the above; from now on sysmon may retake p
  }

  /**
   * Called by library code after its blocking call returned (Go's exitsyscall). Fast path: get the
   * old P back (CAS SYSCALL to RUNNING), else take any idle P; the goroutine runs on. Slow path (no
   * P free): the goroutine must give way, so this sets PREEMPT in its status word: the calling
   * library function returns its result normally, the compiled caller saves it and unwinds, and the
   * scheduler puts the goroutine on the global queue; this M then parks until it is given a P.
   * Returns true on the fast path.
   */
  public static boolean exitsyscall(G g) {
    M m = g.m;
    Sched s = m.sched;
    if (s == null) return true;
    P old = m.oldp;
    m.oldp = null;
    if (old != null && old.casStatus(P.SYSCALL, P.RUNNING)) {
      old.syscalltick++;
      s.acquirep(m, old);
      s.nsyscall.decrementAndGet();
      return true;
    }
    P p;
    synchronized (s.lock) {
      p = s.done ? null : s.pidleget();
    }
    if (p != null) {
      s.acquirep(m, p);
      s.nsyscall.decrementAndGet();
      return true;
    }
    g.status |= G.PREEMPT; // nsyscall drops once g is on the global queue (execute)
    return false;
  }

  void acquirep(M m, P p) {
    m.p = p;
    p.m = m;
    p.status = P.RUNNING;
  }

  /** Body of every M thread. */
  void mstart(M m) {
    P p = m.nextp;
    m.nextp = null;
    if (p == null) return;
    acquirep(m, p);
    try {
      for (;;) {
        G g = findRunnable(m);
        if (g == null) return;
        boolean inherit = m.p.lastInherit;
        if (m.spinning) resetspinning(m);
        if (m.stackBytes != M.stackBytesFor(maxStack)) { // debug.SetMaxStack: goroutines move to Ms with the new stack size
          retire(m, g);
          return;
        }
        execute(m, g, inherit);
        if (m.p == null) { // g left a blocking call and found no P: this M waits for one (exitsyscall's slow path)
          stopmTimers(m);
          if (m.p == null) return;
        }
      }
    } catch (Throwable t) {
      end(2, () -> Traceback.internalError(t));
    }
  }

  /**
   * Retires m, whose JVM stack no longer matches the maximum stack size: g goes back to the front
   * of m's P, which a new M (started with the new size) takes over; m's thread ends.
   */
  private void retire(M m, G g) {
    P p = m.p;
    p.runqput(g, true);
    m.p = null;
    M nm = newM();
    nm.nextp = p;
    nm.start();
  }

  /** The M found work while spinning: stop spinning, and keep one spinner if it was the last. */
  private void resetspinning(M m) {
    m.spinning = false;
    if (nmspinning.decrementAndGet() == 0) wakep();
  }

  /**
   * Finds a runnable G for m (which holds a P), parking m while there is none. Returns null when
   * the run is over. Sets {@code m.p.lastInherit} for the returned G.
   */
  private G findRunnable(M m) {
    for (;;) {
      if (done) return null;
      if (stw.waiting) {
        if (m.spinning) {
          m.spinning = false;
          nmspinning.decrementAndGet();
        }
        stw.stopP(m);
        stopmTimers(m);
        if (m.p == null) return null;
        continue;
      }
      P p = m.p;
      G g;
      if (p.timers.size > 0) p.timers.runDue(m.g0, System.nanoTime()); // readies go to p's runnext
      // Fairness: now and then look at the global queue first, so it cannot starve.
      if (p.schedtick % 61 == 0 && runqsize > 0) {
        synchronized (lock) {
          g = globrunqget(p, 1);
        }
        if (g != null) {
          p.lastInherit = false;
          return g;
        }
      }
      g = p.runqget();
      if (g != null) return g;
      if (runqsize > 0) {
        synchronized (lock) {
          g = globrunqget(p, 0);
        }
        if (g != null) {
          p.lastInherit = false;
          return g;
        }
      }
      // Steal, if not too many Ms are at it already (spinners are capped at half the busy Ps).
      if (m.spinning || 2 * nmspinning.get() < allp.length - npidle) {
        if (!m.spinning) {
          m.spinning = true;
          nmspinning.incrementAndGet();
        }
        g = stealWork(m);
        if (g != null) {
          p.lastInherit = false;
          return g;
        }
      }
      // Nothing: give up the P (protocol step 4).
      synchronized (lock) {
        if (done) return null;
        if (runqsize > 0) {
          g = globrunqget(p, 0);
          p.lastInherit = false;
          return g;
        }
        m.p = null;
        if (stw.waiting) stw.stopPLocked(p);
        else pidleput(p);
        checkdead();
      }
      if (m.spinning) {
        m.spinning = false;
        nmspinning.decrementAndGet();
        if (runqsize > 0 || anyRunq()) {
          P pp;
          synchronized (lock) {
            pp = done ? null : pidleget();
          }
          if (pp != null) {
            acquirep(m, pp);
            m.spinning = true;
            nmspinning.incrementAndGet();
            continue;
          }
        }
      }
      stopmTimers(m);
      if (m.p == null) return null;
    }
  }

  private boolean anyRunq() {
    for (P p : allp) if (!p.runqEmpty()) return true;
    return false;
  }

  // ==================================================================== timers and idle Ms

  /**
   * The M sleeping until the earliest timer (Go's M blocked in netpoll with a timeout), or null.
   * At most one M has this role; other idle Ms sleep without a deadline.
   */
  private volatile M timerSleeper;
  /** The deadline timerSleeper sleeps until (valid while timerSleeper != null). */
  private volatile long sleepUntil;

  /** The earliest deadline over all Ps' timers, or {@code none} if there is no timer. Racy. */
  private long earliestTimer(long none) {
    long best = none;
    boolean any = false;
    for (P p : allp) {
      if (p.timers.size == 0) continue;
      long w = p.timers.next;
      if (!any || w - best < 0) best = w;
      any = true;
    }
    return best;
  }

  /** True if a pending timer of some P could wake a goroutine (deadlock detection; see the essay). */
  private boolean anyTimerCanWake() {
    for (P p : allp) if (p.timers.size > 0 && p.timers.anyCanWake()) return true;
    return false;
  }

  /**
   * A timer was added as the earliest of its heap (Go's wakeNetPoller). The adder published it (the
   * heap's volatile next), then this fence, then reads the sleeper: if the sleeper's deadline is
   * later, wake it so it re-times its sleep; if nobody sleeps on timers, wake an idle P's M, which
   * will take the role when it finds nothing else to do. The sleeper publishes its role and
   * deadline, fences, and re-reads the heaps (stopmTimers), so one of the two sees the other.
   */
  void timerAdded(long when) {
    java.lang.invoke.VarHandle.fullFence();
    M s = timerSleeper;
    if (s != null) {
      if (when - sleepUntil < 0) s.wake();
    } else {
      wakep();
    }
  }

  /** sysmon: a timer is overdue and nobody sleeps on timers while a P is idle: get an M to run it. */
  void sysmonTimers(long now) {
    if (npidle == 0 || timerSleeper != null) return;
    long w = earliestTimer(now + 1);
    if (w - now < 0) wakep();
  }

  /**
   * The idle path of findRunnable (m has just given up its P): parks m until startm hands it a P
   * (m.p is then set) or the run ends (m.p stays null). If timers are pending and no other M sleeps
   * on them, m sleeps only until the earliest one, then takes an idle P and goes looking for work
   * as a spinning M (its steal pass runs every P's due timers).
   */
  private void stopmTimers(M m) {
    for (;;) {
      boolean sleeper = false;
      long until = 0;
      synchronized (lock) {
        if (done) return;
        m.schedlink = midle;
        midle = m;
        nmidle++;
        if (timerSleeper == null) {
          long now = System.nanoTime();
          until = earliestTimer(now - 1);
          if (until != now - 1) {
            sleeper = true;
            timerSleeper = m;
            sleepUntil = until;
          }
        }
      }
      if (sleeper) {
        java.lang.invoke.VarHandle.fullFence();
        long again = earliestTimer(until);
        if (again - until < 0) sleepUntil = until = again;
        m.sleepUntil(until);
      } else {
        m.sleep();
      }
      P p = m.nextp;
      if (p != null) { // startm popped us from midle and handed us a P
        m.nextp = null;
        if (timerSleeper == m) timerSleeper = null;
        if (done) return;
        acquirep(m, p);
        return;
      }
      if (done) return;
      // Timed out, or woken by timerAdded: leave the idle list (unless startm just took us).
      boolean handedOff;
      synchronized (lock) {
        if (timerSleeper == m) timerSleeper = null;
        handedOff = !midleRemove(m);
        if (!handedOff && earliestTimer(Long.MAX_VALUE) - System.nanoTime() <= 0) {
          P idle = pidleget();
          if (idle != null) {
            acquirep(m, idle);
            m.spinning = true;
            nmspinning.incrementAndGet();
            return;
          }
          // Every P is busy: they run their own timers at their next schedule; wait for work.
          m.schedlink = midle;
          midle = m;
          nmidle++;
          handedOff = true;
        }
      }
      if (handedOff) { // the P (and the wake) from startm are on their way
        do {
          m.sleep(); // a stale wake from timerAdded may come first: wait for the P
          p = m.nextp;
        } while (p == null && !done);
        m.nextp = null;
        if (p == null || done) return;
        acquirep(m, p);
        return;
      }
      // a timer moved earlier (or a spurious wake): sleep again with the new deadline
    }
  }

  /** Removes m from the idle M list; false if it is not there. Under lock. */
  private boolean midleRemove(M m) {
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

  /** Four passes over the other Ps in random order, stealing half a ring (runnext on the last pass). */
  private G stealWork(M m) {
    P mine = m.p;
    int n = allp.length;
    if (n == 1) return null;
    for (int pass = 0; pass < 4; pass++) {
      boolean last = pass == 3;
      int start = java.util.concurrent.ThreadLocalRandom.current().nextInt(n);
      for (int i = 0; i < n; i++) {
        P victim = allp[(start + i) % n];
        if (victim == mine) continue;
        if (last && victim.timers.due(System.nanoTime())) {
          // Run the victim's due timers here: what they ready lands in our run queue.
          victim.timers.runDue(m.g0, System.nanoTime());
          G g = mine.runqget();
          if (g != null) return g;
        }
        if (victim.status == P.IDLE) continue;
        G g = victim.runqsteal(mine, last);
        if (g != null) return g;
      }
      if (done) return null;
    }
    return null;
  }

  /** Under lock, when a P goes idle: if every P is idle and nothing can wake a goroutine, deadlock. */
  private void checkdead() {
    if (done || npidle != allp.length || runqsize != 0 || nsyscall.get() != 0 || anyTimerCanWake()) return;
    if (mainGoexited && liveGoroutines() == 0) {
      end(2, () -> Out.stderr("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n"));
      return;
    }
    end(2, () -> Traceback.deadlock(this));
  }

  /** Set when main's goroutine ended through runtime.Goexit (the program then outlives it). */
  private volatile boolean mainGoexited;

  private int liveGoroutines() {
    int n = 0;
    for (G g : allgsSnapshot()) if (g.state != G.DEAD && g.state != G.IDLE) n++;
    return n;
  }


  // ==================================================================== running a goroutine: the trampoline

  /**
   * Runs g on m until it parks, yields or ends (CONTINUATIONS.md §11.5). Owner: m, from the moment
   * g was dequeued. On return m no longer owns g.
   */
  private void execute(M m, G g, boolean inherit) {
    P p = m.p;
    if (!inherit) p.schedtick++;
    g.state = G.RUNNING;
    g.m = m;
    m.curg = g;
    ParkOp woke = g.parkOp;
    if (woke != null) {
      g.parkOp = null;
      woke.resumed(g);
    }
    for (;;) {
      g.status = 0;
      try {
        Entry e = g.entry;
        if (e != null) {
          g.entry = null;
          e.run(g);
        } else if (!g.stack.isEmpty()) {
          if (g.pendingPanic instanceof Panic pp) Traceback.rebaseOnSavedFrames(pp, g, resumer);
          resumer.resume(g, g.stack.topFnId());
        } else {
          Throwable pending = g.pendingPanic;
          if (pending != null) {
            g.pendingPanic = null;
            throw pending;
          }
          goexit(m, g);
          return;
        }
      } catch (Panic pa) {
        m.unwind.reset();
        if (!g.stack.isEmpty()) {
          Traceback.appendSavedFrames(pa, g, resumer);
          g.pendingPanic = pa; // the next saved frame rethrows it at its resume point
          continue;
        }
        m.curg = null;
        end(2, () -> Traceback.panic(this, g, pa));
        return;
      } catch (Goexit ge) {
        m.unwind.reset();
        if (!g.stack.isEmpty()) { // deferred calls of saved frames still run: unwind through them
          g.pendingPanic = ge;
          continue;
        }
        if (g == mainG) mainGoexited = true;
        goexit(m, g);
        return;
      } catch (Exit ex) {
        m.curg = null;
        end(ex.code, null);
        return;
      } catch (Fatal f) {
        m.curg = null;
        end(2, () -> Traceback.fatal(this, g, f));
        return;
      } catch (StackOverflowError so) {
        m.unwind.reset();
        m.curg = null;
        end(2, () -> Traceback.stackOverflow(this, g, so));
        return;
      } catch (Throwable t) {
        m.curg = null;
        end(2, () -> Traceback.internalError(t));
        return;
      }
      if ((g.status & G.UNWIND) == 0) continue; // a frame returned: resume the one below it
      m.unwind.commitTo(g.stack);
      ParkOp op = g.parkOp;
      if (op != null) {
        g.waitReason = op.waitReason();
        g.state = G.WAITING;
        m.curg = null;
        if (op.commit(g)) return; // parked: g now belongs to what it waits on
        g.parkOp = null;          // completed during commit: carry on
        g.waitReason = null;
        g.state = G.RUNNING;
        m.curg = g;
        continue;
      }
      if ((g.status & G.PREEMPT) != 0) { // yield (Gosched, preemption): to the global queue
        g.state = G.RUNNABLE;
        m.curg = null;
        boolean fromSyscall = m.p == null;
        synchronized (lock) {
          globrunqput(g);
          if (fromSyscall) nsyscall.decrementAndGet(); // under the lock: checkdead sees g queued or in the call
        }
        if (fromSyscall) wakep();
        return;
      }
      m.curg = null;
      end(2, () -> Traceback.internalError(new IllegalStateException("goroutine unwound without a park request")));
      return;
    }
  }

  /** The goroutine returned from its entry function: free it (or end the program if it is main). */
  private void goexit(M m, G g) {
    P p = m.p;
    p.exited++;
    m.curg = null;
    if (g == mainG && !mainGoexited) {
      g.state = G.DEAD;
      end(0, null);
      return;
    }
    g.state = G.DEAD;
    g.m = null;
    g.origin = null;
    g.retA = null;
    g.waitReason = null;
    g.stack.clear();
    p.gfput(g);
  }

  /** A fatal error raised by library code (Go's throw/fatal): ends the program with its message. */
  public static final class Fatal extends RuntimeException {
    public Fatal(String message) {
      super(message, null, false, true);
    }
  }

  /** Go's fatal/throw: prints {@code fatal error: msg} and the goroutine's stack, exit 2. */
  public static Fatal fatal(String msg) {
    return new Fatal(msg);
  }

  // ==================================================================== entry points for the library (gol.runtime.lib)

  /** time.Sleep: parks g for d nanoseconds without holding an M. Continuation contract. */
  public static void sleep(G g, long d) {
    Timers.sleep(g, d);
  }

  /** runtime.Gosched: g yields; it goes to the global run queue and stays runnable. */
  public static void gosched(G g) {
    g.status |= G.UNWIND | G.PREEMPT;
  }

  /** runtime.NumGoroutine. */
  public static long numGoroutine(G g) {
    return g.m.sched.gcount();
  }

  /** runtime.GOMAXPROCS(n): the previous setting; n < 1 only queries. */
  public static long gomaxprocs(G g, long n) {
    return g.m.sched.setGomaxprocs(g, n < 1 ? 0 : (int) Math.min(n, 1024));
  }

  /** runtime/debug.SetMaxStack: sets the maximum stack size in bytes, returns the previous one. */
  public static long setMaxStack(G g, long bytes) {
    Sched s = g.m.sched;
    long old = s.maxStack;
    s.maxStack = bytes;
    return old;
  }

  /** Snapshot of all Gs (for dumps and tests). */
  List<G> allgsSnapshot() {
    synchronized (allgs) {
      return new ArrayList<>(allgs);
    }
  }
}
