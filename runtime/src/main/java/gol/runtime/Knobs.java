package gol.runtime;

/**
 * The scheduler's experiment knobs and its concurrency model, read once per run from {@link Config}
 * (so {@code gol run --no-steal prog.gol} and {@code GOLDEBUG=steal=0 java -jar prog.jar} are the
 * same thing). Every knob has Go's behaviour as its default; turning one changes one decision of
 * the scheduler so that a student can see what that decision is for.
 *
 * <table>
 *   <caption>Keys (GOLDEBUG / -Dgol.debug) and their gol run flags</caption>
 *   <tr><th>key</th><th>flag</th><th>default</th><th>effect</th></tr>
 *   <tr><td>procs=N</td><td>--procs N</td><td>GOMAXPROCS or CPUs</td><td>number of Ps</td></tr>
 *   <tr><td>steal=0</td><td>--no-steal</td><td>on</td><td>idle Ps do not steal from busy ones</td></tr>
 *   <tr><td>runqsize=N</td><td>--runq-size N</td><td>256</td><td>capacity of each local ring (1..256)</td></tr>
 *   <tr><td>timeslice=MS</td><td>--timeslice MS</td><td>10</td><td>sysmon preempts after this long</td></tr>
 *   <tr><td>runnext=0</td><td>--no-runnext</td><td>on</td><td>new and readied Gs go to the tail of the ring</td></tr>
 *   <tr><td>preempt=0</td><td>--no-preempt</td><td>on</td><td>sysmon never preempts (Go before 1.14 for loops)</td></tr>
 *   <tr><td>globalpoll=N</td><td>--global-poll N</td><td>61</td><td>look at the global queue first every N schedules</td></tr>
 *   <tr><td>model=M</td><td>--model M</td><td>gmp</td><td>gmp, threads, single or gil ({@link Model})</td></tr>
 *   <tr><td>gilinterval=MS</td><td>--gil-interval MS</td><td>5</td><td>how long a GIL waiter waits before asking the holder to drop it</td></tr>
 *   <tr><td>seed=N</td><td>--seed N</td><td>none</td><td>deterministic scheduling on one M ({@link Determinism})</td></tr>
 *   <tr><td>shuffle=1</td><td>--shuffle</td><td>off</td><td>randomise the order taken from run queues</td></tr>
 * </table>
 *
 * <p>Threading: immutable; read from any thread.
 */
public final class Knobs {
  /** How goroutines are mapped onto platform threads. */
  public enum Model {
    /** M:N: GOMAXPROCS Ps, Ms created as needed, work stealing (Go's runtime; the default). */
    GMP,
    /** 1:1: every goroutine on its own platform thread; a blocked goroutine is a blocked thread. */
    THREADS,
    /** One P, one M: concurrency without parallelism; a blocking call blocks every goroutine. */
    SINGLE,
    /** GMP, but gol code runs only while holding one global lock, as CPython's threads do. */
    GIL
  }

  /** Number of Ps, or 0 for the default (GOMAXPROCS or the number of CPUs). */
  public final int procs;
  public final boolean steal;
  public final int runqSize;
  public final long timesliceNs;
  public final boolean runnext;
  public final boolean preempt;
  public final int globalPoll;
  public final Model model;
  public final long gilIntervalNs;
  /** The seed of deterministic scheduling, or null when scheduling is free. */
  public final Long seed;
  public final boolean shuffle;

  private Knobs(Config c) {
    procs = (int) Math.max(0, Math.min(1024, c.intValue("procs", 0)));
    steal = !off(c, "steal");
    runqSize = (int) Math.max(1, Math.min(P.RUNQ_SIZE, c.intValue("runqsize", P.RUNQ_SIZE)));
    timesliceNs = Math.max(1, c.intValue("timeslice", 10)) * 1_000_000L;
    runnext = !off(c, "runnext");
    preempt = !off(c, "preempt");
    globalPoll = (int) Math.max(1, c.intValue("globalpoll", 61));
    gilIntervalNs = Math.max(1, c.intValue("gilinterval", 5)) * 1_000_000L;
    String s = c.get("seed");
    Long sd = null;
    if (s != null) {
      try {
        sd = Long.parseLong(s);
      } catch (NumberFormatException e) {
        sd = (long) s.hashCode();
      }
    }
    seed = sd;
    shuffle = c.flag("shuffle");
    Model m = parseModel(c.get("model"));
    if (seed != null) m = Model.SINGLE; // replay needs a single M
    model = m;
  }

  private static boolean off(Config c, String key) {
    String v = c.get(key);
    return v != null && (v.equals("0") || v.equals("false") || v.equals("off"));
  }

  /** The model named {@code name} (case-insensitive); GMP for null; IllegalArgumentException if unknown. */
  public static Model parseModel(String name) {
    if (name == null || name.isEmpty()) return Model.GMP;
    for (Model m : Model.values()) if (m.name().equalsIgnoreCase(name)) return m;
    throw new IllegalArgumentException("unknown model " + name + " (want gmp, threads, single or gil)");
  }

  /** The knobs of this process: GOLDEBUG overridden by -Dgol.debug. */
  public static Knobs load() {
    return of(Config.load());
  }

  /** The knobs given by {@code c}; an unknown model reads as gmp (Config never fails a program). */
  public static Knobs of(Config c) {
    try {
      return new Knobs(c);
    } catch (IllegalArgumentException e) {
      java.util.Map<String, String> m = new java.util.LinkedHashMap<>(c.all());
      m.remove("model");
      StringBuilder sb = new StringBuilder();
      m.forEach((k, v) -> sb.append(k).append('=').append(v).append(','));
      return new Knobs(Config.of(sb.toString()));
    }
  }

  /** True when every knob has Go's value (the header then needs no knob line). */
  public boolean allDefault() {
    return steal && runqSize == P.RUNQ_SIZE && timesliceNs == 10_000_000L && runnext && preempt
        && globalPoll == 61 && model == Model.GMP && seed == null && !shuffle;
  }

  /**
   * The knobs in force, one line, for headers (schedtrace, traces, lessons):
   * {@code model=gmp procs=4 steal=on runq=256 runnext=on preempt=on timeslice=10ms globalpoll=61}
   * followed by {@code gilinterval=5ms} under the GIL and {@code seed=N shuffle=on} when set.
   * {@code procs} is the number of Ps the run started with. Under {@code threads} the line is just
   * {@code model=threads}: that model has no Ps, run queues, stealing or time slices of its own (the
   * OS schedules one thread per goroutine), so none of those knobs applies.
   */
  public String describe(int startProcs) {
    StringBuilder sb = new StringBuilder();
    sb.append("model=").append(model.name().toLowerCase());
    if (model == Model.THREADS) return sb.toString();
    sb.append(" procs=").append(startProcs);
    sb.append(" steal=").append(onOff(steal));
    sb.append(" runq=").append(runqSize);
    sb.append(" runnext=").append(onOff(runnext));
    sb.append(" preempt=").append(onOff(preempt));
    sb.append(" timeslice=").append(timesliceNs / 1_000_000L).append("ms");
    sb.append(" globalpoll=").append(globalPoll);
    if (model == Model.GIL) sb.append(" gilinterval=").append(gilIntervalNs / 1_000_000L).append("ms");
    if (seed != null) sb.append(" seed=").append(seed);
    if (shuffle) sb.append(" shuffle=on");
    return sb.toString();
  }

  private static String onOff(boolean b) {
    return b ? "on" : "off";
  }
}
