package gol.compiler.codegen;

import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import gol.compiler.ast.Expr.*;
import gol.compiler.ast.Stmt;
import gol.compiler.ast.Stmt.*;

/**
 * A read-only traversal of one function body: visits every statement and expression in source
 * order. Function literals are reported to {@link #funcLit} and not entered unless the subclass
 * calls {@link #walkBody} itself, so an analysis sees exactly one function's own code.
 */
abstract class Walker {
  protected void expr(Expr e) { walkExpr(e); }

  protected void stmt(Stmt s) { walkStmt(s); }

  /** Called for each function literal met; by default does not enter it. */
  protected void funcLit(FuncLit f) {}

  protected final void walkBody(Block b) {
    if (b != null) stmt(b);
  }

  protected final void exprs(java.util.List<Expr> es) {
    for (Expr e : es) if (e != null) expr(e);
  }

  protected final void walkExpr(Expr e) {
    if (e == null) return;
    if (e instanceof FuncLit f) { funcLit(f); return; }
    if (e instanceof CompositeLit c) {
      for (Element el : c.elems()) { if (el.key() != null && !(el.key() instanceof Ident)) expr(el.key()); expr(el.value()); }
    } else if (e instanceof Paren p) expr(p.x());
    else if (e instanceof Selector s) expr(s.x());
    else if (e instanceof Index i) { expr(i.x()); expr(i.index()); }
    else if (e instanceof SliceExpr s) { expr(s.x()); if (s.lo() != null) expr(s.lo()); if (s.hi() != null) expr(s.hi()); if (s.max() != null) expr(s.max()); }
    else if (e instanceof TypeAssert t) expr(t.x());
    else if (e instanceof Call c) { expr(c.fun()); exprs(c.args()); }
    else if (e instanceof Star s) expr(s.x());
    else if (e instanceof Unary u) expr(u.x());
    else if (e instanceof Binary b) { expr(b.x()); expr(b.y()); }
    else if (e instanceof KeyValue kv) { expr(kv.key()); expr(kv.value()); }
  }

  protected final void walkStmt(Stmt s) {
    if (s == null) return;
    if (s instanceof Block b) { for (Stmt x : b.stmts()) stmt(x); }
    else if (s instanceof ExprStmt es) expr(es.x());
    else if (s instanceof Send sd) { expr(sd.ch()); expr(sd.value()); }
    else if (s instanceof IncDec id) expr(id.x());
    else if (s instanceof Assign a) { exprs(a.lhs()); exprs(a.rhs()); }
    else if (s instanceof Go g) expr(g.call());
    else if (s instanceof Defer d) expr(d.call());
    else if (s instanceof Return r) exprs(r.results());
    else if (s instanceof If i) { stmt(i.init()); expr(i.cond()); stmt(i.then()); stmt(i.els()); }
    else if (s instanceof Switch sw) {
      stmt(sw.init()); expr(sw.tag());
      for (CaseClause c : sw.clauses()) { if (c.list() != null) exprs(c.list()); for (Stmt x : c.body()) stmt(x); }
    } else if (s instanceof TypeSwitch ts) {
      stmt(ts.init()); expr(ts.x());
      for (CaseClause c : ts.clauses()) for (Stmt x : c.body()) stmt(x);
    } else if (s instanceof Select sel) {
      for (CommClause c : sel.clauses()) { stmt(c.comm()); for (Stmt x : c.body()) stmt(x); }
    } else if (s instanceof For f) { stmt(f.init()); expr(f.cond()); stmt(f.post()); stmt(f.body()); }
    else if (s instanceof Range r) { expr(r.key()); expr(r.value()); expr(r.x()); stmt(r.body()); }
    else if (s instanceof Labeled l) stmt(l.stmt());
    else if (s instanceof DeclStmt d) {
      for (Decl.Spec sp : d.decl().specs()) if (sp instanceof Decl.ValueSpec vs) exprs(vs.values());
    }
  }
}
