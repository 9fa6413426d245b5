package gol.compiler.codegen;

import gol.compiler.ast.Pos;

/**
 * Thrown by code generation for a construct that parses and type-checks but is not implemented yet.
 * Reported to the user as {@code file.gol:L:C: not yet supported: <what>} (exit 1), never as a crash.
 */
public final class Unsupported extends RuntimeException {
  public final Pos pos;
  public final String what;

  public Unsupported(Pos pos, String what) {
    super("not yet supported: " + what, null, false, false);
    this.pos = pos;
    this.what = what;
  }
}
