package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import gol.compiler.ast.Expr.*;
import gol.compiler.ast.Op;
import gol.compiler.ast.Stmt;
import gol.compiler.ast.Stmt.*;
import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import gol.compiler.types.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Label;

/**
 * Compiles statements. Each statement first lifts its calls that may suspend ({@link #prepare});
 * the temporaries it made leave scope when the statement ends. Loops end with a back-edge
 * preemption point ({@link #backEdge}).
 */
abstract class StmtGen extends CallGen {
  StmtGen(ProgramGen prog, FuncGen.Fn fn, boolean resumeCopy) { super(prog, fn, resumeCopy); }

  /** A break/continue target: a loop (cont non-null), a switch or a select. */
  private record Target(String label, Label brk, Label cont) {}

  private final Deque<Target> targets = new ArrayDeque<>();
  private String pendingLabel;

  void block(Block b) {
    int m = scopeMark();
    for (Stmt s : b.stmts()) stmt(s);
    scopeRelease(m);
  }

  void stmts(List<Stmt> ss) {
    int m = scopeMark();
    for (Stmt s : ss) stmt(s);
    scopeRelease(m);
  }

  /** Drops the temporaries made since mark, keeping variables the statement declared. */
  private void dropTemps(int mark) {
    for (int i = scope.size() - 1; i >= mark; i--) if (scope.get(i).name.equals("$t")) scope.remove(i);
  }

  void stmt(Stmt s) {
    if (s == null) return;
    line(s.pos());
    int mark = scopeMark();
    String label = pendingLabel;
    pendingLabel = null;
    if (s instanceof Block b) block(b);
    else if (s instanceof ExprStmt es) exprStmt(es);
    else if (s instanceof Send sd) send(sd);
    else if (s instanceof IncDec id) incDec(id);
    else if (s instanceof Assign a) assign(a);
    else if (s instanceof Stmt.Go g) goStmt(g);
    else if (s instanceof Return r) ret(r);
    else if (s instanceof If i) ifStmt(i);
    else if (s instanceof For f) forStmt(f, label);
    else if (s instanceof Range r) range(r, label);
    else if (s instanceof Switch sw) switchStmt(sw, label);
    else if (s instanceof Select sel) select(sel, label);
    else if (s instanceof Branch br) branch(br);
    else if (s instanceof Labeled l) { pendingLabel = l.label().name(); stmt(l.stmt()); }
    else if (s instanceof DeclStmt d) declStmt(d.decl());
    else if (s instanceof Empty) { /* nothing */ }
    else if (s instanceof Defer d) deferStmt(d);
    else if (s instanceof TypeSwitch ts) typeSwitch(ts, label);
    else throw new Unsupported(s.pos(), s.getClass().getSimpleName());
    dropTemps(mark);
  }

  private void exprStmt(ExprStmt es) {
    Expr x = es.x();
    prepare(x);
    if (lifted.containsKey(x)) return;   // already evaluated by prepare
    expr(x);
    pop(JvmTypes.kind(typeOf(x)));
  }

