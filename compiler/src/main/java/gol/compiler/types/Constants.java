package gol.compiler.types;

import gol.compiler.ast.Op;
import gol.compiler.types.Constant.Bool;
import gol.compiler.types.Constant.Complex;
import gol.compiler.types.Constant.Float;
import gol.compiler.types.Constant.Int;
import gol.compiler.types.Constant.Str;
import gol.compiler.types.Type.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact constant arithmetic, as Go's go/constant: folding of unary and binary operators, shifts and
 * comparisons, representability of a value in a basic type (with rounding of float constants to
 * float32/float64 as Go does), and Go's printing of constant values in error messages.
 *
 * <p>All methods are pure functions of their arguments. Integers are {@link BigInteger}s of any size;
 * floats are exact {@link BigDecimal}s, rounded to {@link Constant#PRECISION} digits only for a
 * division that does not terminate. Operands of a binary operation must already have matching
 * representations ({@link #match}); the checker does that before folding.
 */
final class Constants {
  private Constants() {}

  static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigDecimal MAX_F64 = new BigDecimal(Double.MAX_VALUE);
  private static final BigDecimal MAX_F32 = new BigDecimal(java.lang.Float.MAX_VALUE);

  static Int of(long v) { return new Int(BigInteger.valueOf(v)); }
  static Int of(BigInteger v) { return new Int(v); }

  /** True if c is an Int, or a Float (or a Complex with a zero imaginary part) with an integral value. */
  static boolean isIntegral(Constant c) {
    if (c instanceof Complex x) return isZero(x.im()) && isIntegral(x.re());
    if (c instanceof Int) return true;
    if (c instanceof Float) return rat(c)[1].equals(BigInteger.ONE);
    return false;
  }

  /** c as an Int (c must be {@link #isIntegral}). */
  static Int toInt(Constant c) {
    if (c instanceof Int i) return i;
    if (c instanceof Complex x) return toInt(x.re());
    return new Int(rat(c)[0]);
  }

  // ---------------------------------------------------------------------------------------------
  // Exact rationals. Go keeps untyped float constants as exact fractions (1.0/3*3 == 1 is true).
  // A Float holds a BigDecimal; a fraction that has no finite decimal expansion is stored rounded
  // to exactly PRECISION digits, and recovered as the simplest fraction within that rounding (a
  // continued-fraction expansion) when it is used again. Values are exact for every fraction with
  // a denominator below 10^50; beyond that they are correct to 110 digits, finer than Go's floats.

  private static final int DIGITS = Constant.PRECISION.getPrecision();
  private static final BigInteger TOLERANCE = BigInteger.TEN.pow(DIGITS - 10);
  private static final int MAX_DEN_BITS = 166; // about 10^50

  /** The exact value of a numeric constant as {numerator, denominator > 0}, in lowest terms. */
  static BigInteger[] rat(Constant c) {
    if (c instanceof Complex x) return rat(x.re());   // callers use it only for a zero imaginary part
    if (c instanceof Int i) return new BigInteger[] {i.value(), BigInteger.ONE};
    BigDecimal v = ((Float) c).value();
    BigInteger num = v.unscaledValue(), den = BigInteger.ONE;
    if (v.scale() > 0) den = BigInteger.TEN.pow(v.scale());
    else if (v.scale() < 0) num = num.multiply(BigInteger.TEN.pow(-v.scale()));
    if (v.precision() == DIGITS) {
      BigInteger[] r = recover(num, den);
      if (r != null) return r;
    }
    return reduce(num, den);
  }

  private static BigInteger[] reduce(BigInteger num, BigInteger den) {
    if (den.signum() < 0) { num = num.negate(); den = den.negate(); }
    BigInteger g = num.gcd(den);
    if (g.signum() != 0 && !g.equals(BigInteger.ONE)) { num = num.divide(g); den = den.divide(g); }
    return new BigInteger[] {num, den};
  }

  /** The first continued-fraction convergent h/k of num/den within the rounding tolerance, or null. */
  private static BigInteger[] recover(BigInteger num, BigInteger den) {
    BigInteger a = num, b = den;
    BigInteger h0 = BigInteger.ZERO, h1 = BigInteger.ONE, k0 = BigInteger.ONE, k1 = BigInteger.ZERO;
    BigInteger absNum = num.abs();
    while (b.signum() != 0) {
      BigInteger[] qr = a.divideAndRemainder(b);
      BigInteger q = qr[0];
      if (qr[1].signum() < 0) { q = q.subtract(BigInteger.ONE); qr[1] = qr[1].add(b); }
      BigInteger h2 = q.multiply(h1).add(h0), k2 = q.multiply(k1).add(k0);
      h0 = h1; h1 = h2; k0 = k1; k1 = k2;
      if (k1.bitLength() > MAX_DEN_BITS) return null;
      // |num/den - h/k| <= |num/den| / 10^(DIGITS-10)  <=>  |num*k - h*den| * TOL <= |num| * k
      BigInteger err = num.multiply(k1).subtract(h1.multiply(den)).abs();
      if (err.multiply(TOLERANCE).compareTo(absNum.multiply(k1)) <= 0) return reduce(h1, k1);
      a = b;
      b = qr[1];
    }
    return null;
  }

  /** The Float for num/den: exact if it has a finite decimal expansion, else rounded to PRECISION digits. */
  static Float fromRat(BigInteger num, BigInteger den) {
    BigInteger[] r = reduce(num, den);
    BigDecimal n = new BigDecimal(r[0]), d = new BigDecimal(r[1]);
    try {
      BigDecimal exact = n.divide(d);
      if (exact.precision() != DIGITS) return new Float(exact);
    } catch (ArithmeticException nonTerminating) {
      // fall through
    }
    return new Float(n.divide(d, Constant.PRECISION));
  }

  static BigDecimal toDecimal(Constant c) {
    if (c instanceof Int i) return new BigDecimal(i.value());
    if (c instanceof Complex x) return toDecimal(x.re());
    return ((Float) c).value();
  }

  /** The double nearest to a numeric constant's exact value (or an infinity). */
  static double toDouble(Constant c) {
    BigInteger[] r = rat(c);
    return new BigDecimal(r[0]).divide(new BigDecimal(r[1]), java.math.MathContext.DECIMAL128).doubleValue();
  }

  /** Brings two numeric constants to the same representation (Int,Int or Float,Float). */
  static Constant[] match(Constant x, Constant y) {
    if (x instanceof Complex || y instanceof Complex) return new Constant[] {toComplex(x), toComplex(y)};
    if (x instanceof Float && y instanceof Int) return new Constant[] {x, new Float(toDecimal(y))};
    if (x instanceof Int && y instanceof Float) return new Constant[] {new Float(toDecimal(x)), y};
    return new Constant[] {x, y};
  }

  /** A numeric constant as a Complex (a real number gets a zero imaginary part). */
  static Complex toComplex(Constant c) {
    return c instanceof Complex x ? x : new Complex(c, new Int(BigInteger.ZERO));
  }

  /** The real part of a numeric constant (itself for a real number). */
  static Constant real(Constant c) { return c instanceof Complex x ? x.re() : c; }

  /** The imaginary part of a numeric constant (0 for a real number). */
  static Constant imag(Constant c) { return c instanceof Complex x ? x.im() : new Int(BigInteger.ZERO); }

  // ---------------------------------------------------------------------------------------------
  // Representability

  /** Why a constant cannot be represented: null when it can. */
  enum Failure { OVERFLOWS, TRUNCATED, MISMATCH }

  /**
   * Checks whether c can be represented in basic type t and returns the value as held in t (floats
   * rounded to the type's precision, integral floats turned into Ints), or null. {@code why[0]}
   * receives the reason on failure when why is non-null.
   */
  static Constant represent(Constant c, Type.Basic t, Failure[] why) {
    Kind k = t.kind;
    if (k == Kind.INVALID) return c;
    if (k.isBoolean()) return fail(c instanceof Bool ? c : null, why, Failure.MISMATCH);
    if (k.isString()) return fail(c instanceof Str ? c : null, why, Failure.MISMATCH);
    if (c instanceof Bool || c instanceof Str) return fail(null, why, Failure.MISMATCH);
    if (k.isInteger()) {
      if (!isIntegral(c)) return fail(null, why, Failure.TRUNCATED);
      Int i = toInt(c);
      if (k == Kind.UNTYPED_INT || k == Kind.UNTYPED_RUNE) return i;
      return fail(fitsInt(i.value(), k) ? i : null, why, Failure.OVERFLOWS);
    }
    if (k.isComplex()) {
      Complex x = toComplex(c);
      if (k == Kind.UNTYPED_COMPLEX) return x;
      Type.Basic part = k == Kind.COMPLEX64 ? Types.FLOAT32 : Types.FLOAT64;
      Constant re = represent(x.re(), part, why), im = re == null ? null : represent(x.im(), part, why);
      return re == null || im == null ? null : new Complex(re, im);
    }
    if (c instanceof Complex x) {   // a complex constant is a real number only if its imaginary part is 0
      if (!isZero(x.im())) return fail(null, why, Failure.OVERFLOWS);
      c = x.re();
    }
    if (k.isFloat()) {
      BigDecimal v = toDecimal(c);
      if (k == Kind.UNTYPED_FLOAT) return c instanceof Int ? new Float(v) : c;
      boolean f32 = k == Kind.FLOAT32 || k == Kind.COMPLEX64;
      if (v.abs().compareTo(f32 ? MAX_F32 : MAX_F64) > 0) {
        // values that round down to the maximum are still representable
        double d = f32 ? v.floatValue() : v.doubleValue();
        if (Double.isInfinite(d)) return fail(null, why, Failure.OVERFLOWS);
      }
      double d = f32 ? (double) (float) toDouble(c) : toDouble(c);
      return new Float(d == 0 ? BigDecimal.ZERO : new BigDecimal(d));
    }
    return fail(null, why, Failure.MISMATCH);
  }

  private static Constant fail(Constant result, Failure[] why, Failure reason) {
    if (result == null && why != null) why[0] = reason;
    return result;
  }

  static boolean fitsInt(BigInteger v, Kind k) {
    int bits = k.bits();
    if (k.isUnsigned()) return v.signum() >= 0 && v.bitLength() <= bits;
    return v.bitLength() <= bits - 1;
  }

  // ---------------------------------------------------------------------------------------------
  // Folding

  /** Folds {@code op x} for + - ^ !. For ^ on an unsigned type, bits is the type's size (else 0). */
  static Constant unary(Op op, Constant x, int unsignedBits) {
    switch (op) {
      case ADD: return x;
      case SUB:
        if (x instanceof Complex z) return new Complex(unary(op, z.re(), 0), unary(op, z.im(), 0));
        if (x instanceof Int i) return new Int(i.value().negate());
        return new Float(((Float) x).value().negate());
      case XOR: {
        BigInteger v = ((Int) x).value().not();
        if (unsignedBits > 0) v = v.and(BigInteger.ONE.shiftLeft(unsignedBits).subtract(BigInteger.ONE));
        return new Int(v);
      }
      case NOT: return new Bool(!((Bool) x).value());
      default: throw new IllegalArgumentException("unary " + op);
    }
  }

  /**
   * Folds {@code x op y} for arithmetic and logical operators (not comparisons or shifts). x and y
   * have matching representations; intDiv selects truncated integer division for / (integer types,
   * including two untyped integer constants). Division by zero must be rejected by the caller.
   */
  static Constant binary(Op op, Constant x, Constant y, boolean intDiv) {
    if (x instanceof Bool a && y instanceof Bool b) {
      if (op == Op.LAND) return new Bool(a.value() && b.value());
      if (op == Op.LOR) return new Bool(a.value() || b.value());
    }
    if (x instanceof Str a && y instanceof Str b && op == Op.ADD) return new Str(a.value() + b.value());
    if (x instanceof Int a && y instanceof Int b) {
      BigInteger p = a.value(), q = b.value();
      switch (op) {
        case ADD: return new Int(p.add(q));
        case SUB: return new Int(p.subtract(q));
        case MUL: return new Int(p.multiply(q));
        case QUO:
          if (intDiv) return new Int(p.divide(q));
          return fromRat(p, q);
        case REM: return new Int(p.remainder(q));
        case AND: return new Int(p.and(q));
        case OR: return new Int(p.or(q));
        case XOR: return new Int(p.xor(q));
        case AND_NOT: return new Int(p.andNot(q));
        default: break;
      }
    }
    if (x instanceof Complex a && y instanceof Complex b) return complexBinary(op, a, b);
    if (x instanceof Float && y instanceof Float) {
      BigInteger[] p = rat(x), q = rat(y);
      switch (op) {
        case ADD: return fromRat(p[0].multiply(q[1]).add(q[0].multiply(p[1])), p[1].multiply(q[1]));
        case SUB: return fromRat(p[0].multiply(q[1]).subtract(q[0].multiply(p[1])), p[1].multiply(q[1]));
        case MUL: return fromRat(p[0].multiply(q[0]), p[1].multiply(q[1]));
        case QUO: return fromRat(p[0].multiply(q[1]), p[1].multiply(q[0]));
        default: break;
      }
    }
    throw new IllegalArgumentException("cannot fold " + x + " " + op + " " + y);
  }


  /** Exact complex arithmetic on the parts: (a+bi)(c+di) = (ac-bd) + (ad+bc)i, and the quotient over c²+d². */
  private static Complex complexBinary(Op op, Complex x, Complex y) {
    Constant a = x.re(), b = x.im(), c = y.re(), d = y.im();
    switch (op) {
      case ADD: return new Complex(real(Op.ADD, a, c), real(Op.ADD, b, d));
      case SUB: return new Complex(real(Op.SUB, a, c), real(Op.SUB, b, d));
      case MUL: return new Complex(real(Op.SUB, real(Op.MUL, a, c), real(Op.MUL, b, d)),
                                   real(Op.ADD, real(Op.MUL, a, d), real(Op.MUL, b, c)));
      case QUO: {
        Constant den = real(Op.ADD, real(Op.MUL, c, c), real(Op.MUL, d, d));
        Constant re = real(Op.ADD, real(Op.MUL, a, c), real(Op.MUL, b, d));
        Constant im = real(Op.SUB, real(Op.MUL, b, c), real(Op.MUL, a, d));
        return new Complex(real(Op.QUO, re, den), real(Op.QUO, im, den));
      }
      default: throw new IllegalArgumentException("cannot fold complex " + op);
    }
  }

  /** x op y on two real parts (exact; / gives an exact fraction). */
  private static Constant real(Op op, Constant x, Constant y) {
    Constant[] m = match(x, y);
    return binary(op, m[0], m[1], false);
  }

  static boolean isZero(Constant c) {
    if (c instanceof Complex x) return isZero(x.im()) && isZero(x.re());
    if (c instanceof Int i) return i.value().signum() == 0;
    if (c instanceof Float f) return f.value().signum() == 0;
    return false;
  }

  /** Folds {@code x << s} or {@code x >> s}; x is integral, s a non-negative count. */
  static Int shift(Op op, Constant x, long s) {
    BigInteger v = toInt(x).value();
    return new Int(op == Op.SHL ? v.shiftLeft((int) s) : v.shiftRight((int) s));
  }

  /** Folds a comparison of two matching constants. */
  static boolean compare(Op op, Constant x, Constant y) {
    int c;
    if (x instanceof Bool a && y instanceof Bool b) c = a.value() == b.value() ? 0 : 1;
    else if (x instanceof Str a && y instanceof Str b) c = Integer.signum(a.value().compareTo(b.value()));
    else if (x instanceof Int a && y instanceof Int b) c = a.value().compareTo(b.value());
    else if (x instanceof Complex a && y instanceof Complex b) {
      boolean eq = compare(Op.EQL, match(a.re(), b.re())[0], match(a.re(), b.re())[1])
          && compare(Op.EQL, match(a.im(), b.im())[0], match(a.im(), b.im())[1]);
      c = eq ? 0 : 1;
    }
    else {
      BigInteger[] p = rat(x), q = rat(y);
      c = p[0].multiply(q[1]).compareTo(q[0].multiply(p[1]));
    }
    switch (op) {
      case EQL: return c == 0;
      case NEQ: return c != 0;
      case LSS: return c < 0;
      case LEQ: return c <= 0;
      case GTR: return c > 0;
      case GEQ: return c >= 0;
      default: throw new IllegalArgumentException("compare " + op);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Printing, as go/constant's String()

  /** The value as Go's error messages print it: ints in decimal, floats as %.6g, strings quoted. */
  static String toString(Constant c) {
    if (c instanceof Str s) {
      String q = quote(s.value());
      if (q.length() > 72) q = q.substring(0, 70 - 3) + "...";
      return q;
    }
    if (c instanceof Float f) return formatG(f.value(), 6);
    if (c instanceof Complex x) return "(" + toString(x.re()) + " + " + toString(x.im()) + "i)";
    return c.toString();
  }

  /** Formats v like Go's %.{prec}g. */
  static String formatG(BigDecimal v, int prec) {
    if (v.signum() == 0) return "0";
    BigDecimal r = v.round(new java.math.MathContext(prec, RoundingMode.HALF_EVEN));
    int exp = r.precision() - r.scale() - 1;
    if (exp < -4 || exp >= prec) {
      BigDecimal mant = r.movePointLeft(exp).stripTrailingZeros();
      String m = mant.toPlainString();
      String e = Integer.toString(Math.abs(exp));
      if (e.length() < 2) e = "0" + e;
      return m + "e" + (exp < 0 ? "-" : "+") + e;
    }
    return r.stripTrailingZeros().toPlainString();
  }

  /** Go's strconv.Quote of a byte string (chars 0..255 are bytes; valid UTF-8 is kept as text). */
  static String quote(String bytes) {
    byte[] b = new byte[bytes.length()];
    for (int i = 0; i < b.length; i++) b[i] = (byte) bytes.charAt(i);
    StringBuilder sb = new StringBuilder("\"");
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int len = utf8Len(b, i);
      if (len == 0) { sb.append(String.format("\\x%02x", c)); i++; continue; }
      int cp = new String(b, i, len, java.nio.charset.StandardCharsets.UTF_8).codePointAt(0);
      i += len;
      switch (cp) {
        case '\u0007': sb.append("\\a"); break;
        case '\b': sb.append("\\b"); break;
        case '\f': sb.append("\\f"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        case 0x0b: sb.append("\\v"); break;
        case '\\': sb.append("\\\\"); break;
        case '"': sb.append("\\\""); break;
        default:
          if (cp < 0x20 || cp == 0x7f) sb.append(String.format("\\x%02x", cp));
          else if (!Character.isDefined(cp) || Character.getType(cp) == Character.CONTROL)
            sb.append(cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
          else sb.appendCodePoint(cp);
      }
    }
    return sb.append('"').toString();
  }

  /** Length of the valid UTF-8 sequence starting at b[i], or 0 if it is not valid. */
  private static int utf8Len(byte[] b, int i) {
    int c = b[i] & 0xff;
    int n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n == 0 || i + n > b.length) return 0;
    for (int k = 1; k < n; k++) if ((b[i + k] & 0xc0) != 0x80) return 0;
    if (n > 1) {
      int cp = new String(b, i, n, java.nio.charset.StandardCharsets.UTF_8).codePointAt(0);
      if (cp == 0xfffd && !(n == 3 && (b[i] & 0xff) == 0xef)) return 0;
      if (cp >= 0xd800 && cp <= 0xdfff) return 0;
    }
    return n;
  }
}
