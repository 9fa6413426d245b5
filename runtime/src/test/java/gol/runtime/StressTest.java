package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import gol.runtime.Shapes.Loop;
import gol.runtime.Shapes.Step;
import gol.runtime.lib.sync;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Many goroutines doing channel operations on 1, 2 and 8 Ps, with checked totals and a hard time bound. */
class StressTest {
  static final RType CHAN_INT = RType.chan(0, RType.INT);

  /**
   * 10,000 producers send 10 values each into one unbuffered channel read by 4 consumers, which
   * report partial sums on a buffered channel; and a daisy chain of 2,000 goroutines passes a
   * value along, each adding 1.
   */
  @ParameterizedTest(name = "GOMAXPROCS {0}")
  @ValueSource(ints = {1, 2, 8})
  void fanInAndDaisyChain(int procs) {
    TestProgram prog = new TestProgram();
    Loop producer = new Loop(prog, "main.producer", 5);
    Loop consumer = new Loop(prog, "main.consumer", 10);
    Loop link = new Loop(prog, "main.link", 15);
    Loop main = new Loop(prog, "main.main", 20);
    int producers = 10_000, each = 10, consumers = 4, chain = 2_000;
    TestProgram.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> prog.run(procs, g -> {
      Chan work = Chan.make(g, CHAN_INT, 0);
      Chan sums = Chan.make(g, CHAN_INT, consumers);
      sync.WaitGroup wg = new sync.WaitGroup();
      for (int p = 0; p < producers; p++) {
        long base = p;
        wg.Add(g, 1);
        Sched.go(g, TestProgram.go("main.main", 4, pg -> producer.run(pg, each + 1, new Object[0], (g2, i, v) -> {
          if (i == each) { wg.Done(g2); return null; }
          Chan.send(g2, work, base * each + i);
          return null;
        })));
      }
      for (int c = 0; c < consumers; c++) {
        long[] sum = new long[1];
        Sched.go(g, TestProgram.go("main.main", 9, cg -> consumer.run(cg, Long.MAX_VALUE, new Object[0], new Step() {
          @Override public Object invoke(G g2, long i, Object[] v) {
            if (sum[0] < 0) { Chan.send(g2, sums, -sum[0] - 1); return null; }
            return Chan.recv2(g2, work);
          }
          @Override public boolean after(long i, Object v, Object[] vars) {
            if (sum[0] < 0) return false;
            Tuple t = (Tuple) v;
            if (t.j0 == 0) sum[0] = -sum[0] - 1; // closed: report next iteration
            else sum[0] += Box.unboxInt(t.a0);
            return true;
          }
        })));
      }
      // the daisy chain: first <- ... <- last
      Chan first = Chan.make(g, CHAN_INT, 0);
      Chan right = first;
      for (int k = 0; k < chain; k++) {
        Chan left = Chan.make(g, CHAN_INT, 0);
        Chan in = right, out = left;
        Sched.go(g, TestProgram.go("main.main", 14, lg -> link.run(lg, 2, new Object[1], new Step() {
          @Override public Object invoke(G g2, long i, Object[] v) {
            if (i == 0) return Chan.recv(g2, in);
            Chan.send(g2, out, Box.unboxInt(v[0]) + 1);
            return null;
          }
          @Override public boolean after(long i, Object v, Object[] vars) {
            if (i == 0) vars[0] = v;
            return true;
          }
        })));
        right = left;
      }
      Chan last = right;
      long[] total = new long[1];
      main.run(g, 4 + consumers, new Object[0], new Step() {
        @Override public Object invoke(G g2, long i, Object[] v) {
          if (i == 0) { Chan.send(g2, first, 0L); return null; }
          if (i == 1) return Chan.recv(g2, last);
          if (i == 2) { wg.Wait(g2); return null; }
          if (i == 3) { Chan.close(g2, work); return null; }
          return Chan.recv(g2, sums);
        }
        @Override public boolean after(long i, Object v, Object[] vars) {
          if (i == 1) Out.stdout("chain " + Box.unboxInt(v) + "\n");
          if (i >= 4) total[0] += Box.unboxInt(v);
          if (i == 3 + consumers) Out.stdout("total " + total[0] + "\n");
          return true;
        }
      });
    }));
    long n = (long) producers * each;
    assertEquals("", r.err());
    assertEquals("chain " + chain + "\ntotal " + (n * (n - 1) / 2) + "\n", r.out());
    assertEquals(0, r.code());
  }
}
