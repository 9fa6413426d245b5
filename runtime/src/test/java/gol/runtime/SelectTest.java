package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.runtime.Shapes.Loop;
import gol.runtime.Shapes.Seq;
import gol.runtime.Shapes.Step;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** select: random choice among ready cases, default, nil channels, blocking and waking, close. */
class SelectTest {
  static final RType CHAN_INT = RType.chan(0, RType.INT);

  static TestProgram.Result run(TestProgram prog, int procs, Consumer<G> main) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> prog.run(procs, main));
  }

  static Tuple sel(G g, Chan[] cs, boolean[] send, Object[] vals, boolean dflt) {
    return Chan.select(g, cs, send, vals, dflt);
  }

  /** Two always-ready channels are chosen about equally often (Go: 492/508 of 1000). */
  @Test
  void fairAmongReadyCases() {
    TestProgram prog = new TestProgram();
    int[] counts = new int[2];
    TestProgram.Result r = run(prog, 1, g -> {
      Chan a = Chan.make(g, CHAN_INT, 1), b = Chan.make(g, CHAN_INT, 1);
      Chan.close(g, a);
      Chan.close(g, b);
      for (int i = 0; i < 10_000; i++) {
        Tuple t = sel(g, new Chan[] {a, b}, new boolean[2], new Object[2], false);
        counts[(int) t.j0]++;
        assertEquals(0, t.j1); // closed: ok = false
        assertEquals(0L, t.a0); // zero value
      }
    });
    assertEquals(0, r.code(), r.err());
    assertTrue(counts[0] > 4500 && counts[1] > 4500, counts[0] + "/" + counts[1]);
  }

  @Test
  void defaultAndNilChannels() {
    TestProgram prog = new TestProgram();
    long[] got = new long[6];
    TestProgram.Result r = run(prog, 1, g -> {
      Chan c = Chan.make(g, CHAN_INT, 1);
      got[0] = sel(g, new Chan[] {c, null}, new boolean[2], new Object[2], true).j0;              // nothing ready: default
      got[1] = sel(g, new Chan[] {null, c}, new boolean[] {true, true}, new Object[] {1L, 7L}, true).j0; // nil never ready
      Tuple t = sel(g, new Chan[] {null, c}, new boolean[2], new Object[2], true);
      got[2] = t.j0;
      got[3] = Box.unboxInt(t.a0);
      got[4] = t.j1;
      got[5] = sel(g, new Chan[0], new boolean[0], new Object[0], true).j0;
    });
    assertEquals(0, r.code(), r.err());
    assertEquals(-1, got[0]);
    assertEquals(1, got[1]);
    assertEquals(1, got[2]);
    assertEquals(7, got[3]);
    assertEquals(1, got[4]);
    assertEquals(-1, got[5]);
  }

  /**
   * A blocked select over two channels is woken by whichever partner comes; the losing case's
   * waiter is removed (no stale waiters remain on the other channel). Also a send case.
   */
  @ParameterizedTest(name = "GOMAXPROCS {0}")
  @ValueSource(ints = {1, 2, 4})
  void blockedSelectWokenByPartners(int procs) {
    TestProgram prog = new TestProgram();
    Loop main = new Loop(prog, "main.main", 10);
    Loop feeder = new Loop(prog, "main.main.func1", 4);
    int n = 3000;
    StringBuilder out = new StringBuilder();
    TestProgram.Result r = run(prog, procs, g -> {
      Chan a = Chan.make(g, CHAN_INT, 0), b = Chan.make(g, CHAN_INT, 0), back = Chan.make(g, CHAN_INT, 0);
      for (Chan c : new Chan[] {a, b}) {
        Sched.go(g, TestProgram.go("main.main", 4, fg -> feeder.run(fg, n, new Object[0], new Step() {
          @Override public Object invoke(G g2, long i, Object[] v) { Chan.send(g2, c, i + 1); return null; }
        })));
      }
      long[] sums = new long[3];
      main.run(g, 2L * n + 1, new Object[0], new Step() {
        @Override public Object invoke(G g2, long i, Object[] v) {
          if (i == 2L * n) return null; // done: look at the wait queues
          return sel(g2, new Chan[] {a, b, back}, new boolean[] {false, false, true}, new Object[] {null, null, 99L}, false);
        }
        @Override public boolean after(long i, Object v, Object[] vars) {
          if (i == 2L * n) {
            out.append(sums[0]).append(' ').append(sums[1]).append(' ').append(a.waiters()[1] + b.waiters()[1]);
            return true;
          }
          Tuple t = (Tuple) v;
          sums[(int) t.j0] += Box.unboxInt(t.a0);
          return true;
        }
      });
    });
    assertEquals("", r.err());
    long s = (long) n * (n + 1) / 2;
    assertEquals(s + " " + s + " 0", out.toString());
  }

  /** A select blocked in a send case panics when that channel is closed. */
  @Test
  void blockedSendCasePanicsOnClose() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 5);
    Seq closer = new Seq(prog, "main.main.func1", 3, 4);
    TestProgram.Result r = run(prog, 2, g -> {
      Chan c = Chan.make(g, CHAN_INT, 0);
      Sched.go(g, TestProgram.go("main.main", 3, cg -> closer.run(cg, new Object[2],
          (g2, i, v) -> { gol.runtime.lib.time.Sleep(g2, 10_000_000); return null; },
          (g2, i, v) -> { Chan.close(g2, c); return null; })));
      main.run(g, new Object[1], (g2, i, v) -> sel(g2, new Chan[] {c, null}, new boolean[] {true, false}, new Object[] {1L, null}, false));
    });
    assertEquals(2, r.code());
    assertEquals("panic: send on closed channel\n\ngoroutine 1 [running]:\nmain.main()\n\t" + TestProgram.FILE + ":5 +0x0\n", r.err());
  }

  @Test
  void allNilSelectBlocksWithReasonSelect() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 5);
    TestProgram.Result r = run(prog, 1, g ->
        main.run(g, new Object[1], (g2, i, v) -> sel(g2, new Chan[] {null}, new boolean[1], new Object[1], false)));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("goroutine 1 [select]:\nmain.main()\n"), r.err());
  }
}
