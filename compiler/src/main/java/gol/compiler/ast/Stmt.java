package gol.compiler.ast;

import java.util.List;

/** Statements. Optional children are {@code null} when absent; lists are never null. */
public sealed interface Stmt extends Node {

  /** {@code { stmts }}; {@code rbrace} is the closing brace (where "missing return" is reported). */
  record Block(Pos pos, List<Stmt> stmts, Pos rbrace) implements Stmt {}

  /** An expression used as a statement (a call or a receive). */
  record ExprStmt(Pos pos, Expr x) implements Stmt {}

  /** {@code ch <- value}. */
  record Send(Pos pos, Expr ch, Expr value) implements Stmt {}

  /** {@code x++} or {@code x--}. */
  record IncDec(Pos pos, Expr x, boolean inc) implements Stmt {}

  /** {@code lhs op rhs} with op one of {@code = := += -= ...}. {@code opPos} is the operator's position. */
  record Assign(Pos pos, List<Expr> lhs, Op op, List<Expr> rhs, Pos opPos) implements Stmt {}

  /** {@code go call}. */
  record Go(Pos pos, Expr.Call call) implements Stmt {}

  /** {@code defer call}. */
  record Defer(Pos pos, Expr.Call call) implements Stmt {}

  /** {@code return results}. */
  record Return(Pos pos, List<Expr> results) implements Stmt {}

  /** {@code break}, {@code continue}, {@code goto}, {@code fallthrough}, with an optional label. */
  record Branch(Pos pos, BranchKind kind, Expr.Ident label) implements Stmt {}

  enum BranchKind { BREAK, CONTINUE, GOTO, FALLTHROUGH }

  /** {@code if init; cond then else els}; els is an If, a Block or null. */
  record If(Pos pos, Stmt init, Expr cond, Block then, Stmt els) implements Stmt {}

  /** {@code case list:} or {@code default:} (list null) with its statements. */
  record CaseClause(Pos pos, List<Expr> list, List<Stmt> body) implements Node {}

  /** {@code switch init; tag { clauses }}; tag null for a switch without condition. */
  record Switch(Pos pos, Stmt init, Expr tag, List<CaseClause> clauses, Pos rbrace) implements Stmt {}

  /**
   * {@code switch init; x := y.(type) { clauses }}. {@code binding} is the {@code x} (null when absent);
   * {@code x} is the {@code y} being switched on. In clauses, list elements are types (or {@code nil}).
   */
  record TypeSwitch(Pos pos, Stmt init, Expr.Ident binding, Expr x, List<CaseClause> clauses, Pos rbrace)
      implements Stmt {}

  /**
   * {@code case comm:} or {@code default:} (comm null) of a select. comm is a {@link Send}, an
   * {@link ExprStmt} holding a receive, or an {@link Assign} whose single rhs is a receive.
   */
  record CommClause(Pos pos, Stmt comm, List<Stmt> body) {}

  /** {@code select { clauses }}. */
  record Select(Pos pos, List<CommClause> clauses) implements Stmt {}

  /** {@code for init; cond; post { body }}; each part may be null ({@code for {}} has all three null). */
  record For(Pos pos, Stmt init, Expr cond, Stmt post, Block body) implements Stmt {}

  /**
   * {@code for key, value := range x { body }} ({@code define} true) or with {@code =}; key and value
   * may be null ({@code for range x}).
   */
  record Range(Pos pos, Expr key, Expr value, boolean define, Expr x, Block body) implements Stmt {}

  /** {@code label: stmt}. */
  record Labeled(Pos pos, Expr.Ident label, Stmt stmt) implements Stmt {}

  /** A {@code const}, {@code var} or {@code type} declaration inside a function. */
  record DeclStmt(Pos pos, Decl.Gen decl) implements Stmt {}

  /** The empty statement (a lone {@code ;}). */
  record Empty(Pos pos) implements Stmt {}
}
