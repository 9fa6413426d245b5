package gol.runtime;

/**
 * A Go slice header: a window {@code [off, off+len)} on a backing array, with capacity {@code cap}
 * counted from off. Immutable: re-slicing or appending makes a new header, as assigning a slice in Go
 * copies its header. A nil slice is Java {@code null}; every helper here accepts null as len 0.
 *
 * <p>The backing array's Java type follows the element type:
 * <pre>
 *   int int64 uint uint64 uintptr      long[]
 *   int32 (rune) uint32 int16 uint16   int[]    (values normalized to the element type)
 *   int8 uint8 (byte)                  byte[]   (uint8 read back as b & 0xff)
 *   float64 float32                    double[]
 *   bool                               boolean[]
 *   anything else                      Object[]
 * </pre>
 * Known to the compiler: it reads {@link #array}, {@link #off}, {@link #len} and {@link #cap} directly
 * and calls the static helpers for everything that allocates or checks.
 */
public final class Slice implements Box.Typed {
  public final RType type;
  public final Object array;
  public final int off, len, cap;

  public Slice(RType type, Object array, int off, int len, int cap) {
    this.type = type; this.array = array; this.off = off; this.len = len; this.cap = cap;
  }

  @Override public RType goType() { return type; }

  public static int len(Slice s) { return s == null ? 0 : s.len; }

  public static int cap(Slice s) { return s == null ? 0 : s.cap; }
}
