package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.runtime.Shapes.Seq;
import org.junit.jupiter.api.Test;

/** The maximum stack: debug.SetMaxStack moves goroutines to Ms with a matching JVM stack; overflow is Go's fatal error. */
class StackLimitTest {
  static long depth;

  static long rec(G g, long n) {
    depth = n;
    return rec(g, n + 1) + 1;
  }

  @Test
  void setMaxStackThenOverflow() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 5);
    depth = 0;
    TestProgram.Result r = SchedTest.run(prog, 2, g -> {
      assertEquals(1_000_000_000L, Sched.setMaxStack(g, 4 << 20));
      Chan done = Chan.make(g, SchedTest.CHAN_INT, 0);
      Sched.go(g, TestProgram.go("main.main", 4, cg -> Chan.send(cg, done, rec(cg, 0))));
      main.run(g, new Object[1], (g2, i, v) -> Chan.recv(g2, done));
    });
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("runtime: goroutine stack exceeds 4194304-byte limit\nfatal error: stack overflow\n\n"), r.err());
    // a 2 MB JVM stack, not the default 512 MB: the recursion stopped early
    assertTrue(depth > 1000 && depth < 1_000_000, "depth " + depth);
  }
}
