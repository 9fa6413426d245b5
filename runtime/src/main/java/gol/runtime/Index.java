package gol.runtime;

/**
 * Bounds-checked element access of slices, one method per backing-array kind (see {@link Slice}).
 * Tiny and static so the JIT inlines them. Out-of-range indexes panic with Go's message
 * {@code index out of range [i] with length n}. Known to the compiler.
 */
public final class Index {
  private Index() {}

  private static int check(Slice s, long i) {
    int len = s == null ? 0 : s.len;
    if (i < 0 || i >= len) throw Panic.index(i, len);
    return s.off + (int) i;
  }

  public static long getJ(Slice s, long i) { return ((long[]) s.array)[check(s, i)]; }
  public static long getI(Slice s, long i) { return ((int[]) s.array)[check(s, i)]; }
  public static long getUI(Slice s, long i) { return ((int[]) s.array)[check(s, i)] & 0xffffffffL; }
  public static long getB(Slice s, long i) { return ((byte[]) s.array)[check(s, i)]; }
  public static long getUB(Slice s, long i) { return ((byte[]) s.array)[check(s, i)] & 0xff; }
  public static double getD(Slice s, long i) { return ((double[]) s.array)[check(s, i)]; }
  public static boolean getZ(Slice s, long i) { return ((boolean[]) s.array)[check(s, i)]; }
  public static Object getA(Slice s, long i) { return ((Object[]) s.array)[check(s, i)]; }

  public static void setJ(Slice s, long i, long v) { ((long[]) s.array)[check(s, i)] = v; }
  public static void setI(Slice s, long i, long v) { ((int[]) s.array)[check(s, i)] = (int) v; }
  public static void setB(Slice s, long i, long v) { ((byte[]) s.array)[check(s, i)] = (byte) v; }
  public static void setD(Slice s, long i, double v) { ((double[]) s.array)[check(s, i)] = v; }
  public static void setZ(Slice s, long i, boolean v) { ((boolean[]) s.array)[check(s, i)] = v; }
  public static void setA(Slice s, long i, Object v) { ((Object[]) s.array)[check(s, i)] = v; }
}
