package gol.runtime;

/**
 * The goroutine's stack of suspended frames: segmented and growable, as Go's stacks were until
 * Go 1.3.
 *
 * <p>A running goroutine keeps its live frames on the JVM stack of the M (thread) running it; only
 * when it suspends do frames move here, innermost on top. Each frame record is
 * <pre>
 *   prim[base .. base+np)   primitive locals (longs; doubles as raw bits; booleans as 0/1)
 *   ref [rbase .. rbase+nr) reference locals
 *   prim[base+np]           header: fnId << 32 | pc
 *   prim[base+np+1]         header: np << 32 | nr
 * </pre>
 * A frame never straddles segments. The first segment is small (a goroutine parked at shallow depth
 * costs little); when a frame does not fit, a new segment of twice the size is linked on top (Go
 * 1.2's morestack). When a segment above the first empties it is unlinked and kept as the one
 * spare, so a goroutine suspending at a segment boundary in a loop does not allocate each time (Go's
 * "hot split"). The first (bottom) segment stays linked when it empties, so the common case, a
 * goroutine that suspends and resumes one frame at a time, finds room at once; and it stays with the
 * G when the goroutine ends ({@link #clear}), as Go keeps a dead G's stack for the next goroutine.
 *
 * <p>Invariants (checked by {@link #checkInvariants()}):
 * <ol>
 *   <li>{@code top.psp} and {@code top.rsp} index the first free slot of the top segment; every
 *       segment below is non-empty; an empty top segment is the bottom one, or the one the last
 *       pop emptied (unlinked at the next push, pop or clear, so the resume code can still read
 *       the popped frame from {@code top}).</li>
 *   <li>Reference slots at and above {@code rsp} are null (popped frames do not retain garbage),
 *       except those of the frame popped last, {@code top.ref[top.rsp .. staleTo)}, until the next
 *       push, pop or clear: the resume code reads its locals straight from the segment
 *       ({@link #pop}), so they are cleared later.</li>
 *   <li>{@code depth} equals the number of frame records in all segments.</li>
 * </ol>
 * Threading: owned by the goroutine; touched only by the M that is running or committing it.
 */
public final class Stack {
  /** Slots in the first segment: 16 prims + 8 refs is about 230 bytes with headers. */
  static final int FIRST_PRIMS = 16, FIRST_REFS = 8;

  static final class Segment {
    final long[] prim;
    final Object[] ref;
    int psp, rsp;
    Segment below;

    Segment(int prims, int refs) { prim = new long[prims]; ref = new Object[refs]; }
  }

  /**
   * Segments allocated (grow) and released (shrink: a smaller spare dropped for a bigger one) so
   * far, and the values the execution tracer last reported ({@link Tracer#stackCheck}). Reusing
   * the spare is neither. Plain counters: the G's running M only.
   */
  int grows, shrinks, seenGrows, seenShrinks;

  private Segment top;
  private Segment spare;
  private int depth;

  /** Number of saved frames. */
  public int depth() { return depth; }

  public boolean isEmpty() { return depth == 0; }

  /** Function id of the innermost saved frame. */
  public int topFnId() {
    flushStale();   // the last pop may have emptied the top segment
    return (int) (top.prim[top.psp - 2] >>> 32);
  }

  /** Resume point of the innermost saved frame. */
  public int topPc() {
    flushStale();
    return (int) top.prim[top.psp - 2];
  }

  /**
   * Pushes one frame copied from {@code src} (an unwind scratch): np prims from srcP[pBase..] and nr
   * refs from srcR[rBase..].
   */
  void push(int fnId, int pc, long[] srcP, int pBase, int np, Object[] srcR, int rBase, int nr) {
    int b = reserve(fnId, pc, np, nr);
    Segment s = top;
    System.arraycopy(srcP, pBase, s.prim, b, np);
    System.arraycopy(srcR, rBase, s.ref, s.rsp - nr, nr);
  }

