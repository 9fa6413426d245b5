package gol.runtime.lib;

import static org.junit.jupiter.api.Assertions.*;

import gol.runtime.Fn;
import gol.runtime.G;
import gol.runtime.RType;
import gol.runtime.Slice;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * sort: the stable merge sort against Java's stable sort, on data with many ties, all sizes; pdqsort
 * sorts every input shape (the order of ties is checked against Go by tests/programs/sort/).
 */
class SortTest {
  private static Slice ints(long... v) { return new Slice(RType.slice(RType.INT), v, 0, v.length, v.length); }

  @Test void sliceStableKeepsOrderOfEqualKeysAtEverySize() {
    Random rnd = new Random(42);
    for (int n = 0; n < 300; n += (n < 50 ? 1 : 17)) {
      long[] v = new long[n];
      for (int i = 0; i < n; i++) v[i] = rnd.nextInt(8) * 1000L + i;   // key = v/1000, tie-break = original index
      Slice s = ints(v.clone());
      long[] a = (long[]) s.array;
      Fn.JJ_Z less = (G g, long i, long j) -> a[(int) i] / 1000 < a[(int) j] / 1000;
      sort.SliceStable(null, s, less);
      Long[] expect = Arrays.stream(v).boxed().toArray(Long[]::new);
      Arrays.sort(expect, (p, q) -> Long.compare(p / 1000, q / 1000));   // Java's sort of objects is stable
      assertArrayEquals(Arrays.stream(expect).mapToLong(Long::longValue).toArray(), a, "n=" + n);
    }
  }

  @Test void sortInterfaceAndReverseOnASubslice() {
    long[] backing = {99, 5, 3, 9, 1, 7, -99};
    Slice s = new Slice(RType.slice(RType.INT), backing, 1, 5, 6);
    sort.Interface data = new sort.Interface() {
      public long Len(G g) { return s.len; }
      public boolean Less(G g, long i, long j) { return backing[s.off + (int) i] < backing[s.off + (int) j]; }
      public void Swap(G g, long i, long j) {
        long t = backing[s.off + (int) i]; backing[s.off + (int) i] = backing[s.off + (int) j]; backing[s.off + (int) j] = t;
      }
    };
    sort.Sort(null, sort.Reverse(null, data));
    assertArrayEquals(new long[] {99, 9, 7, 5, 3, 1, -99}, backing);
    assertTrue(sort.IsSorted(null, sort.Reverse(null, data)));
    assertFalse(sort.IsSorted(null, data));
  }

  @Test void float64sPutsNaNFirst() {
    double[] v = {2, Double.NaN, -1, 0.5, Double.NaN};
    sort.Float64s(null, new Slice(RType.slice(RType.FLOAT64), v, 0, 5, 5));
    assertTrue(Double.isNaN(v[0]) && Double.isNaN(v[1]));
    assertArrayEquals(new double[] {-1, 0.5, 2}, Arrays.copyOfRange(v, 2, 5));
  }

  @Test void searchFindsTheFirstTrue() {
    Fn.J_Z f = (G g, long i) -> i >= 37;
    assertEquals(37, sort.Search(null, 100, f));
    assertEquals(10, sort.Search(null, 10, f));
    assertEquals(2, sort.SearchInts(null, ints(1, 3, 5, 5, 7), 5));
    assertEquals(5, sort.SearchInts(null, ints(1, 3, 5, 5, 7), 8));
  }

  @Test void pdqsortSortsEveryShapeAndSize() {
    Random rnd = new Random(7);
    for (int n = 0; n < 3000; n += (n < 70 ? 1 : 131)) {
      for (int shape = 0; shape < 6; shape++) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = switch (shape) {
            case 0 -> rnd.nextInt(1000);
            case 1 -> i;
            case 2 -> n - i;
            case 3 -> i % 7;
            case 4 -> i < n / 2 ? i : n - i;   // organ pipe
            default -> (i * 7919L) % 13 == 0 ? rnd.nextInt(5) : i;   // nearly sorted
          };
        }
        long[] expect = v.clone();
        Arrays.sort(expect);
        sort.Ints(null, ints(v));
        assertArrayEquals(expect, v, "n=" + n + " shape=" + shape);
      }
    }
  }

  @Test void intSliceBoxIsAnInterfaceAndSortsReversed() {
    long[] v = {3, 1, 2, 5, 4};
    Object box = sort.IntSlice_box(ints(v));
    sort.Sort(null, sort.Reverse(null, box));
    assertArrayEquals(new long[] {5, 4, 3, 2, 1}, v);
    assertEquals("sort.IntSlice", gol.runtime.Box.typeOf(box).name);
    assertThrows(gol.runtime.Panic.class, () -> sort.IntSlice_Swap(null, ints(v), 0, 5));
  }
}
