package gol.compiler.syntax;

/**
 * The gol lexer: JavaCC's generated token manager plus Go's automatic semicolon insertion and the
 * lexical checks Go's scanner makes (bad characters, unterminated literals, bad escapes and digits).
 *
 * <p>Semicolon rule (Go spec, "Semicolons"): when the next real token starts on a later line than the
 * last token handed out (or is EOF), and that last token is an identifier, a literal, one of the
 * keywords {@code break continue fallthrough return} or one of {@code ++ -- ) ] }}, a {@code ;} token
 * is returned first and the real token is held back. Because the test compares lines, a general
 * comment spanning lines counts as a newline, as the spec says. The inserted token's image is
 * {@code "\n"} (or {@code ""} at end of file) so error messages can say "newline" or "EOF"; its
 * position is that of the newline (or of the multi-line comment, or of EOF), as in Go's scanner.
 *
 * <p>Guarantee: every lexical error becomes a {@link SyntaxError} with Go's message and position,
 * never a JavaCC TokenMgrError. Not thread-safe: one instance per parse.
 */
public class SemicolonInsertingTokenManager extends GolParserTokenManager {
  private final LineMap lines;
  private final String src;
  private Token pending; // real token held back while an inserted ';' is returned
  private Token last;    // last token handed to the parser

  public SemicolonInsertingTokenManager(SimpleCharStream stream, LineMap lines) {
    super(stream);
    stream.setTabSize(1); // Go counts a tab as one column
    this.lines = lines;
    this.src = lines.source();
  }

  @Override
  public Token getNextToken() {
    Token t;
    if (pending != null) {
      t = pending;
      pending = null;
    } else {
      t = nextChecked();
      if (last != null && triggersSemicolon(last.kind) && (t.kind == EOF || t.beginLine > last.endLine)) {
        pending = t;
        t = insertedSemicolon(last, t);
      }
    }
    last = t;
    return t;
  }

  /** Whether a line ending after a token of this kind gets a semicolon (Go spec, "Semicolons"). */
  public static boolean triggersSemicolon(int kind) {
    switch (kind) {
      case IDENT: case INT_LIT: case FLOAT_LIT: case IMAG_LIT: case CHAR_LIT: case STRING_LIT: case RAW_STRING_LIT:
      case BREAK: case CONTINUE: case FALLTHROUGH: case RETURN:
      case INC: case DEC: case RPAREN: case RBRACK: case RBRACE:
        return true;
      default:
        return false;
    }
  }

  /** Whether t is a semicolon inserted by the lexer rather than written in the source. */
  public static boolean isInserted(Token t) { return t.kind == SEMI && !t.image.equals(";"); }

  /**
   * Builds the ';' that ends prev's line. It sits where Go's scanner sees the newline: the first '\n'
   * after prev (skipping blanks and comments), or a multi-line comment's start, or EOF.
   */
  private Token insertedSemicolon(Token prev, Token next) {
    int i = lines.offset(prev.endLine, prev.endColumn) + 1;
    int n = src.length();
    scan:
    while (i < n) {
      char c = src.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r') { i++; continue; }
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') { // a line comment runs up to the newline
        while (i < n && src.charAt(i) != '\n') i++;
        continue;
      }
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        int end = src.indexOf("*/", i + 2);
        int stop = end < 0 ? n : end + 2;
        if (src.substring(i, stop).indexOf('\n') >= 0) break scan; // a multi-line comment acts like a newline
        i = stop;
        continue;
      }
      break; // the newline itself
    }
    boolean atEof = i >= n;
    Token semi = Token.newToken(SEMI, atEof ? "" : "\n");
    semi.kind = SEMI;
    int[] lc = lines.lineCol(i);
    semi.beginLine = semi.endLine = lc[0];
    semi.beginColumn = semi.endColumn = lc[1];
    return semi;
  }

  /** Next token from JavaCC's lexer, with Go's lexical checks applied. */
  private Token nextChecked() {
    Token t;
    try {
      t = super.getNextToken();
    } catch (TokenMgrError e) {
      // Only an unterminated /* comment can get here: every other input matches some token.
      throw new SyntaxError(lines.posOfOffset(unterminatedCommentStart()), "comment not terminated");
    }
    if (t.kind == EOF) { // JavaCC puts EOF on the last character; Go puts it after
      int[] lc = lines.lineCol(src.length());
      t.beginLine = t.endLine = lc[0];
      t.beginColumn = t.endColumn = lc[1];
    }
    LexicalChecks.check(t, lines);
    return t;
  }

  /** Offset of the unclosed "/*" after the last token (only blanks and closed comments come between). */
  private int unterminatedCommentStart() {
    int i = last == null ? 0 : lines.offset(last.endLine, last.endColumn) + 1;
    int n = src.length();
    while (i < n) {
      if (src.startsWith("//", i)) { while (i < n && src.charAt(i) != '\n') i++; continue; }
      if (src.startsWith("/*", i)) {
        int end = src.indexOf("*/", i + 2);
        if (end < 0) return i;
        i = end + 2;
        continue;
      }
      i++;
    }
    return n;
  }
}
