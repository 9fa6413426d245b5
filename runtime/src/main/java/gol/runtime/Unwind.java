package gol.runtime;

/**
 * Scratch space of one M for moving frames between the JVM stack and a goroutine's {@link Stack}.
 *
 * <p>Saving: when a goroutine suspends, its frames unwind innermost first; each frame's cold save
 * helper calls {@link G#save} and writes its live locals at the returned offset of {@link #sp} and
 * at {@link #srBase} of {@link #sr}. Most suspensions save one frame (a goroutine blocks in the
 * function that does the channel operation), so the first frame goes straight onto the goroutine's
 * stack: sp and sr then are the stack segment's own arrays, and the frame is copied once. A second
 * frame in the same unwind must end up below the first, so the first moves back into this scratch
 * and the rest of the unwind is saved here too; when the unwind reaches the scheduler,
 * {@link #commitTo} pushes the scratch frames onto the goroutine's stack outermost first, so the
 * innermost ends on top. Deep suspensions copy their frames twice; the common one copies once.
 *
 * <p>Restoring: {@link G#restore} pops the innermost frame and points {@link #rp} / {@link #rr} at
 * its slots in the stack segment, from where the function's resume code reads its locals at
 * {@link #rpBase} + 0, 1, 2, ... and {@link #rrBase} + 0, 1, 2, ...
 *
 * <p>Threading: owned by its M; used only by the goroutine currently running on that M.
 */
public final class Unwind {
  // ---- known to the compiler ----
  /** Where the frame being saved puts its primitive locals (from the offset G.save returned). */
  public long[] sp;
  /** Where the frame being saved puts its reference locals (from {@link #srBase}). */
  public Object[] sr;
  /** Where the reference locals of the frame being saved start in {@link #sr}. */
  public int srBase;
  /** The restored frame's primitive locals, from {@link #rpBase}. */
  public long[] rp;
  /** The restored frame's reference locals, from {@link #rrBase}. */
  public Object[] rr;
  /** Index of the restored frame's first primitive local in {@link #rp}. */
  public int rpBase;
  /** Index of the restored frame's first reference local in {@link #rr}. */
  public int rrBase;

  /** Reference local i of the frame just restored (for runtime frames' resume code). */
  public Object restoredRef(int i) { return rr[rrBase + i]; }

  /** Primitive local i of the frame just restored. */
  public long restoredPrim(int i) { return rp[rpBase + i]; }

  // ---- the scratch: frames of a deep unwind ----
  private long[] scratchP = new long[64];
  private Object[] scratchR = new Object[32];
  /** Frame records of the current unwind in the scratch: fnId, pc, pBase, np, rBase, nr. */
  private int[] frames = new int[6 * 8];
  private int nframes;
  private int ptop, rtop;

  /**
   * The stack holding the first frame of the current unwind, saved there directly, or null; and
   * that frame's record (while it is the only one).
   */
  private Stack direct;
  private int dFn, dPc, dNp, dNr;

  /**
   * Reserves room for one frame of goroutine stack st; returns its primitive base in {@link #sp}
   * and sets {@link #sr} / {@link #srBase}.
   */
  int reserve(Stack st, int fnId, int pc, int np, int nr) {
    if (nframes == 0) {
      if (direct == null) {         // the innermost frame: straight onto the goroutine's stack
        direct = st;
        dFn = fnId; dPc = pc; dNp = np; dNr = nr;
        int base = st.reserve(fnId, pc, np, nr);
        sp = st.topPrims();
        sr = st.topRefs();
        srBase = st.topRefBase(nr);
        return base;
      }
      // A second frame: it must end up below the first, so the first moves into the scratch.
      int b = reserveScratch(dFn, dPc, dNp, dNr);
      direct.unreserve(dNp, dNr, scratchP, b, scratchR, srBase);
      direct = null;
    }
    return reserveScratch(fnId, pc, np, nr);
  }

  private int reserveScratch(int fnId, int pc, int np, int nr) {
    if (ptop + np > scratchP.length) scratchP = java.util.Arrays.copyOf(scratchP, Math.max(scratchP.length * 2, ptop + np));
    if (rtop + nr > scratchR.length) scratchR = java.util.Arrays.copyOf(scratchR, Math.max(scratchR.length * 2, rtop + nr));
    if ((nframes + 1) * 6 > frames.length) frames = java.util.Arrays.copyOf(frames, frames.length * 2);
    int f = nframes++ * 6;
    frames[f] = fnId; frames[f + 1] = pc; frames[f + 2] = ptop; frames[f + 3] = np;
    frames[f + 4] = rtop; frames[f + 5] = nr;
    int base = ptop;
    sp = scratchP;
    sr = scratchR;
    srBase = rtop;
    ptop += np;
    rtop += nr;
    return base;
  }

  /** Frames saved by the current unwind that are already on the goroutine's stack (0 or 1). */
  int pendingOnStack() { return direct != null ? 1 : 0; }

  /** Finishes the unwind: moves the scratch frames onto the goroutine's stack, outermost first. */
  void commitTo(Stack st) {
    if (direct != null) {   // the one frame is in place
      direct = null;
      return;
    }
    if (nframes == 0) return;
    if (st.isEmpty()) st.presize(ptop + 2 * nframes, rtop);
    for (int i = nframes - 1; i >= 0; i--) {
      int f = i * 6;
      st.push(frames[f], frames[f + 1], scratchP, frames[f + 2], frames[f + 3], scratchR, frames[f + 4], frames[f + 5]);
    }
    for (int i = 0; i < rtop; i++) scratchR[i] = null; // a few slots: a loop beats Arrays.fill
    nframes = 0;
    ptop = 0;
    rtop = 0;
  }

  /** Drops a partial unwind (the goroutine panicked while unwinding). */
  void reset() {
    if (direct != null) {
      direct.unreserve(dNp, dNr, null, 0, null, 0);
      direct = null;
    }
    java.util.Arrays.fill(scratchR, 0, rtop, null);
    nframes = 0;
    ptop = 0;
    rtop = 0;
  }
}
