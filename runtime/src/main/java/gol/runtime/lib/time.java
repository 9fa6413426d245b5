package gol.runtime.lib;

import gol.runtime.G;
import gol.runtime.Sched;

/** Go's package time (so far: Sleep). Durations are int64 nanoseconds, as in Go. */
public final class time {
  private time() {}

  /** time.Sleep(d): parks the goroutine (not the thread) for d ns; d <= 0 returns at once. */
  public static void Sleep(G g, long d) {
    Sched.sleep(g, d);
  }
}
