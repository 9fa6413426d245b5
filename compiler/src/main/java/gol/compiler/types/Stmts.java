package gol.compiler.types;

import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import gol.compiler.ast.Node;
import gol.compiler.ast.Op;
import gol.compiler.ast.Stmt;
import gol.compiler.types.Operand.M;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Statements (spec "Statements") and function bodies: scopes of blocks and of if/for/switch
 * headers, short variable declarations, assignments (with multi-value and comma-ok forms),
 * inc/dec, send, go/defer, return, break/continue/fallthrough placement, switch, type switch,
 * select and range. Labels and "missing return" are delegated to {@link Flow}; the declarations
 * inside functions to the {@link Checker}. Reports unused variables when a function ends.
 */
final class Stmts {
  private final Checker c;
  /** Enclosing for/range/switch/type-switch/select statements of the current function, innermost last. */
  private Deque<Stmt> targets = new ArrayDeque<>();
  final Assignments assign;

  Stmts(Checker c) { this.c = c; this.assign = new Assignments(c); }

  // ---------------------------------------------------------------------------------------------
  // Functions

  /** Checks a function declaration's body. */
  void funcBody(Decl.Func f, Type.Signature sig, Expr.FuncType ft, Expr.Field recv, Stmt.Block body) {
    Checker.FuncCtx saved = c.fn;
    Scope savedScope = c.scope;
    c.fn = new Checker.FuncCtx(f, sig, null);
    c.scope = new Scope(c.fileScope, f);
    try {
      body(f, sig, ft, recv, body);
    } finally {
      c.fn = saved;
      c.scope = savedScope;
    }
  }

  /** Checks a function literal; its body sees the enclosing scopes, and captures are recorded. */
  Operand funcLit(Expr.FuncLit fl) {
    Type.Signature sig = c.types.signature(null, fl.type(), fl);
    Checker.FuncCtx saved = c.fn;
    Scope savedScope = c.scope;
    c.fn = new Checker.FuncCtx(fl, sig, saved);
    c.scope = new Scope(savedScope, fl);
    try {
      body(fl, sig, fl.type(), null, fl.body());
      c.info.captures.put(fl, List.copyOf(c.fn.captures));
    } finally {
      c.fn = saved;
      c.scope = savedScope;
    }
    return new Operand(M.VALUE, sig, null, fl);
  }

  private void body(Node owner, Type.Signature sig, Expr.FuncType ft, Expr.Field recv, Stmt.Block body) {
    Deque<Stmt> savedTargets = targets;
    targets = new ArrayDeque<>();
    try {
      if (recv != null && sig.recv != null && !recv.names().isEmpty()) c.declareLocal(recv.names().get(0), sig.recv);
      declareParams(ft.params(), sig.params);
      declareParams(ft.results(), sig.results);
      stmtList(body.stmts());
      Flow.checkLabels(c, body);
      if (!sig.results.isEmpty() && !Flow.isTerminatingList(body.stmts())) c.error(body.rbrace(), "missing return");
      for (Symbol.Var v : c.fn.locals) if (!v.used) c.error(v.pos, v.name + " declared but not used");
    } finally {
      targets = savedTargets;
    }
  }

