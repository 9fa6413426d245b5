package gol.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Test support: a hand-compiled gol program. It plays the part of the compiler's generated
 * Resumer (function ids, Go names, source lines per resume point) and offers the few helpers
 * generated code inlines: {@link #save} is a frame's cold save helper, {@link #restore} the
 * prologue of its {@code f$resume}. Test programs are static methods in the compiler's shape:
 * {@code static R f(G g, args)}, a status check after every call that may suspend, a save helper per
 * resume point and an {@code f$resume(G)} that reloads the locals and continues after the call.
 */
final class TestProgram implements Resumer {
  private final List<String> names = new ArrayList<>();
  private final List<Consumer<G>> resumes = new ArrayList<>();
  private final List<int[]> lines = new ArrayList<>();

  static final String FILE = "/tmp/gol/main.go";

  /** Registers a function: its Go name, its f$resume, and the source line of each resume point. */
  int fn(String goName, Consumer<G> resume, int... linesByPc) {
    names.add(goName);
    resumes.add(resume);
    lines.add(linesByPc);
    return names.size() - 1;
  }

  @Override public void resume(G g, int fnId) { resumes.get(fnId).accept(g); }
  @Override public String functionName(int fnId) { return names.get(fnId); }
  @Override public int line(int fnId, int pc) { return lines.get(fnId)[pc]; }
  @Override public String fileName() { return FILE; }

  // ------------------------------------------------------------ the generated-code shapes

  /**
   * A save helper: saves one frame (fnId, resume point pc) with the given live locals. If the
   * callee returned normally (PREEMPT only), the caller passes its result to be kept in retJ/retA.
   */
  static void save(G g, int fnId, int pc, long[] prims, Object... refs) {
    int b = g.save(fnId, pc, prims.length, refs.length);
    for (int i = 0; i < prims.length; i++) g.savePrims()[b + i] = prims[i];
    for (int i = 0; i < refs.length; i++) g.saveRefs()[g.saveRefBase() + i] = refs[i];
  }

  static long[] p(long... v) { return v; }

  /** The resume prologue: pops the frame (its locals are then at rp/rr) and returns its pc. */
  static int restore(G g) {
    return g.restore();
  }

  static long rp(G g, int i) { return g.restoredPrim(i); }

  static Object rr(G g, int i) { return g.restoredRef(i); }

  /** An Entry with a "created by" site, as the compiler generates for a go statement. */
  static Entry go(String creator, int line, Consumer<G> body) {
    return new Entry() {
      @Override public void run(G g) { body.accept(g); }
      @Override public String creatorName() { return creator; }
      @Override public int creatorLine() { return line; }
    };
  }

  // ------------------------------------------------------------ running and capturing output

  /** A finished run: exit code and what it printed. */
  record Result(int code, String out, String err) {}

  private static final Object RUN_LOCK = new Object();

  /** Runs main with the given GOMAXPROCS, capturing stdout and stderr. */
  Result run(int procs, Consumer<G> main) {
    synchronized (RUN_LOCK) { // Out is process-wide: one captured run at a time
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Out.redirect(out, err);
      int code;
      try {
        code = Sched.run(this, main::accept, new String[0], procs);
      } finally {
        Out.redirect(null, null);
      }
      return new Result(code, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1));
    }
  }
}
