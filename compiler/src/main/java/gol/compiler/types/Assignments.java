package gol.compiler.types;

import gol.compiler.ast.Expr;
import gol.compiler.ast.Op;
import gol.compiler.ast.Stmt;
import gol.compiler.types.Operand.M;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Assignments in all their forms (spec "Assignment statements", "Short variable declarations",
 * "Variable declarations", "Return statements"): matching counts (with a multi-valued call or a
 * comma-ok expression on the right), assignability of each value, addressability of each target,
 * {@code :=} with its "at least one new variable" rule, op-assignments and inc/dec.
 */
final class Assignments {
  private final Checker c;

  Assignments(Checker c) { this.c = c; }

  void assign(Stmt.Assign a) {
    if (a.op() == Op.DEFINE) { shortVarDecl(a); return; }
    if (a.op() == Op.ASSIGN) { assignVars(a.lhs(), a.rhs()); return; }
    // x op= y
    if (a.lhs().size() != 1 || a.rhs().size() != 1) {
      c.error(a.opPos(), "assignment operation " + a.op().text + " requires single-valued expressions");
      return;
    }
    Operand x = c.exprs.expr(a.lhs().get(0));
    Operand y = c.exprs.expr(a.rhs().get(0));
    Operand r = c.ops.binary(null, a.op().binaryOfAssign(), x, y, a.opPos());
    if (r.invalid()) return;
    r.expr = a.rhs().get(0);
    assignVar(a.lhs().get(0), r, "assignment");
  }

  void incDec(Stmt.IncDec s) {
    Operand x = c.exprs.expr(s.x());
    if (x.invalid()) return;
    Type.Kind k = Types.kindOf(x.type);
    if (k == null || !k.isNumeric()) {
      c.error(s.x(), "invalid operation: " + ExprString.of(s.x()) + (s.inc() ? "++" : "--") + " (non-numeric type " + x.type + ")");
      return;
    }
    Operand one = new Operand(M.VALUE, x.type, null, s.x());
    assignVar(s.x(), one, "assignment");
  }

  /** lhs... = rhs... */
  private void assignVars(List<Expr> lhs, List<Expr> rhs) {
    if (lhs.size() == 1 && rhs.size() == 1) {
      assignVar(lhs.get(0), unpack(rhs.get(0), 1).get(0), "assignment");
      return;
    }
    if (lhs.size() == rhs.size()) {
      List<Operand> xs = new ArrayList<>();
      for (Expr r : rhs) xs.add(c.exprs.expr(r));
      for (int i = 0; i < lhs.size(); i++) assignVar(lhs.get(i), xs.get(i), "assignment");
      return;
    }
    if (rhs.size() == 1) {
      List<Operand> xs = unpack(rhs.get(0), lhs.size());
      if (xs != null) {
        for (int i = 0; i < lhs.size(); i++) assignVar(lhs.get(i), xs.get(i), "assignment");
        return;
      }
    } else {
      for (Expr r : rhs) c.exprs.expr(r);
    }
    for (Expr l : lhs) lhsOnly(l);
    assignError(rhs, lhs.size(), rhs.size());
  }

  private void lhsOnly(Expr l) {
    if (l instanceof Expr.Ident id && id.name().equals("_")) return;
    c.exprs.expr(l);
  }

  /**
   * Evaluates a single right-hand side for n targets: a call returning n values, or (n == 2) a
   * comma-ok expression. Returns the n operands, or null after an error was reported.
   */
  private List<Operand> unpack(Expr rhs, int n) {
    Operand x = c.exprs.multi(rhs);
    if (x.invalid()) return invalidList(rhs, n);
    List<Operand> out = new ArrayList<>();
    if (x.type instanceof Type.Tuple t) {
      if (t.types.size() == n) {
        for (Type ti : t.types) out.add(new Operand(M.VALUE, ti, null, rhs));
        return out;
      }
      assignError(List.of(rhs), n, t.types.size());
      return invalidList(rhs, n);
    }
    if (n == 1) {
      out.add(x);
      return out;
    }
    if (n == 2 && (x.mode == M.COMMAOK || x.mode == M.MAPINDEX)) {
      if (x.untyped()) c.rel.assignment(x, null, "assignment");
      c.exprs.recordCommaOk(x);
      Operand v = new Operand(M.VALUE, x.type, null, rhs);
      out.add(v);
      out.add(new Operand(M.VALUE, Types.UNTYPED_BOOL, null, rhs));
      return out;
    }
    assignError(List.of(rhs), n, 1);
    return invalidList(rhs, n);
  }

  private static List<Operand> invalidList(Expr rhs, int n) {
    List<Operand> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(Operand.invalid(rhs));
    return out;
  }

  void assignError(List<Expr> rhs, int nvars, int nvals) {
    String vars = nvars + (nvars == 1 ? " variable" : " variables");
    String vals = nvals + (nvals == 1 ? " value" : " values");
    Expr r0 = rhs.get(0);
    if (rhs.size() == 1 && Expr.unparen(r0) instanceof Expr.Call call) {
      c.error(r0, "assignment mismatch: " + vars + " but " + ExprString.of(call.fun()) + " returns " + vals);
      return;
    }
    c.error(r0, "assignment mismatch: " + vars + " but " + vals);
  }

