package gol.compiler.types;

import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code gol build --dump=types}: prints what the checker learned, one line per fact, sorted by
 * source position: each declared name with its kind and type, then each evaluated expression with
 * its mode, type and constant value, then the captures of each function literal and the
 * initialization order.
 */
public final class TypesDump {
  private TypesDump() {}

  public static String dump(Decl.File file, TypeInfo info) {
    StringBuilder sb = new StringBuilder();
    sb.append("== declarations\n");
    List<Map.Entry<Expr.Ident, Symbol>> defs = new ArrayList<>(info.defs.entrySet());
    defs.removeIf(e -> e.getValue() == null);
    defs.sort(Comparator.comparing(e -> e.getKey().pos()));
    for (Map.Entry<Expr.Ident, Symbol> e : defs) {
      Symbol s = e.getValue();
      sb.append(e.getKey().pos()).append(' ').append(kind(s)).append(' ').append(s.name);
      if (s.type != null) sb.append(' ').append(s.type);
      if (s instanceof Symbol.Const k) sb.append(" = ").append(Constants.toString(k.value));
      if (s instanceof Symbol.Var v && v.captured) sb.append(" (captured)");
      if (s instanceof Symbol.Var v && v.addressTaken) sb.append(" (address taken)");
      sb.append('\n');
    }
    sb.append("== expressions\n");
    List<Map.Entry<Expr, TypeInfo.TypeAndValue>> exprs = new ArrayList<>(info.types.entrySet());
    exprs.sort(Comparator.comparing((Map.Entry<Expr, TypeInfo.TypeAndValue> e) -> e.getKey().pos())
        .thenComparing(e -> -ExprString.of(e.getKey()).length()));
    for (Map.Entry<Expr, TypeInfo.TypeAndValue> e : exprs) {
      TypeInfo.TypeAndValue tv = e.getValue();
      sb.append(e.getKey().pos()).append(' ').append(ExprString.of(e.getKey())).append(" : ")
          .append(tv.mode().name().toLowerCase()).append(' ').append(tv.type());
      if (tv.value() != null) sb.append(" = ").append(Constants.toString(tv.value()));
      sb.append('\n');
    }
    if (!info.captures.isEmpty()) {
      sb.append("== captures\n");
      List<Map.Entry<Expr.FuncLit, List<Symbol.Var>>> caps = new ArrayList<>(info.captures.entrySet());
      caps.sort(Comparator.comparing(e -> e.getKey().pos()));
      for (Map.Entry<Expr.FuncLit, List<Symbol.Var>> e : caps) {
        sb.append(e.getKey().pos()).append(" func literal captures");
        for (Symbol.Var v : e.getValue()) sb.append(' ').append(v.name);
        sb.append('\n');
      }
    }
    if (!info.initOrder.isEmpty()) {
      sb.append("== initialization order\n");
      for (Decl d : info.initOrder) {
        for (Decl.Spec s : ((Decl.Gen) d).specs()) {
          sb.append(s.pos()).append(" var");
          for (Expr.Ident n : ((Decl.ValueSpec) s).names()) sb.append(' ').append(n.name());
          sb.append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static String kind(Symbol s) {
    if (s instanceof Symbol.Var v) return v.kind == Symbol.Var.Kind.FIELD ? "field" : v.kind.name().toLowerCase() + " var";
    if (s instanceof Symbol.Const) return "const";
    if (s instanceof Symbol.TypeName) return "type";
    if (s instanceof Symbol.Func f) return f.decl != null && f.decl.recv() != null ? "method" : "func";
    if (s instanceof Symbol.PkgName) return "package";
    return "object";
  }

}
