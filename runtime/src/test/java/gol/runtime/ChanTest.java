package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.runtime.Shapes.Loop;
import gol.runtime.Shapes.Seq;
import gol.runtime.Shapes.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Channel semantics: buffering, close and range, comma-ok, zero values, panics, len/cap. */
class ChanTest {
  static final RType CHAN_INT = RType.chan(0, RType.INT);
  static final RType CHAN_STRING = RType.chan(0, RType.STRING);

  static TestProgram.Result run(TestProgram prog, int procs, java.util.function.Consumer<G> main) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> prog.run(procs, main));
  }

  /**
   * <pre>
   * func main() {
   *     c := make(chan int, 4)
   *     go func() { for i := 1; i &lt;= n; i++ { c &lt;- i }; close(c) }()
   *     sum := 0
   *     for v := range c { sum += v }
   *     println(sum)
   * }
   * </pre>
   */
  @ParameterizedTest(name = "GOMAXPROCS {0}")
  @ValueSource(ints = {1, 2, 4})
  void bufferedRangeUntilClosed(int procs) {
    TestProgram prog = new TestProgram();
    Loop producer = new Loop(prog, "main.main.func1", 3);
    Loop consumer = new Loop(prog, "main.main", 5);
    long n = 5000;
    TestProgram.Result r = run(prog, procs, g -> {
      Chan c = Chan.make(g, CHAN_INT, 4);
      Sched.go(g, TestProgram.go("main.main", 3, pg -> producer.run(pg, n + 1, new Object[0], new Step() {
        @Override public Object invoke(G g2, long i, Object[] vars) {
          if (i == n) { Chan.close(g2, c); return null; }
          Chan.send(g2, c, i + 1);
          return null;
        }
      })));
      long[] sum = new long[1];
      consumer.run(g, Long.MAX_VALUE, new Object[0], new Step() {
        @Override public Object invoke(G g2, long i, Object[] vars) { return Chan.recv2(g2, c); }
        @Override public boolean after(long i, Object v, Object[] vars) {
          Tuple t = (Tuple) v;
          if (t.j0 == 0) {
            Out.stdout(sum[0] + " " + Chan.len(c) + "\n");
            return false;
          }
          sum[0] += Box.unboxInt(t.a0);
          return true;
        }
      });
    });
    assertEquals("", r.err());
    assertEquals(n * (n + 1) / 2 + " 0\n", r.out());
    assertEquals(0, r.code());
  }

  @Test
  void commaOkAndZeroValuesAfterClose() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main");
    List<Object> got = new ArrayList<>();
    TestProgram.Result r = run(prog, 1, g -> {
      Chan s = Chan.make(g, CHAN_STRING, 2);
      Chan.send(g, s, "a");
      got.add(Chan.len(s));
      got.add(Chan.cap(s));
      Chan.close(g, s);
      Tuple t1 = Chan.recv2(g, s);
      Tuple t2 = Chan.recv2(g, s);
      got.add(t1.a0);
      got.add(t1.j0);
      got.add(t2.a0);
      got.add(t2.j0);
      for (RType et : new RType[] {RType.INT, RType.BOOL, RType.FLOAT64, RType.pointer(RType.INT), RType.INT8}) {
        Chan c = Chan.make(g, RType.chan(0, et), 0);
        Chan.close(g, c);
        got.add(Chan.recv(g, c));
      }
      got.add(Chan.len(null));
      got.add(Chan.cap(null));
      main.run(g, new Object[1]); // nothing else
    });
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(1L, 2L, "a", 1L, "", 0L), got.subList(0, 6));
    assertEquals(0L, got.get(6));
    assertEquals(Boolean.FALSE, got.get(7));
    assertEquals(0.0, got.get(8));
    assertNull(got.get(9));
    assertEquals(0L, Box.unboxInt(got.get(10)));
    assertEquals(RType.INT8, Box.typeOf(got.get(10)));
    assertEquals(List.of(0L, 0L), got.subList(11, 13));
  }

  /** Receivers blocked on a channel are all released by close, with the zero value and ok=false. */
  @ParameterizedTest(name = "GOMAXPROCS {0}")
  @ValueSource(ints = {1, 3})
  void closeReleasesAllReceivers(int procs) {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 10, 11, 12, 13, 14, 15);
    Seq recv = new Seq(prog, "main.main.func1", 5);
    TestProgram.Result r = run(prog, procs, g -> {
      Chan c = Chan.make(g, CHAN_INT, 0);
      Chan results = Chan.make(g, CHAN_STRING, 3);
      for (int k = 0; k < 3; k++) {
        Sched.go(g, TestProgram.go("main.main", 4, rg -> recv.run(rg, new Object[2],
            (g2, i, v) -> Chan.recv2(g2, c),
            (g2, i, v) -> { Tuple t = (Tuple) v[0]; Chan.send(g2, results, t.a0 + "/" + t.j0); return null; })));
      }
      main.run(g, new Object[6],
          (g2, i, v) -> { gol.runtime.lib.time.Sleep(g2, 20_000_000); return null; },
          (g2, i, v) -> { Chan.close(g2, c); return null; },
          (g2, i, v) -> Chan.recv(g2, results),
          (g2, i, v) -> Chan.recv(g2, results),
          (g2, i, v) -> Chan.recv(g2, results),
          (g2, i, v) -> { Out.stdout(v[2] + " " + v[3] + " " + v[4] + "\n"); return null; });
    });
    assertEquals("", r.err());
    assertEquals("0/0 0/0 0/0\n", r.out());
  }

  @Test
  void misuseOutsideTheScheduler() {
    G g = new G();
    g.m = new M();
    Panic p = assertThrows(Panic.class, () -> Chan.close(g, null));
    assertEquals("close of nil channel", p.value.toString());
    Chan c = Chan.make(g, CHAN_INT, 1);
    Chan.close(g, c);
    p = assertThrows(Panic.class, () -> Chan.close(g, c));
    assertEquals("close of closed channel", p.value.toString());
    p = assertThrows(Panic.class, () -> Chan.send(g, c, 1L));
    assertEquals("send on closed channel", p.value.toString());
    assertTrue(p.value instanceof Panic.PlainError);
    p = assertThrows(Panic.class, () -> Chan.make(g, CHAN_INT, -1));
    assertEquals("makechan: size out of range", p.value.toString());
    assertTrue(c.toString().startsWith("0xc"));
    assertSame(CHAN_INT, Box.typeOf(c));
  }

  /** A sender parked on a channel that gets closed panics in its own goroutine (Go's message). */
  @Test
  void parkedSenderPanicsWhenClosed() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 9, 10, 11);
    Seq sender = new Seq(prog, "main.main.func1", 5);
    TestProgram.Result r = run(prog, 2, g -> {
      Chan c = Chan.make(g, CHAN_INT, 0);
      Sched.go(g, TestProgram.go("main.main", 5, sg -> sender.run(sg, new Object[1],
          (g2, i, v) -> { Chan.send(g2, c, 1L); return null; })));
      main.run(g, new Object[3],
          (g2, i, v) -> { gol.runtime.lib.time.Sleep(g2, 20_000_000); return null; },
          (g2, i, v) -> { Chan.close(g2, c); return null; },
          (g2, i, v) -> { gol.runtime.lib.time.Sleep(g2, 5_000_000_000L); return null; });
    });
    assertEquals(2, r.code());
    assertEquals("panic: send on closed channel\n\n"
        + "goroutine 6 [running]:\n"
        + "main.main.func1()\n\t" + TestProgram.FILE + ":5 +0x0\n"
        + "created by main.main\n\t" + TestProgram.FILE + ":5 +0x0\n", r.err());
  }
}
