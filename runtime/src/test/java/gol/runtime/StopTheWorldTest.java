package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gol.runtime.Shapes.Loop;
import gol.runtime.Shapes.Seq;
import gol.runtime.lib.runtime;
import gol.runtime.lib.sync;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** runtime.GOMAXPROCS(n) stops the world and resizes the Ps, also when several goroutines call it at once. */
class StopTheWorldTest {
  @Test
  void concurrentResizesWithSpinnersAndChannels() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 9, 10);
    Loop spin = new Loop(prog, "main.spin", 5);
    Loop pingLoop = new Loop(prog, "main.ping", 6);
    AtomicLong spins = new AtomicLong();
    AtomicLong pings = new AtomicLong();
    sync.WaitGroup wg = new sync.WaitGroup();
    int[] finalProcs = new int[3];
    TestProgram.Result r = SchedTest.run(prog, 2, g -> {
      Chan c = Chan.make(g, SchedTest.CHAN_INT, 0);
      // a spinner that never blocks, and a ping-pong pair that blocks all the time
      Sched.go(g, TestProgram.go("main.main", 3, cg -> spin.run(cg, Long.MAX_VALUE, new Object[0],
          (g2, i, v) -> { spins.incrementAndGet(); return null; })));
      Sched.go(g, TestProgram.go("main.main", 4, cg -> pingLoop.run(cg, Long.MAX_VALUE, new Object[0],
          (g2, i, v) -> Chan.recv(g2, c))));
      Sched.go(g, TestProgram.go("main.main", 4, cg -> pingLoop.run(cg, Long.MAX_VALUE, new Object[0],
          (g2, i, v) -> { pings.incrementAndGet(); Chan.send(g2, c, i); return null; })));
      wg.Add(g, 4);
      for (int k = 0; k < 4; k++) {
        int id = k;
        Sched.go(g, TestProgram.go("main.main", 7, cg -> {
          for (int j = 0; j < 30; j++) runtime.GOMAXPROCS(cg, 1 + (j * (id + 1)) % 6);
          wg.Done(cg);
        }));
      }
      main.run(g, new Object[2],
          (g2, i, v) -> { wg.Wait(g2); return null; },
          (g2, i, v) -> {
            Sched s = g2.m.sched;
            finalProcs[0] = s.allp.length;
            finalProcs[1] = s.gomaxprocs();
            finalProcs[2] = s.stw.resizes;
            return null;
          });
    });
    assertEquals(0, r.code(), r.err());
    assertEquals(finalProcs[0], finalProcs[1], "allp matches GOMAXPROCS");
    assertEquals(true, finalProcs[2] > 10, "resizes: " + finalProcs[2]);
  }
}
