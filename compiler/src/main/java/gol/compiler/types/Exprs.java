package gol.compiler.types;

import gol.compiler.ast.Expr;
import gol.compiler.ast.Op;
import gol.compiler.types.Operand.M;
import gol.compiler.types.TypeInfo.Mode;
import gol.compiler.types.TypeInfo.TypeAndValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Evaluates expressions to {@link Operand}s and records their types in {@link TypeInfo#types}.
 * Handles identifiers (with captures of enclosing functions' variables), literals, parentheses,
 * selectors, index and slice expressions, dereference and address-of, receive, type assertions,
 * and function literals; composite literals are in {@link CompositeLits}, operators in
 * {@link Operators}, calls in {@link Calls}.
 *
 * <p>Recording: every evaluated expression is recorded when first evaluated; an untyped expression
 * is re-recorded with its final type once its context converts it ({@link #updateExprType}).
 */
final class Exprs {
  private final Checker c;
  private boolean recording = true;
  final CompositeLits lits;

  Exprs(Checker c) { this.c = c; this.lits = new CompositeLits(c); }

  // ---------------------------------------------------------------------------------------------
  // Entry points

  /** A single value (not a type, not a built-in name, not a call without results). */
  Operand expr(Expr e) { return exprWithHint(e, null); }

  /** As {@link #expr}; hint is the type an elided composite literal type stands for. */
  Operand exprWithHint(Expr e, Type hint) {
    Operand x = raw(e, hint);
    exclude(x, true);
    singleValue(x);
    return x;
  }

  /** A single value or a type. */
  Operand exprOrType(Expr e) {
    Operand x = raw(e, null);
    exclude(x, false);
    singleValue(x);
    return x;
  }

  /** A value that may be multi-valued (a call returning a tuple); used for call arguments and assignments. */
  Operand multi(Expr e) {
    Operand x = raw(e, null);
    exclude(x, true);
    return x;
  }

  private void exclude(Operand x, boolean noType) {
    switch (x.mode) {
      case NOVALUE -> { c.error(x.expr, x + " used as value"); x.setInvalid(); }
      case BUILTIN -> { c.error(x.expr, x + " must be called"); x.setInvalid(); }
      case TYPE -> { if (noType) { c.error(x.expr, x + " is not an expression"); x.setInvalid(); } }
      default -> { }
    }
  }

  /** Evaluates expressions only for their errors and recorded uses (after an error elsewhere), as Go's use. */
  void use(List<Expr> es) {
    for (Expr e : es) if (e != null) raw(e, null);
  }

  /** Reports a multi-valued operand used where one value is required. */
  void singleValue(Operand x) {
    if (!x.invalid() && x.type instanceof Type.Tuple) {
      c.error(x.expr, "multiple-value " + x + " in single-value context");
      x.setInvalid();
    }
  }

  /** Evaluates e of any kind and records it. */
  Operand raw(Expr e, Type hint) {
    Operand x = eval(e, hint);
    x.expr = e;
    // a value of an invalid type (a field or element whose type had an error) is itself invalid,
    // so that the error is not reported again where it is used
    if (x.type == Types.INVALID && x.mode != M.BUILTIN) x.setInvalid();
    record(x);
    return x;
  }

  /** Runs f with recording of types switched off (for re-evaluated implicit const repetitions). */
  <T> T withoutRecording(Supplier<T> f) {
    boolean saved = recording;
    recording = false;
    try { return f.get(); } finally { recording = saved; }
  }

  // ---------------------------------------------------------------------------------------------
  // Recording

  void record(Operand x) {
    if (!recording || x.expr == null) return;
    if (x.invalid()) { c.info.types.put(x.expr, new TypeAndValue(Mode.VALUE, Types.INVALID, null)); return; }
    c.info.types.put(x.expr, new TypeAndValue(modeOf(x.mode), x.type, x.isConst() ? x.val : null));
  }

  /** Records x after its final conversion (its recorded type and value may have changed). */
  void recordFinal(Operand x) {
    if (x.invalid() || x.expr == null) return;
    updateExprType(x.expr, x.type, x.val);
  }

  /**
   * Records x, used in {@code v, ok := x} (map index, receive, type assertion), as go/types does:
   * mode COMMAOK with the tuple type {@code (T, bool)} (also on the expression inside parentheses).
   */
  void recordCommaOk(Operand x) {
    if (!recording || x.invalid() || x.expr == null) return;
    TypeAndValue tv = new TypeAndValue(Mode.COMMAOK, new Type.Tuple(java.util.List.of(x.type, Types.BOOL)), null);
    for (Expr e = x.expr; ; e = ((Expr.Paren) e).x()) {
      c.info.types.put(e, tv);
      if (!(e instanceof Expr.Paren)) break;
    }
  }

  private static Mode modeOf(M m) {
    switch (m) {
      case NOVALUE: return Mode.NOVALUE;
      case BUILTIN: return Mode.BUILTIN;
      case TYPE: return Mode.TYPE;
      case CONSTANT: return Mode.CONSTANT;
      case VARIABLE: case MAPINDEX: return Mode.VARIABLE;
      default: return Mode.VALUE;
    }
  }

  /**
   * Gives an untyped expression its final type t (and value, for a constant), descending into the
   * operands that were untyped because of it: parentheses, unary operators, the operands of a
   * non-comparison binary operator, the left operand of a shift.
   */
  void updateExprType(Expr e, Type t, Constant val) {
    if (!recording || e == null) return;
    TypeAndValue old = c.info.types.get(e);
    if (old == null) return;
    if (old.type() == Types.UNTYPED_NIL) return; // nil stays untyped, as in Go
    if (!Types.isUntyped(old.type()) && old.type() != Types.INVALID) {
      if (val != null && old.mode() == Mode.CONSTANT) c.info.types.put(e, new TypeAndValue(old.mode(), old.type(), val));
      return;
    }
    if (e instanceof Expr.Paren p) updateExprType(p.x(), t, val);
    else if (e instanceof Expr.Unary u) {
      if (u.op() != Op.ARROW && u.op() != Op.AND) updateExprType(u.x(), t, null);
    } else if (e instanceof Expr.Binary b) {
      if (b.op().prec == 3) { /* comparison: operands already have their types */ }
      else if (b.op() == Op.SHL || b.op() == Op.SHR) {
        // a non-constant shift of an untyped constant gets its type only now; it must be an integer
        if (old.mode() != Mode.CONSTANT && !Types.isUntyped(t) && !(Types.kindOf(t) != null && Types.kindOf(t).isInteger())) {
          c.error(e, "invalid operation: " + ExprString.of(e) + " (shift of type " + t + ")");
        }
        updateExprType(b.x(), t, null);
      }
      else { updateExprType(b.x(), t, null); updateExprType(b.y(), t, null); }
    }
    Constant v = old.mode() == Mode.CONSTANT ? (val != null && e != null ? val : old.value()) : null;
    if (v != null && t.underlying() instanceof Type.Basic b && !b.kind.isUntyped()) {
      Constant r = Constants.represent(v, b, null);
      if (r != null) v = r;
    }
    c.info.types.put(e, new TypeAndValue(old.mode(), t, v));
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluation

  private Operand eval(Expr e, Type hint) {
    if (e instanceof Expr.Ident id) return ident(id);
    if (e instanceof Expr.BasicLit lit) return basicLit(lit);
    if (e instanceof Expr.CompositeLit cl) return lits.compositeLit(cl, hint);
    if (e instanceof Expr.FuncLit fl) return c.stmts.funcLit(fl);
    if (e instanceof Expr.Paren p) return raw(p.x(), hint).copy();
    if (e instanceof Expr.Selector s) return c.calls.selector(s);
    if (e instanceof Expr.Index ix) return index(ix);
    if (e instanceof Expr.SliceExpr s) return slice(s);
    if (e instanceof Expr.TypeAssert ta) return typeAssert(ta);
    if (e instanceof Expr.Call call) return c.calls.call(call);
    if (e instanceof Expr.Star s) return star(s);
    if (e instanceof Expr.Unary u) return c.ops.unary(u);
    if (e instanceof Expr.Binary b) return c.ops.binary(b);
    if (e instanceof Expr.KeyValue kv) {
      c.error(kv, "unexpected key:value expression");
      return Operand.invalid(e);
    }
    if (e instanceof Expr.Ellipsis el) {
      c.error(el, "invalid use of ...");
      return Operand.invalid(e);
    }
    if (e instanceof Expr.ArrayType at && at.len() instanceof Expr.Ellipsis) {
      c.error(at.len(), "invalid use of [...] array (outside a composite literal)");
      return Operand.invalid(e);
    }
    // a type literal: []int, map[K]V, chan T, func(...), struct{...}, interface{...}
    return new Operand(M.TYPE, c.types.typ(e), null, e);
  }

  private Operand ident(Expr.Ident id) {
    if (id.name().equals("_")) {
      c.error(id, "cannot use _ as value or type");
      return Operand.invalid(id);
    }
    Symbol s = c.lookup(id.name());
    if (s == null) {
      c.error(id, "undefined: " + id.name());
      return Operand.invalid(id);
    }
    c.info.uses.put(id, s);
    if (s instanceof Symbol.PkgName p) {
      p.used = true;
      c.error(id, "use of package " + id.name() + " not in selector");
      return Operand.invalid(id);
    }
    if (s instanceof Symbol.Const k) {
      if (k == Universe.IOTA) {
        if (c.iota == null) {
          c.error(id, "cannot use iota outside constant declaration");
          return Operand.invalid(id);
        }
        return new Operand(M.CONSTANT, Types.UNTYPED_INT, c.iota, id);
      }
      if (k.type == Types.INVALID) return Operand.invalid(id);
      return new Operand(M.CONSTANT, k.type, k.value, id);
    }
    if (s instanceof Symbol.TypeName t) {
      if (t.type == null) {
        c.error(id, "invalid recursive type " + id.name());
        return Operand.invalid(id);
      }
      return new Operand(M.TYPE, t.type, null, id);
    }
    if (s instanceof Symbol.Var v) {
      useVar(v);
      if (v.type == null || v.type instanceof Type.Pointer p && Relations.hasInvalid(p.elem) || v.type == Types.INVALID) {
        return Operand.invalid(id);
      }
      return new Operand(M.VARIABLE, v.type, null, id);
    }
    if (s instanceof Symbol.Func f) {
      c.noteDep(f);
      if (f.type == null) return Operand.invalid(id);
      return new Operand(M.VALUE, f.type, null, id);
    }
    if (s instanceof Symbol.Builtin b) {
      Operand x = new Operand(M.BUILTIN, Types.INVALID, null, id);
      x.builtin = b.name;
      return x;
    }
    return new Operand(M.VALUE, Types.UNTYPED_NIL, null, id); // nil
  }

  /** Marks v used, records a package-level dependency, and records captures by function literals. */
  void useVar(Symbol.Var v) {
    v.used = true;
    if (v.kind == Symbol.Var.Kind.GLOBAL) { c.noteDep(v); return; }
    if (v.owner == null || c.fn == null) return;
    for (Checker.FuncCtx f = c.fn; f != null && f.node != v.owner; f = f.outer) {
      if (f.node instanceof Expr.FuncLit) {
        f.captures.add(v);
        v.captured = true;
      }
    }
  }

  private Operand basicLit(Expr.BasicLit lit) {
    try {
      switch (lit.kind()) {
        case INT: return new Operand(M.CONSTANT, Types.UNTYPED_INT, Literals.integer(lit.text()), lit);
        case FLOAT: return new Operand(M.CONSTANT, Types.UNTYPED_FLOAT, Literals.floating(lit.text()), lit);
        case CHAR: return new Operand(M.CONSTANT, Types.UNTYPED_RUNE, Literals.rune(lit.text()), lit);
        case STRING: return new Operand(M.CONSTANT, Types.UNTYPED_STRING, Literals.string(lit.text()), lit);
        default: return new Operand(M.CONSTANT, Types.UNTYPED_COMPLEX, Literals.imaginary(lit.text()), lit);
      }
    } catch (RuntimeException bad) {
      c.error(lit, "invalid literal " + lit.text());
      return Operand.invalid(lit);
    }
  }

  /**
   * The position of the '[' after x in x[i] (Go reports index errors there). The AST keeps only
   * start positions, so it is computed from x's canonical spelling, which is exact for gofmt'ed code.
   */
  static gol.compiler.ast.Pos lbrack(Expr x) {
    return new gol.compiler.ast.Pos(x.pos().line(), x.pos().col() + ExprString.of(x).length());
  }

  /** The variable at the root of an addressable expression (x in x.f[i].g), or null. */
  Symbol.Var rootVar(Expr e) {
    e = Expr.unparen(e);
    if (e instanceof Expr.Ident id && c.info.uses.get(id) instanceof Symbol.Var v) return v;
    if (e instanceof Expr.Selector s && !(c.info.typeOf(s.x()) instanceof Type.Pointer)) return rootVar(s.x());
    if (e instanceof Expr.Index ix && c.info.typeOf(ix.x()) != null
        && c.info.typeOf(ix.x()).underlying() instanceof Type.Array) return rootVar(ix.x());
    return null;
  }

  private Operand star(Expr.Star s) {
    Operand x = exprOrType(s.x());
    if (x.invalid()) return Operand.invalid(s);
    if (x.mode == M.TYPE) return new Operand(M.TYPE, new Type.Pointer(x.type), null, s);
    if (x.isNil()) {
      c.error(x.expr, "invalid operation: cannot indirect nil");
      return Operand.invalid(s);
    }
    if (!(x.type.underlying() instanceof Type.Pointer p)) {
      c.error(x.expr, "invalid operation: cannot indirect " + x);
      return Operand.invalid(s);
    }
    return new Operand(M.VARIABLE, p.elem, null, s);
  }

  // ---------------------------------------------------------------------------------------------
  // Index and slice expressions

  private Operand index(Expr.Index ix) {
    Operand x = raw(ix.x(), null);
    if (x.mode == M.BUILTIN || x.mode == M.TYPE) {
      c.error(lbrack(ix.x()), x.mode == M.BUILTIN ? "invalid operation: cannot index " + x : ExprString.of(ix.x()) + " is not a generic type");
      use(List.of(ix.index()));
      return Operand.invalid(ix);
    }
    exclude(x, true);
    singleValue(x);
    if (x.invalid()) { expr(ix.index()); return Operand.invalid(ix); }
    Type u = x.type.underlying();
    long length = -1;
    Type elem;
    M mode;
    if (u instanceof Type.Basic b && b.kind.isString()) {
      if (x.isConst()) length = ((Constant.Str) x.val).value().length();
      elem = Types.BYTE;
      mode = M.VALUE;
    } else if (u instanceof Type.Array a) {
      length = a.len;
      elem = a.elem;
      mode = x.mode == M.VARIABLE ? M.VARIABLE : M.VALUE;
    } else if (u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array a) {
      length = a.len;
      elem = a.elem;
      mode = M.VARIABLE;
    } else if (u instanceof Type.Slice sl) {
      elem = sl.elem;
      mode = M.VARIABLE;
    } else if (u instanceof Type.Map m) {
      Operand k = expr(ix.index());
      c.rel.assignment(k, m.key, "map index");
      return new Operand(M.MAPINDEX, m.elem, null, ix);
    } else {
      c.error(lbrack(ix.x()), "invalid operation: cannot index " + x);
      expr(ix.index());
      return Operand.invalid(ix);
    }
    Operand i = index(ix.index(), length);
    if (i != null && x.isConst() && i.isConst()) {
      // indexing a constant string yields a byte value (not a constant)
      return new Operand(M.VALUE, elem, null, ix);
    }
    return new Operand(mode, elem, null, ix);
  }

  /**
   * Checks an index (or slice bound) against length (-1 if unknown), converting an untyped constant
   * to int. Returns the operand, or null if invalid. Constant indices are returned with their value.
   */
  Operand index(Expr e, long length) {
    Operand x = expr(e);
    if (x.invalid()) return null;
    c.ops.convertUntyped(x, Types.INT);
    if (x.invalid()) return null;
    Type.Kind k = Types.kindOf(x.type);
    if (k == null || !k.isInteger()) {
      c.error(e, "invalid argument: index " + x + " must be integer");
      return null;
    }
    c.exprs.recordFinal(x);
    if (x.isConst()) {
      java.math.BigInteger v = Constants.toInt(x.val).value();
      if (v.signum() < 0) {
        c.error(e, "invalid argument: index " + ExprString.of(e) + " (constant of type int) must not be negative");
        return null;
      }
      if (length >= 0 && v.compareTo(java.math.BigInteger.valueOf(length)) >= 0) {
        c.error(e, "invalid argument: index " + ExprString.of(e) + " out of bounds [0:" + length + "]");
        return null;
      }
    }
    return x;
  }

  private Operand slice(Expr.SliceExpr s) {
    Operand x = expr(s.x());
    if (x.invalid()) { for (Expr b : new Expr[] {s.lo(), s.hi(), s.max()}) if (b != null) expr(b); return Operand.invalid(s); }
    Type u = x.type.underlying();
    long length = -1;
    Type result;
    if (u instanceof Type.Basic b && b.kind.isString()) {
      if (s.slice3()) {
        c.error(s.max() != null ? s.max().pos() : s.pos(), "invalid operation: 3-index slice of string");
        return Operand.invalid(s);
      }
      if (x.isConst()) length = ((Constant.Str) x.val).value().length();
      result = Types.isUntyped(x.type) ? Types.STRING : x.type;
    } else if (u instanceof Type.Array a) {
      if (x.mode != M.VARIABLE) {
        c.error(s, "invalid operation: " + ExprString.of(s.x()) + " (slice of unaddressable value)");
        return Operand.invalid(s);
      }
      Symbol.Var root = rootVar(s.x());
      if (root != null) root.addressTaken = true;
      length = a.len;
      result = new Type.Slice(a.elem);
    } else if (u instanceof Type.Pointer p && p.elem.underlying() instanceof Type.Array a) {
      length = a.len;
      result = new Type.Slice(a.elem);
    } else if (u instanceof Type.Slice) {
      result = x.type;
    } else {
      c.error(x.expr, "invalid operation: cannot slice " + x);
      return Operand.invalid(s);
    }
    long cap = length >= 0 ? length : -1;
    List<Long> consts = new ArrayList<>();
    List<Expr> constExprs = new ArrayList<>();
    Expr[] bounds = {s.lo(), s.hi(), s.max()};
    boolean ok = true;
    for (Expr b : bounds) {
      if (b == null) continue;
      // for arrays the bound may equal the length
      Operand i = index(b, cap >= 0 ? cap + 1 : -1);
      if (i == null) { ok = false; continue; }
      consts.add(i.isConst() ? Constants.toInt(i.val).value().longValue() : null);
      constExprs.add(b);
    }
    if (ok) {
      Long prev = null;
      for (int k = 0; k < consts.size(); k++) {
        Long v = consts.get(k);
        if (v != null && prev != null && v < prev) {
          c.error(constExprs.get(k), "invalid slice indices: " + v + " < " + prev);
          break;
        }
        if (v != null) prev = v;
      }
    }
    return new Operand(M.VALUE, result, null, s);
  }

  private Operand typeAssert(Expr.TypeAssert ta) {
    Operand x = expr(ta.x());
    if (ta.type() == null) {
      c.error(ta, "invalid syntax tree: use of .(type) outside type switch");
      return Operand.invalid(ta);
    }
    if (x.invalid()) { c.types.typ(ta.type()); return Operand.invalid(ta); }
    if (!(x.type.underlying() instanceof Type.Interface xi)) {
      c.error(x.expr, "invalid operation: " + x + " is not an interface");
      c.types.typ(ta.type());
      return Operand.invalid(ta);
    }
    Type t = c.types.typ(ta.type());
    if (t == Types.INVALID) return Operand.invalid(ta);
    checkAssertable(xi, x.type, t, ta, ta);
    return new Operand(M.COMMAOK, t, null, ta);
  }

  /** Reports an impossible type assertion (a concrete T that cannot implement x's interface). */
  void checkAssertable(Type.Interface xi, Type xt, Type t, Expr whole, Expr at) {
    if (t.underlying() instanceof Type.Interface) return;
    String why = c.rel.missingMethod(t, xi, xt);
    if (why != null) {
      c.error(at, "impossible type assertion: " + ExprString.of(whole) + "\n\t" + t + " does not implement " + xt + " " + why);
    }
  }
}
