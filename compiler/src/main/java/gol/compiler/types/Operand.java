package gol.compiler.types;

import gol.compiler.ast.Expr;

/**
 * The checker's view of an evaluated expression: how it may be used ({@link M}), its type, its
 * constant value if any, and the expression itself (for messages). {@link #toString()} describes the
 * operand exactly as Go's messages do: {@code x (variable of type int)}, {@code 300 (untyped int
 * constant)}, {@code c (constant 1 of type T)}, {@code f() (no value)}.
 */
final class Operand {
  enum M { INVALID, NOVALUE, BUILTIN, TYPE, CONSTANT, VARIABLE, MAPINDEX, VALUE, COMMAOK }

  M mode;
  Type type;
  Constant val;
  Expr expr;
  /** For BUILTIN: the built-in's name. */
  String builtin;

  Operand(M mode, Type type, Constant val, Expr expr) {
    this.mode = mode; this.type = type; this.val = val; this.expr = expr;
  }

  static Operand invalid(Expr e) { return new Operand(M.INVALID, Types.INVALID, null, e); }

  boolean invalid() { return mode == M.INVALID; }
  boolean isConst() { return mode == M.CONSTANT; }
  boolean isNil() { return type == Types.UNTYPED_NIL; }
  boolean untyped() { return Types.isUntyped(type); }

  void setInvalid() { mode = M.INVALID; }

  Operand copy() {
    Operand o = new Operand(mode, type, val, expr);
    o.builtin = builtin;
    return o;
  }

  @Override public String toString() {
    if (type == Types.UNTYPED_NIL && mode == M.VALUE) return "nil";
    String e = expr != null ? ExprString.of(expr) : mode == M.CONSTANT && val != null ? Constants.toString(val) : "";
    StringBuilder sb = new StringBuilder();
    if (!e.isEmpty()) sb.append(e).append(" (");
    boolean hasType = false;
    switch (mode) {
      case INVALID: case NOVALUE: case BUILTIN: case TYPE: break;
      default:
        if (type != null) {
          if (Types.isUntyped(type)) { sb.append(type).append(' '); break; }
          hasType = true;
        }
    }
    sb.append(modeString());
    if (mode == M.CONSTANT && val != null) {
      String s = Constants.toString(val);
      if (!s.equals(e)) sb.append(' ').append(s);
    }
    if (hasType) {
      if (type != Types.INVALID) sb.append(" of type ").append(type);
      else sb.append(" with invalid type");
    }
    if (!e.isEmpty()) sb.append(')');
    return sb.toString();
  }

  private String modeString() {
    switch (mode) {
      case INVALID: return "invalid operand";
      case NOVALUE: return "no value";
      case BUILTIN: return "built-in";
      case TYPE: return "type";
      case CONSTANT: return "constant";
      case VARIABLE: return "variable";
      case MAPINDEX: return "map index expression";
      case COMMAOK: return "comma, ok expression";
      default: return "value";
    }
  }
}