  /** Declares the parameter variables of a signature under the identifiers of their fields. */
  private void declareParams(List<Expr.Field> fields, List<Symbol.Var> vars) {
    int i = 0;
    for (Expr.Field f : fields) {
      if (f.names().isEmpty()) { i++; continue; }
      for (Expr.Ident n : f.names()) {
        if (i < vars.size()) c.declareLocal(n, vars.get(i));
        i++;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  void stmtList(List<Stmt> list) {
    for (int i = 0; i < list.size(); i++) stmt(list.get(i), false, i == list.size() - 1);
  }

  private void openScope() { c.scope = new Scope(c.scope, c.fn == null ? null : c.fn.node); }

  private void closeScope() { c.scope = c.scope.parent; }

  /**
   * Checks one statement. inCase/lastInCase tell where a fallthrough is allowed (last statement of
   * an expression-switch clause).
   */
  void stmt(Stmt s, boolean fallthroughOk, boolean last) {
    if (s instanceof Stmt.Empty) return;
    if (s instanceof Stmt.Block b) { openScope(); stmtList(b.stmts()); closeScope(); return; }
    if (s instanceof Stmt.ExprStmt es) { exprStmt(es); return; }
    if (s instanceof Stmt.Send send) { send(send); return; }
    if (s instanceof Stmt.IncDec id) { assign.incDec(id); return; }
    if (s instanceof Stmt.Assign a) { assign.assign(a); return; }
    if (s instanceof Stmt.Go g) { goDefer(g.call(), "go"); return; }
    if (s instanceof Stmt.Defer d) { goDefer(d.call(), "defer"); return; }
    if (s instanceof Stmt.Return r) { assign.returnStmt(r); return; }
    if (s instanceof Stmt.Branch br) { branch(br, fallthroughOk && last); return; }
    if (s instanceof Stmt.If is) { ifStmt(is); return; }
    if (s instanceof Stmt.Switch sw) { switchStmt(sw); return; }
    if (s instanceof Stmt.TypeSwitch ts) { typeSwitch(ts); return; }
    if (s instanceof Stmt.Select sel) { select(sel); return; }
    if (s instanceof Stmt.For f) { forStmt(f); return; }
    if (s instanceof Stmt.Range r) { rangeStmt(r); return; }
    if (s instanceof Stmt.Labeled l) { stmt(l.stmt(), fallthroughOk, last); return; }
    if (s instanceof Stmt.DeclStmt d) { declStmt(d.decl()); return; }
    throw new IllegalStateException("unknown statement " + s);
  }

  private void declStmt(Decl.Gen g) {
    Decl.ValueSpec lastConst = null;
    for (Decl.Spec spec : g.specs()) {
      switch (g.kind()) {
        case CONST -> {
          Decl.ValueSpec vs = (Decl.ValueSpec) spec;
          if (vs.type() != null || !vs.values().isEmpty()) lastConst = vs;
          c.constSpec(vs, lastConst, c.scope);
        }
        case VAR -> c.varSpec((Decl.ValueSpec) spec, Symbol.Var.Kind.LOCAL);
        case TYPE -> c.typeSpec((Decl.TypeSpec) spec, c.scope);
      }
    }
  }

  private void exprStmt(Stmt.ExprStmt es) {
    Operand x = c.exprs.raw(es.x(), null);
    if (x.invalid()) return;
    Expr e = Expr.unparen(es.x());
    String msg = null;
    if (x.mode == M.TYPE) msg = "is not an expression";
    else if (x.mode == M.BUILTIN) msg = "must be called";
    else if (e instanceof Expr.Call call) {
      TypeInfo.TypeAndValue fun = c.info.types.get(call.fun());
      if (fun != null && fun.mode() == TypeInfo.Mode.TYPE) msg = "is not used";
      else if (fun != null && fun.mode() == TypeInfo.Mode.BUILTIN && x.mode != M.NOVALUE
          && !(call.fun() instanceof Expr.Ident id && (id.name().equals("copy") || id.name().equals("recover")))) msg = "is not used";
    } else if (!(e instanceof Expr.Unary u && u.op() == Op.ARROW)) {
      msg = "is not used";
    }
    if (msg != null) c.error(x.expr, x + " " + msg);
    else if (x.untyped()) c.exprs.recordFinal(x);
  }

  private void send(Stmt.Send s) {
    Operand ch = c.exprs.expr(s.ch());
    Operand v = c.exprs.expr(s.value());
    if (ch.invalid() || v.invalid()) return;
    if (!(ch.type.underlying() instanceof Type.Chan ct)) {
      c.error(s, "invalid operation: cannot send to non-channel " + ch);
      return;
    }
    if (ct.dir == Type.Dir.RECV) {
      c.error(s, "invalid operation: cannot send to receive-only channel " + ch);
      return;
    }
    c.rel.assignment(v, ct.elem, "send");
  }

  private void goDefer(Expr.Call call, String what) {
    Operand x = c.exprs.raw(call, null);
    if (x.invalid()) return;
    TypeInfo.TypeAndValue fun = c.info.types.get(call.fun());
    if (fun != null && fun.mode() == TypeInfo.Mode.TYPE) {
      c.error(call, what + " requires function call, not conversion " + x);
    } else if (fun != null && fun.mode() == TypeInfo.Mode.BUILTIN && x.mode != M.NOVALUE
        && !(call.fun() instanceof Expr.Ident id && (id.name().equals("copy") || id.name().equals("recover")))) {
      c.error(call, what + " discards result of " + x);
    }
  }

  private void branch(Stmt.Branch br, boolean fallthroughOk) {
    switch (br.kind()) {
      case BREAK -> {
        if (br.label() == null && targets.isEmpty()) c.error(br, "break is not in a loop, switch, or select");
      }
      case CONTINUE -> {
        if (br.label() == null && targets.stream().noneMatch(t -> t instanceof Stmt.For || t instanceof Stmt.Range)) {
          c.error(br, "continue is not in a loop");
        }
      }
      case FALLTHROUGH -> {
        if (!fallthroughOk) c.error(br, "fallthrough statement out of place");
      }
      case GOTO -> { }
    }
  }

  private void condition(Expr cond, String where) {
    Operand x = c.exprs.expr(cond);
    if (x.invalid()) return;
    if (!(Types.kindOf(x.type) != null && Types.kindOf(x.type).isBoolean())) {
      c.error(cond, "non-boolean condition in " + where + " statement");
      return;
    }
    c.exprs.recordFinal(x);
  }

  private void ifStmt(Stmt.If s) {
    openScope();
    if (s.init() != null) stmt(s.init(), false, false);
    condition(s.cond(), "if");
    stmt(s.then(), false, false);
    if (s.els() != null) stmt(s.els(), false, false);
    closeScope();
  }

  private void forStmt(Stmt.For s) {
    openScope();
    if (s.init() != null) stmt(s.init(), false, false);
    if (s.cond() != null) condition(s.cond(), "for");
    if (s.post() != null) {
      if (s.post() instanceof Stmt.Assign a && a.op() == Op.DEFINE) c.error(s.post(), "cannot declare in post statement of for loop");
      else stmt(s.post(), false, false);
    }
    targets.addLast(s);
    stmt(s.body(), false, false);
    targets.removeLast();
    closeScope();
  }

  private void switchStmt(Stmt.Switch s) {
    openScope();
    if (s.init() != null) stmt(s.init(), false, false);
    Operand tag;
    String tagName;
    if (s.tag() != null) {
      tag = c.exprs.expr(s.tag());
      tagName = ExprString.of(s.tag());
      if (!tag.invalid()) {
        c.rel.assignment(tag, null, "switch expression");
        if (!tag.invalid() && !c.rel.comparable(tag.type) && !Relations.hasNil(tag.type)) {
          c.error(s.tag(), "cannot switch on " + tag + " (" + tag.type + " is not comparable)");
          tag.setInvalid();
        }
      }
    } else {
      // a missing switch expression is the constant true
      tag = new Operand(M.CONSTANT, Types.BOOL, new Constant.Bool(true), null);
      tagName = "true";
    }
    boolean seenDefault = false;
    java.util.Map<Object, Expr> seen = new java.util.HashMap<>();
    targets.addLast(s);
    for (int i = 0; i < s.clauses().size(); i++) {
      Stmt.CaseClause cc = s.clauses().get(i);
      if (cc.list() == null) {
        if (seenDefault) c.error(cc.pos(), "multiple defaults in switch");
        seenDefault = true;
      } else {
        for (Expr e : cc.list()) caseValue(e, tag, tagName, seen);
      }
      openScope();
      List<Stmt> body = cc.body();
      for (int j = 0; j < body.size(); j++) {
        Stmt st = body.get(j);
        boolean lastStmt = j == body.size() - 1;
        if (lastStmt && st instanceof Stmt.Branch br && br.kind() == Stmt.BranchKind.FALLTHROUGH && i == s.clauses().size() - 1) {
          c.error(br, "cannot fallthrough final case in switch");
          continue;
        }
        stmt(st, true, lastStmt);
      }
      closeScope();
    }
    targets.removeLast();
    closeScope();
  }

  /** A case value: converted to the tag's type, compared with it, and checked for constant duplicates. */
  private void caseValue(Expr e, Operand tag, String tagName, java.util.Map<Object, Expr> seen) {
    Operand x = c.exprs.expr(e);
    if (x.invalid() || tag.invalid()) return;
    c.ops.convertUntyped(x, tag.type);
    if (x.invalid()) return;
    boolean ok = c.rel.assignableTo(x, tag.type, null) || c.rel.assignableTo(tag, x.type, null);
    String cause = null;
    if (!ok) cause = "mismatched types " + x.type + " and " + tag.type;
    else if (!x.isNil() && !c.rel.comparable(x.type)) cause = c.rel.incomparableCause(x.type);
    if (cause != null) {
      c.error(e, "invalid case " + ExprString.of(e) + " in switch on " + tagName + " (" + cause + ")");
      return;
    }
    c.exprs.recordFinal(x);
    if (x.isConst()) {
      Object key = java.util.List.of(x.val instanceof Constant.Float f && Constants.isIntegral(f) ? Constants.toInt(f) : x.val, x.type.toString());
      Expr prev = seen.putIfAbsent(key, e);
      if (prev != null) {
        c.error(e, "duplicate case " + x + " in expression switch\n\t" + c.diags.file() + ":" + prev.pos().line() + ":"
            + prev.pos().col() + ": previous case");
      }
    }
  }

  private void typeSwitch(Stmt.TypeSwitch s) {
    openScope();
    if (s.init() != null) stmt(s.init(), false, false);
    Operand x = c.exprs.expr(s.x());
    Type.Interface xi = null;
    if (!x.invalid()) {
      if (x.type.underlying() instanceof Type.Interface i) xi = i;
      else c.error(s.x(), x + " is not an interface");
    }
    boolean seenDefault = false;
    List<Symbol.Var> implicits = new ArrayList<>();
    List<Type> seenTypes = new ArrayList<>();
    List<Expr> seenExprs = new ArrayList<>();
    targets.addLast(s);
    for (Stmt.CaseClause cc : s.clauses()) {
      Type single = null;
      if (cc.list() == null) {
        if (seenDefault) c.error(cc.pos(), "multiple defaults in switch");
        seenDefault = true;
      } else {
        for (Expr e : cc.list()) {
          Type t = caseType(e, x, xi, s);
          if (cc.list().size() == 1) single = t;
          if (t == Types.INVALID) continue;
          for (int k = 0; k < seenTypes.size(); k++) {
            if (Types.identical(seenTypes.get(k), t)) {
              Expr prev = seenExprs.get(k);
              c.error(e, "duplicate case " + (t == Types.UNTYPED_NIL ? "nil" : t.toString()) + " in type switch\n\t"
                  + c.at(prev.pos()) + ": previous case");
              break;
            }
          }
          seenTypes.add(t);
          seenExprs.add(e);
        }
      }
      openScope();
      if (s.binding() != null) {
        Type vt = single != null && single != Types.UNTYPED_NIL ? single : x.invalid() ? Types.INVALID : x.type;
        Symbol.Var v = new Symbol.Var(s.binding().name(), s.binding().pos(), vt, Symbol.Var.Kind.LOCAL, c.fn.node, false);
        c.scope.insert(v);
        c.info.implicits.put(cc, v);
        implicits.add(v);
      }
      stmtList(cc.body());
      closeScope();
    }
    targets.removeLast();
    if (s.binding() != null) {
      Symbol.Var def = new Symbol.Var(s.binding().name(), s.binding().pos(), x.invalid() ? Types.INVALID : x.type,
          Symbol.Var.Kind.LOCAL, c.fn.node, false);
      c.info.defs.put(s.binding(), def);
      boolean used = implicits.stream().anyMatch(v -> v.used);
      def.used = used;
      if (!used && !s.binding().name().equals("_")) c.error(s.binding(), s.binding().name() + " declared but not used");
    }
    closeScope();
  }

  private Type caseType(Expr e, Operand x, Type.Interface xi, Stmt.TypeSwitch s) {
    if (Expr.unparen(e) instanceof Expr.Ident id && id.name().equals("nil") && c.lookup("nil") instanceof Symbol.Nil nil) {
      c.info.uses.put(id, nil);
      c.info.types.put(e, new TypeInfo.TypeAndValue(TypeInfo.Mode.VALUE, Types.UNTYPED_NIL, null));
      return Types.UNTYPED_NIL;
    }
    Type t = c.types.typ(e);
    if (t == Types.INVALID || xi == null) return t;
    c.info.types.put(e, new TypeInfo.TypeAndValue(TypeInfo.Mode.TYPE, t, null));
    if (!(t.underlying() instanceof Type.Interface)) {
      String why = c.rel.missingMethod(t, xi, x.type);
      if (why != null) {
        c.error(e, "impossible type switch case: " + ExprString.of(e) + "\n\t" + x + " cannot have dynamic type " + t + " " + why);
      }
    }
    return t;
  }

  private void select(Stmt.Select s) {
    targets.addLast(s);
    boolean seenDefault = false;
    for (Stmt.CommClause cc : s.clauses()) {
      openScope();
      Stmt comm = cc.comm();
      if (comm == null) {
        if (seenDefault) c.error(cc.pos(), "multiple defaults in select");
        seenDefault = true;
      } else if (comm instanceof Stmt.Send || isRecv(comm)) {
        stmt(comm, false, false);
      } else {
        c.error(comm, "select case must be receive, send or assign recv");
      }
      stmtList(cc.body());
      closeScope();
    }
    targets.removeLast();
  }

  private static boolean isRecv(Stmt s) {
    Expr e = null;
    if (s instanceof Stmt.ExprStmt es) e = es.x();
    else if (s instanceof Stmt.Assign a && a.rhs().size() == 1 && a.lhs().size() <= 2
        && (a.op() == Op.ASSIGN || a.op() == Op.DEFINE)) e = a.rhs().get(0);
    return e != null && Expr.unparen(e) instanceof Expr.Unary u && u.op() == Op.ARROW;
  }

  private void rangeStmt(Stmt.Range s) {
    openScope();
    Operand x = c.exprs.expr(s.x());
    Type key = null, val = null;
    boolean oneVarOnly = false;
    if (!x.invalid()) {
      Type u = x.type.underlying();
      if (u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array) u = p.elem.underlying();
      if (u instanceof Type.Basic b && b.kind.isString()) { key = Types.INT; val = Types.RUNE; }
      else if (u instanceof Type.Array a) { key = Types.INT; val = a.elem; }
      else if (u instanceof Type.Slice sl) { key = Types.INT; val = sl.elem; }
      else if (u instanceof Type.Map m) { key = m.key; val = m.elem; }
      else if (u instanceof Type.Chan ch) {
        key = ch.elem;
        oneVarOnly = true;
        if (ch.dir == Type.Dir.SEND) {
          c.error(s.x(), "cannot range over " + x + " (receive from send-only channel)");
          key = null;
        }
      } else {
        c.error(s.x(), "cannot range over " + x);
      }
      if (x.untyped() && key != null) c.ops.convertUntyped(x, Types.STRING);
      else c.exprs.recordFinal(x);
    }
    if (oneVarOnly && s.value() != null) {
      c.error(s.value(), "range over " + x + " permits only one iteration variable");
    }
    Expr[] lhs = {s.key(), s.value()};
    Type[] rhs = {key, val};
    if (s.define()) {
      List<Symbol.Var> vars = new ArrayList<>();
      List<Expr.Ident> ids = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        if (lhs[i] == null) continue;
        if (!(lhs[i] instanceof Expr.Ident id)) {
          c.error(lhs[i], "non-name " + ExprString.of(lhs[i]) + " on left side of :=");
          continue;
        }
        Type t = rhs[i] == null ? Types.INVALID : rhs[i];
        Symbol.Var v = new Symbol.Var(id.name(), id.pos(), t, Symbol.Var.Kind.LOCAL, c.fn.node, false);
        vars.add(v);
        ids.add(id);
      }
      for (int i = 0; i < vars.size(); i++) c.declareLocal(ids.get(i), vars.get(i));
    } else {
      for (int i = 0; i < 2; i++) {
        if (lhs[i] == null) continue;
        Operand v = new Operand(M.VALUE, rhs[i] == null ? Types.INVALID : rhs[i], null, lhs[i]);
        if (rhs[i] == null) v.setInvalid();
        assign.assignVar(lhs[i], v, "range");
      }
    }
    targets.addLast(s);
    stmt(s.body(), false, false);
    targets.removeLast();
    closeScope();
  }

  /** Initializes vars (of a var declaration) from values; see {@link Assignments#initVars}. */
  void initVars(List<Symbol.Var> vars, List<Expr> values, Type typ, gol.compiler.ast.Pos pos) {
    assign.initVars(vars, values, typ);
  }
}
