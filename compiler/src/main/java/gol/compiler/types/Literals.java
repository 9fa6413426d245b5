package gol.compiler.types;

import gol.compiler.types.Constant.Float;
import gol.compiler.types.Constant.Int;
import gol.compiler.types.Constant.Str;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the source spelling of a basic literal into its exact constant value: integers in every
 * base with {@code _} separators, decimal and hexadecimal floats, rune literals and interpreted or raw
 * strings with all of Go's escapes. Strings become {@link Str} values holding one char per UTF-8 byte.
 *
 * <p>The parser has already checked the literal's syntax; a malformed literal here throws
 * {@link IllegalArgumentException} with a message suitable for the user.
 */
final class Literals {
  private Literals() {}

  static Int integer(String text) {
    String s = text.replace("_", "");
    if (s.length() > 1 && s.charAt(0) == '0') {
      char p = Character.toLowerCase(s.charAt(1));
      if (p == 'x') return new Int(new BigInteger(s.substring(2), 16));
      if (p == 'b') return new Int(new BigInteger(s.substring(2), 2));
      if (p == 'o') return new Int(new BigInteger(s.substring(2), 8));
      return new Int(new BigInteger(s.substring(1), 8));
    }
    return new Int(new BigInteger(s));
  }

  /**
   * An imaginary literal ({@code 2i}, {@code 1.5e3i}, {@code 0x1p-2i}) as the complex constant
   * (0, value). An all-decimal integer part is decimal even with leading zeros ({@code 0123i} is 123i).
   */
  static Constant.Complex imaginary(String text) {
    String s = text.substring(0, text.length() - 1).replace("_", "");
    boolean hex = s.length() > 1 && s.charAt(0) == '0' && Character.toLowerCase(s.charAt(1)) == 'x';
    Constant v;
    if (hex) v = s.indexOf('p') >= 0 || s.indexOf('P') >= 0 || s.indexOf('.') >= 0 ? floating(s) : integer(s);
    else if (s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0) v = floating(s);
    else if (s.chars().allMatch(Character::isDigit)) v = new Int(new BigInteger(s));
    else v = integer(s);
    return new Constant.Complex(new Int(BigInteger.ZERO), v);
  }

  static Float floating(String text) {
    String s = text.replace("_", "");
    if (s.length() > 1 && s.charAt(0) == '0' && Character.toLowerCase(s.charAt(1)) == 'x') return hexFloat(s.substring(2));
    return new Float(new BigDecimal(s));
  }

  /** {@code 1.8p3}, {@code .8p-2}, {@code 1p10}: hexadecimal mantissa times a power of two. */
  private static Float hexFloat(String s) {
    int p = Math.max(s.indexOf('p'), s.indexOf('P'));
    String mant = p < 0 ? s : s.substring(0, p);
    int exp = p < 0 ? 0 : Integer.parseInt(s.substring(p + 1).replace("+", ""));
    int dot = mant.indexOf('.');
    if (dot >= 0) {
      exp -= 4 * (mant.length() - dot - 1);
      mant = mant.substring(0, dot) + mant.substring(dot + 1);
    }
    BigDecimal m = new BigDecimal(new BigInteger(mant.isEmpty() ? "0" : mant, 16));
    BigDecimal two = BigDecimal.valueOf(2);
    BigDecimal v = exp >= 0 ? m.multiply(two.pow(exp)) : m.divide(two.pow(-exp));
    return new Float(v);
  }

  /** The code point of a rune literal such as {@code 'a'}, {@code '\n'}, {@code '\u00e9'}, {@code '\377'}. */
  static Int rune(String text) {
    String body = text.substring(1, text.length() - 1);
    if (body.startsWith("\\")) {
      int[] out = new int[2];
      escape(body, 0, '\'', out);
      return new Int(BigInteger.valueOf(out[0]));
    }
    return new Int(BigInteger.valueOf(body.codePointAt(0)));
  }

  /** The byte string of an interpreted ({@code "..."}) or raw ({@code `...`}) string literal. */
  static Str string(String text) {
    if (text.startsWith("`")) {
      String body = text.substring(1, text.length() - 1).replace("\r", "");
      return new Str(bytesOf(body));
    }
    String body = text.substring(1, text.length() - 1);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int[] out = new int[2];
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '\\') {
        int cp = body.codePointAt(i);
        sb.append(bytesOf(new String(Character.toChars(cp))));
        i += Character.charCount(cp);
        continue;
      }
      boolean isByte = escape(body, i, '"', out);
      if (isByte) sb.append((char) out[0]);
      else sb.append(bytesOf(new String(Character.toChars(out[0]))));
      i = out[1];
    }
    return new Str(sb.toString());
  }

  /** The UTF-8 bytes of s as a string of chars 0..255. */
  static String bytesOf(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(b.length);
    for (byte x : b) sb.append((char) (x & 0xff));
    return sb.toString();
  }

  /**
   * Decodes the escape starting at s[i] (a backslash). out[0] receives the value, out[1] the index
   * after the escape. Returns true if the value is a single byte (octal and \x escapes), false if it
   * is a code point to encode as UTF-8.
   */
  private static boolean escape(String s, int i, char quote, int[] out) {
    char c = s.charAt(i + 1);
    switch (c) {
      case 'a': out[0] = 7; out[1] = i + 2; return false;
      case 'b': out[0] = 8; out[1] = i + 2; return false;
      case 'f': out[0] = 12; out[1] = i + 2; return false;
      case 'n': out[0] = 10; out[1] = i + 2; return false;
      case 'r': out[0] = 13; out[1] = i + 2; return false;
      case 't': out[0] = 9; out[1] = i + 2; return false;
      case 'v': out[0] = 11; out[1] = i + 2; return false;
      case '\\': out[0] = '\\'; out[1] = i + 2; return false;
      case '\'': case '"': out[0] = c; out[1] = i + 2; return false;
      case 'x': out[0] = Integer.parseInt(s.substring(i + 2, i + 4), 16); out[1] = i + 4; return true;
      case 'u': out[0] = Integer.parseInt(s.substring(i + 2, i + 6), 16); out[1] = i + 6; return false;
      case 'U': out[0] = Integer.parseInt(s.substring(i + 2, i + 10), 16); out[1] = i + 10; return false;
      default:
        if (c >= '0' && c <= '7') {
          out[0] = Integer.parseInt(s.substring(i + 1, i + 4), 8);
          out[1] = i + 4;
          if (out[0] > 255) throw new IllegalArgumentException("octal escape value > 255: " + out[0]);
          return true;
        }
        throw new IllegalArgumentException("unknown escape sequence");
    }
  }
}
