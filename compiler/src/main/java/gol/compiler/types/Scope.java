package gol.compiler.types;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lexical scope: the universe, the package, a file's imports, a function, or a block. Lookup walks
 * outward through {@link #parent}. Insertion order is kept so that reports (unused variables) come
 * out in declaration order.
 */
final class Scope {
  final Scope parent;
  /** The function (Decl.Func or Expr.FuncLit) whose body this scope belongs to; null outside functions. */
  final gol.compiler.ast.Node func;
  final Map<String, Symbol> names = new LinkedHashMap<>();

  Scope(Scope parent, gol.compiler.ast.Node func) { this.parent = parent; this.func = func; }

  /** Declares sym here; returns the symbol already declared under that name in this scope, or null. */
  Symbol insert(Symbol sym) {
    Symbol old = names.get(sym.name);
    if (old != null) return old;
    names.put(sym.name, sym);
    return null;
  }

  Symbol lookupLocal(String name) { return names.get(name); }

  /** Finds name in this scope or an enclosing one, or null. */
  Symbol lookup(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      Symbol sym = s.names.get(name);
      if (sym != null) return sym;
    }
    return null;
  }
}
