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
 * Compiles expressions of one function: pushes each value in its JVM kind ({@link JKind}).
 * Operators are in {@link OperatorGen}, composite values and addresses in {@link CompositeGen},
 * calls, conversions and built-ins in {@link CallGen}; this class has operands, constants, boxing
 * into interfaces, and the lifting of calls that may suspend ({@link #prepare}).
 */
abstract class ExprGen extends FnBase {
  ExprGen(ProgramGen prog, FuncGen.Fn fn, boolean resumeCopy) { super(prog, fn, resumeCopy); }

  Type typeOf(Expr e) {
    Type t = info.typeOf(e);
    if (t == null && e instanceof Paren p) return typeOf(p.x());
    return t;
  }

  // ================================================================== lifting (step 2 of the transform)

  private final Map<Expr, Boolean> suspendsMemo = new IdentityHashMap<>();

  /** Does evaluating e run a call or channel operation that may suspend? */
  boolean suspends(Expr e) {
    if (e == null) return false;
    Boolean b = suspendsMemo.get(e);
    if (b != null) return b;
    boolean r;
    if (e instanceof FuncLit) r = false;
    else if (e instanceof Unary u && u.op() == Op.ARROW) r = true;
    else if (e instanceof Call c && callMaySuspend(c)) r = true;
    else {
      boolean[] found = {false};
      new Walker() {
        @Override protected void expr(Expr x) {
          if (found[0]) return;
          if (x != e && suspends(x)) { found[0] = true; return; }
          if (x == e) walkExpr(x);
        }
      }.expr(e);
      r = found[0];
    }
    suspendsMemo.put(e, r);
    return r;
  }

  boolean callMaySuspend(Call c) {
    switch (Calls.kind(c, info)) {
      case FUNC: case METHOD: return prog.maySuspend(Calls.callee(c, info).decl);
      case FUNC_VALUE: return true;
      case IFACE_METHOD: return Calls.ifaceCallMaySuspend(c, info);
      case LIB_FUNC: case LIB_METHOD: return Calls.isSuspendingLib(Calls.callee(c, info));
      default: return false;
    }
  }

  /**
   * If e may suspend, evaluates its calls and receives, in Go's order, into temporaries (in scope
   * until the statement ends), so that each runs with an empty operand stack.
   */
  void prepare(Expr e) {
    if (e != null && suspends(e)) lift(e);
  }

  void prepareAll(List<Expr> es) {
    boolean any = false;
    for (Expr e : es) any |= suspends(e);
    if (any) for (Expr e : es) lift(e);
  }

  private void lift(Expr e) {
    if (e == null || lifted.containsKey(e) || e instanceof FuncLit) return;
    if (e instanceof Paren p) { lift(p.x()); return; }
    if (e instanceof Binary b && (b.op() == Op.LAND || b.op() == Op.LOR) && suspends(b.y())) {
      liftShortCircuit(b);
      return;
    }
    if (e instanceof Call c) {
      Calls.Kind k = Calls.kind(c, info);
      if (k == Calls.Kind.FUNC_VALUE) lift(c.fun());
      if (k == Calls.Kind.LIB_METHOD || k == Calls.Kind.METHOD) lift(((Selector) Expr.unparen(c.fun())).x());
      for (Expr a : c.args()) lift(a);
      if (k == Calls.Kind.CONVERSION || k == Calls.Kind.BUILTIN) return;
      liftValue(e);
      return;
    }
    if (e instanceof Unary u && u.op() == Op.ARROW) {
      lift(u.x());
      liftValue(e);
      return;
    }
    // Any other expression: lift its operands in evaluation order.
    new Walker() {
      boolean top = true;
      @Override protected void expr(Expr x) {
        if (top) { top = false; walkExpr(x); } else lift(x);
      }
    }.expr(e);
  }

  /** Evaluates e now into a new temporary (or runs it, if it has no value). */
  private void liftValue(Expr e) {
    Type t = typeOf(e);
    JKind k = JvmTypes.kind(t);
    evaluating = true;
    try {
      if (e instanceof Call c) emitCall(c); else expr(e);
    } finally {
      evaluating = false;
    }
    if (k == JKind.V) { lifted.put(e, null); return; }
    Local tmp = k == JKind.A ? temp(JKind.A, JvmTypes.className(t)) : temp(k, null);
    store(tmp);
    lifted.put(e, tmp);
  }

  /** {@code x && y} / {@code x || y} with a suspending y: y is evaluated only when needed. */
  private void liftShortCircuit(Binary b) {
    lift(b.x());
    // tmp is in scope (so saved) at the suspension points inside y: give it a value first, or the
    // save would read an unassigned slot and the class would fail verification
    Local tmp = temp(JKind.Z, null);
    mv.visitInsn(ICONST_0);
    store(tmp);
    Label skip = new Label(), end = new Label();
    expr(b.x());
    mv.visitJumpInsn(b.op() == Op.LAND ? IFEQ : IFNE, skip);
    int mark = scopeMark();
    lift(b.y());
    expr(b.y());
    store(tmp);
    scopeRelease(mark);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(skip);
    mv.visitInsn(b.op() == Op.LAND ? ICONST_0 : ICONST_1);
    store(tmp);
    mv.visitLabel(end);
    lifted.put(b, tmp);
  }

  /** True while a lifted call is being emitted (the only place a suspending call may be emitted). */
  boolean evaluating;

  // ================================================================== values

  /** Pushes the value of e. */
  void expr(Expr e) {
    if (lifted.containsKey(e)) {
      Local t = lifted.get(e);
      if (t != null) load(t);
      return;
    }
    TypeInfo.TypeAndValue tv = info.types.get(e);
    if (tv != null && tv.value() != null) { pushConst(tv.value(), tv.type()); return; }
    if (e instanceof Paren p) { expr(p.x()); return; }
    if (e instanceof Ident id) { ident(id); return; }
    if (e instanceof FuncLit f) { prog.closures.emitNew(this, f); return; }
    if (e instanceof CompositeLit c) { compositeLit(c); return; }
    if (e instanceof Selector s) { selector(s); return; }
    if (e instanceof Index i) { index(i); return; }
    if (e instanceof SliceExpr s) { sliceExpr(s); return; }
    if (e instanceof Call c) { emitCall(c); return; }
    if (e instanceof Unary u) { unary(u); return; }
    if (e instanceof Binary b) { binary(b); return; }
    if (e instanceof Star st) {
      Type pt = typeOf(st.x());
      if (pt instanceof Type.Pointer p && JvmTypes.isStruct(p.elem)) { expr(st.x()); nilCheck(pt); return; }
      if (pt instanceof Type.Pointer p) {   // *p: the value the cell or view points to
        expr(st.x());
        nilCheck(pt);
        derefCell(p.elem);
        return;
      }
      throw new Unsupported(e.pos(), "dereferencing " + pt);
    }
    if (e instanceof TypeAssert ta) { typeAssert(ta, false); return; }
    throw new Unsupported(e.pos(), describe(e));
  }

  static String describe(Expr e) {
    if (e instanceof TypeAssert) return "type assertions";
    if (e instanceof Star) return "pointers";
    if (e instanceof KeyValue) return "keyed elements";
    return e.getClass().getSimpleName();
  }

  /** Pushes e as a value assignable to target: boxes into interfaces, nil as null. */
  void exprAs(Expr e, Type target) {
    Type from = typeOf(e);
    if (from != null && Types.kindOf(from) == Type.Kind.UNTYPED_NIL) {
      if (JvmTypes.isString(target)) throw new IllegalStateException("nil string");
      mv.visitInsn(ACONST_NULL);
      return;
    }
    expr(e);
    if (JvmTypes.isStruct(target) && !isFresh(e)) {   // value semantics: a struct that lives somewhere is copied
      String c = JvmTypes.className(target);
      mv.visitMethodInsn(INVOKEVIRTUAL, c, "copy", "()L" + c + ";", false);
      return;
    }
    if (JvmTypes.isArray(target) && !isFresh(e)) {   // arrays are values too
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ArrayOps", "copy", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
      mv.visitTypeInsn(CHECKCAST, JvmTypes.className(target));
      return;
    }
    coerce(from, target);
  }

  /** Does e produce a new struct value nobody else refers to (so no copy is needed)? */
  boolean isFresh(Expr e) {
    e = Expr.unparen(e);
    if (lifted.containsKey(e)) return !(e instanceof Unary);   // a lifted call's result is its own
    return e instanceof CompositeLit || e instanceof Call c && Calls.kind(c, info) != Calls.Kind.CONVERSION;
  }

  /** Converts the value on the stack from type from to an assignable type to (boxing into interfaces). */
  void coerce(Type from, Type to) {
    if (to == null || from == null) return;
    if (JvmTypes.isInterface(to) && !JvmTypes.isInterface(from)) box(from);
    else if (JvmTypes.isInterface(to)) {   // interface to interface: the Java interface may differ
      // nothing to do: interface values are Objects; calls checkcast at the call site
    }
  }

  /** Boxes the value on the stack (of static type t) into an interface value (see gol.runtime.Box). */
  void box(Type t) { prog.boxForInterface(mv, t); }

  /** Unboxes the interface value on the stack into a value of type t. */
  /**
   * Func and channel values, and pointers to non-struct values (cells and views: gol.runtime.Cell),
   * travel in interfaces wrapped with their static type (gol.runtime.TypedRef). Pointers to named
   * types with methods get a box class instead (InterfaceGen.boxClass), checked first.
   */
  static boolean isTypedRef(Type t) {
    return t.underlying() instanceof Type.Signature || t.underlying() instanceof Type.Chan
        || t.underlying() instanceof Type.Pointer p && !JvmTypes.isStruct(p.elem) && JvmTypes.libClass(t) == null;
  }

  void unbox(Type t) {
    switch (JvmTypes.kind(t)) {
      case J: mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Box", "unboxInt", "(Ljava/lang/Object;)J", false); break;
      case D: mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Box", "unboxFloat", "(Ljava/lang/Object;)D", false); break;
      case Z: mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Box", "unboxBool", "(Ljava/lang/Object;)Z", false); break;
      default:
        if (t.underlying() instanceof Type.Slice) mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "unbox", "(Ljava/lang/Object;)Lgol/runtime/Slice;", false);
        else if (isTypedRef(t)) {
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/TypedRef", "unbox", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
          checkcast(JvmTypes.className(t));
        }
        else if (JvmTypes.isComplex(t)) mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Box", "unboxComplex", "(Ljava/lang/Object;)L" + JvmTypes.COMPLEX + ";", false);
        else if (t.underlying() instanceof Type.Map) mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/GoMap", "unbox", "(Ljava/lang/Object;)Lgol/runtime/GoMap;", false);
        else checkcast(JvmTypes.className(t));
        break;
    }
  }

  void pushConst(Constant c, Type t) {
    JKind k = JvmTypes.kind(t);
    if (JvmTypes.isInterface(t)) {   // a constant converted to an interface: box its default type
      Type d = defaultType(c);
      pushConst(c, d);
      box(d);
      return;
    }
    if (c instanceof Constant.Complex z && k != JKind.A) c = z.re();   // a complex constant with a zero imaginary part
    switch (k) {
      case Z: mv.visitInsn(((Constant.Bool) c).value() ? ICONST_1 : ICONST_0); return;
      case J: pushLong(c instanceof Constant.Int i ? i.value().longValue() : ((Constant.Float) c).value().longValue()); return;
      case D: {
        double d = c instanceof Constant.Int i ? i.value().doubleValue() : ((Constant.Float) c).value().doubleValue();
        if (Types.kindOf(t) == Type.Kind.FLOAT32) d = (float) d;
        mv.visitLdcInsn(d);
        return;
      }
      default:
        if (c instanceof Constant.Str s) { mv.visitLdcInsn(s.value()); return; }
        if (JvmTypes.isComplex(t)) { pushComplex(c, t); return; }
        throw new IllegalStateException("constant " + c + " of type " + t);
    }
  }

  /** A complex constant of complex type t: {@code new Complex(re, im)}, parts rounded for complex64. */
  private void pushComplex(Constant c, Type t) {
    Constant re = c instanceof Constant.Complex z ? z.re() : c, im = c instanceof Constant.Complex z ? z.im() : null;
    double r = constDouble(re), i = im == null ? 0 : constDouble(im);
    if (JvmTypes.isComplex64(t)) { r = (float) r; i = (float) i; }
    if (r == 0 && i == 0 && 1 / r > 0 && 1 / i > 0) {
      mv.visitFieldInsn(GETSTATIC, JvmTypes.COMPLEX, "ZERO", "L" + JvmTypes.COMPLEX + ";");
      return;
    }
    mv.visitTypeInsn(NEW, JvmTypes.COMPLEX);
    mv.visitInsn(DUP);
    mv.visitLdcInsn(r);
    mv.visitLdcInsn(i);
    mv.visitMethodInsn(INVOKESPECIAL, JvmTypes.COMPLEX, "<init>", "(DD)V", false);
  }

  private static double constDouble(Constant c) {
    return c instanceof Constant.Int n ? n.value().doubleValue() : ((Constant.Float) c).value().doubleValue();
  }

  static Type defaultType(Constant c) {
    if (c instanceof Constant.Complex) return Types.COMPLEX128;
    if (c instanceof Constant.Bool) return Types.BOOL;
    if (c instanceof Constant.Str) return Types.STRING;
    if (c instanceof Constant.Float) return Types.FLOAT64;
    return Types.INT;
  }

  private void ident(Ident id) {
    Symbol s = info.symbolOf(id);
    if (s instanceof Symbol.Var v) {
      Local l = vars.get(v);
      if (l != null) { load(l); return; }
      if (v.kind == Symbol.Var.Kind.GLOBAL) {
        mv.visitFieldInsn(GETSTATIC, prog.className, prog.globalName(v), JvmTypes.desc(v.type));
        return;
      }
      throw new IllegalStateException("no slot for variable " + v.name + " at " + id.pos());
    }
    if (s instanceof Symbol.Nil) { mv.visitInsn(ACONST_NULL); return; }
    if (s instanceof Symbol.Func f && f.decl != null) { prog.closures.emitFuncValue(this, f); return; }
    throw new Unsupported(id.pos(), "use of " + id.name() + " as a value");
  }

  private void selector(Selector s) {
    Symbol sym = info.symbolOf(s.sel());
    if (Expr.unparen(s.x()) instanceof Ident pk && info.symbolOf(pk) instanceof Symbol.PkgName pn) {
      if (sym instanceof Symbol.Var v) {
        String owner = "gol/runtime/lib/" + JvmTypes.libPackageClass(pn.path);
        if (!ProgramGen.runtimeHasField(owner, v.name)) throw new Unsupported(s.pos(), pn.name + "." + v.name);
        mv.visitFieldInsn(GETSTATIC, owner, v.name, JvmTypes.desc(v.type));
        return;
      }
      if (sym instanceof Symbol.Func f) {
        String owner = "gol/runtime/lib/" + JvmTypes.libPackageClass(pn.path);
        if (ProgramGen.runtimeHas(owner, f.name, JvmTypes.methodDesc(f.sig()))) {
          prog.closures.emitLibFuncValue(this, owner, f);
          return;
        }
      }
      throw new Unsupported(s.pos(), "library function " + pn.name + "." + s.sel().name() + " as a value");
    }
    // An exported field of a library struct (time.Timer's C): a public final field of its Java class.
    String libOwner = typeOf(s.x()) == null ? null : JvmTypes.libClass(typeOf(s.x()));
    if (libOwner != null && sym instanceof Symbol.Var lv && lv.kind == Symbol.Var.Kind.FIELD) {
      expr(s.x());
      nilCheck();
      mv.visitTypeInsn(CHECKCAST, libOwner);
      mv.visitFieldInsn(GETFIELD, libOwner, lv.name, JvmTypes.desc(lv.type));
      return;
    }
    Type xt = typeOf(s.x());
    if (xt != null && sym instanceof Symbol.Var f && f.kind == Symbol.Var.Kind.FIELD) {
      List<Symbol.Var> path = StructGen.fieldPath(xt, s.sel().name());
      if (path == null) throw new Unsupported(s.pos(), "field " + s.sel().name());
      expr(s.x());
      if (xt instanceof Type.Pointer) nilCheck(xt);
      Type cur = xt instanceof Type.Pointer p ? p.elem : xt;
      for (int i = 0; i < path.size(); i++) {
        Symbol.Var fv = path.get(i);
        String cls = JvmTypes.className(cur);
        int idx = StructGen.indexOf(cur, fv);
        mv.visitFieldInsn(GETFIELD, cls, StructGen.fieldName(fv, idx), JvmTypes.desc(fv.type));
        if (fv.type instanceof Type.Pointer && i + 1 < path.size()) nilCheck(fv.type);
        cur = fv.type instanceof Type.Pointer p ? p.elem : fv.type;
      }
      return;
    }
    gol.compiler.types.Selection selection = info.selections.get(s);
    if (selection != null && selection.kind() == gol.compiler.types.Selection.Kind.METHOD_EXPR && sym instanceof Symbol.Func m) {
      prog.closures.emitMethodExpr(this, s, m);   // T.M, (*T).M, I.M
      return;
    }
    if (sym instanceof Symbol.Func m && m.decl != null && m.sig().recv != null) {   // a method value x.M
      prog.closures.emitMethodValue((CallGen) this, s.x(), m);
      return;
    }
    if (sym instanceof Symbol.Func m && m.decl == null && m.sig().recv != null && xt != null
        && !(xt.underlying() instanceof Type.Interface)) {   // a method value of a library type: sb.WriteString
      prog.closures.emitLibMethodValue((CallGen) this, s, m);
      return;
    }
    if (sym instanceof Symbol.Func m && xt != null && xt.underlying() instanceof Type.Interface) {   // x.M of an interface
      String owner = prog.interfaces.javaInterface(xt);
      if (owner != null && !owner.equals(JvmTypes.OBJECT)) {
        prog.closures.emitIfaceMethodValue((CallGen) this, s.x(), m, owner);
        return;
      }
    }
    throw new Unsupported(s.pos(), "selector " + s.sel().name());
  }

  /** [ref] → [ref], panicking as Go does if it is nil. */
  void nilCheck() {
    mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Panic", "nilCheck", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
  }

  /** [ref of type t] → [ref], panicking if it is nil, still typed as t's class for the verifier. */
  void nilCheck(Type t) {
    nilCheck();
    checkcast(JvmTypes.className(t));
  }

  /**
   * Does a channel of elem take the primitive path (Chan.makeJ, sendJ, recvJ, selectSendJ,
   * selectValJ)? Yes for every type held in a JVM long, int or double: integers, bool, floats.
   * Such channels hold each element as a long (see {@link #toChanBits}); others hold Objects.
   */
  static boolean primChan(Type elem) {
    JKind k = JvmTypes.kind(elem);
    return k == JKind.J || k == JKind.D || k == JKind.Z;
  }

  /** The element type of the channel expression x. */
  Type chanElem(Expr x) {
    return ((Type.Chan) typeOf(x).underlying()).elem;
  }

  /** [value of type elem] → [long], as a primitive channel holds it: bool as 0/1, a float's raw bits. */
  void toChanBits(Type elem) {
    switch (JvmTypes.kind(elem)) {
      case D: mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false); break;
      case Z: mv.visitInsn(I2L); break;
      default: break;
    }
  }

  /** [long from a primitive channel] → [value of type elem] (the inverse of {@link #toChanBits}). */
  void fromChanBits(Type elem) {
    switch (JvmTypes.kind(elem)) {
      case D: mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false); break;
      case Z: mv.visitInsn(L2I); break;
      default: break;
    }
  }

  /**
   * [value of type elem] → [what a channel of elem holds]: the long of a primitive channel, else the
   * value as an interface holds it (Object channels keep boxes, so close's zero value fits).
   */
  void toChanElem(Type elem) {
    if (primChan(elem)) toChanBits(elem);
    else if (!JvmTypes.isInterface(elem)) box(elem);
  }

  /**
   * [Object from a reference channel] → [value of type elem]: the inverse of {@link #toChanElem};
   * null (a closed channel's zero value for structs, arrays and pointers) becomes elem's zero value.
   */
  void fromChanElem(Type elem) {
    if (JvmTypes.isInterface(elem)) return;
    Label nil = new Label(), done = new Label();
    mv.visitInsn(DUP);
    mv.visitJumpInsn(IFNULL, nil);
    unboxAs(elem);
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(nil);
    mv.visitInsn(POP);
    pushZero(elem);
    mv.visitLabel(done);
  }

  /**
   * {@code <-c}: pushes the value received, typed as the element type. Must be lifted (it may
   * suspend). The comma-ok forms then read the flag with {@link #recvOk} before anything else.
   */
  void recv(Unary u) {
    if (!evaluating && fn.maySuspend) throw new IllegalStateException("receive not lifted at " + u.pos());
    Type elem = chanElem(u.x());
    mv.visitVarInsn(ALOAD, 0);
    expr(u.x());
    if (primChan(elem)) {
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "recvJ", "(Lgol/runtime/G;Lgol/runtime/Chan;)J", false);
      afterSuspendableCall(JKind.J, null);
      fromChanBits(elem);
    } else {
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "recv", "(Lgol/runtime/G;Lgol/runtime/Chan;)Ljava/lang/Object;", false);
      afterSuspendableCall(JKind.A, JvmTypes.OBJECT);
      fromChanElem(elem);
    }
  }

  /** [] → [g.recvOk as a JVM boolean]: the ok flag of the receive that just completed. */
  void recvOk() {
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, JvmTypes.G, "recvOk", "Z");
  }

  /** Operators: see {@link OperatorGen}. */
  abstract void unary(Unary u);
  abstract void binary(Binary b);
  abstract void cond(Expr e, Label ifFalse);
  abstract void normalize(Type t);
  abstract void roundFloat(Type t);
  abstract void roundComplex(Type t);

  /** [pointer (a Cell of elem's kind, not null)] → [the value it points to] (see gol.runtime.Cell). */
  void derefCell(Type elem) {
    JKind k = JvmTypes.kind(elem);
    mv.visitMethodInsn(INVOKEVIRTUAL, k.cellClass(), "get", "()" + k.cellFieldDesc(), false);
    if (k == JKind.A) checkcast(JvmTypes.className(elem));
  }

  /** [pointer, value] → [] : stores through a non-struct pointer. */
  void storeCell(Type elem) {
    JKind k = JvmTypes.kind(elem);
    mv.visitMethodInsn(INVOKEVIRTUAL, k.cellClass(), "set", "(" + k.cellFieldDesc() + ")V", false);
  }

  /** The array type of t when t is an array or a pointer to one (Go indexes and ranges through the pointer), else null. */
  static Type arrayOf(Type t) {
    Type u = t.underlying();
    if (u instanceof Type.Pointer p) u = p.elem.underlying();
    return u instanceof Type.Array a ? a : null;
  }

  /** Pushes the Java array of x, an array or a pointer to one (nil-checked and dereferenced). */
  void exprArray(Expr x) {
    Type t = typeOf(x);
    expr(x);
    if (t.underlying() instanceof Type.Pointer p) {
      nilCheck(t);
      derefCell(p.elem);
    }
  }

  /** Pushes {@code &x} for an addressable x of non-struct type: see CompositeGen. */
  abstract void addressOf(Expr x);

  // Composite values: see CompositeGen.
  abstract void index(Index ix);
  abstract void sliceExpr(SliceExpr s);
  abstract void compositeLit(CompositeLit c);
  abstract void typeAssert(TypeAssert ta, boolean commaOk);
  abstract void unboxAs(Type t);

  /** Calls, conversions and built-ins: see {@link CallGen}. */
  abstract void emitCall(Call c);}
