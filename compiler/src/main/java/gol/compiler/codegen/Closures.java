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
 * Function values.
 * <ul>
 *   <li>Every function value implements a generated interface per erased signature shape,
 *       {@code main$Fn$JJ_J} with {@code invoke(G, long, long) long}; a call through a function value
 *       is one invokeinterface.</li>
 *   <li>A function literal compiles to a static method {@code main$func1(G, cells..., params)} (its
 *       captured variables arrive as {@link gol.runtime.Cell}s, shared with the enclosing function)
 *       and a class {@code main$func1} holding the cells whose invoke calls it.</li>
 *   <li>A top-level function used as a value gets a singleton class {@code main$fv$name}.</li>
 * </ul>
 * The entries of go and defer statements are made by {@link GoEntries}.
 */
final class Closures {
  private final ProgramGen prog;
  private final Set<String> interfaces = new LinkedHashSet<>();
  private final Map<Expr.FuncLit, FuncGen.Fn> literals = new IdentityHashMap<>();
  private final Map<Node, Integer> literalCounters = new IdentityHashMap<>();
  private final Set<String> funcValues = new LinkedHashSet<>();
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
    loadCells(gen, lit);
    mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", ctorDesc(lit.captured), false);
  }

  /** Pushes the cells of the variables literal lit captures, as its static method takes them. */
  void loadCells(FnBase gen, FuncGen.Fn lit) {
    for (Symbol.Var v : lit.captured) {
      Local l = gen.vars.get(v);
      if (l == null || !l.cell) throw new IllegalStateException("captured " + v.name + " has no cell in " + gen.fn.goName);
      gen.mv.visitVarInsn(ALOAD, l.slot);
    }
  }

  /** The function of literal f inside outer (named, and its class emitted, on first use). */
  FuncGen.Fn literal(FuncGen.Fn outer, Expr.FuncLit f) {
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
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {iface, FN_NAMED});
    emitGoFuncName(cw, lit.goName);
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
    emitFuncValue(gen, f, prog.className + "$fv$" + prog.jvmName(f), prog.className, prog.jvmName(f), "main." + f.name);
  }

  /**
   * A standard-library function used as a value ({@code strings.FieldsFunc(s, unicode.IsSpace)}): a
   * singleton class {@code main$fv$lib$<pkg>$<name>} whose invoke calls the runtime's static method.
   */
  void emitLibFuncValue(FnBase gen, String owner, Symbol.Func f) {
    String cls = prog.className + "$fv$lib$" + owner.substring(owner.lastIndexOf('/') + 1) + "$" + f.name;
    emitFuncValue(gen, f, cls, owner, f.name, null);
  }

  /** goName: the Go name of the function for the recover rule (null for a library function). */
  private void emitFuncValue(FnBase gen, Symbol.Func f, String cls, String owner, String method, String goName) {
    if (funcValues.add(cls)) {
      String shape = JvmTypes.shape(f.sig());
      String iface = fnInterface(shape);
      ClassWriter cw = prog.newClassWriter();
      cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object",
          goName != null ? new String[] {iface, FN_NAMED} : new String[] {iface});
      if (goName != null) emitGoFuncName(cw, goName);
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
      cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {iface, FN_NAMED});
      emitGoFuncName(cw, prog.methodGoName(m));
      emitOneFieldClassBody(cw, cls, "recv", rdesc, ACC_PRIVATE);
      MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "invoke", JvmTypes.shapeDesc(shape), null, null);
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
      emitOneFieldClassBody(cw, cls, "recv", rdesc, ACC_PRIVATE);
      MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "invoke", JvmTypes.shapeDesc(shape), null, null);
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
      emitOneFieldClassBody(cw, cls, "recv", "L" + owner + ";", ACC_PRIVATE);
      MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "invoke", JvmTypes.shapeDesc(shape), null, null);
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

  /** gol.runtime.FnNamed: function values that know which Go function they call (the recover rule). */
  static final String FN_NAMED = "gol/runtime/FnNamed";

  /** {@code String goFuncName()} returning goName. */
  static void emitGoFuncName(ClassWriter cw, String goName) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "goFuncName", "()Ljava/lang/String;", null, null);
    mv.visitCode();
    mv.visitLdcInsn(goName);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * A public final field {@code name} of descriptor {@code desc} and the constructor that sets it:
   * the shape of every one-value holder class (bound method values, interface boxes).
   */
  static void emitOneFieldClassBody(ClassWriter cw, String cls, String name, String desc, int fieldAccess) {
    cw.visitField(fieldAccess | ACC_FINAL, name, desc, null, null).visitEnd();
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(" + desc + ")V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(org.objectweb.asm.Type.getType(desc).getOpcode(ILOAD), 1);
    mv.visitFieldInsn(PUTFIELD, cls, name, desc);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
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
}
