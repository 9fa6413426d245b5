package gol.runtime.lib;

import gol.runtime.G;
import gol.runtime.GoStringer;
import gol.runtime.RType;
import gol.runtime.Box;
import gol.runtime.Sched;
import gol.runtime.Chan;
import gol.runtime.FnV;
import gol.runtime.Timers;

/**
 * Go's package time (so far: Sleep, Now, Since, Duration and its methods). Durations are int64
 * nanoseconds, as in Go. Methods of the non-struct type Duration are static methods
 * {@code Duration_<Method>(G, long, ...)}; a Duration stored in an interface is a {@link DurationBox}
 * so that fmt prints it with its String method, as Go does.
 */
public final class time {
  private time() {}

  public static final RType DURATION = RType.named(RType.Kind.INT64, "time.Duration", null);

  /** time.Sleep(d): parks the goroutine (not the thread) for d ns; d <= 0 returns at once. */
  public static void Sleep(G g, long d) {
    Sched.sleep(g, d);
  }

  /** A time.Time: wall clock nanoseconds since 1970 plus a monotonic reading, as Go's Now returns. */
  public static final class Time implements Box.Typed {
    final long wall;
    final long mono;

    public Time() { this(0, 0); }

    Time(long wall, long mono) { this.wall = wall; this.mono = mono; }

    /** t.Sub(u): with monotonic readings on both, their difference (as Go). */
    public long Sub(G g, Time u) {
      return mono != 0 && u.mono != 0 ? mono - u.mono : wall - u.wall;
    }

    public long Unix(G g) { return Math.floorDiv(wall, 1_000_000_000L); }

    public long UnixNano(G g) { return wall; }

    @Override public RType goType() { return RType.named(RType.Kind.STRUCT, "time.Time", null); }
  }

  public static Time Now(G g) {
    java.time.Instant now = java.time.Instant.now();
    return new Time(now.getEpochSecond() * 1_000_000_000L + now.getNano(), System.nanoTime() | 1);
  }

  public static long Since(G g, Time t) { return Now(g).Sub(g, t); }

  // ---------------------------------------------------------------- timers and tickers

  /** The type of a timer channel: {@code chan Time}, buffer 1 (Go 1.19). */
  static final RType TIME = RType.named(RType.Kind.STRUCT, "time.Time", null);
  static final RType CHAN_TIME = RType.chan(0, TIME);

