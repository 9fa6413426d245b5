package gol.runtime.lib;

/**
 * The two sorting algorithms of Go 1.19's package sort, written against an index-only view of the
 * data ({@link Data}: "is element i less than element j", "swap elements i and j"):
 * <ul>
 *   <li>{@link #pdqsort}: pattern-defeating quicksort, used by sort.Sort, sort.Slice, sort.Ints,
 *       sort.Strings and sort.Float64s. It is not stable. Because it makes exactly the same sequence of
 *       Less and Swap calls as Go's, elements that compare equal end in the same order as in Go, and a
 *       Less function with side effects (counting calls, printing) observes the same calls.</li>
 *   <li>{@link #stable}: insertion sort of blocks of 20 elements, then in-place merges by rotation
 *       (SymMerge, by Kim and Kutzner), used by sort.Stable and sort.SliceStable.</li>
 * </ul>
 *
 * <p>pdqsort in brief (Orson Peters' algorithm, as Go 1.19 adopted it): ranges of at most 12
 * elements are insertion-sorted; otherwise a pivot is chosen as the median of three (of three
 * medians of three, the "ninther", for 50 elements or more), and the number of swaps that choice
 * needed hints whether the range looks sorted (0 swaps) or reversed (all 12). A range that looks
 * sorted is first tried with a bounded insertion sort; a pivot equal to the element just before the
 * range means many duplicates, so equal elements are split off in one pass; an unbalanced split
 * breaks patterns by swapping three elements chosen by a xorshift generator seeded with the range's
 * length; after log2(n) unbalanced splits the range falls back to heapsort. The recursion goes into
 * the smaller side, so the depth stays logarithmic.
 *
 * <p>Threading: the algorithms hold no state; the Data callbacks run on the calling thread.
 */
final class SortAlgo {
  private SortAlgo() {}

  /** What the algorithms need: compare and swap elements by index. */
  interface Data {
    boolean less(int i, int j);
    void swap(int i, int j);
  }

  // ------------------------------------------------------------------ pdqsort

  private static final int MAX_INSERTION = 12;       // ranges this short are insertion-sorted
  private static final int SHORTEST_NINTHER = 50;    // from this length the pivot is a ninther
  private static final int MAX_SWAPS = 4 * 3;        // swaps of a ninther on reversed input
  private static final int PARTIAL_MAX_STEPS = 5;    // out-of-order pairs partial insertion fixes
  private static final int SHORTEST_SHIFTING = 50;   // no partial insertion below this length

  private enum Hint { UNKNOWN, INCREASING, DECREASING }

  /** Sorts [0, n) as Go's sort.Sort does. */
  static void pdqsort(Data d, int n) {
    if (n <= 1) return;
    int limit = 32 - Integer.numberOfLeadingZeros(n);   // bits.Len(n)
    pdqsort(d, 0, n, limit);
  }

