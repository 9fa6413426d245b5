package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;
import gol.compiler.ast.Expr;
import gol.compiler.ast.Expr.*;
import gol.compiler.ast.Op;
import gol.compiler.types.Constant;
import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import gol.compiler.types.TypeInfo;
import gol.compiler.types.Types;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;

/**
 * Compiles composite values: indexing and slicing of strings, slices, arrays and maps; composite
 * literals of slices, arrays, maps and structs; and type assertions and type tests on interface values.
 */
abstract class CompositeGen extends OperatorGen {
  CompositeGen(ProgramGen prog, FuncGen.Fn fn, boolean resumeCopy) { super(prog, fn, resumeCopy); }


  // ================================================================== indexing and slicing

  void index(Index ix) {
    Type xt = typeOf(ix.x());
    Type u = xt.underlying();
    if (JvmTypes.isString(xt)) {
      expr(ix.x());
      expr(ix.index());
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/GoString", "index", "(Ljava/lang/String;J)J", false);
      return;
    }
    if (u instanceof Type.Slice s) {
      expr(ix.x());
      expr(ix.index());
      String acc = accessor(s.elem);
      JKind ek = JvmTypes.kind(s.elem);
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Index", "get" + acc, "(Lgol/runtime/Slice;J)" + (ek == JKind.A ? "Ljava/lang/Object;" : ek.desc), false);
      if (ek == JKind.A) checkcast(JvmTypes.className(s.elem));
      return;
    }
    if (u instanceof Type.Map mt) {   // m[k]: the element, or the zero value
      expr(ix.x());
      prog.rtypes.push(mv, xt);
      exprAs(ix.index(), mt.key);
      if (!JvmTypes.isInterface(mt.key)) box(mt.key);
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MAP, "get", "(Lgol/runtime/GoMap;Lgol/runtime/RType;Ljava/lang/Object;)Ljava/lang/Object;", false);
      unboxAs(mt.elem);
      return;
    }
    if (arrayOf(xt) instanceof Type.Array at) {   // a[i], or p[i] through a pointer to an array
      exprArray(ix.x());
      expr(ix.index());
      String acc = accessor(at.elem);
      JKind ek = JvmTypes.kind(at.elem);
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ArrayOps", "get" + acc, "(" + JvmTypes.arrayDesc(at.elem) + "J)" + (ek == JKind.A ? "Ljava/lang/Object;" : ek.desc), false);
      if (ek == JKind.A) checkcast(JvmTypes.className(at.elem));
      return;
    }
    throw new Unsupported(ix.pos(), "indexing " + xt);
  }

  // ================================================================== addresses

  /**
   * Pushes {@code &x} for an addressable x whose type is not a struct (a struct's address is its
   * object): a local's cell, or a view (gol.runtime.ElemPtr / FieldPtr) of an element of an array or
   * slice, a field, or a package-level variable. Index and nil checks happen here, as in Go.
   */
  void addressOf(Expr x) {
    x = Expr.unparen(x);
    Type t = typeOf(x);
    JKind k = JvmTypes.kind(t);
    String kc = k == JKind.A ? "A" : k.name();
    String cellDesc = "L" + k.cellClass() + ";";
    if (x instanceof Ident id && info.symbolOf(id) instanceof Symbol.Var v) {
      Local l = vars.get(v);
      if (l != null && l.cell) { mv.visitVarInsn(ALOAD, l.slot); return; }
      if (v.kind == Symbol.Var.Kind.GLOBAL) {
        mv.visitLdcInsn(org.objectweb.asm.Type.getObjectType(prog.className));
        mv.visitLdcInsn(prog.globalName(v));
        mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/FieldPtr", "static" + kc, "(Ljava/lang/Class;Ljava/lang/String;)" + cellDesc, false);
        return;
      }
    }
    if (x instanceof Star st) { expr(st.x()); return; }   // &*p is p
    if (x instanceof Index ix) {
      Type xt = typeOf(ix.x());
      Type u = xt.underlying();
      boolean viaPtr = u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array;
      if (viaPtr) u = ((Type.Pointer) u).elem.underlying();
      if (u instanceof Type.Slice s) {
        expr(ix.x());
        expr(ix.index());
        mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ElemPtr", "slice" + accessor(s.elem), "(Lgol/runtime/Slice;J)" + cellDesc, false);
        return;
      }
      if (u instanceof Type.Array a) {
        exprArray(ix.x());
        expr(ix.index());
        mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ElemPtr", "array" + accessor(a.elem), "(Ljava/lang/Object;J)" + cellDesc, false);
        return;
      }
    }
    if (x instanceof Selector sel && info.symbolOf(sel.sel()) instanceof Symbol.Var f && f.kind == Symbol.Var.Kind.FIELD
        && JvmTypes.libClass(typeOf(sel.x())) == null) {
      // the object holding the field (through embedded fields), then a view of the field
      Type xt = typeOf(sel.x());
      List<Symbol.Var> path = StructGen.fieldPath(xt, sel.sel().name());
      expr(sel.x());
      if (xt instanceof Type.Pointer) nilCheck(xt);
      Type cur = xt instanceof Type.Pointer p ? p.elem : xt;
      for (int i = 0; i < path.size() - 1; i++) {
        Symbol.Var fv = path.get(i);
        mv.visitFieldInsn(GETFIELD, JvmTypes.className(cur), StructGen.fieldName(fv, StructGen.indexOf(cur, fv)), JvmTypes.desc(fv.type));
        if (fv.type instanceof Type.Pointer) nilCheck(fv.type);
        cur = fv.type instanceof Type.Pointer p ? p.elem : fv.type;
      }
      Symbol.Var last = path.get(path.size() - 1);
      mv.visitLdcInsn(org.objectweb.asm.Type.getObjectType(JvmTypes.className(cur)));
      mv.visitLdcInsn(StructGen.fieldName(last, StructGen.indexOf(cur, last)));
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/FieldPtr", kc.toLowerCase(), "(Ljava/lang/Object;Ljava/lang/Class;Ljava/lang/String;)" + cellDesc, false);
      return;
    }
    if (x instanceof CompositeLit) {   // &[]int{...}: a new variable holding the value
      mv.visitTypeInsn(NEW, k.cellClass());
      mv.visitInsn(DUP);
      expr(x);
      mv.visitMethodInsn(INVOKESPECIAL, k.cellClass(), "<init>", "(" + k.cellFieldDesc() + ")V", false);
      return;
    }
    throw new Unsupported(x.pos(), "pointers to " + describe(x));
  }

  /** Suffix of the Index accessor for a slice element type: J, I, UI, B, UB, D, Z or A. */
  static String accessor(Type elem) {
    String ad = JvmTypes.arrayDesc(elem);
    Type.Kind k = Types.kindOf(elem);
    switch (ad) {
      case "[J": return "J";
      case "[I": return k == Type.Kind.UINT32 ? "UI" : "I";
      case "[B": return k == Type.Kind.UINT8 ? "UB" : "B";
      case "[D": return "D";
      case "[Z": return "Z";
      default: return "A";
    }
  }

  /** Setter suffix: J, I, B, D, Z or A. */
  static String setter(Type elem) {
    String a = accessor(elem);
    return a.equals("UI") ? "I" : a.equals("UB") ? "B" : a;
  }

  void sliceExpr(SliceExpr s) {
    Type xt = typeOf(s.x());
    if (JvmTypes.isString(xt)) {
      int tmp = allocSlot(JKind.A);
      expr(s.x());
      mv.visitInsn(DUP);
      mv.visitVarInsn(ASTORE, tmp);
      if (s.lo() != null) expr(s.lo()); else mv.visitInsn(LCONST_0);
      if (s.hi() != null) expr(s.hi());
      else {
        mv.visitVarInsn(ALOAD, tmp);
        mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.STRING, "length", "()I", false);
        mv.visitInsn(I2L);
      }
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/GoString", "slice", "(Ljava/lang/String;JJ)Ljava/lang/String;", false);
      return;
    }
    if (xt.underlying() instanceof Type.Array at || xt instanceof Type.Pointer pa && pa.elem.underlying() instanceof Type.Array) {
      Type.Array arr = (Type.Array) (xt instanceof Type.Pointer pp ? pp.elem : xt).underlying();
      prog.rtypes.push(mv, typeOf(s));
      exprArray(s.x());   // through a pointer: the array it points to
      if (s.lo() != null) expr(s.lo()); else mv.visitInsn(LCONST_0);
      if (s.hi() != null) expr(s.hi()); else pushLong(arr.len);
      if (s.slice3()) {
        expr(s.max());
        mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "slice3Array", "(Lgol/runtime/RType;Ljava/lang/Object;JJJ)Lgol/runtime/Slice;", false);
      } else {
        mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "sliceArray", "(Lgol/runtime/RType;Ljava/lang/Object;JJ)Lgol/runtime/Slice;", false);
      }
      return;
    }
    if (!(xt.underlying() instanceof Type.Slice)) throw new Unsupported(s.pos(), "slicing " + xt);
    int tmp = allocSlot(JKind.A);
    expr(s.x());
    mv.visitInsn(DUP);
    mv.visitVarInsn(ASTORE, tmp);
    if (s.lo() != null) expr(s.lo()); else mv.visitInsn(LCONST_0);
    if (s.hi() != null) expr(s.hi());
    else {
      mv.visitVarInsn(ALOAD, tmp);
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "len", "(Lgol/runtime/Slice;)I", false);
      mv.visitInsn(I2L);
    }
    if (s.slice3()) {
      expr(s.max());
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "slice3", "(Lgol/runtime/Slice;JJJ)Lgol/runtime/Slice;", false);
    } else {
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "slice", "(Lgol/runtime/Slice;JJ)Lgol/runtime/Slice;", false);
    }
  }

  void compositeLit(CompositeLit c) {
    Type t = typeOf(c);
    if (t instanceof Type.Pointer p && JvmTypes.isStruct(p.elem)) t = p.elem;   // elided &T{...}
    if (JvmTypes.isStruct(t)) { structLit(c, t); return; }
    if (JvmTypes.libClass(t) != null && !(t instanceof Type.Pointer)) {   // sync.Mutex{}, strings.Builder{}
      if (!c.elems().isEmpty()) throw new Unsupported(c.pos(), "composite literals of " + t + " with fields");
      StructGen.zero(prog, mv, t);
      return;
    }
    if (t.underlying() instanceof Type.Map mt) { mapLit(c, t, mt); return; }
    if (t.underlying() instanceof Type.Array at) { arrayLit(c, t, at); return; }
    if (!(t.underlying() instanceof Type.Slice st)) {
      throw new Unsupported(c.pos(), t.underlying() instanceof Type.Map ? "maps" : t.underlying() instanceof Type.Struct ? "structs" : "composite literals of type " + t);
    }
    boolean keyed = false;
    for (Element el : c.elems()) keyed |= el.key() != null;
    if (!keyed) { packSlice(t, c.elems().size(), i -> exprAs(c.elems().get(i).value(), st.elem)); return; }
    keyedSliceLit(c, t, st);
  }

  /**
   * []T{2: a, b, 0: c}: the indices are constants (the checker made sure), so the length is known
   * here; a zero slice of that length (Slice.make, which zero-fills struct and array elements) gets
   * each element stored at its index, in source order.
   */
  private void keyedSliceLit(CompositeLit c, Type t, Type.Slice st) {
    long[] at = new long[c.elems().size()];
    long idx = 0, len = 0;
    for (int i = 0; i < at.length; i++) {
      Element el = c.elems().get(i);
      if (el.key() != null) idx = ((Constant.Int) info.constOf(el.key())).value().longValue();
      at[i] = idx++;
      len = Math.max(len, idx);
    }
    prog.rtypes.push(mv, t);
    pushLong(len);
    mv.visitInsn(DUP2);
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "make", "(Lgol/runtime/RType;JJ)Lgol/runtime/Slice;", false);
    JKind ek = JvmTypes.kind(st.elem);
    String vdesc = ek == JKind.A ? "Ljava/lang/Object;" : ek.desc;
    for (int i = 0; i < at.length; i++) {
      mv.visitInsn(DUP);
      pushLong(at[i]);
      exprAs(c.elems().get(i).value(), st.elem);
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Index", "set" + setter(st.elem), "(Lgol/runtime/Slice;J" + vdesc + ")V", false);
    }
  }

  /**
   * Pushes a new slice of type sliceType holding n values; pushElem(i) pushes value i (already of the
   * element type). Used by slice literals, variadic calls and multi-value append.
   */
  void packSlice(Type sliceType, int n, java.util.function.IntConsumer pushElem) {
    String ad = JvmTypes.arrayDesc(((Type.Slice) sliceType.underlying()).elem);
    mv.visitTypeInsn(NEW, JvmTypes.SLICE);
    mv.visitInsn(DUP);
    prog.rtypes.push(mv, sliceType);
    pushInt(n);
    newArray(ad);
    for (int i = 0; i < n; i++) {
      mv.visitInsn(DUP);
      pushInt(i);
      pushElem.accept(i);
      arrayStore(ad);
    }
    mv.visitInsn(ICONST_0);
    pushInt(n);
    pushInt(n);
    mv.visitMethodInsn(INVOKESPECIAL, JvmTypes.SLICE, "<init>", "(Lgol/runtime/RType;Ljava/lang/Object;III)V", false);
  }

  /** [N]T{a, b, k: c}: a zero array with the given elements set. */
  void arrayLit(CompositeLit c, Type t, Type.Array at) {
    pushZero(t);
    String ad = JvmTypes.arrayDesc(at.elem);
    long idx = 0;
    for (Element el : c.elems()) {
      if (el.key() != null) idx = ((Constant.Int) info.constOf(el.key())).value().longValue();
      mv.visitInsn(DUP);
      pushInt((int) idx++);
      exprAs(el.value(), at.elem);
      arrayStore(ad);
    }
  }

  /** map[K]V{k: v, ...} */
  void mapLit(CompositeLit c, Type t, Type.Map mt) {
    newMap(t, () -> pushLong(c.elems().size()));
    for (Element el : c.elems()) {
      mv.visitInsn(DUP);
      exprAs(el.key(), mt.key);
      if (!JvmTypes.isInterface(mt.key)) box(mt.key);
      exprAs(el.value(), mt.elem);
      if (!JvmTypes.isInterface(mt.elem)) box(mt.elem);
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MAP, "put", "(Lgol/runtime/GoMap;Ljava/lang/Object;Ljava/lang/Object;)V", false);
    }
  }

  /** new GoMap(type, hint) */
  void newMap(Type t, Runnable hint) {
    mv.visitTypeInsn(NEW, JvmTypes.MAP);
    mv.visitInsn(DUP);
    prog.rtypes.push(mv, t);
    hint.run();
    mv.visitMethodInsn(INVOKESPECIAL, JvmTypes.MAP, "<init>", "(Lgol/runtime/RType;J)V", false);
  }

  /** T{a, b} or T{X: a}: a new zero object with the given fields set. */
  void structLit(CompositeLit c, Type t) {
    String cls = JvmTypes.className(t);
    List<Symbol.Var> fs = StructGen.fields(t);
    mv.visitTypeInsn(NEW, cls);
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "()V", false);
    for (int i = 0; i < c.elems().size(); i++) {
      Element el = c.elems().get(i);
      int idx = i;
      if (el.key() != null) {
        String name = ((Ident) Expr.unparen(el.key())).name();
        idx = -1;
        for (int j = 0; j < fs.size(); j++) if (fs.get(j).name.equals(name)) idx = j;
      }
      Symbol.Var f = fs.get(idx);
      mv.visitInsn(DUP);
      exprAs(el.value(), f.type);
      mv.visitFieldInsn(PUTFIELD, cls, StructGen.fieldName(f, idx), JvmTypes.desc(f.type));
    }
  }

  void newArray(String ad) {
    switch (ad) {
      case "[J": mv.visitIntInsn(NEWARRAY, T_LONG); break;
      case "[I": mv.visitIntInsn(NEWARRAY, T_INT); break;
      case "[B": mv.visitIntInsn(NEWARRAY, T_BYTE); break;
      case "[D": mv.visitIntInsn(NEWARRAY, T_DOUBLE); break;
      case "[Z": mv.visitIntInsn(NEWARRAY, T_BOOLEAN); break;
      default: mv.visitTypeInsn(ANEWARRAY, JvmTypes.OBJECT); break;
    }
  }

  /** [array, index(int), value(kind)] → stores; narrows longs for int/byte arrays. */
  void arrayStore(String ad) {
    switch (ad) {
      case "[J": mv.visitInsn(LASTORE); break;
      case "[I": mv.visitInsn(L2I); mv.visitInsn(IASTORE); break;
      case "[B": mv.visitInsn(L2I); mv.visitInsn(BASTORE); break;
      case "[D": mv.visitInsn(DASTORE); break;
      case "[Z": mv.visitInsn(BASTORE); break;
      default: mv.visitInsn(AASTORE); break;
    }
  }

  /**
   * {@code x.(T)}: with commaOk pushes a Tuple (a0 = the value boxed as an interface holds it, j0 = ok),
   * else the value of type T (panicking with Go's message if x does not hold a T).
   */
  void typeAssert(TypeAssert ta, boolean commaOk) {
    Type target = typeOf(ta);
    if (commaOk && target instanceof Type.Tuple tt) target = tt.types.get(0);
    Type from = typeOf(ta.x());
    expr(ta.x());
    mv.visitInsn(DUP);
    Label fail = new Label(), done = new Label();
    typeTest(target, fail);
    // success: [x]
    if (commaOk) {
      int tmp = allocSlot(JKind.A);
      mv.visitVarInsn(ASTORE, tmp);
      mv.visitTypeInsn(NEW, JvmTypes.TUPLE);
      mv.visitInsn(DUP);
      mv.visitMethodInsn(INVOKESPECIAL, JvmTypes.TUPLE, "<init>", "()V", false);
      mv.visitInsn(DUP);
      mv.visitVarInsn(ALOAD, tmp);
      mv.visitFieldInsn(PUTFIELD, JvmTypes.TUPLE, "a0", "Ljava/lang/Object;");
      mv.visitInsn(DUP);
      mv.visitInsn(LCONST_1);
      mv.visitFieldInsn(PUTFIELD, JvmTypes.TUPLE, "j0", "J");
      mv.visitJumpInsn(GOTO, done);
      mv.visitLabel(fail);
      mv.visitInsn(POP);
      mv.visitTypeInsn(NEW, JvmTypes.TUPLE);
      mv.visitInsn(DUP);
      mv.visitMethodInsn(INVOKESPECIAL, JvmTypes.TUPLE, "<init>", "()V", false);
      mv.visitLabel(done);
      return;
    }
    unboxAs(target);
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(fail);
    // [x] → panic: interface conversion
    mv.visitLdcInsn(from.toString().equals("any") ? "interface {}" : ifaceName(from));
    mv.visitLdcInsn(goTypeName(target));
    if (target.underlying() instanceof Type.Interface ti) {
      // the runtime names the first missing method (sorted by name, as Go does)
      mv.visitLdcInsn(String.join(",", ti.methods.stream().map(f -> f.name).sorted().toList()));
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Panic", "assertFailed", "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)Lgol/runtime/Panic;", false);
    } else {
      mv.visitInsn(ICONST_0);
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Panic", "assertFailed", "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/String;Z)Lgol/runtime/Panic;", false);
    }
    mv.visitInsn(ATHROW);
    mv.visitLabel(done);
  }

  static String ifaceName(Type t) {
    if (t instanceof Type.Named n) return n.qualifiedName();
    return t.underlying() instanceof Type.Interface i && i.isEmpty() ? "interface {}" : t.toString();
  }

  /** The type's name as the runtime prints it (%T): main.T, *main.T, []int. */
  static String goTypeName(Type t) {
    if (t.underlying() instanceof Type.Signature || t.underlying() instanceof Type.Chan) return RTypes.goName(t);
    if (t instanceof Type.Named n) return n.qualifiedName();
    if (t instanceof Type.Pointer p) return "*" + goTypeName(p.elem);
    if (t instanceof Type.Slice s) return "[]" + goTypeName(s.elem);
    if (t.underlying() instanceof Type.Interface i && i.isEmpty()) return "interface {}";
    if (t instanceof Type.Basic b && b.kind == Type.Kind.UINT8) return "uint8";
    if (t instanceof Type.Basic b && b.kind == Type.Kind.INT32) return "int32";
    return t.toString();
  }

  /** [x, x] → [x], jumping to fail (with [x] left) unless the interface value x holds a T. */
  void typeTest(Type t, Label fail) {
    Label ok = new Label();
    if (JvmTypes.isInterface(t)) {
      String ji = prog.interfaces.javaInterface(t);
      if (ji.equals(JvmTypes.OBJECT)) { mv.visitJumpInsn(IFNULL, fail); return; }   // any non-nil value
      mv.visitTypeInsn(INSTANCEOF, ji);
      mv.visitJumpInsn(IFEQ, fail);
      return;
    }
    String box = prog.interfaces.boxClass(t);
    String cls = box != null ? box : classHolding(t);
    if (cls != null) {
      mv.visitTypeInsn(INSTANCEOF, cls);
      mv.visitJumpInsn(IFEQ, fail);
      return;
    }
    // other types: compare run-time types (Box.Int with its RType, slices, channels)
    mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Box", "typeName", "(Ljava/lang/Object;)Ljava/lang/String;", false);
    mv.visitLdcInsn(goTypeName(t));
    mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "equals", "(Ljava/lang/Object;)Z", false);
    mv.visitJumpInsn(IFEQ, fail);
  }

  /** The Java class an interface uses for values of t, when that class alone identifies t. */
  String classHolding(Type t) {
    Type.Kind k = Types.kindOf(t);
    if (!(t instanceof Type.Named) && k != null) {
      switch (k) {
        case INT: return "java/lang/Long";
        case INT32: return "java/lang/Integer";
        case FLOAT64: return "java/lang/Double";
        case STRING: return "java/lang/String";
        case BOOL: return "java/lang/Boolean";
        case COMPLEX128: return JvmTypes.COMPLEX;
        default: return null;
      }
    }
    if (JvmTypes.isStruct(t)) return JvmTypes.className(t);
    return null;
  }

  /** [x] (an interface value known to hold a T) → the T value. */
  void unboxAs(Type t) {
    if (JvmTypes.isInterface(t)) return;
    String box = prog.interfaces.boxClass(t);
    if (box != null) {
      boolean ptr = t instanceof Type.Pointer;
      JKind k = JvmTypes.kind(t);
      String fd = ptr || k == JKind.A ? "L" + JvmTypes.className(t) + ";" : k.desc;
      mv.visitTypeInsn(CHECKCAST, box);
      mv.visitFieldInsn(GETFIELD, box, ptr ? "p" : "v", fd);
      return;
    }
    if (JvmTypes.isStruct(t)) { checkcast(JvmTypes.className(t)); return; }
    if (JvmTypes.isArray(t)) {
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ArrayOps", "unbox", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
      checkcast(JvmTypes.className(t));
      return;
    }
    unbox(t);
  }
}
