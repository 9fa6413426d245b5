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
 * Calls, conversions and built-ins are in {@link CallGen}; this class has operands, operators,
 * constants, indexing, and the lifting of calls that may suspend ({@link #prepare}).
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

  // ================================================================== operators

  private void unary(Unary u) {
    Type t = typeOf(u);
    switch (u.op()) {
      case ADD: expr(u.x()); return;
      case SUB:
        expr(u.x());
        if (JvmTypes.isComplex(t)) { complexOp("neg", "(L" + JvmTypes.COMPLEX + ";)L" + JvmTypes.COMPLEX + ";", t); return; }
        if (JvmTypes.kind(t) == JKind.D) { mv.visitInsn(DNEG); roundFloat(t); }
        else { mv.visitInsn(LNEG); normalize(t); }
        return;
      case XOR:
        expr(u.x());
        mv.visitLdcInsn(-1L);
        mv.visitInsn(LXOR);
        normalize(t);
        return;
      case NOT:
        expr(u.x());
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IXOR);
        return;
      case ARROW:
        recv(u, false);
        return;
      case AND: {
        Type xt = typeOf(u.x());
        if (JvmTypes.isStruct(xt) || JvmTypes.libClass(xt) != null) {   // &v of a struct: the struct's own object
          expr(u.x());
          return;
        }
        addressOf(u.x());
        return;
      }
      default:
        throw new Unsupported(u.pos(), "operator " + u.op().text);
    }
  }

  /** {@code <-c}, or the comma-ok form (pushes the Tuple). Must be lifted (it may suspend). */
  void recv(Unary u, boolean commaOk) {
    if (!evaluating && fn.maySuspend) throw new IllegalStateException("receive not lifted at " + u.pos());
    mv.visitVarInsn(ALOAD, 0);
    expr(u.x());
    if (commaOk) {
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "recv2", "(Lgol/runtime/G;Lgol/runtime/Chan;)Lgol/runtime/Tuple;", false);
      afterSuspendableCall(JKind.A, JvmTypes.TUPLE);
    } else {
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "recv", "(Lgol/runtime/G;Lgol/runtime/Chan;)Ljava/lang/Object;", false);
      afterSuspendableCall(JKind.A, JvmTypes.OBJECT);
      unbox(((Type.Chan) typeOf(u.x()).underlying()).elem);
    }
  }

  private void binary(Binary b) {
    Op op = b.op();
    if (op.prec == 3 || op == Op.LAND || op == Op.LOR) {   // comparisons and logic: produce 0/1
      Label f = new Label(), end = new Label();
      cond(b, f);
      mv.visitInsn(ICONST_1);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(f);
      mv.visitInsn(ICONST_0);
      mv.visitLabel(end);
      return;
    }
    Type t = typeOf(b);
    if (op == Op.SHL || op == Op.SHR) { shift(b, t); return; }
    expr(b.x());
    expr(b.y());
    arith(op, t, b.y());
  }

  /** Applies op to the two operands on the stack (both of type t). */
  void arith(Op op, Type t, Expr divisor) {
    JKind k = JvmTypes.kind(t);
    if (JvmTypes.isString(t)) {
      if (op != Op.ADD) throw new IllegalStateException("string op " + op);
      mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.STRING, "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
      return;
    }
    if (JvmTypes.isComplex(t)) {
      String name;
      switch (op) {
        case ADD: name = "add"; break;
        case SUB: name = "sub"; break;
        case MUL: name = "mul"; break;
        case QUO: name = "div"; break;
        default: throw new IllegalStateException("complex op " + op);
      }
      complexOp(name, "(L" + JvmTypes.COMPLEX + ";L" + JvmTypes.COMPLEX + ";)L" + JvmTypes.COMPLEX + ";", t);
      return;
    }
    if (k == JKind.D) {
      switch (op) {
        case ADD: mv.visitInsn(DADD); break;
        case SUB: mv.visitInsn(DSUB); break;
        case MUL: mv.visitInsn(DMUL); break;
        case QUO: mv.visitInsn(DDIV); break;
        default: throw new IllegalStateException("float op " + op);
      }
      roundFloat(t);
      return;
    }
    boolean unsigned64 = isUnsigned64(t);
    switch (op) {
      case ADD: mv.visitInsn(LADD); break;
      case SUB: mv.visitInsn(LSUB); break;
      case MUL: mv.visitInsn(LMUL); break;
      case QUO: case REM: {
        Constant c = divisor == null ? null : info.constOf(divisor);
        boolean safe = c instanceof Constant.Int ci && ci.value().signum() != 0 && !unsigned64;
        if (safe) mv.visitInsn(op == Op.QUO ? LDIV : LREM);
        else {
          String name = (unsigned64 ? "u" : "") + (op == Op.QUO ? "div" : "rem");
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Ops", name, "(JJ)J", false);
        }
        break;
      }
      case AND: mv.visitInsn(LAND); break;
      case OR: mv.visitInsn(LOR); break;
      case XOR: mv.visitInsn(LXOR); break;
      case AND_NOT: mv.visitLdcInsn(-1L); mv.visitInsn(LXOR); mv.visitInsn(LAND); break;
      default: throw new IllegalStateException("int op " + op);
    }
    normalize(t);
  }

  private void shift(Binary b, Type t) {
    expr(b.x());
    Constant c = info.constOf(b.y());
    boolean unsigned = Types.kindOf(t) != null && Types.kindOf(t).isUnsigned();
    if (c instanceof Constant.Int ci && ci.value().signum() >= 0 && ci.value().compareTo(java.math.BigInteger.valueOf(63)) <= 0) {
      mv.visitLdcInsn(ci.value().intValue());
      mv.visitInsn(b.op() == Op.SHL ? LSHL : unsigned ? LUSHR : LSHR);
    } else {
      expr(b.y());
      if (JvmTypes.kind(typeOf(b.y())) != JKind.J) throw new IllegalStateException("shift count kind");
      String name = b.op() == Op.SHL ? "shl" : unsigned ? "ushr" : "shr";
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Ops", name, "(JJ)J", false);
    }
    normalize(t);
  }

  static boolean isUnsigned64(Type t) {
    Type.Kind k = Types.kindOf(t);
    return k == Type.Kind.UINT || k == Type.Kind.UINT64 || k == Type.Kind.UINTPTR;
  }

  /** Wraps the long on the stack to the range of integer type t (Go's wrap-around). */
  void normalize(Type t) {
    Type.Kind k = Types.kindOf(t);
    if (k == null) return;
    switch (k) {
      case INT8: mv.visitInsn(L2I); mv.visitInsn(I2B); mv.visitInsn(I2L); break;
      case INT16: mv.visitInsn(L2I); mv.visitInsn(I2S); mv.visitInsn(I2L); break;
      case INT32: case UNTYPED_RUNE: mv.visitInsn(L2I); mv.visitInsn(I2L); break;
      case UINT8: mv.visitLdcInsn(0xffL); mv.visitInsn(LAND); break;
      case UINT16: mv.visitLdcInsn(0xffffL); mv.visitInsn(LAND); break;
      case UINT32: mv.visitLdcInsn(0xffffffffL); mv.visitInsn(LAND); break;
      default: break;
    }
  }

  /** Calls the gol.runtime.Complex operation name on the operands on the stack; complex64 results are rounded. */
  private void complexOp(String name, String desc, Type t) {
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.COMPLEX, name, desc, false);
    roundComplex(t);
  }

  /** Rounds the parts of the complex value on the stack to float32 when t is complex64. */
  void roundComplex(Type t) {
    if (JvmTypes.isComplex64(t)) {
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.COMPLEX, "round64", "(L" + JvmTypes.COMPLEX + ";)L" + JvmTypes.COMPLEX + ";", false);
    }
  }

  /** Rounds the double on the stack to float32 when t is float32. */
  void roundFloat(Type t) {
    if (Types.kindOf(t) == Type.Kind.FLOAT32) { mv.visitInsn(D2F); mv.visitInsn(F2D); }
  }

  /** Jumps to ifFalse when the boolean expression e is false; falls through when true. */
  void cond(Expr e, Label ifFalse) {
    if (lifted.containsKey(e) || info.constOf(e) != null) { expr(e); mv.visitJumpInsn(IFEQ, ifFalse); return; }
    if (e instanceof Paren p) { cond(p.x(), ifFalse); return; }
    if (e instanceof Unary u && u.op() == Op.NOT) {
      Label t = new Label();
      cond(u.x(), t);
      mv.visitJumpInsn(GOTO, ifFalse);
      mv.visitLabel(t);
      return;
    }
    if (e instanceof Binary b) {
      if (b.op() == Op.LAND) { cond(b.x(), ifFalse); cond(b.y(), ifFalse); return; }
      if (b.op() == Op.LOR) {
        Label t = new Label(), f = new Label();
        cond(b.x(), f);
        mv.visitJumpInsn(GOTO, t);
        mv.visitLabel(f);
        cond(b.y(), ifFalse);
        mv.visitLabel(t);
        return;
      }
      if (b.op().prec == 3) { compare(b, ifFalse); return; }
    }
    expr(e);
    mv.visitJumpInsn(IFEQ, ifFalse);
  }

  private void compare(Binary b, Label ifFalse) {
    Type tx = typeOf(b.x()), ty = typeOf(b.y());
    Type t = operandType(tx, ty);
    exprAs(b.x(), t);
    exprAs(b.y(), t);
    compareJump(b.op(), t, ifFalse);
  }

  /** The type both operands of a comparison are evaluated as. */
  static Type operandType(Type tx, Type ty) {
    if (tx == null) return ty;
    if (ty == null) return tx;
    if (JvmTypes.isInterface(tx)) return tx;
    if (JvmTypes.isInterface(ty)) return ty;
    if (Types.isUntyped(tx) && !Types.isUntyped(ty)) return ty;
    if (Types.kindOf(tx) == Type.Kind.UNTYPED_NIL) return ty;
    return tx;
  }

  /** With two operands of type t on the stack: jumps to ifFalse unless {@code x op y}. */
  void compareJump(Op op, Type t, Label ifFalse) {
    JKind k = JvmTypes.kind(t);
    if (k == JKind.J) {
      if (isUnsigned64(t)) mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
      else mv.visitInsn(LCMP);
      mv.visitJumpInsn(inverseIf(op), ifFalse);
    } else if (k == JKind.D) {
      mv.visitInsn(op == Op.LSS || op == Op.LEQ ? DCMPG : DCMPL);
      mv.visitJumpInsn(inverseIf(op), ifFalse);
    } else if (k == JKind.Z) {
      mv.visitJumpInsn(op == Op.EQL ? IF_ICMPNE : IF_ICMPEQ, ifFalse);
    } else if (JvmTypes.isString(t)) {
      if (op == Op.EQL || op == Op.NEQ) {
        mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.STRING, "equals", "(Ljava/lang/Object;)Z", false);
        mv.visitJumpInsn(op == Op.EQL ? IFEQ : IFNE, ifFalse);
      } else {
        mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.STRING, "compareTo", "(Ljava/lang/String;)I", false);
        mv.visitJumpInsn(inverseIf(op), ifFalse);
      }
    } else if (JvmTypes.isComplex(t)) {
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.COMPLEX, "eq", "(L" + JvmTypes.COMPLEX + ";L" + JvmTypes.COMPLEX + ";)Z", false);
      mv.visitJumpInsn(op == Op.EQL ? IFEQ : IFNE, ifFalse);
    } else if (JvmTypes.isArray(t)) {
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ArrayOps", "equal", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
      mv.visitJumpInsn(op == Op.EQL ? IFEQ : IFNE, ifFalse);
    } else if (JvmTypes.isInterface(t)) {   // Go's rules: dynamic types first, uncomparable ones panic
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Ops", "ifaceEq", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
      mv.visitJumpInsn(op == Op.EQL ? IFEQ : IFNE, ifFalse);
    } else if (JvmTypes.isStruct(t)
        || t.underlying() instanceof Type.Pointer p && !JvmTypes.isStruct(p.elem)) {   // views of one location are equal
      mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "equals", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
      mv.visitJumpInsn(op == Op.EQL ? IFEQ : IFNE, ifFalse);
    } else {
      mv.visitJumpInsn(op == Op.EQL ? IF_ACMPNE : IF_ACMPEQ, ifFalse);
    }
  }

  /** The IFxx (on an int compared with 0) that is taken when {@code op} does NOT hold. */
  private static int inverseIf(Op op) {
    switch (op) {
      case EQL: return IFNE;
      case NEQ: return IFEQ;
      case LSS: return IFGE;
      case LEQ: return IFGT;
      case GTR: return IFLE;
      case GEQ: return IFLT;
      default: throw new IllegalStateException("not a comparison: " + op);
    }
  }

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
