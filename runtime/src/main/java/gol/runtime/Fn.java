package gol.runtime;

/**
 * Interfaces of gol function values of the shapes the library calls back: the compiler makes every
 * function value of such a type implement the matching interface (see also {@link FnV} for
 * {@code func()}). Shapes name the JVM kinds of parameters and result: J long (any integer), Z bool,
 * D double, A reference. Library code calls them as plain Java calls, so such callbacks (a sort
 * comparison, a strings.Map mapping) must not block. Known to the compiler.
 */
public final class Fn {
  private Fn() {}

  /** {@code func(i, j int) bool}: sort.Slice's less. */
  public interface JJ_Z { boolean invoke(G g, long a, long b); }

  /** {@code func(i int) bool}: sort.Search's predicate; {@code func(r rune) bool}: strings.IndexFunc. */
  public interface J_Z { boolean invoke(G g, long a); }

  /** {@code func(r rune) rune}: strings.Map's mapping. */
  public interface J_J { long invoke(G g, long a); }

  /** {@code func(i, j int)}: rand.Shuffle's swap. */
  public interface JJ_V { void invoke(G g, long a, long b); }

  /**
   * {@code func(data []byte, atEOF bool) (advance int, token []byte, err error)}: bufio.SplitFunc.
   * The result Tuple holds advance in j0, token in a0 and err in a1.
   */
  public interface AZ_T { Tuple invoke(G g, Object data, boolean atEOF); }
}
