package gol.runtime;

/**
 * The body of a new goroutine: {@code go f(x)} compiles to a small generated class implementing
 * Entry whose {@code run} calls {@code f(g, x)} with the arguments evaluated at the go statement.
 * Known to the compiler.
 */
public interface Entry {
  void run(G g);

  /**
   * The Go name of the function containing the go statement ({@code main.main}), printed as
   * {@code created by main.main} in goroutine dumps; null (the default) omits that line.
   */
  default String creatorName() { return null; }

  /** The source line of the go statement, for the {@code created by} line. */
  default int creatorLine() { return 0; }

  /**
   * For a deferred call: the Go name of the function it calls ({@code main.f.func1},
   * {@code main.(*T).Close}), the only function whose direct {@code recover()} may stop a panic
   * while this entry runs (see {@link G#recover(G, String)}); {@link G#ANY_RECOVERER} when any callee
   * may recover (an interface method); null (the default) for none.
   */
  default String deferTarget() { return null; }

  /**
   * The Go name of the function the goroutine starts in ({@code main.worker},
   * {@code main.main.func1}), for the execution tracer; null (the default) when the compiler could
   * not tell (a call through a function variable).
   */
  default String functionName() { return null; }
}
