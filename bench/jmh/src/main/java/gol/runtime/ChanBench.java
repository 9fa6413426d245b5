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
 * The channel fast paths: operations that complete without parking (Chan.send into a buffer with
 * room, Chan.recv from a non-empty buffer, a select with a ready case). One goroutine, one thread;
 * a goroutine that would block fails the benchmark instead of measuring a park.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChanBench {
  static final RType CHAN_INT = RType.chan(0, RType.INT);
  static final int CAP = 128;
  G g;
  Chan c, other;
  Chan[] selChans;
  boolean[] selIsSend;
  Object[] selValues;

  @Setup
  public void setup() {
    g = new G();
    g.m = new M();
    c = Chan.make(g, CHAN_INT, CAP);
    other = Chan.make(g, CHAN_INT, CAP);
    selChans = new Chan[] {other, c};
    selIsSend = new boolean[] {false, false};
    selValues = new Object[2];
  }

  private void check() {
    if (g.status != 0) throw new AssertionError("the fast path parked");
  }

  /** A send into a buffer with room, then the receive that empties it again. Per operation. */
  @Benchmark
  @OperationsPerInvocation(2)
  public Object sendRecv() {
    Chan.send(g, c, 42L);
    Object v = Chan.recv(g, c);
    check();
    return v;
  }

  /** Filling the whole buffer, then draining it (the ring's index arithmetic over a full lap). */
  @Benchmark
  @OperationsPerInvocation(2 * CAP)
  public long fillDrain() {
    for (long i = 0; i < CAP; i++) Chan.send(g, c, i);
    long s = 0;
    for (int i = 0; i < CAP; i++) s += Box.unboxInt(Chan.recv(g, c));
    check();
    return s;
  }

  /** A two-case select whose second case is ready (one value buffered), no default. */
  @Benchmark
  public Tuple selectReady() {
    Chan.send(g, c, 7L);
    Tuple t = Chan.select(g, selChans, selIsSend, selValues, false);
    check();
    return t;
  }
}
