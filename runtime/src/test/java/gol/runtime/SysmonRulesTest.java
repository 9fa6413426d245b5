package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * sysmon's preemption rules on a fake clock: {@link Sysmon#retake} is called with chosen times on a
 * scheduler that is not running, so the rules are checked exactly, whatever the machine's load.
 */
class SysmonRulesTest {
  static final long MS = 1_000_000L;
  static final long T0 = 1_000 * MS;

  /** A scheduler whose P0 runs goroutine g, whose time slice began at T0. */
  static final class Fixture {
    final Sched s;
    final P p;
    final G g = new G();

    Fixture(String knobs, int procs) {
      s = Sched.unstarted(procs, Knobs.of(Config.of(knobs)));
      p = s.allp[0];
      p.status = P.RUNNING;
      M m = new M(s, 1);
      m.p = p;
      p.m = m;
      g.m = m;
      g.state = G.RUNNING;
      m.curg = g;
      p.schedwhen = T0;
    }

    boolean preemptRequested() {
      return (g.status & G.PREEMPT) != 0;
    }

    void timerAt(long when) {
      p.timers.add(new Timers.Timer(), when);
    }
  }

  @Test
  void aSliceEndsTimesliceAfterItsStartNotAfterSysmonFirstSawIt() {
    Fixture f = new Fixture("", 1);
    f.s.sysmon.retake(T0 + 5 * MS);
    assertEquals(false, f.preemptRequested());
    assertEquals(T0 + 10 * MS, f.s.sysmon.nextDeadline, "sysmon sleeps until the slice is due");
    f.s.sysmon.retake(T0 + 10 * MS); // Go's rule would only now start timing the slice
    assertEquals(true, f.preemptRequested());
    assertEquals(1, f.s.sysmon.preemptions);
    assertEquals(0, f.s.sysmon.timerPreemptions);
  }

  @Test
  void theTimesliceKnobSetsTheSlice() {
    Fixture f = new Fixture("timeslice=30", 1);
    f.s.sysmon.retake(T0 + 20 * MS);
    assertEquals(false, f.preemptRequested());
    assertEquals(T0 + 30 * MS, f.s.sysmon.nextDeadline);
    f.s.sysmon.retake(T0 + 30 * MS);
    assertEquals(true, f.preemptRequested());
  }

  @Test
  void anOverdueTimerEndsTheSliceThatHoldsItUp() {
    Fixture f = new Fixture("", 1);
    f.timerAt(T0 + 5 * MS);
    f.s.sysmon.retake(T0 + 3 * MS);
    assertEquals(false, f.preemptRequested());
    assertEquals(T0 + 5 * MS, f.s.sysmon.nextDeadline, "sysmon sleeps until the timer is due");
    f.s.sysmon.retake(T0 + 5 * MS + 1);
    assertEquals(true, f.preemptRequested());
    assertEquals(1, f.s.sysmon.timerPreemptions);
  }

  @Test
  void aTimerDueBeforeTheSliceBeganDoesNotEndIt() {
    Fixture f = new Fixture("", 1);
    f.timerAt(T0 - MS); // the slice's goroutine was chosen after it came due: not held up by this slice
    f.s.sysmon.retake(T0 + MS);
    assertEquals(false, f.preemptRequested());
  }

  @Test
  void withAnIdlePTheTimerWaitsForItsM() {
    Fixture f = new Fixture("", 2);
    synchronized (f.s.lock) {
      f.s.pidleput(f.s.allp[1]);
    }
    f.timerAt(T0 + 5 * MS);
    f.s.sysmon.retake(T0 + 6 * MS);
    assertEquals(false, f.preemptRequested());
  }

  @Test
  void anExplicitTimesliceTurnsTheTimerRuleOff() {
    Fixture f = new Fixture("timeslice=2000", 1);
    f.timerAt(T0 + 5 * MS);
    f.s.sysmon.retake(T0 + 6 * MS);
    assertEquals(false, f.preemptRequested());
    assertEquals(T0 + 6 * MS + Sysmon.MAX_DELAY_NS, f.s.sysmon.nextDeadline, "nothing due before its longest sleep");
  }

  @Test
  void noPreemptAndSeedTurnBothRulesOff() {
    for (String knobs : new String[] {"preempt=0", "seed=1"}) {
      Fixture f = new Fixture(knobs, 1);
      f.timerAt(T0 + 5 * MS);
      f.s.sysmon.retake(T0 + 50 * MS);
      assertEquals(false, f.preemptRequested(), knobs);
    }
  }
}
