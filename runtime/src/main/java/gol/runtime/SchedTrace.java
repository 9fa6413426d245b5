package gol.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler trace: Go's {@code GODEBUG=schedtrace=MS} and {@code scheddetail=1}, in Go 1.19's
 * exact text, plus gol's {@code schedextra=1}. Settings come from {@link Config}
 * ({@code GOLDEBUG=schedtrace=10,scheddetail=1}, or {@code gol run --schedtrace 10 --scheddetail}).
 * sysmon calls {@link #tick} every round; every MS milliseconds it prints on stderr:
 *
 * <pre>
 * SCHED 12ms: gomaxprocs=2 idleprocs=0 threads=4 spinningthreads=0 idlethreads=1 runqueue=3 [1 0]
 * </pre>
 * With scheddetail, the header has no bracket but Go's four extra counters, and is followed by one
 * line per P, per M (newest first) and per G (Go's {@code schedtrace(detailed)} in proc.go):
 * <pre>
 * SCHED 12ms: gomaxprocs=2 ... runqueue=3 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0
 *   P0: status=1 schedtick=12 syscalltick=0 m=2 runqsize=1 gfreecnt=0 timerslen=1
 *   M2: p=0 curg=24 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=-1
 *   G1: status=4(chan receive) m=-1 lockedm=-1
 * </pre>
 * With schedextra (gol's own), lines starting with {@code EXTRA} follow: each P's runnext and ring,
 * the global queue's contents, and for every live goroutine its state, how long it has waited and
 * the gol function it waits in. Go's lines are unchanged, so tools that parse them still work.
 * <pre>
 * EXTRA P0: runnext=G9 runq=[G10 G11]
 * EXTRA global: runq=[G12 G13]
 * EXTRA G6: waiting 12ms chan receive in main.receiver at schedtrace.gol:33
 * EXTRA G13: running on M2
 * </pre>
 *
 * <h2>What the numbers mean in gol</h2>
 * threads counts the Ms plus sysmon's thread (Go's mcount counts sysmon too); scheddetail lists
 * sysmon as {@code M0} (Go's M1). Go's GC counters (gcwaiting, ...) map to gol's stop-the-world
 * (runtime.GOMAXPROCS): gcwaiting=1 while the world stops, stopwait = Ps still to stop; gol has no
 * locked threads or sysmon deep sleep, so nmidlelocked and sysmonwait are 0, and mallocing,
 * throwing, preemptoff, locks and dying are 0 or empty. A goroutine in a blocking call shows
 * status 3 (Go's _Gsyscall). Unlike Go, a goroutine that is not waiting shows an empty wait reason
 * (Go's can be stale).
 *
 * <h2>The other models</h2>
 * <ul>
 *   <li><b>single</b> and <b>gil</b> run the GMP scheduler, so the lines mean what they mean there
 *       (single: gomaxprocs=1, one M plus sysmon). Under gil, schedextra adds
 *       {@code EXTRA gil: holder=M2 curg=G7 droprequests=12}: the M holding the global lock (or
 *       {@code holder=-}), the goroutine it runs, and how often waiters asked a holder to drop it.</li>
 *   <li><b>threads</b> (1:1) has no sysmon, no shared Ps and no run queues; a small thread of
 *       {@link ThreadsModel} prints the trace. Every goroutine thread holds a private P, so the
 *       lines describe those: <b>gomaxprocs</b> = the live goroutine threads (each may run: the OS,
 *       not gol, bounds parallelism by the cores), <b>idleprocs</b> = those asleep because their
 *       goroutine is parked, <b>threads</b> = the goroutine threads plus the timer thread,
 *       spinningthreads = idlethreads = 0 (no thread ever looks for work or waits for any), and
 *       <b>runqueue=0</b> with a bracket of zeros, one per thread: there is no run queue in 1:1
 *       threading, a runnable goroutine is a runnable thread and the OS picks. With scheddetail,
 *       {@code nmidlelocked} = the sleeping threads (Go's count of idle Ms locked to a goroutine:
 *       in 1:1 every goroutine is locked to its thread); P lines are numbered 0..n-1 in thread start
 *       order (P0 is main's) with {@code m=} naming the thread; each goroutine thread's M line has
 *       {@code curg} = {@code lockedg} = its goroutine even while it sleeps ({@code blocked=true});
 *       the timer thread's M line has {@code p=-1 curg=-1}; each G line names its thread in
 *       {@code m=} and {@code lockedm=}. A goroutine in a blocking call shows status 2 (running): its
 *       thread just blocks.</li>
 * </ul>
 *
 * <p>Threading: runs on sysmon's thread (under threads, on ThreadsModel's trace thread). It holds
 * the scheduler lock while it reads the queues (as Go does), but Ps, Ms and Gs change concurrently:
 * every number is a racy snapshot, consistent per field, not across fields. With schedtrace off there is no SchedTrace object and sysmon tests one
 * null field per round.
 */
final class SchedTrace {
  private final Sched sched;
  /** Milliseconds between traces. */
  final long periodMs;
  final boolean detail, extra;
  /** Time of the first trace (its line says 0ms), and of the latest one (System.nanoTime). */
  private long start, last;
  private boolean started;

  private SchedTrace(Sched sched, long periodMs, boolean detail, boolean extra) {
    this.sched = sched;
    this.periodMs = periodMs;
    this.detail = detail;
    this.extra = extra;
  }

  /** The trace asked for by {@code config}, or null when schedtrace is off (0, unset, malformed). */
  static SchedTrace from(Config config, Sched sched) {
    long ms = config.intValue("schedtrace", 0);
    if (ms <= 0) return null;
    return new SchedTrace(sched, ms, config.flag("scheddetail"), config.flag("schedextra"));
  }

  /** sysmon, every round: prints a trace if one is due (Go's test in sysmon). */
  void tick(long now) {
    if (started && now - last < periodMs * 1_000_000L) return;
    // The header: the scheduler knobs in force (issue 7), once, on a line that does not start with
    // "SCHED", so parsers of Go's lines skip it.
    if (!started) Out.stderr("# gol schedtrace: " + sched.describe() + "\n");
    Out.stderr(format(now));
  }

  /** When the next trace is due (System.nanoTime); now if none was printed yet. */
  long nextDueNs() {
    return started ? last + periodMs * 1_000_000L : System.nanoTime();
  }

  /** The text of one trace at time {@code now} (all lines, each ending in a newline). */
  String format(long now) {
    if (!started) {
      started = true;
      start = now;
    }
    last = now;
    if (sched.threads != null) return formatThreads(now);
    StringBuilder b = new StringBuilder(256);
    Sched s = sched;
    P[] allp = s.allp;
    List<M> ms;
    List<G> global = new ArrayList<>();
    synchronized (s.lock) {
      b.append("SCHED ").append((now - start) / 1_000_000).append("ms: gomaxprocs=").append(allp.length)
          .append(" idleprocs=").append(s.npidle)
          .append(" threads=").append(s.allm.size() + 1)
          .append(" spinningthreads=").append(s.nmspinning.get())
          .append(" idlethreads=").append(s.nmidle)
          .append(" runqueue=").append(s.runqsize);
      ms = new ArrayList<>(s.allm);
      if (extra) for (int i = 0; i < MAX_LIST && s.globalRunq.peek(i) != null; i++) global.add(s.globalRunq.peek(i));
    }
    if (detail) {
      b.append(" gcwaiting=").append(s.stw.waiting ? 1 : 0).append(" nmidlelocked=0 stopwait=")
          .append(s.stw.waiting ? s.stw.stopwaitRacy() : 0).append(" sysmonwait=0\n");
      for (P p : allp) {
        b.append("  P").append(p.id).append(": status=").append(p.status)
            .append(" schedtick=").append(p.schedtick).append(" syscalltick=").append(p.syscalltick)
            .append(" m=").append(mid(p.m)).append(" runqsize=").append(p.runqSize())
            .append(" gfreecnt=").append(p.gfreeCount).append(" timerslen=").append(p.timers.size).append('\n');
      }
      for (int i = ms.size() - 1; i >= 0; i--) mLine(b, ms.get(i));
      b.append("  M0: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=-1\n");
      for (G g : s.allgsSnapshot()) {
        int st = status(g);
        M m = st == G.RUNNING || st == SYSCALL ? g.m : null;
        b.append("  G").append(g.id).append(": status=").append(st).append('(')
            .append(st == G.WAITING && g.waitReason() != null ? g.waitReason() : "")
            .append(") m=").append(mid(m)).append(" lockedm=-1\n");
      }
    } else {
      for (int i = 0; i < allp.length; i++) {
        b.append(i == 0 ? " [" : " ").append(allp[i].runqSize());
      }
      b.append("]\n");
    }
    if (extra) extra(b, allp, global, now);
    return b.toString();
  }

  /** Longest list of queued goroutines printed by schedextra (the rest shows as "..."). */
  static final int MAX_LIST = 64;
  /** Go's _Gsyscall: gol's G stays RUNNING in a blocking call, but its M has lent its P. */
  static final int SYSCALL = 3;

  /** Go's status number of g (a blocking call shows as 3). */
  static int status(G g) {
    int st = g.state;
    if (st == G.RUNNING) {
      M m = g.m;
      if (m != null && m.curg == g && m.p == null) return SYSCALL;
    }
    return st;
  }

  private static void mLine(StringBuilder b, M m) {
    P p = m.p;
    G g = m.curg;
    b.append("  M").append(m.id).append(": p=").append(p == null ? -1 : p.id)
        .append(" curg=").append(g == null ? -1 : g.id)
        .append(" mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=").append(m.spinning)
        .append(" blocked=").append(p == null && g == null)
        .append(" lockedg=-1\n");
  }

  private static long mid(M m) {
    return m == null ? -1 : m.id;
  }

  // ================================================================ schedextra

  private void extra(StringBuilder b, P[] allp, List<G> global, long now) {
    for (P p : allp) {
      G next = p.runnextPeek();
      b.append("EXTRA P").append(p.id).append(": runnext=").append(next == null ? "-" : "G" + next.id).append(" runq=");
      ids(b, p.runqPeek(MAX_LIST), p.runqSize());
      b.append('\n');
    }
    b.append("EXTRA global: runq=");
    ids(b, global, sched.runqsize);
    b.append('\n');
    gilLine(b);
    extraGoroutines(b, now);
  }

  /** The gil model's holder line (schedextra). */
  private void gilLine(StringBuilder b) {
    Gil gil = sched.gil;
    if (gil == null) return;
    M h = gil.holder();
    G g = h == null ? null : h.curg;
    b.append("EXTRA gil: holder=").append(h == null ? "-" : "M" + h.id).append(" curg=").append(g == null ? "-" : "G" + g.id)
        .append(" droprequests=").append(gil.dropRequests).append('\n');
  }

  /** Every live goroutine's EXTRA line: its state, how long it has waited, where. */
  private void extraGoroutines(StringBuilder b, long now) {
    Resumer r = sched.resumer;
    for (G g : sched.allgsSnapshot()) {
      int st = status(g);
      if (st == G.DEAD || st == G.IDLE) continue;
      b.append("EXTRA G").append(g.id).append(": ");
      switch (st) {
        case G.WAITING -> {
          b.append("waiting ").append(ms(now - g.waitSince)).append("ms ").append(g.waitReason());
          GoroutineDump.where(b, r, g);
        }
        case G.RUNNABLE -> {
          b.append("runnable");
          GoroutineDump.where(b, r, g);
        }
        case SYSCALL -> b.append("in a blocking call on M").append(mid(g.m));
        default -> b.append("running on M").append(mid(g.m));
      }
      b.append('\n');
    }
  }

  // ================================================================ the threads model

  /** One trace under the threads model (see the class comment for what each number means there). */
  private String formatThreads(long now) {
    ThreadsModel tm = sched.threads;
    List<ThreadsModel.GThread> ts = tm.liveThreads();
    StringBuilder b = new StringBuilder(256);
    int n = ts.size(), asleep = 0;
    if (n == 0) return ""; // the program is ending: no line (Go's format needs at least one P)
    for (ThreadsModel.GThread t : ts) if (t.g().state == G.WAITING) asleep++;
    b.append("SCHED ").append((now - start) / 1_000_000).append("ms: gomaxprocs=").append(n)
        .append(" idleprocs=").append(asleep)
        .append(" threads=").append(n + 1)
        .append(" spinningthreads=0 idlethreads=0 runqueue=0");
    if (!detail) {
      for (int i = 0; i < n; i++) b.append(i == 0 ? " [0" : " 0");
      b.append("]\n");
    } else {
      b.append(" gcwaiting=0 nmidlelocked=").append(asleep).append(" stopwait=0 sysmonwait=0\n");
      for (int i = 0; i < n; i++) {
        ThreadsModel.GThread t = ts.get(i);
        boolean sleeping = t.g().state == G.WAITING;
        b.append("  P").append(i).append(": status=").append(sleeping ? P.IDLE : P.RUNNING)
            .append(" schedtick=").append(t.p().schedtick).append(" syscalltick=0 m=").append(t.m().id)
            .append(" runqsize=0 gfreecnt=0 timerslen=").append(i == 0 ? tm.timers.size : 0).append('\n');
      }
      for (int i = n - 1; i >= 0; i--) {
        ThreadsModel.GThread t = ts.get(i);
        b.append("  M").append(t.m().id).append(": p=").append(i).append(" curg=").append(t.g().id)
            .append(" mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=")
            .append(t.g().state == G.WAITING).append(" lockedg=").append(t.g().id).append('\n');
      }
      M timer = tm.timerM();
      if (timer != null) {
        b.append("  M").append(timer.id).append(": p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=-1\n");
      }
      // The G lines: states first, then which thread each goroutine has, read afterwards, so that
      // a goroutine seen running was already in the live map (threads are registered before they
      // start; one started after the P and M lines above still gets its m=).
      List<G> gs = sched.allgsSnapshot();
      int[] states = new int[gs.size()];
      for (int i = 0; i < states.length; i++) states[i] = gs.get(i).state;
      java.util.Map<G, M> threadOf = new java.util.HashMap<>();
      for (ThreadsModel.GThread t : tm.liveThreads()) threadOf.put(t.g(), t.m());
      for (int i = 0; i < states.length; i++) {
        G g = gs.get(i);
        int st = states[i];
        M m = st == G.DEAD || st == G.IDLE ? null : threadOf.getOrDefault(g, g.m); // g.m: a thread that ended meanwhile
        b.append("  G").append(g.id).append(": status=").append(st).append('(')
            .append(st == G.WAITING && g.waitReason() != null ? g.waitReason() : "")
            .append(") m=").append(mid(m)).append(" lockedm=").append(mid(m)).append('\n');
      }
    }
    if (extra) extraGoroutines(b, now);
    return b.toString();
  }

  private static long ms(long ns) {
    return Math.max(0, ns / 1_000_000);
  }

  private static void ids(StringBuilder b, List<G> gs, int total) {
    b.append('[');
    for (int i = 0; i < gs.size(); i++) b.append(i == 0 ? "G" : " G").append(gs.get(i).id);
    if (total > gs.size()) b.append(gs.isEmpty() ? "..." : " ...");
    b.append(']');
  }
}
