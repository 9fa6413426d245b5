package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

import gol.compiler.ast.Expr;
import gol.compiler.ast.Node;
import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * Function values and goroutine entries.
 * <ul>
 *   <li>Every function value implements a generated interface per erased signature shape,
 *       {@code main$Fn$JJ_J} with {@code invoke(G, long, long) long}; a call through a function value
 *       is one invokeinterface.</li>
 *   <li>A function literal compiles to a static method {@code main$func1(G, cells..., params)} (its
 *       captured variables arrive as {@link gol.runtime.Cell}s, shared with the enclosing function)
 *       and a class {@code main$func1} holding the cells whose invoke calls it.</li>
 *   <li>A top-level function used as a value gets a singleton class {@code main$fv$name}.</li>
 *   <li>{@code go f(x)} makes a class {@code main$go<N>} implementing {@link gol.runtime.Entry}
 *       that holds the evaluated function value and arguments and calls f when the goroutine runs.</li>
 * </ul>
 */
final class Closures {
  private final ProgramGen prog;
  private final Set<String> interfaces = new LinkedHashSet<>();
  private final Map<Expr.FuncLit, FuncGen.Fn> literals = new IdentityHashMap<>();
  private final Map<Node, Integer> literalCounters = new IdentityHashMap<>();
  private final Set<String> funcValues = new LinkedHashSet<>();
  private int goCounter;
  /** Literals whose bodies still need compiling (compiled after the function that contains them). */
  final List<FuncGen.Fn> pending = new ArrayList<>();

  Closures(ProgramGen prog) { this.prog = prog; }

  /** The interface for function values of a shape, generated once. */
  String fnInterface(String shape) {
    // shapes the runtime calls back (time.AfterFunc, sort.Slice, strings.Map, ...): runtime interfaces
    switch (shape) {
      case "_V": return "gol/runtime/FnV";
      case "JJ_Z": return "gol/runtime/Fn$JJ_Z";
      case "J_Z": return "gol/runtime/Fn$J_Z";
      case "J_J": return "gol/runtime/Fn$J_J";
      case "JJ_V": return "gol/runtime/Fn$JJ_V";
      case "AZ_T": return "gol/runtime/Fn$AZ_T";
      default: break;
    }
    String name = prog.className + "$Fn$" + shape;
    if (interfaces.add(shape)) {
      ClassWriter cw = prog.newClassWriter();
      cw.visit(V17, ACC_PUBLIC | ACC_INTERFACE | ACC_ABSTRACT, name, null, "java/lang/Object", null);
      cw.visitMethod(ACC_PUBLIC | ACC_ABSTRACT, "invoke", JvmTypes.shapeDesc(shape), null, null).visitEnd();
      cw.visitEnd();
      prog.addClass(name, cw.toByteArray());
    }
    return name;
  }

  // ---------------------------------------------------------------- function literals

  /** new main$funcN(cells...) for the literal f, inside the function being compiled by gen. */
  void emitNew(FnBase gen, Expr.FuncLit f) {
    FuncGen.Fn lit = literal(gen.fn, f);
    String cls = prog.className + "$" + lit.jvmName;
    MethodVisitor mv = gen.mv;
    mv.visitTypeInsn(NEW, cls);
    mv.visitInsn(DUP);
    for (Symbol.Var v : lit.captured) {
      Local l = gen.vars.get(v);
      if (l == null || !l.cell) throw new IllegalStateException("captured " + v.name + " has no cell in " + gen.fn.goName);
      mv.visitVarInsn(ALOAD, l.slot);
    }
    mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", ctorDesc(lit.captured), false);
  }

  private FuncGen.Fn literal(FuncGen.Fn outer, Expr.FuncLit f) {
    FuncGen.Fn lit = literals.get(f);
    if (lit != null) return lit;
    int n = literalCounters.merge(outer.node, 1, Integer::sum);
    boolean top = outer.node instanceof gol.compiler.ast.Decl.Func;
    String jvm = outer.jvmName + (top ? "$func" + n : "$" + n);
    String go = outer.goName + (top ? ".func" + n : "." + n);
    Type.Signature sig = (Type.Signature) prog.info.typeOf(f);
    lit = new FuncGen.Fn(go, jvm, f, sig, f.body(), prog.freeVars(f), prog.maySuspend(f));
    literals.put(f, lit);
    pending.add(lit);
    emitLiteralClass(lit);
    return lit;
  }

