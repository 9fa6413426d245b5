package gol.compiler.syntax;

import gol.compiler.ast.Pos;

/**
 * The checks Go's scanner makes on single tokens, which the (deliberately loose) JavaCC token patterns
 * do not: characters that start no token, identifier characters, the digits, separators and exponents
 * of number literals, escapes and lengths of rune and string literals, unterminated literals.
 *
 * <p>Each failure throws a {@link SyntaxError} with Go's message (go1.19 cmd/compile wording) at the
 * position Go reports. A token that passes is a valid Go token; its value is decoded later by the
 * checker from {@code BasicLit.text}.
 */
final class LexicalChecks implements GolParserConstants {
  private LexicalChecks() {}

  static void check(Token t, LineMap lines) {
    switch (t.kind) {
      case INVALID_CHAR: throw at(t, 0, lines, "invalid character " + goU(t.image.codePointAt(0)));
      case IDENT: identifier(t, lines); break;
      case INT_LIT: case FLOAT_LIT: number(t, t.image, lines); break;
      case IMAG_LIT: imaginary(t, lines); break;
      case STRING_LIT: escapes(t, lines, '"'); break;
      case CHAR_LIT: rune(t, lines); break;
      case UNTERMINATED_STRING: unterminated(t, lines, "newline in string", "string not terminated"); break;
      case UNTERMINATED_CHAR: unterminated(t, lines, "newline in rune literal", "rune literal not terminated"); break;
      case UNTERMINATED_RAW_STRING: throw at(t, 0, lines, "string not terminated");
      default: break;
    }
  }

  // ---- identifiers ----

