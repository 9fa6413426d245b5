package gol.compiler.types;

import gol.compiler.ast.Expr;
import gol.compiler.ast.Op;
import gol.compiler.ast.Pos;
import gol.compiler.types.Operand.M;
import gol.compiler.types.Type.Kind;
import java.math.BigInteger;

/**
 * Unary and binary operators (spec "Operators"): operand rules with Go's messages, implicit
 * conversion of untyped operands to the other operand's type, shifts (with the delayed typing of an
 * untyped left operand), comparisons yielding untyped bool, and exact constant folding with overflow
 * checks of typed results.
 */
final class Operators {
  private final Checker c;

  Operators(Checker c) { this.c = c; }

  // ---------------------------------------------------------------------------------------------
  // Untyped conversion

  /** Converts untyped x to target (Go's convertUntyped), reporting "cannot convert"/"overflows"/"truncated". */
  void convertUntyped(Operand x, Type target) {
    Relations.Implicit r = c.rel.implicit(x, target);
    if (!r.ok()) {
      invalidConversion(r.failure(), x, target.underlying());
      x.setInvalid();
      return;
    }
    c.rel.applyImplicit(x, r);
  }

  void invalidConversion(Constants.Failure code, Operand x, Type target) {
    String msg;
    if (code == Constants.Failure.TRUNCATED) msg = x + " truncated to " + target;
    else if (code == Constants.Failure.OVERFLOWS) msg = x + " overflows " + target;
    else msg = "cannot convert " + x + " to " + target;
    c.error(x.expr, msg);
  }

  // ---------------------------------------------------------------------------------------------
  // Unary

  Operand unary(Expr.Unary u) {
    if (u.op() == Op.AND) return addressOf(u);
    if (u.op() == Op.ARROW) return receive(u);
    Operand x = c.exprs.expr(u.x());
    if (x.invalid()) return Operand.invalid(u);
    Kind k = Types.kindOf(x.type);
    boolean ok = switch (u.op()) {
      case ADD, SUB -> k != null && k.isNumeric();
      case XOR -> k != null && k.isInteger();
      case NOT -> k != null && k.isBoolean();
      default -> false;
    };
    if (!ok) {
      c.error(x.expr, "invalid operation: operator " + u.op().text + " not defined on " + x);
      return Operand.invalid(u);
    }
    if (x.isConst()) {
      int bits = k.isUnsigned() ? k.bits() : 0;
      Constant v = Constants.unary(u.op(), x.val, bits);
      Operand r = new Operand(M.CONSTANT, x.type, v, u);
      overflow(r, u.pos());
      return r;
    }
    return new Operand(M.VALUE, x.type, null, u);
  }

  private Operand addressOf(Expr.Unary u) {
    Expr inner = Expr.unparen(u.x());
    if (inner instanceof Expr.CompositeLit) {
      Operand x = c.exprs.expr(u.x());
      if (x.invalid()) return Operand.invalid(u);
      return new Operand(M.VALUE, new Type.Pointer(x.type), null, u);
    }
    Operand x = c.exprs.expr(u.x());
    if (x.invalid()) return Operand.invalid(u);
    if (x.mode != M.VARIABLE) {
      c.error(x.expr, "invalid operation: cannot take address of " + x);
      return Operand.invalid(u);
    }
    Symbol.Var root = c.exprs.rootVar(u.x());
    if (root != null) root.addressTaken = true;
    return new Operand(M.VALUE, new Type.Pointer(x.type), null, u);
  }

  private Operand receive(Expr.Unary u) {
    Operand x = c.exprs.expr(u.x());
    if (x.invalid()) return Operand.invalid(u);
    if (!(x.type.underlying() instanceof Type.Chan ch)) {
      c.error(x.expr, "invalid operation: cannot receive from non-channel " + x);
      return Operand.invalid(u);
    }
    if (ch.dir == Type.Dir.SEND) {
      c.error(x.expr, "invalid operation: cannot receive from send-only channel " + x);
      return Operand.invalid(u);
    }
    return new Operand(M.COMMAOK, ch.elem, null, u);
  }

  // ---------------------------------------------------------------------------------------------
  // Binary

  Operand binary(Expr.Binary b) {
    Operand x = c.exprs.expr(b.x());
    Operand y = c.exprs.expr(b.y());
    return binary(b, b.op(), x, y, b.opPos());
  }

