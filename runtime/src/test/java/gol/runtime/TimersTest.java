package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.runtime.Shapes.Seq;
import gol.runtime.lib.time;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-P timer heap driven by a fake clock, and timers in the scheduler (deadlock rule). */
class TimersTest {
  /** A timer that records its firings (name@now) instead of readying a goroutine. */
  static final class Rec extends Timers.Timer {
    final String name;
    final List<String> log;
    Rec(String name, List<String> log) { this.name = name; this.log = log; }
    @Override public void fire(G waker, long now) { log.add(name + "@" + now); }
  }

  @Test
  void firesDueTimersInDeadlineOrderThenFifo() {
    Timers h = new Timers();
    List<String> log = new ArrayList<>();
    h.add(new Rec("c", log), 30);
    h.add(new Rec("a", log), 10);
    h.add(new Rec("b1", log), 20);
    h.add(new Rec("b2", log), 20); // same deadline: after b1
    h.add(new Rec("d", log), 40);
    assertEquals(0, h.runDue(null, 9));
    assertEquals(3, h.runDue(null, 20));
    assertEquals(List.of("a@20", "b1@20", "b2@20"), log);
    assertTrue(h.due(30));
    assertFalse(h.due(29));
    assertEquals(2, h.runDue(null, 1000));
    assertEquals(0, h.size);
  }

  @Test
  void stopRemovesOnlyPendingTimers() {
    Timers h = new Timers();
    List<String> log = new ArrayList<>();
    Rec a = new Rec("a", log), b = new Rec("b", log);
    h.add(a, 10);
    h.add(b, 20);
    assertTrue(Timers.stop(b));
    assertFalse(Timers.stop(b), "second Stop reports not pending");
    h.runDue(null, 100);
    assertFalse(Timers.stop(a), "Stop after expiry is false (Go)");
    assertEquals(List.of("a@100"), log);
  }

  /** A ticker re-arms at the next multiple of its period after now: ticks missed meanwhile are dropped. */
  @Test
  void tickerDropsMissedTicks() {
    Timers h = new Timers();
    List<String> log = new ArrayList<>();
    Rec t = new Rec("t", log);
    t.period = 10;
    h.add(t, 10);
    h.runDue(null, 10);
    h.runDue(null, 45); // due at 20; 30 and 40 were missed
    assertEquals(List.of("t@10", "t@45"), log);
    assertEquals(50, h.next);
    assertTrue(Timers.stop(t));
    assertEquals(0, h.runDue(null, 1000));
  }

  /** Randomised against a sorted reference: adds, stops, and firings in order (the 4-ary heap's invariants). */
  @Test
  void randomHeapMatchesReference() {
    Random rnd = new Random(42);
    Timers h = new Timers();
    List<String> log = new ArrayList<>();
    List<long[]> ref = new ArrayList<>(); // {when, seq}
    List<Rec> recs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Rec r = new Rec(Integer.toString(i), log);
      long when = rnd.nextInt(500);
      h.add(r, when);
      recs.add(r);
      ref.add(new long[] {when, i});
    }
    for (int i = 0; i < 2000; i += 3) {
      assertTrue(Timers.stop(recs.get(i)));
      ref.get(i)[0] = -1;
    }
    ref.removeIf(x -> x[0] < 0);
    ref.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    h.runDue(null, 1000);
    List<String> expect = new ArrayList<>();
    for (long[] x : ref) expect.add(x[1] + "@1000");
    assertEquals(expect, log);
  }

  /**
   * gol's rule, better than Go's: a pending ticker nobody receives from cannot wake anyone, so main
   * blocked forever is a deadlock even though a timer is pending (Go hangs here).
   */
  @Test
  void unreadTickerDoesNotHideDeadlock() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 6);
    TestProgram.Result r = SchedTest.run(prog, 2, g -> {
      time.NewTicker(g, 1_000_000);
      time.NewTimer(g, 3_600_000_000_000L);
      main.run(g, new Object[1], (g2, i, v) -> Chan.recv(g2, Chan.make(g2, SchedTest.CHAN_INT, 0)));
    });
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n"), r.err());
  }

  /** ... but a timer whose channel a goroutine waits on will wake it: no deadlock. */
  @Test
  void timerWithReceiverIsNotADeadlock() {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 6, 7);
    TestProgram.Result r = SchedTest.run(prog, 1, g -> {
      time.NewTicker(g, 1_000_000); // never read: irrelevant
      Chan c = time.After(g, 5_000_000);
      main.run(g, new Object[2],
          (g2, i, v) -> Chan.recv(g2, c),
          (g2, i, v) -> { Out.stdout(v[0] instanceof time.Time ? "fired\n" : "?\n"); return null; });
    });
    assertEquals(0, r.code(), r.err());
    assertEquals("fired\n", r.out());
  }
}
