package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

import gol.compiler.types.Type;
import gol.compiler.types.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;

/**
 * The run-time type descriptors ({@link gol.runtime.RType}) a program needs: one static field
 * {@code $rt<N>} of the program class per distinct type, built in its static initializer with
 * element types first.
 */
final class RTypes {
  private final String owner;
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final List<Type> types = new ArrayList<>();

  RTypes(String owner) { this.owner = owner; }

  /**
   * The box class of a named non-struct type with methods (InterfaceGen.boxClass), asked while the
   * type is interned so that the class is emitted; null for other types. Set by ProgramGen.
   */
  java.util.function.Function<Type, String> boxClassOf = t -> null;
  /** Box classes of interned types, by index. */
  private final Map<Integer, String> boxClasses = new java.util.HashMap<>();

  /** Pushes the RType of t. */
  void push(MethodVisitor mv, Type t) {
    String basic = basicField(t);
    if (basic != null) { mv.visitFieldInsn(GETSTATIC, "gol/runtime/RType", basic, "Lgol/runtime/RType;"); return; }
    mv.visitFieldInsn(GETSTATIC, owner, "$rt" + intern(t), "Lgol/runtime/RType;");
  }

  private int intern(Type t) {
    String key = key(t);
    Integer i = index.get(key);
    if (i != null) return i;
    boolean struct = t.underlying() instanceof Type.Struct && JvmTypes.isStruct(t);
    if (!struct && path.contains(key) && !structOnPathSince(key)) {
      // a cycle that does not pass through a struct: type L []L, type M map[string]M, ...
      throw new Unsupported(null, "recursive type " + t + " at run time");
    }
    path.push(key);
    int n = -1;
    if (struct) {
      // A struct is registered before its fields: a field may lead back to it (type Node struct
      // { Next *Node }). Its descriptor is made first and its field types filled in at the end.
      n = add(key, t);
      structKeys.add(key);
      for (gol.compiler.types.Symbol.Var f : ((Type.Struct) t.underlying()).fields) internIfNeeded(f.type);
    } else {
      // elements first, so the initializer can build this one from them
      if (t instanceof Type.Named && !(t.underlying() instanceof Type.Basic) && !(t.underlying() instanceof Type.Struct)
          && !(t.underlying() instanceof Type.Interface) && !(t.underlying() instanceof Type.Signature)) internIfNeeded(t.underlying());
      if (t.underlying() instanceof Type.Slice s) internIfNeeded(s.elem);
      if (t.underlying() instanceof Type.Chan c) internIfNeeded(c.elem);
      if (t instanceof Type.Pointer p) internIfNeeded(p.elem);
      if (t.underlying() instanceof Type.Map m) { internIfNeeded(m.key); internIfNeeded(m.elem); }
      if (t.underlying() instanceof Type.Array a) internIfNeeded(a.elem);
      // a cycle through a struct may have registered t already (interning []Tree reaches Tree,
      // whose field Kids []Tree is registered while Tree's fields are)
      Integer again = index.get(key);
      n = again != null ? again : add(key, t);
      Type named = t instanceof Type.Pointer pt ? pt.elem : t;
      if (again == null && named instanceof Type.Named nt && !nt.methods.isEmpty()) {
        String box = boxClassOf.apply(t);
        if (box != null) boxClasses.put(n, box);
      }
    }
    path.pop();
    return n;
  }

  private int add(String key, Type t) {
    int n = types.size();
    types.add(t);
    index.put(key, n);
    return n;
  }

  /** The types being interned, innermost first, to tell a cycle through a struct from one without. */
  private final java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
  /** Keys on {@link #path} that are structs. */
  private final java.util.Set<String> structKeys = new java.util.HashSet<>();

  /** True when a struct was entered after the innermost entry of key on the path. */
  private boolean structOnPathSince(String key) {
    for (String k : path) {           // innermost first
      if (k.equals(key)) return false;
      if (structKeys.contains(k)) return true;
    }
    return false;
  }

  private void internIfNeeded(Type t) { if (basicField(t) == null) intern(t); }

  private static String key(Type t) {
    return t instanceof Type.Named n ? n.qualifiedName() : t.toString();
  }

  /** The RType constant of a predeclared type, or null. */
  static String basicField(Type t) {
    if (t == Types.ERROR) return "ERROR";
    if (t instanceof Type.Named) return null;
    if (t.underlying() instanceof Type.Interface i && i.isEmpty()) return "ANY";
    Type.Kind k = Types.kindOf(t);
    if (k == null) return null;
    switch (k) {
      case BOOL: case UNTYPED_BOOL: return "BOOL";
      case INT: case UNTYPED_INT: return "INT";
      case INT8: return "INT8";
      case INT16: return "INT16";
      case INT32: case UNTYPED_RUNE: return "INT32";
      case INT64: return "INT64";
      case UINT: return "UINT";
      case UINT8: return "UINT8";
      case UINT16: return "UINT16";
      case UINT32: return "UINT32";
      case UINT64: return "UINT64";
      case UINTPTR: return "UINTPTR";
      case FLOAT32: return "FLOAT32";
      case FLOAT64: case UNTYPED_FLOAT: return "FLOAT64";
      case COMPLEX64: return "COMPLEX64";
      case COMPLEX128: case UNTYPED_COMPLEX: return "COMPLEX128";
      case STRING: case UNTYPED_STRING: return "STRING";
      default: return null;
    }
  }

