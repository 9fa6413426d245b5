package gol.runtime;

/**
 * Thrown by runtime.Goexit: ends the calling goroutine after its deferred calls have run (they see
 * no panic: recover returns nil). Travels through saved frames like a panic. If main calls it, the
 * program goes on until no other goroutine is left, then fails with Go's message
 * {@code fatal error: no goroutines (main called runtime.Goexit) - deadlock!}.
 */
public final class Goexit extends RuntimeException {
  public Goexit() {
    super(null, null, false, false);
  }
}
