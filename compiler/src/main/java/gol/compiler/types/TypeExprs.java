package gol.compiler.types;

import gol.compiler.ast.Expr;
import gol.compiler.ast.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves type expressions ({@code []int}, {@code map[string]*T}, {@code func(int) error},
 * {@code struct{...}}, {@code interface{...}}, names of types) to {@link Type}s, and builds the
 * signatures of functions and methods with their parameter variables.
 */
final class TypeExprs {
  private final Checker c;

  TypeExprs(Checker c) { this.c = c; }

  /** The type denoted by e, or {@link Types#INVALID} after reporting why e is not a type. */
  Type typ(Expr e) {
    if (e instanceof Expr.Ident id) {
        if (id.name().equals("_")) { c.error(id, "cannot use _ as value or type"); return Types.INVALID; }
        Symbol s = c.lookup(id.name());
        if (s == null) { c.error(id, "undefined: " + id.name()); return Types.INVALID; }
        c.info.uses.put(id, s);
        if (s instanceof Symbol.TypeName tn) {
          if (tn.type == null) { c.error(id, "invalid recursive type " + id.name()); return Types.INVALID; }
          return tn.type;
        }
        if (s instanceof Symbol.PkgName) { c.error(id, "use of package " + id.name() + " not in selector"); return Types.INVALID; }
        Operand x = c.exprs.raw(id, null);
        if (!x.invalid()) c.error(id, x + " is not a type");
        return Types.INVALID;
      }
    else if (e instanceof Expr.Selector sel) {
        Operand x = c.exprs.exprOrType(sel);
        if (x.invalid()) return Types.INVALID;
        if (x.mode != Operand.M.TYPE) { c.error(sel, x + " is not a type"); return Types.INVALID; }
        return x.type;
      }
    else if (e instanceof Expr.Paren p) { return typ(p.x()); }
    else if (e instanceof Expr.Star s) { return new Type.Pointer(typ(s.x())); }
    else if (e instanceof Expr.ArrayType at) {
        if (at.len() == null) return new Type.Slice(typ(at.elem()));
        if (at.len() instanceof Expr.Ellipsis) {
          c.error(at.len(), "invalid use of [...] array (outside a composite literal)");
          typ(at.elem());
          return Types.INVALID;
        }
        long n = arrayLength(at.len());
        Type elem = typ(at.elem());
        return n < 0 ? Types.INVALID : new Type.Array(n, elem);
      }
    else if (e instanceof Expr.MapType mt) {
        Type k = typ(mt.key());
        Type v = typ(mt.value());
        if (k != Types.INVALID && k.underlying() != null && !c.rel.comparable(k)) {
          c.error(mt.key(), "invalid map key type " + k);
          return Types.INVALID;
        }
        return new Type.Map(k, v);
      }
    else if (e instanceof Expr.ChanType ct) {
        Type.Dir d = ct.dir() == Expr.ChanDir.SEND ? Type.Dir.SEND : ct.dir() == Expr.ChanDir.RECV ? Type.Dir.RECV : Type.Dir.BOTH;
        return new Type.Chan(d, typ(ct.elem()));
      }
    else if (e instanceof Expr.FuncType ft) { return signature(null, ft, null); }
    else if (e instanceof Expr.StructType st) { return struct(st); }
    else if (e instanceof Expr.InterfaceType it) { return iface(it); }
    else {
        Operand x = c.exprs.exprOrType(e);
        if (!x.invalid()) c.error(e, ExprString.of(e) + " is not a type");
        return Types.INVALID;
      }

  }

  /** The constant length of an array type, or -1 after an error. */
  long arrayLength(Expr len) {
    Operand x = c.exprs.expr(len);
    if (x.invalid()) return -1;
    if (!x.isConst()) {
      c.error(len, "array length " + x + " must be constant");
      return -1;
    }
    if (x.untyped() || Types.kindOf(x.type) != null && Types.kindOf(x.type).isInteger()) {
      if (Constants.isIntegral(x.val)) {
        java.math.BigInteger v = Constants.toInt(x.val).value();
        if (v.signum() >= 0 && v.bitLength() < 63) {
          if (x.untyped()) { x.type = Types.INT; c.exprs.recordFinal(x); }
          return v.longValue();
        }
      }
    }
    c.error(len, "invalid array length " + ExprString.of(len));
    return -1;
  }

  /**
   * The signature of a function type; owner is the Decl.Func or FuncLit whose parameters these are
   * (null for a function type), recv the receiver field of a method.
   */
  Type.Signature signature(Expr.Field recv, Expr.FuncType ft, Node owner) {
    Symbol.Var r = null;
    if (recv != null) {
      Type rt = typ(recv.type());
      Type base = rt instanceof Type.Pointer p ? p.elem : rt;
      if (rt != Types.INVALID && base != Types.INVALID && !(base instanceof Type.Named)) {
        c.error(recv.type(), "invalid receiver type " + rt);
        rt = Types.INVALID;
      }
      String name = recv.names().isEmpty() ? "" : recv.names().get(0).name();
      r = new Symbol.Var(name, recv.names().isEmpty() ? recv.pos() : recv.names().get(0).pos(), rt,
          Symbol.Var.Kind.RECEIVER, owner, false);
    }
    boolean[] variadic = new boolean[1];
    List<Symbol.Var> params = fields(ft.params(), Symbol.Var.Kind.PARAM, owner, variadic, true);
    List<Symbol.Var> results = fields(ft.results(), Symbol.Var.Kind.RESULT, owner, null, false);
    return new Type.Signature(r, params, results, variadic[0]);
  }

