package gol.runtime.lib;

import gol.runtime.G;

/**
 * Go's package unicode (the subset gol supports). Go 1.19 and Java 17 both implement Unicode 13.0, so
 * the general categories come from {@link Character#getType(int)}; where Go's definitions differ from
 * Java's similarly named methods they are spelled out here: IsUpper/IsLower are exactly categories
 * Lu/Ll (Java adds Other_Uppercase/Other_Lowercase), IsSpace is Go's Latin-1 list plus the
 * White_Space property, IsPunct is the P categories. Runes outside 0..0x10FFFF have no properties and
 * map to themselves.
 */
public final class unicode {
  private unicode() {}

  public static final long MaxRune = 0x10FFFF;
  public static final long ReplacementChar = 0xFFFD;

  private static int type(long r) {
    return r < 0 || r > MaxRune ? Character.UNASSIGNED : Character.getType((int) r);
  }

  public static boolean IsLetter(G g, long r) {
    switch (type(r)) {
      case Character.UPPERCASE_LETTER: case Character.LOWERCASE_LETTER: case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER: case Character.OTHER_LETTER:
        return true;
      default:
        return false;
    }
  }

  public static boolean IsDigit(G g, long r) { return type(r) == Character.DECIMAL_DIGIT_NUMBER; }

  /** Category N: Nd, Nl, No. */
  public static boolean IsNumber(G g, long r) {
    int t = type(r);
    return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
  }

  public static boolean IsUpper(G g, long r) { return type(r) == Character.UPPERCASE_LETTER; }

  public static boolean IsLower(G g, long r) { return type(r) == Character.LOWERCASE_LETTER; }

  public static boolean IsTitle(G g, long r) { return type(r) == Character.TITLECASE_LETTER; }

  /** Category M: Mn, Mc, Me. */
  public static boolean IsMark(G g, long r) {
    int t = type(r);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
  }

  public static boolean IsPunct(G g, long r) {
    switch (type(r)) {
      case Character.CONNECTOR_PUNCTUATION: case Character.DASH_PUNCTUATION: case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION: case Character.INITIAL_QUOTE_PUNCTUATION: case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
        return true;
      default:
        return false;
    }
  }

  /** Category S: Sm, Sc, Sk, So. */
  public static boolean IsSymbol(G g, long r) {
    int t = type(r);
    return t == Character.MATH_SYMBOL || t == Character.CURRENCY_SYMBOL || t == Character.MODIFIER_SYMBOL
        || t == Character.OTHER_SYMBOL;
  }

  /** Category C: Cc, Cf, Cs, Co (Go's Other table has no Cn). */
  public static boolean IsControl(G g, long r) { return type(r) == Character.CONTROL; }

  /** Go's IsSpace: '\t', '\n', '\v', '\f', '\r', ' ', U+0085, U+00A0, and other White_Space runes. */
  public static boolean IsSpace(G g, long r) {
    if (r <= 0xFF) return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
    return r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F
        || r == 0x205F || r == 0x3000;
  }

  /**
   * Go's IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space (not other
   * spaces).
   */
  public static boolean IsPrint(G g, long r) {
    if (r == ' ') return true;
    return IsLetter(g, r) || IsMark(g, r) || IsNumber(g, r) || IsPunct(g, r) || IsSymbol(g, r);
  }

  /** Like IsPrint but also every Zs space. */
  public static boolean IsGraphic(G g, long r) {
    return IsPrint(g, r) || type(r) == Character.SPACE_SEPARATOR;
  }

  public static long ToUpper(G g, long r) {
    if (r < 0x80) return r >= 'a' && r <= 'z' ? r - 32 : r;
    return r > MaxRune ? r : Character.toUpperCase((int) r);
  }

  public static long ToLower(G g, long r) {
    if (r < 0x80) return r >= 'A' && r <= 'Z' ? r + 32 : r;
    return r > MaxRune ? r : Character.toLowerCase((int) r);
  }

  public static long ToTitle(G g, long r) {
    if (r < 0x80) return r >= 'a' && r <= 'z' ? r - 32 : r;
    return r > MaxRune ? r : Character.toTitleCase((int) r);
  }
}
