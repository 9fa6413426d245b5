package gol.runtime.lib;

import gol.runtime.G;
import gol.runtime.Sched;

/** Go's package runtime: Gosched, NumGoroutine, GOMAXPROCS, NumCPU. */
public final class runtime {
  private runtime() {}

  /** Yields: the goroutine goes to the global run queue and stays runnable (continuation contract). */
  /** runtime.Goexit: ends this goroutine (after its deferred calls); other goroutines go on. */
  public static void Goexit(G g) {
    throw new gol.runtime.Goexit();
  }

  public static void Gosched(G g) {
    Sched.gosched(g);
  }

  public static long NumGoroutine(G g) {
    return Sched.numGoroutine(g);
  }

  /** Returns the previous setting; n < 1 only queries. */
  public static long GOMAXPROCS(G g, long n) {
    return Sched.gomaxprocs(g, n);
  }

  public static long NumCPU(G g) {
    return java.lang.Runtime.getRuntime().availableProcessors();
  }
}
