package gol.compiler.ast;

import java.util.List;

/**
 * Prints an AST as an indented tree, one node per line: {@code [role: ]Kind [details] @line:col}.
 * Used by {@code gol build --dump=ast} and by the parser tests. Example:
 * <pre>
 * File main @1:1
 *   Func main @3:1
 *     type: FuncType @3:1
 *     body: Block @3:13 rbrace=5:1
 *       ExprStmt @4:2
 *         Call @4:2 rparen=4:19
 *           fun: Selector .Println @4:2
 *             Ident fmt @4:2
 *           BasicLit STRING "hi" @4:14
 * </pre>
 * Read-only; the output is deterministic.
 */
public final class AstPrinter {
  private final StringBuilder out = new StringBuilder();
  private int depth;

  private AstPrinter() {}

  public static String print(Decl.File f) {
    AstPrinter p = new AstPrinter();
    p.file(f);
    return p.out.toString();
  }

  /** Prints one expression subtree (for tests and debugging). */
  public static String print(Expr x) {
    AstPrinter p = new AstPrinter();
    p.expr(null, x);
    return p.out.toString();
  }

  /** Prints one statement subtree (for tests and debugging). */
  public static String print(Stmt s) {
    AstPrinter p = new AstPrinter();
    p.stmt(null, s);
    return p.out.toString();
  }

  // ---------------------------------------------------------------- output

  private void line(String role, String text, Pos pos) {
    out.append("  ".repeat(depth));
    if (role != null) out.append(role).append(": ");
    out.append(text);
    if (pos != null) out.append(" @").append(pos);
    out.append('\n');
  }

  private void open(String role, String text, Pos pos) { line(role, text, pos); depth++; }

  private void close() { depth--; }

  // ---------------------------------------------------------------- declarations

  private void file(Decl.File f) {
    open(null, "File " + f.pkgName().name(), f.pos());
    for (Decl.Import i : f.imports())
      line(null, "Import " + (i.name() == null ? "" : i.name().name() + " ") + i.path().text(), i.pos());
    for (Decl d : f.decls()) decl(d);
    close();
  }

  private void decl(Decl d) {
    if (d instanceof Decl.Func fn) {
      open(null, (fn.recv() == null ? "Func " : "Method ") + fn.name().name(), fn.pos());
      if (fn.recv() != null) field("recv", fn.recv());
      expr("type", fn.type());
      if (fn.body() != null) stmt("body", fn.body());
      close();
    } else if (d instanceof Decl.Gen g) {
      gen(null, g);
    }
  }

  private void gen(String role, Decl.Gen g) {
    open(role, "Gen " + g.kind(), g.pos());
    for (Decl.Spec s : g.specs()) {
      if (s instanceof Decl.ValueSpec v) {
        open(null, "ValueSpec " + names(v.names()) + (g.kind() == Decl.GenKind.CONST ? " iota=" + v.iota() : ""), v.pos());
        if (v.type() != null) expr("type", v.type());
        for (Expr x : v.values()) expr("value", x);
        close();
      } else if (s instanceof Decl.TypeSpec t) {
        open(null, "TypeSpec " + t.name().name() + (t.alias() ? " alias" : ""), t.pos());
        expr("type", t.type());
        close();
      }
    }
    close();
  }

  // ---------------------------------------------------------------- statements

