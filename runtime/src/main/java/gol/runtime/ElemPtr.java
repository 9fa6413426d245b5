package gol.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Pointers to elements of arrays and slices ({@code &a[i]}, {@code &s[i]}) of non-struct element
 * types: views (see {@link Cell}) holding the backing Java array and an index. A pointer to a struct
 * element is the struct object itself and needs none of this. Known to the compiler: it calls
 * {@code slice<K>(Slice, long)} or {@code array<K>(Object, long)} where K is the accessor suffix of
 * {@link Index} (J, I, UI, B, UB, D, Z, A); the index is checked first, with Go's panic message.
 *
 * <p>Two views are equal when they name the same array slot (so {@code &s[1] == &s[1:][0]}).
 * Atomic accesses go through the array's VarHandles, so sync/atomic works on {@code &counts[i]}.
 */
public final class ElemPtr {
  private ElemPtr() {}

  private static int checkSlice(Slice s, long i) {
    int len = s == null ? 0 : s.len;
    if (i < 0 || i >= len) throw Panic.index(i, len);
    return s.off + (int) i;
  }

  private static int checkArray(int len, long i) {
    if (i < 0 || i >= len) throw Panic.index(i, len);
    return (int) i;
  }

  public static Cell.J sliceJ(Slice s, long i) { int k = checkSlice(s, i); return new LongElem((long[]) s.array, k); }
  public static Cell.J sliceI(Slice s, long i) { int k = checkSlice(s, i); return new IntElem((int[]) s.array, k, false); }
  public static Cell.J sliceUI(Slice s, long i) { int k = checkSlice(s, i); return new IntElem((int[]) s.array, k, true); }
  public static Cell.J sliceB(Slice s, long i) { int k = checkSlice(s, i); return new ByteElem((byte[]) s.array, k, false); }
  public static Cell.J sliceUB(Slice s, long i) { int k = checkSlice(s, i); return new ByteElem((byte[]) s.array, k, true); }
  public static Cell.D sliceD(Slice s, long i) { int k = checkSlice(s, i); return new DoubleElem((double[]) s.array, k); }
  public static Cell.Z sliceZ(Slice s, long i) { int k = checkSlice(s, i); return new BoolElem((boolean[]) s.array, k); }
  public static Cell.A sliceA(Slice s, long i) { int k = checkSlice(s, i); return new RefElem((Object[]) s.array, k); }

  public static Cell.J arrayJ(Object a, long i) { long[] x = (long[]) a; return new LongElem(x, checkArray(x.length, i)); }
  public static Cell.J arrayI(Object a, long i) { int[] x = (int[]) a; return new IntElem(x, checkArray(x.length, i), false); }
  public static Cell.J arrayUI(Object a, long i) { int[] x = (int[]) a; return new IntElem(x, checkArray(x.length, i), true); }
  public static Cell.J arrayB(Object a, long i) { byte[] x = (byte[]) a; return new ByteElem(x, checkArray(x.length, i), false); }
  public static Cell.J arrayUB(Object a, long i) { byte[] x = (byte[]) a; return new ByteElem(x, checkArray(x.length, i), true); }
  public static Cell.D arrayD(Object a, long i) { double[] x = (double[]) a; return new DoubleElem(x, checkArray(x.length, i)); }
  public static Cell.Z arrayZ(Object a, long i) { boolean[] x = (boolean[]) a; return new BoolElem(x, checkArray(x.length, i)); }
  public static Cell.A arrayA(Object a, long i) { Object[] x = (Object[]) a; return new RefElem(x, checkArray(x.length, i)); }

  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
  private static final VarHandle BYTES = MethodHandles.arrayElementVarHandle(byte[].class);

  private static boolean same(Object a, int i, Object b, int j) { return a == b && i == j; }

  private static int hash(Object a, int i) { return System.identityHashCode(a) * 31 + i; }

