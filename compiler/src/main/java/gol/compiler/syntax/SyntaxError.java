package gol.compiler.syntax;

import gol.compiler.ast.Pos;

/**
 * A user error found by the lexer or parser: a Go position and a message in Go's wording (including
 * the "syntax error: " prefix where go build prints one). Thrown to abort the parse; {@link Parser}
 * turns it into a Diagnostic. Never escapes {@link Parser}.
 */
public final class SyntaxError extends RuntimeException {
  public final Pos pos;

  public SyntaxError(Pos pos, String message) {
    super(message, null, false, false);
    this.pos = pos;
  }
}
