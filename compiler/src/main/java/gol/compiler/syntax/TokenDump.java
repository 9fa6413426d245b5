package gol.compiler.syntax;

import gol.compiler.ast.Pos;

/**
 * Lists the tokens the parser sees, after semicolon insertion, one per line:
 * {@code line:col KIND text}, e.g. {@code 3:14 SEMI newline (inserted)}. Used by
 * {@code gol build --dump=tokens}. Comments are not tokens and are not listed. A lexical error ends
 * the listing with a line {@code line:col error: message}.
 */
public final class TokenDump {
  private TokenDump() {}

  public static String dump(String source) {
    LineMap lines = new LineMap(source);
    SimpleCharStream cs = new SimpleCharStream(new java.io.StringReader(source), 1, 1);
    SemicolonInsertingTokenManager tm = new SemicolonInsertingTokenManager(cs, lines);
    StringBuilder out = new StringBuilder();
    try {
      for (Token t = tm.getNextToken(); ; t = tm.getNextToken()) {
        Pos p = lines.pos(t.beginLine, t.beginColumn);
        out.append(p).append(' ').append(kindName(t.kind)).append(' ').append(text(t)).append('\n');
        if (t.kind == GolParserConstants.EOF) break;
      }
    } catch (SyntaxError e) {
      out.append(e.pos).append(" error: ").append(e.getMessage()).append('\n');
    }
    return out.toString();
  }

  /** The token kind's name as declared in Gol.jj (IDENT, INT_LIT, LBRACE, ...). */
  static String kindName(int kind) {
    for (java.lang.reflect.Field f : GolParserConstants.class.getFields()) {
      try {
        if (f.getType() == int.class && f.getInt(null) == kind && !f.getName().equals("DEFAULT")
            && !f.getName().equals("IN_GENERAL_COMMENT"))
          return f.getName();
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return "#" + kind;
  }

  private static String text(Token t) {
    if (t.kind == GolParserConstants.EOF) return "";
    if (t.kind == GolParserConstants.SEMI && SemicolonInsertingTokenManager.isInserted(t))
      return (t.image.isEmpty() ? "EOF" : "newline") + " (inserted)";
    return t.image.replace("\n", "\\n");
  }
}
