package gol.runtime;

/**
 * A value of Go's complex128 or complex64: an immutable pair of doubles.
 *
 * <p><b>Why this representation.</b> A complex number is two floats that always travel together, so
 * it cannot be one JVM primitive. An immutable final class keeps every place that holds a value
 * (locals, fields, slices, maps, channels, frames saved across a suspension) as simple as for a
 * string: one reference, shared freely, never copied on assignment, compared with {@link #eq}. The
 * cost is one small allocation per arithmetic result, which the JIT's escape analysis removes in
 * most loops. A complex64 is the same class with both parts already rounded to float32: the code
 * generator calls {@link #round64} after every complex64 operation (as it rounds float32 results), so
 * complex64 arithmetic computes in float64 and narrows the result, exactly as Go's compiler does.
 *
 * <p>In an interface, an unnamed complex128 is this object itself and an unnamed complex64 a
 * {@link Box.Complex64} (so {@code %T} and type switches tell them apart); named complex types get a
 * generated box like other named numbers. Go's == on complex values compares both parts with the
 * float ==, so {@link #equals} does the same (NaN is unequal to itself, -0 equals +0), and
 * {@link #hashCode} is consistent with it. Known to the compiler.
 */
public final class Complex {
  public final double re, im;

  /** The zero value {@code (0+0i)} of both complex types. */
  public static final Complex ZERO = new Complex(0, 0);

  public Complex(double re, double im) { this.re = re; this.im = im; }

  /** {@code complex(re, im)}. */
  public static Complex of(double re, double im) { return new Complex(re, im); }

  /** The value with both parts rounded to float32 (complex64 results and conversions). */
  public static Complex round64(Complex c) {
    double r = (float) c.re, i = (float) c.im;
    return r == c.re && i == c.im ? c : new Complex(r, i);
  }

  public static double real(Complex c) { return c.re; }

  public static double imag(Complex c) { return c.im; }

  public static Complex add(Complex a, Complex b) { return new Complex(a.re + b.re, a.im + b.im); }

  public static Complex sub(Complex a, Complex b) { return new Complex(a.re - b.re, a.im - b.im); }

  public static Complex neg(Complex a) { return new Complex(-a.re, -a.im); }

  /** (a+bi)(c+di) = (ac-bd) + (ad+bc)i, computed in float64 without fused multiply-add, as Go. */
  public static Complex mul(Complex x, Complex y) {
    return new Complex(x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re);
  }

  /**
   * n/m with Go's algorithm: Smith's scaling (R. L. Smith, "Algorithm 116: Complex division", 1962)
   * avoids overflow in the denominator; when both parts come out NaN, C99 Annex G's rules recover
   * the infinities and zeros a mathematician expects (a non-zero by zero is infinite, an infinite by
   * a finite is infinite, a finite by an infinite is zero). Division by zero never panics.
   */
  public static Complex div(Complex n, Complex m) {
    double a = n.re, b = n.im, c = m.re, d = m.im;
    double e, f;
    if (Math.abs(c) >= Math.abs(d)) {
      double ratio = d / c, denom = c + ratio * d;
      e = (a + b * ratio) / denom;
      f = (b - a * ratio) / denom;
    } else {
      double ratio = c / d, denom = d + ratio * c;
      e = (a * ratio + b) / denom;
      f = (b * ratio - a) / denom;
    }
    if (Double.isNaN(e) && Double.isNaN(f)) {
      if (c == 0 && d == 0 && (!Double.isNaN(a) || !Double.isNaN(b))) {
        double inf = Math.copySign(Double.POSITIVE_INFINITY, c);
        e = inf * a;
        f = inf * b;
      } else if ((Double.isInfinite(a) || Double.isInfinite(b)) && Double.isFinite(c) && Double.isFinite(d)) {
        a = infToOne(a);
        b = infToOne(b);
        e = Double.POSITIVE_INFINITY * (a * c + b * d);
        f = Double.POSITIVE_INFINITY * (b * c - a * d);
      } else if ((Double.isInfinite(c) || Double.isInfinite(d)) && Double.isFinite(a) && Double.isFinite(b)) {
        c = infToOne(c);
        d = infToOne(d);
        e = 0 * (a * c + b * d);
        f = 0 * (b * c - a * d);
      }
    }
    return new Complex(e, f);
  }

  /** ±1 for an infinity, ±0 otherwise (the sign of x kept). */
  private static double infToOne(double x) { return Math.copySign(Double.isInfinite(x) ? 1.0 : 0.0, x); }

  /** Go's {@code x == y}. */
  public static boolean eq(Complex x, Complex y) { return x.re == y.re && x.im == y.im; }

  @Override public boolean equals(Object o) { return o instanceof Complex c && eq(this, c); }

  @Override public int hashCode() {
    // +0 and -0 are equal, so they must hash alike
    return Double.hashCode(re == 0 ? 0 : re) * 31 + Double.hashCode(im == 0 ? 0 : im);
  }

  /** As Go's println prints it: {@code (+1.000000e+000+2.000000e+000i)}. */
  @Override public String toString() {
    return "(" + Builtin.formatFloat(re) + Builtin.formatFloat(im) + "i)";
  }
}
