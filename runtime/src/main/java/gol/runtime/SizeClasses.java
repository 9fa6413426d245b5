package gol.runtime;

/**
 * Go's memory allocator size classes (runtime/sizeclasses.go, Go 1.19) and the capacity growth rule
 * of append (runtime/slice.go growslice). gol does not allocate through size classes, but Go's
 * {@code cap()} after append shows them: appending to a full {@code []byte} of length 5 gives
 * capacity 16, not 10, because 10 bytes round up to the 16-byte class. Reproducing the rule keeps
 * programs that print capacities byte-for-byte identical to Go.
 */
public final class SizeClasses {
  private SizeClasses() {}

  /** Object sizes of the small size classes, ascending; class 0 is unused. */
  private static final int[] CLASS_TO_SIZE = {
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352,
    384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304,
    2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880,
    12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768
  };
  /** Objects this size or larger are allocated as whole pages. */
  private static final long MAX_SMALL_SIZE = 32768;
  private static final long PAGE_SIZE = 8192;

  /** The size of the block malloc returns for a request of {@code size} bytes (Go's roundupsize). */
  public static long roundUpSize(long size) {
    if (size < MAX_SMALL_SIZE) {
      int lo = 1, hi = CLASS_TO_SIZE.length - 1; // find the smallest class >= size
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (CLASS_TO_SIZE[mid] >= size) hi = mid; else lo = mid + 1;
      }
      return size == 0 ? 0 : CLASS_TO_SIZE[lo];
    }
    return (size + PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE;
  }

  /**
   * The capacity of the new backing array when a slice of capacity {@code oldCap} must grow to hold
   * {@code needed} elements of {@code elemSize} bytes each (needed > oldCap). Go 1.19's rule: double
   * small slices, grow large ones (cap >= 256) by about 1.25x plus 192 elements, jump straight to
   * {@code needed} when doubling is not enough, then round the byte size up to a size class.
   */
  public static long growCap(long oldCap, long needed, long elemSize) {
    if (elemSize == 0) return needed; // zero-size elements take no memory
    long newCap = oldCap;
    long doubleCap = oldCap + oldCap;
    if (needed > doubleCap) {
      newCap = needed;
    } else {
      final long threshold = 256;
      if (oldCap < threshold) {
        newCap = doubleCap;
      } else {
        // From 2x for small slices to 1.25x for large ones, smoothly.
        while (0 < newCap && newCap < needed) newCap += (newCap + 3 * threshold) / 4;
        if (newCap <= 0) newCap = needed;
      }
    }
    return roundUpSize(newCap * elemSize) / elemSize;
  }
}
