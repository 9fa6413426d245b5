package gol.runtime;

/**
 * A worker thread (Go's M). Placeholder holding what the compiler contract needs; the scheduler
 * fills in the rest.
 */
public final class M {
  /** Frame scratch for suspending and resuming goroutines on this M. Known to the compiler (via G). */
  public final Unwind unwind = new Unwind();
}
