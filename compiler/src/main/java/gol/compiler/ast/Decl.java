package gol.compiler.ast;

import java.util.List;

/** Top-level (and local) declarations, and the source file itself. */
public sealed interface Decl extends Node {

  /**
   * {@code func (recv) name(params) results { body }}. recv is null for a plain function; body is null
   * for a declaration without a body (reported by the checker as {@code missing function body}).
   */
  record Func(Pos pos, Expr.Field recv, Expr.Ident name, Expr.FuncType type, Stmt.Block body) implements Decl {}

  /** {@code const (...)}, {@code var (...)}, {@code type (...)}; an ungrouped one has a single spec. */
  record Gen(Pos pos, GenKind kind, List<Spec> specs) implements Decl {}

  enum GenKind { CONST, VAR, TYPE }

  /** One spec of a Gen declaration. */
  sealed interface Spec extends Node {}

  /**
   * {@code names [type] [= values]}. For a const spec, {@code iota} is its index in the group, and an
   * empty {@code values} list means "repeat the previous spec's type and values" (Go's implicit
   * repetition); the checker implements it.
   */
  record ValueSpec(Pos pos, List<Expr.Ident> names, Expr type, List<Expr> values, int iota) implements Spec {}

  /** {@code type name T} or, when alias, {@code type name = T}. */
  record TypeSpec(Pos pos, Expr.Ident name, boolean alias, Expr type) implements Spec {}

  /** {@code import name "path"}; name is null for a plain import, "_" or "." for the special forms. */
  record Import(Pos pos, Expr.Ident name, Expr.BasicLit path) {}

  /** A whole source file. {@code path} is the file name as given on the command line. */
  record File(String path, Pos pos, Expr.Ident pkgName, List<Import> imports, List<Decl> decls) {}
}
