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
  // Labels

  /** Checks all labels of a function body (labels of nested function literals are theirs). */
  static void checkLabels(Checker c, Stmt.Block body) {
    Map<String, Stmt.Labeled> labels = new LinkedHashMap<>();
    collect(c, body.stmts(), labels);
    Map<String, Boolean> used = new HashMap<>();
    uses(c, body.stmts(), new ArrayList<>(), labels, used);
    for (Map.Entry<String, Stmt.Labeled> e : labels.entrySet()) {
      if (!used.containsKey(e.getKey()) && !e.getKey().equals("_")) {
        c.error(e.getValue().label(), "label " + e.getKey() + " defined and not used");
      }
    }
  }

  private static void collect(Checker c, List<Stmt> list, Map<String, Stmt.Labeled> labels) {
    for (Stmt s : list) collect(c, s, labels);
  }

  private static void collect(Checker c, Stmt s, Map<String, Stmt.Labeled> labels) {
    if (s == null) return;
    if (s instanceof Stmt.Labeled l) {
      Stmt.Labeled old = labels.putIfAbsent(l.label().name(), l);
      if (old != null) c.error(l.label(), "label " + l.label().name() + " already defined at " + old.label().pos());
      collect(c, l.stmt(), labels);
    } else if (s instanceof Stmt.Block b) collect(c, b.stmts(), labels);
    else if (s instanceof Stmt.If i) { collect(c, i.then(), labels); collect(c, i.els(), labels); }
    else if (s instanceof Stmt.For f) collect(c, f.body(), labels);
    else if (s instanceof Stmt.Range r) collect(c, r.body(), labels);
    else if (s instanceof Stmt.Switch sw) { for (Stmt.CaseClause cc : sw.clauses()) collect(c, cc.body(), labels); }
    else if (s instanceof Stmt.TypeSwitch ts) { for (Stmt.CaseClause cc : ts.clauses()) collect(c, cc.body(), labels); }
    else if (s instanceof Stmt.Select sel) { for (Stmt.CommClause cc : sel.clauses()) collect(c, cc.body(), labels); }
  }

  /** Resolves branch labels; enclosing holds the labeled statements around s, innermost last. */
  private static void uses(Checker c, List<Stmt> list, List<Stmt.Labeled> enclosing, Map<String, Stmt.Labeled> labels,
      Map<String, Boolean> used) {
    for (Stmt s : list) uses(c, s, enclosing, labels, used);
  }

  private static void uses(Checker c, Stmt s, List<Stmt.Labeled> enclosing, Map<String, Stmt.Labeled> labels,
      Map<String, Boolean> used) {
    if (s == null) return;
    if (s instanceof Stmt.Branch br && br.label() != null) {
      String name = br.label().name();
      Stmt.Labeled target = labels.get(name);
      if (target == null) {
        c.error(br.label(), "label " + name + " not defined");
        return;
      }
      used.put(name, true);
      switch (br.kind()) {
        case BREAK -> {
          Stmt t = target.stmt();
          boolean ok = enclosing.contains(target) && (t instanceof Stmt.For || t instanceof Stmt.Range
              || t instanceof Stmt.Switch || t instanceof Stmt.TypeSwitch || t instanceof Stmt.Select);
          if (!ok) c.error(br.label(), "invalid break label " + name);
        }
        case CONTINUE -> {
          Stmt t = target.stmt();
          boolean ok = enclosing.contains(target) && (t instanceof Stmt.For || t instanceof Stmt.Range);
          if (!ok) c.error(br.label(), "invalid continue label " + name);
        }
        default -> { }
      }
      return;
    }
    if (s instanceof Stmt.Labeled l) {
      enclosing.add(l);
      uses(c, l.stmt(), enclosing, labels, used);
      enclosing.remove(enclosing.size() - 1);
    } else if (s instanceof Stmt.Block b) uses(c, b.stmts(), enclosing, labels, used);
    else if (s instanceof Stmt.If i) { uses(c, i.then(), enclosing, labels, used); uses(c, i.els(), enclosing, labels, used); }
    else if (s instanceof Stmt.For f) uses(c, f.body(), enclosing, labels, used);
    else if (s instanceof Stmt.Range r) uses(c, r.body(), enclosing, labels, used);
    else if (s instanceof Stmt.Switch sw) { for (Stmt.CaseClause cc : sw.clauses()) uses(c, cc.body(), enclosing, labels, used); }
    else if (s instanceof Stmt.TypeSwitch ts) { for (Stmt.CaseClause cc : ts.clauses()) uses(c, cc.body(), enclosing, labels, used); }
    else if (s instanceof Stmt.Select sel) { for (Stmt.CommClause cc : sel.clauses()) uses(c, cc.body(), enclosing, labels, used); }
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
