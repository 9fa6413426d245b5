package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.G;
import gol.runtime.GoError;
import gol.runtime.GoString;
import gol.runtime.Panic;
import gol.runtime.RType;
import gol.runtime.Slice;
import gol.runtime.Tuple;

/**
 * Go's package strconv: integer, float and bool conversions to and from strings, quoting. Errors
 * are {@link NumError}s printing exactly as Go's ({@code strconv.Atoi: parsing "x": invalid syntax}).
 * Functions returning (value, error) return a {@link Tuple}: j0 (or d0 for floats, a0 for strings)
 * holds the value, the error goes in the next reference field.
 */
public final class strconv {
  private strconv() {}

  /** strconv.ErrRange and strconv.ErrSyntax. */
  public static final Object ErrRange = new errors.ErrorString("value out of range");
  public static final Object ErrSyntax = new errors.ErrorString("invalid syntax");

  /** *strconv.NumError: Func, Num (the input) and Err (ErrSyntax, ErrRange or another error). */
  public static final class NumError implements GoError, errors.Wrapper, Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "strconv.NumError", null));
    public String Func;
    public String Num;
    public Object Err;

    public NumError(String func, String num, Object err) { Func = func; Num = num; Err = err; }

    @Override public String Error(G g) {
      return "strconv." + Func + ": parsing " + Quote(g, Num) + ": " + ((GoError) Err).Error(g);
    }

    @Override public Object Unwrap(G g) { return Err; }
    @Override public RType goType() { return TYPE; }
    @Override public String toString() { return Error(null); }
  }

  private static NumError syntaxError(String fn, String s) { return new NumError(fn, s, ErrSyntax); }
  private static NumError rangeError(String fn, String s) { return new NumError(fn, s, ErrRange); }

  private static Tuple intResult(long v, Object err) {
    Tuple t = new Tuple();
    t.j0 = v;
    t.a0 = err;
    return t;
  }

  // ------------------------------------------------------------------ integers

  public static String Itoa(G g, long i) { return Long.toString(i); }

  public static String FormatInt(G g, long i, long base) {
    checkBase(base);
    return Long.toString(i, (int) base);
  }

  public static String FormatUint(G g, long u, long base) {
    checkBase(base);
    return Long.toUnsignedString(u, (int) base);
  }

  private static void checkBase(long base) {
    if (base < 2 || base > 36) throw new Panic("strconv: illegal AppendInt/FormatInt base");
  }

  /** AppendInt(dst []byte, i int64, base int) []byte. */
  public static Slice AppendInt(G g, Slice dst, long i, long base) {
    return Slice.appendString(dst == null ? io.BYTES : dst.type, dst, FormatInt(g, i, base));
  }

  /** AppendQuote(dst []byte, s string) []byte. */
  public static Slice AppendQuote(G g, Slice dst, String s) {
    return Slice.appendString(dst == null ? io.BYTES : dst.type, dst, Quote(g, s));
  }

  /** Atoi(s string) (int, error). */
  public static Tuple Atoi(G g, String s) {
    int n = s.length();
    if (n > 0 && n < 19) {
      // Fast path: fits in an int64 for sure.
      int i = 0;
      boolean neg = false;
      if (s.charAt(0) == '-' || s.charAt(0) == '+') {
        neg = s.charAt(0) == '-';
        i = 1;
        if (n == 1) return intResult(0, syntaxError("Atoi", s));
      }
      long v = 0;
      for (; i < n; i++) {
        int d = s.charAt(i) - '0';
        if (d < 0 || d > 9) return intResult(0, syntaxError("Atoi", s));
        v = v * 10 + d;
      }
      return intResult(neg ? -v : v, null);
    }
    Tuple t = ParseInt(g, s, 10, 0);
    if (t.a0 instanceof NumError e) e.Func = "Atoi";
    return t;
  }

  /** ParseInt(s string, base int, bitSize int) (int64, error). */
  public static Tuple ParseInt(G g, String s, long base, long bitSize) {
    final String fn = "ParseInt";
    if (s.isEmpty()) return intResult(0, syntaxError(fn, s));
    String s0 = s;
    boolean neg = false;
    if (s.charAt(0) == '+') s = s.substring(1);
    else if (s.charAt(0) == '-') { neg = true; s = s.substring(1); }
    Tuple u = ParseUint(g, s, base, bitSize);
    if (u.a0 instanceof NumError e && e.Err != ErrRange) {
      e.Func = fn;
      e.Num = s0;
      return intResult(0, e);
    }
    if (bitSize == 0) bitSize = 64;
    long un = u.j0;
    long cutoff = 1L << (bitSize - 1); // as unsigned: 2^(bitSize-1)
    if (!neg && Long.compareUnsigned(un, cutoff) >= 0) return intResult(cutoff - 1, rangeError(fn, s0));
    if (neg && Long.compareUnsigned(un, cutoff) > 0) return intResult(-cutoff, rangeError(fn, s0));
    return intResult(neg ? -un : un, null);
  }

  /** ParseUint(s string, base int, bitSize int) (uint64, error). */
  public static Tuple ParseUint(G g, String s, long base, long bitSize) {
    final String fn = "ParseUint";
    if (s.isEmpty()) return intResult(0, syntaxError(fn, s));
    boolean base0 = base == 0;
    String s0 = s;
    if (2 <= base && base <= 36) {
      // valid base
    } else if (base == 0) {
      base = 10;
      if (s.charAt(0) == '0') {
        if (s.length() >= 3 && (s.charAt(1) | 0x20) == 'b') { base = 2; s = s.substring(2); }
        else if (s.length() >= 3 && (s.charAt(1) | 0x20) == 'o') { base = 8; s = s.substring(2); }
        else if (s.length() >= 3 && (s.charAt(1) | 0x20) == 'x') { base = 16; s = s.substring(2); }
        else { base = 8; s = s.substring(1); }
      }
    } else {
      return intResult(0, new NumError(fn, s0, new errors.ErrorString("invalid base " + base)));
    }
    if (bitSize == 0) bitSize = 64;
    else if (bitSize < 0 || bitSize > 64) {
      return intResult(0, new NumError(fn, s0, new errors.ErrorString("invalid bit size " + bitSize)));
    }
    long cutoff = Long.divideUnsigned(-1L, base) + 1; // first n with n*base overflowing uint64
    long maxVal = bitSize == 64 ? -1L : (1L << bitSize) - 1;
    boolean underscores = false;
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d;
      if (c == '_' && base0) { underscores = true; continue; }
      else if ('0' <= c && c <= '9') d = c - '0';
      else if ('a' <= (c | 0x20) && (c | 0x20) <= 'z') d = (c | 0x20) - 'a' + 10;
      else return intResult(0, syntaxError(fn, s0));
      if (d >= base) return intResult(0, syntaxError(fn, s0));
      if (Long.compareUnsigned(n, cutoff) >= 0) return intResult(maxVal, rangeError(fn, s0));
      n *= base;
      long n1 = n + d;
      if (Long.compareUnsigned(n1, n) < 0 || Long.compareUnsigned(n1, maxVal) > 0) {
        return intResult(maxVal, rangeError(fn, s0));
      }
      n = n1;
    }
    if (underscores && !underscoreOK(s0)) return intResult(0, syntaxError(fn, s0));
    return intResult(n, null);
  }

  /** Whether the underscores in s are digit separators as in Go literals (between digits, or after a base prefix). */
  static boolean underscoreOK(String s) {
    char saw = '^';
    int i = 0;
    if (s.length() >= 1 && (s.charAt(0) == '-' || s.charAt(0) == '+')) s = s.substring(1);
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char p = (char) (s.charAt(1) | 0x20);
      if (p == 'b' || p == 'o' || p == 'x') {
        i = 2;
        saw = '0'; // the base prefix counts as a digit
        hex = p == 'x';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      char lc = (char) (c | 0x20);
      if (('0' <= c && c <= '9') || (hex && 'a' <= lc && lc <= 'f')) { saw = '0'; continue; }
      if (c == '_') {
        if (saw != '0') return false;
        saw = '_';
        continue;
      }
      if (saw == '_') return false;
      saw = '!';
    }
    return saw != '_';
  }

  // ------------------------------------------------------------------ bools

  public static String FormatBool(G g, boolean b) { return b ? "true" : "false"; }

  /** ParseBool(str string) (bool, error): the bool in j0 (1 or 0). */
  public static Tuple ParseBool(G g, String s) {
    switch (s) {
      case "1": case "t": case "T": case "true": case "TRUE": case "True": return intResult(1, null);
      case "0": case "f": case "F": case "false": case "FALSE": case "False": return intResult(0, null);
      default: return intResult(0, syntaxError("ParseBool", s));
    }
  }

  // ------------------------------------------------------------------ floats

  /** FormatFloat(f float64, fmt byte, prec, bitSize int) string. */
  public static String FormatFloat(G g, double f, long fmt, long prec, long bitSize) {
    if (bitSize != 32 && bitSize != 64) throw new Panic("strconv: illegal AppendFloat/FormatFloat bitSize");
    return Ftoa.format(f, (char) fmt, (int) prec, (int) bitSize);
  }

  /**
   * FormatComplex(c complex128, fmt byte, prec, bitSize int) string: "(re+imi)", each part formatted
   * by FormatFloat with half the bit size (64 for complex64, 128 for complex128).
   */
  public static String FormatComplex(G g, gol.runtime.Complex c, long fmt, long prec, long bitSize) {
    if (bitSize != 64 && bitSize != 128) throw new Panic("invalid bitSize");
    String re = FormatFloat(g, c.re, fmt, prec, bitSize / 2);
    String im = FormatFloat(g, c.im, fmt, prec, bitSize / 2);
    if (im.charAt(0) != '+' && im.charAt(0) != '-') im = "+" + im;
    return "(" + re + im + "i)";
  }

  /** ParseFloat(s string, bitSize int) (float64, error): the value in d0, the error in a0. */
  public static Tuple ParseFloat(G g, String s, long bitSize) {
    Tuple t = new Tuple();
    Object r = Atof.parse(s, bitSize == 32);
    if (r instanceof Double d) {
      t.d0 = d;
    } else {
      Atof.Failure fail = (Atof.Failure) r;
      t.d0 = fail.value;
      t.a0 = fail.range ? rangeError("ParseFloat", s) : syntaxError("ParseFloat", s);
    }
    return t;
  }

  // ------------------------------------------------------------------ quoting

  public static String Quote(G g, String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    Quoting.appendQuoted(sb, s, '"', false);
    return sb.toString();
  }

  public static String QuoteToASCII(G g, String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    Quoting.appendQuoted(sb, s, '"', true);
    return sb.toString();
  }

  public static String QuoteRune(G g, long r) {
    StringBuilder sb = new StringBuilder(8);
    Quoting.appendQuotedRune(sb, (int) r, false);
    return sb.toString();
  }

  public static String QuoteRuneToASCII(G g, long r) {
    StringBuilder sb = new StringBuilder(8);
    Quoting.appendQuotedRune(sb, (int) r, true);
    return sb.toString();
  }

  public static boolean CanBackquote(G g, String s) { return Quoting.canBackquote(s); }

  public static boolean IsPrint(G g, long r) { return Quoting.isPrint((int) r); }

  /** Unquote(s string) (string, error): the string in a0, the error (ErrSyntax) in a1. */
  public static Tuple Unquote(G g, String s) {
    Tuple t = new Tuple();
    String r = Unquoting.unquote(s);
    if (r == null) { t.a0 = ""; t.a1 = ErrSyntax; } else t.a0 = r;
    return t;
  }

  static String goString(String javaString) { return GoString.fromJava(javaString); }
}
