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

  /** Pushes the RType of t. */
  void push(MethodVisitor mv, Type t) {
    String basic = basicField(t);
    if (basic != null) { mv.visitFieldInsn(GETSTATIC, "gol/runtime/RType", basic, "Lgol/runtime/RType;"); return; }
    mv.visitFieldInsn(GETSTATIC, owner, "$rt" + intern(t), "Lgol/runtime/RType;");
  }

  private int intern(Type t) {
    depth++;
    try {
      int n = intern1(t);
      // the fields of named structs, queued so that a cycle through a struct ends at the struct
      if (depth == 1) while (!pendingFields.isEmpty()) internIfNeeded(pendingFields.remove(0));
      return n;
    } finally {
      depth--;
    }
  }

  private int depth;
  private final List<Type> pendingFields = new ArrayList<>();

  private int intern1(Type t) {
    String key = key(t);
    Integer i = index.get(key);
    if (i != null) return i;
    if (t instanceof Type.Named && t.underlying() instanceof Type.Struct st && JvmTypes.isStruct(t)) {
      // a named struct first, then its fields: a field may refer back to it (next *Node); its
      // field types are set after every type exists (see emit)
      int n = types.size();
      types.add(t);
      index.put(key, n);
      for (gol.compiler.types.Symbol.Var f : st.fields) pendingFields.add(f.type);
      return n;
    }
    if (!inProgress.add(key)) throw new Unsupported(null, "recursive type " + t);
    // elements first, so the initializer can build this one from them
    if (t instanceof Type.Named && !(t.underlying() instanceof Type.Struct) && !(t.underlying() instanceof Type.Basic)
        && !(t.underlying() instanceof Type.Interface) && !(t.underlying() instanceof Type.Signature)) internIfNeeded(t.underlying());
    if (t.underlying() instanceof Type.Slice s) internIfNeeded(s.elem);
    if (t.underlying() instanceof Type.Chan c) internIfNeeded(c.elem);
    if (t instanceof Type.Pointer p) internIfNeeded(p.elem);
    if (t.underlying() instanceof Type.Map m) { internIfNeeded(m.key); internIfNeeded(m.elem); }
    if (t.underlying() instanceof Type.Array a) internIfNeeded(a.elem);
    if (t.underlying() instanceof Type.Struct st) for (gol.compiler.types.Symbol.Var f : st.fields) internIfNeeded(f.type);
    inProgress.remove(key);
    int n = types.size();
    types.add(t);
    index.put(key, n);
    return n;
  }

  /** Keys of the non-struct types being interned (a cycle through them, type T []T, is not supported). */
  private final java.util.Set<String> inProgress = new java.util.HashSet<>();

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
        // RType.struct(name, field names, field types, zero-value supplier)
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
        clinit.visitTypeInsn(NEW, FIELD_TYPES);   // filled in below, when every type exists
        clinit.visitInsn(DUP);
        clinit.visitMethodInsn(INVOKESPECIAL, FIELD_TYPES, "<init>", "()V", false);
        String cls = JvmTypes.className(t);
        clinit.visitTypeInsn(NEW, cls);
        clinit.visitInsn(DUP);
        clinit.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "()V", false);
        clinit.visitMethodInsn(INVOKESTATIC, "gol/runtime/RType", "structDeferred", "(Ljava/lang/String;Ljava/util/List;L" + FIELD_TYPES + ";Ljava/util/function/Supplier;)Lgol/runtime/RType;", false);
      } else {
        clinit.visitFieldInsn(GETSTATIC, "gol/runtime/RType$Kind", kindName(u), "Lgol/runtime/RType$Kind;");
        clinit.visitLdcInsn(t instanceof Type.Named n ? n.qualifiedName() : t.toString());
        clinit.visitInsn(ACONST_NULL);
        clinit.visitMethodInsn(INVOKESTATIC, "gol/runtime/RType", "named", "(Lgol/runtime/RType$Kind;Ljava/lang/String;Lgol/runtime/RType;)Lgol/runtime/RType;", false);
      }
      clinit.visitFieldInsn(PUTSTATIC, owner, "$rt" + i, "Lgol/runtime/RType;");
    }
    // the field types of every struct, now that all types exist
    for (int i = 0; i < types.size(); i++) {
      Type t = types.get(i);
      if (!(t.underlying() instanceof Type.Struct st) || !JvmTypes.isStruct(t)) continue;
      clinit.visitFieldInsn(GETSTATIC, owner, "$rt" + i, "Lgol/runtime/RType;");
      clinit.visitFieldInsn(GETFIELD, "gol/runtime/RType", "fieldTypes", "Ljava/util/List;");
      clinit.visitTypeInsn(CHECKCAST, FIELD_TYPES);
      clinit.visitLdcInsn(st.fields.size());
      clinit.visitTypeInsn(ANEWARRAY, "gol/runtime/RType");
      for (int f = 0; f < st.fields.size(); f++) {
        clinit.visitInsn(DUP);
        clinit.visitLdcInsn(f);
        push(clinit, st.fields.get(f).type);
        clinit.visitInsn(AASTORE);
      }
      clinit.visitMethodInsn(INVOKEVIRTUAL, FIELD_TYPES, "set", "([Lgol/runtime/RType;)V", false);
    }
  }

  private static final String FIELD_TYPES = "gol/runtime/RType$FieldTypes";

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
