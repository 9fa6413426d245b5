package gol.compiler.types;

import gol.compiler.ast.Expr;
import gol.compiler.types.Operand.M;
import gol.compiler.types.Type.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls of the built-in functions (spec "Built-in functions"): argument counts and kinds with Go's
 * messages, constant results of len/cap where Go folds them, and the recording of the built-in's
 * name with the signature it was called with (so code generation sees argument and result types).
 */
final class Builtins {
  private final Checker c;

  Builtins(Checker c) { this.c = c; }

  private static int minArgs(String name) {
    switch (name) {
      case "recover": case "print": case "println": return 0;
      case "append": case "cap": case "close": case "len": case "make": case "new": case "panic": case "real": case "imag": return 1;
      default: return 2; // complex copy delete
    }
  }

  private static boolean variadic(String name) {
    return name.equals("append") || name.equals("make") || name.equals("print") || name.equals("println");
  }

  Operand call(Expr.Call e, String name) {
    int n = e.args().size();
    int min = minArgs(name);
    String msg = null;
    if (n < min) msg = "not enough";
    else if (!variadic(name) && n > min) msg = "too many";
    if (msg != null) {
      c.exprs.use(e.args());
      c.error(e, "invalid operation: " + msg + " arguments for " + ExprString.of(e) + " (expected " + min + ", found " + n + ")");
      return Operand.invalid(e);
    }
    if (e.ellipsis() && !name.equals("append")) {
      c.error(e, "invalid operation: invalid use of ... with built-in " + name);
      c.exprs.use(e.args());
      return Operand.invalid(e);
    }
    Operand r = dispatch(e, name);
    recordFun(e, r);
    return r;
  }

  /** Records the built-in's identifier with the signature of this call. */
  private void recordFun(Expr.Call e, Operand r) {
    List<Symbol.Var> params = new ArrayList<>();
    for (Expr a : e.args()) {
      Type t = c.info.typeOf(a);
      params.add(new Symbol.Var("", a.pos(), t == null ? Types.INVALID : t, Symbol.Var.Kind.PARAM, null, false));
    }
    List<Symbol.Var> results = new ArrayList<>();
    if (!r.invalid() && r.mode != M.NOVALUE) results.add(new Symbol.Var("", e.pos(), r.type, Symbol.Var.Kind.RESULT, null, false));
    c.info.types.put(e.fun(), new TypeInfo.TypeAndValue(TypeInfo.Mode.BUILTIN,
        new Type.Signature(null, params, results, e.ellipsis()), null));
  }

