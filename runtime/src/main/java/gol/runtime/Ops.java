package gol.runtime;

/**
 * Arithmetic with Go's semantics where Java's differs. Integers of every Go size are Java longs
 * normalized to their type's range; the compiler normalizes results of narrow types after these
 * helpers (e.g. {@code (long) (int) r} for int32), so the helpers work on 64 bits.
 * <ul>
 *   <li>Division by zero panics ({@code runtime error: integer divide by zero}); MinInt64 / -1 is
 *       MinInt64 and MinInt64 % -1 is 0, as in Go (and Java).</li>
 *   <li>Unsigned division, remainder and comparison for uint64/uint/uintptr.</li>
 *   <li>Shifts: counts >= the width shift everything out (Java would mask the count); a negative
 *       signed count panics ({@code runtime error: negative shift amount}).</li>
 *   <li>Float to integer conversions give what Go on amd64 gives, also for NaN and out-of-range
 *       values (the spec leaves those implementation-defined; gol follows amd64).</li>
 * </ul>
 * Known to the compiler.
 */
public final class Ops {
  private Ops() {}

  // ------------------------------------------------------------------ interface equality

  /**
   * Go's == on two interface values: false for different dynamic types; for the same dynamic type,
   * the values' equality, except that a type that is not comparable (a func, slice or map, or a
   * struct or array holding one) panics with {@code runtime error: comparing uncomparable type T}.
   */
  public static boolean ifaceEq(Object a, Object b) {
    if (a == null || b == null) return a == b;
    RType ta = Box.typeOf(a);
    if (ta != null && !comparable(ta)) {
      RType tb = Box.typeOf(b);
      if (tb != null && tb.name.equals(ta.name)) throw Panic.runtime("comparing uncomparable type " + ta.name);
      return false;
    }
    return a.equals(b);
  }

  /** Go's comparable for a run-time type. */
  static boolean comparable(RType t) {
    switch (t.kind) {
      case FUNC: case SLICE: case MAP: return false;
      case ARRAY: return t.elem == null || comparable(t.elem);
      case STRUCT:
        for (RType f : t.fieldTypes) if (!comparable(f)) return false;
        return true;
      default: return true;
    }
  }

  // ------------------------------------------------------------------ division

  public static long div(long a, long b) {
    if (b == 0) throw Panic.divide();
    return a / b; // Long.MIN_VALUE / -1 == Long.MIN_VALUE, as in Go
  }

  public static long rem(long a, long b) {
    if (b == 0) throw Panic.divide();
    return a % b;
  }

  /** Division of uint64 (or uint, uintptr) values held in longs. */
  public static long udiv(long a, long b) {
    if (b == 0) throw Panic.divide();
    return Long.divideUnsigned(a, b);
  }

  public static long urem(long a, long b) {
    if (b == 0) throw Panic.divide();
    return Long.remainderUnsigned(a, b);
  }

  /** Compares two uint64 values: negative, zero or positive. */
  public static int ucompare(long a, long b) { return Long.compareUnsigned(a, b); }

  // ------------------------------------------------------------------ shifts

  private static Panic negativeShift() { return Panic.runtime("negative shift amount"); }

  /** {@code x << n} for a count n of a signed type. */
  public static long shl(long x, long n) {
    if (n < 0) throw negativeShift();
    return n >= 64 ? 0 : x << n;
  }

  /** {@code x >> n} for signed x (arithmetic) and a count of a signed type. */
  public static long shr(long x, long n) {
    if (n < 0) throw negativeShift();
    return n >= 64 ? x >> 63 : x >> n;
  }

  /** {@code x >> n} for unsigned x (logical) and a count of a signed type. */
  public static long ushr(long x, long n) {
    if (n < 0) throw negativeShift();
    return n >= 64 ? 0 : x >>> n;
  }

  /** {@code x << n} for a count of an unsigned type (a negative long is a count >= 2^63). */
  public static long shlu(long x, long n) { return n < 0 || n >= 64 ? 0 : x << n; }

  /** {@code x >> n}, x signed, count unsigned. */
  public static long shru(long x, long n) { return n < 0 || n >= 64 ? x >> 63 : x >> n; }

  /** {@code x >> n}, x unsigned, count unsigned. */
  public static long ushru(long x, long n) { return n < 0 || n >= 64 ? 0 : x >>> n; }

  // ------------------------------------------------------------------ float -> integer

  private static final double TWO63 = 0x1p63;

  /** int64(f) and int(f): CVTTSD2SQ, which gives MinInt64 for NaN and out-of-range values. */
  public static long f2int64(double f) {
    return f >= -TWO63 && f < TWO63 ? (long) f : Long.MIN_VALUE;
  }

  /** int32(f): CVTTSD2SL, which gives MinInt32 for NaN and out-of-range values. */
  public static long f2int32(double f) {
    return f > -0x1p31 - 1 && f < 0x1p31 ? (long) f : Integer.MIN_VALUE;
  }

  /** int16(f): the low 16 bits of int32(f). */
  public static long f2int16(double f) { return (short) f2int32(f); }

  /** int8(f): the low 8 bits of int32(f). */
  public static long f2int8(double f) { return (byte) f2int32(f); }

  /** uint64(f), uint(f), uintptr(f): values from 2^63 up convert via f - 2^63. */
  public static long f2uint64(double f) {
    if (f < TWO63) return f2int64(f);
    return f2int64(f - TWO63) | Long.MIN_VALUE;
  }

  /** uint32(f): the low 32 bits of int64(f). */
  public static long f2uint32(double f) { return f2int64(f) & 0xFFFF_FFFFL; }

  /** uint16(f): the low 16 bits of int32(f). */
  public static long f2uint16(double f) { return f2int32(f) & 0xFFFF; }

  /** uint8(f): the low 8 bits of int32(f). */
  public static long f2uint8(double f) { return f2int32(f) & 0xFF; }

  // ------------------------------------------------------------------ integer -> float

  /** float64(u) for a uint64 u held in a long, correctly rounded. */
  public static double u2f64(long u) {
    if (u >= 0) return (double) u;
    // Halve (keeping the lost bit sticky so rounding stays correct), convert, double.
    return (double) ((u >>> 1) | (u & 1)) * 2.0;
  }

  /** float32(u) for a uint64 u, correctly rounded to float32 (as a double). */
  public static double u2f32(long u) {
    if (u >= 0) return (float) u;
    return (double) ((float) ((u >>> 1) | (u & 1)) * 2.0f);
  }

  /** Rounds a double to the nearest float32 (ties to even), as Go's float32(x). */
  public static double f32(double x) { return (float) x; }
}
