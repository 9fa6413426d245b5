package gol.compiler.types;

import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Initialization order of package-level variables (spec "Package initialization") and Go's
 * "initialization loop" errors. Dependencies were recorded by the checker while it checked each
 * declaration: the package-level vars and funcs a var's initializer or a function body refers to.
 * Produces {@link TypeInfo#initOrder}: one {@code Decl.Gen} per var spec, in the order Go
 * initializes them.
 */
final class InitOrder {
  private final Checker c;
  private final List<Checker.PkgDecl> varDecls;
  private final Map<Symbol, Checker.PkgDecl> symDecl;

  private InitOrder(Checker c, List<Checker.PkgDecl> varDecls, Map<Symbol, Checker.PkgDecl> symDecl) {
    this.c = c; this.varDecls = varDecls; this.symDecl = symDecl;
  }

  /**
   * Go's rule: repeatedly initialize the earliest var spec (in declaration order) that does not depend
   * on an uninitialized variable, where dependencies are followed through the functions a spec calls.
   */
  static void compute(Checker c, List<Checker.PkgDecl> varDecls, Map<Symbol, Checker.PkgDecl> symDecl) {
    new InitOrder(c, varDecls, symDecl).run();
  }

  private void run() {
    reportInitCycles();
    Map<Checker.PkgDecl, Set<Checker.PkgDecl>> varDeps = new LinkedHashMap<>();
    for (Checker.PkgDecl pd : varDecls) {
      Set<Checker.PkgDecl> out = new LinkedHashSet<>();
      Set<Symbol> seen = new HashSet<>();
      List<Symbol> work = new ArrayList<>(pd.deps);
      while (!work.isEmpty()) {
        Symbol s = work.remove(work.size() - 1);
        if (!seen.add(s)) continue;
        Checker.PkgDecl d = symDecl.get(s);
        if (d == null) continue;
        if (d.kind == Decl.GenKind.VAR) {
          if (d != pd) out.add(d);
        } else if (d.func != null) {
          work.addAll(d.deps);
        }
      }
      varDeps.put(pd, out);
    }
    Set<Checker.PkgDecl> done = new HashSet<>();
    while (done.size() < varDecls.size()) {
      Checker.PkgDecl next = null;
      for (Checker.PkgDecl pd : varDecls) {
        if (done.contains(pd)) continue;
        if (done.containsAll(varDeps.get(pd))) { next = pd; break; }
      }
      if (next == null) { // a cycle (reported): keep declaration order
        for (Checker.PkgDecl pd : varDecls) if (!done.contains(pd)) { next = pd; break; }
      }
      done.add(next);
      c.info.initOrder.add(new Decl.Gen(next.spec.pos(), Decl.GenKind.VAR, List.of(next.spec)));
    }
  }

  /**
   * Reports each cycle among package-level variables (through the functions they call) once, at
   * the first variable in source order that lies on it, as Go does:
   * "initialization loop for x / x refers to / f refers to / x".
   */
  private void reportInitCycles() {
    Set<Symbol> reported = new HashSet<>();
    for (Checker.PkgDecl pd : varDecls) {
      for (Expr.Ident n : ((Decl.ValueSpec) pd.spec).names()) {
        Symbol v = c.info.defs.get(n);
        if (v == null || reported.contains(v)) continue;
        List<Symbol> path = findPath(v, v, new HashSet<>());
        if (path == null) continue;
        // path lists the loop last step first (path[0] is v); Go prints from v around the loop
        StringBuilder sb = new StringBuilder("initialization loop for " + v.name);
        Symbol obj = v;
        for (int i = path.size() - 1; i >= 0; i--) {
          sb.append("\n\t").append(c.at(obj.pos)).append(": ").append(obj.name).append(" refers to");
          obj = path.get(i);
        }
        sb.append("\n\t").append(c.at(obj.pos)).append(": ").append(obj.name);
        c.error(n, sb.toString());
        reported.addAll(path);
        if (((Symbol.Var) v).type == null) ((Symbol.Var) v).type = Types.INVALID;
      }
    }
  }

  /** Go's findPath: a dependency path from 'from' to 'to', last step first, or null. */
  private List<Symbol> findPath(Symbol from, Symbol to, Set<Symbol> seen) {
    if (!seen.add(from)) return null;
    Checker.PkgDecl d = symDecl.get(from);
    if (d == null) return null;
    for (Symbol dep : d.deps) {
      if (dep == to) { List<Symbol> p = new ArrayList<>(); p.add(dep); return p; }
      List<Symbol> p = findPath(dep, to, seen);
      if (p != null) { p.add(dep); return p; }
    }
    return null;
  }
}
