package gol.runtime;

/**
 * Goroutine dumps in Go's format: the header {@code goroutine 7 [chan receive, 2 minutes]:}, then
 * the goroutine's frames ({@code main.worker(...)} and a tab-indented {@code file.gol:line +0x0}),
 * then {@code created by main.main} and the go statement's line. Used for deadlocks (via
 * {@link Traceback#deadlock}), for SIGQUIT ({@link #sigquit}: every goroutine, and the program goes
 * on) and by schedextra ({@link #where}).
 *
 * <p>Frames of a parked or runnable goroutine come from its saved {@link Stack}. A goroutine that is
 * running (or in a blocking call) has its frames on another thread's JVM stack, which cannot be
 * walked from here: it prints as Go prints a goroutine running on another thread,
 * {@code goroutine 5 [running]:} and {@code \tgoroutine running on other thread; stack unavailable}.
 * A goroutine that has not started yet has no frames to show; it prints its {@code created by} line.
 *
 * <p>Header rules (Go's goroutineheader): the wait reason replaces "waiting"; {@code , N minutes} is
 * added only after a goroutine has waited at least one minute (N is whole minutes, always plural,
 * as in Go). gol measures the wait from when the goroutine parked ({@link G#waitSince}); Go 1.19
 * only knows it if a GC ran during the wait.
 *
 * <p>Threading: a deadlock dump runs with every P idle, so it is exact. A SIGQUIT or schedextra dump
 * runs on sysmon while goroutines keep running: each goroutine's frames are read without locks
 * and checked ({@link #frames}); a goroutine that moved while being read is retried, then shown as
 * running. Such a dump is a snapshot that may be slightly out of date, like Go's schedtrace.
 */
final class GoroutineDump {
  private GoroutineDump() {}

  /** Go's header line of g (with its newline). */
  static void header(StringBuilder b, G g, long now) {
    b.append("goroutine ").append(g.id).append(" [").append(statusWord(g));
    if (g.state == G.WAITING) {
      long minutes = (now - g.waitSince) / 60_000_000_000L;
      if (minutes >= 1) b.append(", ").append(minutes).append(" minutes");
    }
    b.append("]:\n");
  }

  /** The bracketed status: the wait reason of a waiting goroutine, else Go's status word. */
  static String statusWord(G g) {
    int st = SchedTrace.status(g);
    if (st == SchedTrace.SYSCALL) return "syscall";
    return Traceback.status(g);
  }

  /**
   * What SIGQUIT prints: Go's first lines, then every live goroutine (main first, then in creation
   * order). Runs on sysmon; the program goes on.
   */
  static void sigquit(Sched s) {
    Out.stderr(dumpAll(s, "SIGQUIT: quit\nPC=0x0 m=0 sigcode=0\n"));
  }

  /** {@code first}, then every live goroutine's header, frames and creator, each after a blank line. */
  static String dumpAll(Sched s, String first) {
    StringBuilder b = new StringBuilder(first);
    long now = System.nanoTime();
    Resumer r = s.resumer;
    for (G g : s.allgsSnapshot()) {
      int st = g.state;
      if (st == G.DEAD || st == G.IDLE) continue;
      b.append('\n');
      int[][] frames = frames(g);
      if (frames == null) {
        // Running, in a blocking call, or it moved while we read it: its frames are on a JVM stack.
        b.append("goroutine ").append(g.id).append(" [").append(g.state == G.RUNNING ? statusWord(g) : "running").append("]:\n");
        b.append("\tgoroutine running on other thread; stack unavailable\n");
      } else {
        header(b, g, now);
        StringBuilder fb = new StringBuilder();
        try {
          Traceback.frames(fb, r, frames);
        } catch (RuntimeException torn) {
          fb.setLength(0); // a frame id from a torn read: show the header alone
        }
        b.append(fb);
      }
      Traceback.createdBy(b, r, g);
    }
    return b.toString();
  }

  /**
   * The saved frames of g ({fnId, pc} pairs, innermost first), or null when g is running or kept
   * moving while being read. Reads g's state (a volatile read that makes the frames written before
   * it parked visible), copies the frames, and accepts them if the state and park stamp are unchanged.
   */
  static int[][] frames(G g) {
    for (int attempt = 0; attempt < 3; attempt++) {
      int st = g.state;
      if (st != G.WAITING && st != G.RUNNABLE) return null;
      long since = g.waitSince;
      try {
        int[][] f = g.stack.frames();
        if (g.state == st && g.waitSince == since) return f;
      } catch (RuntimeException torn) {
        // the goroutine resumed while we read its segments: try again
      }
      Thread.onSpinWait();
    }
    return null;
  }

  /** schedextra: appends {@code " in main.f at file.gol:12"} for g's innermost saved frame, if any. */
  static void where(StringBuilder b, Resumer r, G g) {
    int[][] f = frames(g);
    if (f == null || f.length == 0 || r == null) return;
    try {
      String name = r.functionName(f[0][0]);
      int line = r.line(f[0][0], f[0][1]);
      b.append(" in ").append(name).append(" at ").append(r.fileName()).append(':').append(line);
    } catch (RuntimeException torn) {
      // a frame id from a torn read: leave the location out
    }
  }
}
