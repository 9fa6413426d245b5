package gol.runtime;

/**
 * Resumes the innermost saved frame of a goroutine. Every compiled program has exactly one
 * implementation (a generated class with a {@code tableswitch} over function ids), so this call is
 * monomorphic. {@code resume} pops the frame with id {@code fnId} from {@code g}'s stack and runs the
 * rest of that function's body (its {@code f$resume} copy); when it returns normally its result is in
 * {@code g.retJ / retD / retA}. Known to the compiler.
 */
public interface Resumer {
  void resume(G g, int fnId);

  /** The Go name of function fnId ({@code main.worker}, {@code main.main.func1}), for goroutine dumps. */
  String functionName(int fnId);

  /** The source line of resume point pc of function fnId, for goroutine dumps. */
  int line(int fnId, int pc);

  /** The source file name of the program. */
  String fileName();
}
