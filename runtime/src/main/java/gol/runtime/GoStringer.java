package gol.runtime;

/**
 * Go's {@code fmt.Stringer}: a value with a {@code String() string} method. fmt prints such an
 * operand (for the verbs %v %s %q %x %X and in Print/Println) by calling {@link #String}, unless it is
 * also an error, whose Error method wins. Known to the compiler: a gol type with a
 * {@code String() string} method implements it.
 */
public interface GoStringer {
  /** The value's text, a Go string (one char per byte). */
  String String(G g);
}
