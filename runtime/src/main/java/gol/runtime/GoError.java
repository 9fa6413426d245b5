package gol.runtime;

/**
 * Go's predeclared {@code error} interface as the runtime sees it: any Java object implementing this
 * is a Go error value. Library errors (errors.New, fmt.Errorf, *strconv.NumError) and run-time panic
 * values implement it; fmt prints an error operand by calling {@link #Error} (Go's handleMethods: the
 * Error method wins over String). Known to the compiler: a gol type with an {@code Error() string}
 * method implements it.
 */
public interface GoError {
  /** The error's text, a Go string (one char per byte). */
  String Error(G g);
}
