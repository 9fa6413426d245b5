package gol.runtime;

/**
 * Bounds-checked element access of slices, one method per backing-array kind (see {@link Slice}).
 * Tiny and static so the JIT inlines them. Out-of-range indexes panic with Go's message
 * {@code index out of range [i] with length n}; the check comes before the array is touched, so a nil
 * slice panics the same way. Known to the compiler.
 */
public final class Index {
  private Index() {}

  private static int check(Slice s, long i) {
    int len = s == null ? 0 : s.len;
    if (i < 0 || i >= len) throw Panic.index(i, len);
    return s.off + (int) i;
  }

  public static long getJ(Slice s, long i) { int k = check(s, i); return ((long[]) s.array)[k]; }
  public static long getI(Slice s, long i) { int k = check(s, i); return ((int[]) s.array)[k]; }
  public static long getUI(Slice s, long i) { int k = check(s, i); return ((int[]) s.array)[k] & 0xffffffffL; }
  public static long getB(Slice s, long i) { int k = check(s, i); return ((byte[]) s.array)[k]; }
  public static long getUB(Slice s, long i) { int k = check(s, i); return ((byte[]) s.array)[k] & 0xff; }
  public static double getD(Slice s, long i) { int k = check(s, i); return ((double[]) s.array)[k]; }
  public static boolean getZ(Slice s, long i) { int k = check(s, i); return ((boolean[]) s.array)[k]; }
  public static Object getA(Slice s, long i) { int k = check(s, i); return ((Object[]) s.array)[k]; }

  public static void setJ(Slice s, long i, long v) { int k = check(s, i); ((long[]) s.array)[k] = v; }
  public static void setI(Slice s, long i, long v) { int k = check(s, i); ((int[]) s.array)[k] = (int) v; }
  public static void setB(Slice s, long i, long v) { int k = check(s, i); ((byte[]) s.array)[k] = (byte) v; }
  public static void setD(Slice s, long i, double v) { int k = check(s, i); ((double[]) s.array)[k] = v; }
  public static void setZ(Slice s, long i, boolean v) { int k = check(s, i); ((boolean[]) s.array)[k] = v; }
  public static void setA(Slice s, long i, Object v) { int k = check(s, i); ((Object[]) s.array)[k] = v; }
}
