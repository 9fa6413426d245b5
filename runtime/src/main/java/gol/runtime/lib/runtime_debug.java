package gol.runtime.lib;

import gol.runtime.G;
import gol.runtime.Sched;

/**
 * Go's package runtime/debug: SetMaxStack. gol approximates Go stack bytes by JVM stack: an M's
 * JVM stack is maxStack / 2 bytes (JVM frames are about twice Go's; see gol.runtime.M), and the
 * new limit applies to Ms started after the call (Ms already running keep their stacks). Past the
 * limit a goroutine fails with Go's "runtime: goroutine stack exceeds N-byte limit" and
 * "fatal error: stack overflow", exit 2.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class runtime_debug {
  private runtime_debug() {}

  public static long SetMaxStack(G g, long bytes) {
    return Sched.setMaxStack(g, bytes);
  }
}
