package gol.runtime;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Park and ready through the whole scheduler: a ping-pong over two unbuffered channels, hand-compiled
 * in the shape the gol compiler generates (status check after each channel operation, a save helper,
 * an {@code f$resume}). One round trip is two parks, two readies (into runnext) and two resumptions.
 * Each invocation is one {@link Sched#run} of {@value #N} round trips, so the scheduler's start-up
 * (one thread, a few objects) is spread over them; the score is per round trip.
 *
 * <pre>
 * func player(in, out chan int, n int) { for i := 0; i &lt; n; i++ { x := &lt;-in; out &lt;- x + 1 } }
 * func main() {
 *     ping, pong := make(chan int), make(chan int)
 *     go player(ping, pong, N)
 *     sum := 0
 *     for i := 0; i &lt; N; i++ { ping &lt;- i; sum += &lt;-pong }
 * }
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SwitchBench {
  static final int N = 20_000;
  static final long EXPECTED = (long) N * (N - 1) / 2 + N;
  static final RType CHAN_INT = RType.chan(0, RType.INT);
  static final int F_PLAYER = 0, F_MAIN = 1;

  @Param({"1", "2"})
  public int procs;

  static volatile long result;

  static final Resumer RESUMER = new Resumer() {
    @Override public void resume(G g, int fnId) {
      if (fnId == F_PLAYER) playerResume(g);
      else mainResume(g);
    }
    @Override public String functionName(int fnId) { return fnId == F_PLAYER ? "main.player" : "main.main"; }
    @Override public int line(int fnId, int pc) { return 0; }
    @Override public String fileName() { return "pingpong.go"; }
  };

  @Benchmark
  @OperationsPerInvocation(N)
  public long roundTrip() {
    result = -1;
    int code = Sched.run(RESUMER, SwitchBench::main, new String[0], procs);
    if (code != 0 || result != EXPECTED) throw new AssertionError("exit " + code + ", sum " + result);
    return result;
  }

  /** A save helper: one frame with the given primitive and reference locals. */
  static void save(G g, int fnId, int pc, long a, long b, long c, Chan x, Chan y) {
    int base = g.save(fnId, pc, 3, 2);   // then ask for the arrays: save chooses them
    long[] sp = g.savePrims();
    Object[] sr = g.saveRefs();
    int rb = g.saveRefBase();
    sp[base] = a;
    sp[base + 1] = b;
    sp[base + 2] = c;
    sr[rb] = x;
    sr[rb + 1] = y;
  }

  // ---- player: locals n, i (prims), in, out (refs); resume points 0 (after <-in), 1 (after out <-)
  static void player(G g, Chan in, Chan out, long n, long from) {
    for (long i = from; i < n; i++) {
      Object x = Chan.recv(g, in);
      if (g.status != 0) {
        if ((g.status & G.UNWIND) == 0) g.retA = x;   // preempted after the receive completed
        save(g, F_PLAYER, 0, n, i, 0, in, out);
        return;
      }
      Chan.send(g, out, Box.unboxInt(x) + 1);
      if (g.status != 0) {
        save(g, F_PLAYER, 1, n, i, 0, in, out);
        return;
      }
    }
  }

  static void playerResume(G g) {
    int pc = g.restore();
    long n = g.restoredPrim(0), i = g.restoredPrim(1);
    Chan in = (Chan) g.restoredRef(0), out = (Chan) g.restoredRef(1);
    G.checkPendingPanic(g);
    if (pc == 0) {
      Chan.send(g, out, Box.unboxInt(g.retA) + 1);
      if (g.status != 0) {
        save(g, F_PLAYER, 1, n, i, 0, in, out);
        return;
      }
    }
    player(g, in, out, n, i + 1);
  }

  // ---- main: locals i, sum (prims), ping, pong (refs); resume points 0 (after ping <-), 1 (after <-pong)
  static void main(G g) {
    Chan ping = Chan.make(g, CHAN_INT, 0), pong = Chan.make(g, CHAN_INT, 0);
    Sched.go(g, cg -> player(cg, ping, pong, N, 0));
    mainLoop(g, ping, pong, 0, 0);
  }

  static void mainLoop(G g, Chan ping, Chan pong, long from, long sum) {
    for (long i = from; i < N; i++) {
      Chan.send(g, ping, i);
      if (g.status != 0) {
        save(g, F_MAIN, 0, i, sum, 0, ping, pong);
        return;
      }
      Object x = Chan.recv(g, pong);
      if (g.status != 0) {
        if ((g.status & G.UNWIND) == 0) g.retA = x;
        save(g, F_MAIN, 1, i, sum, 0, ping, pong);
        return;
      }
      sum += Box.unboxInt(x);
    }
    result = sum;
  }

  static void mainResume(G g) {
    int pc = g.restore();
    long i = g.restoredPrim(0), sum = g.restoredPrim(1);
    Chan ping = (Chan) g.restoredRef(0), pong = (Chan) g.restoredRef(1);
    G.checkPendingPanic(g);
    if (pc == 0) {
      Object x = Chan.recv(g, pong);
      if (g.status != 0) {
        if ((g.status & G.UNWIND) == 0) g.retA = x;
        save(g, F_MAIN, 1, i, sum, 0, ping, pong);
        return;
      }
      sum += Box.unboxInt(x);
    } else {
      sum += Box.unboxInt(g.retA);
    }
    mainLoop(g, ping, pong, i + 1, sum);
  }
}