  private static void identifier(Token t, LineMap lines) {
    String s = t.image;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp >= 0x80 && !Character.isLetter(cp)) {
        if (cp == 0xFEFF) throw at(t, i, lines, "invalid BOM in the middle of the file");
        if (Character.isDigit(cp)) {
          if (i == 0) throw at(t, i, lines, "identifier cannot begin with digit " + goU(cp));
        } else {
          throw at(t, i, lines, "invalid character " + goU(cp) + " in identifier");
        }
      }
      i += Character.charCount(cp);
    }
  }

  // ---- numbers ----

  private static void imaginary(Token t, LineMap lines) {
    String s = t.image.substring(0, t.image.length() - 1);
    // An imaginary literal's all-decimal integer part is decimal even with a leading 0 (Go spec).
    if (s.matches("[0-9_]+")) { separators(t, s, lines); return; }
    number(t, s, lines);
  }

  /** Checks an int or float literal's spelling s (t's image, without an imaginary 'i'). */
  private static void number(Token t, String s, LineMap lines) {
    int base = 10, i = 0;
    String name = "decimal";
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char p = Character.toLowerCase(s.charAt(1));
      if (p == 'x') { base = 16; name = "hexadecimal"; i = 2; }
      else if (p == 'b') { base = 2; name = "binary"; i = 2; }
      else if (p == 'o') { base = 8; name = "octal"; i = 2; }
    }
    boolean isFloat = t.kind == FLOAT_LIT || (t.kind == IMAG_LIT && (s.indexOf('.') >= 0
        || (base == 10 && s.toLowerCase().indexOf('e') >= 0) || (base == 16 && s.toLowerCase().indexOf('p') >= 0)));
    if (base == 10 && !isFloat && s.length() > 1 && s.charAt(0) == '0') { base = 8; name = "octal"; } // legacy 0777

    // mantissa digits
    int digits = 0;
    int j = i;
    for (; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '_') continue;
      if (c == '.') continue;
      int d = Character.digit(c, 16);
      if (base == 10 && (c == 'e' || c == 'E')) break;
      if (base == 16 && (c == 'p' || c == 'P')) break;
      if (d < 0) break;
      if (base != 16 && d >= 10) break;
      if (d >= base) throw at(t, j, lines, "invalid digit '" + c + "' in " + name + " literal");
      digits++;
    }
    if (digits == 0 && base != 10) throw at(t, s.length(), lines, name + " literal has no digits");
    if (j < s.length()) { // exponent
      char e = Character.toLowerCase(s.charAt(j));
      if (e == 'p' && base != 16) throw at(t, j, lines, "'p' exponent requires hexadecimal mantissa");
      int k = j + 1;
      if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) k++;
      if (k >= s.length()) throw at(t, s.length(), lines, "exponent has no digits");
    } else if (base == 16 && s.indexOf('.') >= 0) {
      throw at(t, s.length(), lines, "hexadecimal mantissa requires a 'p' exponent");
    }
    separators(t, s, lines);
  }

  /** Go's rule: each '_' must sit between two digits (a base prefix counts as a digit). */
  private static void separators(Token t, String s, LineMap lines) {
    if (s.indexOf('_') < 0) return;
    boolean hex = s.length() >= 2 && s.charAt(0) == '0' && Character.toLowerCase(s.charAt(1)) == 'x';
    int i = 0;
    char prev = '.'; // '0' after a digit, '_' after a separator, '.' after anything else
    if (s.length() >= 2 && s.charAt(0) == '0' && "xXoObB".indexOf(s.charAt(1)) >= 0) { prev = '0'; i = 2; }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        if (prev != '0') throw at(t, i, lines, "'_' must separate successive digits");
        prev = '_';
      } else if (Character.isDigit(c) || (hex && Character.digit(c, 16) >= 0)) {
        prev = '0';
      } else {
        if (prev == '_') throw at(t, i - 1, lines, "'_' must separate successive digits");
        prev = '.';
      }
    }
    if (prev == '_') throw at(t, s.length() - 1, lines, "'_' must separate successive digits");
  }

  // ---- runes and strings ----

  private static void rune(Token t, LineMap lines) {
    int n = escapes(t, lines, '\'');
    if (n == 0) throw at(t, t.image.length() - 1, lines, "empty rune literal or unescaped '");
    if (n > 1) throw at(t, 0, lines, "more than one character in rune literal");
  }

  /** Validates the escapes between t's quotes; returns the number of characters (code points) it denotes. */
  private static int escapes(Token t, LineMap lines, char quote) {
    String s = t.image;
    int count = 0;
    int end = s.length() - 1; // the closing quote
    for (int i = 1; i < end; ) {
      char c = s.charAt(i);
      count++;
      if (c != '\\') { i += Character.charCount(s.codePointAt(i)); continue; }
      char e = s.charAt(i + 1);
      int n, base, max;
      switch (e) {
        case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
          i += 2; continue;
        case 'x': n = 2; base = 16; max = 255; i += 2; break;
        case 'u': n = 4; base = 16; max = 0x10FFFF; i += 2; break;
        case 'U': n = 8; base = 16; max = 0x10FFFF; i += 2; break;
        default:
          if (e == quote) { i += 2; continue; }
          if (e >= '0' && e <= '7') { n = 3; base = 8; max = 255; i += 1; break; }
          throw at(t, i + 1, lines, "unknown escape");
      }
      long v = 0;
      for (int k = 0; k < n; k++, i++) {
        int d = i < s.length() ? Character.digit(s.charAt(i), base) : -1;
        if (d < 0) {
          char bad = s.charAt(i);
          throw at(t, i, lines, "invalid character " + goQuote(bad) + " in " + (base == 8 ? "octal" : "hexadecimal") + " escape");
        }
        v = v * base + d;
      }
      if (base == 8 && v > max) throw at(t, i, lines, "octal escape value " + v + " > 255");
      if (e == 'u' || e == 'U') {
        if (v > max || (v >= 0xD800 && v < 0xE000))
          throw at(t, i, lines, "escape is invalid Unicode code point " + String.format("U+%04X", v));
      }
    }
    return count;
  }

  private static void unterminated(Token t, LineMap lines, String newlineMsg, String eofMsg) {
    String src = lines.source();
    int from = lines.offset(t.beginLine, t.beginColumn);
    int nl = src.indexOf('\n', from);
    if (nl >= 0) throw new SyntaxError(lines.posOfOffset(nl), newlineMsg);
    throw at(t, 0, lines, eofMsg);
  }

  // ---- helpers ----

  /** An error at char index k of t's image (t is on one line for every caller). */
  private static SyntaxError at(Token t, int k, LineMap lines, String msg) {
    return new SyntaxError(lines.posOfOffset(lines.offset(t.beginLine, t.beginColumn) + k), msg);
  }

  /** Go's %#U: U+0040 '@', or just U+0001 for a character that does not print. */
  static String goU(int cp) {
    String u = String.format("U+%04X", cp);
    boolean printable = !Character.isISOControl(cp) && Character.isDefined(cp) && cp != 0x7F
        && Character.getType(cp) != Character.FORMAT && !Character.isWhitespace(cp) && cp != 0xA0;
    return printable || cp == ' ' ? u + " '" + new String(Character.toChars(cp)) + "'" : u;
  }

  /** Go's %q for a rune: '"', '\'', '\n'. */
  private static String goQuote(char c) {
    switch (c) {
      case '\'': return "'\\''";
      case '\n': return "'\\n'";
      case '\t': return "'\\t'";
      case '\\': return "'\\\\'";
      default: return c < 0x20 ? String.format("'\\x%02x'", (int) c) : "'" + c + "'";
    }
  }
}
