package gol.compiler;

import gol.compiler.ast.Pos;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * User-facing compile errors, printed as {@code file.gol:LINE:COL: message} in Go's wording, sorted by
 * position, at most {@link #MAX_REPORTED} per run followed by {@code too many errors} as go build does.
 * Every phase reports into one of these; {@link gol.compiler.Compiler} stops after a phase that
 * reported anything.
 */
public final class Diagnostics {
  public static final int MAX_REPORTED = 10;

  public record Diagnostic(String file, Pos pos, String message) {
    @Override public String toString() { return file + ":" + pos.line() + ":" + pos.col() + ": " + message; }
  }

  private final String file;
  private final List<Diagnostic> list = new ArrayList<>();

  public Diagnostics(String file) { this.file = file; }

  public String file() { return file; }

  /** Reports an error at pos. Duplicate reports on the same line with the same text are dropped. */
  public void error(Pos pos, String message) {
    for (Diagnostic d : list)
      if (d.pos().line() == pos.line() && d.message().equals(message)) return;
    list.add(new Diagnostic(file, pos, message));
  }

  public boolean hasErrors() { return !list.isEmpty(); }

  /** All errors sorted by position (stable for errors at the same position). */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparing(Diagnostic::pos));
    return copy;
  }

  /** The lines go build would print: the first ten errors, then "too many errors" if there were more. */
  public List<String> render() {
    List<String> out = new ArrayList<>();
    List<Diagnostic> s = sorted();
    for (int i = 0; i < s.size() && i < MAX_REPORTED; i++) out.add(s.get(i).toString());
    if (s.size() > MAX_REPORTED) out.add(file + ":" + s.get(MAX_REPORTED).pos() + ": too many errors");
    return out;
  }
}
