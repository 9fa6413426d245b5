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

  /** Token kind names as declared in Gol.jj (IDENT, INT_LIT, LBRACE, ...), indexed by kind. */
  private static final String[] KIND_NAMES = kindNames();

  static String kindName(int kind) {
    return kind >= 0 && kind < KIND_NAMES.length && KIND_NAMES[kind] != null ? KIND_NAMES[kind] : "#" + kind;
  }

  private static String[] kindNames() {
    String[] names = new String[GolParserConstants.tokenImage.length];
    for (java.lang.reflect.Field f : GolParserConstants.class.getFields()) {
      String n = f.getName();
      if (f.getType() != int.class || n.equals("DEFAULT") || n.equals("IN_GENERAL_COMMENT")) continue;
      try {
        int k = f.getInt(null);
        if (k >= 0 && k < names.length) names[k] = n;
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return names;
  }

  private static String text(Token t) {
    if (t.kind == GolParserConstants.EOF) return "";
    if (t.kind == GolParserConstants.SEMI && SemicolonInsertingTokenManager.isInserted(t))
      return (t.image.isEmpty() ? "EOF" : "newline") + " (inserted)";
    return t.image.replace("\n", "\\n");
  }
}
