package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import gol.compiler.types.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * Interfaces and dynamic dispatch. Go's interfaces are satisfied structurally; a single-package
 * program knows all its types and interfaces, so the compiler decides satisfaction ahead of time:
 * <ul>
 *   <li>each Go interface type with methods becomes a Java interface ({@code main$I$Shape}) declaring
 *       its whole method set as {@code M(G, params) R};</li>
 *   <li>each type with methods gets instance methods delegating to the static {@code T$M} methods and
 *       implements every program interface it satisfies — and the runtime's GoError / GoStringer when
 *       it has {@code Error() string} / {@code String() string}, so fmt and panics find them;</li>
 *   <li>a call {@code x.M(a)} on an interface value is {@code checkcast} + {@code invokeinterface};</li>
 *   <li>values held in interfaces: a struct value is a copy of its object; a pointer to a struct is a
 *       {@code main$T$Ptr} wrapping the object (so {@code x.(T)} and {@code x.(*T)} differ, as in Go); a
 *       named number, string or bool, or a named type with methods, is a {@code main$T} box holding the
 *       value (so %T prints main.T and x.(T) tells it from its underlying type).</li>
 * </ul>
 */
final class InterfaceGen {
  private final ProgramGen prog;
  /** Java interface name per Go interface type (by identity string). */
  private final Map<String, String> javaIfaces = new LinkedHashMap<>();
  private final Map<String, Type.Interface> goIfaces = new LinkedHashMap<>();
  private final Set<String> emittedBoxes = new LinkedHashSet<>();
  /**
   * Interface types of the standard library that the runtime library calls methods of (sort.Sort
   * calls Len/Less/Swap): they map to fixed Java interfaces of the runtime, declared there with the
   * same method descriptors, so user types that satisfy them implement the runtime's interface.
   */
  private static final List<LibIface> LIBRARY_INTERFACES = List.of(
      new LibIface("sort", "Interface", "gol/runtime/lib/sort$Interface"),
      new LibIface("math/rand", "Source", "gol/runtime/lib/math_rand$Source"),
      new LibIface("sync", "Locker", "gol/runtime/lib/sync$Locker"));

  /** A library interface type (import path, name) and the runtime Java interface it maps to. */
  private record LibIface(String path, String name, String javaName) {
    String key() { return path.substring(path.lastIndexOf('/') + 1) + "." + name; }

    Type.Interface type() {
      Symbol s = gol.compiler.types.Stdlib.member(path, name);
      return s != null && s.type.underlying() instanceof Type.Interface it ? it : null;
    }
  }

  private static String libraryInterface(String key) {
    for (LibIface l : LIBRARY_INTERFACES) if (l.key().equals(key)) return l.javaName();
    return null;
  }

  private int anon;

  InterfaceGen(ProgramGen prog) { this.prog = prog; }

  private static String key(Type t) {
    return t instanceof Type.Named n ? n.qualifiedName() : t.toString();
  }

  /** Registers every interface type the program declares or uses (before classes are generated). */
  void collect(Iterable<Type> types) {
    for (Type t : types) if (t != null) javaInterface(t);
  }

  /**
   * The Java interface for interface type t: GoError for error, GoStringer for an interface that is
   * exactly {@code String() string}, Object for the empty interface, else a generated one.
   */
  String javaInterface(Type t) {
    if (!(t.underlying() instanceof Type.Interface it)) return null;
    if (it.isEmpty()) return JvmTypes.OBJECT;
    if (it.methods.size() == 1 && isErrorMethod(it.methods.get(0))) return "gol/runtime/GoError";
    if (it.methods.size() == 1 && isStringMethod(it.methods.get(0))) return "gol/runtime/GoStringer";
    String k = key(t);
    String lib = t instanceof Type.Named ? libraryInterface(k) : null;
    if (lib != null) return lib;   // the runtime calls these: runtime interfaces, not generated ones
    String n = javaIfaces.get(k);
    if (n == null) {
      n = t instanceof Type.Named nt ? prog.className + "$I$" + nt.name : prog.className + "$iface" + (++anon);
      javaIfaces.put(k, n);
      goIfaces.put(k, it);
      ClassWriter cw = prog.newClassWriter();
      cw.visit(V17, ACC_PUBLIC | ACC_INTERFACE | ACC_ABSTRACT, n, null, "java/lang/Object", null);
      for (Symbol.Func m : it.methods) {
        cw.visitMethod(ACC_PUBLIC | ACC_ABSTRACT, m.name, JvmTypes.methodDesc(m.sig()), null, null).visitEnd();
      }
      cw.visitEnd();
      prog.addClass(n, cw.toByteArray());
    }
    return n;
  }

