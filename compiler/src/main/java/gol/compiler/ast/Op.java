package gol.compiler.ast;

/** Operators and assignment tokens, spelled as in Go. */
public enum Op {
  // binary, by Go's precedence: 5 = * / % << >> & &^, 4 = + - | ^, 3 = == != < <= > >=, 2 = &&, 1 = ||
  MUL("*", 5), QUO("/", 5), REM("%", 5), SHL("<<", 5), SHR(">>", 5), AND("&", 5), AND_NOT("&^", 5),
  ADD("+", 4), SUB("-", 4), OR("|", 4), XOR("^", 4),
  EQL("==", 3), NEQ("!=", 3), LSS("<", 3), LEQ("<=", 3), GTR(">", 3), GEQ(">=", 3),
  LAND("&&", 2), LOR("||", 1),
  // unary only (ADD SUB XOR AND are also unary: +x -x ^x &x)
  NOT("!", 0), ARROW("<-", 0),
  // assignment
  ASSIGN("=", 0), DEFINE(":=", 0),
  ADD_ASSIGN("+=", 0), SUB_ASSIGN("-=", 0), MUL_ASSIGN("*=", 0), QUO_ASSIGN("/=", 0), REM_ASSIGN("%=", 0),
  AND_ASSIGN("&=", 0), OR_ASSIGN("|=", 0), XOR_ASSIGN("^=", 0), SHL_ASSIGN("<<=", 0), SHR_ASSIGN(">>=", 0),
  AND_NOT_ASSIGN("&^=", 0);

  public final String text;
  /** Binary precedence (1..5), 0 for tokens that are not binary operators. */
  public final int prec;

  Op(String text, int prec) { this.text = text; this.prec = prec; }

  /** For an assignment operator like {@code +=}, the binary operator it applies ({@code +}); else null. */
  public Op binaryOfAssign() {
    switch (this) {
      case ADD_ASSIGN: return ADD; case SUB_ASSIGN: return SUB; case MUL_ASSIGN: return MUL;
      case QUO_ASSIGN: return QUO; case REM_ASSIGN: return REM; case AND_ASSIGN: return AND;
      case OR_ASSIGN: return OR; case XOR_ASSIGN: return XOR; case SHL_ASSIGN: return SHL;
      case SHR_ASSIGN: return SHR; case AND_NOT_ASSIGN: return AND_NOT;
      default: return null;
    }
  }

  public static Op ofText(String s) {
    for (Op op : values()) if (op.text.equals(s)) return op;
    throw new IllegalArgumentException("not an operator: " + s);
  }

  @Override public String toString() { return text; }
}
