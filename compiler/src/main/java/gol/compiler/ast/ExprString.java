package gol.compiler.ast;

import java.util.List;

/**
 * Prints an expression (or a simple statement) back in Go syntax, the way Go's compiler quotes source
 * in error messages: {@code x + y}, {@code f(a, b...)}, {@code []int}, {@code map[string]int}. Composite
 * literal elements and function literal bodies are abbreviated ({@code T{…}}, {@code func() {…}}).
 * Read-only; safe to call from any phase.
 */
public final class ExprString {
  private ExprString() {}

  public static String of(Expr x) {
    StringBuilder b = new StringBuilder();
    expr(b, x);
    return b.toString();
  }

  /** A simple statement: {@code x := 1}, {@code i++}, {@code ch <- v}, or an expression statement. */
  public static String of(Stmt s) {
    StringBuilder b = new StringBuilder();
    if (s instanceof Stmt.ExprStmt e) expr(b, e.x());
    else if (s instanceof Stmt.Assign a) { list(b, a.lhs()); b.append(' ').append(a.op().text).append(' '); list(b, a.rhs()); }
    else if (s instanceof Stmt.IncDec i) { expr(b, i.x()); b.append(i.inc() ? "++" : "--"); }
    else if (s instanceof Stmt.Send sd) { expr(b, sd.ch()); b.append(" <- "); expr(b, sd.value()); }
    else b.append(s.getClass().getSimpleName().toLowerCase()).append(" statement");
    return b.toString();
  }

  private static void list(StringBuilder b, List<Expr> xs) {
    for (int i = 0; i < xs.size(); i++) {
      if (i > 0) b.append(", ");
      expr(b, xs.get(i));
    }
  }

  private static void expr(StringBuilder b, Expr x) {
    if (x == null) return;
    if (x instanceof Expr.Ident i) b.append(i.name());
    else if (x instanceof Expr.BasicLit l) b.append(l.text());
    else if (x instanceof Expr.CompositeLit c) {
      expr(b, c.type());
      b.append(c.elems().isEmpty() ? "{}" : "{…}");
    } else if (x instanceof Expr.FuncLit f) { expr(b, f.type()); b.append(" {…}"); }
    else if (x instanceof Expr.Paren p) { b.append('('); expr(b, p.x()); b.append(')'); }
    else if (x instanceof Expr.Selector s) { expr(b, s.x()); b.append('.').append(s.sel().name()); }
    else if (x instanceof Expr.Index ix) { expr(b, ix.x()); b.append('['); expr(b, ix.index()); b.append(']'); }
    else if (x instanceof Expr.SliceExpr s) {
      expr(b, s.x()); b.append('['); expr(b, s.lo()); b.append(':'); expr(b, s.hi());
      if (s.slice3()) { b.append(':'); expr(b, s.max()); }
      b.append(']');
    } else if (x instanceof Expr.TypeAssert t) {
      expr(b, t.x()); b.append(".(");
      if (t.type() == null) b.append("type"); else expr(b, t.type());
      b.append(')');
    } else if (x instanceof Expr.Call c) {
      expr(b, c.fun()); b.append('('); list(b, c.args());
      if (c.ellipsis()) b.append("...");
      b.append(')');
    } else if (x instanceof Expr.Star s) { b.append('*'); expr(b, s.x()); }
    else if (x instanceof Expr.Unary u) { b.append(u.op().text); expr(b, u.x()); }
    else if (x instanceof Expr.Binary bin) {
      expr(b, bin.x()); b.append(' ').append(bin.op().text).append(' '); expr(b, bin.y());
    } else if (x instanceof Expr.KeyValue kv) { expr(b, kv.key()); b.append(": "); expr(b, kv.value()); }
    else if (x instanceof Expr.ArrayType a) { b.append('['); expr(b, a.len()); b.append(']'); expr(b, a.elem()); }
    else if (x instanceof Expr.MapType m) { b.append("map["); expr(b, m.key()); b.append(']'); expr(b, m.value()); }
    else if (x instanceof Expr.ChanType c) {
      b.append(c.dir() == Expr.ChanDir.RECV ? "<-chan " : c.dir() == Expr.ChanDir.SEND ? "chan<- " : "chan ");
      expr(b, c.elem());
    } else if (x instanceof Expr.FuncType f) { b.append("func"); signature(b, f); }
    else if (x instanceof Expr.StructType s) { b.append("struct{"); fields(b, s.fields(), "; "); b.append('}'); }
    else if (x instanceof Expr.InterfaceType t) {
      b.append("interface{");
      for (int i = 0; i < t.methods().size(); i++) {
        if (i > 0) b.append("; ");
        Expr.Field m = t.methods().get(i);
        if (m.names().isEmpty()) expr(b, m.type());
        else { b.append(m.names().get(0).name()); signature(b, (Expr.FuncType) m.type()); }
      }
      b.append('}');
    } else if (x instanceof Expr.Ellipsis e) { b.append("..."); expr(b, e.elem()); }
    else b.append(x);
  }

  private static void signature(StringBuilder b, Expr.FuncType f) {
    b.append('('); fields(b, f.params(), ", "); b.append(')');
    if (f.results().isEmpty()) return;
    b.append(' ');
    boolean paren = f.results().size() > 1 || !f.results().get(0).names().isEmpty();
    if (paren) b.append('(');
    fields(b, f.results(), ", ");
    if (paren) b.append(')');
  }

  private static void fields(StringBuilder b, List<Expr.Field> fs, String sep) {
    for (int i = 0; i < fs.size(); i++) {
      if (i > 0) b.append(sep);
      Expr.Field f = fs.get(i);
      for (int j = 0; j < f.names().size(); j++) b.append(j > 0 ? ", " : "").append(f.names().get(j).name());
      if (!f.names().isEmpty()) b.append(' ');
      expr(b, f.type());
      if (f.tag() != null) b.append(' ').append(f.tag().text());
    }
  }
}
