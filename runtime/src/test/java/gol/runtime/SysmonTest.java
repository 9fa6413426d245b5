package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.runtime.Shapes.Loop;
import gol.runtime.Shapes.Seq;
import gol.runtime.lib.time;
import gol.runtime.Shapes.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  /**
   * GOMAXPROCS=1, a goroutine spinning forever: main's Sleep(1ms) still returns (Go: after ~10-20 ms).
   * main sleeps until the spinner has run (on a loaded machine the spinner may not have reached its
   * loop when sysmon ends its slice for main's timer).
   */
  @Test
  void spinningGoroutineIsPreempted() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 5, 6);
    Loop naps = new Loop(prog, "main.naps", 7);
    AtomicLong counter = new AtomicLong();
    Loop loop = spinner(prog);
    long[] slept = new long[1];
    long[] preempts = new long[1];
    Step nap = new Step() {
      @Override public Object invoke(G g2, long i, Object[] vars) {
        time.Sleep(g2, 1_000_000);
        return null;
      }
      @Override public boolean after(long i, Object v, Object[] vars) {
        return counter.get() == 0;
      }
    };
    TestProgram.Result r = SchedTest.run(prog, 1, g -> {
      Sched.go(g, TestProgram.go("main.main", 4, cg -> spin(loop, cg, counter)));
      long t0 = System.nanoTime();
      main.run(g, new Object[2],
          (g2, i, v) -> { naps.run(g2, 1000, new Object[0], nap); return null; },
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

  /**
   * Runs a timing measurement up to n times and passes on the first run that meets its bound: a
   * machine loaded by other work can stretch any one run, but the old rules (slices timed from
   * sysmon's first look, no early preemption for timers) miss the bounds structurally, every time.
   */
  static void attempts(int n, java.util.function.Supplier<String> run) {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String why = run.get();
      if (why == null) return;
      failures.add(why);
    }
    throw new AssertionError(String.join("\n", failures));
  }

  static double medianMs(long[] ns) {
    long[] c = ns.clone();
    Arrays.sort(c);
    return c[c.length / 2] / 1e6;
  }

  /**
   * GOMAXPROCS=1, a goroutine spinning forever, main sleeping 5 ms twenty times: each sleep ends
   * about on time, because sysmon ends the spinner's slice as soon as main's timer is overdue (Go
   * and the 10 ms slice rule alone: about 15 ms late). The median is asserted, not every sleep, so
   * that a loaded machine does not fail the test.
   */
  @Test
  void sleeperNextToSpinnerWakesOnTime() {
    attempts(3, this::sleeperNextToSpinner);
  }

  /** One run of {@link #sleeperNextToSpinnerWakesOnTime}: null if it met the bound, else why not. */
  String sleeperNextToSpinner() {
    TestProgram prog = new TestProgram();
    Loop sleeps = new Loop(prog, "main.main", 7);
    Loop loop = spinner(prog);
    AtomicLong counter = new AtomicLong();
    long[] late = new long[20];
    long[] timerPreempts = new long[1];
    TestProgram.Result r = SchedTest.run(prog, 1, g -> {
      Sched.go(g, TestProgram.go("main.main", 4, cg -> spin(loop, cg, counter)));
      sleeps.run(g, late.length, new Object[1], new Step() {
        @Override public Object invoke(G g2, long i, Object[] vars) {
          vars[0] = System.nanoTime();
          time.Sleep(g2, 5_000_000);
          return null;
        }
        @Override public boolean after(long i, Object v, Object[] vars) {
          late[(int) i] = System.nanoTime() - (long) vars[0] - 5_000_000;
          timerPreempts[0] = Sched.current().sysmon.timerPreemptions;
          return true;
        }
      });
    });
    assertEquals(0, r.code(), r.err());
    assertTrue(counter.get() > 0, "the spinner ran");
    assertTrue(timerPreempts[0] >= 1, "sysmon ended the spinner's slice for main's timer");
    double median = medianMs(late);
    return median < 10 ? null : "median lateness " + median + " ms of " + Arrays.toString(late);
  }

}
