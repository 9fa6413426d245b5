package gol.runtime;

/**
 * The body of a new goroutine: {@code go f(x)} compiles to a small generated class implementing
 * Entry whose {@code run} calls {@code f(g, x)} with the arguments evaluated at the go statement.
 * Known to the compiler.
 */
public interface Entry {
  void run(G g);
}