  /**
   * time.Timer and the runtime timer behind it (Go's runtimeTimer is embedded the same way). A
   * channel timer sends the current time on {@link #C} without blocking when it fires (the value
   * is dropped if the buffer is full); an AfterFunc timer (C == null) starts {@code f} in a new
   * goroutine. Stop and Reset work from any goroutine.
   */
  public static final class Timer extends Timers.Timer implements Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "time.Timer", null));
    /** The channel on which the time is delivered; null for AfterFunc timers. */
    public final Chan C;
    private final FnV f;

    Timer(Chan c, FnV f) { this.C = c; this.f = f; }

    @Override public void fire(G waker, long now) {
      if (C != null) Chan.offer(waker, C, Now(waker));
      else Sched.go(waker, new AfterFuncEntry(f));
    }

    @Override public boolean canWake() { return C == null || C.hasReceivers(); }

    /** Stop() bool: true if the call stopped the timer, false if it had expired or been stopped. */
    public boolean Stop(G g) { return Timers.cancel(this); }

    /** Reset(d Duration) bool: re-arms the timer for d from now; the result is as Stop's. */
    public boolean Reset(G g, long d) {
      boolean active = Timers.cancel(this);
      Timers.start(g, this, d);
      return active;
    }

    @Override public RType goType() { return TYPE; }
  }

  /** The goroutine an AfterFunc timer starts: calls f (a func() value). */
  private static final class AfterFuncEntry implements gol.runtime.Entry {
    private final FnV f;
    AfterFuncEntry(FnV f) { this.f = f; }
    @Override public void run(G g) { f.invoke(g); }
    @Override public String creatorName() { return "time.goFunc"; }
  }

  /** time.Ticker: a periodic channel timer; ticks are dropped while the reader is behind. */
  public static final class Ticker extends Timers.Timer implements Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "time.Ticker", null));
    public final Chan C;

    Ticker(Chan c) { this.C = c; }

    @Override public void fire(G waker, long now) { Chan.offer(waker, C, Now(waker)); }

    @Override public boolean canWake() { return C.hasReceivers(); }

    /** Stop(): no more ticks (the channel is not closed, as in Go). */
    public void Stop(G g) { Timers.cancel(this); }

    /** Reset(d Duration): stops the ticker and restarts it with period d. */
    public void Reset(G g, long d) {
      if (d <= 0) throw new gol.runtime.Panic("non-positive interval for Ticker.Reset");
      Timers.cancel(this);
      period = d;
      Timers.start(g, this, d);
    }

    @Override public RType goType() { return TYPE; }
  }

  /** time.NewTimer(d): a timer that sends the time on its channel after d. */
  public static Timer NewTimer(G g, long d) {
    Timer t = new Timer(Chan.make(g, CHAN_TIME, 1), null);
    Timers.start(g, t, d);
    return t;
  }

  /** time.After(d) = NewTimer(d).C. */
  public static Chan After(G g, long d) { return NewTimer(g, d).C; }

  /** time.AfterFunc(d, f): calls f in its own goroutine after d. */
  public static Timer AfterFunc(G g, long d, Object f) {
    Timer t = new Timer(null, (FnV) gol.runtime.Panic.nilCheck(f));
    Timers.start(g, t, d);
    return t;
  }

  /** time.NewTicker(d): ticks every d; d must be positive. */
  public static Ticker NewTicker(G g, long d) {
    if (d <= 0) throw new gol.runtime.Panic("non-positive interval for NewTicker");
    Ticker t = new Ticker(Chan.make(g, CHAN_TIME, 1));
    t.period = d;
    Timers.start(g, t, d);
    return t;
  }

  /** time.Tick(d): NewTicker(d).C, or nil if d <= 0. */
  public static Chan Tick(G g, long d) { return d <= 0 ? null : NewTicker(g, d).C; }

  // ---------------------------------------------------------------- Duration

  public static long Duration_Nanoseconds(G g, long d) { return d; }
  public static long Duration_Microseconds(G g, long d) { return d / 1_000L; }
  public static long Duration_Milliseconds(G g, long d) { return d / 1_000_000L; }

  public static double Duration_Seconds(G g, long d) {
    long sec = d / 1_000_000_000L, nsec = d % 1_000_000_000L;
    return sec + nsec / 1e9;
  }

  /**
   * Duration.String as Go formats it: "72h3m0.5s", "1.5s", "100ms", "2µs", "0s"; the result is a Go
   * string (µ is its two UTF-8 bytes).
   */
  public static String Duration_String(G g, long d) { return format(d); }

  static String format(long d) {
    if (d == 0) return "0s";
    boolean neg = d < 0;
    // work with the magnitude as unsigned (Long.MIN_VALUE has no positive counterpart)
    long u = neg ? -d : d;
    StringBuilder sb = new StringBuilder();
    if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
      // sub-second: one unit, with a fraction
      int prec;
      String unit;
      if (u < 1_000L) return (neg ? "-" : "") + u + "ns";
      else if (u < 1_000_000L) { prec = 3; unit = "\u00c2\u00b5s"; }
      else { prec = 6; unit = "ms"; }
      sb.append(fraction(u, prec)).append(unit);
    } else {
      long secs = Long.divideUnsigned(u, 1_000_000_000L);
      long frac = Long.remainderUnsigned(u, 1_000_000_000L);
      long h = secs / 3600, m = (secs / 60) % 60, s = secs % 60;
      if (h > 0) sb.append(h).append('h');
      if (h > 0 || m > 0) sb.append(m).append('m');
      sb.append(fraction(s * 1_000_000_000L + frac, 9)).append('s');
    }
    return (neg ? "-" : "") + sb;
  }

  /** v / 10^prec printed with the fraction's trailing zeros removed (and no '.' if none left). */
  private static String fraction(long v, int prec) {
    long p = 1;
    for (int i = 0; i < prec; i++) p *= 10;
    long whole = v / p, frac = v % p;
    if (frac == 0) return Long.toString(whole);
    String f = String.format("%0" + prec + "d", frac);
    int end = f.length();
    while (f.charAt(end - 1) == '0') end--;
    return whole + "." + f.substring(0, end);
  }

  /** A Duration held in an interface. */
  public static final class DurationBox implements GoStringer, Box.Typed {
    public final long v;
    public DurationBox(long v) { this.v = v; }
    @Override public String String(G g) { return format(v); }
    @Override public RType goType() { return DURATION; }
    @Override public boolean equals(Object o) { return o instanceof DurationBox b && b.v == v; }
    @Override public int hashCode() { return Long.hashCode(v); }
  }

  /** Boxes a Duration into an interface value. Known to the compiler. */
  public static Object Duration_box(long d) { return new DurationBox(d); }
}
