package gol.compiler.types;

import gol.compiler.Diagnostics;
import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import gol.compiler.ast.Node;
import gol.compiler.ast.Pos;
import gol.compiler.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type checker: consumes the AST of one {@code package main} file and produces {@link TypeInfo}
 * (start reading at {@link #check}). It reports Go 1.19's messages ({@code go build} wording) into
 * {@link Diagnostics}, keeps going after an error (an invalid operand has type
 * {@link Types#INVALID} and silences follow-on errors), and guarantees everything TypeInfo's javadoc
 * promises when no error was reported.
 *
 * <p>The work is split by concern, as go/types does; every part holds a reference to this object,
 * which owns the shared state (scopes, the current function, the output):
 * <ul>
 *   <li>this class: the package scope, out-of-order package-level declarations (resolved lazily on
 *       first use, with cycle detection), function bodies, initialization order and loops, unused
 *       imports;</li>
 *   <li>{@link TypeExprs}: type expressions and signatures;</li>
 *   <li>{@link Exprs}: operands (identifiers with captures, literals, index/slice, dereference,
 *       type assertions) and the recording of types; {@link CompositeLits}; {@link Operators}: unary
 *       and binary operators, shifts, comparisons, untyped conversion; {@link Calls}: calls,
 *       conversions, selectors and method expressions; {@link Builtins};</li>
 *   <li>{@link Constants} and {@link Literals}: exact constant values (go/constant's semantics);</li>
 *   <li>{@link Relations}: assignability, convertibility, interface satisfaction, comparability;
 *       {@link Lookup}: fields and methods through embedding;</li>
 *   <li>{@link Stmts} and {@link Assignments}: statements; {@link Flow}: labels, gotos and
 *       terminating statements;</li>
 *   <li>{@link Universe}, {@link Stdlib} (with {@link StdlibDecls}): predeclared and
 *       standard-library declarations;</li>
 *   <li>{@link Operand}, {@link ExprString}, {@link Scope}: the vocabulary shared by the above.</li>
 * </ul>
 *
 * <p>Error positions and texts follow {@code go build} (cmd/compile's types2 in Go 1.19), found by
 * compiling bad programs with real Go; tests/errors holds them, and the test suite compares.
 */
public final class Checker {

  /** Type-checks a file, reporting errors to diags. */
  public static TypeInfo check(Decl.File file, Diagnostics diags) {
    Checker c = new Checker(diags);
    c.checkFile(file);
    return c.info;
  }

  final Diagnostics diags;
  final TypeInfo info = new TypeInfo();
  final Scope pkgScope = new Scope(Universe.SCOPE, null);
  final Scope fileScope = new Scope(pkgScope, null);

  final TypeExprs types = new TypeExprs(this);
  final Exprs exprs = new Exprs(this);
  final Operators ops = new Operators(this);
  final Calls calls = new Calls(this);
  final Builtins builtins = new Builtins(this);
  final Relations rel = new Relations(this);
  final Lookup lookup = new Lookup(this);
  final Stmts stmts = new Stmts(this);

  // ---- the current context (saved and restored around lazily resolved declarations) ----
  /** The innermost scope. */
  Scope scope = fileScope;
  /** The function whose body is being checked, or null at package level. */
  FuncCtx fn;
  /** The value of iota in the const spec being checked, or null outside const declarations. */
  Constant iota;
  /** Package-level vars and funcs the declaration being checked refers to (for init order). */
  Set<Symbol> deps;

  /** One function (declaration or literal) being checked. */
  static final class FuncCtx {
    final Node node;
    final Type.Signature sig;
    final FuncCtx outer;
    final LinkedHashSet<Symbol.Var> captures = new LinkedHashSet<>();
    final List<Symbol.Var> locals = new ArrayList<>();
    FuncCtx(Node node, Type.Signature sig, FuncCtx outer) { this.node = node; this.sig = sig; this.outer = outer; }
  }

  // ---- package-level declarations ----
  enum State { UNRESOLVED, RESOLVING, DONE }

  /** A package-level const, var or type spec, or a func: resolved on first use. */
  static final class PkgDecl {
    final Decl.Spec spec; final Decl.Func func; final Decl.GenKind kind;
    /** For const specs: the spec supplying type and values (the previous one under implicit repetition). */
    Decl.ValueSpec constSrc;
    State state = State.UNRESOLVED;
    final Set<Symbol> deps = new LinkedHashSet<>();
    PkgDecl(Decl.Spec spec, Decl.Func func, Decl.GenKind kind) { this.spec = spec; this.func = func; this.kind = kind; }
  }

  private final Map<String, PkgDecl> pending = new HashMap<>();
  /** Where each user-defined type is declared (for cycle messages). */
  final Map<Type.Named, Pos> namedPos = new IdentityHashMap<>();
  private final Map<Node, PkgDecl> declOf = new IdentityHashMap<>();
  private final List<PkgDecl> varDecls = new ArrayList<>();
  private final Map<Symbol, PkgDecl> symDecl = new IdentityHashMap<>();
  private final List<Symbol.PkgName> imports = new ArrayList<>();

  private Checker(Diagnostics diags) { this.diags = diags; }

  void error(Pos pos, String msg) { diags.error(pos, msg); }

  void error(Node at, String msg) { diags.error(at.pos(), msg); }

  private void checkFile(Decl.File file) {
    if (file.pkgName() != null && !file.pkgName().name().equals("main")) {
      // gol builds programs only: one package main per file
      error(file.pkgName().pos(), "package " + file.pkgName().name() + " is not a main package");
    }
    for (Decl.Import imp : file.imports()) importDecl(imp);
    // go build stops at packages it cannot find, before compiling anything
    if (diags.hasErrors()) return;
    collect(file.decls());
    // Resolve every package-level declaration (in source order); each resolves what it uses first.
    for (Decl d : file.decls()) {
      if (d instanceof Decl.Gen g) for (Decl.Spec s : g.specs()) resolve(declOf.get(s));
      else if (d instanceof Decl.Func f) resolve(declOf.get(f));
    }
    for (Decl d : file.decls()) if (d instanceof Decl.Func f) funcBody(f);
    initOrder();
    for (Symbol.PkgName p : imports) {
      if (!p.used) error(p.pos, "imported and not used: " + Constants.quote(p.path)
          + (p.name.equals(lastPathElem(p.path)) ? "" : " as " + p.name));
    }
    Symbol m = pkgScope.lookupLocal("main");
    // Go's linker reports this, so only for a program that compiled otherwise
    if (!(m instanceof Symbol.Func) && !diags.hasErrors()) error(new Pos(1, 1), "function main is undeclared in the main package");
  }

  private static String lastPathElem(String path) { return path.substring(path.lastIndexOf('/') + 1); }

  private void importDecl(Decl.Import imp) {
    String path = Literals.string(imp.path().text()).value();
    Stdlib.Pkg pkg = Stdlib.get(path);
    String name = imp.name() != null ? imp.name().name() : pkg != null ? pkg.name() : lastPathElem(path);
    if (pkg == null) {
      error(imp.path().pos(), "package " + path + " is not in GOROOT (/usr/lib/go-1.19/src/" + path + ")");
      // declare the name anyway (as used) so that its uses are not reported again
      Symbol.PkgName p = new Symbol.PkgName(name, imp.pos(), path);
      p.used = true;
      fileScope.insert(p);
      return;
    }
    if (name.equals("_")) return;
    if (name.equals(".")) { error(imp.name().pos(), "dot imports are not supported by gol"); return; }
    Symbol.PkgName p = new Symbol.PkgName(name, imp.pos(), path);
    Symbol old = fileScope.insert(p);
    if (old != null) {
      error(imp.pos(), name + " redeclared in this block");
      return;
    }
    if (imp.name() != null) info.defs.put(imp.name(), p);
    imports.add(p);
  }

  /** Enters every package-level name into the package scope (consts are entered when resolved). */
  private void collect(List<Decl> decls) {
    for (Decl d : decls) {
      if (d instanceof Decl.Func f) {
        PkgDecl pd = new PkgDecl(null, f, null);
        declOf.put(f, pd);
        if (f.recv() != null) continue; // methods are attached to their receiver type when resolved
        if (f.name().name().equals("init") || f.name().name().equals("_")) {
          if (f.name().name().equals("init") && (!f.type().params().isEmpty() || !f.type().results().isEmpty()))
            error(f.name(), "func init must have no arguments and no return values");
          // each init (and blank) function is its own symbol, recorded but not in scope
          Symbol.Func fs = new Symbol.Func(f.name().name(), f.name().pos(), null, "main", f);
          info.defs.put(f.name(), fs);
          symDecl.put(fs, pd);
          continue;
        }
        if (f.name().name().equals("main") && (!f.type().params().isEmpty() || !f.type().results().isEmpty()))
          error(f.name(), "func main must have no arguments and no return values");
        Symbol.Func fs = new Symbol.Func(f.name().name(), f.name().pos(), null, "main", f);
        declare(f.name(), fs, pd);
        continue;
      }
      Decl.Gen g = (Decl.Gen) d;
      Decl.ValueSpec lastConst = null;
      for (Decl.Spec s : g.specs()) {
        PkgDecl pd = new PkgDecl(s, null, g.kind());
        declOf.put(s, pd);
        switch (g.kind()) {
          case CONST -> {
            Decl.ValueSpec vs = (Decl.ValueSpec) s;
            if (vs.type() != null || !vs.values().isEmpty()) lastConst = vs;
            pd.constSrc = lastConst;
            for (Expr.Ident n : vs.names()) declare(n, null, pd);
          }
          case VAR -> {
            Decl.ValueSpec vs = (Decl.ValueSpec) s;
            varDecls.add(pd);
            for (Expr.Ident n : vs.names()) {
              declare(n, new Symbol.Var(n.name(), n.pos(), null, Symbol.Var.Kind.GLOBAL, null, false), pd);
            }
          }
          case TYPE -> {
            Decl.TypeSpec ts = (Decl.TypeSpec) s;
            Type t = ts.alias() ? null : new Type.Named("main", ts.name().name(), null);
            if (t != null) namedPos.put((Type.Named) t, ts.name().pos());
            declare(ts.name(), new Symbol.TypeName(ts.name().name(), ts.name().pos(), t), pd);
          }
        }
      }
    }
  }

  /** Declares a package-level name; sym is null for a const, whose symbol is made when resolved. */
  private void declare(Expr.Ident id, Symbol sym, PkgDecl pd) {
    if (id.name().equals("_")) {
      if (sym != null) symDecl.put(sym, pd);
      return;
    }
    if (pending.containsKey(id.name())) {
      PkgDecl other = pending.get(id.name());
      Symbol o = pkgScope.lookupLocal(id.name());
      redeclared(id, o != null ? o.pos : other.spec instanceof Decl.ValueSpec vs ? posOf(vs, id.name()) : id.pos());
      return;
    }
    if (id.name().equals("main") && !(sym instanceof Symbol.Func)) {
      error(id, "cannot declare main - must be func");
    }
    if (id.name().equals("init")) { error(id, "cannot declare init - must be func"); return; }
    if (sym != null) {
      pkgScope.insert(sym);
      info.defs.put(id, sym);
      symDecl.put(sym, pd);
    }
    pending.put(id.name(), pd);
  }

  /** "file:line:col" of a position, as Go's multi-line messages cite other declarations. */
  String at(Pos p) { return diags.file() + ":" + p.line() + ":" + p.col(); }

  /** Go's redeclaration error, which points at the other declaration on a second line. */
  void redeclared(Expr.Ident id, Pos other) {
    error(id, id.name() + " redeclared in this block\n\t" + diags.file() + ":" + other.line() + ":" + other.col()
        + ": other declaration of " + id.name());
  }

  private static Pos posOf(Decl.ValueSpec vs, String name) {
    for (Expr.Ident n : vs.names()) if (n.name().equals(name)) return n.pos();
    return vs.pos();
  }

  /** Looks a name up from the current scope, resolving a package-level declaration on first use. */
  Symbol lookup(String name) {
    for (Scope s = scope; s != null; s = s.parent) {
      if (s == pkgScope) {
        PkgDecl pd = pending.get(name);
        if (pd != null && pd.state != State.DONE) {
          if (pd.state == State.RESOLVING && pd.kind == Decl.GenKind.CONST && pkgScope.lookupLocal(name) == null) {
            resolve(pd); // reports the cycle
            return new Symbol.Const(name, Pos.NONE, Types.INVALID, Constants.of(0));
          }
          resolve(pd);
        }
      }
      Symbol sym = s.names.get(name);
      if (sym != null) return sym;
    }
    return null;
  }

  /** Records a use of a package-level var or func by the declaration being checked. */
  void noteDep(Symbol sym) {
    if (deps != null && symDecl.containsKey(sym)) deps.add(sym);
  }

  private void resolve(PkgDecl pd) {
    if (pd == null || pd.state == State.DONE) return;
    if (pd.state == State.RESOLVING) {
      // a var that depends on itself is reported by initOrder as an initialization loop
      if (pd.kind == Decl.GenKind.CONST) {
        Expr.Ident n = ((Decl.ValueSpec) pd.spec).names().get(0);
        error(n, "initialization cycle or invalid recursive reference to " + n.name());
      } else if (pd.kind == Decl.GenKind.TYPE && ((Decl.TypeSpec) pd.spec).alias()) {
        Decl.TypeSpec ts = (Decl.TypeSpec) pd.spec;
        error(ts.name(), "invalid recursive type " + ts.name().name());
      }
      return;
    }
    pd.state = State.RESOLVING;
    Scope savedScope = scope; FuncCtx savedFn = fn; Constant savedIota = iota; Set<Symbol> savedDeps = deps;
    scope = fileScope; fn = null; iota = null; deps = pd.deps;
    try {
      if (pd.func != null) funcDecl(pd.func);
      else if (pd.kind == Decl.GenKind.TYPE) typeSpec((Decl.TypeSpec) pd.spec, pkgScope);
      else if (pd.kind == Decl.GenKind.CONST) constSpec((Decl.ValueSpec) pd.spec, pd.constSrc, pkgScope);
      else varSpec((Decl.ValueSpec) pd.spec, Symbol.Var.Kind.GLOBAL);
    } finally {
      scope = savedScope; fn = savedFn; iota = savedIota; deps = savedDeps;
      pd.state = State.DONE;
    }
  }

  // ---- declarations shared by package and block level ----

  /** {@code type T U} or {@code type T = U}; the TypeName of a package-level T is already declared. */
  void typeSpec(Decl.TypeSpec ts, Scope where) {
    Symbol.TypeName tn;
    if (where == pkgScope) {
      Symbol s = ts.name().name().equals("_") ? null : pkgScope.lookupLocal(ts.name().name());
      tn = s instanceof Symbol.TypeName t && info.defs.get(ts.name()) == t ? t
          : new Symbol.TypeName(ts.name().name(), ts.name().pos(), ts.alias() ? null : new Type.Named("main", ts.name().name(), null));
    } else {
      tn = new Symbol.TypeName(ts.name().name(), ts.name().pos(), ts.alias() ? null : new Type.Named("main", ts.name().name(), null));
      if (tn.type != null) namedPos.put((Type.Named) tn.type, ts.name().pos());
      // a local type is in scope in its own declaration (type T struct{ next *T })
      declareLocal(ts.name(), tn);
    }
    if (ts.alias()) {
      tn.type = types.typ(ts.type());
      return;
    }
    Type.Named named = (Type.Named) tn.type;
    Type u = types.typ(ts.type());
    Type under = u.underlying();
    if (under == null) {
      error(ts.name(), "invalid recursive type " + ts.name().name());
      under = Types.INVALID;
    }
    named.setUnderlying(under);
    List<Type.Named> cycle = types.cycle(under, named);
    if (cycle != null) {
      // Go lists the cycle: "T refers to / U refers to / T", each with its declaration
      StringBuilder sb = new StringBuilder("invalid recursive type " + ts.name().name());
      List<Type.Named> all = new ArrayList<>();
      all.add(named);
      all.addAll(cycle);
      all.add(named);
      for (int i = 0; i < all.size(); i++) {
        Pos p = namedPos.getOrDefault(all.get(i), ts.name().pos());
        sb.append("\n\t").append(diags.file()).append(':').append(p.line()).append(':').append(p.col()).append(": ")
            .append(all.get(i).name).append(i < all.size() - 1 ? " refers to" : "");
      }
      error(ts.name(), sb.toString());
      named.setUnderlying(Types.INVALID);
    }
  }

  /**
   * {@code const names [type] = values} with iota set to the spec's index; src is the spec that
   * supplies type and values (itself, or the last one with values under implicit repetition).
   */
  void constSpec(Decl.ValueSpec vs, Decl.ValueSpec src, Scope where) {
    Constant savedIota = iota;
    iota = Constants.of(vs.iota());
    try {
      List<Symbol.Const> made = new ArrayList<>();
      Type typ = src != null && src.type() != null ? types.typ(src.type()) : null;
      if (typ != null && !(typ.underlying() instanceof Type.Basic) && typ != Types.INVALID) {
        error(src.type(), "invalid constant type " + typ);
        typ = Types.INVALID;
      }
      List<Expr> values = src == null ? List.of() : src.values();
      for (int i = 0; i < vs.names().size(); i++) {
        Expr.Ident n = vs.names().get(i);
        Operand x;
        if (i < values.size()) {
          Expr e = values.get(i);
          // under implicit repetition the same expression is checked again with a new iota:
          // record only the original occurrence (its types are those of the first spec)
          boolean repeated = src != vs;
          x = repeated ? exprs.withoutRecording(() -> exprs.expr(e)) : exprs.expr(e);
          if (!x.invalid() && !x.isConst()) {
            error(e, ExprString.of(e) + " (" + describeValue(x) + ") is not constant");
            x.setInvalid();
          }
          if (!x.invalid() && typ != null) rel.assignment(x, typ, "constant declaration");
          else if (!x.invalid() && !repeated) exprs.recordFinal(x);
        } else {
          if (i == values.size()) error(n, "missing init expr for " + n.name());
          x = Operand.invalid(n);
        }
        Symbol.Const c = new Symbol.Const(n.name(), n.pos(), x.invalid() ? Types.INVALID : x.type,
            x.invalid() ? Constants.of(0) : x.val);
        made.add(c);
        if (!n.name().equals("_")) info.defs.put(n, c);
      }
      if (values.size() > vs.names().size()) {
        if (vs == src) error(values.get(vs.names().size()), "extra init expr " + ExprString.of(values.get(vs.names().size())));
        else error(vs.names().get(0), "extra init expr at " + values.get(vs.names().size()).pos());
      }
      for (int i = 0; i < made.size(); i++) {
        Expr.Ident n = vs.names().get(i);
        if (n.name().equals("_")) continue;
        if (where == pkgScope) pkgScope.insert(made.get(i));
        else declareLocal(n, made.get(i));
      }
    } finally {
      iota = savedIota;
    }
  }

  private static String describeValue(Operand x) {
    String s = x.toString();
    int p = s.indexOf(" (");
    return p >= 0 ? s.substring(p + 2, s.length() - 1) : s;
  }

  /**
   * {@code var names [type] [= values]} at package level (symbols already declared) or in a block
   * (symbols declared after the initializers are checked, as Go's scoping requires).
   */
  void varSpec(Decl.ValueSpec vs, Symbol.Var.Kind kind) {
    List<Symbol.Var> vars = new ArrayList<>();
    for (Expr.Ident n : vs.names()) {
      Symbol.Var v;
      if (kind == Symbol.Var.Kind.GLOBAL && info.defs.get(n) instanceof Symbol.Var g) v = g;
      else v = new Symbol.Var(n.name(), n.pos(), null, kind, fn == null ? null : fn.node, false);
      vars.add(v);
    }
    Type typ = vs.type() != null ? types.typ(vs.type()) : null;
    if (typ != null) for (Symbol.Var v : vars) v.type = typ;
    stmts.initVars(vars, vs.values(), typ, vs.pos());
    if (kind != Symbol.Var.Kind.GLOBAL) {
      for (int i = 0; i < vars.size(); i++) declareLocal(vs.names().get(i), vars.get(i));
    }
  }

  /** Declares a block-level name in the current scope, reporting redeclaration. */
  void declareLocal(Expr.Ident id, Symbol sym) {
    if (id.name().equals("_")) return;
    info.defs.put(id, sym);
    Symbol old = scope.insert(sym);
    if (old != null) {
      redeclared(id, old.pos);
      return;
    }
    if (sym instanceof Symbol.Var v && fn != null && v.kind == Symbol.Var.Kind.LOCAL) fn.locals.add(v);
  }

  // ---- functions ----

  /** Resolves a function's signature; for a method, attaches it to its receiver's base type. */
  private void funcDecl(Decl.Func f) {
    Type.Signature sig = types.signature(f.recv(), f.type(), f);
    if (f.recv() == null) {
      if (info.defs.get(f.name()) instanceof Symbol.Func fs) fs.type = sig;
      else if (!f.name().name().equals("_") && !f.name().name().equals("init")) {
        // a redeclared function: still check it
      }
      if (f.body() == null) error(f.name(), "missing function body");
      return;
    }
    Symbol.Func m = new Symbol.Func(f.name().name(), f.name().pos(), sig, "main", f);
    if (!f.name().name().equals("_")) info.defs.put(f.name(), m);
    Type rt = sig.recv == null ? Types.INVALID : sig.recv.type;
    if (rt instanceof Type.Pointer p) rt = p.elem;
    if (rt instanceof Type.Named named && "main".equals(named.pkg)) {
      if (named.underlying() instanceof Type.Pointer || named.underlying() instanceof Type.Interface) {
        // Go reports this at the receiver (its name, if it has one)
        Node at = f.recv().names().isEmpty() ? f.recv().type() : f.recv().names().get(0);
        error(at, "invalid receiver type " + named + " (pointer or interface type)");
        return;
      }
      for (Symbol.Func old : named.methods) {
        if (old.name.equals(m.name) && !m.name.equals("_")) {
          error(f.name(), named.name + "." + m.name + " redeclared in this block\n\t" + diags.file() + ":"
              + old.pos.line() + ":" + old.pos.col() + ": other declaration of " + m.name);
          return;
        }
      }
      if (named.underlying() instanceof Type.Struct st) {
        for (Symbol.Var fld : st.fields) {
          if (fld.name.equals(m.name)) {
            error(f.name(), "field and method with the same name " + m.name + "\n\t" + at(fld.pos) + ": other declaration of " + m.name);
            return;
          }
        }
      }
      if (!m.name.equals("_")) named.methods.add(m);
    } else if (rt != Types.INVALID) {
      error(f.recv().type(), "cannot define new methods on non-local type " + rt);
    }
    if (f.body() == null) error(f.name(), "missing function body");
  }

  /** Checks a function declaration's body (parameters in the function's outermost scope). */
  private void funcBody(Decl.Func f) {
    if (f.body() == null) return;
    PkgDecl pd = declOf.get(f);
    Type.Signature sig = sigOf(f);
    if (sig == null) return;
    Set<Symbol> savedDeps = deps;
    deps = pd.deps;
    try {
      stmts.funcBody(f, sig, f.type(), f.recv(), f.body());
    } finally {
      deps = savedDeps;
    }
  }

  private Type.Signature sigOf(Decl.Func f) {
    Symbol s = info.defs.get(f.name());
    if (s instanceof Symbol.Func fs && fs.decl == f) return fs.sig();
    // init, _ and redeclared functions are not in defs: resolve their signature again
    return types.signature(f.recv(), f.type(), f);
  }

  // ---- initialization order ----

  private void initOrder() { InitOrder.compute(this, varDecls, symDecl); }

  /** The statements of the function being checked use this to find labels etc. */
  static List<Stmt> bodyOf(Stmt.Block b) { return b == null ? List.of() : b.stmts(); }
}
