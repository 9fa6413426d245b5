package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.Fn;
import gol.runtime.Callbacks;
import gol.runtime.G;
import gol.runtime.Panic;
import gol.runtime.RType;
import gol.runtime.Slice;

/**
 * Go's package sort (the subset gol supports), with Go 1.19's algorithms (see {@link SortAlgo}):
 * sort.Sort, sort.Slice, sort.Ints, sort.Strings and sort.Float64s use pdqsort, which is not stable
 * but makes the same Less/Swap calls as Go's, so elements that compare equal end in Go's order;
 * sort.Stable and sort.SliceStable use insertion-sorted blocks and SymMerge.
 *
 * <p>The typed slices sort.IntSlice, sort.StringSlice and sort.Float64Slice are Go named slice types
 * with methods: their methods are static {@code IntSlice_Len(G, Slice)} etc. (called by the compiler
 * like time.Duration's), and in an interface such a slice is an {@link IntSliceBox} (etc.), which
 * implements {@link Interface}, so {@code sort.Sort(sort.Reverse(sort.IntSlice(xs)))} works.
 *
 * <p>Callbacks (Less, Swap, less functions) are called as plain Java calls on the calling goroutine,
 * so they must not block (see {@link Fn}).
 */
public final class sort {
  private sort() {}

  /**
   * Go's sort.Interface. The compiler maps the Go interface type sort.Interface to this Java
   * interface, so user types with Len/Less/Swap methods implement it.
   */
  public interface Interface {
    long Len(G g);
    boolean Less(G g, long i, long j);
    void Swap(G g, long i, long j);
  }

  // ------------------------------------------------------------------ typed slices

  /** Go's Float64Slice.Less: x < y, with NaNs ordered before everything else. */
  private static boolean floatLess(double p, double q) { return p < q || (Double.isNaN(p) && !Double.isNaN(q)); }

  /** A []int (or IntSlice) seen by the algorithms. */
  private static SortAlgo.Data ints(Slice x) {
    long[] a = (long[]) x.array;
    int o = x.off;
    return new SortAlgo.Data() {
      @Override public boolean less(int i, int j) { return a[o + i] < a[o + j]; }
      @Override public void swap(int i, int j) { long t = a[o + i]; a[o + i] = a[o + j]; a[o + j] = t; }
    };
  }

  /** A []string; gol strings hold one char per byte, so String.compareTo is Go's byte order. */
  private static SortAlgo.Data strings(Slice x) {
    Object[] a = (Object[]) x.array;
    int o = x.off;
    return new SortAlgo.Data() {
      @Override public boolean less(int i, int j) { return ((String) a[o + i]).compareTo((String) a[o + j]) < 0; }
      @Override public void swap(int i, int j) { Object t = a[o + i]; a[o + i] = a[o + j]; a[o + j] = t; }
    };
  }

  private static SortAlgo.Data floats(Slice x) {
    double[] a = (double[]) x.array;
    int o = x.off;
    return new SortAlgo.Data() {
      @Override public boolean less(int i, int j) { return floatLess(a[o + i], a[o + j]); }
      @Override public void swap(int i, int j) { double t = a[o + i]; a[o + i] = a[o + j]; a[o + j] = t; }
    };
  }

  public static void Ints(G g, Slice x) { if (Slice.len(x) > 1) SortAlgo.pdqsort(ints(x), x.len); }
  public static void Strings(G g, Slice x) { if (Slice.len(x) > 1) SortAlgo.pdqsort(strings(x), x.len); }
  public static void Float64s(G g, Slice x) { if (Slice.len(x) > 1) SortAlgo.pdqsort(floats(x), x.len); }

  public static boolean IntsAreSorted(G g, Slice x) { return Slice.len(x) < 2 || isSorted(ints(x), x.len); }
  public static boolean StringsAreSorted(G g, Slice x) { return Slice.len(x) < 2 || isSorted(strings(x), x.len); }
  public static boolean Float64sAreSorted(G g, Slice x) { return Slice.len(x) < 2 || isSorted(floats(x), x.len); }