  /** Declares the fields and emits their initialization into clinit. */
  void emit(ClassVisitor cv, MethodVisitor clinit) {
    for (int i = 0; i < types.size(); i++) {
      cv.visitField(ACC_STATIC | ACC_FINAL | ACC_SYNTHETIC, "$rt" + i, "Lgol/runtime/RType;", null, null).visitEnd();
    }
    for (int i = 0; i < types.size(); i++) {
      Type t = types.get(i);
      Type u = t.underlying();
      if (t instanceof Type.Named n && (u instanceof Type.Slice || u instanceof Type.Chan || u instanceof Type.Map
          || u instanceof Type.Array || u instanceof Type.Pointer)) {
        push(clinit, u);   // the structure, under the named type's name
        clinit.visitLdcInsn(n.qualifiedName());
        clinit.visitMethodInsn(INVOKEVIRTUAL, "gol/runtime/RType", "withName", "(Ljava/lang/String;)Lgol/runtime/RType;", false);
      } else if (u instanceof Type.Slice s && !(t instanceof Type.Named)) {
        push(clinit, s.elem);
        clinit.visitMethodInsn(INVOKESTATIC, "gol/runtime/RType", "slice", "(Lgol/runtime/RType;)Lgol/runtime/RType;", false);
      } else if (u instanceof Type.Chan c && !(t instanceof Type.Named)) {
        clinit.visitLdcInsn(c.dir == Type.Dir.SEND ? 1 : c.dir == Type.Dir.RECV ? 2 : 0);
        push(clinit, c.elem);
        clinit.visitMethodInsn(INVOKESTATIC, "gol/runtime/RType", "chan", "(ILgol/runtime/RType;)Lgol/runtime/RType;", false);
      } else if (t instanceof Type.Pointer p) {
        push(clinit, p.elem);
        clinit.visitMethodInsn(INVOKESTATIC, "gol/runtime/RType", "pointer", "(Lgol/runtime/RType;)Lgol/runtime/RType;", false);
      } else if (u instanceof Type.Map m && !(t instanceof Type.Named)) {
        push(clinit, m.key);
        push(clinit, m.elem);
        clinit.visitMethodInsn(INVOKESTATIC, "gol/runtime/RType", "map", "(Lgol/runtime/RType;Lgol/runtime/RType;)Lgol/runtime/RType;", false);
      } else if (u instanceof Type.Array a && !(t instanceof Type.Named)) {
        clinit.visitLdcInsn(a.len);
        push(clinit, a.elem);
        clinit.visitMethodInsn(INVOKESTATIC, "gol/runtime/RType", "array", "(JLgol/runtime/RType;)Lgol/runtime/RType;", false);
      } else if (u instanceof Type.Struct st && JvmTypes.isStruct(t)) {
        // RType.structLater(name, field names, zero-value supplier); field types set below
        clinit.visitLdcInsn(t instanceof Type.Named n ? n.qualifiedName() : goStructName(st));
        clinit.visitLdcInsn(st.fields.size());
        clinit.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        for (int f = 0; f < st.fields.size(); f++) {
          clinit.visitInsn(DUP);
          clinit.visitLdcInsn(f);
          clinit.visitLdcInsn(st.fields.get(f).name);
          clinit.visitInsn(AASTORE);
        }
        clinit.visitMethodInsn(INVOKESTATIC, "java/util/List", "of", "([Ljava/lang/Object;)Ljava/util/List;", true);
        String cls = JvmTypes.className(t);
        clinit.visitTypeInsn(NEW, cls);
        clinit.visitInsn(DUP);
        clinit.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "()V", false);
        clinit.visitMethodInsn(INVOKESTATIC, "gol/runtime/RType", "structLater", "(Ljava/lang/String;Ljava/util/List;Ljava/util/function/Supplier;)Lgol/runtime/RType;", false);
      } else {
        clinit.visitFieldInsn(GETSTATIC, "gol/runtime/RType$Kind", kindName(u), "Lgol/runtime/RType$Kind;");
        clinit.visitLdcInsn(goName(t));
        clinit.visitInsn(ACONST_NULL);
        clinit.visitMethodInsn(INVOKESTATIC, "gol/runtime/RType", "named", "(Lgol/runtime/RType$Kind;Ljava/lang/String;Lgol/runtime/RType;)Lgol/runtime/RType;", false);
      }
      clinit.visitFieldInsn(PUTSTATIC, owner, "$rt" + i, "Lgol/runtime/RType;");
    }
    // named types with methods: the class that boxes their values (fmt calls their String methods)
    for (Map.Entry<Integer, String> e : boxClasses.entrySet()) {
      clinit.visitFieldInsn(GETSTATIC, owner, "$rt" + e.getKey(), "Lgol/runtime/RType;");
      clinit.visitLdcInsn(org.objectweb.asm.Type.getObjectType(e.getValue()));
      clinit.visitMethodInsn(INVOKEVIRTUAL, "gol/runtime/RType", "setBoxClass", "(Ljava/lang/Class;)V", false);
    }
    // every descriptor exists now: give the structs their field types
    for (int i = 0; i < types.size(); i++) {
      Type t = types.get(i);
      if (!(t.underlying() instanceof Type.Struct st) || !JvmTypes.isStruct(t)) continue;
      clinit.visitFieldInsn(GETSTATIC, owner, "$rt" + i, "Lgol/runtime/RType;");
      clinit.visitLdcInsn(st.fields.size());
      clinit.visitTypeInsn(ANEWARRAY, "gol/runtime/RType");
      for (int f = 0; f < st.fields.size(); f++) {
        clinit.visitInsn(DUP);
        clinit.visitLdcInsn(f);
        push(clinit, st.fields.get(f).type);
        clinit.visitInsn(AASTORE);
      }
      clinit.visitMethodInsn(INVOKEVIRTUAL, "gol/runtime/RType", "setFieldTypes", "([Lgol/runtime/RType;)V", false);
    }
  }

  /**
   * A type's name as Go's %T (reflect) prints it: package-qualified named types ({@code main.Point}),
   * {@code uint8}/{@code int32} for byte/rune, {@code interface {}}, channel directions, and
   * signatures without parameter names ({@code func(int, ...string) (main.T, error)}).
   */
  static String goName(Type t) {
    if (t instanceof Type.Named n) return n.pkg == null ? n.name : n.qualifiedName();
    if (t instanceof Type.Basic b) {
      if (b.kind == Type.Kind.UINT8) return "uint8";
      if (b.kind == Type.Kind.INT32) return "int32";
      return b.toString();
    }
    if (t instanceof Type.Pointer p) return "*" + goName(p.elem);
    if (t instanceof Type.Slice s) return "[]" + goName(s.elem);
    if (t instanceof Type.Array a) return "[" + a.len + "]" + goName(a.elem);
    if (t instanceof Type.Map m) return "map[" + goName(m.key) + "]" + goName(m.elem);
    if (t instanceof Type.Chan c) {
      switch (c.dir) {
        case SEND: return "chan<- " + goName(c.elem);
        case RECV: return "<-chan " + goName(c.elem);
        default: return "chan " + (c.elem instanceof Type.Chan e && e.dir == Type.Dir.RECV ? "(" + goName(c.elem) + ")" : goName(c.elem));
      }
    }
    if (t instanceof Type.Struct st) return goStructName(st);
    if (t instanceof Type.Interface it) {
      if (it.isEmpty()) return "interface {}";
      StringBuilder b = new StringBuilder("interface { ");
      for (int i = 0; i < it.methods.size(); i++) {
        if (i > 0) b.append("; ");
        b.append(it.methods.get(i).name).append(goParams((Type.Signature) it.methods.get(i).type));
      }
      return b.append(" }").toString();
    }
    if (t instanceof Type.Signature sig) return "func" + goParams(sig);
    return t.toString();
  }

  private static String goParams(Type.Signature s) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < s.params.size(); i++) {
      if (i > 0) b.append(", ");
      Type pt = s.params.get(i).type;
      if (s.variadic && i == s.params.size() - 1) b.append("...").append(goName(((Type.Slice) pt).elem));
      else b.append(goName(pt));
    }
    b.append(')');
    if (s.results.size() == 1) b.append(' ').append(goName(s.results.get(0).type));
    else if (s.results.size() > 1) {
      b.append(" (");
      for (int i = 0; i < s.results.size(); i++) b.append(i > 0 ? ", " : "").append(goName(s.results.get(i).type));
      b.append(')');
    }
    return b.toString();
  }

  /** An unnamed struct type as reflect prints it: {@code struct { X int; Y string }}. */
  static String goStructName(Type.Struct st) {
    StringBuilder b = new StringBuilder("struct {");
    for (int i = 0; i < st.fields.size(); i++) {
      gol.compiler.types.Symbol.Var f = st.fields.get(i);
      b.append(i == 0 ? " " : "; ");
      if (f.embedded) b.append(f.type); else b.append(f.name).append(' ').append(f.type);
    }
    return b.append(st.fields.isEmpty() ? "}" : " }").toString();
  }

  private static String kindName(Type u) {
    if (u instanceof Type.Basic b) {
      String f = basicField(b);
      if (f != null && !f.equals("ANY") && !f.equals("ERROR")) return f;
    }
    if (u instanceof Type.Struct) return "STRUCT";
    if (u instanceof Type.Interface) return "INTERFACE";
    if (u instanceof Type.Signature) return "FUNC";
    if (u instanceof Type.Map) return "MAP";
    if (u instanceof Type.Pointer) return "POINTER";
    if (u instanceof Type.Array) return "ARRAY";
    if (u instanceof Type.Slice) return "SLICE";
    if (u instanceof Type.Chan) return "CHAN";
    return "STRUCT";
  }
}
