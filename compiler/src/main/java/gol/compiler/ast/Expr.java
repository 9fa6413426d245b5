package gol.compiler.ast;

import java.util.List;

/**
 * Expressions, including type expressions (as in go/ast). Every record's first component is the
 * position of its first token. Optional children are {@code null} when absent; lists are never null.
 */
public sealed interface Expr extends Node {

  /** An identifier use or definition: {@code x}, {@code int}, {@code _}. */
  record Ident(Pos pos, String name) implements Expr {}

  /** A literal. {@code text} is the exact source spelling (quotes, prefixes and underscores kept). */
  record BasicLit(Pos pos, LitKind kind, String text) implements Expr {}

  enum LitKind { INT, FLOAT, IMAG, CHAR, STRING }

  /**
   * {@code T{elems}}. {@code type} is null for an elided type inside an outer composite literal
   * ({@code [][]int{{1}, {2}}}). {@code rbrace} is the position of the closing brace.
   */
  record CompositeLit(Pos pos, Expr type, List<Element> elems, Pos rbrace) implements Expr {}

  /** One element of a composite literal: {@code key: value}, or just {@code value} (key null). */
  record Element(Pos pos, Expr key, Expr value) {}

  /** {@code func(params) results { body }}. */
  record FuncLit(Pos pos, FuncType type, Stmt.Block body) implements Expr {}

  /** {@code (x)}. Kept so that error messages and {@code --dump=ast} can show the source shape. */
  record Paren(Pos pos, Expr x) implements Expr {}

  /** {@code x.sel}: a package member, a field, or a method. */
  record Selector(Pos pos, Expr x, Ident sel) implements Expr {}

  /** {@code x[index]}. */
  record Index(Pos pos, Expr x, Expr index) implements Expr {}

  /** {@code x[lo:hi]} or {@code x[lo:hi:max]} (slice3 true). Absent bounds are null. */
  record SliceExpr(Pos pos, Expr x, Expr lo, Expr hi, Expr max, boolean slice3) implements Expr {}

  /** {@code x.(T)}; {@code type} is null for the {@code x.(type)} of a type switch. */
  record TypeAssert(Pos pos, Expr x, Expr type) implements Expr {}

  /**
   * {@code fun(args)}: a function or method call, a conversion {@code T(x)}, or a built-in call
   * ({@code len}, {@code make}, ...). Which one is decided by the checker. {@code ellipsis} is true
   * for {@code f(xs...)}. {@code rparen} is the closing parenthesis.
   */
  record Call(Pos pos, Expr fun, List<Expr> args, boolean ellipsis, Pos rparen) implements Expr {}

  /** {@code *x}: a pointer dereference, or a pointer type {@code *T} in type position. */
  record Star(Pos pos, Expr x) implements Expr {}

  /** {@code op x} for {@code + - ! ^ & <-}. */
  record Unary(Pos pos, Op op, Expr x) implements Expr {}

  /** {@code x op y}. {@code opPos} is the operator's position (Go reports binary errors there). */
  record Binary(Pos pos, Op op, Expr x, Expr y, Pos opPos) implements Expr {}

  /** {@code key: value} where it appears as an expression (only inside composite literals). */
  record KeyValue(Pos pos, Expr key, Expr value) implements Expr {}

  // ---- type expressions ----

  /** {@code [len]elem}; len is null for a slice type {@code []elem}, an {@link Ellipsis} for {@code [...]elem}. */
  record ArrayType(Pos pos, Expr len, Expr elem) implements Expr {}

  /** {@code map[key]value}. */
  record MapType(Pos pos, Expr key, Expr value) implements Expr {}

  /** {@code chan T}, {@code chan<- T}, {@code <-chan T}. */
  record ChanType(Pos pos, ChanDir dir, Expr elem) implements Expr {}

  enum ChanDir { BOTH, SEND, RECV }

  /** {@code func(params) results}. Parameter and result lists are lists of (possibly unnamed) fields. */
  record FuncType(Pos pos, List<Field> params, List<Field> results) implements Expr {}

  /** {@code struct { fields }}. */
  record StructType(Pos pos, List<Field> fields) implements Expr {}

  /**
   * {@code interface { methods }}. A method is a Field with one name and a FuncType; an embedded
   * interface (or type-set element) is a Field with no names.
   */
  record InterfaceType(Pos pos, List<Field> methods) implements Expr {}

  /** {@code ...elem} as the type of a final variadic parameter, or the length in {@code [...]T}. elem may be null there. */
  record Ellipsis(Pos pos, Expr elem) implements Expr {}

  /**
   * A field of a struct, a parameter, a result or an interface method. {@code names} is empty for an
   * unnamed parameter or an embedded field. {@code tag} is the struct tag literal or null.
   */
  record Field(Pos pos, List<Ident> names, Expr type, BasicLit tag) {}

  /** Unwraps parentheses. */
  static Expr unparen(Expr e) {
    while (e instanceof Paren p) e = p.x();
    return e;
  }
}