  private void stmt(String role, Stmt s) {
    if (s == null) return;
    if (s instanceof Stmt.Block b) {
      open(role, "Block rbrace=" + b.rbrace(), b.pos());
      for (Stmt x : b.stmts()) stmt(null, x);
      close();
    } else if (s instanceof Stmt.ExprStmt e) {
      open(role, "ExprStmt", e.pos()); expr(null, e.x()); close();
    } else if (s instanceof Stmt.Send sd) {
      open(role, "Send", sd.pos()); expr("ch", sd.ch()); expr("value", sd.value()); close();
    } else if (s instanceof Stmt.IncDec i) {
      open(role, "IncDec " + (i.inc() ? "++" : "--"), i.pos()); expr(null, i.x()); close();
    } else if (s instanceof Stmt.Assign a) {
      open(role, "Assign " + a.op().text + " op@" + a.opPos(), a.pos());
      for (Expr x : a.lhs()) expr("lhs", x);
      for (Expr x : a.rhs()) expr("rhs", x);
      close();
    } else if (s instanceof Stmt.Go g) {
      open(role, "Go", g.pos()); expr(null, g.call()); close();
    } else if (s instanceof Stmt.Defer d) {
      open(role, "Defer", d.pos()); expr(null, d.call()); close();
    } else if (s instanceof Stmt.Return r) {
      open(role, "Return", r.pos()); for (Expr x : r.results()) expr(null, x); close();
    } else if (s instanceof Stmt.Branch b) {
      line(role, "Branch " + b.kind() + (b.label() == null ? "" : " " + b.label().name()), b.pos());
    } else if (s instanceof Stmt.If i) {
      open(role, "If", i.pos());
      stmt("init", i.init()); expr("cond", i.cond()); stmt("then", i.then()); stmt("else", i.els());
      close();
    } else if (s instanceof Stmt.Switch sw) {
      open(role, "Switch rbrace=" + sw.rbrace(), sw.pos());
      stmt("init", sw.init()); expr("tag", sw.tag());
      for (Stmt.CaseClause c : sw.clauses()) caseClause(c);
      close();
    } else if (s instanceof Stmt.TypeSwitch ts) {
      open(role, "TypeSwitch" + (ts.binding() == null ? "" : " " + ts.binding().name() + " :=") + " rbrace=" + ts.rbrace(), ts.pos());
      stmt("init", ts.init()); expr("x", ts.x());
      for (Stmt.CaseClause c : ts.clauses()) caseClause(c);
      close();
    } else if (s instanceof Stmt.Select sel) {
      open(role, "Select", sel.pos());
      for (Stmt.CommClause c : sel.clauses()) {
        open(null, c.comm() == null ? "CommClause default" : "CommClause", c.pos());
        stmt("comm", c.comm());
        for (Stmt x : c.body()) stmt(null, x);
        close();
      }
      close();
    } else if (s instanceof Stmt.For f) {
      open(role, "For", f.pos());
      stmt("init", f.init()); expr("cond", f.cond()); stmt("post", f.post()); stmt("body", f.body());
      close();
    } else if (s instanceof Stmt.Range r) {
      open(role, "Range" + (r.key() == null ? "" : r.define() ? " :=" : " ="), r.pos());
      expr("key", r.key()); expr("value", r.value()); expr("x", r.x()); stmt("body", r.body());
      close();
    } else if (s instanceof Stmt.Labeled l) {
      open(role, "Labeled " + l.label().name(), l.pos()); stmt(null, l.stmt()); close();
    } else if (s instanceof Stmt.DeclStmt d) {
      gen(role, d.decl());
    } else if (s instanceof Stmt.Empty e) {
      line(role, "Empty", e.pos());
    }
  }

  private void caseClause(Stmt.CaseClause c) {
    open(null, c.list() == null ? "CaseClause default" : "CaseClause", c.pos());
    if (c.list() != null) for (Expr x : c.list()) expr("case", x);
    for (Stmt x : c.body()) stmt(null, x);
    close();
  }

  // ---------------------------------------------------------------- expressions

