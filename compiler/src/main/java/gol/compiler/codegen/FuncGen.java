package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

import gol.compiler.ast.Decl;
import gol.compiler.ast.Node;
import gol.compiler.ast.Stmt;
import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles one function (a declaration or a function literal's body) to JVM methods:
 * {@code f(G, params)} always; and, if the function may suspend and has resume points,
 * {@code f$resume(G)} (the second copy of the body entered at a saved point) and one save helper
 * {@code f$s<pc>} per point.
 *
 * <p>The compiler of one function body is one object whose class is split by concern along a chain,
 * each file adding one layer: {@link FnBase} (slots, scopes, resume points, the transform's cold
 * paths) ← {@link ExprGen} (operands, constants, boxing, lifting calls that may suspend) ←
 * {@link OperatorGen} (arithmetic, comparisons, conditions) ← {@link CompositeGen} (indexing,
 * slicing, literals, type assertions, addresses) ← {@link CallGen} (calls, conversions, built-ins) ←
 * {@link AssignGen} (places and assignment) ← {@link SelectGen} (select, type switches) ←
 * {@link StmtGen} (the other statements) ← FuncGen (the two copies of the method).
 */
final class FuncGen extends StmtGen {

  /** What the function is: shared by both copies. */
  static final class Fn {
    final String goName;       // main.worker, main.main.func1
    final String jvmName;      // worker, main$func1
    final Node node;           // Decl.Func or Expr.FuncLit
    final Type.Signature sig;
    final Stmt.Block body;
    /** Variables of enclosing functions captured by a literal: leading parameters holding their cells. */
    final List<Symbol.Var> captured;
    final boolean maySuspend;
    final JKind resultKind;
    /** Assigned when the function turns out to have resume points. */
    int fnId = -1;
    List<Point> points = List.of();

    Fn(String goName, String jvmName, Node node, Type.Signature sig, Stmt.Block body, List<Symbol.Var> captured, boolean maySuspend) {
      this.goName = goName; this.jvmName = jvmName; this.node = node; this.sig = sig; this.body = body;
      this.captured = captured; this.maySuspend = maySuspend;
      this.resultKind = JvmTypes.resultKind(sig.results);
    }

    /** {@code (G, cells..., params...)R} */
    String desc() {
      StringBuilder sb = new StringBuilder("(").append(JvmTypes.G_DESC);
      for (Symbol.Var v : captured) sb.append('L').append(JvmTypes.kind(v.type).cellClass()).append(';');
      if (sig.recv != null) sb.append(JvmTypes.desc(sig.recv.type));
      for (Symbol.Var p : sig.params) sb.append(JvmTypes.desc(p.type));
      return sb.append(')').append(JvmTypes.resultDesc(sig.results)).toString();
    }
  }

  private FuncGen(ProgramGen prog, Fn fn, boolean resumeCopy) { super(prog, fn, resumeCopy); }

  /** Compiles fn into cv: the normal method, and the resume copy and save helpers if needed. */
  static void compile(ProgramGen prog, ClassVisitor cv, Fn fn) {
    FuncGen normal = new FuncGen(prog, fn, false);
    normal.emit(cv, fn.desc());
    if (normal.points.isEmpty()) return;
    fn.points = normal.points;
    fn.fnId = prog.registerResumable(fn);
    FuncGen res = new FuncGen(prog, fn, true);
    res.normalPoints = normal.points;
    res.resumeTargets = new Label[normal.points.size()];
    for (int i = 0; i < res.resumeTargets.length; i++) res.resumeTargets[i] = new Label();
    res.emit(cv, "(" + JvmTypes.G_DESC + ")V", normal.maxSlot());
    if (res.points.size() != normal.points.size()) throw new IllegalStateException("copies of " + fn.goName + " differ");
    for (Point p : normal.points) {
      MethodVisitor mv = cv.visitMethod(ACC_STATIC | ACC_PRIVATE | ACC_SYNTHETIC, fn.jvmName + "$s" + p.pc, p.saveDesc(), null, null);
      emitSaveHelper(mv, fn.fnId, p);
    }
  }

  private void emit(ClassVisitor cv, String desc) { emit(cv, desc, -1); }

  private void emit(ClassVisitor cv, String desc, int prologueScratch) {
    String name = resumeCopy ? fn.jvmName + "$resume" : fn.jvmName;
    mv = cv.visitMethod(ACC_STATIC | (resumeCopy ? ACC_SYNTHETIC : 0), name, desc, null, null);   // package access: the Resumer calls f$resume
    mv.visitCode();
    // Slots are allocated identically in both copies: g, captured cells, parameters, the budget.
    allocSlot(JKind.A);                        // 0: g
    int[] capturedSlots = new int[fn.captured.size()];
    for (int i = 0; i < capturedSlots.length; i++) capturedSlots[i] = allocSlot(JKind.A);
    // the receiver of a method is its first parameter
    List<Symbol.Var> params = new java.util.ArrayList<>();
    if (fn.sig.recv != null) params.add(fn.sig.recv);
    params.addAll(fn.sig.params);
    int[] paramSlots = new int[params.size()];
    for (int i = 0; i < paramSlots.length; i++) paramSlots[i] = allocSlot(JvmTypes.kind(params.get(i).type));
    budgetSlot = allocSlot(JKind.Z);
    // The prologue's five scratch slots lie above every slot of the normal copy, so the body's
    // slots (allocated below, identically in both copies) never collide with them.
    if (resumeCopy) emitResumePrologue(prologueScratch);
    Label start = new Label();
    mv.visitLabel(start);
    line(fn.node.pos());
    if (fn.maySuspend && hasLoop(fn.body)) {   // the back-edge countdown (FnBase.backEdge)
      pushInt(BUDGET);
      mv.visitVarInsn(ISTORE, budgetSlot);
    }
    for (int i = 0; i < capturedSlots.length; i++) {
      Symbol.Var v = fn.captured.get(i);
      JKind k = JvmTypes.kind(v.type);
      Local l = new Local(v.name, capturedSlots[i], k, k == JKind.A ? JvmTypes.className(v.type) : null, true);
      vars.put(v, l);
      enter(l);
    }
    for (int i = 0; i < paramSlots.length; i++) {
      Symbol.Var v = params.get(i);
      JKind k = JvmTypes.kind(v.type);
      if (prog.cellVars.contains(v)) {
        Local l = declare(v);
        mv.visitVarInsn(k.load, paramSlots[i]);
        init(l);
        enter(l);
      } else {
        Local l = new Local(v.name, paramSlots[i], k, k == JKind.A ? JvmTypes.className(v.type) : null, false);
        vars.put(v, l);
        enter(l);
      }
    }
    for (Symbol.Var r : fn.sig.results) {
      if (r.name.isEmpty() || r.name.equals("_")) continue;
      Local l = declare(r);
      pushZero(r.type);
      init(l);
      enter(l);
    }
    if (hasDefer(fn.body)) { bodyWithDefers(); return; }
    if (fn.node instanceof Decl.Func d && d.name().name().equals("main") && d.recv() == null) programStart();
    block(fn.body);
    if (fn.resultKind == JKind.V) emitReturn();
    else {
      // Go guarantees a terminating statement; the JVM needs the method not to fall off its end.
      mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
      mv.visitInsn(DUP);
      mv.visitLdcInsn("missing return in " + fn.goName);
      mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false);
      mv.visitInsn(ATHROW);
    }
    emitColdBlocks();
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * A function with defer statements:
   * <pre>
   *   TRY:   body             (return: results into result locals, goto EXIT)
   *   catch Panic, Goexit:    $panic = it; G.beginPanicking; goto EXIT
   *   EXIT:  while $defer != nil { d = $defer; $defer = d.next; d.fn.run(g) }   (a deferred call that
   *          panics replaces $panic and the loop goes on)
   *          if $panic != nil and no deferred call recovered it: throw it
   *          return the result locals (deferred calls may have changed named results)
   * </pre>
   * $defer and $panic are locals, saved and restored like any other when the goroutine suspends
   * (in the body or inside a deferred call).
   */
  private void bodyWithDefers() {
    List<Local> results = new java.util.ArrayList<>();
    for (Symbol.Var r : fn.sig.results) {
      Local l = vars.get(r);
      if (l == null) {   // an unnamed (or _) result: a hidden local
        JKind k = JvmTypes.kind(r.type);
        l = new Local("$result", allocSlot(k), k, k == JKind.A ? JvmTypes.className(r.type) : null, false);
        pushZero(r.type);
        init(l);
        enter(l);
      }
      results.add(l);
    }
    resultLocals = results;
    deferList = new Local("$defer", allocSlot(JKind.A), JKind.A, "gol/runtime/Defer", false);
    mv.visitInsn(ACONST_NULL);
    init(deferList);
    enter(deferList);
    Local panic = new Local("$panic", allocSlot(JKind.A), JKind.A, "java/lang/Throwable", false);
    mv.visitInsn(ACONST_NULL);
    init(panic);
    enter(panic);
    // g.deferTarget outside this function's deferred calls, restored after they ran (recover's rule)
    Local outerTarget = new Local("$deferTarget", allocSlot(JKind.A), JKind.A, "java/lang/String", false);
    mv.visitInsn(ACONST_NULL);
    init(outerTarget);
    enter(outerTarget);
    exitLabel = new Label();
    Label tryStart = new Label(), tryEnd = new Label(), handler = new Label();
    mv.visitTryCatchBlock(tryStart, tryEnd, handler, "gol/runtime/Panic");
    mv.visitTryCatchBlock(tryStart, tryEnd, handler, "gol/runtime/Goexit");
    mv.visitLabel(tryStart);
    if (fn.node instanceof Decl.Func d && d.name().name().equals("main") && d.recv() == null) programStart();
    block(fn.body);
    mv.visitJumpInsn(GOTO, exitLabel);   // falling off the end of a function without results
    mv.visitLabel(tryEnd);
    mv.visitLabel(handler);
    catchPanic(panic);
    mv.visitJumpInsn(GOTO, exitLabel);

    mv.visitLabel(exitLabel);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, JvmTypes.G, "deferTarget", "Ljava/lang/String;");
    store(outerTarget);
    Label loop = new Label(), done = new Label(), runStart = new Label(), runEnd = new Label(), handler2 = new Label();
    mv.visitTryCatchBlock(runStart, runEnd, handler2, "gol/runtime/Panic");
    mv.visitTryCatchBlock(runStart, runEnd, handler2, "gol/runtime/Goexit");
    mv.visitLabel(loop);
    load(deferList);
    mv.visitJumpInsn(IFNULL, done);
    int entry = allocSlot(JKind.A);
    load(deferList);
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETFIELD, "gol/runtime/Defer", "fn", "Lgol/runtime/Entry;");
    mv.visitVarInsn(ASTORE, entry);
    mv.visitFieldInsn(GETFIELD, "gol/runtime/Defer", "next", "Lgol/runtime/Defer;");
    store(deferList);
    mv.visitLabel(runStart);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, entry);
    mv.visitMethodInsn(INVOKEINTERFACE, "gol/runtime/Entry", "deferTarget", "()Ljava/lang/String;", true);
    mv.visitFieldInsn(PUTFIELD, JvmTypes.G, "deferTarget", "Ljava/lang/String;");
    mv.visitVarInsn(ALOAD, entry);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKEINTERFACE, "gol/runtime/Entry", "run", "(Lgol/runtime/G;)V", true);
    afterSuspendableCall(JKind.V, null);
    mv.visitLabel(runEnd);
    mv.visitJumpInsn(GOTO, loop);
    mv.visitLabel(handler2);
    load(panic);
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.G, "supersede", "(Ljava/lang/Throwable;Ljava/lang/Throwable;)Ljava/lang/Throwable;", false);
    catchPanic(panic);
    mv.visitJumpInsn(GOTO, loop);

    mv.visitLabel(done);
    mv.visitVarInsn(ALOAD, 0);
    load(outerTarget);
    mv.visitFieldInsn(PUTFIELD, JvmTypes.G, "deferTarget", "Ljava/lang/String;");
    Label normal = new Label();
    load(panic);
    mv.visitJumpInsn(IFNULL, normal);
    mv.visitVarInsn(ALOAD, 0);
    load(panic);
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.G, "endPanicking", "(Lgol/runtime/G;Ljava/lang/Throwable;)Z", false);
    mv.visitJumpInsn(IFNE, normal);
    load(panic);
    mv.visitInsn(ATHROW);
    mv.visitLabel(normal);
    returnResultLocals();
    emitColdBlocks();
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** [Throwable] → $panic, and tell the G which panic deferred calls may now recover. */
  private void catchPanic(Local panic) {
    store(panic);
    mv.visitVarInsn(ALOAD, 0);
    load(panic);
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.G, "beginPanicking", "(Lgol/runtime/G;Ljava/lang/Throwable;)V", false);
  }

  private static boolean hasDefer(Stmt.Block body) {
    boolean[] found = {false};
    new Walker() {
      @Override protected void stmt(Stmt s) {
        if (s instanceof Stmt.Defer) found[0] = true;
        else walkStmt(s);
      }
    }.walkBody(body);
    return found[0];
  }

  /** Does the body (not counting function literals in it) contain a loop? */
  private static boolean hasLoop(Stmt.Block body) {
    boolean[] found = {false};
    new Walker() {
      @Override protected void stmt(Stmt s) {
        if (s instanceof Stmt.For || s instanceof Stmt.Range || s instanceof Stmt.Branch b && b.kind() == Stmt.BranchKind.GOTO) found[0] = true;
        else walkStmt(s);
      }
    }.walkBody(body);
    return found[0];
  }

  /** In main: package-level variable initializers and init functions run first, as in Go. */
  private void programStart() {
    for (Decl d : prog.varDeclsInInitOrder()) globalVars((Decl.Gen) d);
    for (Decl.Func f : prog.initFuncs()) { line(f.pos()); callInit(f); }
  }
}
