package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.Fn;
import gol.runtime.G;
import gol.runtime.Panic;
import gol.runtime.RType;
import gol.runtime.Slice;

/**
 * Go's package sort (the subset gol supports). Every sort here is stable: an insertion sort of
 * blocks of 20 elements followed by in-place merges by rotation (the SymMerge algorithm of Kim and
 * Kutzner, the one Go's sort.Stable uses), driven only by "less(i, j)" and "swap(i, j)" on indices,
 * so the same code sorts a sort.Interface, a slice with a less function, and a typed slice.
 *
 * <p>Go's sort.Sort and sort.Slice use pdqsort, which is not stable: when two elements compare
 * equal their final order can differ from Go's. For keys without ties the result is the same.
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

  /** What the algorithms need: compare and swap elements by index. */
  private interface Data {
    boolean less(int i, int j);
    void swap(int i, int j);
  }

  // ------------------------------------------------------------------ typed slices

  public static void Ints(G g, Slice x) {
    if (Slice.len(x) < 2) return;
    long[] a = (long[]) x.array;
    java.util.Arrays.sort(a, x.off, x.off + x.len);
  }

  public static void Strings(G g, Slice x) {
    if (Slice.len(x) < 2) return;
    Object[] a = (Object[]) x.array;
    // Go strings compare byte-wise; gol strings hold one char per byte, so String order is Go's.
    java.util.Arrays.sort(a, x.off, x.off + x.len, (p, q) -> ((String) p).compareTo((String) q));
  }

  /** Ascending, with NaNs first (Go's Float64Slice.Less: x < y || isNaN(x) && !isNaN(y)). */
  public static void Float64s(G g, Slice x) {
    if (Slice.len(x) < 2) return;
    double[] a = (double[]) x.array;
    Double[] boxed = new Double[x.len];
    for (int i = 0; i < x.len; i++) boxed[i] = a[x.off + i];
    java.util.Arrays.sort(boxed, (p, q) -> floatLess(p, q) ? -1 : floatLess(q, p) ? 1 : 0);
    for (int i = 0; i < x.len; i++) a[x.off + i] = boxed[i];
  }

  private static boolean floatLess(double p, double q) { return p < q || (Double.isNaN(p) && !Double.isNaN(q)); }

  public static boolean IntsAreSorted(G g, Slice x) {
    for (int i = 1; i < Slice.len(x); i++) {
      long[] a = (long[]) x.array;
      if (a[x.off + i] < a[x.off + i - 1]) return false;
    }
    return true;
  }

  public static boolean StringsAreSorted(G g, Slice x) {
    for (int i = 1; i < Slice.len(x); i++) {
      Object[] a = (Object[]) x.array;
      if (((String) a[x.off + i]).compareTo((String) a[x.off + i - 1]) < 0) return false;
    }
    return true;
  }

  public static boolean Float64sAreSorted(G g, Slice x) {
    for (int i = 1; i < Slice.len(x); i++) {
      double[] a = (double[]) x.array;
      if (floatLess(a[x.off + i], a[x.off + i - 1])) return false;
    }
    return true;
  }

  // ------------------------------------------------------------------ searching

  /** The smallest i in [0, n) with f(i) true, assuming f is false then true; n if there is none. */
  public static long Search(G g, long n, Object f) {
    Fn.J_Z pred = (Fn.J_Z) f;
    long lo = 0, hi = n;
    while (lo < hi) {
      long h = (lo + hi) >>> 1;
      if (!pred.invoke(g, h)) lo = h + 1;
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

  // ------------------------------------------------------------------ sort.Interface

  public static void Sort(G g, Object data) { Stable(g, data); }

  public static void Stable(G g, Object data) {
    Interface d = iface(data);
    int n = (int) d.Len(g);
    stable(new Data() {
      @Override public boolean less(int i, int j) { return d.Less(g, i, j); }
      @Override public void swap(int i, int j) { d.Swap(g, i, j); }
    }, n);
  }

  public static boolean IsSorted(G g, Object data) {
    Interface d = iface(data);
    for (long i = d.Len(g) - 1; i > 0; i--) if (d.Less(g, i, i - 1)) return false;
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

  public static void Slice(G g, Object x, Object less) { SliceStable(g, x, less); }

  public static void SliceStable(G g, Object x, Object less) {
    Slice s = slice(x, "Slice");
    if (Slice.len(s) < 2) return;
    Fn.JJ_Z f = (Fn.JJ_Z) less;
    Swapper sw = swapper(s);
    stable(new Data() {
      @Override public boolean less(int i, int j) { return f.invoke(g, i, j); }
      @Override public void swap(int i, int j) { sw.swap(i, j); }
    }, s.len);
  }

  public static boolean SliceIsSorted(G g, Object x, Object less) {
    Slice s = slice(x, "SliceIsSorted");
    Fn.JJ_Z f = (Fn.JJ_Z) less;
    for (int i = Slice.len(s) - 1; i > 0; i--) if (f.invoke(g, i, i - 1)) return false;
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

  // ------------------------------------------------------------------ the stable algorithm

  private static final int BLOCK = 20;

  /** Sorts [0, n) stably: insertion-sorted blocks, then merges of doubling width. */
  private static void stable(Data d, int n) {
    int block = BLOCK;
    int a = 0, b = block;
    while (b <= n) {
      insertionSort(d, a, b);
      a = b;
      b += block;
    }
    insertionSort(d, a, n);
    while (block < n) {
      a = 0;
      b = 2 * block;
      while (b <= n) {
        symMerge(d, a, a + block, b);
        a = b;
        b += 2 * block;
      }
      int m = a + block;
      if (m < n) symMerge(d, a, m, n);
      block *= 2;
    }
  }

  private static void insertionSort(Data d, int a, int b) {
    for (int i = a + 1; i < b; i++) {
      for (int j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1);
    }
  }

  /**
   * Merges the sorted runs [a, m) and [m, b) in place, stably. The split points are found by binary
   * search so that rotating the middle and recursing on both halves merges them.
   */
  private static void symMerge(Data d, int a, int m, int b) {
    if (m - a == 1) {   // insert the single element d[a] into [m, b)
      int i = m, j = b;
      while (i < j) {
        int h = (i + j) >>> 1;
        if (d.less(h, a)) i = h + 1;
        else j = h;
      }
      for (int k = a; k < i - 1; k++) d.swap(k, k + 1);
      return;
    }
    if (b - m == 1) {   // insert the single element d[m] into [a, m)
      int i = a, j = m;
      while (i < j) {
        int h = (i + j) >>> 1;
        if (!d.less(m, h)) i = h + 1;
        else j = h;
      }
      for (int k = m; k > i; k--) d.swap(k, k - 1);
      return;
    }
    int mid = (a + b) >>> 1;
    int n = mid + m;
    int start, r;
    if (m > mid) {
      start = n - b;
      r = mid;
    } else {
      start = a;
      r = m;
    }
    int p = n - 1;
    while (start < r) {
      int c = (start + r) >>> 1;
      if (!d.less(p - c, c)) start = c + 1;
      else r = c;
    }
    int end = n - start;
    if (start < m && m < end) rotate(d, start, m, end);
    if (a < start && start < mid) symMerge(d, a, start, mid);
    if (mid < end && end < b) symMerge(d, mid, end, b);
  }

  /** Rotates [a, m) and [m, b) so that [m, b) comes first, by block swaps. */
  private static void rotate(Data d, int a, int m, int b) {
    int i = m - a, j = b - m;
    while (i != j) {
      if (i > j) {
        swapRange(d, m - i, m, j);
        i -= j;
      } else {
        swapRange(d, m - i, m + j - i, i);
        j -= i;
      }
    }
    swapRange(d, m - i, m, i);
  }

  private static void swapRange(Data d, int a, int b, int n) {
    for (int i = 0; i < n; i++) d.swap(a + i, b + i);
  }
}