  /**
   * Pushes a frame record of np prims and nr refs whose slots the caller fills in: prims at
   * {@link #topPrims()}{@code [returned base ..]}, refs at {@link #topRefs()}{@code [topRefBase(nr) ..]}.
   * This is how the innermost frame of a suspension is saved with a single copy ({@link Unwind}).
   */
  int reserve(int fnId, int pc, int np, int nr) {
    flushStale();
    Segment s = top;
    if (s == null || s.psp + np + 2 > s.prim.length || s.rsp + nr > s.ref.length) s = grow(np + 2, nr);
    int base = s.psp;
    s.psp += np;
    s.rsp += nr;
    s.prim[s.psp++] = ((long) fnId << 32) | (pc & 0xffffffffL);
    s.prim[s.psp++] = ((long) np << 32) | nr;
    depth++;
    return base;
  }

  /** The top segment's primitive slots (valid after {@link #reserve}). */
  long[] topPrims() { return top.prim; }

  /** The top segment's reference slots (valid after {@link #reserve}). */
  Object[] topRefs() { return top.ref; }

  /** Where the nr reference slots of the frame just reserved start in {@link #topRefs()}. */
  int topRefBase(int nr) { return top.rsp - nr; }

  /** Where the primitive slots of the frame just popped start in {@link #topPrims()}. */
  int topPrimBase() { return top.psp; }

  /** Where the reference slots of the frame just popped start in {@link #topRefs()}. */
  int topRefBase() { return top.rsp; }

  /** Primitive slots of the innermost frame (from its header). */
  int topNp() { return (int) (top.prim[top.psp - 1] >>> 32); }

  /** Reference slots of the innermost frame (from its header). */
  int topNr() { return (int) top.prim[top.psp - 1]; }

  /**
   * Undoes the latest {@link #reserve}, first copying its slots to dstP[pBase..] and dstR[rBase..]
   * (when dstP is not null).
   */
  void unreserve(long[] dstP, int pBase, Object[] dstR, int rBase) {
    Segment s = top;
    int np = topNp(), nr = topNr();
    s.psp -= np + 2;
    s.rsp -= nr;
    if (dstP != null) {
      System.arraycopy(s.prim, s.psp, dstP, pBase, np);
      System.arraycopy(s.ref, s.rsp, dstR, rBase, nr);
    }
    for (int i = s.rsp, end = s.rsp + nr; i < end; i++) s.ref[i] = null;
    depth--;
    if (s.psp == 0 && s.below != null) release(s);
  }

  /**
   * Before the frames of a suspension are pushed onto an empty stack: makes sure the first
   * segment will be exactly big enough for them ({@code prims} including the two header words per
   * frame). A parked goroutine usually holds one or two small frames, so sizing the first segment
   * to what is saved, not to a fixed guess, is most of what keeps a parked goroutine small (Go's
   * smallest stack is 2 KB). Deeper stacks grow by doubling from there. A first suspension deeper
   * than {@link #FIRST_PRIMS} x 4 / {@link #FIRST_REFS} x 4 slots keeps the doubling segments, so
   * that popping them gives memory back.
   */
  void presize(int prims, int refs) {
    if (depth != 0 || prims > 4 * FIRST_PRIMS || refs > 4 * FIRST_REFS) return;
    if (top != null) {          // the kept bottom segment: enough, or replaced
      if (top.prim.length >= prims && top.ref.length >= refs) return;
      release(top);
    }
    if (spare != null && spare.prim.length >= prims && spare.ref.length >= refs) return;
    if (spare != null) {
      prims = Math.max(prims, spare.prim.length);
      refs = Math.max(refs, spare.ref.length);
      shrinks++; // the smaller spare is released
    }
    spare = new Segment(prims, refs);
    grows++;
  }

  /** Links a segment on top able to hold a frame of the given size (the spare if it is big enough). */
  private Segment grow(int needP, int needR) {
    if (depth == 0) {   // empty stack: size the bottom segment to this frame
      presize(needP, needR);
      if (top != null) release(top);   // kept bottom segment too small for a frame presize leaves alone
    }
    Segment s;
    if (spare != null && spare.prim.length >= needP && spare.ref.length >= needR) {
      s = spare;
      spare = null;
    } else {
      int p = top == null ? FIRST_PRIMS : top.prim.length * 2;
      int r = top == null ? FIRST_REFS : top.ref.length * 2;
      s = new Segment(Math.max(p, needP), Math.max(r, needR));
      grows++;
    }
    s.below = top;
    top = s;
    return s;
  }