  static final class LongElem extends Cell.J {
    final long[] a;
    final int i;
    LongElem(long[] a, int i) { this.a = a; this.i = i; }
    @Override public long get() { return a[i]; }
    @Override public void set(long x) { a[i] = x; }
    @Override public long getVolatile() { return (long) LONGS.getVolatile(a, i); }
    @Override public void setVolatile(long x) { LONGS.setVolatile(a, i, x); }
    @Override public boolean compareAndSet(long old, long nu) { return LONGS.compareAndSet(a, i, old, nu); }
    @Override public boolean equals(Object o) { return o instanceof LongElem e && same(a, i, e.a, e.i); }
    @Override public int hashCode() { return hash(a, i); }
  }

  /** int32, uint32, int16 and uint16 elements (held in an int[]); uint32 reads zero-extended. */
  static final class IntElem extends Cell.J {
    final int[] a;
    final int i;
    final boolean u32;
    IntElem(int[] a, int i, boolean u32) { this.a = a; this.i = i; this.u32 = u32; }
    private long norm(int x) { return u32 ? x & 0xFFFF_FFFFL : x; }
    @Override public long get() { return norm(a[i]); }
    @Override public void set(long x) { a[i] = (int) x; }
    @Override public long getVolatile() { return norm((int) INTS.getVolatile(a, i)); }
    @Override public void setVolatile(long x) { INTS.setVolatile(a, i, (int) x); }
    @Override public boolean compareAndSet(long old, long nu) { return INTS.compareAndSet(a, i, (int) old, (int) nu); }
    @Override public boolean equals(Object o) { return o instanceof IntElem e && same(a, i, e.a, e.i); }
    @Override public int hashCode() { return hash(a, i); }
  }

  /** int8 and uint8 elements (held in a byte[]); uint8 reads zero-extended. */
  static final class ByteElem extends Cell.J {
    final byte[] a;
    final int i;
    final boolean u8;
    ByteElem(byte[] a, int i, boolean u8) { this.a = a; this.i = i; this.u8 = u8; }
    private long norm(byte x) { return u8 ? x & 0xFF : x; }
    @Override public long get() { return norm(a[i]); }
    @Override public void set(long x) { a[i] = (byte) x; }
    @Override public long getVolatile() { return norm((byte) BYTES.getVolatile(a, i)); }
    @Override public void setVolatile(long x) { BYTES.setVolatile(a, i, (byte) x); }
    @Override public boolean compareAndSet(long old, long nu) { return BYTES.compareAndSet(a, i, (byte) old, (byte) nu); }
    @Override public boolean equals(Object o) { return o instanceof ByteElem e && same(a, i, e.a, e.i); }
    @Override public int hashCode() { return hash(a, i); }
  }

  static final class DoubleElem extends Cell.D {
    final double[] a;
    final int i;
    DoubleElem(double[] a, int i) { this.a = a; this.i = i; }
    @Override public double get() { return a[i]; }
    @Override public void set(double x) { a[i] = x; }
    @Override public boolean equals(Object o) { return o instanceof DoubleElem e && same(a, i, e.a, e.i); }
    @Override public int hashCode() { return hash(a, i); }
  }

  static final class BoolElem extends Cell.Z {
    final boolean[] a;
    final int i;
    BoolElem(boolean[] a, int i) { this.a = a; this.i = i; }
    @Override public boolean get() { return a[i]; }
    @Override public void set(boolean x) { a[i] = x; }
    @Override public boolean equals(Object o) { return o instanceof BoolElem e && same(a, i, e.a, e.i); }
    @Override public int hashCode() { return hash(a, i); }
  }

  static final class RefElem extends Cell.A {
    final Object[] a;
    final int i;
    RefElem(Object[] a, int i) { this.a = a; this.i = i; }
    @Override public Object get() { return a[i]; }
    @Override public void set(Object x) { a[i] = x; }
    @Override public boolean equals(Object o) { return o instanceof RefElem e && same(a, i, e.a, e.i); }
    @Override public int hashCode() { return hash(a, i); }
  }
}