  /**
   * Assigns x to the target lhs: the blank identifier, a variable, a map element, a field or an
   * element. Assigning to a variable does not count as using it.
   */
  void assignVar(Expr lhs, Operand x, String context) {
    if (lhs instanceof Expr.Ident id && id.name().equals("_")) {
      c.info.defs.put(id, null);
      if (x.invalid()) return;
      c.rel.assignment(x, null, context);
      return;
    }
    Symbol.Var v = null;
    boolean wasUsed = false;
    if (Expr.unparen(lhs) instanceof Expr.Ident id && c.lookup(id.name()) instanceof Symbol.Var var) {
      v = var;
      wasUsed = var.used;
    }
    Operand z = c.exprs.expr(lhs);
    if (v != null) v.used = wasUsed;
    if (z.invalid()) return;
    if (x.invalid()) {
      // like Go's useLHS: after an error on the right, the target counts as used
      if (v != null) v.used = true;
      return;
    }
    if (z.mode != M.VARIABLE && z.mode != M.MAPINDEX) {
      if (Expr.unparen(lhs) instanceof Expr.Selector sel && Expr.unparen(sel.x()) instanceof Expr.Index ix
          && c.info.typeOf(ix.x()) != null && c.info.typeOf(ix.x()).underlying() instanceof Type.Map) {
        c.error(lhs, "cannot assign to struct field " + ExprString.of(lhs) + " in map");
      } else {
        c.error(lhs, "cannot assign to " + z);
      }
      return;
    }
    c.rel.assignment(x, z.type, context);
    if (x.invalid() && v != null) v.used = true; // Go does not also report the target as unused
  }

  /** x, y := values */
  private void shortVarDecl(Stmt.Assign a) {
    List<Symbol.Var> vars = new ArrayList<>();
    List<Expr.Ident> newIds = new ArrayList<>();
    List<Symbol.Var> newVars = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean anyNew = false, bad = false;
    List<Expr> targets = new ArrayList<>();
    for (Expr l : a.lhs()) {
      if (!(l instanceof Expr.Ident id)) {
        c.exprs.expr(l);
        c.error(l, "non-name " + ExprString.of(l) + " on left side of :=");
        bad = true;
        vars.add(null);
        targets.add(l);
        continue;
      }
      if (!id.name().equals("_") && !seen.add(id.name())) {
        c.error(id, id.name() + " repeated on left side of :=");
        bad = true;
        vars.add(null);
        targets.add(l);
        continue;
      }
      Symbol old = id.name().equals("_") ? null : c.scope.lookupLocal(id.name());
      if (old instanceof Symbol.Var ov) {
        c.info.uses.put(id, ov);
        vars.add(null);
        targets.add(l);
        continue;
      }
      Symbol.Var v = new Symbol.Var(id.name(), id.pos(), null, Symbol.Var.Kind.LOCAL, c.fn == null ? null : c.fn.node, false);
      if (!id.name().equals("_")) { anyNew = true; newIds.add(id); newVars.add(v); }
      vars.add(v);
      targets.add(l);
    }
    // the right-hand sides are checked before the new variables come into scope
    int before = c.diags.sorted().size();
    List<Operand> xs = values(a.rhs(), a.lhs().size());
    if (c.diags.sorted().size() > before && xs.stream().allMatch(Operand::invalid)) {
      // a count mismatch: like Go, do not also report the variables on the left as unused
      for (Symbol.Var v : vars) if (v != null) v.used = true;
      for (Expr l : targets) if (l instanceof Expr.Ident id && c.scope.lookupLocal(id.name()) instanceof Symbol.Var ov) ov.used = true;
    }
    for (int i = 0; i < vars.size(); i++) {
      Operand x = xs.get(i);
      Symbol.Var v = vars.get(i);
      if (v == null) {
        Expr l = targets.get(i);
        if (l instanceof Expr.Ident id && c.info.uses.get(id) instanceof Symbol.Var) assignVar(l, x, "assignment");
        continue;
      }
      if (x.invalid()) { v.type = Types.INVALID; continue; }
      c.rel.assignment(x, null, "assignment");
      v.type = x.invalid() ? Types.INVALID : x.type;
      if (v.name.equals("_")) c.info.defs.put((Expr.Ident) targets.get(i), null);
    }
    for (int i = 0; i < newVars.size(); i++) c.declareLocal(newIds.get(i), newVars.get(i));
    if (!anyNew && !bad) c.error(a.opPos(), "no new variables on left side of :=");
  }

