package gol.compiler.types;

import gol.compiler.ast.Expr;
import gol.compiler.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Control flow facts of a function body: labels (spec "Label scopes": defined once per function,
 * each used, break/continue/goto targets valid) and terminating statements (spec "Terminating
 * statements", which decide "missing return").
 */
final class Flow {
  private Flow() {}

  // ---------------------------------------------------------------------------------------------
  // Labels (Go checks these as cmd/compile's syntax/branches.go does)

  /** One statement list on the path from the function body to a statement: the list and the index in it. */
  private record Frame(List<Stmt> list, int index, gol.compiler.ast.Pos blockStart) {}

  /** Where a label or goto sits: the frames from the body down to its statement. */
  private record Site(List<Frame> path, Stmt.Labeled labeled, Stmt.Branch go) {}

  private static final class LabelWalk {
    final Checker c;
    final Map<String, Site> labels = new LinkedHashMap<>();
    final Map<String, Boolean> used = new HashMap<>();
    final List<Site> gotos = new ArrayList<>();
    final List<Frame> path = new ArrayList<>();
    final List<Stmt.Labeled> enclosing = new ArrayList<>();
    LabelWalk(Checker c) { this.c = c; }
  }

  /** Checks all labels of a function body (labels of nested function literals are theirs). */
  static void checkLabels(Checker c, Stmt.Block body) {
    LabelWalk w = new LabelWalk(c);
    list(w, body.stmts(), body.pos());
    for (Site g : w.gotos) resolveGoto(w, g);
    for (Map.Entry<String, Site> e : w.labels.entrySet()) {
      if (!w.used.containsKey(e.getKey()) && !e.getKey().equals("_")) {
        c.error(e.getValue().labeled().label(), "label " + e.getKey() + " defined and not used");
      }
    }
  }

  private static void list(LabelWalk w, List<Stmt> stmts, gol.compiler.ast.Pos start) {
    for (int i = 0; i < stmts.size(); i++) {
      w.path.add(new Frame(stmts, i, start));
      stmt(w, stmts.get(i));
      w.path.remove(w.path.size() - 1);
    }
  }

  private static void stmt(LabelWalk w, Stmt s) {
    if (s == null) return;
    if (s instanceof Stmt.Labeled l) {
      String name = l.label().name();
      Site old = w.labels.get(name);
      if (old != null) {
        w.c.error(l.label(), "label " + name + " already defined at " + w.c.at(old.labeled().label().pos()));
      } else {
        w.labels.put(name, new Site(List.copyOf(w.path), l, null));
      }
      w.enclosing.add(l);
      stmt(w, l.stmt());
      w.enclosing.remove(w.enclosing.size() - 1);
      return;
    }
    if (s instanceof Stmt.Branch br && br.label() != null) {
      branch(w, br);
      return;
    }
    if (s instanceof Stmt.Block b) list(w, b.stmts(), b.pos());
    else if (s instanceof Stmt.If i) { stmt(w, i.then()); stmt(w, i.els()); }
    else if (s instanceof Stmt.For f) stmt(w, f.body());
    else if (s instanceof Stmt.Range r) stmt(w, r.body());
    else if (s instanceof Stmt.Switch sw) { for (Stmt.CaseClause cc : sw.clauses()) list(w, cc.body(), cc.pos()); }
    else if (s instanceof Stmt.TypeSwitch ts) { for (Stmt.CaseClause cc : ts.clauses()) list(w, cc.body(), cc.pos()); }
    else if (s instanceof Stmt.Select sel) { for (Stmt.CommClause cc : sel.clauses()) list(w, cc.body(), cc.pos()); }
  }

  private static void branch(LabelWalk w, Stmt.Branch br) {
    String name = br.label().name();
    switch (br.kind()) {
      case BREAK, CONTINUE -> {
        boolean isBreak = br.kind() == Stmt.BranchKind.BREAK;
        Stmt.Labeled target = null;
        for (int i = w.enclosing.size() - 1; i >= 0; i--) {
          if (w.enclosing.get(i).label().name().equals(name)) { target = w.enclosing.get(i); break; }
        }
        if (target == null) {
          w.c.error(br.label(), (isBreak ? "break" : "continue") + " label not defined: " + name);
          return;
        }
        w.used.put(name, true);
        Stmt t = target.stmt();
        boolean ok = isBreak
            ? t instanceof Stmt.For || t instanceof Stmt.Range || t instanceof Stmt.Switch || t instanceof Stmt.TypeSwitch || t instanceof Stmt.Select
            : t instanceof Stmt.For || t instanceof Stmt.Range;
        if (!ok) w.c.error(br.label(), "invalid " + (isBreak ? "break" : "continue") + " label " + name);
      }
      case GOTO -> w.gotos.add(new Site(List.copyOf(w.path), null, br));
      default -> { }
    }
  }

  /** A goto may not jump into a block, nor forward over a variable declaration of its block. */
  private static void resolveGoto(LabelWalk w, Site g) {
    String name = g.go().label().name();
    Site l = w.labels.get(name);
    if (l == null) {
      w.c.error(g.go().label(), "label " + name + " not defined");
      return;
    }
    w.used.put(name, true);
    // the label's statement list must be on the goto's path
    Frame lf = l.path().get(l.path().size() - 1);
    Frame gf = null;
    for (Frame f : g.path()) if (f.list() == lf.list()) gf = f;
    if (gf == null) {
      w.c.error(g.go().label(), "goto " + name + " jumps into block starting at " + w.c.at(lf.blockStart()));
      return;
    }
    for (int i = gf.index() + 1; i < lf.index(); i++) {
      gol.compiler.ast.Pos decl = varDecl(lf.list().get(i));
      String var = varName(lf.list().get(i));
      if (decl != null) {
        w.c.error(g.go().label(), "goto " + name + " jumps over declaration of " + var + " at " + w.c.at(decl));
        return;
      }
    }
  }

  /** The position Go cites for a variable declaration statement (:= operator or first name), or null. */
  private static gol.compiler.ast.Pos varDecl(Stmt s) {
    if (s instanceof Stmt.Assign a && a.op() == gol.compiler.ast.Op.DEFINE) return a.opPos();
    if (s instanceof Stmt.DeclStmt d && d.decl().kind() == gol.compiler.ast.Decl.GenKind.VAR) {
      return ((gol.compiler.ast.Decl.ValueSpec) d.decl().specs().get(0)).names().get(0).pos();
    }
    return null;
  }

  private static String varName(Stmt s) {
    if (s instanceof Stmt.Assign a && a.lhs().get(0) instanceof Expr.Ident id) return id.name();
    if (s instanceof Stmt.DeclStmt d) return ((gol.compiler.ast.Decl.ValueSpec) d.decl().specs().get(0)).names().get(0).name();
    return "?";
  }

  // ---------------------------------------------------------------------------------------------
  // Terminating statements

  /** True if the statement list ends in a terminating statement (trailing empty statements ignored). */
  static boolean isTerminatingList(List<Stmt> list) {
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i) instanceof Stmt.Empty) continue;
      return isTerminating(list.get(i), null);
    }
    return false;
  }

  static boolean isTerminating(Stmt s, String label) {
    if (s instanceof Stmt.Return) return true;
    if (s instanceof Stmt.Branch b) return b.kind() == Stmt.BranchKind.GOTO || b.kind() == Stmt.BranchKind.FALLTHROUGH;
    if (s instanceof Stmt.ExprStmt es) {
      return Expr.unparen(es.x()) instanceof Expr.Call call && Expr.unparen(call.fun()) instanceof Expr.Ident id
          && id.name().equals("panic");
    }
    if (s instanceof Stmt.Block b) return isTerminatingList(b.stmts());
    if (s instanceof Stmt.If i) return i.els() != null && isTerminating(i.then(), null) && isTerminating(i.els(), null);
    if (s instanceof Stmt.Labeled l) return isTerminating(l.stmt(), l.label().name());
    if (s instanceof Stmt.For f) return f.cond() == null && !hasBreak(f.body(), label, true);
    if (s instanceof Stmt.Range) return false;
    if (s instanceof Stmt.Switch sw) return clausesTerminate(sw.clauses(), label);
    if (s instanceof Stmt.TypeSwitch ts) return clausesTerminate(ts.clauses(), label);
    if (s instanceof Stmt.Select sel) {
      for (Stmt.CommClause cc : sel.clauses()) {
        if (!isTerminatingList(cc.body()) || hasBreakList(cc.body(), label, true)) return false;
      }
      return true;
    }
    return false;
  }

  private static boolean clausesTerminate(List<Stmt.CaseClause> clauses, String label) {
    boolean hasDefault = false;
    for (Stmt.CaseClause cc : clauses) {
      if (cc.list() == null) hasDefault = true;
      if (!isTerminatingList(cc.body()) || hasBreakList(cc.body(), label, true)) return false;
    }
    return hasDefault;
  }

  private static boolean hasBreakList(List<Stmt> list, String label, boolean implicit) {
    for (Stmt s : list) if (hasBreak(s, label, implicit)) return true;
    return false;
  }

  /**
   * True if s contains a break that targets the statement being examined: an unlabeled break not
   * nested in another breakable statement (implicit), or a break with that statement's label.
   */
  private static boolean hasBreak(Stmt s, String label, boolean implicit) {
    if (s == null) return false;
    if (s instanceof Stmt.Branch b) {
      if (b.kind() != Stmt.BranchKind.BREAK) return false;
      return b.label() == null ? implicit : b.label().name().equals(label);
    }
    if (s instanceof Stmt.Block b) return hasBreakList(b.stmts(), label, implicit);
    if (s instanceof Stmt.If i) return hasBreak(i.then(), label, implicit) || hasBreak(i.els(), label, implicit);
    if (s instanceof Stmt.Labeled l) return hasBreak(l.stmt(), label, implicit);
    if (label == null) {
      // nested breakable statements capture unlabeled breaks; without a label nothing else can target us
      return false;
    }
    if (s instanceof Stmt.For f) return hasBreak(f.body(), label, false);
    if (s instanceof Stmt.Range r) return hasBreak(r.body(), label, false);
    if (s instanceof Stmt.Switch sw) { for (Stmt.CaseClause cc : sw.clauses()) if (hasBreakList(cc.body(), label, false)) return true; }
    if (s instanceof Stmt.TypeSwitch ts) { for (Stmt.CaseClause cc : ts.clauses()) if (hasBreakList(cc.body(), label, false)) return true; }
    if (s instanceof Stmt.Select sel) { for (Stmt.CommClause cc : sel.clauses()) if (hasBreakList(cc.body(), label, false)) return true; }
    return false;
  }
}
