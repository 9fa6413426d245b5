package gol.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.compiler.Diagnostics;
import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import gol.compiler.ast.ExprString;
import gol.compiler.ast.Op;
import gol.compiler.ast.Pos;
import gol.compiler.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Focused parser tests: precedence and associativity, the composite-literal ambiguity, the shapes of
 * statements the checker relies on, literal texts and positions. Whole programs are compared with
 * real Go's trees in {@link AstGoldenTest}; errors with real Go's messages in {@link SyntaxErrorTest}.
 */
class ParserTest {

  // ---------------------------------------------------------------- helpers

  /** Fully parenthesized form of an expression: binary and unary operations get parentheses. */
  static String paren(Expr x) {
    if (x instanceof Expr.Binary b) return "(" + paren(b.x()) + " " + b.op().text + " " + paren(b.y()) + ")";
    if (x instanceof Expr.Unary u) return "(" + u.op().text + paren(u.x()) + ")";
    if (x instanceof Expr.Star s) return "(*" + paren(s.x()) + ")";
    return ExprString.of(x);
  }

  static Decl.File parse(String src) {
    Diagnostics d = new Diagnostics("t.go");
    Decl.File f = Parser.parse("t.go", src, d);
    assertNotNull(f, () -> String.join("\n", d.render()));
    return f;
  }

  /** The statements of func f in a file "package p; func f() { BODY }". */
  static List<Stmt> body(String stmts) {
    Decl.File f = parse("package p\n\nfunc f() {\n" + stmts + "\n}\n");
    return ((Decl.Func) f.decls().get(0)).body().stmts();
  }

  static String firstError(String src) { return SyntaxErrorTest.firstError("t.go", src); }

