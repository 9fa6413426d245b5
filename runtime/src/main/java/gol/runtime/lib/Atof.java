package gol.runtime.lib;

/**
 * strconv.ParseFloat's syntax and value: checks the text against Go's float syntax (decimal or
 * hexadecimal mantissa, exponent, underscores between digits, "inf"/"infinity"/"nan" in any case),
 * then lets the JDK's correctly rounded parser compute the value (directly as a float for
 * bitSize 32, so there is no double rounding). Values too large for the type are range errors
 * giving ±Inf, as in Go.
 */
final class Atof {
  private Atof() {}

  /** A failed parse: the value Go returns with the error, and whether it is a range error. */
  static final class Failure {
    final double value;
    final boolean range;
    Failure(double value, boolean range) { this.value = value; this.range = range; }
  }

  private static final Failure SYNTAX = new Failure(0, false);

  /** A Double, or a Failure. */
  static Object parse(String s, boolean f32) {
    int n = s.length();
    if (n == 0) return SYNTAX;
    int i = 0;
    boolean neg = false;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') { neg = s.charAt(0) == '-'; i = 1; }
    String rest = s.substring(i).toLowerCase();
    if (rest.equals("inf") || rest.equals("infinity")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    if (rest.equals("nan")) return i == 0 ? (Object) Double.NaN : SYNTAX;

    boolean hex = rest.length() >= 2 && rest.charAt(0) == '0' && rest.charAt(1) == 'x';
    int j = hex ? 2 : 0;
    boolean sawDigits = false, sawDot = false, underscores = false;
    StringBuilder clean = new StringBuilder(n);
    if (neg) clean.append('-');
    if (hex) clean.append("0x");
    for (; j < rest.length(); j++) {
      char c = rest.charAt(j);
      if (c == '_') { underscores = true; continue; }
      if (c == '.') {
        if (sawDot) break;
        sawDot = true;
      } else if (Character.digit(c, hex ? 16 : 10) >= 0 && c <= 'f') {
        sawDigits = true;
      } else {
        break;
      }
      clean.append(c);
    }
    if (!sawDigits) return SYNTAX;
    if (j < rest.length() && rest.charAt(j) == (hex ? 'p' : 'e')) {
      clean.append(hex ? 'p' : 'e');
      j++;
      if (j < rest.length() && (rest.charAt(j) == '+' || rest.charAt(j) == '-')) clean.append(rest.charAt(j++));
      boolean expDigits = false;
      for (; j < rest.length(); j++) {
        char c = rest.charAt(j);
        if (c == '_') { underscores = true; continue; }
        if (c < '0' || c > '9') break;
        expDigits = true;
        clean.append(c);
      }
      if (!expDigits) return SYNTAX;
    } else if (hex) {
      return SYNTAX; // a hexadecimal mantissa needs a 'p' exponent
    }
    if (j != rest.length()) return SYNTAX;
    if (underscores && !strconv.underscoreOK(s)) return SYNTAX;

    String text = clean.toString();
    double v;
    try {
      v = f32 ? (double) Float.parseFloat(text) : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return SYNTAX;
    }
    if (Double.isInfinite(v)) return new Failure(v, true);
    return v;
  }
}
