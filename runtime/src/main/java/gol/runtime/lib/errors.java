package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.G;
import gol.runtime.GoError;
import gol.runtime.GoPointer;
import java.util.List;
import gol.runtime.RType;

/**
 * Go's package errors: New, Unwrap, Is. An error made by New prints as its text and compares equal
 * only to itself (it is a pointer in Go). Known to the compiler: a gol error type with a method
 * {@code Unwrap() error} implements {@link Wrapper}, one with {@code Is(error) bool} {@link Iser}.
 */
public final class errors {
  private errors() {}

  /** Errors that wrap another error (Go's Unwrap() error method). */
  public interface Wrapper {
    Object Unwrap(G g);
  }

  /** Errors that convert themselves for errors.As (Go's As(any) bool method); target is the boxed pointer. */
  public interface Aser {
    boolean As(G g, Object target);
  }

  /** Errors with their own notion of equality for errors.Is (Go's Is(error) bool method). */
  public interface Iser {
    boolean Is(G g, Object target);
  }

  /** The value errors.New returns: Go's *errors.errorString. */
  public static final class ErrorString implements GoError, GoPointer {
    private static final RType STRUCT = RType.struct("errors.errorString", List.of("s"), List.of(RType.STRING));
    private static final RType TYPE = RType.pointer(STRUCT);
    final String s;

    public ErrorString(String s) { this.s = s; }

    @Override public String Error(G g) { return s; }
    @Override public RType goType() { return TYPE; }
    /** The struct it points to, for fmt verbs that do not call Error ({@code %d} prints &{%!d(string=...)}). */
    @Override public Object goLoad() { return LibStruct.of(STRUCT, s); }
    @Override public String toString() { return s; }
  }

  public static Object New(G g, String text) { return new ErrorString(text); }

  /** The error err wraps, or nil. */
  public static Object Unwrap(G g, Object err) {
    return err instanceof Wrapper w ? gol.runtime.Callbacks.resultA(g, w.Unwrap(g), "Unwrap method called by package errors") : null;
  }

  /** Whether err or any error it wraps equals target (== on interface values). */
  public static boolean Is(G g, Object err, Object target) {
    if (target == null) return err == null;
    while (err != null) {
      if (err == target || err.equals(target)) return true;
      if (err instanceof Iser i && gol.runtime.Callbacks.resultZ(g, i.Is(g, target), "Is method called by errors.Is")) return true;
      // Go's Errno.Is: ENOENT is os.ErrNotExist
      if (err instanceof OsFiles.Errno e && e.notExist && target == os.ErrNotExist) return true;
      err = Unwrap(g, err);
    }
    return false;
  }
}
