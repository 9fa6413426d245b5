package gol.compiler.syntax;

import gol.compiler.Diagnostics;
import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import gol.compiler.ast.Pos;

/**
 * The one entry point to gol's front end: source text in, {@link Decl.File} out.
 *
 * <p>Pipeline: {@link SemicolonInsertingTokenManager} (JavaCC lexer + Go's semicolon rule + lexical
 * checks) feeds {@link GolParser} (generated from Gol.jj), which builds the AST. The first lexical or
 * syntax error is reported into the {@link Diagnostics} with go build's position and wording, and
 * {@code parse} returns null; a Java exception never escapes for bad input.
 */
public final class Parser {
  private Parser() {}

  /** Parses one source file; returns null after reporting a syntax error into diags. */
  public static Decl.File parse(String path, String source, Diagnostics diags) {
    GolParser p = GolParser.forSource(stripBom(source));
    try {
      Decl.File f = p.SourceFile(path);
      p.checkTypeGuards();
      if (p.parserErrors.isEmpty() && p.checkErrors.isEmpty()) return f;
      report(p.parserErrors, diags);
      report(p.checkErrors, diags);
    } catch (SyntaxError e) {
      report(p.parserErrors, diags);
      diags.error(e.pos, e.getMessage());
    } catch (ParseException e) {
      report(p.parserErrors, diags);
      report(p, e, diags);
    } catch (TokenMgrError e) { // not expected: the lexer matches every input; keep it a user error anyway
      diags.error(new Pos(1, 1), "syntax error: " + e.getMessage());
    }
    return null;
  }

  /** Parses a single expression (for tests and tools). Throws SyntaxError on bad input. */
  public static Expr parseExpr(String source) {
    GolParser p = GolParser.forSource(source);
    try {
      Expr x = p.Expression();
      if (!p.parserErrors.isEmpty()) throw p.parserErrors.get(0);
      if (!p.checkErrors.isEmpty()) throw p.checkErrors.get(0);
      Token t = p.getToken(1);
      if (t.kind == GolParserConstants.SEMI && SemicolonInsertingTokenManager.isInserted(t)) t = p.getToken(2);
      if (t.kind != GolParserConstants.EOF) throw p.unexpected(t, "after expression");
      return x;
    } catch (ParseException e) {
      throw toSyntaxError(p, e);
    }
  }

  private static void report(java.util.List<SyntaxError> errors, Diagnostics diags) {
    for (SyntaxError e : errors) diags.error(e.pos, e.getMessage());
  }

  private static void report(GolParser p, ParseException e, Diagnostics diags) {
    SyntaxError s = toSyntaxError(p, e);
    diags.error(s.pos, s.getMessage());
  }

  /**
   * A ParseException thrown by JavaCC itself (where the grammar has no explicit check) becomes
   * "syntax error: unexpected X", with "expecting expression" when an expression could have started
   * there, or "expecting Y" when exactly one token was possible.
   */
  static SyntaxError toSyntaxError(GolParser p, ParseException e) {
    Token bad = e.currentToken != null && e.currentToken.next != null ? e.currentToken.next : p.getToken(1);
    java.util.Set<Integer> kinds = new java.util.TreeSet<>();
    if (e.expectedTokenSequences != null)
      for (int[] seq : e.expectedTokenSequences) if (seq.length > 0) kinds.add(seq[0]);
    String expecting = "";
    if (kinds.contains(GolParserConstants.INT_LIT)) expecting = ", expecting expression";
    else if (kinds.size() == 1) expecting = ", expecting " + ParserBase.tokenImage(kinds.iterator().next());
    return new SyntaxError(p.pos(bad), "syntax error: unexpected " + ParserBase.describe(bad) + expecting);
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
