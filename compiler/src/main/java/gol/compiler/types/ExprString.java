package gol.compiler.types;

import gol.compiler.ast.Expr;
import java.util.List;

/**
 * Prints an expression the way Go's compiler quotes it in error messages: source-like, with binary
 * operators spaced, composite literal and function bodies shortened to {@code {…}}.
 */
final class ExprString {
  private ExprString() {}

  static String of(Expr e) {
    StringBuilder sb = new StringBuilder();
    write(sb, e);
    return sb.toString();
  }

  static void write(StringBuilder sb, Expr e) {
    if (e == null) return;
    if (e instanceof Expr.Ident id) { sb.append(id.name()); }
    else if (e instanceof Expr.BasicLit lit) { sb.append(lit.text()); }
    else if (e instanceof Expr.CompositeLit cl) {
        write(sb, cl.type());
        sb.append(cl.elems().isEmpty() ? "{}" : "{…}");
      }
    else if (e instanceof Expr.FuncLit fl) { write(sb, fl.type()); sb.append(" {…}"); }
    else if (e instanceof Expr.Paren p) { sb.append('('); write(sb, p.x()); sb.append(')'); }
    else if (e instanceof Expr.Selector s) { write(sb, s.x()); sb.append('.').append(s.sel().name()); }
    else if (e instanceof Expr.Index ix) { write(sb, ix.x()); sb.append('['); write(sb, ix.index()); sb.append(']'); }
    else if (e instanceof Expr.SliceExpr s) {
        write(sb, s.x());
        sb.append('[');
        write(sb, s.lo());
        sb.append(':');
        write(sb, s.hi());
        if (s.slice3()) { sb.append(':'); write(sb, s.max()); }
        sb.append(']');
      }
    else if (e instanceof Expr.TypeAssert ta) {
        write(sb, ta.x());
        sb.append(".(");
        if (ta.type() == null) sb.append("type"); else write(sb, ta.type());
        sb.append(')');
      }
    else if (e instanceof Expr.Call c) {
        write(sb, c.fun());
        sb.append('(');
        list(sb, c.args());
        if (c.ellipsis()) sb.append("...");
        sb.append(')');
      }
    else if (e instanceof Expr.Star s) { sb.append('*'); write(sb, s.x()); }
    else if (e instanceof Expr.Unary u) { sb.append(u.op().text); write(sb, u.x()); }
    else if (e instanceof Expr.Binary b) { write(sb, b.x()); sb.append(' ').append(b.op().text).append(' '); write(sb, b.y()); }
    else if (e instanceof Expr.KeyValue kv) { write(sb, kv.key()); sb.append(": "); write(sb, kv.value()); }
    else if (e instanceof Expr.ArrayType at) {
        sb.append('[');
        if (at.len() instanceof Expr.Ellipsis) sb.append("...");
        else write(sb, at.len());
        sb.append(']');
        write(sb, at.elem());
      }
    else if (e instanceof Expr.MapType mt) { sb.append("map["); write(sb, mt.key()); sb.append(']'); write(sb, mt.value()); }
    else if (e instanceof Expr.ChanType ct) {
        sb.append(ct.dir() == Expr.ChanDir.RECV ? "<-chan " : ct.dir() == Expr.ChanDir.SEND ? "chan<- " : "chan ");
        boolean paren = ct.dir() == Expr.ChanDir.BOTH && ct.elem() instanceof Expr.ChanType inner && inner.dir() == Expr.ChanDir.RECV;
        if (paren) sb.append('(');
        write(sb, ct.elem());
        if (paren) sb.append(')');
      }
    else if (e instanceof Expr.FuncType ft) {
        sb.append("func");
        signature(sb, ft);
      }
    else if (e instanceof Expr.StructType st) {
        sb.append("struct{");
        fields(sb, st.fields(), "; ");
        sb.append('}');
      }
    else if (e instanceof Expr.InterfaceType it) {
        sb.append("interface{");
        for (int i = 0; i < it.methods().size(); i++) {
          if (i > 0) sb.append("; ");
          Expr.Field f = it.methods().get(i);
          if (f.names().isEmpty()) write(sb, f.type());
          else { sb.append(f.names().get(0).name()); signature(sb, (Expr.FuncType) f.type()); }
        }
        sb.append('}');
      }
    else if (e instanceof Expr.Ellipsis el) { sb.append("..."); write(sb, el.elem()); }
  }

  private static void signature(StringBuilder sb, Expr.FuncType ft) {
    sb.append('(');
    fields(sb, ft.params(), ", ");
    sb.append(')');
    if (ft.results().isEmpty()) return;
    sb.append(' ');
    boolean paren = ft.results().size() > 1 || !ft.results().get(0).names().isEmpty();
    if (paren) sb.append('(');
    fields(sb, ft.results(), ", ");
    if (paren) sb.append(')');
  }

  private static void fields(StringBuilder sb, List<Expr.Field> fs, String sep) {
    for (int i = 0; i < fs.size(); i++) {
      if (i > 0) sb.append(sep);
      Expr.Field f = fs.get(i);
      for (int j = 0; j < f.names().size(); j++) {
        if (j > 0) sb.append(", ");
        sb.append(f.names().get(j).name());
      }
      if (!f.names().isEmpty()) sb.append(' ');
      write(sb, f.type());
    }
  }

  private static void list(StringBuilder sb, List<Expr> es) {
    for (int i = 0; i < es.size(); i++) {
      if (i > 0) sb.append(", ");
      write(sb, es.get(i));
    }
  }
}
