package gol.compiler.types;

import gol.compiler.ast.Expr;
import gol.compiler.types.Operand.M;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Composite literals (spec "Composite literals"): struct literals (keyed or positional), array,
 * slice and map literals with keys, {@code [...]T} lengths, and elided element types
 * ({@code [][]int{{1}}}, and {@code []*T{{...}}} meaning {@code &T{...}}: such an elided literal is
 * recorded with the pointer type).
 */
final class CompositeLits {
  private final Checker c;

  CompositeLits(Checker c) { this.c = c; }

  Operand compositeLit(Expr.CompositeLit e, Type hint) {
    Type typ;
    Type base;
    if (e.type() != null) {
      if (e.type() instanceof Expr.ArrayType at && at.len() instanceof Expr.Ellipsis) {
        Type elem = c.types.typ(at.elem());
        long n = elements(e, elem, -1);
        typ = new Type.Array(Math.max(n, 0), elem);
        return new Operand(M.VALUE, typ, null, e);
      }
      typ = c.types.typ(e.type());
      base = typ;
    } else if (hint != null) {
      typ = hint;
      base = hint.underlying() instanceof Type.Pointer p ? p.elem : hint;
    } else {
      c.error(e, "invalid composite literal type: missing type");
      return Operand.invalid(e);
    }
    if (typ == Types.INVALID) {
      // as Go: look at the values only (a key may be a field name of the unknown type)
      for (Expr.Element el : e.elems()) c.exprs.use(java.util.List.of(el.value()));
      return Operand.invalid(e);
    }
    Type u = base.underlying();
    if (u instanceof Type.Struct st) structLit(e, st, base);
    else if (u instanceof Type.Array a) elements(e, a.elem, a.len);
    else if (u instanceof Type.Slice s) elements(e, s.elem, -1);
    else if (u instanceof Type.Map m) mapLit(e, m);
    else {
      for (Expr.Element el : e.elems()) c.exprs.use(java.util.List.of(el.value()));
      c.error(e, "invalid composite literal type " + typ);
      return Operand.invalid(e);
    }
    return new Operand(M.VALUE, typ, null, e);
  }

  private void structLit(Expr.CompositeLit e, Type.Struct st, Type t) {
    if (e.elems().isEmpty()) return;
    if (e.elems().get(0).key() != null) {
      Set<String> seen = new HashSet<>();
      for (Expr.Element el : e.elems()) {
        if (el.key() == null) {
          c.error(el.value(), "mixture of field:value and value elements in struct literal");
          c.exprs.expr(el.value());
          continue;
        }
        if (!(el.key() instanceof Expr.Ident key)) {
          c.error(el.key(), "invalid field name " + ExprString.of(el.key()) + " in struct literal");
          c.exprs.expr(el.value());
          continue;
        }
        Symbol.Var field = null;
        for (Symbol.Var f : st.fields) if (f.name.equals(key.name())) field = f;
        if (field == null) {
          c.error(key, "unknown field '" + key.name() + "' in struct literal of type " + t);
          c.exprs.expr(el.value());
          continue;
        }
        c.info.uses.put(key, field);
        if (!seen.add(key.name())) {
          c.error(colonPos(key), "duplicate field name " + key.name() + " in struct literal");
          c.exprs.expr(el.value());
          continue;
        }
        Operand x = c.exprs.exprWithHint(el.value(), field.type);
        c.rel.assignment(x, field.type, "struct literal");
      }
      return;
    }
    int i = 0;
    for (Expr.Element el : e.elems()) {
      if (el.key() != null) {
        c.error(el.key(), "mixture of field:value and value elements in struct literal");
        c.exprs.expr(el.value());
        i++;
        continue;
      }
      Operand x = c.exprs.exprWithHint(el.value(), i < st.fields.size() ? st.fields.get(i).type : null);
      if (i >= st.fields.size()) {
        c.error(x.expr, "too many values in " + ExprString.of(e));
        return;
      }
      c.rel.assignment(x, st.fields.get(i).type, "struct literal");
      i++;
    }
    if (i < st.fields.size()) c.error(e.rbrace(), "too few values in " + ExprString.of(e));
  }

  /** Checks array or slice elements; returns the literal's length (max index + 1). */
  private long elements(Expr.CompositeLit e, Type elem, long length) {
    long index = 0, max = 0;
    Set<Long> seen = new HashSet<>();
    for (Expr.Element el : e.elems()) {
      boolean validIndex = false;
      if (el.key() != null) {
        Operand k = c.exprs.index(el.key(), length);
        if (k != null && k.isConst()) {
          index = Constants.toInt(k.val).value().longValue();
          validIndex = true;
        } else if (k != null) {
          c.error(el.key(), "index " + ExprString.of(el.key()) + " must be integer constant");
        }
      } else if (length >= 0 && index >= length) {
        c.error(el.value(), "index " + index + " is out of bounds (>= " + length + ")");
      } else {
        validIndex = true;
      }
      if (validIndex && !seen.add(index)) {
        c.error(el.key() != null ? colonPos(el.key()) : el.value().pos(), "duplicate index " + index + " in array or slice literal");
      }
      Operand x = c.exprs.exprWithHint(el.value(), elem);
      c.rel.assignment(x, elem, "array or slice literal");
      index++;
      max = Math.max(max, index);
    }
    return max;
  }

  /** Go reports a keyed element at its colon; the AST keeps only the key, so the colon is estimated. */
  static gol.compiler.ast.Pos colonPos(Expr key) {
    if (key instanceof Expr.BasicLit || key instanceof Expr.Ident) {
      return new gol.compiler.ast.Pos(key.pos().line(), key.pos().col() + ExprString.of(key).length());
    }
    return key.pos();
  }

  private void mapLit(Expr.CompositeLit e, Type.Map m) {
    Map<Object, Boolean> seen = new HashMap<>();
    for (Expr.Element el : e.elems()) {
      if (el.key() == null) {
        c.error(el.value(), "missing key in map literal");
        c.exprs.expr(el.value());
        continue;
      }
      Operand k = c.exprs.exprWithHint(el.key(), m.key);
      c.rel.assignment(k, m.key, "map literal");
      if (!k.invalid() && k.isConst() && !(m.key.underlying() instanceof Type.Interface)) {
        Object key = k.val instanceof Constant.Int i ? (Object) i.value() : k.val instanceof Constant.Float f
            && Constants.isIntegral(f) ? (Object) Constants.toInt(f).value() : k.val;
        if (seen.put(key, true) != null) {
          c.error(el.key(), "duplicate key " + ExprString.of(el.key()) + " in map literal");
        }
      }
      Operand v = c.exprs.exprWithHint(el.value(), m.elem);
      c.rel.assignment(v, m.elem, "map literal");
    }
  }
}
