package gol.runtime;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The P's local run queue (P.runqput / runqget / runqsteal), single-threaded: the cost of the
 * acquire/release protocol itself, with no contention. Each benchmark leaves the queues empty, so
 * every invocation starts from the same state; the ring never fills, so no Sched is needed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RunQueueBench {
  static final int BATCH = 64;
  P owner, thief;
  G[] gs;

  @Setup
  public void setup() {
    Sched s = Sched.unstarted(2);   // Ps of a scheduler that is not running, as in RunQueueTest
    owner = s.allp[0];
    thief = s.allp[1];
    gs = new G[BATCH];
    for (int i = 0; i < BATCH; i++) gs[i] = new G();
  }

  /** One put to the ring and one get, as for a goroutine that is readied and then run. */
  @Benchmark
  public G putGet() {
    owner.runqput(gs[0], false);
    return owner.runqget();
  }

  /** The same through runnext (how a channel hand-off readies its partner). */
  @Benchmark
  public G putGetRunnext() {
    owner.runqput(gs[0], true);
    return owner.runqget();
  }

  /** 64 puts, then a thief steals half into its own ring; both are drained. Per G moved. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int stealHalf() {
    for (G g : gs) owner.runqput(g, false);
    G first = owner.runqsteal(thief, false);
    int n = first == null ? 0 : 1;
    while (thief.runqget() != null) n++;
    while (owner.runqget() != null) n++;
    if (n != BATCH) throw new AssertionError("lost Gs: " + n);
    return n;
  }
}