  private void expr(String role, Expr x) {
    if (x == null) return;
    if (x instanceof Expr.Ident i) line(role, "Ident " + i.name(), i.pos());
    else if (x instanceof Expr.BasicLit l) line(role, "BasicLit " + l.kind() + " " + l.text(), l.pos());
    else if (x instanceof Expr.CompositeLit c) {
      open(role, "CompositeLit rbrace=" + c.rbrace(), c.pos());
      expr("type", c.type());
      for (Expr.Element e : c.elems()) {
        if (e.key() == null) expr(null, e.value());
        else { open(null, "Element", e.pos()); expr("key", e.key()); expr("value", e.value()); close(); }
      }
      close();
    } else if (x instanceof Expr.FuncLit f) {
      open(role, "FuncLit", f.pos()); expr("type", f.type()); stmt("body", f.body()); close();
    } else if (x instanceof Expr.Paren p) {
      open(role, "Paren", p.pos()); expr(null, p.x()); close();
    } else if (x instanceof Expr.Selector s) {
      open(role, "Selector ." + s.sel().name(), s.pos()); expr(null, s.x()); close();
    } else if (x instanceof Expr.Index i) {
      open(role, "Index", i.pos()); expr(null, i.x()); expr("index", i.index()); close();
    } else if (x instanceof Expr.SliceExpr s) {
      open(role, s.slice3() ? "Slice3" : "Slice", s.pos());
      expr(null, s.x()); expr("lo", s.lo()); expr("hi", s.hi()); expr("max", s.max());
      close();
    } else if (x instanceof Expr.TypeAssert t) {
      open(role, t.type() == null ? "TypeAssert (type)" : "TypeAssert", t.pos());
      expr(null, t.x()); expr("type", t.type());
      close();
    } else if (x instanceof Expr.Call c) {
      open(role, "Call" + (c.ellipsis() ? " ..." : "") + " rparen=" + c.rparen(), c.pos());
      expr("fun", c.fun());
      for (Expr a : c.args()) expr(null, a);
      close();
    } else if (x instanceof Expr.Star s) {
      open(role, "Star", s.pos()); expr(null, s.x()); close();
    } else if (x instanceof Expr.Unary u) {
      open(role, "Unary " + u.op().text, u.pos()); expr(null, u.x()); close();
    } else if (x instanceof Expr.Binary b) {
      open(role, "Binary " + b.op().text + " op@" + b.opPos(), b.pos()); expr(null, b.x()); expr(null, b.y()); close();
    } else if (x instanceof Expr.KeyValue kv) {
      open(role, "KeyValue", kv.pos()); expr("key", kv.key()); expr("value", kv.value()); close();
    } else if (x instanceof Expr.ArrayType a) {
      open(role, a.len() == null ? "SliceType" : "ArrayType", a.pos()); expr("len", a.len()); expr("elem", a.elem()); close();
    } else if (x instanceof Expr.MapType m) {
      open(role, "MapType", m.pos()); expr("key", m.key()); expr("value", m.value()); close();
    } else if (x instanceof Expr.ChanType c) {
      open(role, "ChanType " + c.dir(), c.pos()); expr(null, c.elem()); close();
    } else if (x instanceof Expr.FuncType f) {
      open(role, "FuncType", f.pos());
      for (Expr.Field p : f.params()) field("param", p);
      for (Expr.Field r : f.results()) field("result", r);
      close();
    } else if (x instanceof Expr.StructType s) {
      open(role, "StructType", s.pos()); for (Expr.Field f : s.fields()) field(null, f); close();
    } else if (x instanceof Expr.InterfaceType t) {
      open(role, "InterfaceType", t.pos()); for (Expr.Field f : t.methods()) field(null, f); close();
    } else if (x instanceof Expr.Ellipsis e) {
      open(role, "Ellipsis", e.pos()); expr(null, e.elem()); close();
    }
  }

  private void field(String role, Expr.Field f) {
    String names = f.names().isEmpty() ? "" : " " + names(f.names());
    open(role, "Field" + names + (f.tag() == null ? "" : " tag=" + f.tag().text()), f.pos());
    expr(null, f.type());
    close();
  }

  private static String names(List<Expr.Ident> ids) {
    StringBuilder b = new StringBuilder();
    for (Expr.Ident i : ids) b.append(b.length() == 0 ? "" : ", ").append(i.name());
    return b.toString();
  }
}