  private Operand dispatch(Expr.Call e, String name) {
    List<Expr> args = e.args();
    switch (name) {
      case "len": case "cap": return lenCap(e, name);
      case "append": return append(e);
      case "make": return make(e);
      case "new": {
        Type t = c.types.typ(args.get(0));
        if (t == Types.INVALID) return Operand.invalid(e);
        c.info.types.put(args.get(0), new TypeInfo.TypeAndValue(TypeInfo.Mode.TYPE, t, null));
        return new Operand(M.VALUE, new Type.Pointer(t), null, e);
      }
      case "delete": {
        Operand m = c.exprs.expr(args.get(0));
        Operand k = c.exprs.expr(args.get(1));
        if (m.invalid() || k.invalid()) return Operand.invalid(e);
        if (!(m.type.underlying() instanceof Type.Map mt)) {
          c.error(m.expr, "invalid argument: " + m + " is not a map");
          return Operand.invalid(e);
        }
        c.rel.assignment(k, mt.key, "argument to delete");
        c.exprs.recordFinal(m);
        return new Operand(M.NOVALUE, new Type.Tuple(List.of()), null, e);
      }
      case "close": {
        Operand ch = c.exprs.expr(args.get(0));
        if (ch.invalid()) return Operand.invalid(e);
        if (!(ch.type.underlying() instanceof Type.Chan ct)) {
          c.error(ch.expr, "invalid operation: cannot close non-channel " + ch);
          return Operand.invalid(e);
        }
        if (ct.dir == Type.Dir.RECV) {
          c.error(ch.expr, "invalid operation: cannot close receive-only channel " + ch);
          return Operand.invalid(e);
        }
        return new Operand(M.NOVALUE, new Type.Tuple(List.of()), null, e);
      }
      case "copy": {
        Operand dst = c.exprs.expr(args.get(0));
        Operand src = c.exprs.expr(args.get(1));
        if (dst.invalid() || src.invalid()) return Operand.invalid(e);
        Type de = dst.type.underlying() instanceof Type.Slice s ? s.elem : null;
        Type se = src.type.underlying() instanceof Type.Slice s ? s.elem
            : Types.kindOf(src.type) != null && Types.kindOf(src.type).isString() ? Types.BYTE : null;
        if (de == null || se == null) {
          c.error(dst.expr, "invalid argument: copy expects slice arguments; found " + dst + " and " + src);
          return Operand.invalid(e);
        }
        if (!Types.identical(de, se)) {
          c.error(dst.expr, "invalid argument: arguments to copy " + dst + " and " + src + " have different element types " + de + " and " + se);
          return Operand.invalid(e);
        }
        if (src.untyped()) c.ops.convertUntyped(src, Types.STRING);
        return new Operand(M.VALUE, Types.INT, null, e);
      }
      case "panic": {
        Operand x = c.exprs.expr(args.get(0));
        c.rel.assignment(x, Types.EMPTY_INTERFACE, "argument to panic");
        return new Operand(M.NOVALUE, new Type.Tuple(List.of()), null, e);
      }
      case "print": case "println": {
        for (Expr a : args) {
          Operand x = c.exprs.expr(a);
          if (x.invalid()) continue;
          c.rel.assignment(x, null, "argument to built-in " + name);
        }
        return new Operand(M.NOVALUE, new Type.Tuple(List.of()), null, e);
      }
      case "recover": return new Operand(M.VALUE, Types.EMPTY_INTERFACE, null, e);
      case "complex": return complex(e);
      case "real": case "imag": return realImag(e, name);
      default: throw new IllegalStateException("built-in " + name);
    }
  }

  /**
   * complex(re, im): both arguments of one floating-point type (an untyped argument takes the other's
   * type; two untyped constants stay untyped); the result is complex64 for float32, complex128 for
   * float64, and a constant when both arguments are.
   */
  private Operand complex(Expr.Call e) {
    Operand x = c.exprs.expr(e.args().get(0));
    Operand y = c.exprs.expr(e.args().get(1));
    if (x.invalid() || y.invalid()) return Operand.invalid(e);
    if (x.untyped() && !y.untyped()) c.ops.convertUntyped(x, y.type);
    else if (y.untyped() && !x.untyped()) c.ops.convertUntyped(y, x.type);
    else if (x.untyped() && y.untyped()) {
      if (x.isConst() && y.isConst()) {
        // untyped numeric constants with a zero imaginary part count as untyped floats
        if (Types.kindOf(x.type).isNumeric() && Constants.isZero(Constants.imag(x.val))) x.type = Types.UNTYPED_FLOAT;
        if (Types.kindOf(y.type).isNumeric() && Constants.isZero(Constants.imag(y.val))) y.type = Types.UNTYPED_FLOAT;
      } else {
        c.ops.convertUntyped(x, Types.FLOAT64);
        c.ops.convertUntyped(y, Types.FLOAT64);
      }
    }
    if (x.invalid() || y.invalid()) return Operand.invalid(e);
    if (!Types.identical(x.type, y.type)) {
      c.error(x.expr, "invalid operation: " + ExprString.of(e) + " (mismatched types " + x.type + " and " + y.type + ")");
      return Operand.invalid(e);
    }
    Kind k = Types.kindOf(x.type);
    Type result = k == Kind.FLOAT32 ? Types.COMPLEX64 : k == Kind.FLOAT64 ? Types.COMPLEX128
        : k == Kind.UNTYPED_FLOAT ? Types.UNTYPED_COMPLEX : null;
    if (result == null) {
      c.error(x.expr, "invalid argument: arguments have type " + x.type + ", expected floating-point");
      return Operand.invalid(e);
    }
    if (x.isConst() && y.isConst()) {
      return new Operand(M.CONSTANT, result, new Constant.Complex(Constants.real(x.val), Constants.real(y.val)), e);
    }
    return new Operand(M.VALUE, result, null, e);
  }