  /** Go's IsSorted: no element is less than its predecessor, checked from the end. */
  private static boolean isSorted(SortAlgo.Data d, int n) {
    for (int i = n - 1; i > 0; i--) if (d.less(i, i - 1)) return false;
    return true;
  }

  // ------------------------------------------------------------------ searching

  /** The smallest i in [0, n) with f(i) true, assuming f is false then true; n if there is none. */
  public static long Search(G g, long n, Object f) {
    Fn.J_Z pred = (Fn.J_Z) f;
    long lo = 0, hi = n;
    while (lo < hi) {
      long h = (lo + hi) >>> 1;
      if (!Callbacks.resultZ(g, pred.invoke(g, h), "function called by sort.Search")) lo = h + 1;
      else hi = h;
    }
    return lo;
  }

  public static long SearchInts(G g, Slice a, long x) {
    long lo = 0, hi = Slice.len(a);
    while (lo < hi) {
      long h = (lo + hi) >>> 1;
      if (((long[]) a.array)[a.off + (int) h] < x) lo = h + 1;
      else hi = h;
    }
    return lo;
  }

  public static long SearchStrings(G g, Slice a, String x) {
    long lo = 0, hi = Slice.len(a);
    while (lo < hi) {
      long h = (lo + hi) >>> 1;
      if (((String) ((Object[]) a.array)[a.off + (int) h]).compareTo(x) < 0) lo = h + 1;
      else hi = h;
    }
    return lo;
  }

  /** SearchFloat64s: like Go, the predicate is a[i] >= x, so NaNs are never found. */
  public static long SearchFloat64s(G g, Slice a, double x) {
    long lo = 0, hi = Slice.len(a);
    while (lo < hi) {
      long h = (lo + hi) >>> 1;
      if (!(((double[]) a.array)[a.off + (int) h] >= x)) lo = h + 1;
      else hi = h;
    }
    return lo;
  }

  // ------------------------------------------------------------------ IntSlice, StringSlice, Float64Slice

  private static final RType INT_SLICE = RType.named(RType.Kind.SLICE, "sort.IntSlice", RType.INT);
  private static final RType STRING_SLICE = RType.named(RType.Kind.SLICE, "sort.StringSlice", RType.STRING);
  private static final RType FLOAT64_SLICE = RType.named(RType.Kind.SLICE, "sort.Float64Slice", RType.FLOAT64);

  public static long IntSlice_Len(G g, Slice x) { return Slice.len(x); }
  public static boolean IntSlice_Less(G g, Slice x, long i, long j) {
    long[] a = at(x, i, long[].class);
    return a[x.off + (int) i] < a[x.off + idx(x, j)];
  }
  public static void IntSlice_Swap(G g, Slice x, long i, long j) { swapAt(x, i, j); }
  public static void IntSlice_Sort(G g, Slice x) { Ints(g, x); }
  public static long IntSlice_Search(G g, Slice x, long v) { return SearchInts(g, x, v); }

  public static long StringSlice_Len(G g, Slice x) { return Slice.len(x); }
  public static boolean StringSlice_Less(G g, Slice x, long i, long j) {
    Object[] a = at(x, i, Object[].class);
    return ((String) a[x.off + (int) i]).compareTo((String) a[x.off + idx(x, j)]) < 0;
  }
  public static void StringSlice_Swap(G g, Slice x, long i, long j) { swapAt(x, i, j); }
  public static void StringSlice_Sort(G g, Slice x) { Strings(g, x); }
  public static long StringSlice_Search(G g, Slice x, String v) { return SearchStrings(g, x, v); }

  public static long Float64Slice_Len(G g, Slice x) { return Slice.len(x); }
  public static boolean Float64Slice_Less(G g, Slice x, long i, long j) {
    double[] a = at(x, i, double[].class);
    return floatLess(a[x.off + (int) i], a[x.off + idx(x, j)]);
  }
  public static void Float64Slice_Swap(G g, Slice x, long i, long j) { swapAt(x, i, j); }
  public static void Float64Slice_Sort(G g, Slice x) { Float64s(g, x); }
  public static long Float64Slice_Search(G g, Slice x, double v) { return SearchFloat64s(g, x, v); }

