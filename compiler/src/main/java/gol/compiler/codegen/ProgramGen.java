package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import gol.compiler.ast.Node;
import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import gol.compiler.types.TypeInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Code generation for one checked {@code package main} file: consumes the AST and its TypeInfo,
 * produces JVM classes (name → bytes) that run on gol.runtime:
 * <pre>
 *   main              the package: a static method per function (+ resume copies and save
 *                     helpers), a static field per package variable, and main(String[]) that
 *                     starts the runtime with main.main as goroutine 1
 *   main$Resumer      the program's {@link gol.runtime.Resumer}: fnId → f$resume, names, lines
 *   main$Main         the {@link gol.runtime.Entry} of goroutine 1
 *   main$funcN, main$Fn$..., main$fv$..., main$goN   closures, function-value interfaces, goroutine entries
 * </pre>
 */
public final class ProgramGen {
  final TypeInfo info;
  final Decl.File file;
  final String className = "main";
  final SuspendAnalysis suspend;
  final RTypes rtypes;
  final Closures closures;
  final GoEntries goEntries;
  final StructGen structs;
  final InterfaceGen interfaces;
  /** Box classes to emit once every interface is known (see InterfaceGen#boxClass). */
  final List<Runnable> deferredBoxes = new ArrayList<>();
  /** Variables captured by some function literal: they live in cells. */
  final Set<Symbol.Var> cellVars = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Expr.FuncLit, List<Symbol.Var>> freeVars = new IdentityHashMap<>();
  private final Map<String, byte[]> classes = new LinkedHashMap<>();
  private final List<FuncGen.Fn> resumable = new ArrayList<>();
  private final Map<Symbol.Func, String> jvmNames = new IdentityHashMap<>();
  private final List<Decl.Func> inits = new ArrayList<>();

  public ProgramGen(Decl.File file, TypeInfo info) {
    this.file = file;
    this.info = info;
    this.suspend = new SuspendAnalysis(info);
    this.rtypes = new RTypes(className);
    this.closures = new Closures(this);
    this.goEntries = new GoEntries(this);
    this.structs = new StructGen(this);
    this.interfaces = new InterfaceGen(this);
    InterfaceGen ig = this.interfaces;
    this.rtypes.boxClassOf = t -> JvmTypes.isStruct(t) ? null : ig.boxClass(t);
  }

  /** Generates all classes of the program. */
  public Map<String, byte[]> generate() {
    JvmTypes.STRUCTS.set(structs);
    try {
      return generateClasses();
    } finally {
      JvmTypes.STRUCTS.remove();
    }
  }

