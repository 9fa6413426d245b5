package gol.compiler.ast;

/**
 * Root of the abstract syntax tree. Nodes are immutable records and are compared by identity
 * wherever later phases attach facts to them (the checker's {@code TypeInfo} uses IdentityHashMaps,
 * never equals/hashCode, because two records with equal fields are still two different nodes).
 *
 * <p>The AST mirrors Go's go/ast closely: types are expressions (so {@code []int(x)} and
 * {@code make([]int, n)} parse without knowing what names mean), and the parser does no name
 * resolution. Families: {@link Expr} (including type expressions), {@link Stmt}, {@link Decl}.
 */
public interface Node {
  /** Position of the node's first token. */
  Pos pos();
}