  /**
   * Pops the innermost frame and returns its pc. Its locals are not copied: they stay in the top
   * segment, at {@link #topPrims()}{@code [topPrimBase() ..]} and {@link #topRefs()}{@code
   * [topRefBase() ..]}, where the resume code reads them before it does anything else. Its
   * reference slots are cleared, and an emptied segment above the bottom one unlinked, at the next
   * push, pop or clear ({@link #flushStale}). Nothing here stores a reference: every reference
   * store into a long-lived object costs a G1 write barrier, and this runs on every switch.
   */
  int pop() {
    flushStale();
    Segment s = top;
    long h2 = s.prim[s.psp - 1];
    long h1 = s.prim[s.psp - 2];
    int np = (int) (h2 >>> 32), nr = (int) h2;
    s.psp -= np + 2;
    s.rsp -= nr;
    staleTo = s.rsp + nr;
    depth--;
    return (int) h1;
  }

  /** End of the reference slots of the frame popped last in the top segment (from {@code top.rsp}). */
  private int staleTo;

  /**
   * Finishes the last pop: clears its reference slots (invariant 2) and unlinks its segment if it
   * emptied one above the bottom segment (invariant 1).
   */
  private void flushStale() {
    Segment s = top;
    if (s == null) return;
    for (int i = s.rsp; i < staleTo; i++) s.ref[i] = null; // a few slots: a loop beats Arrays.fill
    staleTo = 0;
    if (s.psp == 0 && s.below != null) release(s);
  }

  /** Unlinks the empty top segment s; keeps it as the spare if it is the larger of the two. */
  private void release(Segment s) {
    top = s.below;
    s.below = null;
    if (spare == null || spare.prim.length < s.prim.length) {
      if (spare != null) shrinks++; // the smaller spare is released
      spare = s;
    }
  }

  /**
   * The goroutine is dead and its G may be reused: drops every frame and every segment except an
   * empty bottom segment of at most the first segment's default size, which the G keeps for its
   * next goroutine (its reference slots are all null by invariant 2 once the stale ones are cleared).
   */
  void clear() {
    flushStale();
    Segment s = top;
    boolean keep = depth == 0 && s != null && s.prim.length <= FIRST_PRIMS && s.ref.length <= FIRST_REFS;
    if (!keep) top = null;
    spare = null;
    depth = 0;
  }

  /** Heap bytes held by the segments (approximate, for benchmarks and scheddetail). */
  public long bytes() {
    long b = 0;
    for (Segment s = top; s != null; s = s.below) b += 32 + 16 + 8L * s.prim.length + 16 + 4L * s.ref.length;
    if (spare != null) b += 32 + 16 + 8L * spare.prim.length + 16 + 4L * spare.ref.length;
    return b;
  }

  /** Saved frames, innermost first, as {fnId, pc} pairs: for goroutine dumps. */
  public int[][] frames() {
    int[][] out = new int[depth][];
    int i = 0;
    for (Segment s = top; s != null; s = s.below) {
      int p = s.psp;
      while (p > 0) {
        long h1 = s.prim[p - 2], h2 = s.prim[p - 1];
        out[i++] = new int[] {(int) (h1 >>> 32), (int) h1};
        p -= (int) (h2 >>> 32) + 2;
      }
    }
    return out;
  }

  /** Asserts the invariants listed in the class comment. For tests. */
  public void checkInvariants() {
    int n = 0;
    for (Segment s = top; s != null; s = s.below) {
      if (s != top && s.psp == 0) throw new AssertionError("empty segment below top");
      for (int i = s.rsp; i < s.ref.length; i++)
        if (s.ref[i] != null && !(s == top && i < staleTo)) throw new AssertionError("stale ref at " + i);
      int p = s.psp, r = s.rsp;
      while (p > 0) {
        long h2 = s.prim[p - 1];
        p -= (int) (h2 >>> 32) + 2;
        r -= (int) h2;
        if (p < 0 || r < 0) throw new AssertionError("corrupt frame headers");
        n++;
      }
      if (r != 0) throw new AssertionError("ref slots do not match headers");
    }
    if (n != depth) throw new AssertionError("depth " + depth + " but " + n + " frames");
  }
}
