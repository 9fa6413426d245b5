package gol.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A goroutine.
 *
 * <h2>The continuation contract (known to the compiler)</h2>
 * Every gol function that may suspend is compiled to {@code static R f(G g, args...)}. After each call
 * that may suspend, the caller tests {@link #status}:
 * <ul>
 *   <li>0: carry on (the fast path: one getfield and one branch).</li>
 *   <li>{@link #UNWIND} set: the callee suspended. The caller's cold block calls its save helper,
 *       which calls {@link #save} and stores the frame's live locals, then returns a dummy value, so
 *       the caller's caller sees the same status. The JVM stack unwinds to the scheduler, which moves
 *       the saved frames onto this G's {@link Stack}.</li>
 *   <li>only {@link #PREEMPT} set (sysmon asked): the callee returned normally. The cold block stores
 *       the callee's result into {@link #retJ}/{@link #retD}/{@link #retA} and saves the frame as if the
 *       callee had suspended ({@link #save} sets UNWIND), so the goroutine yields right after the call.</li>
 * </ul>
 * Loops test {@link #preemptRequested} every few thousand back-edges and suspend at the loop head.
 *
 * <p>To resume, the scheduler calls the program's {@link Resumer} for the innermost saved frame; the
 * frame's {@code f$resume} code calls {@link #restore}, reloads its locals and continues after the
 * call it was suspended in, reading that call's result from retJ/retD/retA. When it returns, its own
 * result is in those fields for the frame below. So resuming costs the same at any depth.
 *
 * <p>A blocking runtime primitive (channel receive, Sleep, ...) follows the same contract as a
 * compiled function: it either completes and returns its result, or it records a park request in
 * {@link #parkOp}, sets UNWIND and returns a dummy; when the goroutine is resumed, the primitive's
 * result is in retJ/retD/retA (stored by whoever woke it). See {@link Sched} for the two-phase park.
 *
 * <p>If {@link #pendingPanic} is set when a frame resumes, the frame throws it at its resume point, so a
 * panic raised while frames are saved propagates through them as through live frames.
 */
public final class G {
  // ---------------------------------------------------------------- known to the compiler
  /** Status word bit: the goroutine is unwinding its JVM frames to suspend. Set only by its own M. */
  public static final int UNWIND = 1;
  /** Status word bit: sysmon (or Gosched) asks the goroutine to yield. Set by CAS from 0. */
  public static final int PREEMPT = 2;

  /** The status word: 0 while running normally. Read plainly after calls, opaquely at loop back-edges. */
  public int status;
  /** Result registers: the result of the callee of a resumed frame (a {@link Tuple} for several results). */
  public long retJ;
  public double retD;
  public Object retA;
  /**
   * The ok flag of the latest channel receive: false if the channel was closed and drained. Set by
   * every receive (Chan.recv, recvJ, a select's receive case), also when it completes while the
   * goroutine is parked, so comma-ok receives read it right after the call instead of a Tuple.
   */
  public boolean recvOk;
  /** The M running this goroutine (valid while it runs). */
  public M m;
  /** A panic to throw into the frame being resumed. */
  public Throwable pendingPanic;

  /**
   * The panic (or Goexit) whose deferred calls are running, innermost; recover() stops it. Set by a
   * function's panic handler before it runs its deferred calls.
   */
  public Throwable panicking;
  /** Whether recover() has stopped {@link #panicking}. */
  public boolean recovered;
  /**
   * The Go name of the function the running deferred call invoked ({@link Entry#deferTarget}): set
   * by a function's defer loop before each deferred call and restored after the loop. Go's rule is
   * that recover() stops a panic only when called directly by the deferred function; comparing this
   * name with the caller of recover() tells a direct call from one through a helper.
   */
  public String deferTarget;
  /** {@link #deferTarget} of a deferred func value whose function is not known statically: any caller may recover. */
  public static final String ANY_RECOVERER = "*";

  /** The deferTarget of a deferred call of func value fn: its Go name if it knows it ({@link FnNamed}), else any. */
  public static String targetOf(Object fn) {
    return fn instanceof FnNamed n ? n.goFuncName() : ANY_RECOVERER;
  }

  /**
   * Called by a function's panic handler: the panic p is now the one its deferred calls may recover.
   * A panic raised while another one's deferred calls run replaces it (Go prints both; we keep the new).
   */
  public static void beginPanicking(G g, Throwable p) {
    if (g.panicking != p) {
      if (g.panicking != null && p instanceof Panic np && np.link == null) {   // raised by a deferred call
        np.link = g.panicking;
        np.linkRecovered = g.recovered;
      }
      g.panicking = p;
      g.recovered = false;
    }
  }

  /**
   * After a function ran its deferred calls because of panic p: true if one of them recovered it
   * (the function then returns normally); false if the panic goes on up the stack.
   */
  public static boolean endPanicking(G g, Throwable p) {
    if (g.panicking == p && g.recovered) {
      // A panic raised and recovered inside a deferred call of an older panic: the older one is
      // still running its deferred calls, and the deferred function may still recover it.
      if (p instanceof Panic np && np.link instanceof Panic older && !older.superseded) {
        g.panicking = older;
        g.recovered = np.linkRecovered;
      } else {
        g.panicking = null;
        g.recovered = false;
      }
      return true;
    }
    return false;
  }

  /**
   * A function's defer loop caught nu from one of its deferred calls while it was handling old:
   * nu replaces old (Go aborts old). Returns nu.
   */
  public static Throwable supersede(Throwable nu, Throwable old) {
    if (old instanceof Panic op && old != nu) op.superseded = true;
    return nu;
  }

  /** The built-in recover(): the value of the panic being handled, which stops it; else nil. */
  public static Object recover(G g) { return recover(g, null); }

  /**
   * recover() called by the function named caller: nil unless a panic is running deferred calls,
   * not yet recovered, and caller is the function the current deferred call invoked directly.
   */
  public static Object recover(G g, String caller) {
    Throwable p = g.panicking;
    String t = g.deferTarget;
    if (caller != null && t != null && t != ANY_RECOVERER && !t.equals(caller)) return null;
    if (p instanceof Panic pa && !g.recovered) {
      g.recovered = true;
      return pa.value;
    }
    return null;
  }

  /**
   * The status word's VarHandle, for sysmon's CAS ({@link #requestPreempt}); status is a plain field
   * (so not a field updater's). In a holder class: made at the first preemption, by sysmon, not at
   * start-up, where creating a VarHandle costs ~1 ms on the way to running main.
   */
  private static final class Status {
    static final VarHandle HANDLE;
    static {
      try {
        HANDLE = MethodHandles.lookup().findVarHandle(G.class, "status", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }

  /**
   * Called by a save helper: starts saving one frame (fnId, resume point pc) with np primitive and nr
   * reference locals. Returns the index in {@link #savePrims()} of its first primitive slot; its
   * references go in {@link #saveRefs()} from {@link #saveRefBase()} (read all three after this
   * call: it chooses them). Sets UNWIND (the PREEMPT-only case).
   */
  public int save(int fnId, int pc, int np, int nr) {
    status |= UNWIND;
    return m.unwind.reserve(stack, fnId, pc, np, nr);
  }

  /** Where the frame being saved puts its primitive locals (see {@link #save}). */
  public long[] savePrims() {
    Unwind u = m.unwind;
    return u.direct ? stack.topPrims() : u.scratchP;
  }

  /** Where the frame being saved puts its reference locals (see {@link #save}). */
  public Object[] saveRefs() {
    Unwind u = m.unwind;
    return u.direct ? stack.topRefs() : u.scratchR;
  }

  /** Index of the frame's first reference local in {@link #saveRefs()}. */
  public int saveRefBase() {
    return m.unwind.srBase;
  }

  /**
   * Called by a frame's resume code: pops the innermost saved frame and returns its resume point.
   * Its locals are at {@link #restoredPrims()} from {@link #restoredPrimBase()} and
   * {@link #restoredRefs()} from {@link #restoredRefBase()}, until the goroutine next saves or
   * restores a frame.
   */
  public int restore() {
    return stack.pop();
  }

  /** The array holding the restored frame's primitive locals. */
  public long[] restoredPrims() { return stack.topPrims(); }

  /** Index of the restored frame's first primitive local in {@link #restoredPrims()}. */
  public int restoredPrimBase() { return stack.topPrimBase(); }

  /** The array holding the restored frame's reference locals. */
  public Object[] restoredRefs() { return stack.topRefs(); }

  /** Index of the restored frame's first reference local in {@link #restoredRefs()}. */
  public int restoredRefBase() { return stack.topRefBase(); }

  /** Reference local i of the frame just restored (for runtime frames' resume code). */
  public Object restoredRef(int i) { return stack.topRefs()[stack.topRefBase() + i]; }

  /** Primitive local i of the frame just restored. */
  public long restoredPrim(int i) { return stack.topPrims()[stack.topPrimBase() + i]; }

  /**
   * The test at loop back-edges: has someone asked this goroutine to yield? It reads
   * {@link #preemptFlag}, a volatile field (a plain load on x86 that the JIT may not hoist out of the
   * loop), then the status word, which holds the request itself. Not an opaque read of the status
   * word through a VarHandle: until C2 compiles a loop, each VarHandle access is a chain of calls
   * through JDK methods whose profile counters every M updates (see P.HEAD).
   */
  public static boolean preemptRequested(G g) {
    Determinism d = Determinism.clock;
    if (d != null) return d.tick(g); // --seed: preemption on a virtual clock
    return g.preemptFlag != 0 && g.status != 0;
  }

  /**
   * Set (after the status word's PREEMPT) by {@link #requestPreempt}, cleared when the goroutine
   * runs again ({@link #clearPreemptFlag}). A flag that arrives late, after the request was served,
   * is harmless: the back-edge test also needs the status word to be non-zero.
   */
  volatile int preemptFlag;

  /** Clears a served preemption request's flag (the goroutine's M, when it runs it again). */
  void clearPreemptFlag() {
    if (preemptFlag != 0) preemptFlag = 0;
  }

  /** Throws and clears the pending panic, if any (called at resume points). */
  public static void checkPendingPanic(G g) {
    Throwable t = g.pendingPanic;
    if (t != null) {
      g.pendingPanic = null;
      if (t instanceof RuntimeException re) throw re;
      if (t instanceof Error e) throw e;
      throw new IllegalStateException(t);
    }
  }

  // ---------------------------------------------------------------- runtime side
  /** CAS of the status word from 0 to PREEMPT (sysmon); fails harmlessly if the G is unwinding. */
  boolean requestPreempt() {
    if (!Status.HANDLE.compareAndSet(this, 0, PREEMPT)) return false;
    preemptFlag = 1; // publishes the request to loop back-edges (preemptRequested)
    return true;
  }

  /** Goroutine id (1 = main), allocated as Go does. */
  public long id;
  /**
   * Saved frames: empty until the goroutine first suspends, when its first segment is made (a small
   * first segment is kept for the G's next goroutine, see {@link Stack#clear}).
   */
  Stack stack = new Stack();
  /** What to run when first scheduled; null once started. */
  Entry entry;
  /**
   * The entry of the last go statement that started this G, kept for the next one: a go statement
   * that finds here an entry of its own class refills it instead of allocating one, so a program
   * that starts goroutines over and over allocates nothing per goroutine once its Gs are reused
   * (Go copies the arguments onto the reused G's stack). The entry clears its reference fields when
   * the goroutine starts, so a dead G keeps nothing of its arguments alive. Set by compiled go
   * statements only ({@link Sched#newg}).
   */
  public Entry spareEntry;
  /** What the goroutine asked for when it set UNWIND to block (committed by the scheduler after the unwind). */
  public ParkOp parkOp;
  /** What the scheduler finishes for this goroutine when it next runs it (see {@link ParkOp#resumed}). */
  ParkOp resumeOp = ParkOp.NOTHING;

  public Stack stack() { return stack; }

  // ---------------------------------------------------------------- scheduler side (added by the scheduler)
  // Scheduling states, numbered as Go's (runtime2.go); see Sched's essay for who owns a G in each.
  /** Just allocated, not yet runnable. */
  static final int IDLE = 0;
  /** On a run queue (runnext, a local ring or the global queue); owned by that queue. */
  static final int RUNNABLE = 1;
  /** Running on an M, which owns it; its live frames are on that M's JVM stack. */
  static final int RUNNING = 2;
  /** Parked; owned by the wait queue it is recorded in (a channel, a timer, a semaphore), or by nobody. */
  static final int WAITING = 4;
  /** Finished; on a free list, to be reused by a later go statement. */
  static final int DEAD = 6;

  /** Scheduling state (IDLE .. DEAD). Written by the G's current owner; read racily by dumps. */
  volatile int state;
  /** Next G in a semaphore's wait list ({@link Sema}). */
  G schedlink;
  /**
   * Where the go statement that started this goroutine is ({@code created by NAME} and its line in
   * dumps); null for main. Copied from the {@link Entry} at the go statement, so the entry (and the
   * arguments it holds) can be collected once the goroutine has started.
   */
  String creatorName;
  int creatorLine;
  /**
   * Why the goroutine is WAITING (Go's waitreason), for dumps: its park request's. Derived rather
   * than stored at each park, where a reference store would pay a G1 write barrier.
   */
  String waitReason() {
    ParkOp op = parkOp;
    return op != null ? op.waitReason() : null;
  }
  /**
   * The execution tracer's buffer that recorded this goroutine's latest create or unblock, until it
   * starts (see Tracer.goStart); null when tracing is off. Written before the G is queued, read by
   * whoever dequeues it.
   */
  Tracer.Buf traceReadied;

  /**
   * When the goroutine last parked, on sysmon's coarse clock ({@link Sysmon#clock}, System.nanoTime
   * units, up to one sysmon round old): dumps print ", N minutes" from it, schedextra the wait in ms.
   * Written by the parking M before the volatile write of {@link #state} that publishes WAITING.
   */
  long waitSince;
  /** The sudog of this goroutine's blocking sends and receives, reused by each (see Chan.sudog). */
  Sudog chanSudog;
  /** The cases of this goroutine's selects, reused by each (created at its first select). */
  Select.Cases selCases;
  /** Lazily created timer used by time.Sleep (Go caches one per G too). */
  Timers.Timer sleepTimer;

  /** The scheduling state, for tests and dumps. */
  public int state() { return state; }
}