  // ---------------------------------------------------------------- expressions

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", quoteCharacter = '~', value = {
      "a + b * c                 => (a + (b * c))",
      "a * b + c                 => ((a * b) + c)",
      "a - b - c                 => ((a - b) - c)",
      "a / b % c * d             => (((a / b) % c) * d)",
      "a || b && c               => (a || (b && c))",
      "a && b || c && d          => ((a && b) || (c && d))",
      "a == b || c < d && e      => ((a == b) || ((c < d) && e))",
      "a < b == c                => ((a < b) == c)",
      "a << b + c                => ((a << b) + c)",
      "a + b << c                => (a + (b << c))",
      "a &^ b | c                => ((a &^ b) | c)",
      "a | b ^ c & d             => ((a | b) ^ (c & d))",
      "-a * b                    => ((-a) * b)",
      "-a.b                      => (-a.b)",
      "*p.x                      => (*p.x)",
      "*p * *q                   => ((*p) * (*q))",
      "!f(x)[i]                  => (!f(x)[i])",
      "<-ch + 1                  => ((<-ch) + 1)",
      "^x &^ ^y                  => ((^x) &^ (^y))",
      "&T{} == nil               => ((&T{}) == nil)",
      "x.(T).y(z)[1:2]           => x.(T).y(z)[1:2]",
      "a >= b != (c <= d)        => ((a >= b) != (c <= d))",
  })
  void precedenceAndAssociativity(String src, String want) {
    assertEquals(want, paren(Parser.parseExpr(src)));
  }

  @Test
  void binaryRecordsOperatorPosition() {
    Expr.Binary b = (Expr.Binary) Parser.parseExpr("aa  +\tb");
    assertEquals(new Pos(1, 1), b.pos());
    assertEquals(new Pos(1, 5), b.opPos());
    assertEquals(Op.ADD, b.op());
  }

  @Test
  void receiveFromChannelTypeBecomesRecvChanType() {
    Expr.ChanType c = assertInstanceOf(Expr.ChanType.class, Parser.parseExpr("<-chan int"));
    assertEquals(Expr.ChanDir.RECV, c.dir());
    Expr.Call conv = assertInstanceOf(Expr.Call.class, Parser.parseExpr("(<-chan int)(nil)"));
    assertInstanceOf(Expr.Paren.class, conv.fun());
    // "<-chan<- chan int" is "<-chan (<-chan int)", as in Go
    Expr.ChanType outer = (Expr.ChanType) Parser.parseExpr("<-chan<- chan int");
    assertEquals(Expr.ChanDir.RECV, outer.dir());
    assertEquals(Expr.ChanDir.RECV, ((Expr.ChanType) outer.elem()).dir());
    // "chan<- chan int" in a type is "chan<- (chan int)"
    Expr.ChanType send = (Expr.ChanType) Parser.parseExpr("chan<- chan int");
    assertEquals(Expr.ChanDir.SEND, send.dir());
    assertEquals(Expr.ChanDir.BOTH, ((Expr.ChanType) send.elem()).dir());
  }

  @Test
  void callsConversionsAndEllipsis() {
    Expr.Call c = (Expr.Call) Parser.parseExpr("f(a, b...)");
    assertTrue(c.ellipsis());
    assertEquals(2, c.args().size());
    assertEquals(new Pos(1, 10), c.rparen());
    Expr.Call m = (Expr.Call) Parser.parseExpr("make(map[string][]int, 10)");
    assertInstanceOf(Expr.MapType.class, m.args().get(0));
    Expr.Call conv = (Expr.Call) Parser.parseExpr("[]byte(s)");
    assertInstanceOf(Expr.ArrayType.class, conv.fun());
    Expr.Call ptr = (Expr.Call) Parser.parseExpr("(*T)(p)");
    assertInstanceOf(Expr.Star.class, ((Expr.Paren) ptr.fun()).x());
    Expr.Call fn = (Expr.Call) Parser.parseExpr("(func())(nil)");
    assertInstanceOf(Expr.FuncType.class, ((Expr.Paren) fn.fun()).x());
    assertEquals(1, ((Expr.Call) Parser.parseExpr("f(a, b,)")).args().size() - 1);
  }

  @Test
  void compositeLiteralsWithKeysElidedTypesAndNesting() {
    Expr.CompositeLit c = (Expr.CompositeLit) Parser.parseExpr("map[Point][]int{{1, 2}: {3}, {4, 5}: nil}");
    assertEquals(2, c.elems().size());
    Expr.Element e = c.elems().get(0);
    Expr.CompositeLit key = assertInstanceOf(Expr.CompositeLit.class, e.key());
    assertNull(key.type(), "elided key type");
    assertEquals(new Pos(1, 17), key.pos(), "an elided literal starts at its brace");
    assertNull(((Expr.CompositeLit) e.value()).type());
    Expr.CompositeLit arr = (Expr.CompositeLit) Parser.parseExpr("[...]string{2: \"c\"}");
    Expr.ArrayType at = (Expr.ArrayType) arr.type();
    assertInstanceOf(Expr.Ellipsis.class, at.len());
    assertEquals(new Pos(1, 19), arr.rbrace());
    Expr.Unary addr = (Expr.Unary) Parser.parseExpr("&pkg.T{A: 1}");
    assertInstanceOf(Expr.Selector.class, ((Expr.CompositeLit) addr.x()).type());
  }

  @Test
  void sliceForms() {
    Expr.SliceExpr s3 = (Expr.SliceExpr) Parser.parseExpr("x[1:2:3]");
    assertTrue(s3.slice3());
    Expr.SliceExpr s = (Expr.SliceExpr) Parser.parseExpr("x[:]");
    assertFalse(s.slice3());
    assertNull(s.lo());
    assertNull(s.hi());
    assertInstanceOf(Expr.Index.class, Parser.parseExpr("x[i+1]"));
  }

  @Test
  void parseExprRejectsBadInputWithSyntaxError() {
    SyntaxError e = assertThrows(SyntaxError.class, () -> Parser.parseExpr("a +"));
    assertEquals("syntax error: unexpected EOF, expecting expression", e.getMessage());
    assertThrows(SyntaxError.class, () -> Parser.parseExpr("a b"));
  }

  // ---------------------------------------------------------------- the composite literal ambiguity

  @Test
  void compositeLiteralOfBareTypeNameNotAllowedInHeaders() {
    // Go: "if x == T{} {" parses "T" as the condition and "{}" as the block.
    assertEquals("4:14: syntax error: unexpected { at end of statement",
        firstError("package p\n\nfunc f() {\n\tif x == T{} {\n\t}\n}\n"));
    assertEquals("4:7: syntax error: cannot use x := T as value",
        firstError("package p\n\nfunc f() {\n\tif x := T{}; true {\n\t}\n}\n"));
    assertEquals("4:20: syntax error: unexpected . at end of statement",
        firstError("package p\n\nfunc f() {\n\tfor x := range T{}.a {\n\t}\n}\n"));
  }

  @Test
  void compositeLiteralsAllowedWhereGoAllowsThem() {
    List<Stmt> ss = body(String.join("\n",
        "if x == (T{}) {}",
        "for _, v := range []int{1, 2} { _ = v }",
        "if f(T{}) {}",
        "switch (T{}) {}",
        "for x := range (T{}).m { _ = x }",
        "if v := (T{1}); v.a > 0 {}",
        "if m := map[string]int{\"a\": 1}; m != nil {}",
        "if func() bool { return T{} == t }() {}",
        "for i := range [3]int{} { _ = i }",
        "if s := struct{ a int }{1}; s.a > 0 {}"));
    assertEquals(10, ss.size());
    Stmt.Range r = (Stmt.Range) ss.get(1);
    assertInstanceOf(Expr.CompositeLit.class, r.x());
    Stmt.If lastIf = (Stmt.If) ss.get(9);
    assertInstanceOf(Expr.CompositeLit.class, ((Stmt.Assign) lastIf.init()).rhs().get(0));
  }

  // ---------------------------------------------------------------- statements

  @Test
  void simpleStatementKinds() {
    List<Stmt> ss = body("x := 1\nx = 2\nx += 3\nx++\nch <- x\nf(x)\n<-ch\na, b := 1, 2\nL: x--");
    assertEquals(Op.DEFINE, ((Stmt.Assign) ss.get(0)).op());
    assertEquals(Op.ASSIGN, ((Stmt.Assign) ss.get(1)).op());
    assertEquals(Op.ADD_ASSIGN, ((Stmt.Assign) ss.get(2)).op());
    assertTrue(((Stmt.IncDec) ss.get(3)).inc());
    assertInstanceOf(Stmt.Send.class, ss.get(4));
    assertInstanceOf(Expr.Call.class, ((Stmt.ExprStmt) ss.get(5)).x());
    assertEquals(Op.ARROW, ((Expr.Unary) ((Stmt.ExprStmt) ss.get(6)).x()).op());
    assertEquals(2, ((Stmt.Assign) ss.get(7)).lhs().size());
    Stmt.Labeled l = (Stmt.Labeled) ss.get(8);
    assertEquals("L", l.label().name());
    assertFalse(((Stmt.IncDec) l.stmt()).inc());
    assertEquals(new Pos(4, 3), ((Stmt.Assign) ss.get(0)).opPos());
  }

  @Test
  void forForms() {
    List<Stmt> ss = body("for {}\nfor c {}\nfor i := 0; i < n; i++ {}\nfor ;; {}\nfor range x {}\nfor k := range x {}\n"
        + "for k, v = range x {}\nfor i := 0; i < n; {}");
    Stmt.For inf = (Stmt.For) ss.get(0);
    assertNull(inf.init()); assertNull(inf.cond()); assertNull(inf.post());
    assertInstanceOf(Expr.Ident.class, ((Stmt.For) ss.get(1)).cond());
    Stmt.For three = (Stmt.For) ss.get(2);
    assertInstanceOf(Stmt.Assign.class, three.init());
    assertInstanceOf(Stmt.IncDec.class, three.post());
    Stmt.For semis = (Stmt.For) ss.get(3);
    assertNull(semis.cond());
    Stmt.Range bare = (Stmt.Range) ss.get(4);
    assertNull(bare.key()); assertNull(bare.value());
    assertEquals(new Pos(8, 1), bare.pos());
    Stmt.Range k = (Stmt.Range) ss.get(5);
    assertTrue(k.define()); assertNull(k.value());
    Stmt.Range kv = (Stmt.Range) ss.get(6);
    assertFalse(kv.define()); assertNotNull(kv.value());
    assertNull(((Stmt.For) ss.get(7)).post());
  }

  @Test
  void ifElseChainsAndSwitches() {
    List<Stmt> ss = body("if a {} else if b {} else {}\nswitch x := f(); x {\ncase 1, 2:\nfallthrough\ndefault:\n}\n"
        + "switch {\n}\nswitch t := v.(type) {\ncase int, nil:\n}\nswitch v.(type) {\n}\nswitch y := 1; t := v.(type) {\n}");
    Stmt.If i = (Stmt.If) ss.get(0);
    Stmt.If elif = (Stmt.If) i.els();
    assertInstanceOf(Stmt.Block.class, elif.els());
    Stmt.Switch sw = (Stmt.Switch) ss.get(1);
    assertNotNull(sw.init());
    assertEquals(2, sw.clauses().get(0).list().size());
    assertNull(sw.clauses().get(1).list(), "default has a null list");
    assertEquals(Stmt.BranchKind.FALLTHROUGH, ((Stmt.Branch) sw.clauses().get(0).body().get(0)).kind());
    assertNull(((Stmt.Switch) ss.get(2)).tag());
    Stmt.TypeSwitch ts = (Stmt.TypeSwitch) ss.get(3);
    assertEquals("t", ts.binding().name());
    assertEquals("v", ((Expr.Ident) ts.x()).name());
    assertNull(((Stmt.TypeSwitch) ss.get(4)).binding());
    assertNotNull(((Stmt.TypeSwitch) ss.get(5)).init());
  }

  @Test
  void selectCommClauses() {
    List<Stmt> ss = body("select {\ncase v := <-a:\ncase v, ok = <-b:\ncase <-c:\ncase d <- 1:\ndefault:\n}");
    Stmt.Select sel = (Stmt.Select) ss.get(0);
    assertEquals(5, sel.clauses().size());
    assertEquals(Op.DEFINE, ((Stmt.Assign) sel.clauses().get(0).comm()).op());
    assertEquals(2, ((Stmt.Assign) sel.clauses().get(1).comm()).lhs().size());
    assertInstanceOf(Stmt.ExprStmt.class, sel.clauses().get(2).comm());
    assertInstanceOf(Stmt.Send.class, sel.clauses().get(3).comm());
    assertNull(sel.clauses().get(4).comm());
  }

  @Test
  void branchesGoDeferReturnAndEmptyStatements() {
    List<Stmt> ss = body("break\ncontinue L\ngoto L\ngo f()\ndefer g(1)\nreturn\nreturn 1, 2\n;\n{}");
    assertNull(((Stmt.Branch) ss.get(0)).label());
    assertEquals("L", ((Stmt.Branch) ss.get(1)).label().name());
    assertEquals(Stmt.BranchKind.GOTO, ((Stmt.Branch) ss.get(2)).kind());
    assertInstanceOf(Stmt.Go.class, ss.get(3));
    assertInstanceOf(Stmt.Defer.class, ss.get(4));
    assertTrue(((Stmt.Return) ss.get(5)).results().isEmpty());
    assertEquals(2, ((Stmt.Return) ss.get(6)).results().size());
    assertInstanceOf(Stmt.Empty.class, ss.get(7));
    assertInstanceOf(Stmt.Block.class, ss.get(8));
  }

  // ---------------------------------------------------------------- declarations

  @Test
  void constGroupsRecordIotaAndImplicitRepetition() {
    Decl.File f = parse("package p\n\nconst (\n\tA = iota\n\tB\n\tC, D = 1, 2\n\tE, F\n)\n");
    Decl.Gen g = (Decl.Gen) f.decls().get(0);
    assertEquals(Decl.GenKind.CONST, g.kind());
    for (int i = 0; i < 4; i++) assertEquals(i, ((Decl.ValueSpec) g.specs().get(i)).iota());
    assertTrue(((Decl.ValueSpec) g.specs().get(1)).values().isEmpty());
    assertTrue(((Decl.ValueSpec) g.specs().get(3)).values().isEmpty());
    assertNull(((Decl.ValueSpec) g.specs().get(3)).type());
  }

  @Test
  void importsTypesAndFuncs() {
    Decl.File f = parse("package p\n\nimport (\n\t\"fmt\"\n\tm \"math\"\n\t_ \"embed\"\n\t. \"strings\"\n)\n\n"
        + "type A = int\ntype B struct{ *C; D `t`; e, f int }\n\nfunc (b *B) M(x, y int, z ...string) (r int, err error) { return }\n"
        + "func F(int, string) bool\n");
    assertEquals(4, f.imports().size());
    assertNull(f.imports().get(0).name());
    assertEquals("m", f.imports().get(1).name().name());
    assertEquals("_", f.imports().get(2).name().name());
    assertEquals(".", f.imports().get(3).name().name());
    assertEquals("\"math\"", f.imports().get(1).path().text());
    Decl.TypeSpec a = (Decl.TypeSpec) ((Decl.Gen) f.decls().get(0)).specs().get(0);
    assertTrue(a.alias());
    Expr.StructType st = (Expr.StructType) ((Decl.TypeSpec) ((Decl.Gen) f.decls().get(1)).specs().get(0)).type();
    assertTrue(st.fields().get(0).names().isEmpty(), "embedded *C");
    assertEquals("`t`", st.fields().get(1).tag().text());
    assertEquals(2, st.fields().get(2).names().size());
    Decl.Func m = (Decl.Func) f.decls().get(2);
    assertEquals("b", m.recv().names().get(0).name());
    assertEquals(2, m.type().params().size(), "x, y grouped; z separate");
    assertEquals(2, m.type().params().get(0).names().size());
    assertInstanceOf(Expr.Ellipsis.class, m.type().params().get(1).type());
    assertEquals(2, m.type().results().size());
    Decl.Func fn = (Decl.Func) f.decls().get(3);
    assertNull(fn.body());
    assertTrue(fn.type().params().get(0).names().isEmpty(), "unnamed parameters");
  }

  @Test
  void interfacesWithMethodsAndEmbedding() {
    Expr.InterfaceType it = (Expr.InterfaceType) Parser.parseExpr("interface{ io.Reader; Stringer; M(int) (bool, error) }");
    assertTrue(it.methods().get(0).names().isEmpty());
    assertInstanceOf(Expr.Selector.class, it.methods().get(0).type());
    assertEquals("M", it.methods().get(2).names().get(0).name());
    Expr.FuncType sig = (Expr.FuncType) it.methods().get(2).type();
    assertEquals(2, sig.results().size());
  }

  // ---------------------------------------------------------------- literals and positions

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "42         | INT", "0x2A_2b   | INT", "0o17       | INT", "017      | INT", "0b1010   | INT",
      "1.5        | FLOAT", ".5        | FLOAT", "1.        | FLOAT", "1e9       | FLOAT", "0x1p-2   | FLOAT",
      "1_000.5e+3 | FLOAT", "2i         | IMAG", "1.5i      | IMAG", "'a'       | CHAR", "'\\n'     | CHAR",
      "'\\x41'    | CHAR", "'\\u00e9'  | CHAR", "'\\U0001F600' | CHAR", "'\\101'  | CHAR", "'\\''     | CHAR",
      "\"s\\t\\\"\" | STRING",
  })
  void literalKindsKeepExactText(String src, String kind) {
    Expr.BasicLit l = (Expr.BasicLit) Parser.parseExpr(src);
    assertEquals(Expr.LitKind.valueOf(kind), l.kind());
    assertEquals(src, l.text());
  }

  @Test
  void rawStringsSpanLinesAndKeepTheirText() {
    List<Stmt> ss = body("s := `a\n\\n \"b\"\n`; t := 1");
    Expr.BasicLit raw = (Expr.BasicLit) ((Stmt.Assign) ss.get(0)).rhs().get(0);
    assertEquals("`a\n\\n \"b\"\n`", raw.text());
    assertEquals(new Pos(6, 4), ((Stmt.Assign) ss.get(1)).pos(), "position after the raw string");
  }

  @Test
  void columnsCountUtf8BytesAndTabsAsOne() {
    // "é" is 2 bytes, "本" 3, "😀" 4 (a surrogate pair in Java)
    List<Stmt> ss = body("\t_ = \"é\" + x\n\t_ = \"本😀\" + y");
    Expr.Binary b1 = (Expr.Binary) ((Stmt.Assign) ss.get(0)).rhs().get(0);
    assertEquals(new Pos(4, 11), b1.opPos());
    assertEquals(new Pos(4, 13), b1.y().pos());
    Expr.Binary b2 = (Expr.Binary) ((Stmt.Assign) ss.get(1)).rhs().get(0);
    assertEquals(new Pos(5, 18), b2.y().pos());
  }

  @Test
  void blockAndCallAndLiteralClosingPositions() {
    Decl.File f = parse("package p\n\nfunc f() {\n\tg(1,\n\t\t2)\n\t_ = T{\n\t}\n}\n");
    Decl.Func fn = (Decl.Func) f.decls().get(0);
    assertEquals(new Pos(3, 10), fn.body().pos());
    assertEquals(new Pos(8, 1), fn.body().rbrace());
    Expr.Call c = (Expr.Call) ((Stmt.ExprStmt) fn.body().stmts().get(0)).x();
    assertEquals(new Pos(5, 4), c.rparen());
    Expr.CompositeLit lit = (Expr.CompositeLit) ((Stmt.Assign) fn.body().stmts().get(1)).rhs().get(0);
    assertEquals(new Pos(7, 2), lit.rbrace());
  }

  @Test
  void crlfLineEndingsAndLeadingBom() {
    Decl.File f = parse("\uFEFFpackage p\r\n\r\nvar x = 1\r\n");
    assertEquals(new Pos(3, 1), f.decls().get(0).pos());
  }
}