  /** Checks index i of x (Go's "index out of range" panic) and returns x's backing array. */
  private static <A> A at(Slice x, long i, Class<A> cls) {
    idx(x, i);
    return cls.cast(x.array);
  }

  private static int idx(Slice x, long i) {
    int n = Slice.len(x);
    if (i < 0 || i >= n) throw Panic.runtime("index out of range [" + i + "] with length " + n);
    return (int) i;
  }

  private static void swapAt(Slice x, long i, long j) {
    idx(x, i);
    idx(x, j);
    swapper(x).swap((int) i, (int) j);
  }

  /** Boxes an IntSlice into an interface: a value that is a sort.Interface. Known to the compiler. */
  public static Object IntSlice_box(Slice x) { return new IntSliceBox(x); }
  public static Object StringSlice_box(Slice x) { return new StringSliceBox(x); }
  public static Object Float64Slice_box(Slice x) { return new Float64SliceBox(x); }

  /** A sort.IntSlice held in an interface. */
  public static final class IntSliceBox implements Interface, Box.Named {
    public final Slice s;
    IntSliceBox(Slice s) { this.s = s; }
    @Override public long Len(G g) { return Slice.len(s); }
    @Override public boolean Less(G g, long i, long j) { return IntSlice_Less(g, s, i, j); }
    @Override public void Swap(G g, long i, long j) { swapAt(s, i, j); }
    @Override public RType goType() { return INT_SLICE; }
    @Override public Object unwrapped() { return Slice.box(RType.slice(RType.INT), s); }
  }

  /** A sort.StringSlice held in an interface. */
  public static final class StringSliceBox implements Interface, Box.Named {
    public final Slice s;
    StringSliceBox(Slice s) { this.s = s; }
    @Override public long Len(G g) { return Slice.len(s); }
    @Override public boolean Less(G g, long i, long j) { return StringSlice_Less(g, s, i, j); }
    @Override public void Swap(G g, long i, long j) { swapAt(s, i, j); }
    @Override public RType goType() { return STRING_SLICE; }
    @Override public Object unwrapped() { return Slice.box(RType.slice(RType.STRING), s); }
  }

  /** A sort.Float64Slice held in an interface. */
  public static final class Float64SliceBox implements Interface, Box.Named {
    public final Slice s;
    Float64SliceBox(Slice s) { this.s = s; }
    @Override public long Len(G g) { return Slice.len(s); }
    @Override public boolean Less(G g, long i, long j) { return Float64Slice_Less(g, s, i, j); }
    @Override public void Swap(G g, long i, long j) { swapAt(s, i, j); }
    @Override public RType goType() { return FLOAT64_SLICE; }
    @Override public Object unwrapped() { return Slice.box(RType.slice(RType.FLOAT64), s); }
  }

  // ------------------------------------------------------------------ sort.Interface

  /** Adapts a sort.Interface to the algorithms (Len is called once, as in Go). */
  private static SortAlgo.Data data(G g, Interface d) {
    return new SortAlgo.Data() {
      @Override public boolean less(int i, int j) { return Callbacks.resultZ(g, d.Less(g, i, j), "Less method called by sort"); }
      @Override public void swap(int i, int j) { d.Swap(g, i, j); Callbacks.done(g, "Swap method called by sort"); }
    };
  }

  public static void Sort(G g, Object data) {
    Interface d = iface(data);
    SortAlgo.pdqsort(data(g, d), (int) len(g, d));
  }

  public static void Stable(G g, Object data) {
    Interface d = iface(data);
    SortAlgo.stable(data(g, d), (int) len(g, d));
  }

