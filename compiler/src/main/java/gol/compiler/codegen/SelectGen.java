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
 * Compiles {@code select} (one call of gol.runtime.Chan.select with the cases' channels and values,
 * then a dispatch on the chosen case) and type switches (a chain of type tests).
 */
abstract class SelectGen extends AssignGen {
  SelectGen(ProgramGen prog, FuncGen.Fn fn, boolean resumeCopy) { super(prog, fn, resumeCopy); }

  /** Compiles one statement (StmtGen). */
  abstract void stmt(Stmt s);



  /** A break/continue target: a loop (cont non-null), a switch or a select. */
  record Target(String label, Label brk, Label cont) {}

  final Deque<Target> targets = new ArrayDeque<>();

  /**
   * {@code switch v := x.(type) { case T1, T2: ... case nil: ... default: ... }}: the cases are tested
   * in order; in a clause with one type, v has that type, otherwise v is x itself.
   */
  void typeSwitch(TypeSwitch ts, String label) {
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
        if (isNil(te)) {
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
        // one type in the clause: v has that type; several (or nil): v is x, of the interface type
        if (!JvmTypes.isInterface(v.type)) unboxAs(v.type);
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

  void select(Select sel, String label) {
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
        Type elem = chanElem(s.ch());
        vals[i] = primChan(elem) ? temp(JKind.J, null) : temp(JKind.A, JvmTypes.OBJECT);
        exprAs(s.value(), elem);
        toChanElem(elem);
        store(vals[i]);
      } else {
        expr(recvOf(c.comm()).x());
        store(chans[i]);
      }
    }
    // The cases go into the goroutine's reusable select state (no arrays), then one call runs it.
    mv.visitVarInsn(ALOAD, 0);
    pushInt(n);
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "selectBegin", "(Lgol/runtime/G;I)V", false);
    for (int i = 0; i < n; i++) {
      mv.visitVarInsn(ALOAD, 0);
      pushInt(i);
      load(chans[i]);
      if (vals[i] == null) {
        mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "selectRecv", "(Lgol/runtime/G;ILgol/runtime/Chan;)V", false);
      } else if (vals[i].kind == JKind.J) {
        load(vals[i]);
        mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "selectSendJ", "(Lgol/runtime/G;ILgol/runtime/Chan;J)V", false);
      } else {
        load(vals[i]);
        mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "selectSend", "(Lgol/runtime/G;ILgol/runtime/Chan;Ljava/lang/Object;)V", false);
      }
    }
    mv.visitVarInsn(ALOAD, 0);
    mv.visitInsn(deflt != null ? ICONST_1 : ICONST_0);
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "selectGo", "(Lgol/runtime/G;Z)J", false);
    afterSuspendableCall(JKind.J, null);
    Local res = temp(JKind.J, null);   // the chosen case, -1 for default
    store(res);
    Label end = new Label();
    targets.push(new Target(label, end, null));
    for (int i = 0; i <= n; i++) {
      CommClause c = i < n ? cases.get(i) : deflt;
      if (c == null) continue;
      Label next = new Label();
      load(res);
      pushLong(i < n ? i : -1);
      mv.visitInsn(LCMP);
      mv.visitJumpInsn(IFNE, next);
      int cm = scopeMark();
      if (i < n && !(c.comm() instanceof Send)) selectRecvAssign(c.comm());
      for (Stmt s : c.body()) stmt(s);
      scopeRelease(cm);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(next);
    }
    targets.pop();
    mv.visitLabel(end);
  }

  Unary recvOf(Stmt comm) {
    Expr e = comm instanceof ExprStmt es ? es.x() : ((Assign) comm).rhs().get(0);
    return (Unary) Expr.unparen(e);
  }

  /**
   * The assignment of a chosen receive case ({@code case v, ok := <-c:}): the value and the ok flag
   * are taken from the select's state (Chan.selectValJ/selectValA, g.recvOk) first, then assigned.
   */
  void selectRecvAssign(Stmt comm) {
    if (!(comm instanceof Assign a)) return;
    Type elem = chanElem(recvOf(comm).x());
    JKind ek = JvmTypes.kind(elem);
    int vslot = allocSlot(ek), okslot = allocSlot(JKind.Z);
    mv.visitVarInsn(ALOAD, 0);
    if (primChan(elem)) {
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "selectValJ", "(Lgol/runtime/G;)J", false);
      fromChanBits(elem);
    } else {
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "selectValA", "(Lgol/runtime/G;)Ljava/lang/Object;", false);
      fromChanElem(elem);
    }
    mv.visitVarInsn(ek.store, vslot);
    recvOk();
    mv.visitVarInsn(ISTORE, okslot);
    List<Expr> lhs = a.lhs();
    if (lhs.size() == 2) {
      assignPair(lhs, a.op() == Op.DEFINE, elem, vslot, okslot);
      return;
    }
    Runnable value = () -> mv.visitVarInsn(ek.load, vslot);
    if (a.op() == Op.DEFINE) defineOrAssign(lhs.get(0), value);
    else {
      LValue lv = lvalue(lhs.get(0));
      Type t = lv.type() != null ? lv.type() : elem;
      lv.assign(() -> { value.run(); coerce(elem, t); }, JvmTypes.kind(t));
    }
  }

  /** Is the case expression the predeclared nil ({@code case nil:})? */
  private boolean isNil(Expr e) {
    return Expr.unparen(e) instanceof Ident id && info.symbolOf(id) instanceof Symbol.Nil;
  }

}
