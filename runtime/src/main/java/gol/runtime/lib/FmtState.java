package gol.runtime.lib;

import gol.runtime.GoString;

/**
 * The formatting of one operand once its Go kind is known, with the flags, width and precision of
 * the current verb: padding, integers in every base, floats, strings, quoted strings, characters,
 * Unicode code points (the counterpart of Go's fmt/format.go). {@link Printer} decides which of these
 * to call for a value and verb. Output goes to {@link #buf} as a Go string (one char per byte).
 * Not thread-safe: one instance per print call.
 */
final class FmtState {
  final StringBuilder buf;

  // Flags of the current verb.
  boolean widPresent, precPresent, minus, plus, sharp, space, zero;
  /** %+v and %#v: the plus/sharp flags moved aside for the 'v' verb (struct field names, Go syntax). */
  boolean plusV, sharpV;
  int wid, prec;

  static final String LDIGITS = "0123456789abcdefx";
  static final String UDIGITS = "0123456789ABCDEFX";

  FmtState(StringBuilder buf) { this.buf = buf; }

  void clearFlags() {
    widPresent = precPresent = minus = plus = sharp = space = zero = plusV = sharpV = false;
    wid = prec = 0;
  }

  // ------------------------------------------------------------------ padding

  void writePadding(int n) {
    if (n <= 0) return;
    char c = zero ? '0' : ' ';
    for (int i = 0; i < n; i++) buf.append(c);
  }

  /** Appends s padded to the width (counted in runes) on the left, or on the right with '-'. */
  void pad(CharSequence s) {
    if (!widPresent || wid == 0) { buf.append(s); return; }
    int width = wid - (int) GoString.runeCount(s.toString());
    if (!minus) { writePadding(width); buf.append(s); }
    else { buf.append(s); writePadding(width); }
  }

  void fmtBoolean(boolean v) { pad(v ? "true" : "false"); }

  // ------------------------------------------------------------------ integers

  /** Formats u (a uint64, or an int64 if signed) in the given base with the current flags. */
  void fmtInteger(long u, int base, boolean signed, char verb, String digits) {
    boolean negative = signed && u < 0;
    if (negative) u = -u; // MinInt64 stays itself and prints correctly as unsigned below

    int prec = 0;
    if (precPresent) {
      prec = this.prec;
      // Precision 0 and value 0 means "print nothing" except padding.
      if (prec == 0 && u == 0) {
        boolean oldZero = zero;
        zero = false;
        writePadding(wid);
        zero = oldZero;
        return;
      }
    } else if (zero && widPresent) {
      prec = wid;
      if (negative || plus || space) prec--; // leave room for the sign
    }

    // Digits right to left into a char buffer.
    char[] b = new char[68 + Math.max(prec, 0) + 3];
    int i = b.length;
    switch (base) {
      case 10 -> {
        while (Long.compareUnsigned(u, 10) >= 0) {
          long next = Long.divideUnsigned(u, 10);
          b[--i] = (char) ('0' + (u - next * 10));
          u = next;
        }
      }
      case 16 -> { while (Long.compareUnsigned(u, 16) >= 0) { b[--i] = digits.charAt((int) (u & 0xF)); u >>>= 4; } }
      case 8 -> { while (Long.compareUnsigned(u, 8) >= 0) { b[--i] = (char) ('0' + (u & 7)); u >>>= 3; } }
      case 2 -> { while (Long.compareUnsigned(u, 2) >= 0) { b[--i] = (char) ('0' + (u & 1)); u >>>= 1; } }
      default -> throw new IllegalArgumentException("base " + base);
    }
    b[--i] = digits.charAt((int) u);
    while (i > 0 && prec > b.length - i) b[--i] = '0';

    if (sharp) {
      switch (base) {
        case 2 -> { b[--i] = 'b'; b[--i] = '0'; }
        case 8 -> { if (b[i] != '0') b[--i] = '0'; }
        case 16 -> { b[--i] = digits.charAt(16); b[--i] = '0'; }
        default -> { }
      }
    }
    if (verb == 'O') { b[--i] = 'o'; b[--i] = '0'; }

    if (negative) b[--i] = '-';
    else if (plus) b[--i] = '+';
    else if (space) b[--i] = ' ';

    // Zero padding was done above as precision (or is ignored when a precision is given).
    boolean oldZero = zero;
    zero = false;
    pad(new String(b, i, b.length - i));
    zero = oldZero;
  }

  /** %U: "U+0078", or with '#' "U+0078 'x'". */
  void fmtUnicode(long u) {
    StringBuilder s = new StringBuilder();
    String hex = Long.toHexString(u).toUpperCase();
    int p = precPresent && prec > 4 ? prec : 4;
    s.append("U+");
    for (int k = hex.length(); k < p; k++) s.append('0');
    s.append(hex);
    if (sharp && u >= 0 && u <= 0x10FFFF && Quoting.isPrint((int) u)) {
      s.append(" '");
      GoString.appendRune(s, u);
      s.append('\'');
    }
    boolean oldZero = zero;
    zero = false;
    pad(s);
    zero = oldZero;
  }

