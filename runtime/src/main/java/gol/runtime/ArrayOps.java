package gol.runtime;

/**
 * Go arrays ({@code [N]T}) are Java arrays of the element's backing kind (see {@link Slice}): long[],
 * int[], byte[], double[], boolean[] or Object[]. Arrays are values in Go, so the compiler copies them
 * when they flow to a new place ({@link #copy}, deep for elements that are themselves arrays or
 * structs). In an interface an array is a {@link Slice} header carrying the array's RType.
 * Known to the compiler.
 */
public final class ArrayOps {
  private ArrayOps() {}

  /** A copy of array a with Go's value semantics (nested arrays and structs copied too). */
  public static Object copy(Object a) {
    if (a instanceof long[] x) return x.clone();
    if (a instanceof int[] x) return x.clone();
    if (a instanceof byte[] x) return x.clone();
    if (a instanceof double[] x) return x.clone();
    if (a instanceof boolean[] x) return x.clone();
    Object[] x = ((Object[]) a).clone();
    for (int i = 0; i < x.length; i++) {
      Object e = x[i];
      if (e instanceof GoStruct s) x[i] = s.goCopy();
      else if (e != null && e.getClass().isArray()) x[i] = copy(e);
    }
    return x;
  }

  /** Go's == on arrays (elements compared with Go's equality; floats with ==). */
  public static boolean equal(Object a, Object b) {
    if (a instanceof double[] x) {
      double[] y = (double[]) b;
      for (int i = 0; i < x.length; i++) if (x[i] != y[i]) return false;
      return true;
    }
    return java.util.Objects.deepEquals(a, b);
  }

  /** A hash consistent with {@link #equal}. */
  public static int hash(Object a) { return java.util.Arrays.deepHashCode(new Object[] {a}); }

  /** The array as an interface value: a Slice header with the array type. */
  public static Object box(RType arrayType, Object a) {
    int n = Slice.arrayLength(a);
    return new Slice(arrayType, copy(a), 0, n, n);
  }

  /** The array an interface holds. */
  public static Object unbox(Object o) { return ((Slice) o).array; }

  private static int check(long i, int len) {
    if (i < 0 || i >= len) throw Panic.index(i, len);
    return (int) i;
  }

  public static long getJ(long[] a, long i) { return a[check(i, a.length)]; }
  public static long getI(int[] a, long i) { return a[check(i, a.length)]; }
  public static long getUI(int[] a, long i) { return a[check(i, a.length)] & 0xffffffffL; }
  public static long getB(byte[] a, long i) { return a[check(i, a.length)]; }
  public static long getUB(byte[] a, long i) { return a[check(i, a.length)] & 0xff; }
  public static double getD(double[] a, long i) { return a[check(i, a.length)]; }
  public static boolean getZ(boolean[] a, long i) { return a[check(i, a.length)]; }
  public static Object getA(Object[] a, long i) { return a[check(i, a.length)]; }

  public static void setJ(long[] a, long i, long v) { a[check(i, a.length)] = v; }
  public static void setI(int[] a, long i, long v) { a[check(i, a.length)] = (int) v; }
  public static void setB(byte[] a, long i, long v) { a[check(i, a.length)] = (byte) v; }
  public static void setD(double[] a, long i, double v) { a[check(i, a.length)] = v; }
  public static void setZ(boolean[] a, long i, boolean v) { a[check(i, a.length)] = v; }
  public static void setA(Object[] a, long i, Object v) { a[check(i, a.length)] = v; }
}
