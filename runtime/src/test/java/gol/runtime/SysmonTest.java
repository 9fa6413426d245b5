package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.runtime.Shapes.Loop;
import gol.runtime.Shapes.Seq;
import gol.runtime.lib.time;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** sysmon: preemption of long time slices, and Ps retaken from blocking calls (one P). */
class SysmonTest {
  /** A compiled loop that never blocks: its only yield points are the status checks after each body call. */
  static Loop spinner(TestProgram prog) {
    return new Loop(prog, "main.spin", 10);
  }

  static void spin(Loop l, G g, AtomicLong counter) {
    l.run(g, Long.MAX_VALUE, new Object[0], (g2, i, v) -> { counter.incrementAndGet(); return null; });
  }

  /** GOMAXPROCS=1, a goroutine spinning forever: main's Sleep(1ms) still returns (Go: after ~10-20 ms). */
  @Test
  void spinningGoroutineIsPreempted() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 5, 6);
    AtomicLong counter = new AtomicLong();
    Loop loop = spinner(prog);
    long[] slept = new long[1];
    long[] preempts = new long[1];
    TestProgram.Result r = SchedTest.run(prog, 1, g -> {
      Sched.go(g, TestProgram.go("main.main", 4, cg -> spin(loop, cg, counter)));
      long t0 = System.nanoTime();
      main.run(g, new Object[2],
          (g2, i, v) -> { time.Sleep(g2, 1_000_000); return null; },
          (g2, i, v) -> {
            slept[0] = System.nanoTime() - t0;
            preempts[0] = Sched.current().sysmon.preemptions;
            return null;
          });
    });
    assertEquals(0, r.code(), r.err());
    assertTrue(counter.get() > 0, "the spinner ran");
    assertTrue(preempts[0] >= 1, "sysmon preempted the spinner");
    assertTrue(slept[0] < 500_000_000L, "main resumed after " + slept[0] / 1e6 + " ms");
  }

  /**
   * A goroutine blocked in a "syscall" lends its P: sysmon retakes it and another M runs the other
   * goroutine (one P; without the retake the latch would never open). On return the old P is busy
   * with a goroutine that spins forever, so the caller takes exitsyscall's slow path: it yields to
   * the global queue, its M parks, and it runs again once the spinner is preempted.
   */
  @Test
  void blockingCallLendsItsP() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 7, 8);
    AtomicLong counter = new AtomicLong();
    Loop loop = spinner(prog);
    CountDownLatch latch = new CountDownLatch(1);
    boolean[] opened = new boolean[1];
    boolean[] fast = new boolean[1];
    long[] retakes = new long[1];
    TestProgram.Result r = SchedTest.run(prog, 1, g -> {
      Sched.go(g, TestProgram.go("main.main", 4, cg -> { latch.countDown(); spin(loop, cg, counter); }));
      main.run(g, new Object[2],
          (g2, i, v) -> {
            Sched.entersyscall(g2);
            try {
              opened[0] = latch.await(10, TimeUnit.SECONDS);
              while (counter.get() < 1000) Thread.onSpinWait(); // the spinner now holds the only P
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            fast[0] = Sched.exitsyscall(g2);
            return "result";
          },
          (g2, i, vars) -> {
            retakes[0] = Sched.current().sysmon.retakes;
            Out.stdout(String.valueOf(vars[0])); // the blocking call's result survived the yield
            return null;
          });
    });
    assertEquals(0, r.code(), r.err());
    assertEquals("result", r.out());
    assertTrue(opened[0], "the other goroutine ran while main was blocked");
    assertTrue(retakes[0] >= 1);
    assertTrue(!fast[0], "slow path: no P was free");
  }
}
