package gol.compiler.types;

import gol.compiler.ast.Expr;
import gol.compiler.types.Operand.M;
import gol.compiler.types.Type.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls, conversions and selectors (spec "Calls", "Conversions", "Selectors", "Method values"):
 * argument passing with multi-value and variadic forms and Go's have/want messages, conversions
 * (constant and non-constant), package members, fields and methods through embedding with
 * automatic {@code &} and {@code *}, and method expressions.
 */
final class Calls {
  private final Checker c;

  Calls(Checker c) { this.c = c; }

  Operand call(Expr.Call e) {
    Operand f = c.exprs.raw(e.fun(), null);
    if (f.invalid()) {
      c.exprs.use(e.args());
      return Operand.invalid(e);
    }
    if (f.mode == M.TYPE) return conversionCall(e, f.type);
    if (f.mode == M.BUILTIN) return c.builtins.call(e, f.builtin);
    c.exprs.singleValue(f);
    if (f.invalid()) return Operand.invalid(e);
    if (!(f.type.underlying() instanceof Type.Signature sig)) {
      c.error(f.expr, "invalid operation: cannot call non-function " + f);
      return Operand.invalid(e); // Go does not look at the arguments then

    }
    List<Operand> args = args(e.args());
    arguments(e, sig, args, ExprString.of(e.fun()));
    if (sig.results.isEmpty()) return new Operand(M.NOVALUE, new Type.Tuple(List.of()), null, e);
    if (sig.results.size() == 1) return new Operand(M.VALUE, sig.results.get(0).type, null, e);
    List<Type> ts = new ArrayList<>();
    for (Symbol.Var r : sig.results) ts.add(r.type);
    return new Operand(M.VALUE, new Type.Tuple(ts), null, e);
  }

  /** Evaluates call arguments; a single multi-valued call is expanded into one operand per value. */
  List<Operand> args(List<Expr> es) {
    List<Operand> out = new ArrayList<>();
    if (es.size() == 1) {
      Operand x = c.exprs.multi(es.get(0));
      if (!x.invalid() && x.type instanceof Type.Tuple t) {
        for (Type ti : t.types) out.add(new Operand(M.VALUE, ti, null, es.get(0)));
        return out;
      }
      out.add(x);
      return out;
    }
    for (Expr a : es) {
      Operand x = c.exprs.multi(a);
      c.exprs.singleValue(x);
      out.add(x);
    }
    return out;
  }

  /** Checks args against sig's parameters (count, variadic forms, assignability). */
  void arguments(Expr.Call e, Type.Signature sig, List<Operand> args, String fname) {
    for (Operand a : args) if (a.invalid()) return;
    int nargs = args.size(), npars = sig.params.size();
    boolean expanded = e.args().size() == 1 && nargs > 1;
    if (e.ellipsis()) {
      if (!sig.variadic) {
        c.error(e, "cannot use ... in call to non-variadic " + fname);
        return;
      }
      if (expanded) {
        c.error(e.args().get(0), "cannot use ... with " + nargs + "-valued " + ExprString.of(e.args().get(0)));
        return;
      }
    }
    // the parameter types each argument is assigned to
    List<Type> want = new ArrayList<>();
    for (Symbol.Var p : sig.params) want.add(p.type);
    if (sig.variadic && !e.ellipsis()) {
      Type elem = ((Type.Slice) want.get(npars - 1)).elem;
      want.remove(npars - 1);
      if (nargs >= npars - 1) while (want.size() < nargs) want.add(elem);
      else want.add(new Type.Slice(elem)); // for the count message below
    }
    if (nargs != want.size() || (sig.variadic && !e.ellipsis() && nargs < npars - 1)) {
      String qualifier;
      Expr at;
      if (nargs > want.size()) {
        qualifier = "too many";
        at = expanded ? e.args().get(0) : e.args().get(want.size());
      } else {
        qualifier = "not enough";
        at = nargs > 0 ? (expanded ? e.args().get(0) : e.args().get(nargs - 1)) : null;
      }
      List<Type> have = new ArrayList<>();
      for (Operand a : args) have.add(a.type);
      List<Type> params = new ArrayList<>();
      for (Symbol.Var p : sig.params) params.add(p.type);
      String msg = qualifier + " arguments in call to " + fname + "\n\thave " + summary(have, false)
          + "\n\twant " + summary(params, sig.variadic);
      if (at != null) c.error(at, msg); else c.error(e, msg);
      return;
    }
    for (int i = 0; i < nargs; i++) c.rel.assignment(args.get(i), want.get(i), "argument to " + fname);
  }

