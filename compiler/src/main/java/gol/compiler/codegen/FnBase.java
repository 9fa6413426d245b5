package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

import gol.compiler.ast.Expr;
import gol.compiler.ast.Pos;
import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import gol.compiler.types.TypeInfo;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * State and low-level emission shared by the expression and statement compilers of one copy of one
 * function: local slots and scopes, temporaries, resume points, and the continuation transform's
 * cold paths.
 *
 * <h2>The transform, step by step (CONTINUATIONS.md §11)</h2>
 * <ol>
 *   <li><b>Find suspension points.</b> {@link SuspendAnalysis} decides which functions may suspend;
 *       in those, every call that may suspend and every loop back-edge becomes a {@link Point},
 *       numbered 0, 1, 2, ... in emission order (the pc).</li>
 *   <li><b>Empty the operand stack.</b> Before a statement that contains a call that may suspend,
 *       {@link ExprGen#prepare} evaluates the statement's calls in Go's order into temporaries, so each
 *       such call runs with nothing else on the operand stack.</li>
 *   <li><b>Compute live values.</b> A point saves the Go variables in scope and the live temporaries.</li>
 *   <li><b>Spill, cold.</b> After the call: {@code if (g.status != 0) goto COLD_k}. The cold block, at
 *       the end of the method, stores the call's result in the G's registers if the callee returned
 *       normally (preemption), calls the save helper {@code f$s<k>(g, live...)}, and returns a dummy.</li>
 *   <li><b>Dispatch on resume.</b> The copy {@code f$resume(G)} starts with a prologue that pops the
 *       frame, {@code tableswitch}es on its pc, restores the live locals of that point, pushes the
 *       call's result from the G's registers and jumps to the instruction after the call in a second
 *       copy of the body, where a panic raised meanwhile by a resumed callee is rethrown (inside the
 *       call's exception ranges, so deferred calls and recover work across suspension). Its returns
 *       store the result in the G's registers.</li>
 * </ol>
 * <pre>
 *   static long fib(G g, long n)                 static void fib$resume(G g)
 *     if n < 2 return n                            pc = g.restore(); switch pc:
 *     t1 = fib(g, n-1)                               0: n = rp[b];             push g.retJ; goto C0
 *     if g.status != 0 goto COLD0  ----.             1: n = rp[b]; t1 = rp[b+1]; push g.retJ; goto C1
 *   C0:                                |           (second copy of the body, same labels C0, C1;
 *     t2 = fib(g, n-2)                 |            "return v" is g.retJ = v; return)
 *     if g.status != 0 goto COLD1      |
 *   C1:                                |         static void fib$s0(G g, long n)
 *     return t1 + t2                   |           p = g.save(FN_FIB, 0, 1, 0); sp[p] = n
 *   COLD0: fib$s0(g, n); return 0  <---'
 * </pre>
 * ({@code rp}/{@code b} are the popped frame's slots in the goroutine's stack segment and their
 * offset, {@code g.restoredPrims()}/{@code g.restoredPrimBase()}: locals are read in place, not
 * copied out first. Likewise a save helper writes to {@code g.savePrims()}, the stack segment
 * itself when it saves the only frame of a suspension.)
 */
abstract class FnBase {
  final ProgramGen prog;
  final TypeInfo info;
  final FuncGen.Fn fn;
  final boolean resumeCopy;
  MethodVisitor mv;

  private int nextSlot;
  /** Variables and temporaries in scope, innermost last. */
  final List<Local> scope = new ArrayList<>();
  final Map<Symbol.Var, Local> vars = new IdentityHashMap<>();
  /** Expressions already evaluated into temporaries by {@link ExprGen#prepare}. */
  final Map<Expr, Local> lifted = new IdentityHashMap<>();
  final List<Point> points = new ArrayList<>();
  /** Points of the normal copy, when emitting the resume copy (the same points in the same order). */
  List<Point> normalPoints;
  int budgetSlot = -1;
  int currentLine;

  /** Iterations between opaque reads of the status word at loop back-edges. */
  static final int BUDGET = 1024;

  FnBase(ProgramGen prog, FuncGen.Fn fn, boolean resumeCopy) {
    this.prog = prog;
    this.info = prog.info;
    this.fn = fn;
    this.resumeCopy = resumeCopy;
  }

  // ------------------------------------------------------------------ locals and scopes

  int allocSlot(JKind k) {
    int s = nextSlot;
    nextSlot += k == JKind.J || k == JKind.D ? 2 : 1;
    return s;
  }

  void reserveSlots(int n) { nextSlot = Math.max(nextSlot, n); }

  int maxSlot() { return nextSlot; }

  int scopeMark() { return scope.size(); }

  void scopeRelease(int mark) {
    while (scope.size() > mark) scope.remove(scope.size() - 1);
  }

  /** A new temporary in scope (saved at resume points until its scope is released). */
  Local temp(JKind k, String refClass) {
    Local l = new Local("$t", allocSlot(k), k, refClass, false);
    scope.add(l);
    return l;
  }

  Local tempFor(Type t) {
    JKind k = JvmTypes.kind(t);
    return temp(k, k == JKind.A ? JvmTypes.className(t) : null);
  }

  /** Declares a Go variable (not yet initialized: the caller stores its initial value next). */
  Local declare(Symbol.Var v) {
    JKind k = JvmTypes.kind(v.type);
    boolean cell = prog.cellVars.contains(v);
    Local l = new Local(v.name, allocSlot(cell ? JKind.A : k), k, k == JKind.A ? JvmTypes.className(v.type) : null, cell);
    vars.put(v, l);
    return l;
  }

  /** Puts a declared variable in scope (after its initializer was evaluated, as Go scoping says). */
  void enter(Local l) { scope.add(l); }

  /** Loads the Go value of l. */
  void load(Local l) {
    if (l.cell) {
      mv.visitVarInsn(ALOAD, l.slot);
      mv.visitFieldInsn(GETFIELD, l.kind.cellClass(), "v", l.kind.cellFieldDesc());
      if (l.kind == JKind.A) checkcast(l.refClass);
    } else {
      mv.visitVarInsn(l.kind.load, l.slot);
    }
  }

  /** Stores the value on top of the stack into l. */
  void store(Local l) {
    if (l.cell) {
      mv.visitVarInsn(ALOAD, l.slot);
      if (l.kind.size == 2) { mv.visitInsn(DUP_X2); mv.visitInsn(POP); } else mv.visitInsn(SWAP);
      mv.visitFieldInsn(PUTFIELD, l.kind.cellClass(), "v", l.kind.cellFieldDesc());
    } else {
      mv.visitVarInsn(l.kind.store, l.slot);
    }
  }

  /** Initializes a freshly declared l from the value on the stack (creating its cell if captured). */
  void init(Local l) {
    if (l.cell) {
      String cc = l.kind.cellClass();
      mv.visitTypeInsn(NEW, cc);
      if (l.kind.size == 2) { mv.visitInsn(DUP_X2); mv.visitInsn(DUP_X2); mv.visitInsn(POP); }
      else { mv.visitInsn(DUP_X1); mv.visitInsn(SWAP); }
      mv.visitMethodInsn(INVOKESPECIAL, cc, "<init>", "(" + l.kind.cellFieldDesc() + ")V", false);
      mv.visitVarInsn(ASTORE, l.slot);
    } else {
      mv.visitVarInsn(l.kind.store, l.slot);
    }
  }

  void checkcast(String cls) {
    if (cls != null && !cls.equals(JvmTypes.OBJECT)) mv.visitTypeInsn(CHECKCAST, cls);
  }

  void line(Pos p) {
    if (p == null || p.line() <= 0 || p.line() == currentLine) return;
    currentLine = p.line();
    Label l = new Label();
    mv.visitLabel(l);
    mv.visitLineNumber(p.line(), l);
  }

  void pushLong(long v) {
    if (v == 0 || v == 1) mv.visitInsn((int) (LCONST_0 + v));
    else mv.visitLdcInsn(v);
  }

  void pushInt(int v) { pushInt(mv, v); }

  static void pushInt(MethodVisitor mv, int v) {
    if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
    else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
    else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
    else mv.visitLdcInsn(v);
  }

  /** {@code slot = g.name()}: one of the G's accessors for where a frame's locals are (desc: its type). */
  static void storeFromG(MethodVisitor mv, String name, String desc, int slot) {
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.G, name, "()" + desc, false);
    mv.visitVarInsn(desc.equals("I") ? ISTORE : ASTORE, slot);
  }

  /** [] -> [array, base + i]: the array element of local i of a frame held in place at base. */
  static void frameSlot(MethodVisitor mv, int arraySlot, int baseSlot, int i) {
    mv.visitVarInsn(ALOAD, arraySlot);
    mv.visitVarInsn(ILOAD, baseSlot);
    if (i > 0) {
      pushInt(mv, i);
      mv.visitInsn(IADD);
    }
  }

  void pushDefault(JKind k) {
    switch (k) {
      case J: mv.visitInsn(LCONST_0); break;
      case D: mv.visitInsn(DCONST_0); break;
      case Z: mv.visitInsn(ICONST_0); break;
      case A: mv.visitInsn(ACONST_NULL); break;
      default: break;
    }
  }

  /** Pushes Go's zero value of t. */
  void pushZero(Type t) {
    JKind k = JvmTypes.kind(t);
    if (k != JKind.A) { pushDefault(k); return; }
    if (JvmTypes.isString(t)) { mv.visitLdcInsn(""); return; }
    if (JvmTypes.isComplex(t)) { mv.visitFieldInsn(GETSTATIC, JvmTypes.COMPLEX, "ZERO", "L" + JvmTypes.COMPLEX + ";"); return; }
    StructGen.zero(prog, mv, t);
  }

  void pop(JKind k) {
    if (k == JKind.V) return;
    mv.visitInsn(k.size == 2 ? POP2 : POP);
  }

  // ------------------------------------------------------------------ resume points

  /** Snapshot of what is in scope now: the live set of a point created here. */
  private List<Local> liveNow() { return List.copyOf(scope); }

  /**
   * After a call that may suspend (its result, of kind rk, is on the stack): the status check.
   * Does nothing in a function that is not in S.
   */
  void afterSuspendableCall(JKind rk, String resultClass) {
    if (!fn.maySuspend) return;
    Label cont = resumeCopy ? resumeTargets[points.size()] : new Label();
    Point p = newPoint(rk, resultClass, false, cont);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, JvmTypes.G, "status", "I");
    mv.visitJumpInsn(IFNE, p.cold);
    mv.visitLabel(cont);
    if (resumeCopy) {
      // A panic raised in a resumed callee arrives here (g.pendingPanic): throwing it at the call
      // site, inside the call's own exception ranges, makes defer/recover behave as if the frame had
      // never been suspended.
      mv.visitVarInsn(ALOAD, 0);
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.G, "checkPendingPanic", "(" + JvmTypes.G_DESC + ")V", false);
    }
  }

  /**
   * At a loop back-edge, just before jumping to {@code head}: count down the budget and, when it runs
   * out, read the status word opaquely; if preemption was requested, suspend with the frame resuming
   * at {@code head}. The live set is what is in scope at the head.
   */
  void backEdge(Label head) {
    if (!fn.maySuspend) { mv.visitJumpInsn(GOTO, head); return; }
    Point p = newPoint(JKind.V, null, true, head);
    mv.visitIincInsn(budgetSlot, -1);
    mv.visitVarInsn(ILOAD, budgetSlot);
    mv.visitJumpInsn(IFGT, head);
    pushInt(BUDGET);
    mv.visitVarInsn(ISTORE, budgetSlot);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.G, "preemptRequested", "(" + JvmTypes.G_DESC + ")Z", false);
    mv.visitJumpInsn(IFEQ, head);
    mv.visitJumpInsn(GOTO, p.cold);
  }

  private Point newPoint(JKind rk, String rc, boolean backEdge, Label cont) {
    int pc = points.size();
    List<Local> live = liveNow();
    if (normalPoints != null) {
      if (pc >= normalPoints.size()) throw new IllegalStateException("resume copy has more points than the normal copy in " + fn.jvmName);
      Point np = normalPoints.get(pc);
      if (np.live.size() != live.size() || np.backEdge != backEdge) throw new IllegalStateException("resume copy diverged at point " + pc + " in " + fn.jvmName);
    }
    Point p = new Point(pc, live, rk, rc, currentLine, backEdge, cont);
    points.add(p);
    return p;
  }

  /** Emits the cold block of every point (at the end of the method). */
  void emitColdBlocks() {
    for (Point p : points) {
      if (resumeCopy && p.backEdge) {   // the prologue resumes a back-edge point at its loop head
        mv.visitLabel(resumeTargets[p.pc]);
        mv.visitJumpInsn(GOTO, p.cont);
      }
      mv.visitLabel(p.cold);
      if (p.resultKind != JKind.V) {
        // The callee returned normally only if UNWIND is clear (a preemption request): keep its
        // result for the resumed frame. Otherwise the value is the unwinding callee's dummy.
        Label drop = new Label(), save = new Label();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, JvmTypes.G, "status", "I");
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IAND);
        mv.visitJumpInsn(IFNE, drop);
        storeResultRegister(p.resultKind);
        mv.visitJumpInsn(GOTO, save);
        mv.visitLabel(drop);
        pop(p.resultKind);
        mv.visitLabel(save);
      }
      mv.visitVarInsn(ALOAD, 0);
      for (Local l : p.live) mv.visitVarInsn(l.slotKind().load, l.slot);
      mv.visitMethodInsn(INVOKESTATIC, prog.className, fn.jvmName + "$s" + p.pc, p.saveDesc(), false);
      if (resumeCopy) mv.visitInsn(RETURN);
      else {
        pushDefault(fn.resultKind);
        mv.visitInsn(fn.resultKind.ret);
      }
    }
  }

  /** [value] → g.retJ/retD/retA = value (bool as 0/1 in retJ). */
  void storeResultRegister(JKind k) {
    if (k == JKind.Z) { mv.visitInsn(I2L); k = JKind.J; }
    mv.visitVarInsn(ALOAD, 0);
    if (k.size == 2) { mv.visitInsn(DUP_X2); mv.visitInsn(POP); } else mv.visitInsn(SWAP);
    switch (k) {
      case J: mv.visitFieldInsn(PUTFIELD, JvmTypes.G, "retJ", "J"); break;
      case D: mv.visitFieldInsn(PUTFIELD, JvmTypes.G, "retD", "D"); break;
      default: mv.visitFieldInsn(PUTFIELD, JvmTypes.G, "retA", "Ljava/lang/Object;"); break;
    }
  }

  /** Pushes g.retJ/retD/retA as a value of kind k (class cls). */
  void loadResultRegister(JKind k, String cls) {
    mv.visitVarInsn(ALOAD, 0);
    switch (k) {
      case J: mv.visitFieldInsn(GETFIELD, JvmTypes.G, "retJ", "J"); break;
      case Z: mv.visitFieldInsn(GETFIELD, JvmTypes.G, "retJ", "J"); mv.visitInsn(L2I); break;
      case D: mv.visitFieldInsn(GETFIELD, JvmTypes.G, "retD", "D"); break;
      default: mv.visitFieldInsn(GETFIELD, JvmTypes.G, "retA", "Ljava/lang/Object;"); checkcast(cls); break;
    }
  }

  /**
   * The resume copy's prologue: pop the frame, dispatch on its pc, restore that point's live locals
   * (slots are the same as in the normal copy), rethrow a pending panic, push the call's result and
   * continue after the call.
   */
  void emitResumePrologue(int scratch) {
    int pcSlot = scratch, rpSlot = scratch + 1, rrSlot = scratch + 2, rpBaseSlot = scratch + 3, rrBaseSlot = scratch + 4;
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.G, "restore", "()I", false);
    mv.visitVarInsn(ISTORE, pcSlot);
    // the frame's locals, read in place from the goroutine's stack segment: rp[rpBase + i], rr[rrBase + i]
    boolean anyPrim = false, anyRef = false;
    for (Point p : normalPoints) {
      anyPrim |= p.primCount() > 0;
      anyRef |= p.refCount() > 0;
    }
    if (anyPrim) {
      storeFromG(mv, "restoredPrims", "[J", rpSlot);
      storeFromG(mv, "restoredPrimBase", "I", rpBaseSlot);
    }
    if (anyRef) {
      storeFromG(mv, "restoredRefs", "[Ljava/lang/Object;", rrSlot);
      storeFromG(mv, "restoredRefBase", "I", rrBaseSlot);
    }
    pushInt(BUDGET);
    mv.visitVarInsn(ISTORE, budgetSlot);
    int n = normalPoints.size();
    Label[] targets = new Label[n];
    for (int i = 0; i < n; i++) targets[i] = new Label();
    Label bad = new Label();
    mv.visitVarInsn(ILOAD, pcSlot);
    mv.visitTableSwitchInsn(0, n - 1, bad, targets);
    for (int i = 0; i < n; i++) {
      Point p = normalPoints.get(i);
      mv.visitLabel(targets[i]);
      int pi = 0, ri = 0;
      for (Local l : p.live) {
        JKind k = l.slotKind();
        if (k.isPrim()) {
          frameSlot(mv, rpSlot, rpBaseSlot, pi++);
          mv.visitInsn(LALOAD);
          if (k == JKind.D) mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
          if (k == JKind.Z) mv.visitInsn(L2I);
        } else {
          frameSlot(mv, rrSlot, rrBaseSlot, ri++);
          mv.visitInsn(AALOAD);
          checkcast(l.slotClass());
        }
        mv.visitVarInsn(k.store, l.slot);
      }
      if (p.resultKind != JKind.V) loadResultRegister(p.resultKind, p.resultClass);
      mv.visitJumpInsn(GOTO, resumeTargets[i]);
    }
    mv.visitLabel(bad);
    mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
    mv.visitInsn(DUP);
    mv.visitLdcInsn("bad resume point in " + fn.goName);
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false);
    mv.visitInsn(ATHROW);
  }

  /** Labels of the resume copy's points, created ahead so the prologue can jump forward to them. */
  Label[] resumeTargets;

  /** Save helper of point p: {@code static void f$s<pc>(G g, live...)}. */
  static void emitSaveHelper(MethodVisitor mv, int fnId, Point p) {
    mv.visitCode();
    int np = p.primCount(), nr = p.refCount();
    // int base = g.save(fnId, pc, np, nr)
    mv.visitVarInsn(ALOAD, 0);
    mv.visitLdcInsn(fnId);
    mv.visitLdcInsn(p.pc);
    mv.visitLdcInsn(np);
    mv.visitLdcInsn(nr);
    mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.G, "save", "(IIII)I", false);
    int slot = 1;
    for (Local l : p.live) slot += l.slotKind().size;
    int baseSlot = slot, spSlot = slot + 1, srSlot = slot + 2, rbSlot = slot + 3;
    mv.visitVarInsn(ISTORE, baseSlot);
    // where to store: the goroutine's stack segment (one-frame suspension) or the M's scratch
    if (np > 0) storeFromG(mv, "savePrims", "[J", spSlot);
    if (nr > 0) {
      storeFromG(mv, "saveRefs", "[Ljava/lang/Object;", srSlot);
      storeFromG(mv, "saveRefBase", "I", rbSlot);
    }
    int arg = 1, pi = 0, ri = 0;
    for (Local l : p.live) {
      JKind k = l.slotKind();
      if (k.isPrim()) {
        frameSlot(mv, spSlot, baseSlot, pi++);
        mv.visitVarInsn(k.load, arg);
        if (k == JKind.D) mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
        if (k == JKind.Z) mv.visitInsn(I2L);
        mv.visitInsn(LASTORE);
      } else {
        frameSlot(mv, srSlot, rbSlot, ri++);
        mv.visitVarInsn(ALOAD, arg);
        mv.visitInsn(AASTORE);
      }
      arg += k.size;
    }
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }
}
