package gol.runtime.lib;

import gol.runtime.GoString;

/**
 * strconv.Unquote: the value of a Go string or rune literal ("...", `...`, '.') given as text.
 * Follows Go's rules: escapes as in the language (\n, \x41, \u00e9, \101, \' only in rune literals,
 * \" only in strings), no newline inside quotes, carriage returns dropped from raw strings, a rune
 * literal holds exactly one character. Returns null for anything malformed (Go's ErrSyntax).
 */
final class Unquoting {
  private Unquoting() {}

  static String unquote(String in) {
    int n = in.length();
    if (n < 2) return null;
    char quote = in.charAt(0);
    int end = in.indexOf(quote, 1);
    if (end < 0) return null;
    end++; // just after the closing quote, if no escape hides it
    switch (quote) {
      case '`': {
        if (end != n) return null; // text after the raw string
        return in.substring(1, end - 1).replace("\r", "");
      }
      case '"':
      case '\'': {
        String body = in.substring(1, end - 1);
        if (body.indexOf('\\') < 0 && body.indexOf('\n') < 0 && end == n) {
          boolean valid;
          if (quote == '"') {
            valid = GoString.validUTF8(body);
          } else {
            long d = body.isEmpty() ? 0 : GoString.decodeRune(body, 0);
            valid = !body.isEmpty() && GoString.width(d) == body.length()
                && (GoString.rune(d) != GoString.RUNE_ERROR || GoString.width(d) != 1);
          }
          if (valid) return body;
        }
        StringBuilder buf = new StringBuilder(n);
        int i = 1;
        while (i < n && in.charAt(i) != quote) {
          if (in.charAt(i) == '\n') return null;
          i = unquoteChar(in, i, quote, buf);
          if (i < 0) return null;
          if (quote == '\'') break;
        }
        if (!(i < n && in.charAt(i) == quote)) return null;
        i++;
        if (i != n) return null; // Unquote wants the whole input to be one literal
        return buf.toString();
      }
      default:
        return null;
    }
  }

  /** Decodes one character or escape at s[i], appending its bytes to buf; returns the next index or -1. */
  private static int unquoteChar(String s, int i, char quote, StringBuilder buf) {
    int n = s.length();
    char c = s.charAt(i);
    if (c == quote) return -1;
    if (c >= 0x80) {
      long d = GoString.decodeRune(s, i);
      GoString.appendRune(buf, GoString.rune(d));
      return i + GoString.width(d);
    }
    if (c != '\\') { buf.append(c); return i + 1; }
    if (i + 1 >= n) return -1;
    c = s.charAt(i + 1);
    i += 2;
    switch (c) {
      case 'a' -> buf.append((char) 7);
      case 'b' -> buf.append('\b');
      case 'f' -> buf.append('\f');
      case 'n' -> buf.append('\n');
      case 'r' -> buf.append('\r');
      case 't' -> buf.append('\t');
      case 'v' -> buf.append((char) 11);
      case 'x', 'u', 'U' -> {
        int k = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (i + k > n) return -1;
        long v = 0;
        for (int j = 0; j < k; j++) {
          int x = Character.digit(s.charAt(i + j), 16);
          if (x < 0 || s.charAt(i + j) > 'f') return -1;
          v = (v << 4) | x;
        }
        i += k;
        if (c == 'x') { buf.append((char) v); break; } // a single byte
        if (!Quoting.validRune(v)) return -1;
        GoString.appendRune(buf, v);
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        int v = c - '0';
        if (i + 2 > n) return -1;
        for (int j = 0; j < 2; j++) {
          int x = s.charAt(i + j) - '0';
          if (x < 0 || x > 7) return -1;
          v = (v << 3) | x;
        }
        i += 2;
        if (v > 255) return -1;
        buf.append((char) v);
      }
      case '\\' -> buf.append('\\');
      case '\'', '"' -> {
        if (c != quote) return -1;
        buf.append(c);
      }
      default -> { return -1; }
    }
    return i;
  }
}
