package gol.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The goroutine scheduler: Go's G-M-P design on the JVM.
 *
 * <p>The code is one object split by topic into a chain of classes: {@link SchedQueues} (state,
 * global run queue, free lists, idle lists), {@link SchedIdle} (waking and parking Ms, timer
 * sleeps), {@link SchedLoop} (the schedule loop, stealing, deadlock detection, the trampoline) and
 * this class (starting and ending a run, the API). {@link Sysmon}, {@link Timers} (per-P timer
 * heaps) and {@link StopTheWorld} (GOMAXPROCS) are separate objects.
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
 *       the G as a waiter and returns true. From then on the M does not touch the G. (Channel
 *       operations and select keep their channels locked from the failed attempt through the
 *       unwind instead, as Go does, so their commit only enqueues and unlocks: see Chan.)</li>
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
 *   <li>wakep starts an M only if a P is idle and no M is spinning: it CASes {@link #nmspinning}
 *       from 0 to 1 and hands an idle P to an idle (or new) M. Like Go's, it reads npidle and
 *       nmspinning with no fence before them (a fence costs ~20% of a ping-pong hand-off, as it
 *       waits for the frame-saving stores to drain). So on x86 the maker's read may pass its own
 *       publishing store, and step 5's argument needs care: a maker that publishes into <em>its
 *       own</em> P (go statement, ready) loses nothing, because its M runs that P's queue at its
 *       next schedule at the latest; the race can only leave the work unstolen until then (lost
 *       parallelism, for as long as the current G runs: at most one time slice). Makers without a
 *       P publish on the global queue under the lock, which orders them with an M going idle
 *       (it re-checks the global queue under the same lock); timers fence explicitly
 *       ({@code timerAdded}).</li>
 *   <li>A spinning M looks for work in every queue, for up to {@link SchedLoop#SPIN_NS} (one Go
 *       pass, then a little longer: while it spins, wakep is a no-op, so a stream of ready() calls
 *       does not pay a thread wake-up each). If it finds some it stops spinning and, if it was the
 *       last spinner, calls wakep (more work may follow: keep one spinner around). It takes a
 *       running P's runnext only after a 3 us grace (Go's rule: its owner is about to run it).</li>
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
public final class Sched extends SchedLoop {
  /** The scheduler of the latest run (for {@link #resumer()}). */
  private static volatile Sched current;

  private Sched(Resumer resumer, String[] args, int procs, Knobs knobs) {
    super(resumer, args, procs, knobs);
  }

  // ==================================================================== public API (known to the compiler)

  /**
   * Runs a program: starts GOMAXPROCS Ps, runs {@code main} as goroutine 1 and returns the exit code
   * (0 when main returns; 2 after an unrecovered panic, a fatal error or a deadlock; os.Exit's code).
   * Stdout is flushed before it returns. May be called several times in one JVM; runs are independent.
   */
  public static int run(Resumer resumer, Entry main, String[] args) {
    Knobs k = Knobs.load();
    return run(resumer, main, args, k.procs > 0 ? k.procs : defaultProcs(), k);
  }

  /** {@link #run} with an explicit GOMAXPROCS (tests); the other knobs come from GOLDEBUG/gol.debug. */
  public static int run(Resumer resumer, Entry main, String[] args, int procs) {
    return run(resumer, main, args, procs, Knobs.load());
  }

  /** {@link #run} with explicit knobs (tests of the models and knobs). The model SINGLE forces one P. */
  public static int run(Resumer resumer, Entry main, String[] args, int procs, Knobs knobs) {
    int n = knobs.model == Knobs.Model.SINGLE ? 1 : Math.max(1, procs);
    Sched s = new Sched(resumer, args == null ? new String[0] : args, n, knobs);
    current = s;
    return s.start(main);
  }

  /** A scheduler that is not running (unit tests of its queues). */
  static Sched unstarted(int procs) {
    return unstarted(procs, Knobs.of(Config.of("")));
  }

  /** A scheduler that is not running, with the given knobs (unit tests). */
  static Sched unstarted(int procs, Knobs knobs) {
    return new Sched(null, new String[0], procs, knobs);
  }

  /**
   * The knobs in force for the current run, one line (see {@link Knobs#describe}); for the headers
   * of schedtrace, event traces and lessons.
   */
  public String describe() {
    return knobs.describe(allp.length);
  }

  /**
   * Starts a goroutine running {@code e}, created by {@code parent} (the runtime's own goroutines,
   * such as time.AfterFunc's). A go statement calls {@link #newg} and {@link #start} itself.
   */
  public static void go(G parent, Entry e) {
    start(parent, newg(parent), e);
  }

  /**
   * The first half of a go statement: a G for the new goroutine, from the free list of the parent's
   * P if there is one (as Go's gfget), not yet runnable. The compiled go statement then fills the G's
   * spare entry with the call's arguments, if the spare is of its class, or makes a new one
   * ({@link G#spareEntry}), and calls {@link #start}. Nothing between the two can suspend.
   */
  public static G newg(G parent) {
    M m = parent.m;
    return m.sched.gfgetOrNew(m);
  }

