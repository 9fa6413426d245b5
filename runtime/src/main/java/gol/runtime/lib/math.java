package gol.runtime.lib;

import gol.runtime.G;

/**
 * Go's package math (functions; the constants are compile-time). Java's StrictMath and Math give the
 * correctly rounded or Go-identical results for these; the special cases (NaN, ±Inf, ±0) follow
 * Go's documentation, which differs from Java's in Mod's sign and Round's ties.
 */
public final class math {
  private math() {}

  public static double Sqrt(G g, double x) { return Math.sqrt(x); }

  public static double Pow(G g, double x, double y) { return StrictMath.pow(x, y); }

  public static double Abs(G g, double x) { return Math.abs(x); }

  public static double Floor(G g, double x) { return Math.floor(x); }

  public static double Ceil(G g, double x) { return Math.ceil(x); }

  public static double Trunc(G g, double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) return x;
    return x < 0 ? Math.ceil(x) : Math.floor(x);
  }

  /** Rounds half away from zero (Java's Math.round rounds half up). */
  public static double Round(G g, double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) return x;
    double t = Trunc(g, x);
    if (Math.abs(x - t) >= 0.5) t += Math.copySign(1, x);
    return t == 0 ? Math.copySign(0, x) : t;
  }

  public static double RoundToEven(G g, double x) { return Math.rint(x); }

  /** Max: +Inf if either is +Inf, NaN if either is NaN, and Max(+0, -0) = +0. */
  public static double Max(G g, double x, double y) {
    if (Double.isInfinite(x) && x > 0 || Double.isInfinite(y) && y > 0) return Double.POSITIVE_INFINITY;
    return Math.max(x, y);
  }

  public static double Min(G g, double x, double y) {
    if (Double.isInfinite(x) && x < 0 || Double.isInfinite(y) && y < 0) return Double.NEGATIVE_INFINITY;
    return Math.min(x, y);
  }

  /** Inf(sign): +Inf if sign >= 0, else -Inf. */
  public static double Inf(G g, long sign) { return sign >= 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY; }

  /** IsInf(f, sign): sign > 0 asks for +Inf, < 0 for -Inf, 0 for either. */
  public static boolean IsInf(G g, double f, long sign) {
    return sign >= 0 && f == Double.POSITIVE_INFINITY || sign <= 0 && f == Double.NEGATIVE_INFINITY;
  }

  public static boolean IsNaN(G g, double f) { return Double.isNaN(f); }

  public static double NaN(G g) { return Double.NaN; }

  /** Mod: the remainder of x/y with the sign of x (Java's % on doubles is the same). */
  public static double Mod(G g, double x, double y) { return x % y; }

  public static double Log(G g, double x) { return StrictMath.log(x); }

  public static double Log2(G g, double x) { return StrictMath.log(x) / StrictMath.log(2); }

  public static double Log10(G g, double x) { return StrictMath.log10(x); }

  public static double Exp(G g, double x) { return StrictMath.exp(x); }

  public static double Sin(G g, double x) { return StrictMath.sin(x); }

  public static double Cos(G g, double x) { return StrictMath.cos(x); }

  public static double Tan(G g, double x) { return StrictMath.tan(x); }

  public static double Atan(G g, double x) { return StrictMath.atan(x); }

  public static double Atan2(G g, double y, double x) { return StrictMath.atan2(y, x); }

  public static double Hypot(G g, double p, double q) { return StrictMath.hypot(p, q); }

  public static double Cbrt(G g, double x) { return StrictMath.cbrt(x); }

  public static boolean Signbit(G g, double x) { return Double.doubleToRawLongBits(x) < 0; }

  public static double Copysign(G g, double f, double sign) { return Math.copySign(f, sign); }

  public static long Float64bits(G g, double f) { return Double.doubleToRawLongBits(f); }

  public static double Float64frombits(G g, long b) { return Double.longBitsToDouble(b); }

  public static long Float32bits(G g, double f) { return Float.floatToRawIntBits((float) f) & 0xFFFF_FFFFL; }

  public static double Float32frombits(G g, long b) { return Float.intBitsToFloat((int) b); }
}
