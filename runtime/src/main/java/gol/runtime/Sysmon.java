package gol.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * sysmon: the system monitor, a daemon thread that holds no P (so it never runs gol code and does not
 * count for deadlock detection) and watches the Ps, as Go's {@code sysmon} in proc.go does.
 *
 * <h2>Loop</h2>
 * It sleeps {@value #MIN_DELAY_NS} ns; after 50 consecutive rounds in which it retook nothing it
 * doubles the sleep, up to {@value #MAX_DELAY_NS} ns (Go's numbers: 20 us, then 10 ms once the
 * program has been quiet for about a millisecond). Each round it calls {@link #retake} and, if a
 * timer is overdue while nobody will run it (every M busy or idle without a timer deadline), it
 * wakes an M for it.
 *
 * <h2>retake, per P (Go's rules)</h2>
 * <ul>
 *   <li><b>Preemption.</b> sysmon remembers each P's {@code schedtick} and when it last changed.
 *       schedtick advances on every schedule that does not inherit a time slice, so if it has not
 *       changed for {@value #FORCE_PREEMPT_NS} ns the same goroutine (or a runnext chain of them)
 *       has run for 10 ms: sysmon asks it to yield ({@link G#requestPreempt}, a CAS of its status
 *       word from 0 to PREEMPT). Compiled code tests the status word after calls and at loop
 *       back-edges, unwinds, and the scheduler puts the goroutine on the global queue.</li>
 *   <li><b>Blocking calls.</b> A P whose goroutine is in a blocking call (status SYSCALL, see
 *       {@link Sched#entersyscall}) and has been in the same call for at least one sysmon round is
 *       taken away (CAS SYSCALL to IDLE) and handed to another M ({@link Sched#handoffp}) when its
 *       run queue has work, or no M is spinning and no P is idle, or the call has lasted 10 ms.</li>
 * </ul>
 *
 * <h2>Watching</h2>
 * Each round also updates {@link #clock}, prints the scheduler trace when {@code schedtrace} is
 * on and due ({@link SchedTrace}). At start it also starts the SIGQUIT watcher ({@link SigQuit}, a
 * thread of its own, so that its file work never delays sysmon's rounds).
 *
 * <p>Threading: the {@code sm*} fields of P are sysmon's alone. Everything else it reads racily
 * (schedtick, status, {@code p.m}, {@code m.curg}); a stale read costs at most a needless or a late
 * preemption request, which are both harmless: a request to a goroutine that is no longer running
 * is cleared when it is next scheduled.
 */
final class Sysmon {
  static final long MIN_DELAY_NS = 20_000L;
  static final long MAX_DELAY_NS = 10_000_000L;
  /** A goroutine that has run this long in one time slice is asked to yield (Go's forcePreemptNS). */
  static final long FORCE_PREEMPT_NS = 10_000_000L;

  private final Sched sched;
  private Thread thread;
  /** Preemption requests made (for tests). */
  volatile long preemptions;
  /** Ps retaken from blocking calls (for tests). */
  volatile long retakes;

  /**
   * sysmon's coarse clock: System.nanoTime at its latest round (so at most one round, 10 ms, old).
   * The scheduler stamps parking goroutines with it ({@link G#waitSince}) without reading a clock.
   */
  volatile long clock = System.nanoTime();
  /** The scheduler trace (schedtrace=MS), or null when it is off: one field test per round. */
  private SchedTrace schedtrace;
  /** Preempt long time slices (off with --no-preempt, and under --seed, whose clock is virtual). */
  private final boolean wallClockPreempt;
  /** Hand the P of a long blocking call to another M (off in the single model: one M only). */
  private final boolean retakeSyscalls;

  Sysmon(Sched sched) {
    this.sched = sched;
    Knobs k = sched.knobs;
    this.wallClockPreempt = k.preempt && k.seed == null;
    this.retakeSyscalls = k.model != Knobs.Model.SINGLE;
  }

  void start() {
    clock = System.nanoTime();
    thread = new Thread(this::loop, "gol-sysmon");
    thread.setDaemon(true);
    thread.start();
  }

  /** Ends the loop (the run is over). */
  void stop() {
    if (thread != null) LockSupport.unpark(thread);
  }

  private void loop() {
    clock = System.nanoTime();
    Config config = Config.load(); // here, not in start: the program's first goroutine is already running
    schedtrace = SchedTrace.from(config, sched);
    SigQuit.watch(sched, config);
    long delay = MIN_DELAY_NS;
    int idle = 0;
    while (!sched.done) {
      if (idle == 0) delay = MIN_DELAY_NS;
      else if (idle > 50) delay = Math.min(delay * 2, MAX_DELAY_NS);
      LockSupport.parkNanos(this, delay);
      if (sched.done) return;
      long now = System.nanoTime();
      clock = now;
      idle = retake(now) > 0 ? 0 : idle + 1;
      sched.sysmonTimers(now);
      if (sched.trace != null) sched.trace.sampleQueues(sched, now);
      if (schedtrace != null) schedtrace.tick(now);   // the text trace; sched.trace is the event tracer
    }
  }

  /** One look at every P: preempts long time slices, retakes Ps from blocking calls. Returns the Ps retaken. */
  int retake(long now) {
    int n = 0;
    for (P p : sched.allp) {
      int s = p.status;
      if (s == P.IDLE || s == P.STOP) continue;
      int t = p.schedtick;
      if (p.smSchedtick != t) {
        p.smSchedtick = t;
        p.smSchedwhen = now;
      } else if (now - p.smSchedwhen >= sched.knobs.timesliceNs && s == P.RUNNING && wallClockPreempt) {
        preemptone(p);
      }
      if (s == P.SYSCALL && retakeSyscalls) {
        int st = p.syscalltick;
        if (p.smSyscalltick != st) {
          p.smSyscalltick = st;
          p.smSyscallwhen = now;
          continue;
        }
        // Leave the P alone if nothing needs it: no local work, someone else can pick up new
        // work (a spinning M or an idle P), and the call is still short.
        if (p.runqEmpty() && sched.nmspinning.get() + sched.npidle > 0
            && now - p.smSyscallwhen < FORCE_PREEMPT_NS) continue;
        if (p.casStatus(P.SYSCALL, P.IDLE)) {
          p.syscalltick++;
          n++;
          retakes++;
          if (sched.trace != null) sched.trace.handoff(p);
          sched.handoffp(p);
        }
      }
    }
    return n;
  }

  /** Asks the goroutine running on p to yield (Go's preemptone). */
  private void preemptone(P p) {
    M m = p.m;
    if (m == null) return;
    G g = m.curg;
    if (g != null && g.requestPreempt()) {
      preemptions++;
      if (sched.trace != null) sched.trace.preemptRequest(p, g);
    }
  }
}
