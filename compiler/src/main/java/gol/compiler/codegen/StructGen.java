package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import gol.compiler.types.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Struct types as JVM classes. {@code type Point struct{ X, Y int }} becomes
 * <pre>
 *   final class main$Point implements GoStruct, Supplier {
 *     long X; long Y;
 *     main$Point()                 the zero value (strings "", nested structs allocated)
 *     main$Point copy()            a new value with the same fields (nested structs copied)
 *     void set(main$Point o)       assigns o's fields to this one (the variable keeps its identity)
 *     equals / hashCode            Go's == on structs, and map keys
 *     goType / goField             for fmt
 *     M(G, ...)                    one instance method per Go method, calling the static T$M, so
 *                                  that interface calls can dispatch (see InterfaceGen)
 *   }
 * </pre>
 * A variable of struct type holds its own instance for its whole life; a pointer to a struct is a
 * reference to that instance. Value semantics come from copying whenever a struct value that lives
 * somewhere flows into a new place, and from assigning into struct variables with {@code set}.
 */
final class StructGen {
  private final ProgramGen prog;
  private final Map<String, Type> types = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();
  private int anon;

  StructGen(ProgramGen prog) { this.prog = prog; }

  private static String key(Type t) {
    return t instanceof Type.Named n ? "N:" + n.qualifiedName() + "@" + System.identityHashCode(n) : "S:" + t;
  }

  /** The class of struct type t (registering it for generation). */
  String classOf(Type t) {
    String k = key(t);
    String n = names.get(k);
    if (n == null) {
      n = t instanceof Type.Named nt ? prog.className + "$" + nt.name : prog.className + "$struct" + (++anon);
      if (names.containsValue(n)) n = n + "$" + names.size();
      names.put(k, n);
      types.put(k, t);
    }
    return n;
  }

  /** Field names as JVM field names (blank fields renamed). */
  static String fieldName(Symbol.Var f, int i) {
    return f.name.equals("_") ? "$blank" + i : f.name;
  }

  static List<Symbol.Var> fields(Type t) { return ((Type.Struct) t.underlying()).fields; }

  /** Generates every registered struct class (call after all code that may register one). */
  void emitAll() {
    List<String> done = new ArrayList<>();
    boolean more = true;
    while (more) {   // emitting one class may register another (field types)
      more = false;
      for (String k : new ArrayList<>(types.keySet())) {
        if (done.contains(k)) continue;
        emit(types.get(k), names.get(k));
        done.add(k);
        more = true;
      }
    }
  }

