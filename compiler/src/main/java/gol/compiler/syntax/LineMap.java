package gol.compiler.syntax;

import gol.compiler.ast.Pos;

/**
 * Maps JavaCC positions (1-based line, 1-based column counted in UTF-16 chars, tabs = 1) and char
 * offsets of one source text to Go positions (1-based line, 1-based column counted in UTF-8 bytes).
 *
 * <p>Guarantee: a line ends at each '\n' (a "\r\n" ends one line, as in JavaCC's SimpleCharStream),
 * so JavaCC's line numbers and ours agree for '\n' and "\r\n" files. A lone '\r' (not a line break in
 * Go) is not supported as a line break by JavaCC either way; we treat it as an ordinary character.
 */
public final class LineMap {
  private final String src;
  private final int[] lineStart; // char offset where each line (index line-1) starts

  public LineMap(String src) {
    this.src = src;
    int n = 1;
    for (int i = 0; i < src.length(); i++) if (src.charAt(i) == '\n') n++;
    lineStart = new int[n];
    int l = 1;
    for (int i = 0; i < src.length(); i++) if (src.charAt(i) == '\n') lineStart[l++] = i + 1;
  }

  public String source() { return src; }

  /** Char offset of (line, charCol); clamped to the source bounds. */
  public int offset(int line, int charCol) {
    if (line < 1) return 0;
    if (line > lineStart.length) return src.length();
    return Math.min(src.length(), lineStart[line - 1] + Math.max(charCol, 1) - 1);
  }

  /** The Go position of a JavaCC (line, char column). */
  public Pos pos(int line, int charCol) {
    if (line < 1) return new Pos(1, 1);
    if (line > lineStart.length) line = lineStart.length;
    int start = lineStart[line - 1];
    int end = Math.min(src.length(), start + Math.max(charCol, 1) - 1);
    return new Pos(line, utf8Length(src, start, end) + 1);
  }

  /** The Go position of a char offset (offset == length is the end of file). */
  public Pos posOfOffset(int off) {
    off = Math.max(0, Math.min(off, src.length()));
    int lo = 0, hi = lineStart.length - 1;
    while (lo < hi) { // last line whose start <= off
      int mid = (lo + hi + 1) >>> 1;
      if (lineStart[mid] <= off) lo = mid; else hi = mid - 1;
    }
    return new Pos(lo + 1, utf8Length(src, lineStart[lo], off) + 1);
  }

  /** JavaCC-style (line, char column) of a char offset, as {line, col}. */
  public int[] lineCol(int off) {
    Pos p = posOfOffset(off);
    return new int[] {p.line(), off - lineStart[p.line() - 1] + 1};
  }

  /** Number of UTF-8 bytes encoding src[from, to). A lone surrogate counts 3 bytes, as Go's U+FFFD would. */
  static int utf8Length(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) { n += 4; i++; }
      else n += 3;
    }
    return n;
  }
}
