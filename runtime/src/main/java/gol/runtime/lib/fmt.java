package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.G;
import gol.runtime.GoError;
import gol.runtime.Out;
import gol.runtime.RType;
import gol.runtime.Slice;
import gol.runtime.Tuple;

/**
 * Go's package fmt: Print, Println, Printf and their S (to a string) and F (to a writer) forms, and
 * Errorf. Output is byte-for-byte what Go 1.19 prints; the work is done by {@link Printer} (verbs,
 * operands) and {@link FmtState} (flags, widths, number layout).
 *
 * <p>Calling convention (known to the compiler): the variadic {@code ...any} operands arrive as one
 * {@link Slice} backed by an {@code Object[]} of boxed values (null when there are none); functions
 * with results (n int, err error) return a {@link Tuple} (j0 = n, a0 = err). A writer is any object
 * implementing {@link io.Writer} (os.File, strings.Builder, gol types with a Write method).
 */
public final class fmt {
  private fmt() {}

  private static Object[] arr(Slice a) { return a == null ? null : (Object[]) a.array; }
  private static int off(Slice a) { return a == null ? 0 : a.off; }

  static String sprint(G g, Slice a) {
    Printer p = new Printer(g);
    p.doPrint(arr(a), off(a), Slice.len(a));
    return p.buf.toString();
  }

  static String sprintln(G g, Slice a) {
    Printer p = new Printer(g);
    p.doPrintln(arr(a), off(a), Slice.len(a));
    return p.buf.toString();
  }

  static String sprintf(G g, String format, Slice a) {
    Printer p = new Printer(g);
    p.doPrintf(format, arr(a), off(a), Slice.len(a));
    return p.buf.toString();
  }

  private static Tuple written(long n, Object err) {
    Tuple t = new Tuple();
    t.j0 = n;
    t.a0 = err;
    return t;
  }

  private static Tuple stdout(String s) {
    Out.stdout(s);
    return written(s.length(), null);
  }

  // ------------------------------------------------------------------ to standard output

  public static Tuple Print(G g, Slice a) { return stdout(sprint(g, a)); }

  public static Tuple Println(G g, Slice a) { return stdout(sprintln(g, a)); }

  public static Tuple Printf(G g, String format, Slice a) { return stdout(sprintf(g, format, a)); }

  // ------------------------------------------------------------------ to a string

  public static String Sprint(G g, Slice a) { return sprint(g, a); }

  public static String Sprintln(G g, Slice a) { return sprintln(g, a); }

  public static String Sprintf(G g, String format, Slice a) { return sprintf(g, format, a); }

  // ------------------------------------------------------------------ to a writer

  public static Tuple Fprint(G g, Object w, Slice a) { return io.writeString(g, w, sprint(g, a)); }

  public static Tuple Fprintln(G g, Object w, Slice a) { return io.writeString(g, w, sprintln(g, a)); }

  public static Tuple Fprintf(G g, Object w, String format, Slice a) {
    return io.writeString(g, w, sprintf(g, format, a));
  }

  // ------------------------------------------------------------------ errors

  /**
   * Errorf formats like Sprintf and returns the text as an error. With one %w verb whose operand is
   * an error, the result wraps it (errors.Unwrap returns it) and is a {@code *fmt.wrapError};
   * otherwise it is an {@code *errors.errorString}, as in Go.
   */
  public static Object Errorf(G g, String format, Slice a) {
    Printer p = new Printer(g);
    p.wrapErrs = true;
    p.doPrintf(format, arr(a), off(a), Slice.len(a));
    String s = p.buf.toString();
    if (p.wrappedErr == null) return new errors.ErrorString(s);
    return new WrapError(s, p.wrappedErr);
  }

  /** The error Errorf returns for a format with %w: prints as the message, unwraps to the operand. */
  public static final class WrapError implements GoError, errors.Wrapper, Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "fmt.wrapError", null));
    final String msg;
    final Object err;

    WrapError(String msg, Object err) { this.msg = msg; this.err = err; }

    @Override public String Error(G g) { return msg; }
    @Override public Object Unwrap(G g) { return err; }
    @Override public RType goType() { return TYPE; }
    @Override public String toString() { return msg; }
  }
}