  /** %c: the rune's UTF-8 encoding (U+FFFD if invalid). */
  void fmtC(long c) {
    long r = Long.compareUnsigned(c, 0x10FFFF) > 0 ? GoString.RUNE_ERROR : c;
    pad(GoString.fromRune(r));
  }

  /** %q of an integer: a single-quoted Go character literal. */
  void fmtQc(long c) {
    long r = Long.compareUnsigned(c, 0x10FFFF) > 0 ? GoString.RUNE_ERROR : c;
    StringBuilder s = new StringBuilder();
    Quoting.appendQuotedRune(s, r, plus);
    pad(s);
  }

  // ------------------------------------------------------------------ strings

  /** The first prec runes of s when a precision is given. */
  String truncate(String s) {
    if (precPresent) {
      int n = prec;
      for (int i = 0; i < s.length(); ) {
        if (--n < 0) return s.substring(0, i);
        i += s.charAt(i) < 0x80 ? 1 : GoString.width(GoString.decodeRune(s, i));
      }
    }
    return s;
  }

  void fmtS(String s) { pad(truncate(s)); }

  /** %x / %X of a string or byte slice: two hex digits per byte, with ' ' and '#' variants. */
  void fmtSx(String s, String digits) {
    int length = s.length();
    if (precPresent && prec < length) length = prec;
    int width = 2 * length;
    if (width > 0) {
      if (space) {
        if (sharp) width *= 2;
        width += length - 1;
      } else if (sharp) {
        width += 2;
      }
    } else {
      if (widPresent) writePadding(wid);
      return;
    }
    if (widPresent && wid > width && !minus) writePadding(wid - width);
    if (sharp) buf.append('0').append(digits.charAt(16));
    for (int i = 0; i < length; i++) {
      if (space && i > 0) {
        buf.append(' ');
        if (sharp) buf.append('0').append(digits.charAt(16));
      }
      int c = s.charAt(i);
      buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
    }
    if (widPresent && wid > width && minus) writePadding(wid - width);
  }

  /** %q of a string: double-quoted with escapes, or backquoted with '#' when possible. */
  void fmtQ(String s) {
    s = truncate(s);
    if (sharp && Quoting.canBackquote(s)) {
      pad("`" + s + "`");
      return;
    }
    StringBuilder q = new StringBuilder(s.length() + 2);
    Quoting.appendQuoted(q, s, '"', plus);
    pad(q);
  }

  // ------------------------------------------------------------------ floats

  /** Formats a float with strconv's format byte and precision (-1 shortest), then Go's flag rules. */
  void fmtFloat(double v, int size, char verb, int prec) {
    if (precPresent) prec = this.prec;
    StringBuilder n = new StringBuilder(24);
    n.append('+');
    Ftoa.append(n, v, verb, prec, size);
    if (n.charAt(1) == '-' || n.charAt(1) == '+') n.deleteCharAt(0);
    if (space && n.charAt(0) == '+' && !plus) n.setCharAt(0, ' ');
    // Infinities and NaN are not padded with zeros.
    if (n.charAt(1) == 'I' || n.charAt(1) == 'N') {
      boolean oldZero = zero;
      zero = false;
      if (n.charAt(1) == 'N' && !space && !plus) n.deleteCharAt(0);
      pad(n);
      zero = oldZero;
      return;
    }
    // '#' forces a decimal point and keeps trailing zeros (%g drops them otherwise).
    if (sharp && verb != 'b') {
      int digits = 0;
      if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') digits = prec == -1 ? 6 : prec;
      String tail = "";
      boolean hasDecimalPoint = false, sawNonzeroDigit = false;
      for (int i = 1; i < n.length(); i++) {
        char c = n.charAt(i);
        if (c == '.') {
          hasDecimalPoint = true;
        } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
          tail = n.substring(i);
          n.setLength(i);
          break;
        } else {
          if (c != '0') sawNonzeroDigit = true;
          if (sawNonzeroDigit) digits--;
        }
      }
      if (!hasDecimalPoint) {
        if (n.length() == 2 && n.charAt(1) == '0') digits--; // a lone 0 counts once
        n.append('.');
      }
      while (digits > 0) { n.append('0'); digits--; }
      n.append(tail);
    }
    if (plus || n.charAt(0) != '+') {
      // With zero padding the sign goes before the zeros.
      if (zero && widPresent && wid > n.length()) {
        buf.append(n.charAt(0));
        writePadding(wid - n.length());
        buf.append(n, 1, n.length());
        return;
      }
      pad(n);
      return;
    }
    pad(n.substring(1));
  }
}
