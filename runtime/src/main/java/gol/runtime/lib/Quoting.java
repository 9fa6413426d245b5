package gol.runtime.lib;

import gol.runtime.GoString;

/**
 * Go-syntax quoting of strings and runes (strconv.Quote, QuoteRune, QuoteToASCII, CanBackquote,
 * IsPrint), shared by strconv and fmt's %q. Strings are Go strings (one char per byte); invalid
 * UTF-8 bytes are written as backslash-x hh escapes, non-printable runes as backslash-u or backslash-U
 * escapes, as Go does.
 *
 * <p>Printability follows Go's unicode.IsPrint: letters, marks, numbers, punctuation and symbols
 * (general categories L, M, N, P, S) plus the ASCII space. The JDK 17 category tables and Go 1.19
 * both implement Unicode 13.0, so the answers agree.
 */
public final class Quoting {
  private Quoting() {}

  private static final String LOWERHEX = "0123456789abcdef";

  /** Go's strconv.IsPrint. */
  public static boolean isPrint(int r) {
    if (r < 0x80) return r >= 0x20 && r < 0x7F;
    if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return false;
    switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER: case Character.LOWERCASE_LETTER: case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER: case Character.OTHER_LETTER:
      case Character.NON_SPACING_MARK: case Character.ENCLOSING_MARK: case Character.COMBINING_SPACING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER: case Character.LETTER_NUMBER: case Character.OTHER_NUMBER:
      case Character.CONNECTOR_PUNCTUATION: case Character.DASH_PUNCTUATION: case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION: case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION: case Character.OTHER_PUNCTUATION:
      case Character.MATH_SYMBOL: case Character.CURRENCY_SYMBOL: case Character.MODIFIER_SYMBOL:
      case Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  /** strconv.Quote (asciiOnly = false) and strconv.QuoteToASCII (asciiOnly = true), appended to sb. */
  public static void appendQuoted(StringBuilder sb, String s, char quote, boolean asciiOnly) {
    sb.append(quote);
    for (int i = 0, n = s.length(); i < n; ) {
      int r = s.charAt(i);
      int width = 1;
      if (r >= 0x80) {
        long d = GoString.decodeRune(s, i);
        r = GoString.rune(d);
        width = GoString.width(d);
      }
      if (width == 1 && r == GoString.RUNE_ERROR) {
        int b = s.charAt(i);
        sb.append("\\x").append(LOWERHEX.charAt(b >> 4)).append(LOWERHEX.charAt(b & 0xF));
      } else {
        appendEscapedRune(sb, r, quote, asciiOnly);
      }
      i += width;
    }
    sb.append(quote);
  }

  /** strconv.QuoteRune / QuoteRuneToASCII, appended to sb; invalid runes quote as U+FFFD. */
  public static void appendQuotedRune(StringBuilder sb, long r, boolean asciiOnly) {
    int rr = validRune(r) ? (int) r : GoString.RUNE_ERROR;
    sb.append('\'');
    appendEscapedRune(sb, rr, '\'', asciiOnly);
    sb.append('\'');
  }

  static boolean validRune(long r) {
    return r >= 0 && r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF);
  }

  private static void appendEscapedRune(StringBuilder sb, int r, char quote, boolean asciiOnly) {
    if (r == quote || r == '\\') {
      sb.append('\\').append((char) r);
      return;
    }
    if (asciiOnly) {
      if (r < 0x80 && isPrint(r)) { sb.append((char) r); return; }
    } else if (isPrint(r)) {
      GoString.appendRune(sb, r);
      return;
    }
    switch (r) {
      case 7 -> sb.append("\\a");
      case '\b' -> sb.append("\\b");
      case '\f' -> sb.append("\\f");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 11 -> sb.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7F) {
          sb.append("\\x").append(LOWERHEX.charAt(r >> 4)).append(LOWERHEX.charAt(r & 0xF));
        } else {
          if (!validRune(r)) r = GoString.RUNE_ERROR;
          if (r < 0x10000) {
            sb.append("\\u");
            for (int s = 12; s >= 0; s -= 4) sb.append(LOWERHEX.charAt((r >> s) & 0xF));
          } else {
            sb.append("\\U");
            for (int s = 28; s >= 0; s -= 4) sb.append(LOWERHEX.charAt((r >> s) & 0xF));
          }
        }
      }
    }
  }

  /** strconv.CanBackquote: s has no control characters other than tab, no backquote, no DEL, valid UTF-8. */
  public static boolean canBackquote(String s) {
    for (int i = 0, n = s.length(); i < n; ) {
      int c = s.charAt(i);
      if (c < 0x80) {
        if ((c < ' ' && c != '\t') || c == '`' || c == 0x7F) return false;
        i++;
        continue;
      }
      long d = GoString.decodeRune(s, i);
      int r = GoString.rune(d), w = GoString.width(d);
      if (w == 1 && r == GoString.RUNE_ERROR) return false;
      if (r == 0xFEFF) return false; // byte order mark
      i += w;
    }
    return true;
  }
}