  static boolean isErrorMethod(Symbol.Func m) {
    return m.name.equals("Error") && m.sig().params.isEmpty() && m.sig().results.size() == 1 && JvmTypes.isString(m.sig().results.get(0).type);
  }

  static boolean isStringMethod(Symbol.Func m) {
    return m.name.equals("String") && m.sig().params.isEmpty() && m.sig().results.size() == 1 && JvmTypes.isString(m.sig().results.get(0).type);
  }

  /** All methods declared on named type t (value and pointer receivers). */
  static List<Symbol.Func> declaredMethods(Type t) {
    if (t instanceof Type.Pointer p) t = p.elem;
    return t instanceof Type.Named n ? n.methods : List.of();
  }

  /** A method of a type's method set, reached through the embedded fields {@code path} (empty if declared on it). */
  record Method(Symbol.Func m, List<Symbol.Var> path) {}

  /**
   * The method set of t: its own methods, then methods promoted from embedded fields (shallower
   * ones win; Go rejects ambiguous ones at compile time).
   */
  static List<Method> methodSet(Type t) {
    List<Method> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Symbol.Func m : declaredMethods(t)) if (names.add(m.name)) out.add(new Method(m, List.of()));
    Type base = t instanceof Type.Pointer p ? p.elem : t;
    if (base.underlying() instanceof Type.Struct st) {
      for (Symbol.Var f : st.fields) {
        if (!f.embedded) continue;
        for (Method pm : methodSet(f.type)) {
          if (!names.add(pm.m().name)) continue;
          List<Symbol.Var> path = new ArrayList<>();
          path.add(f);
          path.addAll(pm.path());
          out.add(new Method(pm.m(), path));
        }
      }
    }
    return out;
  }

  /** The methods of t's method set, without their paths. */
  static List<Symbol.Func> methodsOf(Type t) {
    List<Symbol.Func> out = new ArrayList<>();
    for (Method m : methodSet(t)) out.add(m.m());
    return out;
  }

  private static Symbol.Func find(List<Symbol.Func> ms, String name) {
    for (Symbol.Func m : ms) if (m.name.equals(name)) return m;
    return null;
  }

  /**
   * The Java interfaces the class holding a value of type t implements: for a pointer box (*T) all
   * of T's methods count; for a value (a struct object, a boxed named number) only the methods of
   * T's value method set, so fmt and type assertions do not find a pointer-receiver String method
   * on a value, as in Go.
   */
  List<String> implementedBy(Type t, boolean pointer) {
    List<Symbol.Func> ms = new ArrayList<>();
    for (Method m : methodSet(t)) if (pointer || inValueMethodSet(m)) ms.add(m.m());
    List<String> out = new ArrayList<>();
    if (ms.isEmpty()) return out;
    for (Map.Entry<String, Type.Interface> e : goIfaces.entrySet()) {
      if (satisfies(ms, e.getValue())) out.add(javaIfaces.get(e.getKey()));
    }
    for (LibIface l : LIBRARY_INTERFACES) {
      Type.Interface li = l.type();
      if (li != null && satisfies(ms, li)) out.add(l.javaName());
    }
    for (Symbol.Func m : ms) {
      if (isErrorMethod(m)) out.add("gol/runtime/GoError");
      if (isStringMethod(m)) out.add("gol/runtime/GoStringer");
      // errors.Unwrap/Is/As follow these methods (Go finds them by interface assertions)
      if (m.name.equals("Unwrap") && m.sig().params.isEmpty() && m.sig().results.size() == 1
          && Types.identical(m.sig().results.get(0).type, Types.ERROR)) out.add("gol/runtime/lib/errors$Wrapper");
      // fmt.Fprint* and bufio write to and read from these (io.Writer and io.Reader are held as Object)
      if ((m.name.equals("Write") || m.name.equals("Read")) && m.sig().params.size() == 1
          && Types.identical(m.sig().params.get(0).type, new Type.Slice(Types.BYTE))
          && m.sig().results.size() == 2 && Types.identical(m.sig().results.get(0).type, Types.INT)
          && Types.identical(m.sig().results.get(1).type, Types.ERROR)) {
        out.add(m.name.equals("Write") ? "gol/runtime/lib/io$Writer" : "gol/runtime/lib/io$Reader");
      }
      if (m.name.equals("As") && m.sig().params.size() == 1 && m.sig().params.get(0).type.underlying() instanceof Type.Interface ai
          && ai.isEmpty() && m.sig().results.size() == 1 && Types.identical(m.sig().results.get(0).type, Types.BOOL)) {
        out.add("gol/runtime/lib/errors$Aser");
      }
      if (m.name.equals("Is") && m.sig().params.size() == 1 && Types.identical(m.sig().params.get(0).type, Types.ERROR)
          && m.sig().results.size() == 1 && Types.identical(m.sig().results.get(0).type, Types.BOOL)) {
        out.add("gol/runtime/lib/errors$Iser");
      }
    }
    return out;
  }

  /** Is m in the method set of the value type (a value receiver, or promoted through an embedded pointer)? */
  static boolean inValueMethodSet(Method m) {
    if (!pointerReceiver(m.m())) return true;
    for (Symbol.Var f : m.path()) if (f.type instanceof Type.Pointer) return true;
    return false;
  }

  private static boolean satisfies(List<Symbol.Func> ms, Type.Interface it) {
    for (Symbol.Func im : it.methods) {
      Symbol.Func m = find(ms, im.name);
      if (m == null || !sameSignature(m.sig(), im.sig())) return false;
    }
    return true;
  }

  private static boolean sameSignature(Type.Signature a, Type.Signature b) {
    if (a.params.size() != b.params.size() || a.results.size() != b.results.size() || a.variadic != b.variadic) return false;
    for (int i = 0; i < a.params.size(); i++) if (!Types.identical(a.params.get(i).type, b.params.get(i).type)) return false;
    for (int i = 0; i < a.results.size(); i++) if (!Types.identical(a.results.get(i).type, b.results.get(i).type)) return false;
    return true;
  }

  /** Does the receiver of m have pointer type? */
  static boolean pointerReceiver(Symbol.Func m) {
    return m.sig().recv != null && m.sig().recv.type instanceof Type.Pointer;
  }

  /**
   * Instance methods {@code M(G, params)} of a struct class (this = the struct) or of a box/pointer
   * wrapper (the value is in field {@code valueField}), each calling the static {@code T$M}.
   */
  void emitMethodDelegates(ClassWriter cw, Type t, String cls) { emitDelegates(cw, t, cls, null, null); }

  private void emitDelegates(ClassWriter cw, Type t, String cls, String valueField, String valueDesc) {
    boolean valueBox = valueField != null && !valueField.equals("p");
    for (Method ms : methodSet(t)) {
      Symbol.Func m = ms.m();
      if (m.decl == null) continue;
      // A boxed named number holds a copy: pointer-receiver methods are not in its method set.
      if (valueBox && pointerReceiver(m)) continue;
      String desc = JvmTypes.methodDesc(m.sig());
      MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, m.name, desc, null, null);
      mv.visitCode();
      mv.visitVarInsn(ALOAD, 1);   // g
      mv.visitVarInsn(ALOAD, 0);
      if (valueField != null) mv.visitFieldInsn(GETFIELD, cls, valueField, valueDesc);
      Type cur = t instanceof Type.Pointer tp ? tp.elem : t;
      for (Symbol.Var f : ms.path()) {   // a promoted method: reach the embedded field
        mv.visitFieldInsn(GETFIELD, JvmTypes.className(cur), StructGen.fieldName(f, StructGen.indexOf(cur, f)), JvmTypes.desc(f.type));
        cur = f.type instanceof Type.Pointer fp ? fp.elem : f.type;
      }
      Type recvType = m.sig().recv.type;
      if (!pointerReceiver(m) && JvmTypes.isStruct(recvType)) {   // a value receiver gets its own copy
        String sc = JvmTypes.className(recvType);
        mv.visitMethodInsn(INVOKEVIRTUAL, sc, "copy", "()L" + sc + ";", false);
      } else if (!pointerReceiver(m) && "p".equals(valueField)) {   // a value method through a pointer to a named non-struct
        JKind ek = JvmTypes.kind(recvType);
        mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Panic", "nilCheck", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitTypeInsn(CHECKCAST, ek.cellClass());
        mv.visitMethodInsn(INVOKEVIRTUAL, ek.cellClass(), "get", "()" + ek.cellFieldDesc(), false);
        if (ek == JKind.A) mv.visitTypeInsn(CHECKCAST, JvmTypes.className(recvType));
      }
      int slot = 2;
      for (Symbol.Var p : m.sig().params) {
        JKind k = JvmTypes.kind(p.type);
        mv.visitVarInsn(k.load, slot);
        slot += k.size;
      }
      mv.visitMethodInsn(INVOKESTATIC, prog.className, prog.methodJvmName(m), prog.methodDesc(m), false);
      mv.visitInsn(JvmTypes.resultKind(m.sig().results).ret);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
  }

  /**
   * The class holding a value of t in an interface when t is a pointer to a struct ({@code main$T$Ptr})
   * or a named non-struct type with methods ({@code main$T}); null when the value is held as is.
   */
  String boxClass(Type t) {
    if (t instanceof Type.Pointer p && JvmTypes.isStruct(p.elem)) {
      String sc = JvmTypes.className(p.elem);
      String cls = sc + "$Ptr";
      if (emittedBoxes.add(cls)) prog.deferredBoxes.add(() -> emitBox(t, cls, "p", "L" + sc + ";", true));
      return cls;
    }
    if (t instanceof Type.Pointer p && p.elem instanceof Type.Named n && (n.pkg == null || n.pkg.equals("main"))
        && !JvmTypes.isStruct(p.elem) && !(p.elem.underlying() instanceof Type.Interface) && !methodsOf(p.elem).isEmpty()) {
      // a pointer to a named number/string/slice with methods: a box around its cell or view
      String cls = prog.className + "$" + n.name + "$Ptr";
      String cd = "L" + JvmTypes.className(t) + ";";
      if (emittedBoxes.add(cls)) prog.deferredBoxes.add(() -> emitBox(t, cls, "p", cd, true));
      return cls;
    }
    if (t instanceof Type.Named n && (n.pkg == null || n.pkg.equals("main")) && !JvmTypes.isStruct(t)
        && !(t.underlying() instanceof Type.Interface) && (!methodsOf(t).isEmpty() || t.underlying() instanceof Type.Basic)) {
      String cls = prog.className + "$" + n.name;
      if (emittedBoxes.add(cls)) {
        String vd = JvmTypes.kind(t) == JKind.A ? "L" + JvmTypes.className(t) + ";" : JvmTypes.kind(t).desc;
        prog.deferredBoxes.add(() -> emitBox(t, cls, "v", vd, false));
      }
      return cls;
    }
    return null;
  }

  private void emitBox(Type t, String cls, String field, String fdesc, boolean pointer) {
    Type valueType = pointer ? ((Type.Pointer) t).elem : t;
    List<String> ifaces = new ArrayList<>(implementedBy(valueType, pointer));
    ifaces.add(pointer ? "gol/runtime/GoPointer" : "gol/runtime/Box$Named");
    ClassWriter cw = prog.newClassWriter();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new LinkedHashSet<>(ifaces).toArray(new String[0]));
    Closures.emitOneFieldClassBody(cw, cls, field, fdesc, ACC_PUBLIC);
    org.objectweb.asm.Type ft = org.objectweb.asm.Type.getType(fdesc);
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "goType", "()Lgol/runtime/RType;", null, null);
    mv.visitCode();
    prog.rtypes.push(mv, t);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    boolean structPtr = pointer && JvmTypes.isStruct(valueType);
    if (pointer) {   // GoPointer.goLoad: fmt prints &{...}; a cell's value boxed as its type
      mv = cw.visitMethod(ACC_PUBLIC, "goLoad", "()Ljava/lang/Object;", null, null);
      mv.visitCode();
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, cls, field, fdesc);
      if (!structPtr) {
        org.objectweb.asm.Label nil = new org.objectweb.asm.Label();
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNULL, nil);
        JKind ek = JvmTypes.kind(valueType);
        mv.visitMethodInsn(INVOKEVIRTUAL, ek.cellClass(), "get", "()" + ek.cellFieldDesc(), false);
        if (ek == JKind.A) mv.visitTypeInsn(CHECKCAST, JvmTypes.className(valueType));
        prog.boxForInterface(mv, valueType);
        mv.visitLabel(nil);
      }
      mv.visitInsn(ARETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
    // Go's == on interfaces holding pointers compares the pointers; holding values, the values.
    mv = cw.visitMethod(ACC_PUBLIC, "equals", "(Ljava/lang/Object;)Z", null, null);
    mv.visitCode();
    org.objectweb.asm.Label no = new org.objectweb.asm.Label();
    mv.visitVarInsn(ALOAD, 1);
    mv.visitTypeInsn(INSTANCEOF, cls);
    mv.visitJumpInsn(IFEQ, no);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, cls, field, fdesc);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitTypeInsn(CHECKCAST, cls);
    mv.visitFieldInsn(GETFIELD, cls, field, fdesc);
    switch (ft.getSort()) {
      case org.objectweb.asm.Type.LONG: mv.visitInsn(LCMP); mv.visitJumpInsn(IFNE, no); break;
      case org.objectweb.asm.Type.DOUBLE: mv.visitInsn(DCMPL); mv.visitJumpInsn(IFNE, no); break;
      case org.objectweb.asm.Type.BOOLEAN: mv.visitJumpInsn(IF_ICMPNE, no); break;
      default:
        if (structPtr) mv.visitJumpInsn(IF_ACMPNE, no);   // pointers to non-structs: views of one location are equal
        else { mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "equals", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false); mv.visitJumpInsn(IFEQ, no); }
    }
    mv.visitInsn(ICONST_1);
    mv.visitInsn(IRETURN);
    mv.visitLabel(no);
    mv.visitInsn(ICONST_0);
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    mv = cw.visitMethod(ACC_PUBLIC, "hashCode", "()I", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, cls, field, fdesc);
    switch (ft.getSort()) {
      case org.objectweb.asm.Type.LONG: mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "hashCode", "(J)I", false); break;
      case org.objectweb.asm.Type.DOUBLE: mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "hashCode", "(D)I", false); break;
      case org.objectweb.asm.Type.BOOLEAN: mv.visitMethodInsn(INVOKESTATIC, "java/lang/Boolean", "hashCode", "(Z)I", false); break;
      default:
        if (structPtr) mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "identityHashCode", "(Ljava/lang/Object;)I", false);
        else mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "hashCode", "(Ljava/lang/Object;)I", false);
    }
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    if (!pointer) {   // Box.Named.unwrapped: the value boxed as its underlying type (fmt prints it)
      mv = cw.visitMethod(ACC_PUBLIC, "unwrapped", "()Ljava/lang/Object;", null, null);
      mv.visitCode();
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, cls, field, fdesc);
      prog.boxForInterface(mv, t.underlying());
      mv.visitInsn(ARETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
    // fmt prints a named number by its value when it has no String method
    if (!pointer && ft.getSort() != org.objectweb.asm.Type.OBJECT) {
      mv = cw.visitMethod(ACC_PUBLIC, "toString", "()Ljava/lang/String;", null, null);
      mv.visitCode();
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, cls, field, fdesc);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/String", "valueOf", "(" + fdesc + ")Ljava/lang/String;", false);
      mv.visitInsn(ARETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
    emitDelegates(cw, valueType, cls, field, fdesc);
    cw.visitEnd();
    prog.addClass(cls, cw.toByteArray());
  }
}
