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

  /**
   * Go's == for an array held in an interface or used as a map key (ArrayOps.box makes such headers,
   * with the array type): same type and equal elements. Slices are not comparable in Go: comparing
   * two of the same type panics, and so does hashing one (a slice as a map key).
   */
  @Override public boolean equals(Object o) {
    if (type != null && type.kind != RType.Kind.ARRAY && o instanceof Slice s && s.type != null
        && s.type.kind != RType.Kind.ARRAY && s.type.name.equals(type.name)) {
      // x == y on interfaces holding slices of the same type: Go panics (also when x and y are one slice)
      throw Panic.runtime("comparing uncomparable type " + type.name);
    }
    if (this == o) return true;
    if (type == null || type.kind != RType.Kind.ARRAY || !(o instanceof Slice s) || s.type == null
        || !type.name.equals(s.type.name) || s.len != len) return false;
    for (int i = 0; i < len; i++) {
      if (!elemEquals(array, off + i, s.array, s.off + i)) return false;
    }
    return true;
  }

  @Override public int hashCode() {
    if (type != null && type.kind != RType.Kind.ARRAY) throw Panic.runtime("hash of unhashable type " + type.name);
    if (type == null) return System.identityHashCode(this);
    int h = len;
    for (int i = 0; i < len; i++) h = 31 * h + elemHash(array, off + i);
    return h;
  }

  private static boolean elemEquals(Object a, int i, Object b, int j) {
    if (a instanceof long[] x) return x[i] == ((long[]) b)[j];
    if (a instanceof int[] x) return x[i] == ((int[]) b)[j];
    if (a instanceof byte[] x) return x[i] == ((byte[]) b)[j];
    if (a instanceof double[] x) return x[i] == ((double[]) b)[j];   // NaN != NaN, 0 == -0, as in Go
    if (a instanceof boolean[] x) return x[i] == ((boolean[]) b)[j];
    Object p = ((Object[]) a)[i], q = ((Object[]) b)[j];
    if (p != null && p.getClass().isArray()) return java.util.Objects.deepEquals(p, q);   // nested arrays
    return java.util.Objects.equals(p, q);
  }

  private static int elemHash(Object a, int i) {
    if (a instanceof long[] x) return Long.hashCode(x[i]);
    if (a instanceof int[] x) return x[i];
    if (a instanceof byte[] x) return x[i];
    if (a instanceof double[] x) return x[i] == 0 ? 0 : Double.hashCode(x[i]);
    if (a instanceof boolean[] x) return x[i] ? 1 : 0;
    Object p = ((Object[]) a)[i];
    if (p != null && p.getClass().isArray()) return java.util.Arrays.deepHashCode(new Object[] {p});
    return java.util.Objects.hashCode(p);
  }

  public static int len(Slice s) { return s == null ? 0 : s.len; }

  public static int cap(Slice s) { return s == null ? 0 : s.cap; }

  // ------------------------------------------------------------------ in interfaces

  /**
   * A slice as an interface value. A nil slice is Java null, but an interface holding a nil slice is
   * not a nil interface ({@code var s []int; var x any = s; x != nil}) and must still know its type,
   * so it is boxed as a header with a null array. Known to the compiler: use this when converting a
   * slice to an interface type, and {@link #unbox} for a type assertion back to the slice type.
   */
  public static Object box(RType t, Slice s) {
    return s != null ? s : new Slice(t, null, 0, 0, 0);
  }

  /** The slice an interface holds (null for a boxed nil slice). */
  public static Slice unbox(Object o) {
    Slice s = (Slice) o;
    return s == null || s.array == null ? null : s;
  }

  /** Whether this header is a boxed nil slice (see {@link #box}). */
  public boolean isNil() { return array == null; }

  // ------------------------------------------------------------------ backing arrays

  /** The largest backing array gol allocates (the JVM's array size limit). */
  static final long MAX_LEN = Integer.MAX_VALUE - 8;

  /**
   * A new zeroed backing array of n elements of type elem, of the Java type the table above gives.
   * Elements held as objects are filled with their zero value (strings "", arrays, structs).
   */
  public static Object newArray(RType elem, int n) {
    switch (elem.kind) {
      case INT: case INT64: case UINT: case UINT64: case UINTPTR: return new long[n];
      case INT32: case UINT32: case INT16: case UINT16: return new int[n];
      case INT8: case UINT8: return new byte[n];
      case FLOAT64: case FLOAT32: return new double[n];
      case BOOL: return new boolean[n];
      default:
        Object[] a = new Object[n];
        if (elem.kind == RType.Kind.STRING) java.util.Arrays.fill(a, "");
        else if (elem.kind == RType.Kind.COMPLEX128 || elem.kind == RType.Kind.COMPLEX64) java.util.Arrays.fill(a, Complex.ZERO);
        else if (elem.kind == RType.Kind.ARRAY || elem.kind == RType.Kind.STRUCT) {
          for (int i = 0; i < n; i++) a[i] = elem.zeroValue();
        }
        return a;
    }
  }

  /** The length of a Java backing array of any of the kinds above. */
  public static int arrayLength(Object array) {
    if (array instanceof long[] a) return a.length;
    if (array instanceof Object[] a) return a.length;
    if (array instanceof byte[] a) return a.length;
    if (array instanceof int[] a) return a.length;
    if (array instanceof double[] a) return a.length;
    return ((boolean[]) array).length;
  }

  /** {@code make(T, len, cap)} for slice type t; for {@code make(T, len)} pass cap = len. */
  public static Slice make(RType t, long len, long cap) {
    if (len < 0 || len > MAX_LEN) throw Panic.runtime("makeslice: len out of range");
    if (cap < len || cap > MAX_LEN) throw Panic.runtime("makeslice: cap out of range");
    return new Slice(t, newArray(t.elem, (int) cap), 0, (int) len, (int) cap);
  }

  /**
   * A new backing array for s (type t) grown to hold at least {@code needed} elements, with the
   * first len(s) elements copied over; its length is Go's new capacity.
   */
  private static Object grow(RType t, Slice s, long needed) {
    if (needed > MAX_LEN) throw Panic.runtime("growslice: cap out of range");
    int oldCap = cap(s);
    long newCap = Math.min(SizeClasses.growCap(oldCap, needed, t.elem.goSize()), MAX_LEN);
    Object a = newArray(t.elem, (int) newCap);
    if (s != null && s.len > 0) System.arraycopy(s.array, s.off, a, 0, s.len);
    return a;
  }

  // ------------------------------------------------------------------ append

  /**
   * Room for one more element: returns s's header extended by one if it has spare capacity, else a
   * header on a grown copy. The caller stores the element at {@code off + len - 1}.
   */
  private static Slice extend(RType t, Slice s) {
    if (s != null && s.len < s.cap) return new Slice(t, s.array, s.off, s.len + 1, s.cap);
    int len = len(s);
    Object a = grow(t, s, len + 1L);
    return new Slice(t, a, 0, len + 1, arrayLength(a));
  }

  /** {@code append(s, v)} for slices backed by long[] (int, int64, uint, uint64, uintptr). */
  public static Slice appendJ(RType t, Slice s, long v) {
    Slice r = extend(t, s);
    ((long[]) r.array)[r.off + r.len - 1] = v;
    return r;
  }

  /** {@code append(s, v)} for slices backed by int[] (int32, uint32, int16, uint16); v already normalized. */
  public static Slice appendI(RType t, Slice s, long v) {
    Slice r = extend(t, s);
    ((int[]) r.array)[r.off + r.len - 1] = (int) v;
    return r;
  }

  /** {@code append(s, v)} for slices backed by byte[] (int8, uint8). */
  public static Slice appendB(RType t, Slice s, long v) {
    Slice r = extend(t, s);
    ((byte[]) r.array)[r.off + r.len - 1] = (byte) v;
    return r;
  }

  /** {@code append(s, v)} for slices backed by double[] (float64, float32). */
  public static Slice appendD(RType t, Slice s, double v) {
    Slice r = extend(t, s);
    ((double[]) r.array)[r.off + r.len - 1] = v;
    return r;
  }

  /** {@code append(s, v)} for slices backed by boolean[]. */
  public static Slice appendZ(RType t, Slice s, boolean v) {
    Slice r = extend(t, s);
    ((boolean[]) r.array)[r.off + r.len - 1] = v;
    return r;
  }

  /** {@code append(s, v)} for slices backed by Object[] (strings, interfaces, pointers, ...). */
  public static Slice appendA(RType t, Slice s, Object v) {
    Slice r = extend(t, s);
    ((Object[]) r.array)[r.off + r.len - 1] = v;
    return r;
  }

  /** {@code append(s, more...)}. Works when more shares s's backing array. */
  public static Slice appendSlice(RType t, Slice s, Slice more) {
    int n = len(more);
    if (n == 0) return s;
    int len = len(s);
    long newLen = (long) len + n;
    Slice r;
    if (s != null && newLen <= s.cap) {
      r = new Slice(t, s.array, s.off, (int) newLen, s.cap);
    } else {
      Object a = grow(t, s, newLen);
      r = new Slice(t, a, 0, (int) newLen, arrayLength(a));
    }
    System.arraycopy(more.array, more.off, r.array, r.off + len, n);
    return r;
  }

  /** {@code append(b, str...)} for a byte slice b and a Go string str. */
  public static Slice appendString(RType t, Slice s, String str) {
    int n = str.length();
    if (n == 0) return s;
    int len = len(s);
    long newLen = (long) len + n;
    Slice r;
    if (s != null && newLen <= s.cap) {
      r = new Slice(t, s.array, s.off, (int) newLen, s.cap);
    } else {
      Object a = grow(t, s, newLen);
      r = new Slice(t, a, 0, (int) newLen, arrayLength(a));
    }
    str.getBytes(0, n, (byte[]) r.array, r.off + len); // chars are bytes 0..255
    return r;
  }

  // ------------------------------------------------------------------ slicing

  /** {@code s[lo:hi]} of a slice (the compiler passes hi = len(s) when it is omitted). */
  public static Slice slice(Slice s, long lo, long hi) {
    int cap = cap(s);
    if (hi < 0 || hi > cap) throw bounds(SLICE_ACAP, hi, cap);
    if (lo < 0 || lo > hi) throw bounds(SLICE_B, lo, hi);
    if (s == null) return null; // nil[0:0] is nil
    return new Slice(s.type, s.array, s.off + (int) lo, (int) (hi - lo), cap - (int) lo);
  }

  /** {@code s[lo:hi:max]} of a slice. */
  public static Slice slice3(Slice s, long lo, long hi, long max) {
    int cap = cap(s);
    if (max < 0 || max > cap) throw bounds(SLICE3_ACAP, max, cap);
    if (hi < 0 || hi > max) throw bounds(SLICE3_B, hi, max);
    if (lo < 0 || lo > hi) throw bounds(SLICE3_C, lo, hi);
    if (s == null) return null;
    return new Slice(s.type, s.array, s.off + (int) lo, (int) (hi - lo), (int) (max - lo));
  }

  /** {@code a[lo:hi]} of an array (a Java backing array) giving a slice of type t; bounds are "with length". */
  public static Slice sliceArray(RType t, Object array, long lo, long hi) {
    int n = arrayLength(array);
    if (hi < 0 || hi > n) throw bounds(SLICE_ALEN, hi, n);
    if (lo < 0 || lo > hi) throw bounds(SLICE_B, lo, hi);
    return new Slice(t, array, (int) lo, (int) (hi - lo), n - (int) lo);
  }

  /** {@code a[lo:hi:max]} of an array. */
  public static Slice slice3Array(RType t, Object array, long lo, long hi, long max) {
    int n = arrayLength(array);
    if (max < 0 || max > n) throw bounds(SLICE3_ALEN, max, n);
    if (hi < 0 || hi > max) throw bounds(SLICE3_B, hi, max);
    if (lo < 0 || lo > hi) throw bounds(SLICE3_C, lo, hi);
    return new Slice(t, array, (int) lo, (int) (hi - lo), (int) (max - lo));
  }

  /** Which bound failed, as Go's runtime.boundsError codes; see {@link #bounds}. */
  public static final int SLICE_ALEN = 0, SLICE_ACAP = 1, SLICE_B = 2,
      SLICE3_ALEN = 3, SLICE3_ACAP = 4, SLICE3_B = 5, SLICE3_C = 6;

  private static final String[] BOUNDS_FMT = {
    "[:%x] with length %y", "[:%x] with capacity %y", "[%x:%y]",
    "[::%x] with length %y", "[::%x] with capacity %y", "[:%x:%y]", "[%x:%y:]"
  };
  /** When the offending index x is negative Go shows only x. */
  private static final String[] BOUNDS_NEG_FMT = {
    "[:%x]", "[:%x]", "[%x:]", "[::%x]", "[::%x]", "[:%x:]", "[%x::]"
  };

  /** The "slice bounds out of range" panic for bound check {@code code} with index x against y. */
  public static Panic bounds(int code, long x, long y) {
    String f = x < 0 ? BOUNDS_NEG_FMT[code] : BOUNDS_FMT[code];
    return Panic.runtime("slice bounds out of range "
        + f.replace("%x", Long.toString(x)).replace("%y", Long.toString(y)));
  }

  // ------------------------------------------------------------------ copy and index

  /** {@code copy(dst, src)}: copies min(len(dst), len(src)) elements (overlap allowed); returns the count. */
  public static long copy(Slice dst, Slice src) {
    int n = Math.min(len(dst), len(src));
    if (n > 0) System.arraycopy(src.array, src.off, dst.array, dst.off, n);
    return n;
  }

  /** {@code copy(dst, src)} from a Go string into a byte slice. */
  public static long copyString(Slice dst, String src) {
    int n = Math.min(len(dst), src.length());
    if (n > 0) src.getBytes(0, n, (byte[]) dst.array, dst.off);
    return n;
  }

  /** Checks a slice index and returns the backing-array position {@code off + i} (panics as Go). */
  public static int at(Slice s, long i) {
    int len = len(s);
    if (i < 0 || i >= len) throw Panic.index(i, len);
    return s.off + (int) i;
  }
}
