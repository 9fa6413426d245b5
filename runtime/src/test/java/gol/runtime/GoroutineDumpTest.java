package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Goroutine dump headers and frames (Go's goroutineheader rules), and the schedtrace text. */
class GoroutineDumpTest {
  private static final long MINUTE = 60_000_000_000L;

  private static G waiting(long id, String reason, long since) {
    G g = new G();
    g.id = id;
    g.state = G.WAITING;
    g.parkOp = waiting(reason);
    g.waitSince = since;
    return g;
  }

  private static String header(G g, long now) {
    StringBuilder b = new StringBuilder();
    GoroutineDump.header(b, g, now);
    return b.toString();
  }

  @Test
  void minutesAppearOnlyAfterOneMinuteOfWaiting() {
    long now = 10 * MINUTE;
    assertEquals("goroutine 7 [chan receive]:\n", header(waiting(7, "chan receive", now - MINUTE + 1), now));
    assertEquals("goroutine 7 [chan receive, 1 minutes]:\n", header(waiting(7, "chan receive", now - MINUTE), now));
    assertEquals("goroutine 7 [select, 2 minutes]:\n", header(waiting(7, "select", now - 2 * MINUTE - MINUTE / 2), now));
  }

  @Test
  void onlyWaitingGoroutinesShowMinutes() {
    G g = waiting(9, null, 0);
    g.state = G.RUNNABLE;
    assertEquals("goroutine 9 [runnable]:\n", header(g, 5 * MINUTE));
    g.state = G.WAITING;
    assertEquals("goroutine 9 [waiting, 5 minutes]:\n", header(g, 5 * MINUTE));
  }

  @Test
  void aGoroutineInABlockingCallIsSyscall() {
    Sched s = Sched.unstarted(1);
    G g = new G();
    g.id = 3;
    g.state = G.RUNNING;
    M m = new M(s, 4);
    g.m = m;
    m.curg = g;
    m.p = s.allp[0];
    assertEquals(G.RUNNING, SchedTrace.status(g));
    m.p = null; // lent its P: Go's _Gsyscall
    assertEquals(SchedTrace.SYSCALL, SchedTrace.status(g));
    assertEquals("syscall", GoroutineDump.statusWord(g));
  }

  @Test
  void theGeneratedResumerIsNotAGoFrame() {
    assertNull(Traceback.goName(new StackTraceElement("main$Resumer", "resume", "p.gol", -1)));
    assertEquals("main.main.func1", Traceback.goName(new StackTraceElement("main", "main$func1", "p.gol", 15)));
    assertEquals("main.boom", Traceback.goName(new StackTraceElement("main", "boom$resume", "p.gol", 9)));
  }

  @Test
  void framesOfARunningGoroutineAreUnavailable() {
    G g = new G();
    g.state = G.RUNNING;
    assertNull(GoroutineDump.frames(g));
    g.state = G.WAITING;
    assertEquals(0, GoroutineDump.frames(g).length);
  }

  @Test
  void dumpShowsWaitingFramesAndRunningGoroutinesAsGoDoes() {
    Sched s = Sched.unstarted(1);
    G main = s.newG();
    main.id = 1;
    main.state = G.RUNNING;
    G w = s.newG();
    w.id = 6;
    w.state = G.WAITING;
    w.parkOp = waiting("chan send");
    w.waitSince = System.nanoTime();
    String d = GoroutineDump.dumpAll(s, "SIGQUIT: quit\n");
    assertEquals("SIGQUIT: quit\n\ngoroutine 1 [running]:\n\tgoroutine running on other thread; stack unavailable\n"
        + "\ngoroutine 6 [chan send]:\n", d);
  }

  @Test
  void schedtraceSummaryAndDetailText() {
    Sched s = Sched.unstarted(2);
    G g = s.newG();
    g.id = 1;
    g.state = G.WAITING;
    g.parkOp = waiting("chan receive (nil chan)");
    SchedTrace t = SchedTrace.from(Config.of("schedtrace=5"), s);
    assertEquals("SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=1 spinningthreads=0 idlethreads=0 runqueue=0 [0 0]\n",
        t.format(1_000_000_000L));
    assertTrue(t.format(1_012_000_000L).startsWith("SCHED 12ms: "), "ms count from the first trace");
    SchedTrace d = SchedTrace.from(Config.of("schedtrace=5,scheddetail=1"), s);
    assertEquals("SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=1 spinningthreads=0 idlethreads=0 runqueue=0"
        + " gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0\n"
        + "  P0: status=0 schedtick=0 syscalltick=0 m=-1 runqsize=0 gfreecnt=0 timerslen=0\n"
        + "  P1: status=0 schedtick=0 syscalltick=0 m=-1 runqsize=0 gfreecnt=0 timerslen=0\n"
        + "  M0: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=-1\n"
        + "  G1: status=4(chan receive (nil chan)) m=-1 lockedm=-1\n", d.format(0));
    assertNull(SchedTrace.from(Config.of("scheddetail=1"), s), "no schedtrace, no trace");
    assertNull(SchedTrace.from(Config.of("schedtrace=x"), s));
  }

  @Test
  void schedextraListsQueuesAndWaits() {
    Sched s = Sched.unstarted(1);
    G a = s.newG();
    a.id = 6;
    a.state = G.RUNNABLE;
    G b = s.newG();
    b.id = 7;
    b.state = G.RUNNABLE;
    s.allp[0].runqput(a, false);
    s.allp[0].runqput(b, true);
    G w = s.newG();
    w.id = 8;
    w.state = G.WAITING;
    w.parkOp = waiting("sleep");
    w.waitSince = 0;
    String x = SchedTrace.from(Config.of("schedtrace=1,schedextra=1"), s).format(25_000_000L);
    assertTrue(x.contains("runqueue=0 [1]\n"), x);
    assertTrue(x.contains("EXTRA P0: runnext=G7 runq=[G6]\n"), x);
    assertTrue(x.contains("EXTRA global: runq=[]\n"), x);
    assertTrue(x.contains("EXTRA G6: runnable\n"), x);
    assertTrue(x.contains("EXTRA G8: waiting 25ms sleep\n"), x);
  }

  /** A park request with this wait reason, as a parked goroutine holds (its reason is the request's). */
  static ParkOp waiting(String reason) {
    return new ParkOp() {
      @Override public boolean commit(G g) { return true; }
      @Override public String waitReason() { return reason; }
    };
  }
}