  private void emit(Type t, String cls) {
    List<Symbol.Var> fs = fields(t);
    ClassWriter cw = prog.newClassWriter();
    List<String> ifaces = new ArrayList<>(List.of("gol/runtime/GoStruct", "java/util/function/Supplier"));
    ifaces.addAll(prog.interfaces.implementedBy(t, false));   // a struct object in an interface is a value
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", ifaces.toArray(new String[0]));
    for (int i = 0; i < fs.size(); i++) {
      cw.visitField(ACC_PUBLIC, fieldName(fs.get(i), i), JvmTypes.desc(fs.get(i).type), null, null).visitEnd();
    }
    // zero value
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    for (int i = 0; i < fs.size(); i++) {
      Type ft = fs.get(i).type;
      if (JvmTypes.kind(ft) != JKind.A) continue;
      if (!JvmTypes.isString(ft) && !JvmTypes.isComplex(ft) && !JvmTypes.isStruct(ft) && !JvmTypes.isArray(ft) && !(JvmTypes.libClass(ft) != null && !(ft instanceof Type.Pointer))) continue;
      mv.visitVarInsn(ALOAD, 0);
      zero(prog, mv, ft);
      mv.visitFieldInsn(PUTFIELD, cls, fieldName(fs.get(i), i), JvmTypes.desc(ft));
    }
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    // Supplier.get: a fresh zero value (the runtime fills make([]T, n) with these)
    mv = cw.visitMethod(ACC_PUBLIC, "get", "()Ljava/lang/Object;", null, null);
    mv.visitCode();
    mv.visitTypeInsn(NEW, cls);
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "()V", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    // copy
    mv = cw.visitMethod(ACC_PUBLIC, "copy", "()L" + cls + ";", null, null);
    mv.visitCode();
    mv.visitTypeInsn(NEW, cls);
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "()V", false);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKEVIRTUAL, cls, "set", "(L" + cls + ";)V", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    mv = cw.visitMethod(ACC_PUBLIC, "goCopy", "()Ljava/lang/Object;", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKEVIRTUAL, cls, "copy", "()L" + cls + ";", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    // set
    mv = cw.visitMethod(ACC_PUBLIC, "set", "(L" + cls + ";)V", null, null);
    mv.visitCode();
    for (int i = 0; i < fs.size(); i++) {
      Type ft = fs.get(i).type;
      String fn = fieldName(fs.get(i), i), fd = JvmTypes.desc(ft);
      if (JvmTypes.isStruct(ft)) {
        String fc = JvmTypes.className(ft);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, cls, fn, fd);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitFieldInsn(GETFIELD, cls, fn, fd);
        mv.visitMethodInsn(INVOKEVIRTUAL, fc, "set", "(L" + fc + ";)V", false);
      } else {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitFieldInsn(GETFIELD, cls, fn, fd);
        if (JvmTypes.isArray(ft)) {
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ArrayOps", "copy", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
          mv.visitTypeInsn(CHECKCAST, fd);
        }
        mv.visitFieldInsn(PUTFIELD, cls, fn, fd);
      }
    }
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    emitEquals(cw, cls, fs);
    // goType / goField
    mv = cw.visitMethod(ACC_PUBLIC, "goType", "()Lgol/runtime/RType;", null, null);
    mv.visitCode();
    prog.rtypes.push(mv, t);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    mv = cw.visitMethod(ACC_PUBLIC, "goField", "(I)Ljava/lang/Object;", null, null);
    mv.visitCode();
    Label bad = new Label();
    Label[] ls = new Label[fs.size()];
    for (int i = 0; i < ls.length; i++) ls[i] = new Label();
    if (ls.length > 0) {
      mv.visitVarInsn(ILOAD, 1);
      mv.visitTableSwitchInsn(0, ls.length - 1, bad, ls);
    }
    for (int i = 0; i < fs.size(); i++) {
      mv.visitLabel(ls[i]);
      Type ft = fs.get(i).type;
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, cls, fieldName(fs.get(i), i), JvmTypes.desc(ft));
      prog.boxForInterface(mv, ft);
      mv.visitInsn(ARETURN);
    }
    mv.visitLabel(bad);
    mv.visitInsn(ACONST_NULL);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    prog.interfaces.emitMethodDelegates(cw, t, cls);
    cw.visitEnd();
    prog.addClass(cls, cw.toByteArray());
  }

  /** Go's == on structs: field by field (floats with ==, so NaN != NaN and 0 == -0). */
  private void emitEquals(ClassWriter cw, String cls, List<Symbol.Var> fs) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "equals", "(Ljava/lang/Object;)Z", null, null);
    mv.visitCode();
    Label no = new Label();
    mv.visitVarInsn(ALOAD, 1);
    mv.visitTypeInsn(INSTANCEOF, cls);
    mv.visitJumpInsn(IFEQ, no);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitTypeInsn(CHECKCAST, cls);
    mv.visitVarInsn(ASTORE, 2);
    for (int i = 0; i < fs.size(); i++) {
      Type ft = fs.get(i).type;
      String fn = fieldName(fs.get(i), i), fd = JvmTypes.desc(ft);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, cls, fn, fd);
      mv.visitVarInsn(ALOAD, 2);
      mv.visitFieldInsn(GETFIELD, cls, fn, fd);
      switch (JvmTypes.kind(ft)) {
        case J: mv.visitInsn(LCMP); mv.visitJumpInsn(IFNE, no); break;
        case D: mv.visitInsn(DCMPL); mv.visitJumpInsn(IFNE, no); break;
        case Z: mv.visitJumpInsn(IF_ICMPNE, no); break;
        default:
          if (JvmTypes.isArray(ft)) {
            mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ArrayOps", "equal", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
            mv.visitJumpInsn(IFEQ, no);
          } else if (JvmTypes.isString(ft) || JvmTypes.isComplex(ft) || JvmTypes.isStruct(ft) || JvmTypes.isInterface(ft)) {
            mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "equals", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
            mv.visitJumpInsn(IFEQ, no);
          } else {
            mv.visitJumpInsn(IF_ACMPNE, no);
          }
      }
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
    mv.visitInsn(ICONST_1);
    for (int i = 0; i < fs.size(); i++) {
      Type ft = fs.get(i).type;
      mv.visitIntInsn(BIPUSH, 31);
      mv.visitInsn(IMUL);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, cls, fieldName(fs.get(i), i), JvmTypes.desc(ft));
      switch (JvmTypes.kind(ft)) {
        case J: mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "hashCode", "(J)I", false); break;
        case D: mv.visitInsn(DCONST_0); mv.visitInsn(DADD);   // -0.0 + 0.0 is 0.0: 0 and -0 hash alike
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "hashCode", "(D)I", false); break;
        case Z: mv.visitMethodInsn(INVOKESTATIC, "java/lang/Boolean", "hashCode", "(Z)I", false); break;
        default:
          if (JvmTypes.isArray(ft)) mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ArrayOps", "hash", "(Ljava/lang/Object;)I", false);
          else if (JvmTypes.isString(ft) || JvmTypes.isComplex(ft) || JvmTypes.isStruct(ft) || JvmTypes.isInterface(ft)) mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "hashCode", "(Ljava/lang/Object;)I", false);
          else mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "identityHashCode", "(Ljava/lang/Object;)I", false);
      }
      mv.visitInsn(IADD);
    }
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Pushes Go's zero value of t (outside a function: strings, structs, library structs, else null/0). */
  static void zero(ProgramGen prog, MethodVisitor mv, Type t) {
    JKind k = JvmTypes.kind(t);
    if (JvmTypes.isArray(t)) {   // [N]T: a new array of zero values
      Type.Array a = (Type.Array) t.underlying();
      prog.rtypes.push(mv, a.elem);
      mv.visitLdcInsn((int) a.len);
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Slice", "newArray", "(Lgol/runtime/RType;I)Ljava/lang/Object;", false);
      mv.visitTypeInsn(CHECKCAST, JvmTypes.className(t));
      return;
    }
    switch (k) {
      case J: mv.visitInsn(LCONST_0); return;
      case D: mv.visitInsn(DCONST_0); return;
      case Z: mv.visitInsn(ICONST_0); return;
      default:
        if (JvmTypes.isString(t)) { mv.visitLdcInsn(""); return; }
        if (JvmTypes.isComplex(t)) { mv.visitFieldInsn(GETSTATIC, JvmTypes.COMPLEX, "ZERO", "L" + JvmTypes.COMPLEX + ";"); return; }
        String c = !(t instanceof Type.Pointer) ? (JvmTypes.isStruct(t) ? JvmTypes.className(t) : JvmTypes.libClass(t)) : null;
        if (c != null) {
          mv.visitTypeInsn(NEW, c);
          mv.visitInsn(DUP);
          mv.visitMethodInsn(INVOKESPECIAL, c, "<init>", "()V", false);
          return;
        }
        mv.visitInsn(ACONST_NULL);
    }
  }

  /** Where field `name` of struct type t is: the chain of fields through embedded structs, or null. */
  static List<Symbol.Var> fieldPath(Type t, String name) {
    if (t instanceof Type.Pointer p) t = p.elem;
    if (!(t.underlying() instanceof Type.Struct st)) return null;
    for (Symbol.Var f : st.fields) if (f.name.equals(name)) return new ArrayList<>(List.of(f));
    for (Symbol.Var f : st.fields) {   // promoted through embedded fields, shallowest first (Go's rule, simplified)
      if (!f.embedded) continue;
      List<Symbol.Var> sub = fieldPath(f.type, name);
      if (sub != null) { sub.add(0, f); return sub; }
    }
    return null;
  }

  /** The chain of embedded fields leading from struct type t to an embedded field of type target (or *target). */
  static List<Symbol.Var> embeddedPath(Type t, Type target) {
    if (t instanceof Type.Pointer p) t = p.elem;
    if (!(t.underlying() instanceof Type.Struct st)) return null;
    for (Symbol.Var f : st.fields) {
      if (!f.embedded) continue;
      Type ft = f.type instanceof Type.Pointer p ? p.elem : f.type;
      if (ft == target) return new ArrayList<>(List.of(f));
    }
    for (Symbol.Var f : st.fields) {
      if (!f.embedded) continue;
      List<Symbol.Var> sub = embeddedPath(f.type, target);
      if (sub != null) { sub.add(0, f); return sub; }
    }
    return null;
  }

  /** Index of field f in struct type t. */
  static int indexOf(Type t, Symbol.Var f) {
    if (t instanceof Type.Pointer p) t = p.elem;
    return fields(t).indexOf(f);
  }

  static boolean isTypeVoid(Type t) { return t == Types.INVALID; }
}
