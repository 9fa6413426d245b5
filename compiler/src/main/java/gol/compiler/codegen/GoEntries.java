package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

import gol.compiler.ast.Expr;
import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * The entries of go and defer statements: {@code go f(x)} and {@code defer f(x)} fill an object of a
 * generated class {@code main$go<N>} implementing {@link gol.runtime.Entry}, which holds the function
 * value (or receiver; for a function literal, the cells of its captured variables) and the arguments,
 * evaluated at the statement, and calls f when the goroutine runs or the deferred call is made. The
 * class also names, for the recover rule, the function the entry calls ({@code deferTarget}), and
 * where the go statement is ({@code creatorName/Line}).
 * Built-ins are called through small runtime functions (gol.runtime.Builtin, Chan.close).
 *
 * <p>A defer statement makes a new entry with the values ({@code new main$go3(f0, f1)}). A go
 * statement calls the class's static {@code go(G, f0, f1)}, which reuses the entry the new
 * goroutine's G kept from its last go statement if it is of this class, or makes one
 * ({@link gol.runtime.G#spareEntry}), stores the values in it and starts the goroutine: once Gs are
 * being reused, a go statement allocates nothing. Its {@code run} clears the entry's reference
 * fields as it calls f, so a dead G keeps nothing alive. In Java terms:
 * <pre>{@code
 * static void go(G parent, Cell.A f0, long f1) {
 *   G g = Sched.newg(parent);
 *   main$go3 e = g.spareEntry instanceof main$go3 s ? s : (main$go3) (g.spareEntry = new main$go3());
 *   e.f0 = f0; e.f1 = f1;
 *   Sched.start(parent, g, e);
 * }
 * public void run(G g) { Cell.A a = f0; f0 = null; main.main$func1(g, a, f1); }
 * }</pre>
 */
final class GoEntries {
  private final ProgramGen prog;
  private int goCounter;
  /**
   * The entry class of each go/defer statement. A function that can suspend is generated twice, as
   * its body and its resume method (FuncGen), and both copies of a statement must make the same
   * class: two classes would make the scheduler's call of Entry.run bimorphic, and the JIT would
   * compile the goroutine's code twice into it.
   */
  private final java.util.IdentityHashMap<Expr.Call, String> classes = new java.util.IdentityHashMap<>();

  GoEntries(ProgramGen prog) { this.prog = prog; }

  /** deferTarget of an entry calling a func value that is not a literal: asked of the value at run time. */
  private static final String DYNAMIC = new String("dynamic");


  /** Evaluates the arguments of a deferred (or go) built-in call now, as the runtime function takes them. */
  private void builtinArgs(CallGen gen, Expr.Call c, String b) {
    MethodVisitor mv = gen.mv;
    List<Expr> as = c.args();
    switch (b) {
      case "close": gen.exprAs(as.get(0), gen.typeOf(as.get(0))); return;
      case "panic": gen.exprAs(as.get(0), gol.compiler.types.Types.EMPTY_INTERFACE); return;
      case "recover": return;
      case "delete": {
        Type.Map mt = (Type.Map) gen.typeOf(as.get(0)).underlying();
        gen.expr(as.get(0));
        gen.exprAs(as.get(1), mt.key);
        if (!JvmTypes.isInterface(mt.key)) gen.box(mt.key);
        return;
      }
      case "copy":
        gen.expr(as.get(0));
        gen.expr(as.get(1));
        return;
      default: {   // print, println: the kinds, the boxed arguments, newline
        StringBuilder kinds = new StringBuilder();
        for (Expr a : as) kinds.append(printKind(gen.typeOf(a)));
        mv.visitLdcInsn(kinds.toString());
        mv.visitLdcInsn(as.size());
        mv.visitTypeInsn(ANEWARRAY, JvmTypes.OBJECT);
        for (int i = 0; i < as.size(); i++) {
          mv.visitInsn(DUP);
          mv.visitLdcInsn(i);
          Type t = gen.typeOf(as.get(i));
          gol.compiler.types.Constant cv = prog.info.constOf(as.get(i));
          if (gol.compiler.types.Types.isUntyped(t) && cv != null) t = ExprGen.defaultType(cv);
          gen.exprAs(as.get(i), t);
          if (!JvmTypes.isInterface(t)) gen.box(t);
          mv.visitInsn(AASTORE);
        }
        mv.visitInsn(b.equals("println") ? ICONST_1 : ICONST_0);
      }
    }
  }

  /** How the built-in print shows a value of type t (see gol.runtime.Builtin.print). */
  private static char printKind(Type t) {
    Type.Kind k = gol.compiler.types.Types.kindOf(t);
    if (JvmTypes.isInterface(t)) return 'e';
    if (k == null) return t.underlying() instanceof Type.Slice ? 'l' : 'p';
    if (k.isComplex()) return 'c';
    if (k.isInteger()) return k.isUnsigned() ? 'u' : 'i';
    if (k.isFloat()) return 'f';
    if (k.isBoolean()) return 'b';
    if (k.isString()) return 's';
    return 'p';
  }

  /**
   * The Go name of the function a go/defer entry for c calls, as the callee's own code names itself
   * (FuncGen.Fn.goName); DYNAMIC for a func value, which knows its own name (gol.runtime.FnNamed);
   * "*" (gol.runtime.G.ANY_RECOVERER) for an interface method, whose function any may be; null for
   * library functions and built-ins, which never call recover.
   */
  private String deferTarget(CallGen gen, Expr.Call c, Calls.Kind kind) {
    Expr fun = Expr.unparen(c.fun());
    switch (kind) {
      case FUNC: {
        Symbol.Func f = Calls.callee(c, prog.info);
        return f.sig().recv != null ? prog.methodGoName(f) : "main." + f.name;
      }
      case METHOD: {
        Symbol.Func f = Calls.callee(c, prog.info);
        return f != null && f.decl != null && f.sig().recv != null ? prog.methodGoName(f) : "*";
      }
      case FUNC_VALUE:   // a literal is known now; another func value tells at run time (DYNAMIC)
        return fun instanceof Expr.FuncLit lit ? prog.closures.literal(gen.fn, lit).goName : DYNAMIC;
      case IFACE_METHOD:
        return "*";
      default:
        return null;
    }
  }

  /**
   * {@code go c}, with the parent G on the stack: evaluates the function value (or receiver) and the
   * arguments now, in the current goroutine, as Go does, and starts the goroutine through the entry
   * class's static {@code go} (see the class comment).
   */
  void emitGo(CallGen gen, Expr.Call c) {
    emit(gen, c, true);
  }

  /**
   * Pushes a new Entry for {@code defer c}: evaluates the function value (or receiver) and the
   * arguments now, as Go does.
   */
  void emitDefer(CallGen gen, Expr.Call c) {
    emit(gen, c, false);
  }

  private void emit(CallGen gen, Expr.Call c, boolean isGo) {
    Calls.Kind kind = Calls.kind(c, prog.info);
    String known = classes.get(c);
    String cls = known != null ? known : prog.className + "$go" + (++goCounter);
    classes.put(c, cls);
    MethodVisitor mv = gen.mv;
    Type.Signature sig;
    String calleeOwner = null, calleeName = null, calleeDesc;
    String target = deferTarget(gen, c, kind);
    String builtin = null;
    String startName = null;   // the goroutine's start function, for the execution tracer
    // A literal called at once needs no function value: the entry holds the literal's cells itself
    // and calls its static method (one object per go statement instead of two, and no interface call).
    FuncGen.Fn lit = kind == Calls.Kind.FUNC_VALUE && Expr.unparen(c.fun()) instanceof Expr.FuncLit fl
        ? prog.closures.literal(gen.fn, fl) : null;
    int invoke;
    List<String> fieldDescs = new ArrayList<>();
    switch (kind) {
      case FUNC: case LIB_FUNC: {
        Symbol.Func f = Calls.callee(c, prog.info);
        sig = f.sig();
        calleeOwner = kind == Calls.Kind.FUNC ? prog.className : "gol/runtime/lib/" + JvmTypes.libPackageClass(f.pkg);
        calleeName = kind == Calls.Kind.FUNC ? prog.jvmName(f) : f.name;
        calleeDesc = JvmTypes.methodDesc(sig);
        invoke = INVOKESTATIC;
        if (kind == Calls.Kind.LIB_FUNC) startName = f.pkg + "." + f.name;
        else startName = f.decl != null && f.decl.recv() != null ? prog.methodGoName(f) : "main." + f.name;
        break;
      }
      case LIB_METHOD: {
        Symbol.Func f = Calls.callee(c, prog.info);
        sig = f.sig();
        calleeOwner = JvmTypes.libClass(sig.recv.type);
        calleeName = f.name;
        calleeDesc = JvmTypes.methodDesc(sig);
        invoke = INVOKEVIRTUAL;
        fieldDescs.add("L" + calleeOwner + ";");
        break;
      }
      case FUNC_VALUE:
        if (lit != null) {   // go/defer func(p) {...}(a): the literal's static method, with its cells
          sig = lit.sig;
          calleeOwner = prog.className;
          calleeName = lit.jvmName;
          calleeDesc = lit.desc();
          invoke = INVOKESTATIC;
          startName = lit.goName;
          break;
        }
        // fall through
      case METHOD:          // go/defer x.M(a): the method value x.M (receiver evaluated now), then
      case IFACE_METHOD: {  // called through its function interface, as Go evaluates them
        sig = (Type.Signature) gen.typeOf(c.fun()).underlying();
        String shape = JvmTypes.shape(sig);
        calleeOwner = prog.closures.fnInterface(shape);
        calleeName = "invoke";
        calleeDesc = JvmTypes.shapeDesc(shape);
        invoke = INVOKEINTERFACE;
        fieldDescs.add("L" + calleeOwner + ";");
        break;
      }
      case BUILTIN: {   // defer close(c), panic(v), delete, copy, print, println, recover: runtime functions (gol.runtime.Builtin)
        builtin = ((Expr.Ident) Expr.unparen(c.fun())).name();
        calleeOwner = "gol/runtime/Builtin";
        calleeName = builtin;
        switch (builtin) {
          case "close": calleeOwner = JvmTypes.CHAN; calleeDesc = "(Lgol/runtime/G;Lgol/runtime/Chan;)V"; break;
          case "panic": calleeDesc = "(Lgol/runtime/G;Ljava/lang/Object;)V"; break;
          case "delete": calleeDesc = "(Lgol/runtime/G;Lgol/runtime/GoMap;Ljava/lang/Object;)V"; break;
          case "copy": calleeDesc = "(Lgol/runtime/G;Lgol/runtime/Slice;Ljava/lang/Object;)V"; break;
          case "recover": calleeDesc = "(Lgol/runtime/G;)V"; break;
          case "print": case "println":
            calleeName = "print";
            calleeDesc = "(Lgol/runtime/G;Ljava/lang/String;[Ljava/lang/Object;Z)V";
            break;
          default: throw new Unsupported(c.pos(), "go or defer with built-in " + builtin);
        }
        invoke = INVOKESTATIC;
        sig = null;
        break;
      }
      default:
        throw new Unsupported(c.pos(), "go with " + kind.name().toLowerCase().replace('_', ' '));
    }
    // Argument fields follow the callee's JVM parameters (after G).
    String params = calleeDesc.substring(calleeDesc.indexOf(';') + 1, calleeDesc.indexOf(')'));
    for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes("(" + params + ")V")) fieldDescs.add(t.getDescriptor());
    StringBuilder values = new StringBuilder();
    for (String d : fieldDescs) values.append(d);
    String ctor = "(" + values + ")V";
    String goDesc = "(Lgol/runtime/G;" + values + ")V";

    if (!isGo) {
      mv.visitTypeInsn(NEW, cls);
      mv.visitInsn(DUP);
    }
    if (invoke == INVOKEINTERFACE) {
      gen.expr(c.fun());
      mv.visitTypeInsn(CHECKCAST, calleeOwner);
    }
    if (lit != null) prog.closures.loadCells(gen, lit);
    if (kind == Calls.Kind.LIB_METHOD) gen.expr(((Expr.Selector) Expr.unparen(c.fun())).x());
    if (sig != null) gen.args(c, sig);
    else builtinArgs(gen, c, builtin);
    if (isGo) mv.visitMethodInsn(INVOKESTATIC, cls, "go", goDesc, false);
    else mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", ctor, false);
    if (known != null) return;   // the other copy of the function made the class

    ClassWriter cw = prog.newClassWriter();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {"gol/runtime/Entry"});
    // a go statement's entry is refilled when its G is reused: its fields are not final
    for (int i = 0; i < fieldDescs.size(); i++) cw.visitField(ACC_PRIVATE | (isGo ? 0 : ACC_FINAL), "f" + i, fieldDescs.get(i), null, null).visitEnd();
    // a defer's constructor takes the values; a go entry's takes none (its static go fills it)
    MethodVisitor m = cw.visitMethod(isGo ? ACC_PRIVATE : ACC_PUBLIC, "<init>", isGo ? "()V" : ctor, null, null);
    m.visitCode();
    m.visitVarInsn(ALOAD, 0);
    m.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    if (!isGo) storeFields(m, cls, fieldDescs, 0, 1);
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    if (isGo) emitStart(cw, cls, fieldDescs, goDesc);
    // "created by main.main" and its line, for goroutine dumps
    m = cw.visitMethod(ACC_PUBLIC, "creatorName", "()Ljava/lang/String;", null, null);
    m.visitCode();
    m.visitLdcInsn(gen.fn.goName);
    m.visitInsn(ARETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    m = cw.visitMethod(ACC_PUBLIC, "creatorLine", "()I", null, null);
    m.visitCode();
    m.visitLdcInsn(gen.currentLine);
    m.visitInsn(IRETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    if (startName != null) {   // the start function's Go name, for the execution tracer
      m = cw.visitMethod(ACC_PUBLIC, "functionName", "()Ljava/lang/String;", null, null);
      m.visitCode();
      m.visitLdcInsn(startName);
      m.visitInsn(ARETURN);
      m.visitMaxs(0, 0);
      m.visitEnd();
    }
    if (target != null && !isGo) {   // the function whose direct recover() may stop a panic (see gol.runtime.G.recover)
      m = cw.visitMethod(ACC_PUBLIC, "deferTarget", "()Ljava/lang/String;", null, null);
      m.visitCode();
      if (target == DYNAMIC) {   // the func value's own name (gol.runtime.FnNamed), or any
        m.visitVarInsn(ALOAD, 0);
        m.visitFieldInsn(GETFIELD, cls, "f0", fieldDescs.get(0));
        m.visitMethodInsn(INVOKESTATIC, "gol/runtime/G", "targetOf", "(Ljava/lang/Object;)Ljava/lang/String;", false);
      } else {
        m.visitLdcInsn(target);
      }
      m.visitInsn(ARETURN);
      m.visitMaxs(0, 0);
      m.visitEnd();
    }
    m = cw.visitMethod(ACC_PUBLIC, "run", "(Lgol/runtime/G;)V", null, null);
    m.visitCode();
    int first = 0;
    if (invoke != INVOKESTATIC) {   // receiver or function value
      m.visitVarInsn(ALOAD, 0);
      m.visitFieldInsn(GETFIELD, cls, "f0", fieldDescs.get(0));
      first = 1;
    }
    m.visitVarInsn(ALOAD, 1);
    for (int i = first; i < fieldDescs.size(); i++) {
      m.visitVarInsn(ALOAD, 0);
      m.visitFieldInsn(GETFIELD, cls, "f" + i, fieldDescs.get(i));
    }
    if (isGo) {   // the values are on the stack: the reusable entry lets go of the references
      for (int i = 0; i < fieldDescs.size(); i++) {
        char k = fieldDescs.get(i).charAt(0);
        if (k != 'L' && k != '[') continue;
        m.visitVarInsn(ALOAD, 0);
        m.visitInsn(ACONST_NULL);
        m.visitFieldInsn(PUTFIELD, cls, "f" + i, fieldDescs.get(i));
      }
    }
    m.visitMethodInsn(invoke, calleeOwner, calleeName, calleeDesc, invoke == INVOKEINTERFACE);
    org.objectweb.asm.Type rt = org.objectweb.asm.Type.getReturnType(calleeDesc);
    if (rt.getSize() == 2) m.visitInsn(POP2); else if (rt.getSize() == 1) m.visitInsn(POP);
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    cw.visitEnd();
    prog.addClass(cls, cw.toByteArray());
  }

  /**
   * The static {@code go(G parent, values...)} of a go statement's entry class: a G, its spare entry
   * if of this class (else a new one, kept as the spare), the values stored, the goroutine started.
   */
  private static void emitStart(ClassWriter cw, String cls, List<String> fieldDescs, String goDesc) {
    MethodVisitor m = cw.visitMethod(ACC_STATIC, "go", goDesc, null, null);
    m.visitCode();
    int gSlot = 1;
    for (String d : fieldDescs) gSlot += org.objectweb.asm.Type.getType(d).getSize();
    int eSlot = gSlot + 1;
    m.visitVarInsn(ALOAD, 0);
    m.visitMethodInsn(INVOKESTATIC, "gol/runtime/Sched", "newg", "(Lgol/runtime/G;)Lgol/runtime/G;", false);
    m.visitVarInsn(ASTORE, gSlot);
    org.objectweb.asm.Label fresh = new org.objectweb.asm.Label(), fill = new org.objectweb.asm.Label();
    m.visitVarInsn(ALOAD, gSlot);
    m.visitFieldInsn(GETFIELD, "gol/runtime/G", "spareEntry", "Lgol/runtime/Entry;");
    m.visitInsn(DUP);
    m.visitTypeInsn(INSTANCEOF, cls);
    m.visitJumpInsn(IFEQ, fresh);
    m.visitTypeInsn(CHECKCAST, cls);
    m.visitVarInsn(ASTORE, eSlot);
    m.visitJumpInsn(GOTO, fill);
    m.visitLabel(fresh);
    m.visitInsn(POP);
    m.visitTypeInsn(NEW, cls);
    m.visitInsn(DUP);
    m.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "()V", false);
    m.visitVarInsn(ASTORE, eSlot);
    m.visitVarInsn(ALOAD, gSlot);
    m.visitVarInsn(ALOAD, eSlot);
    m.visitFieldInsn(PUTFIELD, "gol/runtime/G", "spareEntry", "Lgol/runtime/Entry;");
    m.visitLabel(fill);
    storeFields(m, cls, fieldDescs, eSlot, 1);
    m.visitVarInsn(ALOAD, 0);
    m.visitVarInsn(ALOAD, gSlot);
    m.visitVarInsn(ALOAD, eSlot);
    m.visitMethodInsn(INVOKESTATIC, "gol/runtime/Sched", "start", "(Lgol/runtime/G;Lgol/runtime/G;Lgol/runtime/Entry;)V", false);
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /** Stores the method's parameters from {@code firstSlot} on into the fields f0, f1, ... of the entry in {@code entrySlot}. */
  private static void storeFields(MethodVisitor m, String cls, List<String> fieldDescs, int entrySlot, int firstSlot) {
    int slot = firstSlot;
    for (int i = 0; i < fieldDescs.size(); i++) {
      org.objectweb.asm.Type t = org.objectweb.asm.Type.getType(fieldDescs.get(i));
      m.visitVarInsn(ALOAD, entrySlot);
      m.visitVarInsn(t.getOpcode(ILOAD), slot);
      m.visitFieldInsn(PUTFIELD, cls, "f" + i, fieldDescs.get(i));
      slot += t.getSize();
    }
  }
}
