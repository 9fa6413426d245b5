package gol.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * sysmon: the system monitor, a daemon thread that holds no P (so it never runs gol code and does not
 * count for deadlock detection) and watches the Ps, as Go's {@code sysmon} in proc.go does.
 *
 * <h2>Loop</h2>
 * Its back-off is Go's: it sleeps {@value #MIN_DELAY_NS} ns; after 50 consecutive rounds in which it
 * retook nothing it doubles the sleep, up to {@value #MAX_DELAY_NS} ns (a round that ended a slice
 * for an overdue timer, a rule Go does not have, also counts as busy). Unlike Go, it also knows
 * when the next thing it must act on is due (the end of a running time slice, an earlier timer of a
 * busy P) and sleeps only until then: {@code min(back-off, next deadline)}. Each round it calls
 * {@link #retake} and, if a timer is overdue while nobody will run it (every M busy or idle without
 * a timer deadline), it wakes an M for it.
 *
 * <h2>retake, per P</h2>
 * <ul>
 *   <li><b>Long time slices.</b> As in Go, the scheduler only counts slices ({@link P#schedtick},
 *       advanced where a slice begins; a runnext hand-off inherits the slice) and reads no clock for
 *       them: sysmon stamps a slice with its own time when it first sees the new tick (Go's
 *       sysmontick), and a slice older than {@code timeslice} (10 ms, Go's forcePreemptNS) is ended:
 *       sysmon asks the goroutine to yield ({@link G#requestPreempt}, a CAS of its status word from
 *       0 to PREEMPT). Compiled code tests the status word after calls and at loop back-edges,
 *       unwinds, and the scheduler puts the goroutine on the global queue. A slice thus lasts
 *       10 ms plus up to one sysmon round (at most 10 ms more), as Go's do. (Reading System.nanoTime
 *       where each slice begins would give slices of exactly 10 ms, but that clock read cost 5% of
 *       spawn's and skynet's time, where every goroutine is a slice of a few microseconds.)</li>
 *   <li><b>Overdue timers of a busy P.</b> A P runs its timers when it schedules, so while one
 *       goroutine runs a long slice, a due timer (a sleeper to wake: runnable work) waits for the
 *       slice to end. When no P is idle (an idle P's M would run the timer itself), sysmon ends such
 *       a slice early, as soon as a timer that came due during it is overdue ("during": after the
 *       sysmon round before the one that first saw the slice, the earliest the slice can have
 *       begun). With one P this wakes a 5 ms sleeper on time next to a goroutine that never blocks. A goroutine that adds a timer
 *       earlier than sysmon's planned wake-up pokes sysmon ({@link #timerAdded}).</li>
 *   <li><b>Blocking calls.</b> A P whose goroutine is in a blocking call (status SYSCALL, see
 *       {@link Sched#entersyscall}) and has been in the same call for at least one sysmon round is
 *       taken away (CAS SYSCALL to IDLE) and handed to another M ({@link Sched#handoffp}) when its
 *       run queue has work, or no M is spinning and no P is idle, or the call has lasted 10 ms.</li>
 * </ul>
 * Neither preemption rule runs under {@code --no-preempt} or {@code --seed} (whose clock is virtual:
 * {@link Determinism} ends slices there), and the timer rule runs with the default 10 ms slice only:
 * {@code --timeslice MS} makes every slice last MS ms (plus up to one sysmon round), timers or not
 * (the knob shows starvation).
 *
 * <h2>Watching</h2>
 * Each round also updates {@link #clock}, prints the scheduler trace when {@code schedtrace} is
 * on and due ({@link SchedTrace}). {@value SigQuit#ARM_DELAY_MS} ms into the run it starts the SIGQUIT
 * watcher ({@link SigQuit}, a thread of its own, so that its file work never delays sysmon's
 * rounds; a shorter program never starts it).
 *
 * <p>Threading: the {@code sm*} fields of P are sysmon's alone. Everything else it reads racily
 * (schedtick, status, {@code p.m}, {@code m.curg}, the timer heaps' {@code next}); a stale read costs
 * at most a needless or a late preemption request, which are both harmless: a request to a goroutine
 * that is no longer running is cleared when it is next scheduled. {@link #timerAdded} is called by
 * any M; it reads {@link #wakeAt} (volatile) after the timer's heap published it (volatile), and
 * sysmon raises wakeAt before it reads the heaps, so one of the two sees the other.
 */
final class Sysmon implements Runnable {
  static final long MIN_DELAY_NS = 20_000L;
  static final long MAX_DELAY_NS = 10_000_000L;
  /** A blocking call that has lasted this long loses its P even if nothing else needs it (Go's forcePreemptNS). */
  static final long FORCE_PREEMPT_NS = 10_000_000L;
  /**
   * A new timer pokes sysmon only if it is due this much earlier than sysmon's planned wake-up: it
   * bounds the pokes to about one per millisecond and the early preemption's lateness to as much.
   */
  static final long POKE_SLACK_NS = 1_000_000L;

  private final Sched sched;
  private Thread thread;
  /** Preemption requests made (for tests). */
  volatile long preemptions;
  /** Of those, the ones made for an overdue timer before the slice's 10 ms were up (for tests). */
  volatile long timerPreemptions;
  /** Ps retaken from blocking calls (for tests). */
  volatile long retakes;

  /**
   * sysmon's coarse clock: System.nanoTime at its latest round (so at most one round, 10 ms, old).
   * The scheduler stamps parking goroutines with it ({@link G#waitSince}) without reading a clock.
   */
  volatile long clock = System.nanoTime();
  /** When sysmon's current sleep ends (an upper bound while it scans the Ps); see {@link #timerAdded}. */
  private volatile long wakeAt;
  /** The scheduler trace (schedtrace=MS), or null when it is off: one field test per round. */
  private SchedTrace schedtrace;
  /** Preempt long time slices (off with --no-preempt, and under --seed, whose clock is virtual). */
  private final boolean wallClockPreempt;
  /**
   * End a slice early for an overdue timer: with the default time slice only, so that
   * {@code --timeslice MS} keeps its exact meaning (a goroutine keeps its P for MS ms, timers wait).
   */
  private final boolean timerPreempt;
  /** Hand the P of a long blocking call to another M (off in the single model: one M only). */
  private final boolean retakeSyscalls;
  /** The time slice (the timeslice knob, 10 ms by default). */
  private final long timesliceNs;
  /** Earliest deadline found by the latest {@link #retake} (sysmon's thread only; read by tests). */
  long nextDeadline;
  /** The time of the latest {@link #retake} (sysmon's thread only): a slice first seen now began after it. */
  private long lastLook;

  Sysmon(Sched sched) {
    this.sched = sched;
    Knobs k = sched.knobs;
    this.wallClockPreempt = k.preempt && k.seed == null;
    this.retakeSyscalls = k.model != Knobs.Model.SINGLE;
    this.timesliceNs = k.timesliceNs;
    this.timerPreempt = wallClockPreempt && k.timesliceNs == FORCE_PREEMPT_NS;
  }

  void start() {
    clock = System.nanoTime();
    lastLook = clock;
    wakeAt = clock + MAX_DELAY_NS;
    thread = new Thread(this, "gol-sysmon"); // not a lambda: the first lambda costs ms of start-up
    thread.setDaemon(true);
    thread.start();
  }

  /** Ends the loop (the run is over). */
  void stop() {
    if (thread != null) LockSupport.unpark(thread);
  }

  /**
   * A timer due at {@code when} became the earliest of a busy P's heap while no P is idle (any M):
   * if sysmon plans to sleep well past it, wake sysmon so that it can end the P's slice on time.
   */
  void timerAdded(long when) {
    Thread t = thread;
    if (t != null && timerPreempt && when - wakeAt < -POKE_SLACK_NS) LockSupport.unpark(t);
  }

  /** The loop (sysmon's thread). */
  @Override public void run() {
    long now = System.nanoTime();
    clock = now;
    Config config = Config.load(); // here, not in start: the program's first goroutine is already running
    // Tested here so that SchedTrace is not even loaded when it is off (class loading is start-up time).
    schedtrace = config.intValue("schedtrace", 0) > 0 ? SchedTrace.from(config, sched) : null;
    long sigquitAt = now + SigQuit.ARM_DELAY_MS * 1_000_000L; // start its watcher then, if still running
    long delay = MIN_DELAY_NS;
    int idle = 0;
    nextDeadline = now + MAX_DELAY_NS;
    while (!sched.done) {
      if (idle == 0) delay = MIN_DELAY_NS;
      else if (idle > 50) delay = Math.min(delay * 2, MAX_DELAY_NS);
      long sleep = Math.min(delay, Math.max(nextDeadline - now, MIN_DELAY_NS));
      wakeAt = now + sleep;
      LockSupport.parkNanos(this, sleep);
      if (sched.done) return;
      now = System.nanoTime();
      clock = now;
      wakeAt = now + MAX_DELAY_NS; // an upper bound until the scan below has found the real one
      long tp = timerPreemptions;
      // Go counts a round as busy when it retook a P. So do we, and when it ended a slice for a
      // timer: the sleeper is then readied, and the slice that follows (often another goroutine's,
      // every 61st schedule) is seen within microseconds instead of one backed-off sleep later.
      idle = retake(now) > 0 || timerPreemptions != tp ? 0 : idle + 1;
      sched.sysmonTimers(now);
      if (sched.trace != null) sched.trace.sampleQueues(sched, now);
      if (schedtrace != null) schedtrace.tick(now);   // the text trace; sched.trace is the event tracer
      if (config != null && now - sigquitAt >= 0) {
        SigQuit.watch(sched, config, 0);
        config = null;
      }
    }
  }

  /**
   * One look at every P: ends long time slices (and slices that hold up a due timer), retakes Ps
   * from blocking calls, and notes in {@link #nextDeadline} when the next slice or timer is due.
   * Returns the Ps retaken.
   */
  int retake(long now) {
    int n = 0;
    long next = now + MAX_DELAY_NS;
    boolean timersToo = timerPreempt && sched.npidle == 0; // else an idle P's M runs due timers (sysmonTimers)
    for (P p : sched.allp) {
      int s = p.status;
      if (s == P.IDLE || s == P.STOP) continue;
      if (s == P.RUNNING && wallClockPreempt) {
        int tick = p.schedtick;
        if (p.smSchedtick != tick) { // a new slice since the last look: it began in (lastLook, now]
          p.smSchedtick = tick;
          p.smSchedwhen = now;
          p.smSliceAfter = lastLook;
        }
        long due = p.smSchedwhen + timesliceNs;
        if (now - due >= 0) preemptone(p, false);
        else if (due - next < 0) next = due;
        if (timersToo && p.timers.size > 0) {
          long tw = p.timers.next;
          if (now - tw < 0) {
            if (tw - next < 0) next = tw;
          } else if (tw - p.smSliceAfter > 0) { // came due during this slice, which holds it up
            preemptone(p, true);
          }
        }
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
    nextDeadline = next;
    lastLook = now;
    return n;
  }

  /** Asks the goroutine running on p to yield (Go's preemptone); {@code forTimer}: for an overdue timer. */
  private void preemptone(P p, boolean forTimer) {
    M m = p.m;
    if (m == null) return;
    G g = m.curg;
    if (g != null && g.requestPreempt()) {
      preemptions++;
      if (forTimer) timerPreemptions++;
      if (sched.trace != null) sched.trace.preemptRequest(p, g);
    }
  }
}
