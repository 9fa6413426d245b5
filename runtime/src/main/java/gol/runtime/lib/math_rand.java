package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.Fn;
import gol.runtime.G;
import gol.runtime.Panic;
import gol.runtime.RType;
import gol.runtime.Slice;

/**
 * Go's package math/rand (Go 1.19): the same value streams as Go for the same seed. The top-level
 * functions use a global generator seeded with 1 unless {@code rand.Seed} is called (as in Go 1.19),
 * guarded by a lock; a {@link Rand} made by {@code rand.New} is, as in Go, not safe for concurrent use.
 * The derivations (Intn from Int31n/Int63n, Float64 from Int63, Perm, Shuffle's Lemire reduction)
 * follow Go's, step by step, since each consumes a specific number of source values.
 */
public final class math_rand {
  private math_rand() {}

  /** Go's rand.Source; the compiler maps the Go interface type to this one. */
  public interface Source {
    long Int63(G g);
    void Seed(G g, long seed);
  }

  /** Go's *rand.Rand. */
  public static final class Rand implements Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "rand.Rand", null));
    private Source src;

    public Rand() {}

    Rand(Source src) { this.src = src; }

    private Source src() {
      if (src == null) throw Panic.runtime("invalid memory address or nil pointer dereference");
      return src;
    }

    public void Seed(G g, long seed) { src().Seed(g, seed); }

    public long Int63(G g) { return src().Int63(g); }

    public long Uint32(G g) { return (Int63(g) >>> 31) & 0xFFFFFFFFL; }

    public long Uint64(G g) {
      if (src() instanceof RngSource r) return r.uint64();
      return (Int63(g) >>> 31) | (Int63(g) << 32);
    }

    public long Int31(G g) { return (int) (Int63(g) >> 32); }

    public long Int(G g) { return Int63(g); }

    public long Int63n(G g, long n) {
      if (n <= 0) throw Panic.plain("invalid argument to Int63n");
      if ((n & (n - 1)) == 0) return Int63(g) & (n - 1);
      long max = Long.MAX_VALUE - Long.remainderUnsigned(Long.MIN_VALUE, n);
      long v = Int63(g);
      while (v > max) v = Int63(g);
      return v % n;
    }

    public long Int31n(G g, long n) {
      if (n <= 0) throw Panic.plain("invalid argument to Int31n");
      return int31n(g, (int) n, true);
    }

    private long int31n(G g, int n, boolean rejection) {
      if (rejection) {   // Go's exported Int31n: mask for powers of two, else reject the uneven top
        if ((n & (n - 1)) == 0) return Int31(g) & (n - 1);
        int max = (int) ((1L << 31) - 1 - (1L << 31) % n);
        long v = Int31(g);
        while (v > max) v = Int31(g);
        return v % n;
      }
      // Go's unexported int31n (Lemire's multiply-shift), used by Shuffle.
      long v = Uint32(g);
      long prod = v * (n & 0xFFFFFFFFL);
      long low = prod & 0xFFFFFFFFL;
      if (low < n) {
        long thresh = ((-n) & 0xFFFFFFFFL) % n;
        while (low < thresh) {
          v = Uint32(g);
          prod = v * (n & 0xFFFFFFFFL);
          low = prod & 0xFFFFFFFFL;
        }
      }
      return prod >>> 32;
    }

    public long Intn(G g, long n) {
      if (n <= 0) throw Panic.plain("invalid argument to Intn");
      if (n <= Integer.MAX_VALUE) return int31n(g, (int) n, true);
      return Int63n(g, n);
    }

    public double Float64(G g) {
      while (true) {
        double f = (double) Int63(g) / 0x1p63;
        if (f != 1) return f;   // rounding up to 1 happens about once in 2^53 draws: draw again
      }
    }

    public double Float32(G g) {
      while (true) {
        float f = (float) Float64(g);
        if (f != 1) return f;
      }
    }

    public Slice Perm(G g, long n) {
      if (n < 0) throw Panic.runtime("makeslice: len out of range");
      long[] m = new long[(int) n];
      for (int i = 0; i < n; i++) {
        int j = (int) Intn(g, i + 1);
        m[i] = m[j];
        m[j] = i;
      }
      return new Slice(INTS, m, 0, m.length, m.length);
    }

    public void Shuffle(G g, long n, Object swap) {
      if (n < 0) throw Panic.plain("invalid argument to Shuffle");
      Fn.JJ_V sw = (Fn.JJ_V) swap;
      long i = n - 1;
      for (; i > (1L << 31) - 1 - 1; i--) { sw.invoke(g, i, Int63n(g, i + 1)); gol.runtime.Callbacks.done(g, "swap function called by rand.Shuffle"); }
      for (; i > 0; i--) { sw.invoke(g, i, int31n(g, (int) (i + 1), false)); gol.runtime.Callbacks.done(g, "swap function called by rand.Shuffle"); }
    }

    @Override public RType goType() { return TYPE; }
  }

  private static final RType INTS = RType.slice(RType.INT);

  /** The generator behind the top-level functions; every use holds its monitor. */
  private static final Rand GLOBAL = new Rand(new RngSource(1));

  public static Object NewSource(G g, long seed) { return new RngSource(seed); }

  public static Rand New(G g, Object src) { return new Rand((Source) src); }

  public static void Seed(G g, long seed) { synchronized (GLOBAL) { GLOBAL.Seed(g, seed); } }

  public static long Int63(G g) { synchronized (GLOBAL) { return GLOBAL.Int63(g); } }

  public static long Uint32(G g) { synchronized (GLOBAL) { return GLOBAL.Uint32(g); } }

  public static long Uint64(G g) { synchronized (GLOBAL) { return GLOBAL.Uint64(g); } }

  public static long Int31(G g) { synchronized (GLOBAL) { return GLOBAL.Int31(g); } }

  public static long Int(G g) { synchronized (GLOBAL) { return GLOBAL.Int(g); } }

  public static long Int63n(G g, long n) { synchronized (GLOBAL) { return GLOBAL.Int63n(g, n); } }

  public static long Int31n(G g, long n) { synchronized (GLOBAL) { return GLOBAL.Int31n(g, n); } }

  public static long Intn(G g, long n) { synchronized (GLOBAL) { return GLOBAL.Intn(g, n); } }

  public static double Float64(G g) { synchronized (GLOBAL) { return GLOBAL.Float64(g); } }

  public static double Float32(G g) { synchronized (GLOBAL) { return GLOBAL.Float32(g); } }

  public static Slice Perm(G g, long n) { synchronized (GLOBAL) { return GLOBAL.Perm(g, n); } }

  /** Go holds its lock per draw, not during swap; swap is user code, so draws are locked one by one. */
  public static void Shuffle(G g, long n, Object swap) {
    if (n < 0) throw Panic.plain("invalid argument to Shuffle");
    Fn.JJ_V sw = (Fn.JJ_V) swap;
    long i = n - 1;
    for (; i > (1L << 31) - 1 - 1; i--) {
      long j;
      synchronized (GLOBAL) { j = GLOBAL.Int63n(g, i + 1); }
      sw.invoke(g, i, j);
      gol.runtime.Callbacks.done(g, "swap function called by rand.Perm/Shuffle");
    }
    for (; i > 0; i--) {
      long j;
      synchronized (GLOBAL) { j = GLOBAL.int31n(g, (int) (i + 1), false); }
      sw.invoke(g, i, j);
      gol.runtime.Callbacks.done(g, "swap function called by rand.Perm/Shuffle");
    }
  }
}
