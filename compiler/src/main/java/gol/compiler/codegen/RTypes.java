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
    String key = key(t);
    Integer i = index.get(key);
    if (i != null) return i;
    // elements first, so the initializer can build this one from them
    if (t.underlying() instanceof Type.Slice s) internIfNeeded(s.elem);
    if (t.underlying() instanceof Type.Chan c) internIfNeeded(c.elem);
    int n = types.size();
    types.add(t);
    index.put(key, n);
    return n;
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
      case STRING: case UNTYPED_STRING: return "STRING";
      default: return null;
    }
  }

  /** Declares the fields and emits their initialization into clinit. */
  void emit(ClassVisitor cv, MethodVisitor clinit) {
    for (int i = 0; i < types.size(); i++) {
      cv.visitField(ACC_STATIC | ACC_FINAL | ACC_PRIVATE | ACC_SYNTHETIC, "$rt" + i, "Lgol/runtime/RType;", null, null).visitEnd();
    }
    for (int i = 0; i < types.size(); i++) {
      Type t = types.get(i);
      Type u = t.underlying();
      if (u instanceof Type.Slice s && !(t instanceof Type.Named)) {
        push(clinit, s.elem);
        clinit.visitMethodInsn(INVOKESTATIC, "gol/runtime/RType", "slice", "(Lgol/runtime/RType;)Lgol/runtime/RType;", false);
      } else if (u instanceof Type.Chan c && !(t instanceof Type.Named)) {
        clinit.visitLdcInsn(c.dir == Type.Dir.SEND ? 1 : c.dir == Type.Dir.RECV ? 2 : 0);
        push(clinit, c.elem);
        clinit.visitMethodInsn(INVOKESTATIC, "gol/runtime/RType", "chan", "(ILgol/runtime/RType;)Lgol/runtime/RType;", false);
      } else {
        clinit.visitFieldInsn(GETSTATIC, "gol/runtime/RType$Kind", kindName(u), "Lgol/runtime/RType$Kind;");
        clinit.visitLdcInsn(t instanceof Type.Named n ? n.qualifiedName() : t.toString());
        clinit.visitInsn(ACONST_NULL);
        clinit.visitMethodInsn(INVOKESTATIC, "gol/runtime/RType", "named", "(Lgol/runtime/RType$Kind;Ljava/lang/String;Lgol/runtime/RType;)Lgol/runtime/RType;", false);
      }
      clinit.visitFieldInsn(PUTSTATIC, owner, "$rt" + i, "Lgol/runtime/RType;");
    }
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
