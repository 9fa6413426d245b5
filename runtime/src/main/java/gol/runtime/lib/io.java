package gol.runtime.lib;

import gol.runtime.G;
import gol.runtime.GoError;
import gol.runtime.GoString;
import gol.runtime.RType;
import gol.runtime.Slice;
import gol.runtime.Tuple;

/**
 * Go's package io, the part gol needs: the Writer interface that fmt.Fprint* writes to, and the EOF
 * error. Known to the compiler: a gol type with a method {@code Write([]byte) (int, error)} implements
 * {@link Writer}.
 */
public final class io {
  private io() {}

  /** io.Writer: Write(p []byte) (n int, err error), the result as a Tuple (j0 = n, a0 = err). */
  public interface Writer {
    Tuple Write(G g, Slice p);
  }

  /**
   * io.Reader: Read(p []byte) (n int, err error), the result as a Tuple (j0 = n, a0 = err). The
   * library's readers (os.File, strings.Reader) and program types with such a method implement it.
   */
  public interface Reader {
    Tuple Read(G g, Slice p);
  }

  /** io.EOF. */
  public static final Object EOF = new errors.ErrorString("EOF");

  static final RType BYTES = RType.slice(RType.UINT8);

  /** Writes a Go string to w: directly for the library's writers, through Write for others. */
  static Tuple writeString(G g, Object w, String s) {
    if (w instanceof os.File f) return f.WriteString(g, s);
    if (w instanceof strings.Builder b) return b.WriteString(g, s);
    if (w instanceof bufio.Writer b) return b.write(g, s);
    if (w instanceof Writer wr) {
      return (Tuple) gol.runtime.Callbacks.resultA(g, wr.Write(g, GoString.toBytes(BYTES, s)), "Write method called by the library");
    }
    if (w == null) throw gol.runtime.Panic.nilDeref();
    throw new IllegalArgumentException("not an io.Writer: " + w.getClass().getName());
  }

  /** io.ErrNoProgress: a reader returned no data and no error too many times. */
  public static final Object ErrNoProgress = new errors.ErrorString("multiple Read calls return no data or error");

  /** The "short write" error. */
  public static final Object ErrShortWrite = new errors.ErrorString("short write");

  static boolean isError(Object o) { return o instanceof GoError; }
}
