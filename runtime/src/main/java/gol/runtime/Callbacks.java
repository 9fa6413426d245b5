package gol.runtime;

/**
 * gol code that the runtime library calls back as a plain Java call: fmt calling a value's
 * {@code String()}/{@code Error()} method, sort calling a less function or Len/Less/Swap methods,
 * strings calling a mapping or predicate function, rand.Shuffle's swap, bufio's split function. Such a callee is compiled with the continuation transform, so if it
 * suspends it saves its frames and returns a dummy value to the library, which cannot suspend with it.
 *
 * <p>What this class guarantees, checked right after the callback returned ({@link #resultA}):
 * <ul>
 *   <li>the callback finished: its result is returned unchanged (the fast path: one field test);</li>
 *   <li>the callback only yielded (sysmon's preemption request, {@code runtime.Gosched}, a mutex
 *       spinning): its saved frames are resumed right here, on this thread, until they return, and
 *       their result is returned. The goroutine does not yield; the request is dropped, which only
 *       delays the next preemption;</li>
 *   <li>the callback parked (channel, contended mutex, timer, select): {@code fatal error:} naming
 *       the callback. Go allows it; gol does not (lang-spec/differences.md), since parking would
 *       need the library's own Java frames to leave the thread.</li>
 * </ul>
 * Threading: called only by the goroutine's own M, right after the callback returned.
 */
public final class Callbacks {
  private Callbacks() {}

  /**
   * The result of a callback returning a reference, given the value it returned ({@code dummy} when
   * it suspended). {@code what} names the callback ("String method of main.T called by fmt").
   */
  public static Object resultA(G g, Object returned, String what) {
    if (g == null || (g.status & G.UNWIND) == 0) return returned;   // g is null in unit tests of fmt
    finish(g, what);
    return g.retA;
  }

  /** The result of a callback returning a bool (see {@link #resultA}). */
  public static boolean resultZ(G g, boolean returned, String what) {
    if (g == null || (g.status & G.UNWIND) == 0) return returned;
    finish(g, what);
    return g.retJ != 0;
  }

  /** The result of a callback returning an integer (see {@link #resultA}). */
  public static long resultJ(G g, long returned, String what) {
    if (g == null || (g.status & G.UNWIND) == 0) return returned;
    finish(g, what);
    return g.retJ;
  }

  /** Completes a callback without result (see {@link #resultA}). */
  public static void done(G g, String what) {
    if (g == null || (g.status & G.UNWIND) == 0) return;
    finish(g, what);
  }

  /** Resumes the callback's saved frames until they return (see the class comment). */
  private static void finish(G g, String what) {
    M m = g.m;
    int base = g.stack.depth() - m.unwind.pendingOnStack();   // the frames below the callback (lazily resumed ones) stay saved
    Resumer resumer = Sched.resumer();
    for (;;) {
      ParkOp op = g.parkOp;
      if (op != null) {
        m.unwind.reset(g.stack);   // the program ends here: the saved frames are abandoned
        g.status = 0;
        g.parkOp = null;
        throw Sched.fatal("gol: " + what + " blocked (" + op.waitReason()
            + "); gol cannot suspend a goroutine inside a callback from the library");
      }
      m.unwind.commitTo(g.stack);
      g.status = 0;
      if (g.stack.depth() <= base) return;
      resumer.resume(g, g.stack.topFnId());
      if ((g.status & G.UNWIND) == 0 && g.stack.depth() <= base) return;
      if ((g.status & G.UNWIND) == 0) continue;   // a frame returned: resume the one below it
    }
  }
}
