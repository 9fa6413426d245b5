package gol.runtime;

/**
 * Scratch space of one M for moving frames between the JVM stack and a goroutine's {@link Stack}.
 *
 * <p>Saving: when a goroutine suspends, its frames unwind innermost first; each frame's cold save
 * helper calls {@link G#save} and writes its live locals at the returned offsets of {@link #sp} and
 * {@link #sr} (from {@link #srBase}). When the unwind reaches the scheduler, {@link #commitTo} moves
 * the frames onto the goroutine's stack in reverse order, so the innermost ends on top.
 * Saving into the scratch first keeps the goroutine stack a plain LIFO (each pop frees space at once)
 * at the cost of copying a few words twice per suspension.
 *
 * <p>Restoring: {@link G#restore} pops the innermost frame into {@link #rp} / {@link #rr}, from where
 * the function's resume code reads its locals at fixed offsets 0, 1, 2, ...
 *
 * <p>Threading: owned by its M; used only by the goroutine currently running on that M.
 */
public final class Unwind {
  // ---- known to the compiler ----
  /** Saved primitive locals of the frames unwound so far. */
  public long[] sp = new long[64];
  /** Saved reference locals of the frames unwound so far. */
  public Object[] sr = new Object[32];
  /** Where the reference locals of the frame being saved start in {@link #sr}. */
  public int srBase;
  /** The restored frame's primitive locals, from index 0. */
  public long[] rp = new long[64];
  /** The restored frame's reference locals, from index 0. */
  public Object[] rr = new Object[32];

  // ---- frame records of the current unwind: fnId, pc, pBase, np, rBase, nr ----
  private int[] frames = new int[6 * 8];
  private int nframes;
  private int ptop, rtop;

  /** Reserves room for one frame; returns its primitive base, sets srBase. */
  int reserve(int fnId, int pc, int np, int nr) {
    if (ptop + np > sp.length) sp = java.util.Arrays.copyOf(sp, Math.max(sp.length * 2, ptop + np));
    if (rtop + nr > sr.length) sr = java.util.Arrays.copyOf(sr, Math.max(sr.length * 2, rtop + nr));
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

  /** Number of frames saved by the current unwind. */
  int frameCount() { return nframes; }

  /** Moves the frames of the finished unwind onto the goroutine's stack, outermost first. */
  void commitTo(Stack st) {
    if (st.isEmpty()) st.presize(ptop + 2 * nframes, rtop);
    for (int i = nframes - 1; i >= 0; i--) {
      int f = i * 6;
      st.push(frames[f], frames[f + 1], sp, frames[f + 2], frames[f + 3], sr, frames[f + 4], frames[f + 5]);
    }
    for (int i = 0; i < rtop; i++) sr[i] = null; // a few slots: a loop beats Arrays.fill
    nframes = 0;
    ptop = 0;
    rtop = 0;
  }

  /** Drops a partial unwind (the goroutine panicked while unwinding). */
  void reset() {
    java.util.Arrays.fill(sr, 0, rtop, null);
    nframes = 0;
    ptop = 0;
    rtop = 0;
  }

  /** Makes sure the restore arrays can hold a frame of this size. */
  void ensureRestore(int np, int nr) {
    if (np > rp.length) rp = new long[Math.max(np, rp.length * 2)];
    if (nr > rr.length) rr = new Object[Math.max(nr, rr.length * 2)];
  }
}