  /** Go's typesSummary: "(number, string, ...int)". */
  static String summary(List<Type> ts, boolean variadic) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < ts.size(); i++) {
      if (i > 0) sb.append(", ");
      Type t = ts.get(i);
      if (t == null || t == Types.INVALID) sb.append("<T>");
      else if (Types.isUntyped(t)) {
        Kind k = ((Type.Basic) t).kind;
        sb.append(k.isNumeric() ? "number" : t.toString().replace("untyped ", ""));
      } else if (variadic && i == ts.size() - 1) sb.append("...").append(((Type.Slice) t).elem);
      else sb.append(t);
    }
    return sb.append(')').toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Conversions

  private Operand conversionCall(Expr.Call e, Type t) {
    if (e.args().size() != 1) {
      String msg = e.args().isEmpty() ? "missing argument in conversion to " + t : "too many arguments in conversion to " + t;
      c.exprs.use(e.args());
      c.error(e.args().isEmpty() ? e.pos() : e.args().get(e.args().size() - 1).pos(), msg);
      return Operand.invalid(e);
    }
    if (e.ellipsis()) {
      c.error(e.args().get(0), "invalid use of ... in conversion to " + t);
      return Operand.invalid(e);
    }
    Operand x = c.exprs.expr(e.args().get(0));
    if (x.invalid() || t == Types.INVALID) return Operand.invalid(e);
    return conversion(e, x, t);
  }

  /** T(x): a constant conversion when x is constant and T a basic type, else a value conversion. */
  Operand conversion(Expr e, Operand x, Type t) {
    boolean constArg = x.isConst();
    boolean constType = t.underlying() instanceof Type.Basic;
    Operand r = new Operand(M.VALUE, t, null, e);
    if (constArg && constType) {
      Type.Basic b = (Type.Basic) t.underlying();
      Constant v;
      Kind xk = Types.kindOf(x.type);
      if (b.kind.isString() && xk != null && xk.isInteger()) {
        // string(rune): the UTF-8 encoding of the code point, or "\uFFFD" if it is not valid
        java.math.BigInteger cp = Constants.toInt(x.val).value();
        int code = cp.bitLength() <= 31 && Character.isValidCodePoint(cp.intValue())
            && !(cp.intValue() >= 0xd800 && cp.intValue() <= 0xdfff) ? cp.intValue() : 0xfffd;
        v = new Constant.Str(Literals.bytesOf(new String(Character.toChars(code))));
      } else if (xk != null && (xk.isNumeric() && b.kind.isNumeric() || xk.isString() && b.kind.isString()
          || xk.isBoolean() && b.kind.isBoolean())) {
        v = Constants.represent(x.val, b, null);
      } else {
        v = null;
      }
      if (v == null) {
        c.error(x.expr, "cannot convert " + x + " to type " + t);
        return Operand.invalid(e);
      }
      r.mode = M.CONSTANT;
      r.val = v;
    } else if (!c.rel.convertible(x, t)) {
      c.error(x.expr, "cannot convert " + x + " to type " + t);
      return Operand.invalid(e);
    }
    if (x.untyped()) {
      Type fin = t;
      if (t.underlying() instanceof Type.Interface || constArg && !constType) fin = Relations.defaultType(x.type);
      else if (x.isNil()) fin = t;
      else if (constArg && Types.kindOf(x.type).isInteger() && Types.kindOf(t) != null && Types.kindOf(t).isString()) fin = Relations.defaultType(x.type);
      c.exprs.updateExprType(x.expr, fin, fin == t ? r.val : null);
    } else {
      c.exprs.recordFinal(x);
    }
    return r;
  }

  // ---------------------------------------------------------------------------------------------
  // Selectors

  Operand selector(Expr.Selector e) {
    String name = e.sel().name();
    if (e.x() instanceof Expr.Ident id && c.lookup(id.name()) instanceof Symbol.PkgName pkg) {
      pkg.used = true;
      c.info.uses.put(id, pkg);
      if (Stdlib.get(pkg.path) == null) return Operand.invalid(e); // import already reported
      Symbol m = Stdlib.member(pkg.path, name);
      if (m == null) {
        c.error(e.sel(), "undefined: " + pkg.name + "." + name);
        return Operand.invalid(e);
      }
      c.info.uses.put(e.sel(), m);
      if (m instanceof Symbol.Const k) return new Operand(M.CONSTANT, k.type, k.value, e);
      if (m instanceof Symbol.Var v) return new Operand(M.VARIABLE, v.type, null, e);
      if (m instanceof Symbol.TypeName tn) return new Operand(M.TYPE, tn.type, null, e);
      return new Operand(M.VALUE, m.type, null, e);
    }
    Operand x = c.exprs.raw(e.x(), null);
    if (x.mode == M.BUILTIN) {
      c.error(new gol.compiler.ast.Pos(e.x().pos().line(), e.x().pos().col() + ExprString.of(e.x()).length()),
          "cannot select on " + x);
      return Operand.invalid(e);
    }
    if (x.mode == M.NOVALUE) {
      c.error(x.expr, x + " used as value");
      return Operand.invalid(e);
    }
    c.exprs.singleValue(x);
    if (x.invalid()) return Operand.invalid(e);
    if (x.mode == M.TYPE) return methodExpr(e, x.type);
    if (x.isNil()) {
      c.error(e.sel(), "use of untyped nil");
      return Operand.invalid(e);
    }
    Lookup.Result r = c.lookup.find(x.type, name);
    if (r == null || r.ambiguous()) {
      String why;
      if (r != null) why = "ambiguous selector " + ExprString.of(e);
      else if (x.type.underlying() instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Interface) {
        why = "type " + x.type + " is pointer to interface, not interface";
      } else {
        why = "type " + x.type + " has no field or method " + name + caseHint(x.type, name);
      }
      if (r != null) c.error(e.sel(), why);
      else c.error(e.sel(), ExprString.of(e.x()) + "." + name + " undefined (" + why + ")");
      return Operand.invalid(e);
    }
    c.info.uses.put(e.sel(), r.obj());
    boolean xIsPtr = x.type.underlying() instanceof Type.Pointer;
    if (r.obj() instanceof Symbol.Var field) {
      c.info.selections.put(e, new Selection(Selection.Kind.FIELD, field, r.path(), r.indirect()));
      boolean addressable = x.mode == M.VARIABLE || r.indirect();
      return new Operand(addressable ? M.VARIABLE : M.VALUE, field.type, null, e);
    }
    Symbol.Func m = (Symbol.Func) r.obj();
    Type.Signature sig = m.sig();
    if (sig == null) return Operand.invalid(e);
    boolean ptrRecv = sig.recv != null && sig.recv.type instanceof Type.Pointer;
    if (ptrRecv && !r.indirect() && !xIsPtr) {
      if (x.mode != M.VARIABLE) {
        c.error(e.sel(), "cannot call pointer method " + name + " on " + x.type);
        return Operand.invalid(e);
      }
      Symbol.Var root = c.exprs.rootVar(e.x());
      if (root != null) root.addressTaken = true;
    }
    c.info.selections.put(e, new Selection(Selection.Kind.METHOD_VALUE, m, r.path(), r.indirect()));
    return new Operand(M.VALUE, Relations.stripRecv(sig), null, e);
  }

  /** Go's hint when only the capitalization of a selector is wrong: ", but does have Name". */
  private String caseHint(Type t, String name) {
    if (name.isEmpty()) return "";
    String other = Character.isUpperCase(name.charAt(0))
        ? Character.toLowerCase(name.charAt(0)) + name.substring(1)
        : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return c.lookup.find(t, other) != null ? ", but does have " + other : "";
  }

  /** {@code T.m} or {@code (*T).m}: a function taking the receiver as its first parameter. */
  private Operand methodExpr(Expr.Selector e, Type t) {
    String name = e.sel().name();
    Lookup.Result r = c.lookup.find(t, name);
    if (r == null || r.ambiguous() || !(r.obj() instanceof Symbol.Func m)) {
      c.error(e.sel(), ExprString.of(e.x()) + "." + name + " undefined (type " + t + " has no field or method " + name
          + caseHint(t, name) + ")");
      return Operand.invalid(e);
    }
    Type.Signature sig = m.sig();
    boolean ptrRecv = sig.recv != null && sig.recv.type instanceof Type.Pointer;
    if (ptrRecv && !(t.underlying() instanceof Type.Pointer) && !r.indirect()) {
      c.error(e.sel(), "cannot call pointer method " + name + " on " + t);
      return Operand.invalid(e);
    }
    c.info.uses.put(e.sel(), m);
    List<Symbol.Var> params = new ArrayList<>();
    params.add(new Symbol.Var("", e.pos(), t, Symbol.Var.Kind.PARAM, null, false));
    params.addAll(sig.params);
    c.info.selections.put(e, new Selection(Selection.Kind.METHOD_EXPR, m, r.path(), r.indirect()));
    return new Operand(M.VALUE, new Type.Signature(null, params, sig.results, sig.variadic), null, e);
  }
}
