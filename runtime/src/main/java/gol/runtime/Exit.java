package gol.runtime;

/**
 * Thrown by os.Exit to end the program at once with a status code. It is not a panic: deferred calls
 * do not run and recover does not see it. The scheduler catches it on whichever M runs the goroutine
 * and ends the program with {@link #code}. Known to the compiler (defer handlers must not catch it).
 */
public final class Exit extends RuntimeException {
  public final int code;

  public Exit(int code) {
    super(null, null, false, false);
    this.code = code;
  }
}
