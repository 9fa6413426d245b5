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

  /**
   * A scheduler whose P0 runs goroutine g. sysmon looked at T0 - 1 ms, before g's time slice began,
   * and next looks at T0, when it first sees the slice (so the slice is timed from T0, as Go does).
   */
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
      p.schedtick = 7;
      s.sysmon.retake(T0 - MS);   // the P's previous slice: tick 7
      p.schedtick++;              // g's slice began after that look
    }

    boolean preemptRequested() {
      return (g.status & G.PREEMPT) != 0;
    }

    void timerAt(long when) {
      p.timers.add(new Timers.Timer(), when);
    }
  }

  @Test
  void aSliceEndsTimesliceAfterSysmonFirstSawIt() {
    Fixture f = new Fixture("", 1);
    f.s.sysmon.retake(T0);
    assertEquals(false, f.preemptRequested());
    assertEquals(T0 + 10 * MS, f.s.sysmon.nextDeadline, "sysmon sleeps until the slice is due");
    f.s.sysmon.retake(T0 + 9 * MS);
    assertEquals(false, f.preemptRequested());
    f.s.sysmon.retake(T0 + 10 * MS);
    assertEquals(true, f.preemptRequested());
    assertEquals(1, f.s.sysmon.preemptions);
    assertEquals(0, f.s.sysmon.timerPreemptions);
  }

  @Test
  void aNewSliceIsTimedAfresh() {
    Fixture f = new Fixture("", 1);
    f.s.sysmon.retake(T0);
    f.p.schedtick++;   // g blocked (or another goroutine started): a new slice, seen at T0 + 6 ms
    f.s.sysmon.retake(T0 + 6 * MS);
    f.s.sysmon.retake(T0 + 10 * MS);
    assertEquals(false, f.preemptRequested());
    assertEquals(T0 + 16 * MS, f.s.sysmon.nextDeadline);
    f.s.sysmon.retake(T0 + 16 * MS);
    assertEquals(true, f.preemptRequested());
  }

  @Test
  void aFirstLookAtARunningPTimesItsSlice() {
    Sched s = Sched.unstarted(1, Knobs.of(Config.of("")));
    P p = s.allp[0];
    p.status = P.RUNNING;   // schedtick 0, never looked at: not a slice 10 ms old
    s.sysmon.retake(T0);
    assertEquals(T0 + 10 * MS, s.sysmon.nextDeadline);
  }

  @Test
  void theTimesliceKnobSetsTheSlice() {
    Fixture f = new Fixture("timeslice=30", 1);
    f.s.sysmon.retake(T0);
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
    f.s.sysmon.retake(T0);
    f.s.sysmon.retake(T0 + 3 * MS);
    assertEquals(false, f.preemptRequested());
    assertEquals(T0 + 5 * MS, f.s.sysmon.nextDeadline, "sysmon sleeps until the timer is due");
    f.s.sysmon.retake(T0 + 5 * MS + 1);
    assertEquals(true, f.preemptRequested());
    assertEquals(1, f.s.sysmon.timerPreemptions);
  }

  @Test
  void aTimerDueAfterTheSliceBeganEndsItEvenBeforeSysmonSawTheSlice() {
    Fixture f = new Fixture("", 1);
    f.timerAt(T0 - MS / 2); // after sysmon's look at T0 - 1 ms, so maybe during the slice
    f.s.sysmon.retake(T0);
    assertEquals(true, f.preemptRequested());
    assertEquals(1, f.s.sysmon.timerPreemptions);
  }

  @Test
  void aTimerDueBeforeTheSliceBeganDoesNotEndIt() {
    Fixture f = new Fixture("", 1);
    f.timerAt(T0 - 2 * MS); // due before sysmon's look at T0 - 1 ms: the slice began after it came due
    f.s.sysmon.retake(T0);
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
