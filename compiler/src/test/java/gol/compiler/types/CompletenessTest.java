package gol.compiler.types;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gol.compiler.Diagnostics;
import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import gol.compiler.ast.Op;
import gol.compiler.ast.Stmt;
import gol.compiler.syntax.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks TypeInfo's guarantees on every valid program: each expression evaluated at run time has a
 * recorded type (never invalid, never a leftover untyped kind except where Go keeps one), each
 * identifier that denotes something is in defs or uses, and every function literal has captures.
 */
class CompletenessTest {

  @TestFactory
  Stream<DynamicTest> everyEvaluatedExpressionIsRecorded() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path r : ValidProgramsTest.roots()) {
      try (Stream<Path> s = Files.walk(r)) {
        s.filter(p -> p.toString().endsWith(".go") || p.toString().endsWith(".gol")).sorted().forEach(files::add);
      }
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private static void check(Path f) throws IOException {
    Diagnostics d = new Diagnostics(f.getFileName().toString());
    Decl.File file = Parser.parse(f.toString(), Files.readString(f), d);
    TypeInfo info = Checker.check(file, d);
    if (d.hasErrors()) fail(d.render().toString());
    Walker w = new Walker(info);
    for (Decl decl : file.decls()) w.decl(decl);
    if (!w.problems.isEmpty()) fail(f.getFileName() + ":\n  " + String.join("\n  ", w.problems));
    assertTrue(w.checked > 0);
  }

  /** Visits value positions only (type expressions, field names and defining names are skipped). */
  private static final class Walker {
    final TypeInfo info;
    final List<String> problems = new ArrayList<>();
    int checked;

    Walker(TypeInfo info) { this.info = info; }

    void decl(Decl d) {
      if (d instanceof Decl.Func f) { if (f.body() != null) block(f.body()); return; }
      Decl.Gen g = (Decl.Gen) d;
      if (g.kind() == Decl.GenKind.TYPE) return;
      for (Decl.Spec s : g.specs()) {
        Decl.ValueSpec vs = (Decl.ValueSpec) s;
        for (Expr.Ident n : vs.names()) if (!n.name().equals("_") && info.defs.get(n) == null) problems.add(n.pos() + " no def for " + n.name());
        if (g.kind() == Decl.GenKind.VAR) for (Expr v : vs.values()) value(v);
      }
    }

    void block(Stmt.Block b) { for (Stmt s : b.stmts()) stmt(s); }

    void stmt(Stmt s) {
      if (s == null) return;
      if (s instanceof Stmt.Block b) block(b);
      else if (s instanceof Stmt.ExprStmt e) value(e.x());
      else if (s instanceof Stmt.Send x) { value(x.ch()); value(x.value()); }
      else if (s instanceof Stmt.IncDec x) value(x.x());
      else if (s instanceof Stmt.Assign a) {
        for (Expr l : a.lhs()) {
          if (l instanceof Expr.Ident id && (id.name().equals("_") || a.op() == Op.DEFINE)) continue;
          value(l);
        }
        for (Expr r : a.rhs()) value(r);
      } else if (s instanceof Stmt.Go g) value(g.call());
      else if (s instanceof Stmt.Defer g) value(g.call());
      else if (s instanceof Stmt.Return r) { for (Expr e : r.results()) value(e); }
      else if (s instanceof Stmt.If i) { stmt(i.init()); value(i.cond()); block(i.then()); stmt(i.els()); }
      else if (s instanceof Stmt.Switch sw) {
        stmt(sw.init());
        if (sw.tag() != null) value(sw.tag());
        for (Stmt.CaseClause cc : sw.clauses()) {
          if (cc.list() != null) for (Expr e : cc.list()) value(e);
          for (Stmt b : cc.body()) stmt(b);
        }
      } else if (s instanceof Stmt.TypeSwitch ts) {
        stmt(ts.init());
        value(ts.x());
        for (Stmt.CaseClause cc : ts.clauses()) {
          if (ts.binding() != null && info.implicits.get(cc) == null) problems.add(cc.pos() + " no implicit variable");
          for (Stmt b : cc.body()) stmt(b);
        }
      } else if (s instanceof Stmt.Select sel) {
        for (Stmt.CommClause cc : sel.clauses()) { stmt(cc.comm()); for (Stmt b : cc.body()) stmt(b); }
      } else if (s instanceof Stmt.For f) { stmt(f.init()); if (f.cond() != null) value(f.cond()); stmt(f.post()); block(f.body()); }
      else if (s instanceof Stmt.Range r) {
        value(r.x());
        if (!r.define()) { for (Expr e : new Expr[] {r.key(), r.value()}) if (e != null && !(e instanceof Expr.Ident id && id.name().equals("_"))) value(e); }
        block(r.body());
      } else if (s instanceof Stmt.Labeled l) stmt(l.stmt());
      else if (s instanceof Stmt.DeclStmt d) decl(d.decl());
    }

    void value(Expr e) {
      TypeInfo.TypeAndValue tv = info.types.get(e);
      checked++;
      if (tv == null) { problems.add(e.pos() + " not recorded: " + ExprString.of(e)); return; }
      if (tv.type() == null || tv.type() == Types.INVALID) problems.add(e.pos() + " invalid type: " + ExprString.of(e));
      if (tv.mode() == TypeInfo.Mode.CONSTANT && tv.value() == null) problems.add(e.pos() + " constant without value: " + ExprString.of(e));
      if (tv.mode() == TypeInfo.Mode.CONSTANT || tv.mode() == TypeInfo.Mode.TYPE) return; // folded, or a type
      if (e instanceof Expr.Ident id && !id.name().equals("_") && info.uses.get(id) == null) problems.add(e.pos() + " no use recorded for " + id.name());
      if (e instanceof Expr.Paren p) value(p.x());
      else if (e instanceof Expr.FuncLit fl) {
        if (info.captures.get(fl) == null) problems.add(e.pos() + " no captures list");
        block(fl.body());
      } else if (e instanceof Expr.CompositeLit cl) {
        for (Expr.Element el : cl.elems()) {
          Type t = tv.type().underlying() instanceof Type.Pointer p ? p.elem.underlying() : tv.type().underlying();
          if (el.key() != null && !(t instanceof Type.Struct)) value(el.key());
          value(el.value());
        }
      } else if (e instanceof Expr.Selector s) {
        if (!(s.x() instanceof Expr.Ident id && info.uses.get(id) instanceof Symbol.PkgName)) {
          TypeInfo.TypeAndValue xt = info.types.get(s.x());
          if (xt == null || xt.mode() != TypeInfo.Mode.TYPE) value(s.x());
          if (info.selections.get(s) == null) problems.add(e.pos() + " no selection for " + ExprString.of(s));
        }
        if (info.uses.get(s.sel()) == null) problems.add(e.pos() + " no use for selector " + s.sel().name());
      } else if (e instanceof Expr.Index ix) { value(ix.x()); value(ix.index()); }
      else if (e instanceof Expr.SliceExpr sl) { value(sl.x()); for (Expr b : new Expr[] {sl.lo(), sl.hi(), sl.max()}) if (b != null) value(b); }
      else if (e instanceof Expr.TypeAssert ta) value(ta.x());
      else if (e instanceof Expr.Call c) {
        TypeInfo.TypeAndValue ft = info.types.get(c.fun());
        if (ft == null) { problems.add(e.pos() + " call target not recorded: " + ExprString.of(c.fun())); return; }
        if (ft.mode() != TypeInfo.Mode.TYPE && ft.mode() != TypeInfo.Mode.BUILTIN) value(c.fun());
        boolean typeArg = ft.mode() == TypeInfo.Mode.BUILTIN && c.fun() instanceof Expr.Ident id && (id.name().equals("make") || id.name().equals("new"));
        for (int i = 0; i < c.args().size(); i++) {
          if (i == 0 && typeArg) continue;
          value(c.args().get(i));
        }
      } else if (e instanceof Expr.Star s) value(s.x());
      else if (e instanceof Expr.Unary u) value(u.x());
      else if (e instanceof Expr.Binary b) {
        value(b.x());
        value(b.y());
        if (b.op().prec != 3 && b.op() != Op.SHL && b.op() != Op.SHR && Types.isUntyped(tv.type()) && tv.type() != Types.UNTYPED_BOOL) {
          problems.add(e.pos() + " untyped non-constant operation " + ExprString.of(e) + " : " + tv.type());
        }
      }
    }
  }
}
