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
abstract class StmtGen extends SelectGen {
  StmtGen(ProgramGen prog, FuncGen.Fn fn, boolean resumeCopy) { super(prog, fn, resumeCopy); }
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
    else if (s instanceof Labeled l) {
      Label target = gotoLabel(l.label().name());
      mv.visitLabel(target);
      placedLabels.add(l.label().name());
      pendingLabel = l.label().name();
      stmt(l.stmt());
    }
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
    toChanElem(elem);
    if (primChan(elem)) mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "sendJ", "(Lgol/runtime/G;Lgol/runtime/Chan;J)V", false);
    else mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "send", "(Lgol/runtime/G;Lgol/runtime/Chan;Ljava/lang/Object;)V", false);
    afterSuspendableCall(JKind.V, null);
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
    prepareCallParts(c);
    mv.visitVarInsn(ALOAD, 0);
    prog.goEntries.emitGo(this, c);   // the entry class's static go(G, values...): starts the goroutine
  }

  /**
   * go and defer evaluate the function value (or receiver) and the arguments now, in the current
   * goroutine: lift the calls among them, in Go's order.
   */
  private void prepareCallParts(Call c) {
    List<Expr> parts = new ArrayList<>();
    Calls.Kind k = Calls.kind(c, info);
    if (k == Calls.Kind.FUNC_VALUE || k == Calls.Kind.METHOD || k == Calls.Kind.IFACE_METHOD) parts.add(c.fun());
    if (k == Calls.Kind.LIB_METHOD) parts.add(((Selector) Expr.unparen(c.fun())).x());
    parts.addAll(c.args());
    prepareAll(parts);
  }

  /** {@code defer f(x)}: f and x are evaluated now; the call is pushed on the defer list. */
  private void deferStmt(Defer d) {
    Call c = d.call();
    prepareCallParts(c);
    mv.visitTypeInsn(NEW, "gol/runtime/Defer");
    mv.visitInsn(DUP);
    prog.goEntries.emitDefer(this, c);
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
      boolean prim = primChan(ct.elem);
      mv.visitLabel(head);
      mv.visitVarInsn(ALOAD, 0);
      load(ch);
      if (prim) {
        mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "recvJ", "(Lgol/runtime/G;Lgol/runtime/Chan;)J", false);
        afterSuspendableCall(JKind.J, null);
      } else {
        mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "recv", "(Lgol/runtime/G;Lgol/runtime/Chan;)Ljava/lang/Object;", false);
        afterSuspendableCall(JKind.A, JvmTypes.OBJECT);
      }
      Local val = prim ? temp(JKind.J, null) : temp(JKind.A, JvmTypes.OBJECT);
      store(val);
      recvOk();
      mv.visitJumpInsn(IFEQ, end);   // closed and drained
      if (assignV[0] != null) {
        Runnable value = () -> { load(val); if (prim) fromChanBits(ct.elem); else fromChanElem(ct.elem); };
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
    boolean viaPtr = u instanceof Type.Pointer && arrayOf(xt) != null;
    boolean arr = u instanceof Type.Array || viaPtr;
    if (!str && !arr && !(u instanceof Type.Slice)) throw new Unsupported(r.pos(), "range over " + xt);
    Local xs = temp(JKind.A, str ? JvmTypes.STRING : JvmTypes.SLICE);
    if (arr) {   // range over an array: over a copy of it (Go evaluates the range expression once); through a pointer, over the array itself
      Type.Array at = (Type.Array) arrayOf(xt);
      prog.rtypes.push(mv, new Type.Slice(at.elem));
      if (viaPtr) exprArray(r.x()); else exprAs(r.x(), xt);
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
      if (!(s instanceof Symbol.Var v)) return;
      Local l = vars.get(v);
      if (JvmTypes.isStruct(v.type)) {
        // the element's fields are copied into the loop's own variable: it must not alias the
        // element (v.X = 1 changes only v), and &v stays the same variable in every iteration
        String c = JvmTypes.className(v.type);
        load(l);
        value.run();
        mv.visitMethodInsn(INVOKEVIRTUAL, c, "set", "(L" + c + ";)V", false);
        return;
      }
      value.run();
      if (JvmTypes.isArray(v.type)) {   // arrays are values too
        mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ArrayOps", "copy", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitTypeInsn(CHECKCAST, JvmTypes.className(v.type));
      }
      store(l);
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

  private static Type defaultTypeOf(Type t) {
    Type.Kind k = Types.kindOf(t);
    if (k == Type.Kind.UNTYPED_BOOL) return Types.BOOL;
    if (k == Type.Kind.UNTYPED_FLOAT) return Types.FLOAT64;
    if (k == Type.Kind.UNTYPED_COMPLEX) return Types.COMPLEX128;
    if (k == Type.Kind.UNTYPED_RUNE) return Types.RUNE;
    if (k == Type.Kind.UNTYPED_STRING) return Types.STRING;
    return Types.INT;
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
      default: {   // goto L: a backward goto may loop, so it is a preemption point like a loop's back-edge
        String name = b.label().name();
        if (placedLabels.contains(name)) backEdge(gotoLabel(name));
        else mv.visitJumpInsn(GOTO, gotoLabel(name));
      }
    }
  }

  /** JVM labels of the function's Go labels (goto targets), and which have been emitted so far. */
  private final java.util.Map<String, Label> gotoLabels = new java.util.HashMap<>();
  private final java.util.Set<String> placedLabels = new java.util.HashSet<>();

  private Label gotoLabel(String name) { return gotoLabels.computeIfAbsent(name, n -> new Label()); }}