  private static void pdqsort(Data d, int a, int b, int limit) {
    boolean wasBalanced = true, wasPartitioned = true;
    while (true) {
      int length = b - a;
      if (length <= MAX_INSERTION) {
        insertionSort(d, a, b);
        return;
      }
      if (limit == 0) {
        heapSort(d, a, b);
        return;
      }
      if (!wasBalanced) {
        breakPatterns(d, a, b);
        limit--;
      }
      int[] swaps = {0};
      int pivot = choosePivot(d, a, b, swaps);
      Hint hint = swaps[0] == 0 ? Hint.INCREASING : swaps[0] == MAX_SWAPS ? Hint.DECREASING : Hint.UNKNOWN;
      if (hint == Hint.DECREASING) {
        reverseRange(d, a, b);
        pivot = (b - 1) - (pivot - a);   // the pivot moved with the reversal
        hint = Hint.INCREASING;
      }
      if (wasBalanced && wasPartitioned && hint == Hint.INCREASING && partialInsertionSort(d, a, b)) return;
      if (a > 0 && !d.less(a - 1, pivot)) {
        // the pivot equals the element before the range (which is <= all of it): put all elements
        // equal to the pivot first, and continue with the greater ones
        a = partitionEqual(d, a, b, pivot);
        continue;
      }
      int mid = partition(d, a, b, pivot);
      wasPartitioned = mid < 0;
      if (mid < 0) mid = ~mid;
      int leftLen = mid - a, rightLen = b - mid;
      int balanceThreshold = length / 8;
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold;
        pdqsort(d, a, mid, limit);
        a = mid + 1;
      } else {
        wasBalanced = rightLen >= balanceThreshold;
        pdqsort(d, mid + 1, b, limit);
        b = mid;
      }
    }
  }

  static void insertionSort(Data d, int a, int b) {
    for (int i = a + 1; i < b; i++) {
      for (int j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1);
    }
  }

  /** Heapsort of [a, b): a max-heap rooted at a, then repeated extraction of the maximum. */
  private static void heapSort(Data d, int a, int b) {
    int hi = b - a;
    for (int i = (hi - 1) / 2; i >= 0; i--) siftDown(d, i, hi, a);
    for (int i = hi - 1; i >= 0; i--) {
      d.swap(a, a + i);
      siftDown(d, 0, i, a);
    }
  }

  /** Restores the heap property below root in the heap [lo, hi) whose element k is d[first + k]. */
  private static void siftDown(Data d, int root, int hi, int first) {
    while (true) {
      int child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && d.less(first + child, first + child + 1)) child++;
      if (!d.less(first + root, first + child)) return;
      d.swap(first + root, first + child);
      root = child;
    }
  }

  /**
   * Partitions [a, b) around the element at pivot: smaller elements before it, the others after.
   * Returns the pivot's final index, or its complement (~index, negative) when the range was
   * already partitioned (no swap was needed besides moving the pivot).
   */
  private static int partition(Data d, int a, int b, int pivot) {
    d.swap(a, pivot);   // the pivot waits at a while [a+1, b) is partitioned
    int i = a + 1, j = b - 1;
    while (i <= j && d.less(i, a)) i++;
    while (i <= j && !d.less(j, a)) j--;
    if (i > j) {
      d.swap(j, a);
      return ~j;
    }
    d.swap(i, j);
    i++;
    j--;
    while (true) {
      while (i <= j && d.less(i, a)) i++;
      while (i <= j && !d.less(j, a)) j--;
      if (i > j) break;
      d.swap(i, j);
      i++;
      j--;
    }
    d.swap(j, a);
    return j;
  }

  /** Moves the elements equal to the pivot (not greater) to the front of [a, b); returns where the rest begins. */
  private static int partitionEqual(Data d, int a, int b, int pivot) {
    d.swap(a, pivot);
    int i = a + 1, j = b - 1;
    while (true) {
      while (i <= j && !d.less(a, i)) i++;
      while (i <= j && d.less(a, j)) j--;
      if (i > j) break;
      d.swap(i, j);
      i++;
      j--;
    }
    return i;
  }

  /**
   * Tries to finish a nearly sorted range by shifting at most five out-of-order elements into
   * place; true if [a, b) is sorted afterwards. (Like Go, the backward shift runs down to index 1,
   * not to a: the element before a is never greater, so this only costs comparisons.)
   */
  private static boolean partialInsertionSort(Data d, int a, int b) {
    int i = a + 1;
    for (int step = 0; step < PARTIAL_MAX_STEPS; step++) {
      while (i < b && !d.less(i, i - 1)) i++;
      if (i == b) return true;
      if (b - a < SHORTEST_SHIFTING) return false;
      d.swap(i, i - 1);
      if (i - a >= 2) {   // shift the smaller element left
        for (int j = i - 1; j >= 1; j--) {
          if (!d.less(j, j - 1)) break;
          d.swap(j, j - 1);
        }
      }
      if (b - i >= 2) {   // shift the greater element right
        for (int j = i + 1; j < b; j++) {
          if (!d.less(j, j - 1)) break;
          d.swap(j, j - 1);
        }
      }
    }
    return false;
  }

  /** Swaps the three middle elements of [a, b) with pseudo-randomly chosen ones. */
  private static void breakPatterns(Data d, int a, int b) {
    int length = b - a;
    if (length < 8) return;
    long random = length;   // xorshift state, seeded by the length so runs are reproducible
    long modulus = 1L << (32 - Integer.numberOfLeadingZeros(length));   // next power of two above length
    for (int idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
      random ^= random << 13;
      random ^= random >>> 17;
      random ^= random << 5;
      int other = (int) (random & (modulus - 1));
      if (other >= length) other -= length;
      d.swap(idx, a + other);
    }
  }

  /** The pivot's index: median of three (or a ninther); swaps[0] counts the exchanges of the ordering. */
  private static int choosePivot(Data d, int a, int b, int[] swaps) {
    int l = b - a;
    int i = a + l / 4, j = a + l / 4 * 2, k = a + l / 4 * 3;
    if (l >= 8) {
      if (l >= SHORTEST_NINTHER) {
        i = median(d, i - 1, i, i + 1, swaps);
        j = median(d, j - 1, j, j + 1, swaps);
        k = median(d, k - 1, k, k + 1, swaps);
      }
      j = median(d, i, j, k, swaps);
    }
    return j;
  }

  /** The index of the median of d[x], d[y], d[z], by three compare-exchanges of the indices. */
  private static int median(Data d, int x, int y, int z, int[] swaps) {
    if (d.less(y, x)) { int t = x; x = y; y = t; swaps[0]++; }
    if (d.less(z, y)) { int t = y; y = z; z = t; swaps[0]++; }
    if (d.less(y, x)) { int t = x; x = y; y = t; swaps[0]++; }
    return y;
  }

  private static void reverseRange(Data d, int a, int b) {
    for (int i = a, j = b - 1; i < j; i++, j--) d.swap(i, j);
  }

  // ------------------------------------------------------------------ stable: blocks + SymMerge

  private static final int BLOCK = 20;

  /** Sorts [0, n) stably: insertion-sorted blocks of 20, then merges of doubling width. */
  static void stable(Data d, int n) {
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