  private static String ctorDesc(List<Symbol.Var> captured) {
    StringBuilder sb = new StringBuilder("(");
    for (Symbol.Var v : captured) sb.append('L').append(JvmTypes.kind(v.type).cellClass()).append(';');
    return sb.append(")V").toString();
  }

  private void emitLiteralClass(FuncGen.Fn lit) {
    String cls = prog.className + "$" + lit.jvmName;
    String shape = JvmTypes.shape(lit.sig);
    String iface = fnInterface(shape);
    ClassWriter cw = prog.newClassWriter();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {iface});
    for (int i = 0; i < lit.captured.size(); i++) {
      cw.visitField(ACC_PRIVATE | ACC_FINAL, "c" + i, "L" + JvmTypes.kind(lit.captured.get(i).type).cellClass() + ";", null, null).visitEnd();
    }
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", ctorDesc(lit.captured), null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    for (int i = 0; i < lit.captured.size(); i++) {
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, i + 1);
      mv.visitFieldInsn(PUTFIELD, cls, "c" + i, "L" + JvmTypes.kind(lit.captured.get(i).type).cellClass() + ";");
    }
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    mv = cw.visitMethod(ACC_PUBLIC, "invoke", JvmTypes.shapeDesc(shape), null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 1);
    for (int i = 0; i < lit.captured.size(); i++) {
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, cls, "c" + i, "L" + JvmTypes.kind(lit.captured.get(i).type).cellClass() + ";");
    }
    loadErasedParams(mv, lit.sig, 2);
    mv.visitMethodInsn(INVOKESTATIC, prog.className, lit.jvmName, lit.desc(), false);
    mv.visitInsn(JvmTypes.resultKind(lit.sig.results).ret);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    prog.addClass(cls, cw.toByteArray());
  }

  /** Loads the parameters of an erased invoke method (from slot first), casting references back. */
  private static void loadErasedParams(MethodVisitor mv, Type.Signature sig, int first) {
    int slot = first;
    for (Symbol.Var p : sig.params) {
      JKind k = JvmTypes.kind(p.type);
      mv.visitVarInsn(k.load, slot);
      if (k == JKind.A) {
        String c = JvmTypes.className(p.type);
        if (!c.equals(JvmTypes.OBJECT)) mv.visitTypeInsn(CHECKCAST, c);
      }
      slot += k.size;
    }
  }

  // ---------------------------------------------------------------- top-level functions as values

  void emitFuncValue(FnBase gen, Symbol.Func f) {
    emitFuncValue(gen, f, prog.className + "$fv$" + prog.jvmName(f), prog.className, prog.jvmName(f));
  }

  /**
   * A standard-library function used as a value ({@code strings.FieldsFunc(s, unicode.IsSpace)}): a
   * singleton class {@code main$fv$lib$<pkg>$<name>} whose invoke calls the runtime's static method.
   */
  void emitLibFuncValue(FnBase gen, String owner, Symbol.Func f) {
    String cls = prog.className + "$fv$lib$" + owner.substring(owner.lastIndexOf('/') + 1) + "$" + f.name;
    emitFuncValue(gen, f, cls, owner, f.name);
  }

  private void emitFuncValue(FnBase gen, Symbol.Func f, String cls, String owner, String method) {
    if (funcValues.add(cls)) {
      String shape = JvmTypes.shape(f.sig());
      String iface = fnInterface(shape);
      ClassWriter cw = prog.newClassWriter();
      cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {iface});
      cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "I", "L" + cls + ";", null, null).visitEnd();
      MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
      mv.visitCode();
      mv.visitTypeInsn(NEW, cls);
      mv.visitInsn(DUP);
      mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "()V", false);
      mv.visitFieldInsn(PUTSTATIC, cls, "I", "L" + cls + ";");
      mv.visitInsn(RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      emitDefaultCtor(cw);
      mv = cw.visitMethod(ACC_PUBLIC, "invoke", JvmTypes.shapeDesc(shape), null, null);
      mv.visitCode();
      mv.visitVarInsn(ALOAD, 1);
      loadErasedParams(mv, f.sig(), 2);
      mv.visitMethodInsn(INVOKESTATIC, owner, method, JvmTypes.methodDesc(f.sig()), false);
      mv.visitInsn(JvmTypes.resultKind(f.sig().results).ret);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      cw.visitEnd();
      prog.addClass(cls, cw.toByteArray());
    }
    gen.mv.visitFieldInsn(GETSTATIC, cls, "I", "L" + cls + ";");
  }

  /**
   * A method value {@code x.M}: a function value that remembers its receiver (evaluated now: the
   * struct's object for a pointer receiver, a copy for a value receiver), class {@code main$T$M$bound}.
   */
  void emitMethodValue(CallGen gen, Expr x, Symbol.Func m) {
    String cls = prog.className + "$" + prog.methodJvmName(m) + "$bound";
    String shape = JvmTypes.shape(m.sig());
    String iface = fnInterface(shape);
    String rdesc = JvmTypes.desc(m.sig().recv.type);
    if (funcValues.add(cls)) {
      ClassWriter cw = prog.newClassWriter();
      cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {iface});
      cw.visitField(ACC_PRIVATE | ACC_FINAL, "recv", rdesc, null, null).visitEnd();
      org.objectweb.asm.Type rt = org.objectweb.asm.Type.getType(rdesc);
      MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(" + rdesc + ")V", null, null);
      mv.visitCode();
      mv.visitVarInsn(ALOAD, 0);
      mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(rt.getOpcode(ILOAD), 1);
      mv.visitFieldInsn(PUTFIELD, cls, "recv", rdesc);
      mv.visitInsn(RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      mv = cw.visitMethod(ACC_PUBLIC, "invoke", JvmTypes.shapeDesc(shape), null, null);
      mv.visitCode();
      mv.visitVarInsn(ALOAD, 1);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, cls, "recv", rdesc);
      if (!InterfaceGen.pointerReceiver(m) && JvmTypes.isStruct(m.sig().recv.type)) {   // each call gets a copy
        String sc = JvmTypes.className(m.sig().recv.type);
        mv.visitMethodInsn(INVOKEVIRTUAL, sc, "copy", "()L" + sc + ";", false);
      }
      loadErasedParams(mv, m.sig(), 2);
      mv.visitMethodInsn(INVOKESTATIC, prog.className, prog.methodJvmName(m), prog.methodDesc(m), false);
      mv.visitInsn(JvmTypes.resultKind(m.sig().results).ret);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      cw.visitEnd();
      prog.addClass(cls, cw.toByteArray());
    }
    MethodVisitor mv = gen.mv;
    mv.visitTypeInsn(NEW, cls);
    mv.visitInsn(DUP);
    org.objectweb.asm.Type rt = org.objectweb.asm.Type.getType(rdesc);
    gen.receiver(x, m);
    mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "(" + rdesc + ")V", false);
  }

  /**
   * A method value {@code x.M} of a standard-library type ({@code w := sb.WriteString}): a class
   * {@code main$lbound$<Type>$<M>} holding the receiver (evaluated now), whose invoke calls the
   * runtime's method: an instance method of the library struct's class, or the static
   * {@code <Type>_<M>(G, recv, params)} of the package class for a non-struct type (time.Duration).
   */
  void emitLibMethodValue(CallGen gen, Expr.Selector s, Symbol.Func m) {
    Type rt = gen.typeOf(s.x());
    Type recvT = m.sig().recv.type;
    String libStruct = JvmTypes.libClass(recvT);
    Type.Named named = (Type.Named) (recvT instanceof Type.Pointer p ? p.elem : recvT);
    String pkgClass = "gol/runtime/lib/" + JvmTypes.libPackageClass(named.pkg);
    String rdesc = libStruct != null ? "L" + libStruct + ";" : JvmTypes.desc(named);
    String desc = JvmTypes.methodDesc(m.sig());
    String staticDesc = "(" + JvmTypes.G_DESC + rdesc + desc.substring(JvmTypes.G_DESC.length() + 1);
    if (libStruct != null ? !ProgramGen.runtimeHas(libStruct, m.name, desc) : !ProgramGen.runtimeHas(pkgClass, named.name + "_" + m.name, staticDesc)) {
      throw new Unsupported(s.pos(), "method " + m.name + " of " + named);
    }
    String cls = prog.className + "$lbound$" + named.name + "$" + m.name;
    String shape = JvmTypes.shape(m.sig());
    String iface = fnInterface(shape);
    if (funcValues.add(cls)) {
      ClassWriter cw = prog.newClassWriter();
      cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {iface});
      cw.visitField(ACC_PRIVATE | ACC_FINAL, "recv", rdesc, null, null).visitEnd();
      org.objectweb.asm.Type ft = org.objectweb.asm.Type.getType(rdesc);
      MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(" + rdesc + ")V", null, null);
      mv.visitCode();
      mv.visitVarInsn(ALOAD, 0);
      mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ft.getOpcode(ILOAD), 1);
      mv.visitFieldInsn(PUTFIELD, cls, "recv", rdesc);
      mv.visitInsn(RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      mv = cw.visitMethod(ACC_PUBLIC, "invoke", JvmTypes.shapeDesc(shape), null, null);
      mv.visitCode();
      if (libStruct != null) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, cls, "recv", rdesc);
        mv.visitVarInsn(ALOAD, 1);
        loadErasedParams(mv, m.sig(), 2);
        mv.visitMethodInsn(INVOKEVIRTUAL, libStruct, m.name, desc, false);
      } else {
        mv.visitVarInsn(ALOAD, 1);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, cls, "recv", rdesc);
        loadErasedParams(mv, m.sig(), 2);
        mv.visitMethodInsn(INVOKESTATIC, pkgClass, named.name + "_" + m.name, staticDesc, false);
      }
      mv.visitInsn(JvmTypes.resultKind(m.sig().results).ret);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      cw.visitEnd();
      prog.addClass(cls, cw.toByteArray());
    }
    MethodVisitor mv = gen.mv;
    mv.visitTypeInsn(NEW, cls);
    mv.visitInsn(DUP);
    gen.expr(s.x());
    if (libStruct != null) {
      if (rt instanceof Type.Pointer) gen.nilCheck();
      mv.visitTypeInsn(CHECKCAST, libStruct);
    }
    mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "(" + rdesc + ")V", false);
  }

  /**
   * A method value {@code x.M} of an interface value x: a class {@code main$ibound$<I>$<M>} holding
   * x (checked for nil now, as Go does) whose invoke makes the interface call.
   */
  void emitIfaceMethodValue(CallGen gen, Expr x, Symbol.Func m, String owner) {
    String cls = prog.className + "$ibound$" + owner.substring(owner.lastIndexOf('/') + 1).replace('$', '_') + "$" + m.name;
    String shape = JvmTypes.shape(m.sig());
    String iface = fnInterface(shape);
    String desc = JvmTypes.methodDesc(m.sig());
    if (funcValues.add(cls)) {
      ClassWriter cw = prog.newClassWriter();
      cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {iface});
      cw.visitField(ACC_PRIVATE | ACC_FINAL, "recv", "L" + owner + ";", null, null).visitEnd();
      MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(L" + owner + ";)V", null, null);
      mv.visitCode();
      mv.visitVarInsn(ALOAD, 0);
      mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, 1);
      mv.visitFieldInsn(PUTFIELD, cls, "recv", "L" + owner + ";");
      mv.visitInsn(RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      mv = cw.visitMethod(ACC_PUBLIC, "invoke", JvmTypes.shapeDesc(shape), null, null);
      mv.visitCode();
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, cls, "recv", "L" + owner + ";");
      mv.visitVarInsn(ALOAD, 1);
      loadErasedParams(mv, m.sig(), 2);
      mv.visitMethodInsn(INVOKEINTERFACE, owner, m.name, desc, true);
      mv.visitInsn(JvmTypes.resultKind(m.sig().results).ret);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      cw.visitEnd();
      prog.addClass(cls, cw.toByteArray());
    }
    MethodVisitor mv = gen.mv;
    mv.visitTypeInsn(NEW, cls);
    mv.visitInsn(DUP);
    gen.expr(x);
    gen.nilCheck();
    mv.visitTypeInsn(CHECKCAST, owner);
    mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "(L" + owner + ";)V", false);
  }

  /**
   * A method expression {@code T.M}, {@code (*T).M} or {@code I.M}: a function value whose first
   * parameter is the receiver, a singleton class {@code main$T$M$expr<N>} (one per receiver type
   * written). Its invoke converts the receiver as the call {@code recv.M(args)} would: a copy of a
   * struct value, {@code *p} (nil-checked) when a pointer type names a value-receiver method, and
   * {@code invokeinterface} for an interface type.
   */
  void emitMethodExpr(FnBase gen, Expr.Selector s, Symbol.Func m) {
    Type.Signature fsig = (Type.Signature) prog.info.typeOf(s).underlying();
    Type r = fsig.params.get(0).type;   // the receiver type as written: T, *T or I
    boolean iface = r.underlying() instanceof Type.Interface;
    gol.compiler.types.Selection sel = prog.info.selections.get(s);
    if (!iface && (m.decl == null || (sel != null && !sel.path().isEmpty()))) {
      throw new Unsupported(s.pos(), "method expression " + r + "." + m.name + (m.decl == null ? " of a library type" : " of a promoted method"));
    }
    String shape = JvmTypes.shape(fsig);
    String fnIface = fnInterface(shape);
    String key = (iface ? "iface$" + prog.interfaces.javaInterface(r).replace('/', '$') + "$" + m.name
        : prog.methodJvmName(m) + (r instanceof Type.Pointer ? "$ptr" : ""));
    String cls = prog.className + "$mexpr$" + key;
    if (funcValues.add(cls)) {
      ClassWriter cw = prog.newClassWriter();
      cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {fnIface});
      cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "I", "L" + cls + ";", null, null).visitEnd();
      MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
      mv.visitCode();
      mv.visitTypeInsn(NEW, cls);
      mv.visitInsn(DUP);
      mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "()V", false);
      mv.visitFieldInsn(PUTSTATIC, cls, "I", "L" + cls + ";");
      mv.visitInsn(RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      emitDefaultCtor(cw);
      mv = cw.visitMethod(ACC_PUBLIC, "invoke", JvmTypes.shapeDesc(shape), null, null);
      mv.visitCode();
      JKind rk = JvmTypes.kind(r);
      Type.Signature msig = m.sig();
      if (iface) {
        String ji = prog.interfaces.javaInterface(r);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Panic", "nilCheck", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitTypeInsn(CHECKCAST, ji);
        mv.visitVarInsn(ALOAD, 1);
        loadErasedParams(mv, msig, 2 + rk.size);
        mv.visitMethodInsn(INVOKEINTERFACE, ji, m.name, JvmTypes.methodDesc(msig), true);
      } else {
        Type mr = msig.recv.type;
        mv.visitVarInsn(ALOAD, 1);
        mv.visitVarInsn(rk.load, 2);
        if (rk == JKind.A && !JvmTypes.className(r).equals(JvmTypes.OBJECT)) mv.visitTypeInsn(CHECKCAST, JvmTypes.className(r));
        if (r instanceof Type.Pointer p && !(mr instanceof Type.Pointer)) {   // (*T).M of a value method: *recv
          // Go's generated wrapper panics with this plain (not "runtime error:") message on nil
          org.objectweb.asm.Label ok = new org.objectweb.asm.Label();
          mv.visitInsn(DUP);
          mv.visitJumpInsn(IFNONNULL, ok);
          String tn = prog.receiverTypeName(m);
          mv.visitLdcInsn("value method main." + tn + "." + m.name + " called using nil *" + tn + " pointer");
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Panic", "plain", "(Ljava/lang/String;)Lgol/runtime/Panic;", false);
          mv.visitInsn(ATHROW);
          mv.visitLabel(ok);
          if (!JvmTypes.isStruct(p.elem)) {
            JKind ek = JvmTypes.kind(p.elem);
            mv.visitTypeInsn(CHECKCAST, ek.cellClass());
            mv.visitMethodInsn(INVOKEVIRTUAL, ek.cellClass(), "get", "()" + ek.cellFieldDesc(), false);
            if (ek == JKind.A && !JvmTypes.className(p.elem).equals(JvmTypes.OBJECT)) mv.visitTypeInsn(CHECKCAST, JvmTypes.className(p.elem));
          } else {
            mv.visitTypeInsn(CHECKCAST, JvmTypes.className(p.elem));
          }
        }
        if (!(mr instanceof Type.Pointer) && JvmTypes.isStruct(mr)) {   // a value receiver gets a copy
          String sc = JvmTypes.className(mr);
          mv.visitMethodInsn(INVOKEVIRTUAL, sc, "copy", "()L" + sc + ";", false);
        }
        loadErasedParams(mv, msig, 2 + rk.size);
        mv.visitMethodInsn(INVOKESTATIC, prog.className, prog.methodJvmName(m), prog.methodDesc(m), false);
      }
      mv.visitInsn(JvmTypes.resultKind(msig.results).ret);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      cw.visitEnd();
      prog.addClass(cls, cw.toByteArray());
    }
    gen.mv.visitFieldInsn(GETSTATIC, cls, "I", "L" + cls + ";");
  }

  static void emitDefaultCtor(ClassWriter cw) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  // ---------------------------------------------------------------- go statements

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
   * (FuncGen.Fn.goName); "*" (gol.runtime.G.ANY_RECOVERER) when only the run time knows it; null for
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
      case FUNC_VALUE:
        return fun instanceof Expr.FuncLit lit ? literal(gen.fn, lit).goName : "*";
      case IFACE_METHOD:
        return "*";
      default:
        return null;
    }
  }

  /**
   * Pushes a new Entry for {@code go c}: evaluates the function value (or receiver) and the
   * arguments now, in the current goroutine, as Go does.
   */
  void emitGo(CallGen gen, Expr.Call c) {
    Calls.Kind kind = Calls.kind(c, prog.info);
    String cls = prog.className + "$go" + (++goCounter);
    MethodVisitor mv = gen.mv;
    Type.Signature sig;
    String calleeOwner = null, calleeName = null, calleeDesc;
    String target = deferTarget(gen, c, kind);
    String builtin = null;
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
      case METHOD:          // go/defer x.M(a): the method value x.M (receiver evaluated now), then
      case IFACE_METHOD: {  // called through its function interface, as Go evaluates them
        sig = (Type.Signature) gen.typeOf(c.fun()).underlying();
        String shape = JvmTypes.shape(sig);
        calleeOwner = fnInterface(shape);
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
    StringBuilder ctor = new StringBuilder("(");
    for (String d : fieldDescs) ctor.append(d);
    ctor.append(")V");

    mv.visitTypeInsn(NEW, cls);
    mv.visitInsn(DUP);
    if (invoke == INVOKEINTERFACE) { gen.expr(c.fun()); mv.visitTypeInsn(CHECKCAST, calleeOwner); }
    if (kind == Calls.Kind.LIB_METHOD) gen.expr(((Expr.Selector) Expr.unparen(c.fun())).x());
    if (sig != null) gen.args(c, sig);
    else builtinArgs(gen, c, builtin);
    mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", ctor.toString(), false);

    ClassWriter cw = prog.newClassWriter();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {"gol/runtime/Entry"});
    for (int i = 0; i < fieldDescs.size(); i++) cw.visitField(ACC_PRIVATE | ACC_FINAL, "f" + i, fieldDescs.get(i), null, null).visitEnd();
    MethodVisitor m = cw.visitMethod(ACC_PUBLIC, "<init>", ctor.toString(), null, null);
    m.visitCode();
    m.visitVarInsn(ALOAD, 0);
    m.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    int slot = 1;
    for (int i = 0; i < fieldDescs.size(); i++) {
      org.objectweb.asm.Type t = org.objectweb.asm.Type.getType(fieldDescs.get(i));
      m.visitVarInsn(ALOAD, 0);
      m.visitVarInsn(t.getOpcode(ILOAD), slot);
      m.visitFieldInsn(PUTFIELD, cls, "f" + i, fieldDescs.get(i));
      slot += t.getSize();
    }
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
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
    if (target != null) {   // the function whose direct recover() may stop a panic (see gol.runtime.G.recover)
      m = cw.visitMethod(ACC_PUBLIC, "deferTarget", "()Ljava/lang/String;", null, null);
      m.visitCode();
      m.visitLdcInsn(target);
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
    m.visitMethodInsn(invoke, calleeOwner, calleeName, calleeDesc, invoke == INVOKEINTERFACE);
    org.objectweb.asm.Type rt = org.objectweb.asm.Type.getReturnType(calleeDesc);
    if (rt.getSize() == 2) m.visitInsn(POP2); else if (rt.getSize() == 1) m.visitInsn(POP);
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    cw.visitEnd();
    prog.addClass(cls, cw.toByteArray());
  }
}