  /** {@code x op y} where e is the whole expression (null for an assignment operation x op= y). */
  Operand binary(Expr e, Op op, Operand x, Operand y, Pos opPos) {
    if (x.invalid() || y.invalid()) return Operand.invalid(e);
    if (op == Op.SHL || op == Op.SHR) return shift(e, op, x, y, opPos);
    matchTypes(x, y);
    if (x.invalid() || y.invalid()) return Operand.invalid(e);
    if (op.prec == 3) return comparison(e, op, x, y);
    if (!Types.identical(x.type, y.type)) {
      if (x.type != Types.INVALID && y.type != Types.INVALID) {
        c.error(x.expr, "invalid operation: " + (e != null ? ExprString.of(e) : ExprString.of(x.expr) + " " + op.text + "= " + ExprString.of(y.expr))
            + " (mismatched types " + x.type + " and " + y.type + ")");
      }
      return Operand.invalid(e);
    }
    Kind k = Types.kindOf(x.type);
    boolean ok = switch (op) {
      case ADD -> k != null && (k.isNumeric() || k.isString());
      case SUB, MUL, QUO -> k != null && k.isNumeric();
      case REM, AND, OR, XOR, AND_NOT -> k != null && k.isInteger();
      case LAND, LOR -> k != null && k.isBoolean();
      default -> false;
    };
    if (!ok) {
      c.error(x.expr, "invalid operation: operator " + op.text + " not defined on " + x);
      return Operand.invalid(e);
    }
    if ((op == Op.QUO || op == Op.REM) && (x.isConst() || k.isInteger()) && y.isConst() && Constants.isZero(y.val)) {
      c.error(y.expr, "invalid operation: division by zero");
      return Operand.invalid(e);
    }
    if (x.isConst() && y.isConst()) {
      Constant[] m = Constants.match(x.val, y.val);
      Constant v = Constants.binary(op, m[0], m[1], k.isInteger());
      Operand r = new Operand(M.CONSTANT, x.type, v, e != null ? e : x.expr);
      overflow(r, opPos);
      return r;
    }
    return new Operand(M.VALUE, x.type, null, e);
  }

  /** Converts an untyped operand to the type of the other one where Go allows it (matchTypes). */
  private void matchTypes(Operand x, Operand y) {
    if (mayConvert(x, y)) {
      convertUntyped(x, y.type);
      if (x.invalid()) return;
      convertUntyped(y, x.type);
      if (y.invalid()) x.setInvalid();
    }
  }

  private static boolean mayConvert(Operand x, Operand y) {
    if (!x.untyped() && !y.untyped()) return false;
    // an untyped operand converts to its default type when paired with an interface
    if (x.type.underlying() instanceof Type.Interface || y.type.underlying() instanceof Type.Interface) return true;
    if (isKind(x.type, true) != isKind(y.type, true)) return false;   // booleans only with booleans
    if (isKind(x.type, false) != isKind(y.type, false)) return false; // strings only with strings
    if (x.isNil()) return Relations.hasNil(y.type);
    if (y.isNil()) return Relations.hasNil(x.type);
    return true; // Go 1.19 then tries the conversion ("cannot convert 1 (untyped int constant) to *int")
  }

  private static boolean isKind(Type t, boolean bool) {
    Kind k = Types.kindOf(t);
    return k != null && (bool ? k.isBoolean() : k.isString());
  }

  /** Typed constant results must be representable in their type; untyped integers are bounded. */
  void overflow(Operand x, Pos opPos) {
    if (!x.untyped()) {
      Type.Basic b = (Type.Basic) x.type.underlying();
      Constants.Failure[] why = new Constants.Failure[1];
      Constant v = Constants.represent(x.val, b, why);
      if (v == null) {
        Constants.Failure code = b.kind.isInteger() && !Constants.isIntegral(x.val) ? Constants.Failure.TRUNCATED
            : b.kind.isNumeric() ? Constants.Failure.OVERFLOWS : Constants.Failure.MISMATCH;
        invalidConversion(code, x, b.kind == Kind.UINT8 && x.type == Types.BYTE ? Types.BYTE : x.type.underlying());
        x.setInvalid();
        return;
      }
      x.val = v;
      return;
    }
    if (x.val instanceof Constant.Int i && i.value().bitLength() > 512) {
      String op = opName(x.expr);
      c.error(opPos, "constant " + (op.isEmpty() ? "" : op + " ") + "overflow");
      x.setInvalid();
    }
  }

  private static String opName(Expr e) {
    if (e instanceof Expr.Binary b) {
      switch (b.op()) {
        case ADD: return "addition";
        case SUB: return "subtraction";
        case XOR: return "bitwise XOR";
        case MUL: return "multiplication";
        case SHL: return "shift";
        default: return "";
      }
    }
    return "";
  }

  // ---------------------------------------------------------------------------------------------
  // Comparisons

