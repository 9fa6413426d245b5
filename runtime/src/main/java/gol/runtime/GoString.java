package gol.runtime;

import java.nio.charset.StandardCharsets;

/**
 * Go string operations on gol's string representation: a {@code java.lang.String} holding one char
 * per byte (chars 0..255). With that representation len, indexing, ==, < and + are the Java
 * operations (compareTo orders by unsigned byte, as Go does); this class does what needs Go's rules:
 * bounds-checked slicing and indexing with Go's panic texts, UTF-8 encoding and decoding with Go's
 * treatment of invalid input (U+FFFD, width 1), and conversions to and from byte and rune slices.
 * Known to the compiler.
 */
public final class GoString {
  private GoString() {}

  /** The Unicode replacement character U+FFFD, and its UTF-8 encoding as a Go string. */
  public static final int RUNE_ERROR = 0xFFFD;
  private static final String RUNE_ERROR_UTF8 = "\u00ef\u00bf\u00bd";

  /** {@code s[lo:hi]} (the compiler passes hi = len(s) when it is omitted). */
  public static String slice(String s, long lo, long hi) {
    int n = s.length();
    if (hi < 0 || hi > n) throw Slice.bounds(Slice.SLICE_ALEN, hi, n);
    if (lo < 0 || lo > hi) throw Slice.bounds(Slice.SLICE_B, lo, hi);
    return s.substring((int) lo, (int) hi);
  }

  /** {@code s[i]}: the byte at i (0..255). */
  public static long index(String s, long i) {
    int n = s.length();
    if (i < 0 || i >= n) throw Panic.index(i, n);
    return s.charAt((int) i);
  }

  // ------------------------------------------------------------------ UTF-8

  /** {@code string(r)}: the UTF-8 encoding of rune r; invalid runes (surrogates, > U+10FFFF, negative) give U+FFFD. */
  public static String fromRune(long r) {
    if (r >= 0 && r < 0x80) return String.valueOf((char) r);
    StringBuilder sb = new StringBuilder(4);
    appendRune(sb, r);
    return sb.toString();
  }