  public static boolean IsSorted(G g, Object data) {
    Interface d = iface(data);
    for (long i = len(g, d) - 1; i > 0; i--) if (Callbacks.resultZ(g, d.Less(g, i, i - 1), "Less method called by sort.IsSorted")) return false;
    return true;
  }

  /** sort.Reverse: data with Less reversed. */
  public static Object Reverse(G g, Object data) { return new Reversed(iface(data)); }

  /** Go's *sort.reverse. */
  public static final class Reversed implements Interface, Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "sort.reverse", null));
    private final Interface d;

    Reversed(Interface d) { this.d = d; }

    @Override public long Len(G g) { return d.Len(g); }
    @Override public boolean Less(G g, long i, long j) { return d.Less(g, j, i); }
    @Override public void Swap(G g, long i, long j) { d.Swap(g, i, j); }
    @Override public RType goType() { return TYPE; }
  }

  private static Interface iface(Object data) {
    if (data == null) throw Panic.runtime("invalid memory address or nil pointer dereference");
    return (Interface) data;
  }

  // ------------------------------------------------------------------ sort.Slice

  public static void Slice(G g, Object x, Object less) {
    Slice s = slice(x, "Slice");
    if (Slice.len(s) > 1) SortAlgo.pdqsort(lessSwap(g, s, less), s.len);
  }

  public static void SliceStable(G g, Object x, Object less) {
    Slice s = slice(x, "SliceStable");
    if (Slice.len(s) > 1) SortAlgo.stable(lessSwap(g, s, less), s.len);
  }

  /** A slice and a less function seen by the algorithms (Go's lessSwap). */
  private static SortAlgo.Data lessSwap(G g, Slice s, Object less) {
    Fn.JJ_Z f = (Fn.JJ_Z) less;
    Swapper sw = swapper(s);
    return new SortAlgo.Data() {
      @Override public boolean less(int i, int j) { return Callbacks.resultZ(g, f.invoke(g, i, j), "less function called by sort.Slice"); }
      @Override public void swap(int i, int j) { sw.swap(i, j); }
    };
  }

  public static boolean SliceIsSorted(G g, Object x, Object less) {
    Slice s = slice(x, "SliceIsSorted");
    Fn.JJ_Z f = (Fn.JJ_Z) less;
    for (int i = Slice.len(s) - 1; i > 0; i--) if (Callbacks.resultZ(g, f.invoke(g, i, i - 1), "less function called by sort.SliceIsSorted")) return false;
    return true;
  }

  private static Slice slice(Object x, String fn) {
    if (!(x instanceof Slice s)) {
      String t = x == null ? "<nil>" : Box.typeOf(x).toString();
      throw Panic.plain("reflect: call of Swapper on " + t + " Value");
    }
    return Slice.unbox(s);
  }

  private interface Swapper { void swap(int i, int j); }

  /** Swaps elements i and j of s (indices relative to s), whatever its backing array's Java type. */
  private static Swapper swapper(Slice s) {
    int o = s.off;
    Object arr = s.array;
    if (arr instanceof long[] a) return (i, j) -> { long t = a[o + i]; a[o + i] = a[o + j]; a[o + j] = t; };
    if (arr instanceof Object[] a) return (i, j) -> { Object t = a[o + i]; a[o + i] = a[o + j]; a[o + j] = t; };
    if (arr instanceof double[] a) return (i, j) -> { double t = a[o + i]; a[o + i] = a[o + j]; a[o + j] = t; };
    if (arr instanceof int[] a) return (i, j) -> { int t = a[o + i]; a[o + i] = a[o + j]; a[o + j] = t; };
    if (arr instanceof byte[] a) return (i, j) -> { byte t = a[o + i]; a[o + i] = a[o + j]; a[o + j] = t; };
    boolean[] a = (boolean[]) arr;
    return (i, j) -> { boolean t = a[o + i]; a[o + i] = a[o + j]; a[o + j] = t; };
  }

  /** d.Len() as a callback (see {@link Callbacks}). */
  private static long len(G g, Interface d) {
    return Callbacks.resultJ(g, d.Len(g), "Len method called by sort");
  }
}