  /** The n operands of a right-hand side list (reports count mismatches; never returns fewer than n). */
  private List<Operand> values(List<Expr> rhs, int n) {
    if (n == 1 && rhs.size() == 1) return unpack(rhs.get(0), 1);
    if (rhs.size() == n) {
      List<Operand> xs = new ArrayList<>();
      for (Expr r : rhs) xs.add(c.exprs.expr(r));
      return xs;
    }
    if (rhs.size() == 1) return unpack(rhs.get(0), n);
    for (Expr r : rhs) c.exprs.expr(r);
    assignError(rhs, n, rhs.size());
    return invalidList(rhs.isEmpty() ? null : rhs.get(0), n);
  }

  /** var x, y [T] = values (vars already have type T if given). */
  void initVars(List<Symbol.Var> vars, List<Expr> values, Type typ) {
    if (values.isEmpty()) {
      if (typ == null) for (Symbol.Var v : vars) v.type = Types.INVALID;
      return;
    }
    List<Operand> xs;
    if (values.size() == vars.size()) {
      xs = new ArrayList<>();
      for (Expr e : values) xs.add(c.exprs.exprWithHint(e, null));
    } else if (values.size() == 1) {
      xs = unpack(values.get(0), vars.size());
    } else {
      // Go checks the arity of a declaration before its values
      for (Expr e : values) c.exprs.expr(e);
      if (values.size() > vars.size()) c.error(values.get(vars.size()), "extra init expr " + ExprString.of(values.get(vars.size())));
      else c.error(vars.get(values.size()).pos, "missing init expr for " + vars.get(values.size()).name);
      for (Symbol.Var v : vars) if (v.type == null) v.type = Types.INVALID;
      return;
    }
    for (int i = 0; i < vars.size(); i++) {
      Symbol.Var v = vars.get(i);
      Operand x = xs.get(i);
      if (x.invalid()) { if (v.type == null) v.type = Types.INVALID; continue; }
      c.rel.assignment(x, typ, "variable declaration");
      if (typ == null) v.type = x.invalid() ? Types.INVALID : x.type;
    }
  }

  void returnStmt(Stmt.Return r) {
    Type.Signature sig = c.fn.sig;
    List<Symbol.Var> want = sig.results;
    if (r.results().isEmpty()) {
      if (!want.isEmpty() && want.get(0).name.isEmpty()) {
        c.error(r, "not enough return values\n\thave ()\n\twant " + Calls.summary(types(want), false));
      }
      if (!want.isEmpty() && !want.get(0).name.isEmpty()) {
        // a naked return: the named results must not be shadowed at this point
        for (Symbol.Var res : want) {
          Symbol s = c.lookup(res.name);
          if (s != res && !res.name.equals("_") && s != null) {
            c.error(r, "result parameter " + res.name + " not in scope at return\n\t" + c.diags.file() + ":" + s.pos.line()
                + ":" + s.pos.col() + ": inner declaration of var " + res.name + " " + s.type);
          }
        }
      }
      return;
    }
    if (want.isEmpty()) {
      for (Expr e : r.results()) c.exprs.multi(e);
      c.error(r.results().get(0), "too many return values\n\thave " + Calls.summary(haveTypes(r.results()), false) + "\n\twant ()");
      return;
    }
    List<Operand> xs;
    if (r.results().size() == 1 && want.size() > 1) {
      Operand x = c.exprs.multi(r.results().get(0));
      if (x.invalid()) return;
      if (x.type instanceof Type.Tuple t && t.types.size() == want.size()) {
        xs = new ArrayList<>();
        for (Type ti : t.types) xs.add(new Operand(M.VALUE, ti, null, r.results().get(0)));
      } else {
        List<Type> have = x.type instanceof Type.Tuple t ? t.types : List.of(x.type);
        String q = have.size() > want.size() ? "too many" : "not enough";
        c.error(r.results().get(0), q + " return values\n\thave " + Calls.summary(have, false) + "\n\twant " + Calls.summary(types(want), false));
        return;
      }
    } else {
      xs = new ArrayList<>();
      for (Expr e : r.results()) xs.add(c.exprs.expr(e));
      if (xs.size() != want.size()) {
        for (Operand x : xs) if (x.invalid()) return;
        boolean many = xs.size() > want.size();
        Expr at = many ? r.results().get(want.size()) : r.results().get(r.results().size() - 1);
        List<Type> have = new ArrayList<>();
        for (Operand x : xs) have.add(x.type);
        c.error(at, (many ? "too many" : "not enough") + " return values\n\thave " + Calls.summary(have, false)
            + "\n\twant " + Calls.summary(types(want), false));
        return;
      }
    }
    for (int i = 0; i < xs.size(); i++) {
      if (xs.get(i).invalid()) continue;
      c.rel.assignment(xs.get(i), want.get(i).type, "return statement");
    }
  }

  private List<Type> haveTypes(List<Expr> es) {
    List<Type> out = new ArrayList<>();
    for (Expr e : es) {
      Type t = c.info.typeOf(e);
      if (t instanceof Type.Tuple tt) out.addAll(tt.types); else out.add(t);
    }
    return out;
  }

  private static List<Type> types(List<Symbol.Var> vs) {
    List<Type> out = new ArrayList<>();
    for (Symbol.Var v : vs) out.add(v.type);
    return out;
  }
}
