package gol.compiler.codegen;

import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import gol.compiler.ast.Node;
import gol.compiler.ast.Stmt;
import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import gol.compiler.types.TypeInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the set S of functions that may suspend (CONTINUATIONS.md §11.2): those with a channel
 * operation, a select, a loop (a preemption point at its back-edge), a call through a function value,
 * a call of a blocking library function, a call of a function in S, or a place in a recursive cycle
 * (recursion can run long without loops). Only functions in S get status checks after calls and a
 * resume copy; the rest compile to plain static methods.
 *
 * <p>Consumes the checked AST; produces {@link #maySuspend(Node)} for every function declaration
 * and function literal. Calls inside a function literal belong to the literal, not its encloser.
 */
final class SuspendAnalysis {
  private final TypeInfo info;
  /** Functions (Decl.Func or FuncLit) known to suspend. */
  private final Set<Node> s = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  /** Direct calls to top-level functions and methods, per function. */
  private final Map<Node, List<Decl.Func>> calls = new IdentityHashMap<>();
  private final List<Node> functions = new ArrayList<>();

  SuspendAnalysis(TypeInfo info) { this.info = info; }

  void analyze(Decl.File file) {
    for (Decl d : file.decls()) if (d instanceof Decl.Func f && f.body() != null) scan(f, f.body());
    // Package-level var initializers run at the start of main: scan them as part of main.
    for (Decl d : file.decls()) {
      if (d instanceof Decl.Gen g && g.kind() == Decl.GenKind.VAR) {
        Decl.Func main = findMain(file);
        for (Decl.Spec sp : g.specs()) {
          if (sp instanceof Decl.ValueSpec vs && main != null) {
            for (Expr e : vs.values()) scanExpr(main, e);
          }
        }
      }
    }
    // Functions on a call cycle (recursion) get preemption points too. This must come before the
    // propagation: their callers must check the status word after calling them, or a goroutine
    // preempted inside a recursion would lose the result (the caller would run on with a dummy).
    for (Node f : functions) if (!s.contains(f) && reaches(f, f, new HashSet<>())) s.add(f);
    // Propagate through calls until nothing changes.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Node f : functions) {
        if (s.contains(f)) continue;
        for (Decl.Func callee : calls.getOrDefault(f, List.of())) {
          if (s.contains(callee)) { s.add(f); changed = true; break; }
        }
      }
    }
  }

  private static Decl.Func findMain(Decl.File file) {
    for (Decl d : file.decls()) if (d instanceof Decl.Func f && f.recv() == null && f.name().name().equals("main")) return f;
    return null;
  }

  private boolean reaches(Node from, Node target, Set<Integer> seen) {
    for (Decl.Func c : calls.getOrDefault(from, List.of())) {
      if (c == target) return true;
      if (seen.add(System.identityHashCode(c)) && reaches(c, target, seen)) return true;
    }
    return false;
  }

  boolean maySuspend(Node fn) { return s.contains(fn); }

  private void scanExpr(Node owner, Expr e) {
    new Scan(owner).expr(e);
  }

  private void scan(Node owner, Stmt.Block body) {
    functions.add(owner);
    calls.putIfAbsent(owner, new ArrayList<>());
    new Scan(owner).walkBody(body);
  }

  /** Scans one function's own code. */
  private final class Scan extends Walker {
    final Node owner;

    Scan(Node owner) { this.owner = owner; calls.putIfAbsent(owner, new ArrayList<>()); }

    @Override protected void funcLit(Expr.FuncLit f) { scan(f, f.body()); }

    @Override protected void expr(Expr e) {
      if (e instanceof Expr.Unary u && u.op() == gol.compiler.ast.Op.ARROW) s.add(owner);
      if (e instanceof Expr.Call c) {
        switch (Calls.kind(c, info)) {
          case FUNC: case METHOD: {
            Symbol.Func f = Calls.callee(c, info);
            if (f.decl != null) calls.get(owner).add(f.decl);
            break;
          }
          case LIB_FUNC: case LIB_METHOD:
            if (Calls.isSuspendingLib(Calls.callee(c, info))) s.add(owner);
            break;
          case FUNC_VALUE:
            s.add(owner);
            break;
          case IFACE_METHOD:   // the same rule as ExprGen.callMaySuspend
            if (Calls.ifaceCallMaySuspend(c, info)) s.add(owner);
            break;
          default:
            break;
        }
      }
      walkExpr(e);
    }

    @Override protected void stmt(Stmt st) {
      if (st instanceof Stmt.Send || st instanceof Stmt.Select || st instanceof Stmt.For) s.add(owner);
      if (st instanceof Stmt.Range) s.add(owner);
      if (st instanceof Stmt.Branch b && b.kind() == Stmt.BranchKind.GOTO) s.add(owner);   // may loop
      walkStmt(st);
    }
  }

  /** True if the type is a channel type (used for range-over-channel and receive detection). */
  static boolean isChan(Type t) { return t != null && t.underlying() instanceof Type.Chan; }
}
