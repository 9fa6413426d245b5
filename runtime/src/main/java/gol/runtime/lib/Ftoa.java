package gol.runtime.lib;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float to decimal text exactly as Go's strconv.FormatFloat prints it, for fmt and strconv.
 *
 * <p>Two steps, as in Go: first find decimal digits for the value, then lay them out ('e', 'f', 'g').
 * <ul>
 *   <li><b>Shortest</b> (precision -1): the fewest digits that read back as the same float (for
 *       float32 values: the same float32), and of those the closest to the exact value. JDK 17's
 *       Double.toString is not always shortest, so we search: the set of digit counts p for which
 *       some p-digit decimal rounds back to the value is closed upwards, so a binary search over p
 *       finds the smallest; for a given p only the two p-digit neighbours of the exact binary value
 *       (rounded down and up) can qualify. Exactness comes from BigDecimal, which holds any double
 *       exactly; "reads back" is tested with the JDK's correctly rounded parser.</li>
 *   <li><b>Fixed</b> precision: the exact value rounded half-to-even to the digit count asked for,
 *       which is what Go's decimal rounding does (binary values are exact in decimal).</li>
 * </ul>
 * Thread-safe (no state).
 */
public final class Ftoa {
  private Ftoa() {}

  /** Decimal digits d[0..nd) with the decimal point at dp: value = 0.d[0]d[1]... x 10^dp. Zero has nd = 0. */
  static final class Digits {
    final char[] d;
    final int nd, dp;
    Digits(char[] d, int nd, int dp) { this.d = d; this.nd = nd; this.dp = dp; }
  }

  /** strconv.FormatFloat(f, fmt, prec, bitSize); bitSize 32 formats f as a float32. */
  public static String format(double f, char fmt, int prec, int bitSize) {
    StringBuilder sb = new StringBuilder(24);
    append(sb, f, fmt, prec, bitSize);
    return sb.toString();
  }

  /** strconv.AppendFloat: appends the formatted value to sb. */
  public static void append(StringBuilder sb, double f, char fmt, int prec, int bitSize) {
    if (bitSize == 32) f = (float) f;
    if (Double.isNaN(f)) { sb.append("NaN"); return; }
    if (Double.isInfinite(f)) { sb.append(f > 0 ? "+Inf" : "-Inf"); return; }
    boolean neg = (Double.doubleToRawLongBits(f) < 0); // keeps the sign of -0
    if (fmt == 'b') { fmtB(sb, neg, f, bitSize); return; }
    if (fmt == 'x' || fmt == 'X') { fmtX(sb, neg, f, prec, fmt, bitSize); return; }
    double a = Math.abs(f);
    boolean shortest = prec < 0;
    Digits digs;
    if (shortest) {
      digs = shortest(a, bitSize == 32);
      switch (fmt) {
        case 'e', 'E' -> prec = Math.max(digs.nd - 1, 0);
        case 'f' -> prec = Math.max(digs.nd - digs.dp, 0);
        case 'g', 'G' -> prec = digs.nd;
        default -> { }
      }
    } else {
      switch (fmt) {
        case 'e', 'E' -> digs = roundSig(a, prec + 1);
        case 'f' -> digs = roundFrac(a, prec);
        case 'g', 'G' -> {
          if (prec == 0) prec = 1;
          digs = roundSig(a, prec);
        }
        default -> { sb.append('%').append(fmt); return; }
      }
    }
    formatDigits(sb, shortest, neg, digs, prec, fmt);
  }

