package gol.runtime;

/**
 * Scratch space of one M for moving frames between the JVM stack and a goroutine's {@link Stack}.
 *
 * <p>Saving: when a goroutine suspends, its frames unwind innermost first; each frame's cold save
 * helper calls {@link G#save}, which returns where the frame's primitive locals go in
 * {@link G#savePrims()}; its reference locals go in {@link G#saveRefs()} from
 * {@link G#saveRefBase()}. Most suspensions save one frame (a goroutine blocks in the function
 * that does the channel operation), so the first frame goes straight onto the goroutine's stack:
 * those arrays then are the top stack segment's own, and the frame is copied once. A second frame
 * in the same unwind must end up below the first, so the first moves back into this scratch and
 * the rest of the unwind is saved here too; when the unwind reaches the scheduler,
 * {@link #commitTo} pushes the scratch frames onto the goroutine's stack outermost first, so the
 * innermost ends on top. Deep suspensions copy their frames twice; the common one copies once.
 *
 * <p>Restoring: {@link G#restore} pops the innermost frame, whose locals stay in place in the top
 * stack segment ({@link G#restoredPrims()} from {@link G#restoredPrimBase()}, and the same for
 * references).
 *
 * <p>Nothing on these paths stores a reference into this object or the stack: with G1, every
 * reference store into a long-lived object pays a write barrier (a fence and a card mark), and
 * these paths run on every goroutine switch. Which arrays hold the frame is told by a boolean.
 *
 * <p>Threading: owned by its M; used only by the goroutine currently running on that M.
 */
public final class Unwind {
  /** Where the reference locals of the frame being saved start in {@link G#saveRefs()}. */
  int srBase;
  /** The current unwind saved its (so far only) frame straight onto the goroutine's stack. */
  boolean direct;

  // ---- the scratch: frames of a deep unwind ----
  long[] scratchP = new long[64];
  Object[] scratchR = new Object[32];
  /** Frame records of the current unwind in the scratch: fnId, pc, pBase, np, rBase, nr. */
  private int[] frames = new int[6 * 8];
  private int nframes;
  private int ptop, rtop;

  /**
   * Reserves room for one frame of goroutine stack st (the running goroutine's); returns its
   * primitive base and sets {@link #srBase}.
   */
  int reserve(Stack st, int fnId, int pc, int np, int nr) {
    if (nframes == 0) {
      if (!direct) {                // the innermost frame: straight onto the goroutine's stack
        direct = true;
        int base = st.reserve(fnId, pc, np, nr);
        srBase = st.topRefBase(nr);
        return base;
      }
      // A second frame: it must end up below the first, so the first (its record is the stack's
      // top) moves into the scratch.
      direct = false;
      int b = reserveScratch(st.topFnId(), st.topPc(), st.topNp(), st.topNr());
      st.unreserve(scratchP, b, scratchR, srBase);
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
    srBase = rtop;
    ptop += np;
    rtop += nr;
    return base;
  }

  /** Frames saved by the current unwind that are already on the goroutine's stack (0 or 1). */
  int pendingOnStack() { return direct ? 1 : 0; }

  /** Finishes the unwind: moves the scratch frames onto the goroutine's stack, outermost first. */
  void commitTo(Stack st) {
    if (direct) {   // the one frame is in place
      direct = false;
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

  /** Drops a partial unwind of goroutine stack st (the goroutine panicked while unwinding). */
  void reset(Stack st) {
    if (direct) {
      st.unreserve(null, 0, null, 0);
      direct = false;
    }
    java.util.Arrays.fill(scratchR, 0, rtop, null);
    nframes = 0;
    ptop = 0;
    rtop = 0;
  }
}
