package gol.runtime;

/**
 * A gol function value of type {@code func()}, callable by the runtime (time.AfterFunc, sync.Once).
 * The compiler makes every {@code func()} value implement this interface (other shapes get
 * interfaces generated per program). Calling it follows the continuation contract of {@link G}:
 * after {@code invoke} returns, {@code g.status != 0} means the function suspended. Known to the
 * compiler.
 */
public interface FnV {
  void invoke(G g);
}