  private static void formatDigits(StringBuilder sb, boolean shortest, boolean neg, Digits digs, int prec, char fmt) {
    switch (fmt) {
      case 'e', 'E' -> fmtE(sb, neg, digs, prec, fmt);
      case 'f' -> fmtF(sb, neg, digs, prec);
      case 'g', 'G' -> {
        // %e is used if the exponent is below -4 or at least the precision (6 when shortest);
        // trailing zeros are not printed.
        int eprec = prec;
        if (eprec > digs.nd && digs.nd >= digs.dp) eprec = digs.nd;
        if (shortest) eprec = 6;
        int exp = digs.dp - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > digs.nd) prec = digs.nd;
          fmtE(sb, neg, digs, prec - 1, fmt == 'g' ? 'e' : 'E');
          return;
        }
        if (prec > digs.dp) prec = digs.nd;
        fmtF(sb, neg, digs, Math.max(prec - digs.dp, 0));
      }
      default -> sb.append('%').append(fmt);
    }
  }

  /** d.ddddde±dd */
  private static void fmtE(StringBuilder sb, boolean neg, Digits d, int prec, char fmt) {
    if (neg) sb.append('-');
    sb.append(d.nd != 0 ? d.d[0] : '0');
    if (prec > 0) {
      sb.append('.');
      int i = 1;
      int m = Math.min(d.nd, prec + 1);
      if (i < m) { sb.append(d.d, i, m - i); i = m; }
      for (; i <= prec; i++) sb.append('0');
    }
    sb.append(fmt);
    int exp = d.nd == 0 ? 0 : d.dp - 1;
    if (exp < 0) { sb.append('-'); exp = -exp; } else sb.append('+');
    if (exp < 10) sb.append('0');
    sb.append(exp);
  }

  /** ddddd.dddd */
  private static void fmtF(StringBuilder sb, boolean neg, Digits d, int prec) {
    if (neg) sb.append('-');
    if (d.dp > 0) {
      int m = Math.min(d.nd, d.dp);
      sb.append(d.d, 0, m);
      for (; m < d.dp; m++) sb.append('0');
    } else {
      sb.append('0');
    }
    if (prec > 0) {
      sb.append('.');
      for (int i = 0; i < prec; i++) {
        int j = d.dp + i;
        sb.append(0 <= j && j < d.nd ? d.d[j] : '0');
      }
    }
  }

  /** -ddddp±ddd: the binary mantissa and exponent. */
  private static void fmtB(StringBuilder sb, boolean neg, double f, int bitSize) {
    long mant;
    int exp;
    if (bitSize == 32) {
      int bits = Float.floatToRawIntBits((float) f);
      exp = (bits >>> 23) & 0xFF;
      mant = bits & 0x7FFFFF;
      if (exp == 0) exp++; else mant |= 1L << 23;
      exp += -127 - 23;
    } else {
      long bits = Double.doubleToRawLongBits(f);
      exp = (int) (bits >>> 52) & 0x7FF;
      mant = bits & ((1L << 52) - 1);
      if (exp == 0) exp++; else mant |= 1L << 52;
      exp += -1023 - 52;
    }
    if (neg) sb.append('-');
    sb.append(mant).append('p');
    if (exp >= 0) sb.append('+');
    sb.append(exp);
  }

  /** -0x1.yyyyyp±dd: hexadecimal mantissa, binary exponent (%x on floats). */
  private static void fmtX(StringBuilder sb, boolean neg, double f, int prec, char fmt, int bitSize) {
    long bits = Double.doubleToRawLongBits(f);
    int exp = (int) (bits >>> 52) & 0x7FF;
    long mant = bits & ((1L << 52) - 1);
    if (exp == 0) exp++; else mant |= 1L << 52;
    exp -= 1023;
    if (mant == 0) exp = 0;
    // Shift the mantissa so its leading 1 is at bit 60 (0x1 followed by 15 hex digits).
    mant <<= 60 - 52;
    while (mant != 0 && (mant & (1L << 60)) == 0) { mant <<= 1; exp--; }
    if (prec >= 0 && prec < 15) {
      int shift = prec * 4;
      long extra = (mant << shift) & ((1L << 60) - 1);
      mant >>>= 60 - shift;
      if ((extra | (mant & 1)) > (1L << 59)) mant++; // round half to even
      mant <<= 60 - shift;
      if ((mant & (1L << 61)) != 0) { mant >>>= 1; exp++; }
    }
    String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    if (neg) sb.append('-');
    sb.append('0').append(fmt == 'X' ? 'X' : 'x').append((char) ('0' + ((mant >>> 60) & 1)));
    mant <<= 4; // drop the leading digit
    if (prec < 0 && mant != 0) {
      sb.append('.');
      while (mant != 0) { sb.append(hex.charAt((int) ((mant >>> 60) & 15))); mant <<= 4; }
    } else if (prec > 0) {
      sb.append('.');
      for (int i = 0; i < prec; i++) { sb.append(hex.charAt((int) ((mant >>> 60) & 15))); mant <<= 4; }
    }
    sb.append(fmt == 'X' ? 'P' : 'p');
    if (exp < 0) { sb.append('-'); exp = -exp; } else sb.append('+');
    if (exp < 10) sb.append('0');
    sb.append(exp);
  }

  // ------------------------------------------------------------------ digit generation

  private static final Digits ZERO = new Digits(new char[0], 0, 0);

  /** The digits of a BigDecimal (positive or zero), trailing zeros removed. */
  private static Digits digitsOf(BigDecimal x) {
    if (x.signum() == 0) return ZERO;
    String u = x.unscaledValue().toString();
    int dp = u.length() - x.scale();
    int nd = u.length();
    while (nd > 0 && u.charAt(nd - 1) == '0') nd--;
    return new Digits(u.toCharArray(), nd, dp);
  }

  /** |f| rounded half-to-even to n significant digits. */
  static Digits roundSig(double a, int n) {
    if (a == 0) return ZERO;
    return digitsOf(new BigDecimal(a).round(new MathContext(n, RoundingMode.HALF_EVEN)));
  }

  /** |f| rounded half-to-even to frac digits after the decimal point. */
  static Digits roundFrac(double a, int frac) {
    if (a == 0) return ZERO;
    return digitsOf(new BigDecimal(a).setScale(frac, RoundingMode.HALF_EVEN));
  }

  /** The shortest digits that read back as a (a float32 if f32), closest to a among those. */
  static Digits shortest(double a, boolean f32) {
    if (a == 0) return ZERO;
    if (a < 0x1p53 && a == Math.rint(a)) {
      // An integer below 2^53: neighbours are at most 1 apart, so no decimal with fewer
      // significant digits reads back to it; its own digits (trailing zeros dropped) are shortest.
      // (For float32 the gap is larger; use the general search.)
      if (!f32 || a < 0x1p24) return digitsOf(new BigDecimal((long) a));
    }
    BigDecimal exact = new BigDecimal(a);
    int lo = 1, hi = 17;
    BigDecimal best = null;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      BigDecimal c = candidate(exact, a, mid, f32);
      if (c != null) { hi = mid; best = c; } else lo = mid + 1;
    }
    if (best == null) best = candidate(exact, a, 17, f32); // 17 digits always read back
    return digitsOf(best);
  }

  /** The p-digit decimal nearest to exact that reads back as a, or null if there is none. */
  private static BigDecimal candidate(BigDecimal exact, double a, int p, boolean f32) {
    BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
    BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
    boolean okDown = readsBack(down, a, f32), okUp = readsBack(up, a, f32);
    if (okDown && okUp) {
      int c = exact.subtract(down).compareTo(up.subtract(exact));
      if (c < 0) return down;
      if (c > 0) return up;
      // Exactly halfway: the even last digit, as Go's decimal rounding.
      return down.unscaledValue().testBit(0) ? up : down;
    }
    return okDown ? down : okUp ? up : null;
  }

  private static boolean readsBack(BigDecimal x, double a, boolean f32) {
    if (x.signum() == 0) return false;
    if (f32) return Float.parseFloat(x.toString()) == (float) a;
    return x.doubleValue() == a;
  }
}
