package gol.runtime;

import static gol.runtime.TestProgram.p;
import static gol.runtime.TestProgram.restore;
import static gol.runtime.TestProgram.rp;
import static gol.runtime.TestProgram.rr;
import static gol.runtime.TestProgram.save;

/**
 * Test support: two generic gol functions in the compiler's shape, so that tests can describe
 * goroutine bodies as lambdas and still exercise the real continuation contract (status checks,
 * save helpers, f$resume, the trampoline).
 *
 * <p>A {@link Step} is a func value ({@code invoke(G, ...)}) whose only call that may suspend is its
 * last action (a tail call, so it needs no frame of its own): a channel operation, Sleep, Wait,
 * Gosched... Its result, if it suspended, arrives in {@code g.retA}. {@link Step#after} is the
 * non-suspending code that uses that result.
 *
 * <ul>
 *   <li>{@link Seq}: {@code func f() { v0 := step0(); v1 := step1(); ... }}: resume point k after
 *       step k, locals {k | steps, vars}.</li>
 *   <li>{@link Loop}: {@code for i := 0; i < n; i++ { v := body(i); if !after(i, v) { break } }}:
 *       one resume point, locals {n, i | body, vars}.</li>
 * </ul>
 */
final class Shapes {
  private Shapes() {}

  /** A func value that may suspend in its tail call. */
  interface Step {
    Object invoke(G g, long i, Object[] vars);

    /** Runs after invoke's result is known (never suspends); false stops a Loop. */
    default boolean after(long i, Object v, Object[] vars) { return true; }
  }

  /** Step helpers. */
  static Step step(Step s) { return s; }

  static Step then(Step s, java.util.function.BiConsumer<Object, Object[]> after) {
    return new Step() {
      @Override public Object invoke(G g, long i, Object[] vars) { return s.invoke(g, i, vars); }
      @Override public boolean after(long i, Object v, Object[] vars) { after.accept(v, vars); return true; }
    };
  }

  /** {@code func f() { step0(); step1(); ... }}, each step's result kept in vars[k]. */
  static final class Seq {
    final int fnId;

    Seq(TestProgram prog, String goName, int... lines) {
      fnId = prog.fn(goName, this::resume, lines.length == 0 ? new int[] {1} : lines);
    }

    void run(G g, Object[] vars, Step... steps) {
      from(g, steps, vars, 0);
    }

    private void from(G g, Step[] steps, Object[] vars, int k) {
      for (; k < steps.length; k++) {
        Object r = steps[k].invoke(g, k, vars);
        if (g.status != 0) { save$0(g, k, steps, vars, r); return; }
        vars[k] = r;
        steps[k].after(k, r, vars);
      }
    }

    private void save$0(G g, int k, Step[] steps, Object[] vars, Object result) {
      if ((g.status & G.UNWIND) == 0) g.retA = result;
      save(g, fnId, k, p(k), steps, vars); // step k is resume point k
    }

    private void resume(G g) {
      int k = restore(g);
      if (k != (int) rp(g, 0)) throw new AssertionError("pc and saved local disagree");
      Step[] steps = (Step[]) rr(g, 0);
      Object[] vars = (Object[]) rr(g, 1);
      G.checkPendingPanic(g);
      Object r = g.retA;
      vars[k] = r;
      steps[k].after(k, r, vars);
      from(g, steps, vars, k + 1);
    }
  }

  /** {@code for i := 0; i < n; i++ { v := body(i); if !after(i, v) { break } }}. */
  static final class Loop {
    final int fnId;

    Loop(TestProgram prog, String goName, int line) {
      fnId = prog.fn(goName, this::resume, line);
    }

    void run(G g, long n, Object[] vars, Step body) {
      from(g, n, 0, body, vars);
    }

    private void from(G g, long n, long i, Step body, Object[] vars) {
      for (; i < n; i++) {
        Object r = body.invoke(g, i, vars);
        if (g.status != 0) { save$0(g, n, i, body, vars, r); return; }
        if (!body.after(i, r, vars)) return;
      }
    }

    private void save$0(G g, long n, long i, Step body, Object[] vars, Object result) {
      if ((g.status & G.UNWIND) == 0) g.retA = result;
      save(g, fnId, 0, p(n, i), body, vars);
    }

    private void resume(G g) {
      restore(g);
      long n = rp(g, 0), i = rp(g, 1);
      Step body = (Step) rr(g, 0);
      Object[] vars = (Object[]) rr(g, 1);
      G.checkPendingPanic(g);
      if (!body.after(i, g.retA, vars)) return;
      from(g, n, i + 1, body, vars);
    }
  }
}
