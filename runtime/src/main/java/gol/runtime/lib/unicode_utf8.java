package gol.runtime.lib;

import gol.runtime.G;
import gol.runtime.GoString;
import gol.runtime.RType;
import gol.runtime.Slice;
import gol.runtime.Tuple;

/**
 * Go's package unicode/utf8. Go strings are byte strings (one char per byte in gol), so this is
 * Go's UTF-8 rules over those bytes: an invalid or truncated sequence decodes as RuneError with
 * width 1 (width 0 for an empty input); runes that cannot be encoded (surrogates, negative, above
 * U+10FFFF) encode as RuneError.
 */
public final class unicode_utf8 {
  private unicode_utf8() {}

  public static final long RuneError = 0xFFFD;
  public static final long RuneSelf = 0x80;
  public static final long MaxRune = 0x10FFFF;
  public static final long UTFMax = 4;

  /** The number of bytes of r's encoding, or -1 if r is not a valid rune. */
  public static long RuneLen(G g, long r) {
    if (r < 0 || r > MaxRune || (r >= 0xD800 && r <= 0xDFFF)) return -1;
    return GoString.runeLen(r);
  }

  public static boolean ValidRune(G g, long r) { return RuneLen(g, r) > 0; }

  public static long RuneCountInString(G g, String s) { return GoString.runeCount(s); }

  public static long RuneCount(G g, Slice p) { return GoString.runeCount(string(p)); }

  public static boolean ValidString(G g, String s) { return GoString.validUTF8(s); }

  public static boolean Valid(G g, Slice p) { return GoString.validUTF8(string(p)); }

  public static boolean RuneStart(G g, long b) { return (b & 0xC0) != 0x80; }

  /** Whether s begins with a complete encoding (or an invalid one, which decodes as width 1). */
  public static boolean FullRuneInString(G g, String s) {
    if (s.isEmpty()) return false;
    long d = GoString.decodeRune(s, 0);
    if (GoString.width(d) > 1 || GoString.rune(d) != RuneError) return true;
    // RuneError with width 1: either really invalid, or a valid prefix cut short.
    return !validPrefix(s);
  }

  public static boolean FullRune(G g, Slice p) { return FullRuneInString(g, string(p)); }

  /** Is s a proper prefix of some valid encoding? */
  private static boolean validPrefix(String s) {
    int b0 = s.charAt(0);
    int need = b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
    if (need == 0 || s.length() >= need) return false;
    for (int i = 1; i < s.length(); i++) {
      int b = s.charAt(i);
      int lo = 0x80, hi = 0xBF;
      if (i == 1) {
        if (b0 == 0xE0) lo = 0xA0; else if (b0 == 0xED) hi = 0x9F;
        else if (b0 == 0xF0) lo = 0x90; else if (b0 == 0xF4) hi = 0x8F;
      }
      if (b < lo || b > hi) return false;
    }
    return true;
  }

  public static Tuple DecodeRuneInString(G g, String s) {
    if (s.isEmpty()) return result(RuneError, 0);
    long d = GoString.decodeRune(s, 0);
    return result(GoString.rune(d), GoString.width(d));
  }

  public static Tuple DecodeRune(G g, Slice p) { return DecodeRuneInString(g, string(p)); }

  public static Tuple DecodeLastRuneInString(G g, String s) {
    int end = s.length();
    if (end == 0) return result(RuneError, 0);
    int start = end - 1;
    if (s.charAt(start) < 0x80) return result(s.charAt(start), 1);
    // Back up over at most UTFMax-1 continuation bytes to a possible start byte.
    int lim = Math.max(end - 4, 0);
    for (start--; start >= lim; start--) {
      if ((s.charAt(start) & 0xC0) != 0x80) break;
    }
    if (start < 0) start = 0;
    long d = GoString.decodeRune(s, start);
    if (start + GoString.width(d) != end) return result(RuneError, 1);
    return result(GoString.rune(d), GoString.width(d));
  }

  public static Tuple DecodeLastRune(G g, Slice p) { return DecodeLastRuneInString(g, string(p)); }

  /** Writes r's encoding into p (RuneError's for an invalid rune); panics if p is too short. */
  public static long EncodeRune(G g, Slice p, long r) {
    String enc = GoString.fromRune(r);
    // Go checks the last index first, so a short p panics before anything is written.
    gol.runtime.Index.getB(p, enc.length() - 1);
    byte[] a = (byte[]) p.array;
    for (int i = 0; i < enc.length(); i++) a[p.off + i] = (byte) enc.charAt(i);
    return enc.length();
  }

  public static Slice AppendRune(G g, Slice p, long r) {
    return Slice.appendString(BYTES, p, GoString.fromRune(r));
  }

  private static final RType BYTES = RType.slice(RType.UINT8);

  private static String string(Slice p) { return p == null ? "" : GoString.fromBytes(p); }

  private static Tuple result(long r, long size) {
    Tuple t = new Tuple();
    t.j0 = r;
    t.j1 = size;
    return t;
  }
}