  /** The second half of a go statement: g (from {@link #newg}) runs e, in the runnext of the parent's P. */
  public static void start(G parent, G g, Entry e) {
    M m = parent.m;
    m.sched.newproc(m, g, e);
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
    p0.countCreated(1);
    if (trace != null) trace.goCreateMain(mainG);
    if (det != null) {
      Determinism.clock = det.virtualClock ? det : null;
      if (det.shuffle && knobs.seed == null) Out.stderr("gol: shuffle seed " + det.seed + " (replay with --seed " + det.seed + " --shuffle)\n");
    }
    if (threads != null) {
      p0.status = P.RUNNING;
      mainStarted = true;
      threads.start(mainG, p0);
      SigQuit.watch(self(), Config.load()); // no sysmon in this model (ThreadsModel prints schedtrace), but dumps work
    } else {
      p0.runqput(mainG, false);
      M m0 = newM();
      m0.nextp = p0;
      mainStarted = true;
      m0.start();
      sysmon.start();
    }
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      end(2, null);
    }
    shutdown();
    if (trace != null) trace.finish(self());
    Out.flush();
    if (det != null && Determinism.clock == det) Determinism.clock = null; // (det null: Determinism is not loaded)
    return exitCode;
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

  // ==================================================================== goroutine creation and readying, GOMAXPROCS

  /** A dead G from the free list of m's P, or a new one (the threads model never reuses Gs). */
  G gfgetOrNew(M m) {
    G g = threads == null ? m.p.gfget() : null;
    return g != null ? g : newG();
  }

  /** newproc: g (from {@link #gfgetOrNew}) becomes runnable, running e, in the runnext of m's P. */
  void newproc(M m, G g, Entry e) {
    P p = m.p;
    if (threads != null) {
      threads.go(p, g, e);
      return;
    }
    g.id = p.newGoid();
    g.entry = e;
    g.creatorName = e.creatorName();   // unconditional, as g.m in execute (see Sudog.reuse)
    g.creatorLine = e.creatorLine();
    g.state = G.RUNNABLE;
    p.countCreated(1);
    if (trace != null) trace.goCreate(p, g, e);
    p.runqput(g, true);
    if (mainStarted) wakep(m);
  }

  /**
   * goready: makes a WAITING g runnable in the waker's P's runnext (it runs next and inherits the
   * time slice). Called by the waker after it removed g from the wait structure.
   */
  public static void ready(G waker, G g) {
    M m = waker.m;
    if (m.sched.threads != null) {
      m.sched.threads.ready(waker, g);
      return;
    }
    g.state = G.RUNNABLE;
    if (m.sched.trace != null) m.sched.trace.goUnblock(m, g, waker);
    m.p.runqput(g, true);
    m.sched.wakep(m);
  }

  /**
   * runtime.GOMAXPROCS(n) on the goroutine g: returns the previous setting; n >= 1 different from it
   * stops the world, resizes the set of Ps and restarts (see {@link StopTheWorld}).
   */
  int setGomaxprocs(G g, int n) {
    int old = gomaxprocs;
    if (n < 1 || n == old) return old;
    if (knobs.model == Knobs.Model.SINGLE) return old; // one P, always
    if (threads != null) { // no Ps to resize: the OS runs every thread
      gomaxprocs = n;
      return old;
    }
    boolean gilHeld = gil != null && gil.heldByMe();
    if (gilHeld) gil.release(g.m); // the stopped Ms must be able to reach a scheduling point
    try {
      stw.resize(g.m, n);
    } finally {
      if (gilHeld) gil.acquire(g.m);
    }
    return old;
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
    if (s.threads != null) { // 1:1: the thread just blocks (traced so that the call shows on its track)
      if (s.trace != null) s.trace.goSyscall(m, g, m.p);
      return;
    }
    P p = m.p;
    if (p == null) { // still without a P since a previous call's slow exit: still counted
      if (s.gil != null) s.gil.release(m);
      return;
    }
    s.nsyscall.incrementAndGet();
    if (s.trace != null) s.trace.goSyscall(m, g, p);
    if (s.gil != null) s.gil.release(m); // after the trace event: g's slice ends before another M can take the GIL
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
    if (s.threads != null) {
      if (s.trace != null) s.trace.goSysExit(m, g, true);
      return true;
    }
    if (s.gil != null) s.gil.acquire(m);
    P old = m.oldp;
    m.oldp = null;
    if (old != null && old.casStatus(P.SYSCALL, P.RUNNING)) {
      old.syscalltick++;
      s.acquirep(m, old);
      s.nsyscall.decrementAndGet();
      if (s.trace != null) s.trace.goSysExit(m, g, true);
      return true;
    }
    P p;
    synchronized (s.lock) {
      p = s.done ? null : s.pidleget();
    }
    if (p != null) {
      s.acquirep(m, p);
      s.nsyscall.decrementAndGet();
      if (s.trace != null) s.trace.goSysExit(m, g, true);
      return true;
    }
    if (s.trace != null) s.trace.goSysExit(m, g, false);
    g.status |= G.PREEMPT; // nsyscall drops once g is on the global queue (execute)
    return false;
  }

  // ==================================================================== fatal errors

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
    Tracer t = Tracer.of(g);
    if (t != null) t.gosched(g);
    g.status |= G.UNWIND | G.PREEMPT;
  }

  /** The runtime's fastrandn for g (select's poll order): seeded under --seed, else thread-local. */
  public static int fastrandn(G g, int n) {
    M m = g.m;
    Sched s = m == null ? null : m.sched;
    return s != null ? s.fastrandn(n) : java.util.concurrent.ThreadLocalRandom.current().nextInt(n);
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
}