  /** real(z), imag(z): the float part of a complex value (an untyped constant counts as complex). */
  private Operand realImag(Expr.Call e, String name) {
    Operand x = c.exprs.expr(e.args().get(0));
    if (x.invalid()) return Operand.invalid(e);
    if (x.untyped()) {
      if (x.isConst()) {
        if (Types.kindOf(x.type).isNumeric()) x.type = Types.UNTYPED_COMPLEX;
      } else {
        c.ops.convertUntyped(x, Types.COMPLEX128);
        if (x.invalid()) return Operand.invalid(e);
      }
    }
    Kind k = Types.kindOf(x.type);
    Type result = k == Kind.COMPLEX64 ? Types.FLOAT32 : k == Kind.COMPLEX128 ? Types.FLOAT64
        : k == Kind.UNTYPED_COMPLEX ? Types.UNTYPED_FLOAT : null;
    if (result == null) {
      c.error(x.expr, "invalid argument: argument has type " + x.type + ", expected complex type");
      return Operand.invalid(e);
    }
    if (x.isConst()) {
      Constant v = name.equals("real") ? Constants.real(x.val) : Constants.imag(x.val);
      if (result == Types.UNTYPED_FLOAT && v instanceof Constant.Int i) v = new Constant.Float(new java.math.BigDecimal(i.value()));
      return new Operand(M.CONSTANT, result, v, e);
    }
    return new Operand(M.VALUE, result, null, e);
  }

  private Operand lenCap(Expr.Call e, String name) {
    Operand x = c.exprs.expr(e.args().get(0));
    if (x.invalid()) return Operand.invalid(e);
    Type u = x.type.underlying();
    if (u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array) u = p.elem.underlying();
    Constant val = null;
    boolean ok;
    if (u instanceof Type.Basic b && b.kind.isString() && name.equals("len")) {
      ok = true;
      if (x.isConst()) val = Constants.of(((Constant.Str) x.val).value().length());
    } else if (u instanceof Type.Array a) {
      ok = true;
      if (!containsCallOrRecv(e.args().get(0))) val = Constants.of(a.len);
    } else {
      ok = u instanceof Type.Slice || u instanceof Type.Chan || u instanceof Type.Map && name.equals("len");
    }
    if (!ok) {
      c.error(x.expr, "invalid argument: " + x + " for " + name);
      return Operand.invalid(e);
    }
    if (x.untyped()) c.ops.convertUntyped(x, Types.STRING);
    return val != null ? new Operand(M.CONSTANT, Types.INT, val, e) : new Operand(M.VALUE, Types.INT, null, e);
  }

  private boolean containsCallOrRecv(Expr e) {
    e = Expr.unparen(e);
    if (e instanceof Expr.Call call) {
      TypeInfo.TypeAndValue tv = c.info.types.get(call.fun());
      boolean conversion = tv != null && tv.mode() == TypeInfo.Mode.TYPE && call.args().size() == 1;
      return !conversion || containsCallOrRecv(call.args().get(0));
    }
    if (e instanceof Expr.Unary u) return u.op() == gol.compiler.ast.Op.ARROW || containsCallOrRecv(u.x());
    if (e instanceof Expr.Selector s) return containsCallOrRecv(s.x());
    if (e instanceof Expr.Index ix) return containsCallOrRecv(ix.x()) || containsCallOrRecv(ix.index());
    if (e instanceof Expr.Star s) return containsCallOrRecv(s.x());
    if (e instanceof Expr.Binary b) return containsCallOrRecv(b.x()) || containsCallOrRecv(b.y());
    return false;
  }