  private Operand comparison(Expr e, Op op, Operand x, Operand y) {
    Operand errOp = null;
    String cause = null;
    boolean ok = c.rel.assignableTo(x, y.type, null) || c.rel.assignableTo(y, x.type, null);
    if (!ok) {
      errOp = y;
      cause = "mismatched types " + x.type + " and " + y.type;
    } else if (op == Op.EQL || op == Op.NEQ) {
      if (x.isNil() || y.isNil()) {
        Type t = x.isNil() ? y.type : x.type;
        if (!Relations.hasNil(t) || x.isNil() && y.isNil()) errOp = y;
      } else if (!c.rel.comparable(x.type)) {
        errOp = x;
        cause = c.rel.incomparableCause(x.type);
      } else if (!c.rel.comparable(y.type)) {
        errOp = y;
        cause = c.rel.incomparableCause(y.type);
      }
    } else {
      if (!ordered(x.type)) errOp = x;
      else if (!ordered(y.type)) errOp = y;
    }
    if (errOp != null) {
      if (cause == null) cause = "operator " + op.text + " not defined on " + Relations.kindString(errOp.type);
      if (x.isNil() && y.isNil()) cause = "operator " + op.text + " not defined on nil";
      c.error(errOp.expr, "invalid operation: " + ExprString.of(x.expr) + " " + op.text + " " + ExprString.of(y.expr) + " (" + cause + ")");
      return Operand.invalid(e);
    }
    if (x.isConst() && y.isConst()) {
      Constant[] m = Constants.match(x.val, y.val);
      return new Operand(M.CONSTANT, Types.UNTYPED_BOOL, new Constant.Bool(Constants.compare(op, m[0], m[1])), e);
    }
    // the operands are materialized with their final (default) types
    if (x.untyped()) c.exprs.updateExprType(x.expr, Relations.defaultType(x.type), null);
    else c.exprs.recordFinal(x);
    if (y.untyped()) c.exprs.updateExprType(y.expr, Relations.defaultType(y.type), null);
    else c.exprs.recordFinal(y);
    return new Operand(M.VALUE, Types.UNTYPED_BOOL, null, e);
  }

  private static boolean ordered(Type t) {
    Kind k = Types.kindOf(t);
    return k != null && (k.isInteger() || k.isFloat() || k.isString());
  }

  // ---------------------------------------------------------------------------------------------
  // Shifts

  private Operand shift(Expr e, Op op, Operand x, Operand y, Pos opPos) {
    // the left operand must be an integer, or an untyped constant representable as one
    Kind xk = Types.kindOf(x.type);
    if (x.untyped() && x.isConst()) {
      if (!Constants.isIntegral(x.val)) {
        c.error(x.expr, "invalid operation: shifted operand " + x + " must be integer");
        return Operand.invalid(e);
      }
    } else if (xk == null || !xk.isInteger()) {
      c.error(x.expr, "invalid operation: shifted operand " + x + " must be integer");
      return Operand.invalid(e);
    }
    // the shift count must be an integer (an untyped constant must be a non-negative integer)
    if (y.isConst()) {
      boolean numeric = Types.kindOf(y.type).isNumeric();
      if (numeric && Constants.isIntegral(y.val) && Constants.toInt(y.val).value().signum() < 0) {
        c.error(y.expr, "invalid operation: negative shift count " + y);
        return Operand.invalid(e);
      }
      if (y.untyped()) {
        Relations.Implicit r = c.rel.implicit(y, Types.UINT);
        if (!r.ok()) {
          invalidConversion(r.failure(), y, Types.UINT);
          return Operand.invalid(e);
        }
      } else if (!Types.kindOf(y.type).isInteger()) {
        c.error(y.expr, "invalid operation: shift count " + y + " must be integer");
        return Operand.invalid(e);
      }
      if (Constants.toInt(y.val).value().signum() < 0) {
        c.error(y.expr, "invalid operation: negative shift count " + y);
        return Operand.invalid(e);
      }
      if (y.untyped()) {
        // an untyped constant count is converted to uint
        y.val = Constants.toInt(y.val);
        c.exprs.updateExprType(y.expr, Types.UINT, y.val);
        y.type = Types.UINT;
      }
    } else {
      Kind yk = Types.kindOf(y.type);
      if (y.untyped()) {
        convertUntyped(y, Types.UINT);
        if (y.invalid()) return Operand.invalid(e);
      } else if (yk == null || !yk.isInteger()) {
        c.error(y.expr, "invalid operation: shift count " + y + " must be integer");
        return Operand.invalid(e);
      }
    }
    if (x.isConst()) {
      if (y.isConst()) {
        BigInteger s = Constants.toInt(y.val).value();
        if (s.bitLength() > 31 || s.intValue() > 10000) {
          c.error(y.expr, "invalid shift count " + y);
          return Operand.invalid(e);
        }
        Type t = x.untyped() && (xk == Kind.UNTYPED_FLOAT || xk == Kind.UNTYPED_COMPLEX) ? Types.UNTYPED_INT : x.type;
        Operand r = new Operand(M.CONSTANT, t, Constants.shift(op, x.val, s.longValue()), e);
        overflow(r, opPos);
        return r;
      }
      if (x.untyped()) {
        // a non-constant shift of an untyped constant is an untyped value: the context gives it
        // its type later, and updateExprType passes that type down to the shifted constant
        return new Operand(M.VALUE, x.type, null, e);
      }
    }
    return new Operand(M.VALUE, x.type, null, e);
  }
}
