package gol.runtime;

/**
 * A function value that knows the Go name of the function it calls ({@code main.f},
 * {@code main.main.func1}, {@code main.(*T).M}): function literals, top-level functions and method
 * values implement it. A deferred call of a func variable asks it, so that only that function's
 * direct {@code recover()} stops a panic (see {@link G#recover(G, String)}). Known to the compiler.
 */
public interface FnNamed {
  String goFuncName();
}