  private List<Symbol.Var> fields(List<Expr.Field> fs, Symbol.Var.Kind kind, Node owner, boolean[] variadic, boolean params) {
    List<Symbol.Var> out = new ArrayList<>();
    for (int i = 0; i < fs.size(); i++) {
      Expr.Field f = fs.get(i);
      Type t;
      if (f.type() instanceof Expr.Ellipsis el) {
        if (!params || i != fs.size() - 1 || f.names().size() > 1) {
          c.error(el, "can only use ... with final parameter in list");
          t = Types.INVALID;
        } else {
          t = new Type.Slice(typ(el.elem()));
          variadic[0] = true;
        }
      } else {
        t = typ(f.type());
      }
      if (f.names().isEmpty()) out.add(new Symbol.Var("", f.pos(), t, kind, owner, false));
      for (Expr.Ident n : f.names()) out.add(new Symbol.Var(n.name(), n.pos(), t, kind, owner, false));
    }
    return out;
  }

  private Type struct(Expr.StructType st) {
    List<Symbol.Var> fields = new ArrayList<>();
    java.util.Map<String, gol.compiler.ast.Pos> names = new java.util.HashMap<>();
    for (Expr.Field f : st.fields()) {
      Type t = typ(f.type());
      if (f.names().isEmpty()) {
        String name = embeddedName(f.type());
        Type base = t instanceof Type.Pointer p ? p.elem : t;
        if (t instanceof Type.Pointer && base.underlying() instanceof Type.Pointer) {
          c.error(f.type(), "embedded field type cannot be a pointer to an interface");
        }
        if (names.containsKey(name)) c.error(f.type(), name + " redeclared\n\t" + c.at(names.get(name)) + ": other declaration of " + name);
        else names.put(name, f.type().pos());
        fields.add(new Symbol.Var(name, f.pos(), t, Symbol.Var.Kind.FIELD, null, true));
        continue;
      }
      for (Expr.Ident n : f.names()) {
        if (!n.name().equals("_") && names.containsKey(n.name())) {
          c.error(n, n.name() + " redeclared\n\t" + c.at(names.get(n.name())) + ": other declaration of " + n.name());
        } else {
          names.put(n.name(), n.pos());
        }
        Symbol.Var v = new Symbol.Var(n.name(), n.pos(), t, Symbol.Var.Kind.FIELD, null, false);
        c.info.defs.put(n, v);
        fields.add(v);
      }
    }
    return new Type.Struct(fields);
  }

  private static String embeddedName(Expr e) {
    e = Expr.unparen(e);
    if (e instanceof Expr.Star s) e = Expr.unparen(s.x());
    if (e instanceof Expr.Selector sel) return sel.sel().name();
    if (e instanceof Expr.Ident id) return id.name();
    return "?";
  }

  private Type iface(Expr.InterfaceType it) {
    List<Symbol.Func> methods = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Expr.Field f : it.methods()) {
      if (f.names().isEmpty()) {
        Type t = typ(f.type());
        if (t == Types.INVALID) continue;
        if (t.underlying() == null) { c.error(f.type(), "invalid recursive type " + t); continue; }
        if (!(t.underlying() instanceof Type.Interface emb)) {
          c.error(f.type(), "cannot use " + t + " as interface (gol supports only method interfaces)");
          continue;
        }
        for (Symbol.Func m : emb.methods) {
          if (names.add(m.name)) methods.add(m);
          else {
            Symbol.Func other = methods.stream().filter(x -> x.name.equals(m.name)).findFirst().orElse(null);
            if (other != null && !Types.identical(other.type, m.type)) c.error(f.type(), "duplicate method " + m.name);
          }
        }
        continue;
      }
      Expr.Ident n = f.names().get(0);
      Type.Signature sig = signature(null, (Expr.FuncType) f.type(), null);
      Symbol.Func m = new Symbol.Func(n.name(), n.pos(), sig, null, null);
      c.info.defs.put(n, m);
      if (n.name().equals("_")) { c.error(n, "methods must have a unique non-blank name"); continue; }
      if (!names.add(n.name())) {
        Symbol.Func other = methods.stream().filter(x -> x.name.equals(n.name())).findFirst().orElse(null);
        c.error(n, "duplicate method " + n.name() + (other == null ? "" : "\n\t" + c.at(other.pos) + ": other declaration of " + n.name()));
        continue;
      }
      methods.add(m);
    }
    methods.sort(Comparator.comparing(m -> m.name));
    return new Type.Interface(methods);
  }

  /**
   * If t contains target by value (not through a pointer, slice, map, chan or func), the named
   * types on the way from t to target (empty if t contains target directly); else null.
   */
  List<Type.Named> cycle(Type t, Type.Named target) {
    List<Type.Named> path = new ArrayList<>();
    return contains(t, target, new HashSet<>(), path) ? path : null;
  }

  private boolean contains(Type t, Type.Named target, Set<Type> seen, List<Type.Named> path) {
    if (t == null) return false;
    if (t == target) return true;
    if (!seen.add(t)) return false;
    if (t instanceof Type.Named n) {
      path.add(n);
      if (contains(n.underlying(), target, seen, path)) return true;
      path.remove(path.size() - 1);
      return false;
    }
    if (t instanceof Type.Array a) return contains(a.elem, target, seen, path);
    if (t instanceof Type.Struct s) {
      for (Symbol.Var f : s.fields) if (contains(f.type, target, seen, path)) return true;
    }
    return false;
  }
}
