package gol.runtime.trace;

/**
 * The scheduler's trace events and the layout of one recorded event: the vocabulary shared by the
 * recorder ({@code gol.runtime.Tracer}, which writes events into per-thread ring buffers) and the
 * writer ({@link ChromeTrace}, which turns them into Chrome Trace Event JSON). Modelled on the event
 * kinds of Go 1.19's execution tracer (runtime/trace.go), reduced to what gol's scheduler does.
 *
 * <h2>Layout</h2>
 * An event is {@value #STRIDE} longs in a {@code long[]}:
 * <pre>
 *   [0] ts     System.nanoTime() when it happened
 *   [1] header kind (bits 0-7) | P id + 1 (bits 8-23, 0 = no P) | M id (bits 24-39) | extra (bits 40-63)
 *   [2] g      the goroutine id the event is about (0 = none, or the scheduler itself)
 *   [3] arg    a second number, meaning per kind (below)
 * </pre>
 * {@code extra} is a small number: a string id (function name, wait reason) or a count.
 */
public final class Events {
  private Events() {}

  /** Longs per event. */
  public static final int STRIDE = 4;

  // ---- goroutines (recorded by the M running the scheduler or the goroutine)
  /** g created by goroutine arg; extra = string id of its start function. */
  public static final int GO_CREATE = 1;
  /** g starts (or resumes) running on the event's P. */
  public static final int GO_START = 2;
  /** g blocks; extra = string id of the wait reason ("chan receive", "sleep", ...). */
  public static final int GO_BLOCK = 3;
  /** g stops running because sysmon asked it to yield (preemption); it stays runnable. */
  public static final int GO_PREEMPT = 4;
  /** g called runtime.Gosched; it stays runnable. */
  public static final int GO_SCHED = 5;
  /** g returned from its start function. */
  public static final int GO_END = 6;
  /** g was made runnable by goroutine arg (0: by the scheduler itself, e.g. a timer). */
  public static final int GO_UNBLOCK = 7;
  /** g entered a blocking call; its P is lent (P status syscall). */
  public static final int GO_SYSCALL = 8;
  /** g left its blocking call; arg = 1 if it got a P at once (then it runs on), 0 if it must queue. */
  public static final int GO_SYSEXIT = 9;
  /** g's saved stack changed segments; arg = its bytes now, extra = 1 grow, 0 shrink. */
  public static final int STACK = 10;
  /**
   * g's start function, learnt late: extra = string id. For goroutines whose go statement did not
   * name it (a call through a function variable), taken from the bottom frame of its first park.
   */
  public static final int GO_NAME = 11;

  // ---- processors and threads
  /** The event's M acquired the event's P. */
  public static final int PROC_START = 16;
  /** The event's M released the event's P (it had nothing to run). */
  public static final int PROC_STOP = 17;
  /** The event's M parks (no work); its thread sleeps. */
  public static final int M_PARK = 18;
  /** The event's M woke up. */
  public static final int M_UNPARK = 19;
  /** The event's M starts (arg = 1) or stops (arg = 0) spinning: looking for work to steal. */
  public static final int M_SPIN = 20;
  /** The event's P stole extra goroutines from P arg. */
  public static final int STEAL = 21;
  /** sysmon asked goroutine g (on the event's P) to yield. */
  public static final int PREEMPT_REQ = 22;
  /** sysmon took the event's P from a goroutine in a blocking call and handed it on. */
  public static final int HANDOFF = 23;
  /** The event's P fired extra timers. */
  public static final int TIMERS = 24;
  /** Run queue length sample: arg = length; P = the P, or none for the global queue. */
  public static final int RUNQ = 25;
  /** A JVM garbage collection: ts = its start, arg = duration ns, extra = string id of its name. */
  public static final int GC = 26;

  // ---- the gil model's global lock (recorded by the M concerned)
  /** The event's M starts waiting for the GIL. */
  public static final int GIL_WAIT = 27;
  /** The event's M took the GIL. */
  public static final int GIL_ACQUIRE = 28;
  /** The event's M drops the GIL. */
  public static final int GIL_RELEASE = 29;
  /** The event's M, waiting, asked goroutine g on M extra (the holder) to drop the GIL. */
  public static final int GIL_DROP_REQ = 30;

  /** Event name of a kind (for debugging and the JSON writer's instants). */
  public static String name(int kind) {
    switch (kind) {
      case GO_CREATE: return "GoCreate";
      case GO_START: return "GoStart";
      case GO_BLOCK: return "GoBlock";
      case GO_PREEMPT: return "GoPreempt";
      case GO_SCHED: return "GoSched";
      case GO_END: return "GoEnd";
      case GO_UNBLOCK: return "GoUnblock";
      case GO_SYSCALL: return "GoSysCall";
      case GO_SYSEXIT: return "GoSysExit";
      case STACK: return "Stack";
      case GO_NAME: return "GoName";
      case PROC_START: return "ProcStart";
      case PROC_STOP: return "ProcStop";
      case M_PARK: return "MPark";
      case M_UNPARK: return "MUnpark";
      case M_SPIN: return "MSpin";
      case STEAL: return "Steal";
      case PREEMPT_REQ: return "PreemptRequest";
      case HANDOFF: return "Handoff";
      case TIMERS: return "Timers";
      case RUNQ: return "RunQueue";
      case GC: return "GC";
      case GIL_WAIT: return "GilWait";
      case GIL_ACQUIRE: return "GilAcquire";
      case GIL_RELEASE: return "GilRelease";
      case GIL_DROP_REQ: return "GilDropRequest";
      default: return "Event" + kind;
    }
  }

  // ---- header packing
  public static long header(int kind, int p, int m, long extra) {
    return kind | ((long) (p + 1) & 0xffff) << 8 | ((long) m & 0xffff) << 24 | extra << 40;
  }

  public static int kind(long header) {
    return (int) (header & 0xff);
  }

  /** The P id, or -1 for none. */
  public static int p(long header) {
    return (int) ((header >>> 8) & 0xffff) - 1;
  }

  public static int m(long header) {
    return (int) ((header >>> 24) & 0xffff);
  }

  public static int extra(long header) {
    return (int) (header >>> 40);
  }
}
