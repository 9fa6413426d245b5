package gol.runtime;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frame save/restore as a suspension does it: {@code depth} frames saved innermost first into the M's
 * Unwind scratch (G.save plus the locals a save helper writes), committed onto the G's Stack
 * (Unwind.commitTo), then popped one by one as the resumed frames return (G.restore). Each frame
 * holds 3 primitive and 2 reference locals, a typical small Go function. Per whole suspension.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameBench {
  @Param({"1", "10", "100"})
  public int depth;

  G g;
  final Object ref = new Object();

  @Setup
  public void setup() {
    g = new G();
    g.m = new M();
  }

  /** Save and commit only: the cost paid by the goroutine that suspends. */
  @Benchmark
  public int saveCommit() {
    save();
    int d = g.stack.depth();
    while (!g.stack.isEmpty()) g.restore();   // leave the stack empty for the next invocation
    return d;
  }

  /** Save, commit and restore every frame: a full suspension and resumption at this depth. */
  @Benchmark
  public long saveRestore() {
    save();
    long sum = 0;
    while (!g.stack.isEmpty()) {
      sum += g.restore();
      sum += g.restoredPrim(0) + g.restoredPrim(2);
      if (g.restoredRef(1) != ref) throw new AssertionError("reference local not restored");
    }
    g.status = 0;
    return sum;
  }

  private void save() {
    for (int i = 0; i < depth; i++) {
      int b = g.save(7, i, 3, 2);   // then ask for the arrays: save chooses them
      long[] sp = g.savePrims();
      Object[] sr = g.saveRefs();
      int rb = g.saveRefBase();
      sp[b] = i;
      sp[b + 1] = 2L * i;
      sp[b + 2] = 3L * i;
      sr[rb] = ref;
      sr[rb + 1] = ref;
    }
    g.m.unwind.commitTo(g.stack);
  }
}