  /** Appends the UTF-8 bytes of rune r (U+FFFD if invalid) to sb, one char per byte. */
  public static void appendRune(StringBuilder sb, long r) {
    if (r >= 0 && r < 0x80) {
      sb.append((char) r);
    } else if (r >= 0x80 && r < 0x800) {
      sb.append((char) (0xC0 | (r >> 6))).append((char) (0x80 | (r & 0x3F)));
    } else if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
      sb.append(RUNE_ERROR_UTF8);
    } else if (r < 0x10000) {
      sb.append((char) (0xE0 | (r >> 12))).append((char) (0x80 | ((r >> 6) & 0x3F)))
          .append((char) (0x80 | (r & 0x3F)));
    } else {
      sb.append((char) (0xF0 | (r >> 18))).append((char) (0x80 | ((r >> 12) & 0x3F)))
          .append((char) (0x80 | ((r >> 6) & 0x3F))).append((char) (0x80 | (r & 0x3F)));
    }
  }

  /** The number of bytes the UTF-8 encoding of r takes (3 for invalid runes, which encode as U+FFFD). */
  public static int runeLen(long r) {
    if (r >= 0 && r < 0x80) return 1;
    if (r >= 0x80 && r < 0x800) return 2;
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return 3;
    return r < 0x10000 ? 3 : 4;
  }

  /**
   * Decodes the rune starting at byte i of s: returns {@code (width << 32) | (rune & 0xffffffffL)}.
   * As Go: an invalid or truncated encoding (including overlong forms and surrogates) decodes as
   * U+FFFD with width 1, so {@code for i, r := range s} advances one byte past each bad byte.
   * Requires 0 <= i < len(s).
   */
  public static long decodeRune(String s, int i) {
    int n = s.length();
    int b0 = s.charAt(i);
    if (b0 < 0x80) return (1L << 32) | b0;
    // The accepted range of the second byte depends on the first (this excludes overlong
    // encodings, surrogates and values above U+10FFFF); later bytes are always 0x80..0xBF.
    int size, lo = 0x80, hi = 0xBF, r;
    if (b0 >= 0xC2 && b0 <= 0xDF) { size = 2; r = b0 & 0x1F; }
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
      size = 3; r = b0 & 0x0F;
      if (b0 == 0xE0) lo = 0xA0; else if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      size = 4; r = b0 & 0x07;
      if (b0 == 0xF0) lo = 0x90; else if (b0 == 0xF4) hi = 0x8F;
    } else {
      return (1L << 32) | RUNE_ERROR;
    }
    if (i + size > n) return (1L << 32) | RUNE_ERROR;
    int b1 = s.charAt(i + 1);
    if (b1 < lo || b1 > hi) return (1L << 32) | RUNE_ERROR;
    r = (r << 6) | (b1 & 0x3F);
    for (int k = 2; k < size; k++) {
      int b = s.charAt(i + k);
      if (b < 0x80 || b > 0xBF) return (1L << 32) | RUNE_ERROR;
      r = (r << 6) | (b & 0x3F);
    }
    return ((long) size << 32) | r;
  }

  /** The rune of a {@link #decodeRune} result. */
  public static int rune(long decoded) { return (int) decoded; }

  /** The width in bytes of a {@link #decodeRune} result. */
  public static int width(long decoded) { return (int) (decoded >>> 32); }

  /** utf8.RuneCountInString: the number of runes in s (each invalid byte counts as one). */
  public static long runeCount(String s) {
    long count = 0;
    for (int i = 0, n = s.length(); i < n; count++) {
      char c = s.charAt(i);
      i += c < 0x80 ? 1 : width(decodeRune(s, i));
    }
    return count;
  }

  /** utf8.ValidString. */
  public static boolean validUTF8(String s) {
    for (int i = 0, n = s.length(); i < n; ) {
      char c = s.charAt(i);
      if (c < 0x80) { i++; continue; }
      long d = decodeRune(s, i);
      if (rune(d) == RUNE_ERROR && width(d) == 1) return false;
      i += width(d);
    }
    return true;
  }

  // ------------------------------------------------------------------ conversions

  /** {@code string(b)} for a byte slice. */
  public static String fromBytes(Slice b) {
    if (b == null || b.len == 0) return "";
    return new String((byte[]) b.array, 0, b.off, b.len); // hibyte 0: each byte becomes char 0..255
  }

  /** {@code []byte(s)} (t is the slice type, []byte or a named byte-slice type). */
  public static Slice toBytes(RType t, String s) {
    int n = s.length();
    byte[] a = new byte[n];
    s.getBytes(0, n, a, 0);
    return new Slice(t, a, 0, n, n);
  }

  /** {@code []rune(s)}: the runes of s decoded as {@code for range} does. */
  public static Slice toRunes(RType t, String s) {
    int n = (int) runeCount(s);
    int[] a = new int[n];
    for (int i = 0, k = 0; i < s.length(); k++) {
      long d = decodeRune(s, i);
      a[k] = rune(d);
      i += width(d);
    }
    return new Slice(t, a, 0, n, n);
  }

  /** {@code string(runes)} for a rune slice: the concatenated UTF-8 encodings. */
  public static String fromRunes(Slice runes) {
    if (runes == null) return "";
    StringBuilder sb = new StringBuilder(runes.len);
    int[] a = (int[]) runes.array;
    for (int k = 0; k < runes.len; k++) appendRune(sb, a[runes.off + k]);
    return sb.toString();
  }

  /** A Go string (UTF-8 bytes) from a normal Java string (e.g. a command-line argument). */
  public static String fromJava(String javaString) {
    byte[] b = javaString.getBytes(StandardCharsets.UTF_8);
    return new String(b, 0, 0, b.length);
  }

  /** A normal Java string from a Go string, decoding UTF-8 (invalid bytes become U+FFFD). */
  public static String toJava(String goString) {
    byte[] b = new byte[goString.length()];
    goString.getBytes(0, b.length, b, 0);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A Go string from raw bytes. */
  public static String fromBytes(byte[] b, int off, int len) {
    return new String(b, 0, off, len);
  }
}
