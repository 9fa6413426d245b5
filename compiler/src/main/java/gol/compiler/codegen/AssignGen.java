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
 * Compiles assignments and declarations: the places a value can be stored ({@link LValue}: variables,
 * globals, struct fields, slice/array/map elements, {@code *p}, {@code _}), {@code =}, {@code :=},
 * {@code op=}, {@code ++}/{@code --}, the comma-ok forms, and {@code var} declarations. Struct places are
 * assigned by copying into the existing object, so pointers to them see the change (Go's semantics).
 */
abstract class AssignGen extends CallGen {
  AssignGen(ProgramGen prog, FuncGen.Fn fn, boolean resumeCopy) { super(prog, fn, resumeCopy); }


  /** Drops the temporaries made since mark, keeping variables the statement declared. */
  void dropTemps(int mark) {
    for (int i = scope.size() - 1; i >= mark; i--) if (scope.get(i).name.equals("$t")) scope.remove(i);
  }

  // ================================================================== assignment

  /** Something that can be assigned: a variable, a global, a slice element, or _. */
  interface LValue {
    Type type();
    /** Stores the value pushed by {@code value} (of kind k; _ discards it). */
    void assign(Runnable value, JKind k);
    void load();
  }

  LValue lvalue(Expr e) {
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
          public void load() { AssignGen.this.load(l); }
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
    if (x instanceof Index ix && arrayOf(typeOf(ix.x())) instanceof Type.Array at) {   // a[i] = v (also through a pointer)
      String ad = JvmTypes.arrayDesc(at.elem);
      int aSlot = allocSlot(JKind.A), iSlot = allocSlot(JKind.J);
      exprArray(ix.x());
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
    if (x instanceof Star st && typeOf(st.x()) instanceof Type.Pointer p) {   // *p = v through a cell or view
      int obj = allocSlot(JKind.A);
      expr(st.x());
      nilCheck(p);
      mv.visitVarInsn(ASTORE, obj);
      return new LValue() {
        public Type type() { return p.elem; }
        public void assign(Runnable value, JKind k) { mv.visitVarInsn(ALOAD, obj); value.run(); storeCell(p.elem); }
        public void load() { mv.visitVarInsn(ALOAD, obj); derefCell(p.elem); }
      };
    }
    throw new Unsupported(e.pos(), "assignment to " + describe(x));
  }

  /**
   * {@code errors.As(err, target)} where target is a pointer of static type *T: walks err's Unwrap
   * chain and stores the first error that holds a T (the same test as {@code e.(T)}) into *target,
   * pushing true; pushes false when none does. Go also asks errors with an {@code As(any) bool}
   * method; gol does not (see lang-spec differences).
   */
  @Override void errorsAs(Call c) {
    Expr target = c.args().get(1);
    if (!(typeOf(target) instanceof Type.Pointer p)) throw new Unsupported(target.pos(), "errors.As with a target of type " + typeOf(target));
    Type t = p.elem;
    int e = allocSlot(JKind.A);
    exprAs(c.args().get(0), Types.ERROR);   // a *T argument is boxed as an error holds it
    mv.visitVarInsn(ASTORE, e);
    // the target, evaluated once: stored through when an error matches, and as an interface value
    // for errors in the chain with an As(any) bool method
    int tp = allocSlot(JKind.A), boxedTarget = allocSlot(JKind.A);
    expr(target);
    Label nonNil = new Label();
    mv.visitInsn(DUP);
    mv.visitJumpInsn(IFNONNULL, nonNil);
    mv.visitLdcInsn("errors: target must be a non-nil pointer");
    mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Panic", "plain", "(Ljava/lang/String;)Lgol/runtime/Panic;", false);
    mv.visitInsn(ATHROW);
    mv.visitLabel(nonNil);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ASTORE, tp);
    box(p);
    mv.visitVarInsn(ASTORE, boxedTarget);
    LValue place = JvmTypes.isStruct(t) ? structInto(t, () -> { mv.visitVarInsn(ALOAD, tp); checkcast(JvmTypes.className(p)); })
        : new LValue() {
          public Type type() { return t; }
          public void assign(Runnable value, JKind kind) {
            mv.visitVarInsn(ALOAD, tp);
            checkcast(JvmTypes.className(p));
            value.run();
            storeCell(t);
          }
          public void load() { throw new IllegalStateException("load of an errors.As target"); }
        };
    JKind k = JvmTypes.kind(t);
    int v = allocSlot(k);
    Label loop = new Label(), fail = new Label(), none = new Label(), end = new Label();
    mv.visitLabel(loop);
    mv.visitVarInsn(ALOAD, e);
    mv.visitJumpInsn(IFNULL, none);
    mv.visitVarInsn(ALOAD, e);
    mv.visitInsn(DUP);
    typeTest(t, fail);
    unboxAs(t);
    mv.visitVarInsn(k.store, v);
    place.assign(() -> mv.visitVarInsn(k.load, v), k);
    mv.visitInsn(ICONST_1);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(fail);
    mv.visitInsn(POP);
    Label noAs = new Label();   // Go then asks the error's As method, if it has one
    mv.visitVarInsn(ALOAD, e);
    mv.visitTypeInsn(INSTANCEOF, "gol/runtime/lib/errors$Aser");
    mv.visitJumpInsn(IFEQ, noAs);
    mv.visitVarInsn(ALOAD, e);
    mv.visitTypeInsn(CHECKCAST, "gol/runtime/lib/errors$Aser");
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, boxedTarget);
    mv.visitMethodInsn(INVOKEINTERFACE, "gol/runtime/lib/errors$Aser", "As", "(Lgol/runtime/G;Ljava/lang/Object;)Z", true);
    mv.visitJumpInsn(IFEQ, noAs);
    mv.visitInsn(ICONST_1);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(noAs);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, e);
    mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/lib/errors", "Unwrap", "(Lgol/runtime/G;Ljava/lang/Object;)Ljava/lang/Object;", false);
    mv.visitVarInsn(ASTORE, e);
    mv.visitJumpInsn(GOTO, loop);
    mv.visitLabel(none);
    mv.visitInsn(ICONST_0);
    mv.visitLabel(end);
  }

  /**
   * A place holding a struct: assignment copies the new value's fields into the existing object
   * ({@code set}), so pointers to the place keep seeing it, as in Go.
   */
  LValue structInto(Type t, Runnable loadObject) {
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

  LValue blank(Type t) {
    return new LValue() {
      public Type type() { return t; }
      public void assign(Runnable value, JKind k) { value.run(); pop(k); }
      public void load() { throw new IllegalStateException("load of _"); }
    };
  }

  void incDec(IncDec id) {
    prepare(id.x());
    LValue lv = lvalue(id.x());
    Type t = lv.type();
    lv.assign(() -> {
      lv.load();
      if (JvmTypes.kind(t) == JKind.D) { mv.visitInsn(DCONST_1); mv.visitInsn(id.inc() ? DADD : DSUB); roundFloat(t); }
      else { mv.visitInsn(LCONST_1); mv.visitInsn(id.inc() ? LADD : LSUB); normalize(t); }
    }, JvmTypes.kind(t));
  }

  void assign(Assign a) {
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

  Type defineType(Expr l, Expr r) {
    Symbol s = Expr.unparen(l) instanceof Ident id ? info.symbolOf(id) : null;
    if (s instanceof Symbol.Var v) return v.type;
    return typeOf(r);
  }

  void assignOne(Expr l, Expr r, boolean define) {
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
  void defineOrAssign(Expr l, Runnable value) {
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
  void assignMulti(List<Expr> lhs, Expr r, boolean define) {
    Expr ru = Expr.unparen(r);
    List<Type> types;
    if (ru instanceof Unary u && u.op() == Op.ARROW) {   // v, ok := <-c
      Type elem = ((Type.Chan) typeOf(u.x()).underlying()).elem;
      evaluating = true;
      recv(u);
      evaluating = false;
      // The value, then the flag the receive left in g.recvOk (read before anything else runs).
      JKind ek = JvmTypes.kind(elem);
      int vslot = allocSlot(ek), okslot = allocSlot(JKind.Z);
      mv.visitVarInsn(ek.store, vslot);
      recvOk();
      mv.visitVarInsn(ISTORE, okslot);
      assignPair(lhs, define, elem, vslot, okslot);
      return;
    }
    if (ru instanceof Index mix && typeOf(mix.x()).underlying() instanceof Type.Map mt) {   // v, ok := m[k]
      expr(mix.x());
      prog.rtypes.push(mv, typeOf(mix.x()));
      exprAs(mix.index(), mt.key);
      if (!JvmTypes.isInterface(mt.key)) box(mt.key);
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MAP, "get2", "(Lgol/runtime/GoMap;Lgol/runtime/RType;Ljava/lang/Object;)Lgol/runtime/Tuple;", false);
      assignCommaOk(lhs, define, mt.elem, t -> { unboxAs(mt.elem); coerce(mt.elem, t); });
      return;
    }
    if (ru instanceof TypeAssert ta) {   // v, ok := x.(T); v is T's zero value when x does not hold a T
      Type at = info.typeOf(ta) instanceof Type.Tuple tt0 ? tt0.types.get(0) : info.typeOf(ta.type());
      typeAssert(ta, true);
      assignCommaOk(lhs, define, at, t -> {
        Label nil = new Label(), done = new Label();
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNULL, nil);
        unboxAs(at);
        coerce(at, t);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(nil);
        mv.visitInsn(POP);
        pushZero(t);
        mv.visitLabel(done);
      });
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

  /**
   * The comma-ok forms: with a Tuple on the stack (a0 = the value as an interface holds it, j0 = ok),
   * assigns or defines the two left-hand sides; valueFromA0 turns [a0] into a value of the given
   * target type.
   */
  private void assignCommaOk(List<Expr> lhs, boolean define, Type valueType, java.util.function.Consumer<Type> valueFromA0) {
    int tup = allocSlot(JKind.A);
    mv.visitVarInsn(ASTORE, tup);
    List<LValue> lvs = new ArrayList<>();
    if (!define) for (Expr l : lhs) lvs.add(lvalue(l));
    for (int i = 0; i < 2; i++) {
      final int idx = i;
      Type target = define ? defineType(lhs.get(i), null) : lvs.get(i).type();
      if (target == null) target = idx == 0 ? valueType : Types.BOOL;
      final Type tt = target;
      Runnable value = () -> {
        mv.visitVarInsn(ALOAD, tup);
        if (idx == 0) {
          mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "a0", "Ljava/lang/Object;");
          valueFromA0.accept(tt);
        } else {
          mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "j0", "J");
          mv.visitInsn(L2I);
        }
      };
      if (define) defineOrAssign(lhs.get(i), value); else lvs.get(i).assign(value, JvmTypes.kind(tt));
    }
  }

  /**
   * {@code v, ok = value, flag} with the value (of type valueType) in slot vslot and the bool in
   * okslot: assigns or defines the two left-hand sides, left to right.
   */
  void assignPair(List<Expr> lhs, boolean define, Type valueType, int vslot, int okslot) {
    List<LValue> lvs = new ArrayList<>();
    if (!define) for (Expr l : lhs) lvs.add(lvalue(l));
    for (int i = 0; i < 2; i++) {
      final int idx = i;
      Type target = define ? defineType(lhs.get(i), null) : lvs.get(i).type();
      if (target == null) target = idx == 0 ? valueType : Types.BOOL;
      final Type tt = target;
      Runnable value = () -> {
        if (idx == 0) {
          mv.visitVarInsn(JvmTypes.kind(valueType).load, vslot);
          coerce(valueType, tt);
        } else {
          mv.visitVarInsn(ILOAD, okslot);
          if (JvmTypes.isInterface(tt)) box(Types.BOOL);
        }
      };
      if (define) defineOrAssign(lhs.get(i), value); else lvs.get(i).assign(value, JvmTypes.kind(tt));
    }
  }

  void declStmt(Decl.Gen g) {
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
      if (vs.values().size() != vs.names().size()) {   // var a, b = f() (or m[k], x.(T)): assigned as a, b = f()
        Expr val = vs.values().get(0);
        if (Expr.unparen(val) instanceof Unary u && u.op() == Op.ARROW) prepare(u.x()); else prepareAll(vs.values());
        assignMulti(new ArrayList<>(vs.names()), val, false);
        dropTemps(mark);
        continue;
      }
      prepareAll(vs.values());
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
}