  private Map<String, byte[]> generateClasses() {
    suspend.analyze(file);
    findCapturedVariables();
    for (Decl d : file.decls()) {
      if (d instanceof Decl.Func f && f.name().name().equals("init") && f.recv() == null) inits.add(f);
    }
    // Every interface type of the program, so struct classes can implement the ones they satisfy.
    List<Type> seen = new ArrayList<>();
    for (TypeInfo.TypeAndValue tv : info.types.values()) if (tv.type() != null) seen.add(tv.type());
    for (Symbol s : info.defs.values()) if (s != null && s.type != null) seen.add(s.type);
    interfaces.collect(seen);
    ClassWriter cw = newClassWriter();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, "java/lang/Object", null);
    cw.visitSource(fileName(), null);
    List<Symbol.Var> globals = globals();
    // public: a pointer to a global is a view through a VarHandle (gol.runtime.FieldPtr)
    for (Symbol.Var v : globals) cw.visitField(ACC_PUBLIC | ACC_STATIC, globalName(v), JvmTypes.desc(v.type), null, null).visitEnd();
    for (Decl d : file.decls()) {
      if (d instanceof Decl.Func f && f.body() != null && f.recv() != null) {
        Symbol.Func sym = methodSymbol(f);
        FuncGen.compile(this, cw, new FuncGen.Fn(methodGoName(sym), methodJvmName(sym), f, sym.sig(), f.body(), List.of(), maySuspend(f)));
      } else if (d instanceof Decl.Func f && f.body() != null && f.name().name().equals("init")) {
        // init functions are not declared in any scope (Go: they cannot be referred to)
        Type.Signature none = new Type.Signature(null, List.of(), List.of(), false);
        FuncGen.compile(this, cw, new FuncGen.Fn("main.init." + inits.indexOf(f), initName(f), f, none, f.body(), List.of(), maySuspend(f)));
      } else if (d instanceof Decl.Func f && f.body() != null) {
        Symbol.Func sym = (Symbol.Func) info.defs.get(f.name());
        String jvm = jvmName(sym, f);
        FuncGen.compile(this, cw, new FuncGen.Fn("main." + f.name().name(), jvm, f, sym.sig(), f.body(), List.of(), maySuspend(f)));
      }
      while (!closures.pending.isEmpty()) FuncGen.compile(this, cw, closures.pending.remove(0));
    }
    structs.emitAll();
    for (int i = 0; i < deferredBoxes.size(); i++) deferredBoxes.get(i).run();
    structs.emitAll();
    // <clinit>: run-time types and zero values of package variables
    MethodVisitor clinit = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    clinit.visitCode();
    rtypes.emit(cw, clinit);
    for (Symbol.Var v : globals) {
      zeroValue(clinit, v.type);
      clinit.visitFieldInsn(PUTSTATIC, className, globalName(v), JvmTypes.desc(v.type));
    }
    clinit.visitInsn(RETURN);
    clinit.visitMaxs(0, 0);
    clinit.visitEnd();
    structs.emitAll();   // run-time types may name a struct no code did ([3]struct{}{})
    emitJavaMain(cw);
    cw.visitEnd();
    addClass(className, cw.toByteArray());
    emitResumer();
    emitMainEntry();
    return classes;
  }

  String absolutePath() {
    try {
      return java.nio.file.Path.of(file.path()).toAbsolutePath().normalize().toString();
    } catch (RuntimeException e) {
      return file.path();
    }
  }

  String fileName() {
    String p = file.path();
    int slash = p.lastIndexOf('/');
    return slash >= 0 ? p.substring(slash + 1) : p;
  }

  // ---------------------------------------------------------------- names

  String jvmName(Symbol.Func f) {
    String n = jvmNames.get(f);
    if (n != null) return n;
    return jvmName(f, f.decl);
  }

  private String jvmName(Symbol.Func f, Decl.Func d) {
    String n = jvmNames.get(f);
    if (n == null) {
      n = d != null && d.name().name().equals("init") ? "init$" + inits.indexOf(d) : f.name;
      jvmNames.put(f, n);
    }
    return n;
  }

  String globalName(Symbol.Var v) { return v.name; }

  /** JVM name of the i-th init function. */
  String initName(Decl.Func f) { return "init$" + inits.indexOf(f); }

  /**
   * Does the runtime implement library function/method {@code owner.name} with this descriptor? The
   * checker's table may declare members the runtime lacks; those are compile errors ("not yet
   * supported"), never a NoSuchMethodError while the program runs.
   */
  static boolean runtimeHas(String owner, String name, String desc) {
    try {
      Class<?> c = Class.forName(owner.replace('/', '.'), false, ProgramGen.class.getClassLoader());
      for (java.lang.reflect.Method m : c.getMethods()) {
        if (m.getName().equals(name) && org.objectweb.asm.Type.getMethodDescriptor(m).equals(desc)) return true;
      }
      return false;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  static boolean runtimeHasField(String owner, String name) {
    try {
      Class.forName(owner.replace('/', '.'), false, ProgramGen.class.getClassLoader()).getField(name);
      return true;
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }

  /** The method a declaration with a receiver declares (found on its receiver's named type). */
  Symbol.Func methodSymbol(Decl.Func f) {
    Symbol s = info.defs.get(f.name());
    if (s instanceof Symbol.Func fn) return fn;
    throw new IllegalStateException("no symbol for method " + f.name().name());
  }

  /** The receiver's type name: T for both (T) and (*T). */
  static String receiverTypeName(Symbol.Func m) {
    Type r = m.sig().recv.type;
    if (r instanceof Type.Pointer p) r = p.elem;
    return r instanceof Type.Named n ? n.name : r.toString();
  }

  /** JVM name of a method: T$M (a static method of the program class). */
  String methodJvmName(Symbol.Func m) { return receiverTypeName(m) + "$" + m.name; }

  /** Go's name in tracebacks: main.T.M or main.(*T).M. */
  String methodGoName(Symbol.Func m) {
    boolean ptr = m.sig().recv.type instanceof Type.Pointer;
    return "main." + (ptr ? "(*" + receiverTypeName(m) + ")" : receiverTypeName(m)) + "." + m.name;
  }

  /** {@code (G, receiver, params...)R} */
  String methodDesc(Symbol.Func m) {
    String d = JvmTypes.methodDesc(m.sig());
    return "(" + JvmTypes.G_DESC + JvmTypes.desc(m.sig().recv.type) + d.substring(JvmTypes.G_DESC.length() + 1);
  }

  /**
   * Boxes the value on the stack (of static type t, not an interface) as an interface holds it (see
   * gol.runtime.Box and InterfaceGen): numbers and bools boxed, struct values copied, pointers to
   * structs and named types with methods wrapped, everything else as is.
   */
  void boxForInterface(MethodVisitor mv, Type t) {
    JKind k = JvmTypes.kind(t);
    String box = this.interfaces.boxClass(t);
    if (box != null) {
      String fd = t instanceof Type.Pointer ? "L" + JvmTypes.className(t) + ";" : k == JKind.A ? "L" + JvmTypes.className(t) + ";" : k.desc;
      mv.visitTypeInsn(NEW, box);
      if (k.size == 2) { mv.visitInsn(DUP_X2); mv.visitInsn(DUP_X2); mv.visitInsn(POP); }
      else { mv.visitInsn(DUP_X1); mv.visitInsn(SWAP); }
      mv.visitMethodInsn(INVOKESPECIAL, box, "<init>", "(" + fd + ")V", false);
      return;
    }
    if (JvmTypes.isStruct(t)) {
      String c = JvmTypes.className(t);
      mv.visitMethodInsn(INVOKEVIRTUAL, c, "copy", "()L" + c + ";", false);
      return;
    }
    if (JvmTypes.isArray(t)) {   // an array in an interface: a Slice header with the array type
      rtypes.push(mv, t);
      mv.visitInsn(SWAP);
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ArrayOps", "box", "(Lgol/runtime/RType;Ljava/lang/Object;)Ljava/lang/Object;", false);
      return;
    }
    Type.Kind bk = gol.compiler.types.Types.kindOf(t);
    if (t instanceof Type.Named n && n.pkg != null && !n.pkg.equals("main")
        && (k != JKind.A || n.underlying() instanceof Type.Slice)) {
      // a library type with methods (time.Duration, sort.IntSlice): the package boxes it, so fmt
      // finds String() and sort.Sort finds Len/Less/Swap
      String fd = k == JKind.A ? JvmTypes.desc(t) : k.desc;
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/lib/" + JvmTypes.libPackageClass(n.pkg), n.name + "_box",
          "(" + fd + ")Ljava/lang/Object;", false);
      return;
    }
    switch (k) {
      case J:
        if (bk == Type.Kind.INT && !(t instanceof Type.Named)) {
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
        } else if (bk == Type.Kind.INT32 && !(t instanceof Type.Named)) {
          mv.visitInsn(L2I);
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
        } else {
          rtypes.push(mv, t);
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Box", "box", "(JLgol/runtime/RType;)Ljava/lang/Object;", false);
        }
        return;
      case D:
        if (bk == Type.Kind.FLOAT32) mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Box", "boxFloat32", "(D)Ljava/lang/Object;", false);
        else mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
        return;
      case Z:
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false);
        return;
      default:
        if (bk == Type.Kind.COMPLEX64) {   // complex128 is held as it is, complex64 boxed so %T tells them apart
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Box", "boxComplex64", "(L" + JvmTypes.COMPLEX + ";)Ljava/lang/Object;", false);
        } else if (t.underlying() instanceof Type.Slice) {   // an interface holding a nil slice is not nil
          rtypes.push(mv, t);
          mv.visitInsn(SWAP);
          mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "box", "(Lgol/runtime/RType;Lgol/runtime/Slice;)Ljava/lang/Object;", false);
        } else if (ExprGen.isTypedRef(t)) {   // funcs and channels keep their static type (and a nil one is not a nil interface)
          rtypes.push(mv, t);
          mv.visitInsn(SWAP);
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/TypedRef", "box", "(Lgol/runtime/RType;Ljava/lang/Object;)Ljava/lang/Object;", false);
        } else if (t.underlying() instanceof Type.Map) {   // likewise a nil map
          rtypes.push(mv, t);
          mv.visitInsn(SWAP);
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/GoMap", "box", "(Lgol/runtime/RType;Lgol/runtime/GoMap;)Ljava/lang/Object;", false);
        }
    }
  }

  // ---------------------------------------------------------------- analysis helpers

  boolean maySuspend(Node fn) { return fn != null && suspend.maySuspend(fn); }

  List<Symbol.Var> freeVars(Expr.FuncLit f) { return freeVars.getOrDefault(f, List.of()); }

  /** Package-level var declarations in Go's initialization order. */
  List<Decl> varDeclsInInitOrder() {
    List<Decl> out = new ArrayList<>();
    for (Decl d : info.initOrder) if (d instanceof Decl.Gen g && g.kind() == Decl.GenKind.VAR) out.add(d);
    if (out.isEmpty()) for (Decl d : file.decls()) if (d instanceof Decl.Gen g && g.kind() == Decl.GenKind.VAR) out.add(d);
    return out;
  }

  List<Decl.Func> initFuncs() { return inits; }

  private List<Symbol.Var> globals() {
    List<Symbol.Var> out = new ArrayList<>();
    for (Decl d : file.decls()) {
      if (d instanceof Decl.Gen g && g.kind() == Decl.GenKind.VAR) {
        for (Decl.Spec sp : g.specs()) {
          for (Expr.Ident id : ((Decl.ValueSpec) sp).names()) {
            if (info.defs.get(id) instanceof Symbol.Var v) out.add(v);
          }
        }
      }
    }
    return out;
  }

  /**
   * For every function literal: the variables of enclosing functions it uses (directly or in a
   * literal nested in it), in first-use order. Those variables live in cells.
   */
  private void findCapturedVariables() {
    List<Expr.FuncLit> all = new ArrayList<>();
    Walker collect = new Walker() {
      @Override protected void funcLit(Expr.FuncLit f) { all.add(f); walkBody(f.body()); }
    };
    for (Decl d : file.decls()) {
      if (d instanceof Decl.Func f && f.body() != null) collect.walkBody(f.body());
      if (d instanceof Decl.Gen g && g.kind() == Decl.GenKind.VAR)
        for (Decl.Spec sp : g.specs()) for (Expr e : ((Decl.ValueSpec) sp).values()) collect.expr(e);
    }
    // Variables whose address is taken (&x, or x.M() with a pointer receiver) live in cells too, unless
    // they are structs (a struct variable's object is its address).
    Walker addressed = new Walker() {
      @Override protected void expr(Expr e) {
        Expr target = null;
        if (e instanceof Expr.Unary u && u.op() == gol.compiler.ast.Op.AND) target = Expr.unparen(u.x());
        if (e instanceof Expr.Call c && Expr.unparen(c.fun()) instanceof Expr.Selector sel
            && info.symbolOf(sel.sel()) instanceof Symbol.Func m && m.sig().recv != null
            && m.sig().recv.type instanceof Type.Pointer && !(info.typeOf(sel.x()) instanceof Type.Pointer)) target = Expr.unparen(sel.x());
        if (target instanceof Expr.Ident id && info.uses.get(id) instanceof Symbol.Var v
            && v.kind != Symbol.Var.Kind.GLOBAL && v.kind != Symbol.Var.Kind.FIELD && !JvmTypes.isStruct(v.type)) cellVars.add(v);
        walkExpr(e);
      }
      @Override protected void funcLit(Expr.FuncLit f) { walkBody(f.body()); }
    };
    for (Decl d : file.decls()) if (d instanceof Decl.Func f && f.body() != null) addressed.walkBody(f.body());
    for (Expr.FuncLit f : all) {
      Set<Node> inside = Collections.newSetFromMap(new IdentityHashMap<>());
      inside.add(f);
      new Walker() {
        @Override protected void funcLit(Expr.FuncLit g) { inside.add(g); walkBody(g.body()); }
      }.walkBody(f.body());
      Set<Symbol.Var> free = new LinkedHashSet<>();
      new Walker() {
        @Override protected void expr(Expr e) {
          if (e instanceof Expr.Ident id && info.uses.get(id) instanceof Symbol.Var v && v.owner != null && !inside.contains(v.owner)
              && v.kind != Symbol.Var.Kind.FIELD && v.kind != Symbol.Var.Kind.GLOBAL) free.add(v);
          walkExpr(e);
        }
        @Override protected void funcLit(Expr.FuncLit g) { walkBody(g.body()); }
      }.walkBody(f.body());
      freeVars.put(f, new ArrayList<>(free));
      cellVars.addAll(free);
    }
  }

  // ---------------------------------------------------------------- classes

  /** A ClassWriter computing frames, with a class hierarchy that knows the generated classes. */
  ClassWriter newClassWriter() {
    // GOL_DEBUG_NOFRAMES=1 skips frame computation so that --dump=bytecode can show code the
    // frame computation rejects (for debugging the code generator only).
    int flags = System.getenv("GOL_DEBUG_NOFRAMES") != null ? ClassWriter.COMPUTE_MAXS : ClassWriter.COMPUTE_FRAMES;
    return new ClassWriter(flags) {
      @Override protected String getCommonSuperClass(String a, String b) {
        if (a.equals(b)) return a;
        if (classes.containsKey(a) || classes.containsKey(b) || a.startsWith(className + "$") || b.startsWith(className + "$")
            || a.equals(className) || b.equals(className)) {
          return "java/lang/Object";   // generated classes extend Object (interfaces merge as Object)
        }
        try {
          return super.getCommonSuperClass(a, b);
        } catch (RuntimeException e) {
          return "java/lang/Object";
        }
      }

      @Override protected ClassLoader getClassLoader() { return ProgramGen.class.getClassLoader(); }
    };
  }

  void addClass(String name, byte[] bytes) { classes.put(name, bytes); }

  int registerResumable(FuncGen.Fn fn) {
    resumable.add(fn);
    return resumable.size() - 1;
  }

  private void zeroValue(MethodVisitor mv, Type t) { StructGen.zero(this, mv, t); }

  /** {@code public static void main(String[] args)}: os.Args, then the runtime runs main.main. */
  private void emitJavaMain(ClassWriter cw) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
    mv.visitCode();
    // os.Args = [program name] + args
    mv.visitVarInsn(ALOAD, 0);
    mv.visitInsn(ARRAYLENGTH);
    mv.visitInsn(ICONST_1);
    mv.visitInsn(IADD);
    mv.visitTypeInsn(ANEWARRAY, "java/lang/String");
    mv.visitVarInsn(ASTORE, 1);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitInsn(ICONST_0);
    String prog = fileName().endsWith(".gol") ? fileName().substring(0, fileName().length() - 4) : fileName();
    mv.visitLdcInsn(prog);
    mv.visitInsn(AASTORE);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitInsn(ICONST_1);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitInsn(ARRAYLENGTH);
    mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
    mv.visitVarInsn(ALOAD, 1);
    // Not os.setArgs: that would load os (and what its initialiser touches) in every program.
    mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/lib/CommandLine", "set", "([Ljava/lang/String;)V", false);
    mv.visitTypeInsn(NEW, className + "$Resumer");
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, className + "$Resumer", "<init>", "()V", false);
    mv.visitTypeInsn(NEW, className + "$Main");
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, className + "$Main", "<init>", "()V", false);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Sched", "run", "(Lgol/runtime/Resumer;Lgol/runtime/Entry;[Ljava/lang/String;)I", false);
    mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private void emitMainEntry() {
    String cls = className + "$Main";
    ClassWriter cw = newClassWriter();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {"gol/runtime/Entry"});
    Closures.emitDefaultCtor(cw);
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "run", "(Lgol/runtime/G;)V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 1);
    mv.visitMethodInsn(INVOKESTATIC, className, "main", "(Lgol/runtime/G;)V", false);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    addClass(cls, cw.toByteArray());
  }

  /** The Resumer: a tableswitch from fnId to f$resume, and the names and lines for dumps. */
  private void emitResumer() {
    String cls = className + "$Resumer";
    ClassWriter cw = newClassWriter();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {"gol/runtime/Resumer"});
    cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "NAMES", "[Ljava/lang/String;", null, null).visitEnd();
    cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "LINES", "[[I", null, null).visitEnd();
    Closures.emitDefaultCtor(cw);
    int n = resumable.size();
    MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    mv.visitCode();
    mv.visitLdcInsn(n);
    mv.visitTypeInsn(ANEWARRAY, "java/lang/String");
    for (int i = 0; i < n; i++) {
      mv.visitInsn(DUP);
      mv.visitLdcInsn(i);
      mv.visitLdcInsn(resumable.get(i).goName);
      mv.visitInsn(AASTORE);
    }
    mv.visitFieldInsn(PUTSTATIC, cls, "NAMES", "[Ljava/lang/String;");
    mv.visitLdcInsn(n);
    mv.visitTypeInsn(ANEWARRAY, "[I");
    for (int i = 0; i < n; i++) {
      List<Point> ps = resumable.get(i).points;
      mv.visitInsn(DUP);
      mv.visitLdcInsn(i);
      mv.visitLdcInsn(ps.size());
      mv.visitIntInsn(NEWARRAY, T_INT);
      for (int j = 0; j < ps.size(); j++) {
        mv.visitInsn(DUP);
        mv.visitLdcInsn(j);
        mv.visitLdcInsn(ps.get(j).line);
        mv.visitInsn(IASTORE);
      }
      mv.visitInsn(AASTORE);
    }
    mv.visitFieldInsn(PUTSTATIC, cls, "LINES", "[[I");
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    mv = cw.visitMethod(ACC_PUBLIC, "resume", "(Lgol/runtime/G;I)V", null, null);
    mv.visitCode();
    Label bad = new Label();
    if (n > 0) {
      Label[] ls = new Label[n];
      for (int i = 0; i < n; i++) ls[i] = new Label();
      mv.visitVarInsn(ILOAD, 2);
      mv.visitTableSwitchInsn(0, n - 1, bad, ls);
      for (int i = 0; i < n; i++) {
        mv.visitLabel(ls[i]);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKESTATIC, className, resumable.get(i).jvmName + "$resume", "(Lgol/runtime/G;)V", false);
        mv.visitInsn(RETURN);
      }
    }
    mv.visitLabel(bad);
    mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
    mv.visitInsn(DUP);
    mv.visitLdcInsn("no function with id");
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false);
    mv.visitInsn(ATHROW);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    mv = cw.visitMethod(ACC_PUBLIC, "functionName", "(I)Ljava/lang/String;", null, null);
    mv.visitCode();
    mv.visitFieldInsn(GETSTATIC, cls, "NAMES", "[Ljava/lang/String;");
    mv.visitVarInsn(ILOAD, 1);
    mv.visitInsn(AALOAD);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    mv = cw.visitMethod(ACC_PUBLIC, "line", "(II)I", null, null);
    mv.visitCode();
    mv.visitFieldInsn(GETSTATIC, cls, "LINES", "[[I");
    mv.visitVarInsn(ILOAD, 1);
    mv.visitInsn(AALOAD);
    mv.visitVarInsn(ILOAD, 2);
    mv.visitInsn(IALOAD);
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    mv = cw.visitMethod(ACC_PUBLIC, "fileName", "()Ljava/lang/String;", null, null);
    mv.visitCode();
    mv.visitLdcInsn(absolutePath());   // tracebacks show absolute paths, as Go's do
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    addClass(cls, cw.toByteArray());
  }
}
