package gol.compiler.types;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact constant value, as Go's go/constant: integers are arbitrary precision, floats are exact
 * decimals (rounded to {@link #PRECISION} significant digits only where division requires it), so
 * {@code 1<<100>>98} is 4 and {@code 0.1+0.2 == 0.3} is true as in Go.
 */
public sealed interface Constant permits Constant.Int, Constant.Float, Constant.Complex, Constant.Bool, Constant.Str {
  /** Digits kept by inexact float operations (Go keeps at least 256 bits of mantissa; this is more). */
  java.math.MathContext PRECISION = new java.math.MathContext(120);

  record Int(BigInteger value) implements Constant {
    @Override public String toString() { return value.toString(); }
  }

  record Float(BigDecimal value) implements Constant {
    @Override public String toString() { return value.toString(); }
  }

  /**
   * A complex constant: its real and imaginary parts are each an {@link Int} or a {@link Float}
   * (go/constant's complex kind). An imaginary literal {@code 2i} is {@code Complex(0, 2)}.
   */
  record Complex(Constant re, Constant im) implements Constant {
    @Override public String toString() { return "(" + re + " + " + im + "i)"; }
  }

  record Bool(boolean value) implements Constant {
    @Override public String toString() { return Boolean.toString(value); }
  }

  /** A string constant; the Java string holds one char per byte of the UTF-8 encoding (chars 0..255). */
  record Str(String value) implements Constant {
    @Override public String toString() { return value; }
  }
}
