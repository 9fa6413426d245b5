package gol.runtime;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Complex arithmetic against values Go 1.19 computes (go run of the same expressions). */
class ComplexTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  private static void assertC(double re, double im, Complex c) {
    assertEquals(re, c.re, 0.0, "real part of " + c);
    assertEquals(im, c.im, 0.0, "imaginary part of " + c);
  }

  @Test void arithmetic() {
    Complex a = Complex.of(1, 2), b = Complex.of(3, -4);
    assertC(4, -2, Complex.add(a, b));
    assertC(-2, 6, Complex.sub(a, b));
    assertC(11, 2, Complex.mul(a, b));
    assertC(-0.2, 0.4, Complex.div(a, b));
    assertC(-1, -2, Complex.neg(a));
  }

  @Test void divisionByZeroAndInfinities() {
    Complex a = Complex.of(1, 2);
    assertC(INF, INF, Complex.div(a, Complex.ZERO));                 // (1+2i)/0 = (+Inf+Infi)
    assertC(INF, -INF, Complex.div(Complex.of(INF, 0), a));           // (+Inf-Infi)
    assertC(0, 0, Complex.div(a, Complex.of(INF, INF)));              // (0+0i)
    Complex nan = Complex.div(Complex.ZERO, Complex.ZERO);
    assertTrue(Double.isNaN(nan.re) && Double.isNaN(nan.im));
    Complex nanRe = Complex.div(Complex.of(Double.NaN, 0), a);
    assertTrue(Double.isNaN(nanRe.re) && Double.isNaN(nanRe.im));
  }

  @Test void equalityIsFloatEquality() {
    assertTrue(Complex.eq(Complex.of(0.0, 1), Complex.of(-0.0, 1)));
    assertEquals(Complex.of(0.0, 1).hashCode(), Complex.of(-0.0, 1).hashCode());
    Complex n = Complex.of(Double.NaN, 0);
    assertFalse(Complex.eq(n, n));
    assertNotEquals(n, n);
  }

  @Test void complex64RoundsBothParts() {
    Complex c = Complex.round64(Complex.of(1.1, 2.2));
    assertEquals((double) 1.1f, c.re);
    assertEquals((double) 2.2f, c.im);
    Complex exact = Complex.of(1.5, 2);
    assertSame(exact, Complex.round64(exact));
  }

  @Test void boxesTellTheTypesApart() {
    Complex c = Complex.of(1, 2);
    assertSame(RType.COMPLEX128, Box.typeOf(c));
    assertSame(RType.COMPLEX64, Box.typeOf(Box.boxComplex64(c)));
    assertEquals(c, Box.unboxComplex(Box.boxComplex64(c)));
    assertEquals(Box.boxComplex64(c), Box.boxComplex64(Complex.of(1, 2)));
    assertSame(Complex.ZERO, RType.COMPLEX64.zero());
    assertEquals("(+1.000000e+000+2.000000e+000i)", c.toString());
  }
}