  private Operand append(Expr.Call e) {
    Operand s = c.exprs.expr(e.args().get(0));
    if (s.invalid()) { for (int i = 1; i < e.args().size(); i++) c.exprs.expr(e.args().get(i)); return Operand.invalid(e); }
    if (s.isNil()) {
      c.error(s.expr, "first argument to append must be a typed slice; found untyped nil");
      return Operand.invalid(e);
    }
    if (!(s.type.underlying() instanceof Type.Slice st)) {
      c.error(s.expr, "first argument to append must be a slice; have " + s);
      for (int i = 1; i < e.args().size(); i++) c.exprs.expr(e.args().get(i));
      return Operand.invalid(e);
    }
    c.exprs.recordFinal(s);
    List<Expr> rest = e.args().subList(1, e.args().size());
    // append([]byte, string...) is allowed
    if (e.ellipsis() && rest.size() == 1 && Types.kindOf(st.elem) == Kind.UINT8) {
      Operand x = c.exprs.expr(rest.get(0));
      if (x.invalid()) return Operand.invalid(e);
      Kind k = Types.kindOf(x.type);
      if (k != null && k.isString()) {
        if (x.untyped()) c.ops.convertUntyped(x, Types.STRING);
        return new Operand(M.VALUE, s.type, null, e);
      }
      c.rel.assignment(x, new Type.Slice(st.elem), "argument to append");
      return new Operand(M.VALUE, s.type, null, e);
    }
    List<Operand> args = new ArrayList<>();
    if (rest.size() == 1) args.addAll(c.calls.args(rest));
    else for (Expr a : rest) { Operand x = c.exprs.expr(a); args.add(x); }
    List<Symbol.Var> params = List.of(new Symbol.Var("", e.pos(), new Type.Slice(st.elem), Symbol.Var.Kind.PARAM, null, false));
    Type.Signature sig = new Type.Signature(null, params, List.of(), true);
    Expr.Call shifted = new Expr.Call(e.pos(), e.fun(), rest, e.ellipsis(), e.rparen());
    c.calls.arguments(shifted, sig, args, "append");
    return new Operand(M.VALUE, s.type, null, e);
  }

  private Operand make(Expr.Call e) {
    List<Expr> args = e.args();
    Type t = c.types.typ(args.get(0));
    if (t == Types.INVALID) { for (int i = 1; i < args.size(); i++) c.exprs.expr(args.get(i)); return Operand.invalid(e); }
    int min;
    Type u = t.underlying();
    if (u instanceof Type.Slice) min = 2;
    else if (u instanceof Type.Map || u instanceof Type.Chan) min = 1;
    else {
      c.error(args.get(0), "invalid argument: cannot make " + ExprString.of(args.get(0)) + "; type must be slice, map, or channel");
      return Operand.invalid(e);
    }
    if (args.size() < min || args.size() > min + 1) {
      c.error(e, "invalid operation: " + ExprString.of(e) + " expects " + min + " or " + (min + 1) + " arguments; found " + args.size());
      return Operand.invalid(e);
    }
    List<Long> sizes = new ArrayList<>();
    boolean ok = true;
    for (int i = 1; i < args.size(); i++) {
      Operand x = c.exprs.index(args.get(i), -1);
      if (x == null) { ok = false; continue; }
      if (x.isConst()) sizes.add(Constants.toInt(x.val).value().longValue());
    }
    if (ok && sizes.size() == 2 && sizes.get(0) > sizes.get(1)) {
      c.error(args.get(1), "invalid argument: length and capacity swapped");
    }
    c.info.types.put(args.get(0), new TypeInfo.TypeAndValue(TypeInfo.Mode.TYPE, t, null));
    return new Operand(M.VALUE, t, null, e);
  }
}
