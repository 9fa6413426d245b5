package gol.compiler.syntax;

import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import gol.compiler.ast.ExprString;
import gol.compiler.ast.Op;
import gol.compiler.ast.Pos;
import gol.compiler.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java half of the gol parser: the generated {@link GolParser} (from Gol.jj) extends this class and
 * calls these helpers from its actions. Here live the decisions Go's parser makes after parsing a
 * piece (what a simple statement is, how parameters group, whether a switch is a type switch), the
 * composite-literal rule ({@link #exprLev}), positions, and the error messages in go build's wording.
 *
 * <p>Guarantee: every user error is thrown as a {@link SyntaxError}; nodes get the Go position of
 * their first token.
 */
abstract class ParserBase implements GolParserConstants {
  /** Modes of SimpleStmt: a range clause is only allowed in a for header. */
  static final int PLAIN = 0, RANGE_OK = 1;

  /** Maps JavaCC positions to Go positions; set by the factory. */
  LineMap lines;

  /**
   * Expression nesting level, as in Go's parser: -1 in an if/for/switch header (outside any
   * parentheses), incremented inside ( ), [ ], composite literal braces and function literal bodies.
   * A composite literal whose type is a bare name (T{...}, pkg.T{...}) is only parsed when it is >= 0.
   */
  int exprLev = 0;

  /**
   * The primary expression PrimaryExpr has built so far, read by its composite-literal lookahead
   * (a field, because JavaCC's lookahead code cannot see the production's locals).
   */
  Expr operand;

  /**
   * Errors that do not stop the parse. cmd/compile's parser reports some errors and goes on ("expression
   * in go must be function call", "method has multiple receivers"): those are {@link #parserErrors},
   * reported together with a later syntax error. Others come from its type checker ("select case must
   * be send or receive", "use of .(type) outside type switch"): those are {@link #checkErrors},
   * reported only when the file has no syntax error, as go build does.
   */
  final List<SyntaxError> parserErrors = new ArrayList<>();
  final List<SyntaxError> checkErrors = new ArrayList<>();

  void parserError(Pos pos, String msg) { parserErrors.add(new SyntaxError(pos, msg)); }

  void checkError(Pos pos, String msg) { checkErrors.add(new SyntaxError(pos, msg)); }

  /** Every x.(type) parsed so far and not yet claimed by a type switch (reported at the end). */
  private final List<Expr.TypeAssert> typeGuards = new ArrayList<>();

  public abstract Token getToken(int index);

  /** A raw parameter entry "[name] [type]", before grouping (see {@link #groupParams}). */
  record ParamEntry(Expr.Ident name, Expr type) {}

  // ---------------------------------------------------------------- nodes

  Pos pos(Token t) { return lines.pos(t.beginLine, t.beginColumn); }

  Expr.Ident ident(Token t) { return new Expr.Ident(pos(t), t.image); }

  Expr.BasicLit lit(Token t) {
    Expr.LitKind kind;
    switch (t.kind) {
      case INT_LIT: kind = Expr.LitKind.INT; break;
      case FLOAT_LIT: kind = Expr.LitKind.FLOAT; break;
      case IMAG_LIT: kind = Expr.LitKind.IMAG; break;
      case CHAR_LIT: kind = Expr.LitKind.CHAR; break;
      default: kind = Expr.LitKind.STRING; break;
    }
    return new Expr.BasicLit(pos(t), kind, t.image);
  }

  Expr binary(Expr x, Token op, Expr y) {
    return new Expr.Binary(x.pos(), Op.ofText(op.image), x, y, pos(op));
  }

  /**
   * {@code <-x}. When x is a channel type, Go re-associates: {@code <-chan T} is a receive-only
   * channel type, and {@code <-chan<- T} would be {@code <-chan (<-T)} (an error unless T is a chan).
   */
  Expr receive(Token arrow, Expr x) {
    if (x instanceof Expr.ChanType c) return recvChan(pos(arrow), c);
    return new Expr.Unary(pos(arrow), Op.ARROW, x);
  }

  /** Positions of the arrows of "chan<-" types, needed when "<-" re-associates (see recvChan). */
  private final java.util.IdentityHashMap<Expr.ChanType, Pos> sendArrows = new java.util.IdentityHashMap<>();

  Expr.ChanType sendArrow(Expr.ChanType c, Token arrow) {
    if (arrow != null) sendArrows.put(c, pos(arrow));
    return c;
  }

  private Expr.ChanType recvChan(Pos arrow, Expr.ChanType c) {
    switch (c.dir()) {
      case BOTH: return new Expr.ChanType(arrow, Expr.ChanDir.RECV, c.elem());
      case SEND: // <-chan<- E  ==  <-chan (<-E): the inner arrow now starts E, which must be a channel type
        if (c.elem() instanceof Expr.ChanType inner)
          return new Expr.ChanType(arrow, Expr.ChanDir.RECV, recvChan(sendArrows.get(c), inner));
        throw syntaxError(c.elem().pos(), "unexpected " + ExprString.of(c.elem()) + ", expecting chan");
      default:
        throw syntaxError(c.pos(), "unexpected <-, expecting chan");
    }
  }

  /** {@code x.(type)}: remembered until a type switch claims it. */
  Expr typeGuard(Expr x) {
    Expr.TypeAssert g = new Expr.TypeAssert(x.pos(), x, null);
    typeGuards.add(g);
    return g;
  }

  private void claim(Expr guard) { typeGuards.removeIf(g -> g == guard); }

  /** Reports the first x.(type) that is not the guard of a type switch. */
  void checkTypeGuards() {
    for (Expr.TypeAssert g : typeGuards) checkError(g.pos(), "invalid AST: use of .(type) outside type switch");
  }

  /** Whether an operand x followed by "{" starts a composite literal here (Go's exprLev rule). */
  boolean compositeLitAllowed(Expr x) {
    Expr t = Expr.unparen(x);
    boolean ok;
    if (t instanceof Expr.Ident || t instanceof Expr.Selector) ok = exprLev >= 0;
    else ok = t instanceof Expr.ArrayType || t instanceof Expr.StructType || t instanceof Expr.MapType;
    if (ok && t != x) throw syntaxError(pos(getToken(1)), "cannot parenthesize type in composite literal");
    return ok;
  }

  // ---------------------------------------------------------------- statements

  Stmt assign(List<Expr> lhs, Token op, List<Expr> rhs) {
    return new Stmt.Assign(lhs.get(0).pos(), lhs, Op.ofText(op.image), rhs, pos(op));
  }

  /** op (an assign_op, ++, -- or <-) takes a single expression on its left. */
  void single(List<Expr> lhs, Token op) {
    if (lhs.size() != 1) throw unexpected(op, "expecting := or = or comma");
  }

  Stmt exprStmt(List<Expr> lhs) {
    if (lhs.size() != 1) throw unexpected(getToken(1), "expecting := or = or comma");
    return new Stmt.ExprStmt(lhs.get(0).pos(), lhs.get(0));
  }

  /** {@code k, v := range x} as a Range with a null body (ForStmt completes it). */
  Stmt rangeClause(List<Expr> lhs, Token op, Expr x) {
    if (lhs.size() > 2) checkError(lhs.get(2).pos(), "range clause permits at most two iteration variables");
    return new Stmt.Range(lhs.get(0).pos(), lhs.get(0), lhs.size() > 1 ? lhs.get(1) : null,
        op.kind == DEFINE, x, null);
  }

  /** The condition of an if/for header, which must be an expression statement. */
  Expr condition(Stmt s) {
    if (s instanceof Stmt.ExprStmt e) return e.x();
    throw syntaxError(goPos(s), "cannot use " + ExprString.of(s) + " as value");
  }

  Stmt forStmt(Token k, Stmt s1, boolean clause, Stmt cond, Stmt post, Stmt.Block body) {
    if (s1 instanceof Stmt.Range r) return new Stmt.Range(pos(k), r.key(), r.value(), r.define(), r.x(), body);
    if (!clause) return new Stmt.For(pos(k), null, s1 == null ? null : condition(s1), null, body);
    if (post instanceof Stmt.Assign a && a.op() == Op.DEFINE)
      throw syntaxError(a.opPos(), "cannot declare in post statement of for loop");
    return new Stmt.For(pos(k), s1, cond == null ? null : condition(cond), post, body);
  }

  /** Builds a Switch, or a TypeSwitch when the tag statement is a type switch guard. */
  Stmt switchStmt(Token k, Stmt init, Stmt tag, List<Stmt.CaseClause> clauses, Token rb) {
    if (tag == null) return new Stmt.Switch(pos(k), init, null, clauses, pos(rb));
    if (tag instanceof Stmt.ExprStmt e) {
      if (e.x() instanceof Expr.TypeAssert g && g.type() == null) {
        claim(g);
        return new Stmt.TypeSwitch(pos(k), init, null, g.x(), clauses, pos(rb));
      }
      return new Stmt.Switch(pos(k), init, e.x(), clauses, pos(rb));
    }
    if (tag instanceof Stmt.Assign a && a.op() == Op.DEFINE && a.lhs().size() == 1 && a.rhs().size() == 1
        && a.lhs().get(0) instanceof Expr.Ident id && a.rhs().get(0) instanceof Expr.TypeAssert g && g.type() == null) {
      claim(g);
      return new Stmt.TypeSwitch(pos(k), init, id, g.x(), clauses, pos(rb));
    }
    throw syntaxError(goPos(tag), "cannot use " + ExprString.of(tag) + " as value");
  }

  /** A select case must be a send, a receive, or an assignment of a receive. */
  void checkComm(Stmt comm) {
    boolean ok;
    if (comm instanceof Stmt.Send) ok = true;
    else if (comm instanceof Stmt.ExprStmt e) ok = isRecv(e.x());
    else if (comm instanceof Stmt.Assign a)
      ok = (a.op() == Op.ASSIGN || a.op() == Op.DEFINE) && a.lhs().size() <= 2 && a.rhs().size() == 1 && isRecv(a.rhs().get(0));
    else ok = false;
    if (!ok) checkError(goPos(comm), "select case must be send or receive (possibly with assignment)");
  }

  private static boolean isRecv(Expr x) {
    return Expr.unparen(x) instanceof Expr.Unary u && u.op() == Op.ARROW;
  }

  /** The call of a go or defer statement. */
  Expr.Call callOf(Expr x, String keyword) {
    if (x instanceof Expr.Call c) return c;
    if (x instanceof Expr.Paren && Expr.unparen(x) instanceof Expr.Call c) {
      parserError(x.pos(), "expression in " + keyword + " must not be parenthesized");
      return c;
    }
    parserError(x.pos(), "expression in " + keyword + " must be function call");
    return new Expr.Call(x.pos(), x, List.of(), false, x.pos()); // placeholder; the file is not returned
  }

  /** A method's receiver list must hold exactly one receiver (reported at the token after it, as Go does). */
  void checkReceiver(List<Expr.Field> recv) {
    int n = 0;
    for (Expr.Field f : recv) n += Math.max(1, f.names().size());
    if (n == 0) parserError(pos(getToken(1)), "method has no receiver");
    if (n > 1) parserError(pos(getToken(1)), "method has multiple receivers");
  }

  /**
   * Groups parameter entries as Go does. If no entry has both a name and a type, every entry is a
   * type ("func(int, string)", "func(a, b)" = two unnamed parameters of types a and b). Otherwise every
   * entry must be named: a lone name takes the type of the next typed entry to its right
   * ("a, b int"), and a lone type or a trailing lone name is "mixed named and unnamed parameters".
   */
  List<Expr.Field> groupParams(List<ParamEntry> entries) {
    List<Expr.Field> out = new ArrayList<>();
    boolean anyNamed = false;
    for (ParamEntry e : entries) anyNamed |= e.name() != null && e.type() != null;
    if (!anyNamed) {
      for (ParamEntry e : entries) {
        Expr t = e.type() != null ? e.type() : e.name();
        out.add(new Expr.Field(t.pos(), List.of(), t, null));
      }
      return out;
    }
    Pos errPos = null; // leftmost error, found scanning right to left as Go does
    Expr typ = null;
    for (int i = entries.size() - 1; i >= 0; i--) {
      ParamEntry e = entries.get(i);
      if (e.type() != null) {
        typ = e.type();
        if (e.name() == null) errPos = typ.pos();
      } else if (typ == null) {
        errPos = e.name().pos();
      }
    }
    if (errPos != null) throw syntaxError(errPos, "mixed named and unnamed parameters");
    List<Expr.Ident> names = new ArrayList<>();
    for (ParamEntry e : entries) {
      names.add(e.name());
      if (e.type() != null) {
        out.add(new Expr.Field(names.get(0).pos(), List.copyOf(names), e.type(), null));
        names.clear();
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- token classes

  static boolean isOperandStart(int k) {
    switch (k) {
      case INT_LIT: case FLOAT_LIT: case IMAG_LIT: case CHAR_LIT: case STRING_LIT: case RAW_STRING_LIT:
      case IDENT: case LPAREN: case FUNC: case LBRACK: case STRUCT: case INTERFACE: case MAP: case CHAN:
        return true;
      default:
        return false;
    }
  }

  static boolean isUnaryStart(int k) {
    switch (k) {
      case ADD: case SUB: case NOT: case XOR: case AND: case MUL: case ARROW: case TILDE:
        return true;
      default:
        return isOperandStart(k);
    }
  }

  static boolean isTypeStart(int k) {
    switch (k) {
      case IDENT: case LPAREN: case LBRACK: case STRUCT: case MUL: case FUNC: case INTERFACE: case MAP:
      case CHAN: case ARROW:
        return true;
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------- expected tokens

  /** After the package clause or a top-level declaration: ";" (or EOF) must follow. */
  void wantSemiOrEof(String context) {
    Token t = getToken(1);
    if (t.kind != SEMI && t.kind != EOF) throw unexpected(t, context);
  }

  /** A range clause is only allowed in a for statement's header. */
  void rangeAllowed(Token range, int mode) {
    if (mode != RANGE_OK) throw unexpected(range, "expecting expression");
  }

  /** In a comma-separated list closed by close, a ',' must be followed by an element or close. */
  void noDoubleComma(int close, String expecting) {
    Token t = getToken(1);
    if (t.kind == COMMA) throw unexpected(t, expecting);
    if (t.kind == EOF) throw unexpected(t, "expecting " + tokenImage(close));
  }

  /** After the init statement or condition of an if/for/switch header: ";" or "{" must follow. */
  void headerEnd() {
    Token t = getToken(1);
    if (t.kind != SEMI && t.kind != LBRACE) throw unexpected(t, "expecting {");
  }

  /** An import spec starts with a name, "." or the path (go/parser's wording, see goParserExpected). */
  void checkImportSpecStart() {
    int k = getToken(1).kind;
    if (k != IDENT && k != DOT && k != STRING_LIT && k != RAW_STRING_LIT) throw goParserExpected("'STRING'");
  }

  /** The import path literal; an empty one is rejected as go build does. */
  Expr.BasicLit importPath(Token t) {
    if (t.image.length() == 2) throw error(pos(t), "invalid import path: " + t.image);
    return lit(t);
  }

  /** After a statement: ";" or "}" must follow. */
  void endOfStatement() {
    Token t = getToken(1);
    if (t.kind != SEMI && t.kind != RBRACE) throw unexpected(t, "at end of statement");
  }

  /** In a grouped declaration, a ';' must not follow another ';'. */
  void noEmptySpec() {
    Token t = getToken(1);
    if (t.kind == SEMI) throw unexpected(t, "expecting name");
  }

  /** After a spec in a grouped declaration: ";" or ")" must follow. */
  void wantGroupSep() {
    Token t = getToken(1);
    if (t.kind != SEMI && t.kind != RPAREN)
      throw unexpected(t, "in grouped declaration; possibly missing semicolon or newline or )");
  }

  /** After an element of a comma-separated list closed by close: "," or close must follow. */
  void wantListSep(int close, String context) {
    Token t = getToken(1);
    if (t.kind != COMMA && t.kind != close)
      throw unexpected(t, "in " + context + "; possibly missing comma or " + tokenImage(close));
  }

  /** After a field or method of a struct or interface type: ";" or "}" must follow. */
  void wantListSepSemi(String context) {
    Token t = getToken(1);
    if (t.kind != SEMI && t.kind != RBRACE)
      throw unexpected(t, "in " + context + "; possibly missing semicolon or newline or }");
  }

  /** At the top level only declarations may appear. */
  void checkTopLevel(List<Decl> decls) {
    Token t = getToken(1);
    if (t.kind == EOF || t.kind == CONST || t.kind == TYPE || t.kind == VAR || t.kind == FUNC) return;
    if (t.kind == LBRACE && !decls.isEmpty() && decls.get(decls.size() - 1) instanceof Decl.Func f && f.body() == null)
      throw syntaxError(pos(t), "unexpected semicolon or newline before {");
    throw syntaxError(pos(t), "non-declaration statement outside function body");
  }

  /** A source file must start with its package clause (go build's wording, from go/parser). */
  SyntaxError packageFirst() { return goParserExpected("'package'"); }

  /**
   * go build reads the package clause and imports with go/parser before compiling, so errors there
   * use go/parser's wording: "expected 'IDENT', found 'func'", "expected 'STRING', found newline".
   */
  SyntaxError goParserExpected(String what) {
    Token t = getToken(1);
    String found;
    if (t.kind == SEMI && SemicolonInsertingTokenManager.isInserted(t)) found = t.image.isEmpty() ? "'EOF'" : "newline";
    else if (t.kind == IDENT || isLiteral(t.kind)) found = t.image;
    else found = "'" + (t.kind == EOF ? "EOF" : t.image) + "'";
    return error(pos(t), "expected " + what + ", found " + found);
  }

  /** "for var i = 0; ..." is a common mistake with its own message. */
  void noVarInHeader(String keyword) {
    if (getToken(1).kind == VAR)
      throw syntaxError(pos(getToken(2)), "var declaration not allowed in " + keyword + " initializer");
  }

  // ---------------------------------------------------------------- errors

  /** "syntax error: unexpected X" followed by the context, punctuated as Go's parser does. */
  SyntaxError unexpected(Token t, String context) {
    String sep = context.startsWith("expecting ") ? ", " : " ";
    return syntaxError(pos(t), "unexpected " + describe(t) + sep + context);
  }

  static SyntaxError syntaxError(Pos pos, String msg) { return new SyntaxError(pos, "syntax error: " + msg); }

  /** An error go build reports without the "syntax error: " prefix. */
  static SyntaxError error(Pos pos, String msg) { return new SyntaxError(pos, msg); }

  /** How Go's parser names a token in "unexpected X": names as is, "literal 1", "newline", "comma", ... */
  static String describe(Token t) {
    switch (t.kind) {
      case EOF: return "EOF";
      case SEMI: return t.image.equals(";") ? "semicolon" : t.image.isEmpty() ? "EOF" : "newline";
      case COMMA: return "comma";
      case INT_LIT: case FLOAT_LIT: case IMAG_LIT: case CHAR_LIT: case STRING_LIT: case RAW_STRING_LIT:
        return "literal " + t.image;
      default: return t.image;
    }
  }

  static boolean isLiteral(int k) {
    return k == INT_LIT || k == FLOAT_LIT || k == IMAG_LIT || k == CHAR_LIT || k == STRING_LIT || k == RAW_STRING_LIT;
  }

  /** The spelling of a fixed token kind, e.g. ")" for RPAREN. */
  static String tokenImage(int kind) {
    String s = GolParserConstants.tokenImage[kind];
    return s.length() >= 2 && s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  /** The position cmd/compile gives a statement in messages: the operator of an assignment. */
  Pos goPos(Stmt s) {
    if (s instanceof Stmt.Assign a) return a.opPos();
    if (s instanceof Stmt.Send sd && sendOps.containsKey(sd)) return sendOps.get(sd);
    if (s instanceof Stmt.ExprStmt e) return goPos(e.x());
    return s.pos();
  }

  /** Positions of the "<-" of send statements (Stmt.Send does not record it). */
  private final java.util.IdentityHashMap<Stmt.Send, Pos> sendOps = new java.util.IdentityHashMap<>();

  Stmt send(Expr ch, Token arrow, Expr value) {
    Stmt.Send s = new Stmt.Send(ch.pos(), ch, value);
    sendOps.put(s, pos(arrow));
    return s;
  }

  /** The position cmd/compile gives an expression in messages: the operator of a binary expression. */
  static Pos goPos(Expr x) {
    if (x instanceof Expr.Binary b) return b.opPos();
    return x.pos();
  }
}
