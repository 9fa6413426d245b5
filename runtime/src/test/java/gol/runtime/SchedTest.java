package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.runtime.Shapes.Loop;
import gol.runtime.Shapes.Seq;
import gol.runtime.Shapes.Step;
import gol.runtime.lib.runtime;
import gol.runtime.lib.sync;
import gol.runtime.lib.time;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scheduling order, program end (deadlock, panic, os.Exit), the sync primitives and Sleep. */
class SchedTest {
  static final RType CHAN_INT = RType.chan(0, RType.INT);
  static final String F = TestProgram.FILE;

  static TestProgram.Result run(TestProgram prog, int procs, Consumer<G> main) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> prog.run(procs, main));
  }

  static Step print(String s) {
    return (g, i, v) -> { Out.stdout(s); return null; };
  }

  /** {@code for i := 0; i < 10; i++ { go print(i) }} on one P prints 9 0 1 ... 8, as Go does. */
  @Test
  void spawnOrderOnOneP() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 7);
    sync.WaitGroup wg = new sync.WaitGroup();
    TestProgram.Result r = run(prog, 1, g -> {
      wg.Add(g, 10);
      for (int k = 0; k < 10; k++) {
        int n = k;
        Sched.go(g, TestProgram.go("main.main", 5, cg -> { Out.stdout(n + " "); wg.Done(cg); }));
      }
      main.run(g, new Object[1], (g2, i, v) -> { wg.Wait(g2); return null; });
    });
    assertEquals("9 0 1 2 3 4 5 6 7 8 ", r.out());
  }

  /** Two goroutines printing then calling Gosched alternate B0 A0 B1 A1 B2 A2 on one P (Go's order). */
  @Test
  void goschedAlternates() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 9);
    Loop a = new Loop(prog, "main.main.func1", 4);
    Loop b = new Loop(prog, "main.main.func2", 5);
    sync.WaitGroup wg = new sync.WaitGroup();
    TestProgram.Result r = run(prog, 1, g -> {
      wg.Add(g, 2);
      for (Loop l : new Loop[] {a, b}) {
        String name = l == a ? "A" : "B";
        Sched.go(g, TestProgram.go("main.main", 4, cg -> l.run(cg, 4, new Object[0], (g2, i, v) -> {
          if (i == 3) { wg.Done(g2); return null; }
          Out.stdout(name + i + " ");
          runtime.Gosched(g2);
          return null;
        })));
      }
      main.run(g, new Object[1], (g2, i, v) -> { wg.Wait(g2); return null; });
    });
    assertEquals("B0 A0 B1 A1 B2 A2 ", r.out());
  }

  @Test
  void numGoroutineIdsAndGomaxprocs() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 3, 4);
    long[] seen = new long[6];
    TestProgram.Result r = run(prog, 3, g -> {
      seen[0] = runtime.NumGoroutine(g);
      seen[1] = g.id;
      Chan block = Chan.make(g, CHAN_INT, 0);
      for (int k = 0; k < 5; k++) Sched.go(g, TestProgram.go("main.main", 2, cg -> {
        synchronized (seen) { if (seen[2] == 0 || cg.id < seen[2]) seen[2] = cg.id; }
        Chan.recv(cg, block);
      }));
      seen[4] = runtime.GOMAXPROCS(g, 0);
      seen[5] = runtime.GOMAXPROCS(g, 2);
      main.run(g, new Object[2],
          (g2, i, v) -> { time.Sleep(g2, 20_000_000); return null; },
          (g2, i, v) -> { seen[3] = runtime.NumGoroutine(g2); return null; });
    });
    assertEquals(0, r.code(), r.err());
    assertEquals(1, seen[0]);
    assertEquals(1, seen[1]);
    assertEquals(6, seen[2]); // Go 1.19: user goroutines start at 6 (2..5 are the runtime's)
    assertEquals(6, seen[3]);
    assertEquals(3, seen[4]);
    assertEquals(3, seen[5]);
  }

  /** Go's deadlock report: every goroutine with its wait reason, frames and creator; exit 2. */
  @Test
  void deadlockDump() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 14);
    Seq sender = new Seq(prog, "main.main.func1", 8);
    Seq nilRecv = new Seq(prog, "main.main.func2", 11);
    Seq selectNone = new Seq(prog, "main.worker", 18);
    TestProgram.Result r = run(prog, 2, g -> {
      Chan c = Chan.make(g, CHAN_INT, 0);
      Sched.go(g, TestProgram.go("main.main", 8, cg -> sender.run(cg, new Object[1], (g2, i, v) -> { Chan.send(g2, c, 1L); return null; })));
      Sched.go(g, TestProgram.go("main.main", 11, cg -> nilRecv.run(cg, new Object[1], (g2, i, v) -> Chan.recv(g2, null))));
      Sched.go(g, TestProgram.go("main.main", 12, cg -> selectNone.run(cg, new Object[1],
          (g2, i, v) -> Chan.select(g2, new Chan[0], new boolean[0], new Object[0], false))));
      Out.stdout("hi\n");
      main.run(g, new Object[1], (g2, i, v) -> Chan.recv(g2, Chan.make(g2, CHAN_INT, 0)));
    });
    assertEquals(2, r.code());
    assertEquals("hi\n", r.out());
    assertEquals("fatal error: all goroutines are asleep - deadlock!\n\n"
        + "goroutine 1 [chan receive]:\nmain.main()\n\t" + F + ":14 +0x0\n\n"
        + "goroutine 6 [chan send]:\nmain.main.func1()\n\t" + F + ":8 +0x0\ncreated by main.main\n\t" + F + ":8 +0x0\n\n"
        + "goroutine 7 [chan receive (nil chan)]:\nmain.main.func2()\n\t" + F + ":11 +0x0\ncreated by main.main\n\t" + F + ":11 +0x0\n\n"
        + "goroutine 8 [select (no cases)]:\nmain.worker(...)\n\t" + F + ":18 +0x0\ncreated by main.main\n\t" + F + ":12 +0x0\n",
        r.err());
  }

  /** A pending timer is not a deadlock; when it fires and everything blocks again, it is. */
  @Test
  void sleepingGoroutineHidesDeadlockUntilItBlocks() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 5);
    Seq sleeper = new Seq(prog, "main.main.func1", 3, 4);
    TestProgram.Result r = run(prog, 1, g -> {
      Sched.go(g, TestProgram.go("main.main", 3, cg -> sleeper.run(cg, new Object[2],
          (g2, i, v) -> { time.Sleep(g2, 30_000_000); return null; },
          (g2, i, v) -> Chan.recv(g2, null))));
      main.run(g, new Object[1], (g2, i, v) -> Chan.recv(g2, null));
    });
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive (nil chan)]:\n"), r.err());
    assertTrue(r.err().contains("goroutine 6 [chan receive (nil chan)]:\nmain.main.func1()\n\t" + F + ":4 +0x0\n"), r.err());
  }

  /**
   * An unrecovered panic raised in a frame that was resumed: the trace shows the resumed frames
   * that the panic passed through (saved ones included), innermost first; exit 2; earlier stdout
   * is flushed first.
   */
  @Test
  void unrecoveredPanicThroughSavedFrames() {
    TestProgram prog = new TestProgram();
    Seq outer = new Seq(prog, "main.main", 20, 21);
    Seq inner = new Seq(prog, "main.f", 11, 12);
    TestProgram.Result r = run(prog, 1, g -> {
      Out.stdout("before\n");
      outer.run(g, new Object[2],
          (g2, i, v) -> { time.Sleep(g2, 1_000_000); return null; },
          (g2, i, v) -> {
            inner.run(g2, new Object[2],
                (g3, j, w) -> { runtime.Gosched(g3); return null; },
                (g3, j, w) -> {
                  // What the Java trace of compiled code shows here: main.f's resume copy, at line 12.
                  Panic p = new Panic(42L);
                  p.setStackTrace(new StackTraceElement[] {new StackTraceElement("main", "f$resume", "main.go", 12)});
                  throw p;
                });
            return null;
          });
    });
    assertEquals(2, r.code());
    assertEquals("before\n", r.out());
    assertEquals("panic: 42\n\ngoroutine 1 [running]:\n"
        + "main.f(...)\n\t" + F + ":12 +0x0\n" + "main.main()\n\t" + F + ":21 +0x0\n", r.err());
  }

  @Test
  void panicValuesPrintAsGoPrintsThem() {
    assertEquals("+1.500000e+000", Traceback.panicValue(1.5));
    assertEquals("-2.500000e-003", Traceback.panicValue(-0.0025));
    assertEquals("+Inf", Traceback.panicValue(Double.POSITIVE_INFINITY));
    assertEquals("true", Traceback.panicValue(true));
    assertEquals("nil", Traceback.panicValue(null));
    assertEquals("97", Traceback.panicValue(97));
    assertEquals("main.MyInt(7)", Traceback.panicValue(Box.box(7, RType.named(RType.Kind.INT8, "main.MyInt", null))));
    assertEquals("runtime error: index out of range [5] with length 3", Traceback.panicValue(Panic.index(5, 3).value));
    Object err = new Object() {
      @SuppressWarnings("unused") public String Error() { return "an error"; }
    };
    assertEquals("an error", Traceback.panicValue(err));
  }

  @Test
  void javaFramesMapToGoNames() {
    assertEquals("main.f", Traceback.goName(new StackTraceElement("main", "f", "x", 1)));
    assertEquals("main.f", Traceback.goName(new StackTraceElement("main", "f$resume", "x", 1)));
    assertEquals("main.main.func1", Traceback.goName(new StackTraceElement("main", "main$func1", "x", 1)));
    assertEquals("main.main.func1", Traceback.goName(new StackTraceElement("main", "main$func1$resume", "x", 1)));
    assertEquals(null, Traceback.goName(new StackTraceElement("main", "f$s3", "x", 1)));
    assertEquals(null, Traceback.goName(new StackTraceElement("gol.runtime.Chan", "send", "x", 1)));
    assertEquals(null, Traceback.goName(new StackTraceElement("main$go1", "run", "x", 1)));
  }

  /** os.Exit: Exit thrown by any goroutine ends the run with its code, stdout flushed, no message. */
  @Test
  void osExit() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 3);
    TestProgram.Result r = run(prog, 2, g -> {
      Out.stdout("out\n");
      Sched.go(g, TestProgram.go("main.main", 2, cg -> { throw new Exit(3); }));
      main.run(g, new Object[1], (g2, i, v) -> Chan.recv(g2, null));
    });
    assertEquals(3, r.code());
    assertEquals("out\n", r.out());
    assertEquals("", r.err());
  }

  /** 10,000 goroutines increment a Mutex-protected counter; WaitGroup waits for all. */
  @ParameterizedTest(name = "GOMAXPROCS {0}")
  @ValueSource(ints = {1, 2, 8})
  void waitGroupAndMutexWithTenThousandGoroutines(int procs) {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 9, 10);
    Seq worker = new Seq(prog, "main.main.func1", 4, 5, 6, 7);
    sync.WaitGroup wg = new sync.WaitGroup();
    sync.Mutex mu = new sync.Mutex();
    long[] counter = new long[1];
    int n = 10_000;
    TestProgram.Result r = run(prog, procs, g -> {
      for (int k = 0; k < n; k++) {
        wg.Add(g, 1);
        Sched.go(g, TestProgram.go("main.main", 3, cg -> worker.run(cg, new Object[5],
            (g2, i, v) -> { mu.Lock(g2); return null; },
            (g2, i, v) -> { v[4] = counter[0]; runtime.Gosched(g2); return null; },  // yield while holding the lock
            (g2, i, v) -> { counter[0] = (Long) v[4] + 1; mu.Unlock(g2); return null; },
            (g2, i, v) -> { wg.Done(g2); return null; })));
      }
      main.run(g, new Object[2],
          (g2, i, v) -> { wg.Wait(g2); return null; },
          (g2, i, v) -> { Out.stdout(counter[0] + "\n"); return null; });
    });
    assertEquals("", r.err());
    assertEquals(n + "\n", r.out());
  }

  @Test
  void unlockOfUnlockedMutexIsFatal() {
    TestProgram prog = new TestProgram();
    TestProgram.Result r = run(prog, 1, g -> new sync.Mutex().Unlock(g));
    assertEquals(2, r.code());
    assertEquals("fatal error: sync: unlock of unlocked mutex\n\ngoroutine 1 [running]:\n", r.err());
  }

  @Test
  void negativeWaitGroupCounterPanics() {
    TestProgram prog = new TestProgram();
    TestProgram.Result r = run(prog, 1, g -> new sync.WaitGroup().Done(g));
    assertEquals(2, r.code());
    assertEquals("panic: sync: negative WaitGroup counter\n\ngoroutine 1 [running]:\n", r.err());
  }

  /** Sleepers wake in deadline order, and sleeping does not hold an M (1 P, 200 sleepers in parallel). */
  @Test
  void sleepOrderAndNoThreadHeld() {
    TestProgram prog = new TestProgram();
    Loop main = new Loop(prog, "main.main", 9);
    Seq sleeper = new Seq(prog, "main.main.func1", 4, 5);
    long start = System.nanoTime();
    TestProgram.Result r = run(prog, 1, g -> {
      Chan c = Chan.make(g, CHAN_INT, 0);
      // 100 ms between deadlines: timers that are due together (the thread stalled on a loaded
      // machine) are readied together, and runnext then runs the last one first, as in Go.
      long[] ms = {300, 100, 200};
      for (int k = 0; k < 200; k++) {
        long id = k;
        long d = k < 3 ? ms[k] : 150;
        Sched.go(g, TestProgram.go("main.main", 4, cg -> sleeper.run(cg, new Object[2],
            (g2, i, v) -> { time.Sleep(g2, d * 1_000_000); return null; },
            (g2, i, v) -> { Chan.send(g2, c, id); return null; })));
      }
      StringBuilder order = new StringBuilder();
      main.run(g, 200, new Object[0], new Step() {
        @Override public Object invoke(G g2, long i, Object[] vars) { return Chan.recv(g2, c); }
        @Override public boolean after(long i, Object v, Object[] vars) {
          long id = Box.unboxInt(v);
          if (id < 3) order.append(id);
          if (i == 199) Out.stdout(order + "\n");
          return true;
        }
      });
    });
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals("", r.err());
    assertEquals("120\n", r.out());
    assertTrue(tookMs < 2000, "took " + tookMs + " ms");
  }
}
