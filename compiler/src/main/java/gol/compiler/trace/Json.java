package gol.compiler.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader (RFC 8259), enough for trace files: objects become {@code Map<String,Object>}
 * (insertion order kept), arrays {@code List<Object>}, strings {@code String}, true/false
 * {@code Boolean}, null {@code null}, and numbers {@link Num}, which keep their text so that a
 * microsecond timestamp such as {@code 12.345} converts to nanoseconds exactly.
 *
 * <p>gol has no JSON dependency: this reader is about 150 lines and is tested on its own
 * (JsonTest). It throws {@link IllegalArgumentException} with the offset on malformed input.
 */
public final class Json {
  /** A JSON number, as written. */
  public record Num(String text) {
    public double asDouble() {
      return Double.parseDouble(text);
    }

    public long asLong() {
      return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0 ? Long.parseLong(text) : (long) asDouble();
    }

    /** The number read as microseconds, in nanoseconds (exact for up to three decimals). */
    public long usToNs() {
      int dot = text.indexOf('.');
      if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) return Math.round(asDouble() * 1000);
      if (dot < 0) return Long.parseLong(text) * 1000;
      String frac = (text.substring(dot + 1) + "000");
      long whole = dot == 0 || text.substring(0, dot).equals("-") ? 0 : Long.parseLong(text.substring(0, dot));
      long f = Long.parseLong(frac.substring(0, 3));
      boolean neg = text.startsWith("-");
      return neg ? whole * 1000 - f : whole * 1000 + f;
    }

    @Override public String toString() {
      return text;
    }
  }

  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  /** Parses one JSON value (surrounding whitespace allowed). */
  public static Object parse(String text) {
    Json j = new Json(text);
    j.ws();
    Object v = j.value();
    j.ws();
    if (j.i != text.length()) throw j.error("trailing characters");
    return v;
  }

  private IllegalArgumentException error(String msg) {
    return new IllegalArgumentException("JSON: " + msg + " at offset " + i);
  }

  private void ws() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') i++;
      else break;
    }
  }

  private Object value() {
    if (i >= s.length()) throw error("unexpected end");
    char c = s.charAt(i);
    switch (c) {
      case '{': return object();
      case '[': return array();
      case '"': return string();
      case 't': return word("true", Boolean.TRUE);
      case 'f': return word("false", Boolean.FALSE);
      case 'n': return word("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        throw error("unexpected '" + c + "'");
    }
  }

  private Object word(String w, Object v) {
    if (!s.startsWith(w, i)) throw error("expected " + w);
    i += w.length();
    return v;
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    ws();
    if (peek() == '}') {
      i++;
      return m;
    }
    for (;;) {
      ws();
      if (peek() != '"') throw error("expected a key");
      String k = string();
      ws();
      if (peek() != ':') throw error("expected ':'");
      i++;
      ws();
      m.put(k, value());
      ws();
      char c = peek();
      i++;
      if (c == '}') return m;
      if (c != ',') throw error("expected ',' or '}'");
    }
  }

  private List<Object> array() {
    List<Object> a = new ArrayList<>();
    i++;
    ws();
    if (peek() == ']') {
      i++;
      return a;
    }
    for (;;) {
      ws();
      a.add(value());
      ws();
      char c = peek();
      i++;
      if (c == ']') return a;
      if (c != ',') throw error("expected ',' or ']'");
    }
  }

  private char peek() {
    if (i >= s.length()) throw error("unexpected end");
    return s.charAt(i);
  }

  private String string() {
    i++; // opening quote
    StringBuilder b = null;
    int start = i;
    for (;;) {
      if (i >= s.length()) throw error("unterminated string");
      char c = s.charAt(i);
      if (c == '"') {
        String out = b == null ? s.substring(start, i) : b.append(s, start, i).toString();
        i++;
        return out;
      }
      if (c < 0x20) throw error("control character in string");
      if (c == '\\') {
        if (b == null) b = new StringBuilder();
        b.append(s, start, i);
        i++;
        char e = peek();
        switch (e) {
          case '"': b.append('"'); break;
          case '\\': b.append('\\'); break;
          case '/': b.append('/'); break;
          case 'b': b.append('\b'); break;
          case 'f': b.append('\f'); break;
          case 'n': b.append('\n'); break;
          case 'r': b.append('\r'); break;
          case 't': b.append('\t'); break;
          case 'u':
            if (i + 5 > s.length()) throw error("bad \\u escape");
            b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
            break;
          default: throw error("bad escape \\" + e);
        }
        i++;
        start = i;
        continue;
      }
      i++;
    }
  }

  private Num number() {
    int start = i;
    if (peek() == '-') i++;
    if (i >= s.length() || !Character.isDigit(s.charAt(i))) throw error("bad number");
    while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      if (i >= s.length() || !Character.isDigit(s.charAt(i))) throw error("bad fraction");
      while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
      if (i >= s.length() || !Character.isDigit(s.charAt(i))) throw error("bad exponent");
      while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
    }
    return new Num(s.substring(start, i));
  }
}