  private void send(Send sd) {
    prepareAll(List.of(sd.ch(), sd.value()));
    Type elem = ((Type.Chan) typeOf(sd.ch()).underlying()).elem;
    mv.visitVarInsn(ALOAD, 0);
    expr(sd.ch());
    exprAs(sd.value(), elem);
    if (!JvmTypes.isInterface(elem)) box(elem);
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "send", "(Lgol/runtime/G;Lgol/runtime/Chan;Ljava/lang/Object;)V", false);
    afterSuspendableCall(JKind.V, null);
  }

  // ================================================================== assignment

  /** Something that can be assigned: a variable, a global, a slice element, or _. */
  private interface LValue {
    Type type();
    /** Stores the value pushed by {@code value} (of kind k; _ discards it). */
    void assign(Runnable value, JKind k);
    void load();
  }

  private LValue lvalue(Expr e) {
    Expr x = Expr.unparen(e);
    if (x instanceof Ident id) {
      if (id.name().equals("_")) return blank(null);
      Symbol s = info.symbolOf(id);
      if (s instanceof Symbol.Var v) {
        Local l = vars.get(v);
        if (l != null && JvmTypes.isStruct(v.type)) return structInto(v.type, () -> load(l));
        if (l != null) return new LValue() {
          public Type type() { return v.type; }
          public void assign(Runnable value, JKind k) { value.run(); store(l); }
          public void load() { StmtGen.this.load(l); }
        };
        if (v.kind == Symbol.Var.Kind.GLOBAL && JvmTypes.isStruct(v.type)) {
          String name = prog.globalName(v), desc = JvmTypes.desc(v.type);
          return structInto(v.type, () -> mv.visitFieldInsn(GETSTATIC, prog.className, name, desc));
        }
        if (v.kind == Symbol.Var.Kind.GLOBAL) {
          String name = prog.globalName(v), desc = JvmTypes.desc(v.type);
          return new LValue() {
            public Type type() { return v.type; }
            public void assign(Runnable value, JKind k) { value.run(); mv.visitFieldInsn(PUTSTATIC, prog.className, name, desc); }
            public void load() { mv.visitFieldInsn(GETSTATIC, prog.className, name, desc); }
          };
        }
      }
    }
    if (x instanceof Index ix && typeOf(ix.x()).underlying() instanceof Type.Slice st) {
      int sSlot = allocSlot(JKind.A), iSlot = allocSlot(JKind.J);
      expr(ix.x());
      mv.visitVarInsn(ASTORE, sSlot);
      expr(ix.index());
      mv.visitVarInsn(LSTORE, iSlot);
      JKind ek = JvmTypes.kind(st.elem);
      String vdesc = ek == JKind.A ? "Ljava/lang/Object;" : ek.desc;
      return new LValue() {
        public Type type() { return st.elem; }
        public void assign(Runnable value, JKind k) {
          mv.visitVarInsn(ALOAD, sSlot);
          mv.visitVarInsn(LLOAD, iSlot);
          value.run();
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Index", "set" + setter(st.elem), "(Lgol/runtime/Slice;J" + vdesc + ")V", false);
        }
        public void load() {
          mv.visitVarInsn(ALOAD, sSlot);
          mv.visitVarInsn(LLOAD, iSlot);
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Index", "get" + accessor(st.elem), "(Lgol/runtime/Slice;J)" + vdesc, false);
          if (ek == JKind.A) checkcast(JvmTypes.className(st.elem));
        }
      };
    }
    if (x instanceof Index ix && typeOf(ix.x()).underlying() instanceof Type.Array at) {   // a[i] = v
      String ad = JvmTypes.arrayDesc(at.elem);
      int aSlot = allocSlot(JKind.A), iSlot = allocSlot(JKind.J);
      expr(ix.x());
      mv.visitVarInsn(ASTORE, aSlot);
      expr(ix.index());
      mv.visitVarInsn(LSTORE, iSlot);
      JKind ek = JvmTypes.kind(at.elem);
      String vdesc = ek == JKind.A ? "Ljava/lang/Object;" : ek.desc;
      Runnable getElem = () -> {
        mv.visitVarInsn(ALOAD, aSlot);
        mv.visitTypeInsn(CHECKCAST, ad);
        mv.visitVarInsn(LLOAD, iSlot);
        mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ArrayOps", "get" + accessor(at.elem), "(" + ad + "J)" + vdesc, false);
        if (ek == JKind.A) checkcast(JvmTypes.className(at.elem));
      };
      if (JvmTypes.isStruct(at.elem)) return structInto(at.elem, getElem);
      return new LValue() {
        public Type type() { return at.elem; }
        public void assign(Runnable value, JKind k) {
          mv.visitVarInsn(ALOAD, aSlot);
          mv.visitTypeInsn(CHECKCAST, ad);
          mv.visitVarInsn(LLOAD, iSlot);
          value.run();
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ArrayOps", "set" + setter(at.elem), "(" + ad + "J" + vdesc + ")V", false);
        }
        public void load() { getElem.run(); }
      };
    }
    if (x instanceof Index ix && typeOf(ix.x()).underlying() instanceof Type.Map mt) {   // m[k] = v
      Type mapType = typeOf(ix.x());
      int mSlot = allocSlot(JKind.A), kSlot = allocSlot(JKind.A);
      expr(ix.x());
      mv.visitVarInsn(ASTORE, mSlot);
      exprAs(ix.index(), mt.key);
      if (!JvmTypes.isInterface(mt.key)) box(mt.key);
      mv.visitVarInsn(ASTORE, kSlot);
      return new LValue() {
        public Type type() { return mt.elem; }
        public void assign(Runnable value, JKind k) {
          mv.visitVarInsn(ALOAD, mSlot);
          mv.visitTypeInsn(CHECKCAST, JvmTypes.MAP);
          mv.visitVarInsn(ALOAD, kSlot);
          value.run();
          if (!JvmTypes.isInterface(mt.elem)) box(mt.elem);
          mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MAP, "put", "(Lgol/runtime/GoMap;Ljava/lang/Object;Ljava/lang/Object;)V", false);
        }
        public void load() {
          mv.visitVarInsn(ALOAD, mSlot);
          mv.visitTypeInsn(CHECKCAST, JvmTypes.MAP);
          prog.rtypes.push(mv, mapType);
          mv.visitVarInsn(ALOAD, kSlot);
          mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MAP, "get", "(Lgol/runtime/GoMap;Lgol/runtime/RType;Ljava/lang/Object;)Ljava/lang/Object;", false);
          unboxAs(mt.elem);
        }
      };
    }
    if (x instanceof Selector sel && info.symbolOf(sel.sel()) instanceof Symbol.Var f && f.kind == Symbol.Var.Kind.FIELD) {
      // x.f = v: evaluate the object now (through embedded fields), then store the field
      Type xt = typeOf(sel.x());
      List<Symbol.Var> path = StructGen.fieldPath(xt, sel.sel().name());
      int obj = allocSlot(JKind.A);
      expr(sel.x());
      if (xt instanceof Type.Pointer) nilCheck(xt);
      Type cur = xt instanceof Type.Pointer p ? p.elem : xt;
      for (int i = 0; i < path.size() - 1; i++) {
        Symbol.Var fv = path.get(i);
        mv.visitFieldInsn(GETFIELD, JvmTypes.className(cur), StructGen.fieldName(fv, StructGen.indexOf(cur, fv)), JvmTypes.desc(fv.type));
        if (fv.type instanceof Type.Pointer) nilCheck(fv.type);
        cur = fv.type instanceof Type.Pointer p ? p.elem : fv.type;
      }
      Symbol.Var last = path.get(path.size() - 1);
      String cls = JvmTypes.className(cur), fname = StructGen.fieldName(last, StructGen.indexOf(cur, last)), fdesc = JvmTypes.desc(last.type);
      mv.visitTypeInsn(CHECKCAST, cls);
      mv.visitVarInsn(ASTORE, obj);
      if (JvmTypes.isStruct(last.type)) return structInto(last.type, () -> { mv.visitVarInsn(ALOAD, obj); mv.visitFieldInsn(GETFIELD, cls, fname, fdesc); });
      return new LValue() {
        public Type type() { return last.type; }
        public void assign(Runnable value, JKind k) { mv.visitVarInsn(ALOAD, obj); value.run(); mv.visitFieldInsn(PUTFIELD, cls, fname, fdesc); }
        public void load() { mv.visitVarInsn(ALOAD, obj); mv.visitFieldInsn(GETFIELD, cls, fname, fdesc); }
      };
    }
    if (x instanceof Star st && typeOf(st.x()) instanceof Type.Pointer p && JvmTypes.isStruct(p.elem)) {
      int obj = allocSlot(JKind.A);
      expr(st.x());
      nilCheck(p);
      mv.visitVarInsn(ASTORE, obj);
      return structInto(p.elem, () -> mv.visitVarInsn(ALOAD, obj));
    }
    if (x instanceof Star st && typeOf(st.x()) instanceof Type.Pointer p) {   // *p = v through a cell
      JKind ek = JvmTypes.kind(p.elem);
      String cc = ek.cellClass();
      int obj = allocSlot(JKind.A);
      expr(st.x());
      nilCheck(p);
      mv.visitVarInsn(ASTORE, obj);
      return new LValue() {
        public Type type() { return p.elem; }
        public void assign(Runnable value, JKind k) { mv.visitVarInsn(ALOAD, obj); value.run(); mv.visitFieldInsn(PUTFIELD, cc, "v", ek.cellFieldDesc()); }
        public void load() {
          mv.visitVarInsn(ALOAD, obj);
          mv.visitFieldInsn(GETFIELD, cc, "v", ek.cellFieldDesc());
          if (ek == JKind.A) checkcast(JvmTypes.className(p.elem));
        }
      };
    }
    throw new Unsupported(e.pos(), "assignment to " + describe(x));
  }

  /**
   * A place holding a struct: assignment copies the new value's fields into the existing object
   * ({@code set}), so pointers to the place keep seeing it, as in Go.
   */
  private LValue structInto(Type t, Runnable loadObject) {
    String c = JvmTypes.className(t);
    return new LValue() {
      public Type type() { return t; }
      public void assign(Runnable value, JKind k) {
        loadObject.run();
        value.run();
        mv.visitMethodInsn(INVOKEVIRTUAL, c, "set", "(L" + c + ";)V", false);
      }
      public void load() { loadObject.run(); }
    };
  }

  private LValue blank(Type t) {
    return new LValue() {
      public Type type() { return t; }
      public void assign(Runnable value, JKind k) { value.run(); pop(k); }
      public void load() { throw new IllegalStateException("load of _"); }
    };
  }

  private void incDec(IncDec id) {
    prepare(id.x());
    LValue lv = lvalue(id.x());
    Type t = lv.type();
    lv.assign(() -> {
      lv.load();
      if (JvmTypes.kind(t) == JKind.D) { mv.visitInsn(DCONST_1); mv.visitInsn(id.inc() ? DADD : DSUB); roundFloat(t); }
      else { mv.visitInsn(LCONST_1); mv.visitInsn(id.inc() ? LADD : LSUB); normalize(t); }
    }, JvmTypes.kind(t));
  }

  private void assign(Assign a) {
    List<Expr> lhs = a.lhs(), rhs = a.rhs();
    List<Expr> all = new ArrayList<>();
    for (Expr l : lhs) if (!(Expr.unparen(l) instanceof Ident)) all.add(l);
    // v, ok := <-c is one comma-ok receive: lift only its channel operand, not a plain receive.
    boolean commaOkRecv = rhs.size() == 1 && lhs.size() == 2 && Expr.unparen(rhs.get(0)) instanceof Unary u0 && u0.op() == Op.ARROW;
    all.add(commaOkRecv ? ((Unary) Expr.unparen(rhs.get(0))).x() : null);
    if (!commaOkRecv) all.addAll(rhs);
    all.removeIf(java.util.Objects::isNull);
    prepareAll(all);
    Op op = a.op();
    if (op.binaryOfAssign() != null) {          // x op= y
      LValue lv = lvalue(lhs.get(0));
      Type t = lv.type();
      Op bin = op.binaryOfAssign();
      lv.assign(() -> {
        lv.load();
        if (bin == Op.SHL || bin == Op.SHR) {
          expr(rhs.get(0));
          boolean unsigned = Types.kindOf(t) != null && Types.kindOf(t).isUnsigned();
          String name = bin == Op.SHL ? "shl" : unsigned ? "ushr" : "shr";
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Ops", name, "(JJ)J", false);
          normalize(t);
        } else {
          exprAs(rhs.get(0), t);
          arith(bin, t, rhs.get(0));
        }
      }, JvmTypes.kind(t));
      return;
    }
    boolean define = op == Op.DEFINE;
    if (rhs.size() == 1 && lhs.size() > 1) { assignMulti(lhs, rhs.get(0), define); return; }
    if (lhs.size() == 1) {
      assignOne(lhs.get(0), rhs.get(0), define);
      return;
    }
    // a, b = b, a: evaluate every right-hand side first, then assign left to right.
    List<LValue> lvs = new ArrayList<>();
    for (Expr l : lhs) lvs.add(define ? null : lvalue(l));
    int[] slots = new int[rhs.size()];
    Type[] types = new Type[rhs.size()];
    for (int i = 0; i < rhs.size(); i++) {
      Type target = define ? defineType(lhs.get(i), rhs.get(i)) : lvs.get(i).type();
      if (target == null) target = typeOf(rhs.get(i));   // _
      types[i] = target;
      JKind k = JvmTypes.kind(target);
      slots[i] = allocSlot(k);
      exprAs(rhs.get(i), target);
      mv.visitVarInsn(k.store, slots[i]);
    }
    for (int i = 0; i < lhs.size(); i++) {
      int slot = slots[i];
      JKind k = JvmTypes.kind(types[i]);
      Runnable value = () -> mv.visitVarInsn(k.load, slot);
      if (define) defineOrAssign(lhs.get(i), value);
      else lvs.get(i).assign(value, k);
    }
  }

  private Type defineType(Expr l, Expr r) {
    Symbol s = Expr.unparen(l) instanceof Ident id ? info.symbolOf(id) : null;
    if (s instanceof Symbol.Var v) return v.type;
    return typeOf(r);
  }

  private void assignOne(Expr l, Expr r, boolean define) {
    if (define) {
      Type t = defineType(l, r);
      defineOrAssign(l, () -> exprAs(r, t));
      return;
    }
    LValue lv = lvalue(l);
    Type t = lv.type() != null ? lv.type() : typeOf(r);
    lv.assign(() -> exprAs(r, t), JvmTypes.kind(t));
  }

  /** For :=, declares the variable l defines (entering it in scope after the value), or assigns it. */
  private void defineOrAssign(Expr l, Runnable value) {
    Ident id = (Ident) Expr.unparen(l);
    if (id.name().equals("_")) return;   // values given here are already evaluated: nothing to do
    Symbol def = info.defs.get(id);
    if (def instanceof Symbol.Var v) {
      Local loc = declare(v);
      value.run();
      init(loc);
      enter(loc);
    } else {
      lvalue(l).assign(value, JvmTypes.kind(((Symbol.Var) info.uses.get(id)).type));
    }
  }

  /** a, b := f() / v, ok := <-c: the right side yields a Tuple. */
  private void assignMulti(List<Expr> lhs, Expr r, boolean define) {
    Expr ru = Expr.unparen(r);
    List<Type> types;
    if (ru instanceof Unary u && u.op() == Op.ARROW) {
      Type elem = ((Type.Chan) typeOf(u.x()).underlying()).elem;
      evaluating = true;
      recv(u, true);
      evaluating = false;
      types = List.of(elem, Types.BOOL);
      int tup = allocSlot(JKind.A);
      mv.visitVarInsn(ASTORE, tup);
      List<LValue> lvs = new ArrayList<>();
      if (!define) for (Expr l : lhs) lvs.add(lvalue(l));
      for (int i = 0; i < 2; i++) {
        final int idx = i;
        Type target = define ? defineType(lhs.get(i), null) : lvs.get(i).type();
        if (target == null) target = types.get(i);
        final Type tt = target;
        Runnable value = () -> {
          mv.visitVarInsn(ALOAD, tup);
          if (idx == 0) {
            mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "a0", "Ljava/lang/Object;");
            unbox(elem);
            coerce(elem, tt);
          } else {
            mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "j0", "J");
            mv.visitInsn(L2I);
          }
        };
        if (define) defineOrAssign(lhs.get(i), value); else lvs.get(i).assign(value, JvmTypes.kind(tt));
      }
      return;
    }
    if (ru instanceof Index mix && typeOf(mix.x()).underlying() instanceof Type.Map mt) {   // v, ok := m[k]
      expr(mix.x());
      prog.rtypes.push(mv, typeOf(mix.x()));
      exprAs(mix.index(), mt.key);
      if (!JvmTypes.isInterface(mt.key)) box(mt.key);
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MAP, "get2", "(Lgol/runtime/GoMap;Lgol/runtime/RType;Ljava/lang/Object;)Lgol/runtime/Tuple;", false);
      int tup = allocSlot(JKind.A);
      mv.visitVarInsn(ASTORE, tup);
      List<LValue> lvs = new ArrayList<>();
      if (!define) for (Expr l : lhs) lvs.add(lvalue(l));
      for (int i = 0; i < 2; i++) {
        final int idx = i;
        Type target = define ? defineType(lhs.get(i), null) : lvs.get(i).type();
        if (target == null) target = idx == 0 ? mt.elem : Types.BOOL;
        final Type tt = target;
        Runnable value = () -> {
          mv.visitVarInsn(ALOAD, tup);
          if (idx == 0) {
            mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "a0", "Ljava/lang/Object;");
            unboxAs(mt.elem);
            coerce(mt.elem, tt);
          } else {
            mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "j0", "J");
            mv.visitInsn(L2I);
          }
        };
        if (define) defineOrAssign(lhs.get(i), value); else lvs.get(i).assign(value, JvmTypes.kind(tt));
      }
      return;
    }
    if (ru instanceof TypeAssert ta) {   // v, ok := x.(T)
      Type t = info.typeOf(ta) instanceof Type.Tuple tt0 ? tt0.types.get(0) : info.typeOf(ta.type());
      typeAssert(ta, true);
      int tup = allocSlot(JKind.A);
      mv.visitVarInsn(ASTORE, tup);
      List<LValue> lvs = new ArrayList<>();
      if (!define) for (Expr l : lhs) lvs.add(lvalue(l));
      for (int i = 0; i < 2; i++) {
        final int idx = i;
        Type target = define ? defineType(lhs.get(i), null) : lvs.get(i).type();
        if (target == null) target = idx == 0 ? t : Types.BOOL;
        final Type tt = target;
        Runnable value = () -> {
          mv.visitVarInsn(ALOAD, tup);
          if (idx == 0) {
            Label nil = new Label(), done = new Label();
            mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "a0", "Ljava/lang/Object;");
            mv.visitInsn(DUP);
            mv.visitJumpInsn(IFNULL, nil);
            unboxAs(t);
            coerce(t, tt);
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(nil);   // failed: the zero value of T
            mv.visitInsn(POP);
            pushZero(tt);
            mv.visitLabel(done);
          } else {
            mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "j0", "J");
            mv.visitInsn(L2I);
          }
        };
        if (define) defineOrAssign(lhs.get(i), value); else lvs.get(i).assign(value, JvmTypes.kind(tt));
      }
      return;
    }
    if (!(typeOf(r) instanceof Type.Tuple tt)) throw new Unsupported(r.pos(), "comma-ok form of " + describe(ru));
    types = tt.types;
    expr(r);
    int tup = allocSlot(JKind.A);
    mv.visitVarInsn(ASTORE, tup);
    List<LValue> lvs = new ArrayList<>();
    if (!define) for (Expr l : lhs) lvs.add(lvalue(l));
    int[] counters = new int[3];
    for (int i = 0; i < lhs.size(); i++) {
      Type rt = types.get(i);
      Type target = define ? defineType(lhs.get(i), null) : lvs.get(i).type();
      if (target == null) target = rt;
      int[] snapshot = counters.clone();
      // advance the counters past result i whether or not it is used
      int[] dummy = counters;
      JKind k = JvmTypes.kind(rt);
      if (k == JKind.D) dummy[1]++; else if (k == JKind.A) dummy[2]++; else dummy[0]++;
      final Type ft = target;
      Runnable value = () -> {
        mv.visitVarInsn(ALOAD, tup);
        tupleGet(rt, snapshot.clone());
        coerce(rt, ft);
      };
      if (define) defineOrAssign(lhs.get(i), value); else lvs.get(i).assign(value, JvmTypes.kind(ft));
    }
  }

  private void declStmt(Decl.Gen g) {
    if (g.kind() != Decl.GenKind.VAR) return;   // constants are folded; local types need no code
    for (Decl.Spec sp : g.specs()) {
      Decl.ValueSpec vs = (Decl.ValueSpec) sp;
      boolean multi = vs.values().size() == 1 && vs.names().size() > 1;
      if (multi && Expr.unparen(vs.values().get(0)) instanceof Unary u && u.op() == Op.ARROW) prepare(u.x());
      else prepareAll(vs.values());
      if (vs.values().isEmpty()) {
        for (Ident id : vs.names()) {
          Symbol s = info.defs.get(id);
          if (!(s instanceof Symbol.Var v)) continue;
          Local l = declare(v);
          pushZero(v.type);
          init(l);
          enter(l);
        }
      } else if (vs.values().size() == vs.names().size()) {
        for (int i = 0; i < vs.names().size(); i++) {
          final Expr val = vs.values().get(i);
          Ident id = vs.names().get(i);
          Symbol s = info.defs.get(id);
          if (s instanceof Symbol.Var v) {
            Local l = declare(v);
            exprAs(val, v.type);
            init(l);
            enter(l);
          } else {
            expr(val);
            pop(JvmTypes.kind(typeOf(val)));
          }
        }
      } else {
        List<Expr> names = new ArrayList<>(vs.names());
        assignMulti(names, vs.values().get(0), true);
      }
    }
  }

  /** Package-level var declarations, run at the start of main (Go runs them before main). */
  void globalVars(Decl.Gen g) {
    for (Decl.Spec sp : g.specs()) {
      Decl.ValueSpec vs = (Decl.ValueSpec) sp;
      if (vs.values().isEmpty()) continue;
      line(vs.pos());
      int mark = scopeMark();
      prepareAll(vs.values());
      if (vs.values().size() != vs.names().size()) throw new Unsupported(vs.pos(), "package-level multi-value var declarations");
      for (int i = 0; i < vs.names().size(); i++) {
        Ident id = vs.names().get(i);
        Symbol s = info.defs.get(id);
        Expr val = vs.values().get(i);
        if (s instanceof Symbol.Var v) {
          exprAs(val, v.type);
          mv.visitFieldInsn(PUTSTATIC, prog.className, prog.globalName(v), JvmTypes.desc(v.type));
        } else {
          expr(val);
          pop(JvmTypes.kind(typeOf(val)));
        }
      }
      dropTemps(mark);
    }
  }

  /** A call statement of a function without arguments or results (the init functions). */
  void callInit(Decl.Func f) {
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESTATIC, prog.className, prog.initName(f), "(Lgol/runtime/G;)V", false);
    if (prog.maySuspend(f)) afterSuspendableCall(JKind.V, null);
  }

  // ================================================================== go, return

  private void goStmt(Stmt.Go g) {
    Call c = g.call();
    List<Expr> parts = new ArrayList<>();
    Calls.Kind k = Calls.kind(c, info);
    if (k == Calls.Kind.FUNC_VALUE) parts.add(c.fun());
    if (k == Calls.Kind.LIB_METHOD) parts.add(((Selector) Expr.unparen(c.fun())).x());
    parts.addAll(c.args());
    prepareAll(parts);
    mv.visitVarInsn(ALOAD, 0);
    prog.closures.emitGo(this, c);
    mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Sched", "go", "(Lgol/runtime/G;Lgol/runtime/Entry;)V", false);
  }

  /** {@code defer f(x)}: f and x are evaluated now; the call is pushed on the defer list. */
  private void deferStmt(Defer d) {
    Call c = d.call();
    List<Expr> parts = new ArrayList<>();
    Calls.Kind k = Calls.kind(c, info);
    if (k == Calls.Kind.FUNC_VALUE) parts.add(c.fun());
    if (k == Calls.Kind.LIB_METHOD) parts.add(((Selector) Expr.unparen(c.fun())).x());
    parts.addAll(c.args());
    prepareAll(parts);
    mv.visitTypeInsn(NEW, "gol/runtime/Defer");
    mv.visitInsn(DUP);
    prog.closures.emitGo(this, c);
    load(deferList);
    mv.visitMethodInsn(INVOKESPECIAL, "gol/runtime/Defer", "<init>", "(Lgol/runtime/Entry;Lgol/runtime/Defer;)V", false);
    store(deferList);
  }

  /** In a function with defers: its defer list, its result locals, and its exit block. */
  Local deferList;
  List<Local> resultLocals;
  Label exitLabel;

  /** Loads the result locals and returns them (the exit of a function with defers). */
  void returnResultLocals() {
    List<Symbol.Var> results = fn.sig.results;
    if (results.size() == 1) load(resultLocals.get(0));
    else if (results.size() > 1) {
      newTuple();
      int[] counters = new int[3];
      for (int i = 0; i < results.size(); i++) { mv.visitInsn(DUP); load(resultLocals.get(i)); tuplePut(results.get(i).type, counters); }
    }
    emitReturn();
  }

  private void ret(Return r) {
    List<Symbol.Var> results = fn.sig.results;
    prepareAll(r.results());
    if (exitLabel != null) { retViaExit(r); return; }
    if (results.isEmpty()) { emitReturn(); return; }
    List<Expr> rs = r.results();
    if (rs.isEmpty()) {   // bare return of named results
      if (results.size() == 1) load(vars.get(results.get(0)));
      else {
        newTuple();
        int[] counters = new int[3];
        for (Symbol.Var v : results) { mv.visitInsn(DUP); load(vars.get(v)); tuplePut(v.type, counters); }
      }
      emitReturn();
      return;
    }
    if (results.size() == 1) { exprAs(rs.get(0), results.get(0).type); emitReturn(); return; }
    if (rs.size() == 1) {        // return f() with several results
      Type.Tuple tt = (Type.Tuple) typeOf(rs.get(0));
      boolean same = true;
      for (int i = 0; i < tt.types.size(); i++) same &= Types.identical(tt.types.get(i), results.get(i).type);
      expr(rs.get(0));
      if (!same) {
        int tup = allocSlot(JKind.A);
        mv.visitVarInsn(ASTORE, tup);
        newTuple();
        int[] in = new int[3], out = new int[3];
        for (int i = 0; i < tt.types.size(); i++) {
          mv.visitInsn(DUP);
          mv.visitVarInsn(ALOAD, tup);
          tupleGet(tt.types.get(i), in);
          coerce(tt.types.get(i), results.get(i).type);
          tuplePut(results.get(i).type, out);
        }
      }
      emitReturn();
      return;
    }
    newTuple();
    int[] counters = new int[3];
    for (int i = 0; i < rs.size(); i++) {
      mv.visitInsn(DUP);
      exprAs(rs.get(i), results.get(i).type);
      tuplePut(results.get(i).type, counters);
    }
    emitReturn();
  }

  /** return in a function with defers: set the result locals (all values first), then go to the exit. */
  private void retViaExit(Return r) {
    List<Symbol.Var> results = fn.sig.results;
    List<Expr> rs = r.results();
    if (!rs.isEmpty()) {
      if (rs.size() == 1 && results.size() > 1) {   // return f()
        Type.Tuple tt = (Type.Tuple) typeOf(rs.get(0));
        expr(rs.get(0));
        int tup = allocSlot(JKind.A);
        mv.visitVarInsn(ASTORE, tup);
        int[] in = new int[3];
        for (int i = 0; i < results.size(); i++) {
          mv.visitVarInsn(ALOAD, tup);
          tupleGet(tt.types.get(i), in);
          coerce(tt.types.get(i), results.get(i).type);
          store(resultLocals.get(i));
        }
      } else {
        int[] slots = new int[rs.size()];
        for (int i = 0; i < rs.size(); i++) {
          JKind k = JvmTypes.kind(results.get(i).type);
          slots[i] = allocSlot(k);
          exprAs(rs.get(i), results.get(i).type);
          mv.visitVarInsn(k.store, slots[i]);
        }
        for (int i = 0; i < rs.size(); i++) {
          mv.visitVarInsn(JvmTypes.kind(results.get(i).type).load, slots[i]);
          store(resultLocals.get(i));
        }
      }
    }
    mv.visitJumpInsn(GOTO, exitLabel);
  }

  private void newTuple() {
    mv.visitTypeInsn(NEW, JvmTypes.TUPLE);
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, JvmTypes.TUPLE, "<init>", "()V", false);
  }

  /** Returns the value on the stack (normal copy), or stores it for the frame below (resume copy). */
  void emitReturn() {
    if (resumeCopy) {
      if (fn.resultKind != JKind.V) storeResultRegister(fn.resultKind);
      mv.visitInsn(RETURN);
    } else {
      mv.visitInsn(fn.resultKind.ret);
    }
  }

  // ================================================================== control flow

  private void ifStmt(If i) {
    int m = scopeMark();
    stmt(i.init());
    int tm = scopeMark();
    prepare(i.cond());
    Label els = new Label(), end = new Label();
    cond(i.cond(), els);
    dropTemps(tm);
    block(i.then());
    if (i.els() != null) mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(els);
    if (i.els() != null) {
      stmt(i.els());
      mv.visitLabel(end);
    }
    scopeRelease(m);
  }

  private void forStmt(For f, String label) {
    int m = scopeMark();
    stmt(f.init());
    Label head = new Label(), post = new Label(), end = new Label();
    mv.visitLabel(head);
    if (f.cond() != null) {
      int tm = scopeMark();
      prepare(f.cond());
      cond(f.cond(), end);
      dropTemps(tm);
    }
    targets.push(new Target(label, end, post));
    block(f.body());
    targets.pop();
    mv.visitLabel(post);
    stmt(f.post());
    backEdge(head);
    mv.visitLabel(end);
    scopeRelease(m);
  }

  private void range(Range r, String label) {
    int m = scopeMark();
    prepare(r.x());
    Type xt = typeOf(r.x());
    Type u = xt.underlying();
    Label head = new Label(), post = new Label(), end = new Label();
    if (u instanceof Type.Chan ct) {
      Local ch = temp(JKind.A, JvmTypes.CHAN);
      expr(r.x());
      store(ch);
      Runnable[] assignV = rangeVars(r, ct.elem, null);
      mv.visitLabel(head);
      mv.visitVarInsn(ALOAD, 0);
      load(ch);
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "recv2", "(Lgol/runtime/G;Lgol/runtime/Chan;)Lgol/runtime/Tuple;", false);
      afterSuspendableCall(JKind.A, JvmTypes.TUPLE);
      Local tup = temp(JKind.A, JvmTypes.TUPLE);
      store(tup);
      load(tup);
      mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "j0", "J");
      mv.visitInsn(LCONST_0);
      mv.visitInsn(LCMP);
      mv.visitJumpInsn(IFEQ, end);
      if (assignV[0] != null) {
        Runnable value = () -> { load(tup); mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "a0", "Ljava/lang/Object;"); unbox(ct.elem); };
        rangeAssign(r.key(), r.define(), value);
      }
      targets.push(new Target(label, end, post));
      block(r.body());
      targets.pop();
      mv.visitLabel(post);
      backEdge(head);
      mv.visitLabel(end);
      scopeRelease(m);
      return;
    }
    if (u instanceof Type.Map mt) { rangeMap(r, label, xt, mt, head, post, end); scopeRelease(m); return; }
    boolean str = JvmTypes.isString(xt);
    boolean arr = u instanceof Type.Array;
    if (!str && !arr && !(u instanceof Type.Slice)) throw new Unsupported(r.pos(), "range over " + xt);
    Local xs = temp(JKind.A, str ? JvmTypes.STRING : JvmTypes.SLICE);
    if (arr) {   // range over an array: over a copy of it (Go evaluates the range expression once)
      Type.Array at = (Type.Array) u;
      prog.rtypes.push(mv, new Type.Slice(at.elem));
      exprAs(r.x(), xt);
      mv.visitInsn(LCONST_0);
      pushLong(at.len);
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "sliceArray", "(Lgol/runtime/RType;Ljava/lang/Object;JJ)Lgol/runtime/Slice;", false);
      u = new Type.Slice(at.elem);
    } else {
      expr(r.x());
    }
    store(xs);
    Local n = temp(JKind.J, null);
    load(xs);
    if (str) mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.STRING, "length", "()I", false);
    else mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "len", "(Lgol/runtime/Slice;)I", false);
    mv.visitInsn(I2L);
    store(n);
    Local idx = temp(JKind.J, null);
    mv.visitInsn(LCONST_0);
    store(idx);
    Local width = str ? temp(JKind.J, null) : null;
    if (width != null) { mv.visitInsn(LCONST_0); store(width); }
    Type elem = str ? Types.RUNE : ((Type.Slice) u).elem;
    rangeVars(r, elem, Types.INT);
    mv.visitLabel(head);
    load(idx);
    load(n);
    mv.visitInsn(LCMP);
    mv.visitJumpInsn(IFGE, end);
    Local dec = null;
    if (str) {
      dec = temp(JKind.J, null);
      load(xs);
      load(idx);
      mv.visitInsn(L2I);
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/GoString", "decodeRune", "(Ljava/lang/String;I)J", false);
      store(dec);
      load(dec);
      mv.visitLdcInsn(32);
      mv.visitInsn(LUSHR);
      store(width);
    }
    if (r.key() != null) rangeAssign(r.key(), r.define(), () -> load(idx));
    if (r.value() != null) {
      Local d = dec;
      rangeAssign(r.value(), r.define(), () -> {
        if (str) { load(d); mv.visitInsn(L2I); mv.visitInsn(I2L); }
        else {
          load(xs);
          load(idx);
          JKind ek = JvmTypes.kind(elem);
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Index", "get" + accessor(elem), "(Lgol/runtime/Slice;J)" + (ek == JKind.A ? "Ljava/lang/Object;" : ek.desc), false);
          if (ek == JKind.A) checkcast(JvmTypes.className(elem));
        }
      });
    }
    targets.push(new Target(label, end, post));
    block(r.body());
    targets.pop();
    mv.visitLabel(post);
    load(idx);
    if (str) load(width); else mv.visitInsn(LCONST_1);
    mv.visitInsn(LADD);
    store(idx);
    backEdge(head);
    mv.visitLabel(end);
    scopeRelease(m);
  }

  /** for k, v := range m: over a snapshot of the keys, skipping keys deleted meanwhile (as Go does). */
  private void rangeMap(Range r, String label, Type xt, Type.Map mt, Label head, Label post, Label end) {
    Local mp = temp(JKind.A, JvmTypes.MAP);
    expr(r.x());
    store(mp);
    Local keys = temp(JKind.A, "[Ljava/lang/Object;");
    load(mp);
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MAP, "keys", "(Lgol/runtime/GoMap;)[Ljava/lang/Object;", false);
    store(keys);
    Local idx = temp(JKind.J, null);
    mv.visitInsn(LCONST_0);
    store(idx);
    rangeVars(r, mt.elem, mt.key);
    Local key = temp(JKind.A, JvmTypes.OBJECT);
    mv.visitInsn(ACONST_NULL);
    store(key);
    mv.visitLabel(head);
    load(idx);
    load(keys);
    mv.visitInsn(ARRAYLENGTH);
    mv.visitInsn(I2L);
    mv.visitInsn(LCMP);
    mv.visitJumpInsn(IFGE, end);
    load(keys);
    load(idx);
    mv.visitInsn(L2I);
    mv.visitInsn(AALOAD);
    store(key);
    load(mp);
    load(key);
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MAP, "has", "(Lgol/runtime/GoMap;Ljava/lang/Object;)Z", false);
    mv.visitJumpInsn(IFEQ, post);
    if (r.key() != null) rangeAssign(r.key(), r.define(), () -> { load(key); unboxAs(mt.key); });
    if (r.value() != null) rangeAssign(r.value(), r.define(), () -> {
      load(mp);
      prog.rtypes.push(mv, xt);
      load(key);
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MAP, "get", "(Lgol/runtime/GoMap;Lgol/runtime/RType;Ljava/lang/Object;)Ljava/lang/Object;", false);
      unboxAs(mt.elem);
    });
    targets.push(new Target(label, end, post));
    block(r.body());
    targets.pop();
    mv.visitLabel(post);
    load(idx);
    mv.visitInsn(LCONST_1);
    mv.visitInsn(LADD);
    store(idx);
    backEdge(head);
    mv.visitLabel(end);
  }

  /**
   * For {@code for k, v := range}: declares the iteration variables once, before the loop (Go 1.19
   * has one variable per loop, not per iteration). Returns a marker array, non-null entries for
   * the variables present.
   */
  private Runnable[] rangeVars(Range r, Type valueType, Type keyType) {
    Runnable[] present = new Runnable[2];
    Expr[] vs = {r.key(), r.value()};
    for (int i = 0; i < 2; i++) {
      Expr e = vs[i];
      if (e == null) continue;
      present[i] = () -> {};
      if (!r.define()) continue;
      Ident id = (Ident) Expr.unparen(e);
      Symbol s = info.defs.get(id);
      if (s instanceof Symbol.Var v) {
        Local l = declare(v);
        pushZero(v.type);
        init(l);
        enter(l);
      }
    }
    return present;
  }

  private void rangeAssign(Expr target, boolean define, Runnable value) {
    Expr x = Expr.unparen(target);
    if (x instanceof Ident id && id.name().equals("_")) return;
    if (define) {
      Symbol s = info.defs.get((Ident) x);
      if (s instanceof Symbol.Var v) { value.run(); store(vars.get(v)); }
      return;
    }
    LValue lv = lvalue(target);
    lv.assign(value, JvmTypes.kind(lv.type()));
  }

  private void switchStmt(Switch sw, String label) {
    int m = scopeMark();
    stmt(sw.init());
    Local tag = null;
    Type tagType = null;
    if (sw.tag() != null) {
      prepare(sw.tag());
      tagType = typeOf(sw.tag());
      if (Types.isUntyped(tagType)) tagType = defaultTypeOf(tagType);
      tag = tempFor(tagType);
      exprAs(sw.tag(), tagType);
      store(tag);
    }
    Label end = new Label();
    List<CaseClause> cs = sw.clauses();
    Label[] bodies = new Label[cs.size()];
    for (int i = 0; i < cs.size(); i++) bodies[i] = new Label();
    int deflt = -1;
    for (int i = 0; i < cs.size(); i++) {
      CaseClause c = cs.get(i);
      if (c.list() == null) { deflt = i; continue; }
      for (Expr e : c.list()) {
        Label next = new Label();
        int tm = scopeMark();
        prepare(e);
        if (tag != null) {
          load(tag);
          exprAs(e, tagType);
          compareJump(Op.EQL, tagType, next);
        } else {
          cond(e, next);
        }
        dropTemps(tm);
        mv.visitJumpInsn(GOTO, bodies[i]);
        mv.visitLabel(next);
      }
    }
    mv.visitJumpInsn(GOTO, deflt >= 0 ? bodies[deflt] : end);
    targets.push(new Target(label, end, null));
    for (int i = 0; i < cs.size(); i++) {
      mv.visitLabel(bodies[i]);
      List<Stmt> body = cs.get(i).body();
      boolean fall = !body.isEmpty() && body.get(body.size() - 1) instanceof Branch b && b.kind() == BranchKind.FALLTHROUGH;
      stmts(fall ? body.subList(0, body.size() - 1) : body);
      mv.visitJumpInsn(GOTO, fall && i + 1 < cs.size() ? bodies[i + 1] : end);
    }
    targets.pop();
    mv.visitLabel(end);
    scopeRelease(m);
  }

  /**
   * {@code switch v := x.(type) { case T1, T2: ... case nil: ... default: ... }}: the cases are tested
   * in order; in a clause with one type, v has that type, otherwise v is x itself.
   */
  private void typeSwitch(TypeSwitch ts, String label) {
    int m = scopeMark();
    stmt(ts.init());
    prepare(ts.x());
    Local x = temp(JKind.A, JvmTypes.OBJECT);
    expr(ts.x());
    store(x);
    Label end = new Label();
    List<CaseClause> cs = ts.clauses();
    Label[] bodies = new Label[cs.size()];
    for (int i = 0; i < cs.size(); i++) bodies[i] = new Label();
    int deflt = -1;
    for (int i = 0; i < cs.size(); i++) {
      CaseClause c = cs.get(i);
      if (c.list() == null) { deflt = i; continue; }
      for (Expr te : c.list()) {
        Label next = new Label();
        if (info.symbolOf(te instanceof Ident id ? id : null) instanceof Symbol.Nil || (Expr.unparen(te) instanceof Ident id2 && id2.name().equals("nil"))) {
          load(x);
          mv.visitJumpInsn(IFNONNULL, next);
        } else {
          load(x);
          load(x);
          typeTest(info.typeOf(te), next);
          mv.visitInsn(POP);
          Label ok = new Label();
          mv.visitJumpInsn(GOTO, ok);
          mv.visitLabel(next);
          mv.visitInsn(POP);
          Label next2 = new Label();
          mv.visitJumpInsn(GOTO, next2);
          mv.visitLabel(ok);
          mv.visitJumpInsn(GOTO, bodies[i]);
          mv.visitLabel(next2);
          continue;
        }
        mv.visitJumpInsn(GOTO, bodies[i]);
        mv.visitLabel(next);
      }
    }
    mv.visitJumpInsn(GOTO, deflt >= 0 ? bodies[deflt] : end);
    targets.push(new Target(label, end, null));
    for (int i = 0; i < cs.size(); i++) {
      mv.visitLabel(bodies[i]);
      int cm = scopeMark();
      Symbol.Var v = info.implicits.get(cs.get(i));
      if (v != null && ts.binding() != null) {   // the clause's variable: x as that clause's type
        Local l = declare(v);
        load(x);
        List<Expr> list = cs.get(i).list();
        boolean single = list != null && list.size() == 1 && !(Expr.unparen(list.get(0)) instanceof Ident n && n.name().equals("nil"));
        if (single && !JvmTypes.isInterface(v.type)) unboxAs(v.type);
        else if (!JvmTypes.isInterface(v.type)) unboxAs(v.type);
        init(l);
        enter(l);
      }
      for (Stmt st : cs.get(i).body()) stmt(st);
      scopeRelease(cm);
      mv.visitJumpInsn(GOTO, end);
    }
    targets.pop();
    mv.visitLabel(end);
    scopeRelease(m);
  }

  private static Type defaultTypeOf(Type t) {
    Type.Kind k = Types.kindOf(t);
    if (k == Type.Kind.UNTYPED_BOOL) return Types.BOOL;
    if (k == Type.Kind.UNTYPED_FLOAT) return Types.FLOAT64;
    if (k == Type.Kind.UNTYPED_RUNE) return Types.RUNE;
    if (k == Type.Kind.UNTYPED_STRING) return Types.STRING;
    return Types.INT;
  }

  private void select(Select sel, String label) {
    List<CommClause> cs = sel.clauses();
    List<CommClause> cases = new ArrayList<>();
    CommClause deflt = null;
    for (CommClause c : cs) if (c.comm() == null) deflt = c; else cases.add(c);
    int n = cases.size();
    // Evaluate channel operands and sent values in source order.
    List<Expr> operands = new ArrayList<>();
    for (CommClause c : cases) {
      if (c.comm() instanceof Send s) { operands.add(s.ch()); operands.add(s.value()); }
      else operands.add(recvOf(c.comm()).x());
    }
    prepareAll(operands);
    Local[] chans = new Local[n], vals = new Local[n];
    for (int i = 0; i < n; i++) {
      CommClause c = cases.get(i);
      chans[i] = temp(JKind.A, JvmTypes.CHAN);
      if (c.comm() instanceof Send s) {
        expr(s.ch());
        store(chans[i]);
        Type elem = ((Type.Chan) typeOf(s.ch()).underlying()).elem;
        vals[i] = temp(JKind.A, JvmTypes.OBJECT);
        exprAs(s.value(), elem);
        if (!JvmTypes.isInterface(elem)) box(elem);
        store(vals[i]);
      } else {
        expr(recvOf(c.comm()).x());
        store(chans[i]);
      }
    }
    mv.visitVarInsn(ALOAD, 0);
    pushInt(n);
    mv.visitTypeInsn(ANEWARRAY, JvmTypes.CHAN);
    for (int i = 0; i < n; i++) { mv.visitInsn(DUP); pushInt(i); load(chans[i]); mv.visitInsn(AASTORE); }
    pushInt(n);
    mv.visitIntInsn(NEWARRAY, T_BOOLEAN);
    for (int i = 0; i < n; i++) if (vals[i] != null) { mv.visitInsn(DUP); pushInt(i); mv.visitInsn(ICONST_1); mv.visitInsn(BASTORE); }
    pushInt(n);
    mv.visitTypeInsn(ANEWARRAY, JvmTypes.OBJECT);
    for (int i = 0; i < n; i++) if (vals[i] != null) { mv.visitInsn(DUP); pushInt(i); load(vals[i]); mv.visitInsn(AASTORE); }
    mv.visitInsn(deflt != null ? ICONST_1 : ICONST_0);
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "select", "(Lgol/runtime/G;[Lgol/runtime/Chan;[Z[Ljava/lang/Object;Z)Lgol/runtime/Tuple;", false);
    afterSuspendableCall(JKind.A, JvmTypes.TUPLE);
    Local res = temp(JKind.A, JvmTypes.TUPLE);
    store(res);
    Label end = new Label();
    targets.push(new Target(label, end, null));
    for (int i = 0; i <= n; i++) {
      CommClause c = i < n ? cases.get(i) : deflt;
      if (c == null) continue;
      Label next = new Label();
      load(res);
      mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "j0", "J");
      pushLong(i < n ? i : -1);
      mv.visitInsn(LCMP);
      mv.visitJumpInsn(IFNE, next);
      int cm = scopeMark();
      if (i < n && !(c.comm() instanceof Send)) selectRecvAssign(c.comm(), res);
      for (Stmt s : c.body()) stmt(s);
      scopeRelease(cm);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(next);
    }
    targets.pop();
    mv.visitLabel(end);
  }

  private Unary recvOf(Stmt comm) {
    Expr e = comm instanceof ExprStmt es ? es.x() : ((Assign) comm).rhs().get(0);
    return (Unary) Expr.unparen(e);
  }

  private void selectRecvAssign(Stmt comm, Local res) {
    if (!(comm instanceof Assign a)) return;
    Type elem = ((Type.Chan) typeOf(recvOf(comm).x()).underlying()).elem;
    for (int i = 0; i < a.lhs().size(); i++) {
      final int idx = i;
      Runnable value = () -> {
        load(res);
        if (idx == 0) { mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "a0", "Ljava/lang/Object;"); unbox(elem); }
        else { mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "j1", "J"); mv.visitInsn(L2I); }
      };
      if (a.op() == Op.DEFINE) defineOrAssign(a.lhs().get(i), value);
      else {
        LValue lv = lvalue(a.lhs().get(i));
        lv.assign(value, idx == 0 ? JvmTypes.kind(elem) : JKind.Z);
      }
    }
  }

  private void branch(Branch b) {
    switch (b.kind()) {
      case BREAK: case CONTINUE: {
        boolean brk = b.kind() == BranchKind.BREAK;
        String want = b.label() == null ? null : b.label().name();
        for (Target t : targets) {
          if (want != null && !want.equals(t.label())) continue;
          if (!brk && t.cont() == null) continue;
          mv.visitJumpInsn(GOTO, brk ? t.brk() : t.cont());
          return;
        }
        throw new IllegalStateException("no target for " + b.kind() + " at " + b.pos());
      }
      case FALLTHROUGH:
        return;   // handled by switchStmt
      default:
        throw new Unsupported(b.pos(), "goto");
    }
  }
}
