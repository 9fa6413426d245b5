package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

import gol.compiler.ast.Expr;
import gol.compiler.ast.Expr.*;
import gol.compiler.ast.Op;
import gol.compiler.types.Constant;
import gol.compiler.types.Type;
import gol.compiler.types.Types;
import org.objectweb.asm.Label;

/**
 * Compiles Go's operators on the JVM kinds of {@link JKind}: unary and binary arithmetic (integers
 * wrapped to their type's range, float32 and complex64 rounded after each operation, complex values
 * through gol.runtime.Complex), shifts, and comparisons and boolean conditions as conditional jumps
 * (strings, arrays, structs, pointers and interfaces compared with Go's rules).
 */
abstract class OperatorGen extends ExprGen {
  OperatorGen(ProgramGen prog, FuncGen.Fn fn, boolean resumeCopy) { super(prog, fn, resumeCopy); }

  @Override void unary(Unary u) {
    Type t = typeOf(u);
    switch (u.op()) {
      case ADD: expr(u.x()); return;
      case SUB:
        expr(u.x());
        if (JvmTypes.isComplex(t)) { complexOp("neg", "(L" + JvmTypes.COMPLEX + ";)L" + JvmTypes.COMPLEX + ";", t); return; }
        if (JvmTypes.kind(t) == JKind.D) { mv.visitInsn(DNEG); roundFloat(t); }
        else { mv.visitInsn(LNEG); normalize(t); }
        return;
      case XOR:
        expr(u.x());
        mv.visitLdcInsn(-1L);
        mv.visitInsn(LXOR);
        normalize(t);
        return;
      case NOT:
        expr(u.x());
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IXOR);
        return;
      case ARROW:
        recv(u);
        return;
      case AND: {
        Type xt = typeOf(u.x());
        if (JvmTypes.isStruct(xt) || JvmTypes.libClass(xt) != null) {   // &v of a struct: the struct's own object
          expr(u.x());
          return;
        }
        addressOf(u.x());
        return;
      }
      default:
        throw new Unsupported(u.pos(), "operator " + u.op().text);
    }
  }

  @Override void binary(Binary b) {
    Op op = b.op();
    if (op.prec == 3 || op == Op.LAND || op == Op.LOR) {   // comparisons and logic: produce 0/1
      Label f = new Label(), end = new Label();
      cond(b, f);
      mv.visitInsn(ICONST_1);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(f);
      mv.visitInsn(ICONST_0);
      mv.visitLabel(end);
      return;
    }
    Type t = typeOf(b);
    if (op == Op.SHL || op == Op.SHR) { shift(b, t); return; }
    expr(b.x());
    expr(b.y());
    arith(op, t, b.y());
  }

  /** Applies op to the two operands on the stack (both of type t). */
  void arith(Op op, Type t, Expr divisor) {
    JKind k = JvmTypes.kind(t);
    if (JvmTypes.isString(t)) {
      if (op != Op.ADD) throw new IllegalStateException("string op " + op);
      mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.STRING, "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
      return;
    }
    if (JvmTypes.isComplex(t)) {
      String name;
      switch (op) {
        case ADD: name = "add"; break;
        case SUB: name = "sub"; break;
        case MUL: name = "mul"; break;
        case QUO: name = "div"; break;
        default: throw new IllegalStateException("complex op " + op);
      }
      complexOp(name, "(L" + JvmTypes.COMPLEX + ";L" + JvmTypes.COMPLEX + ";)L" + JvmTypes.COMPLEX + ";", t);
      return;
    }
    if (k == JKind.D) {
      switch (op) {
        case ADD: mv.visitInsn(DADD); break;
        case SUB: mv.visitInsn(DSUB); break;
        case MUL: mv.visitInsn(DMUL); break;
        case QUO: mv.visitInsn(DDIV); break;
        default: throw new IllegalStateException("float op " + op);
      }
      roundFloat(t);
      return;
    }
    boolean unsigned64 = isUnsigned64(t);
    switch (op) {
      case ADD: mv.visitInsn(LADD); break;
      case SUB: mv.visitInsn(LSUB); break;
      case MUL: mv.visitInsn(LMUL); break;
      case QUO: case REM: {
        Constant c = divisor == null ? null : info.constOf(divisor);
        boolean safe = c instanceof Constant.Int ci && ci.value().signum() != 0 && !unsigned64;
        if (safe) mv.visitInsn(op == Op.QUO ? LDIV : LREM);
        else {
          String name = (unsigned64 ? "u" : "") + (op == Op.QUO ? "div" : "rem");
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Ops", name, "(JJ)J", false);
        }
        break;
      }
      case AND: mv.visitInsn(LAND); break;
      case OR: mv.visitInsn(LOR); break;
      case XOR: mv.visitInsn(LXOR); break;
      case AND_NOT: mv.visitLdcInsn(-1L); mv.visitInsn(LXOR); mv.visitInsn(LAND); break;
      default: throw new IllegalStateException("int op " + op);
    }
    normalize(t);
  }

  private void shift(Binary b, Type t) {
    expr(b.x());
    Constant c = info.constOf(b.y());
    boolean unsigned = Types.kindOf(t) != null && Types.kindOf(t).isUnsigned();
    if (c instanceof Constant.Int ci && ci.value().signum() >= 0 && ci.value().compareTo(java.math.BigInteger.valueOf(63)) <= 0) {
      mv.visitLdcInsn(ci.value().intValue());
      mv.visitInsn(b.op() == Op.SHL ? LSHL : unsigned ? LUSHR : LSHR);
    } else {
      expr(b.y());
      if (JvmTypes.kind(typeOf(b.y())) != JKind.J) throw new IllegalStateException("shift count kind");
      String name = b.op() == Op.SHL ? "shl" : unsigned ? "ushr" : "shr";
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Ops", name, "(JJ)J", false);
    }
    normalize(t);
  }

  static boolean isUnsigned64(Type t) {
    Type.Kind k = Types.kindOf(t);
    return k == Type.Kind.UINT || k == Type.Kind.UINT64 || k == Type.Kind.UINTPTR;
  }

  /** Wraps the long on the stack to the range of integer type t (Go's wrap-around). */
  void normalize(Type t) {
    Type.Kind k = Types.kindOf(t);
    if (k == null) return;
    switch (k) {
      case INT8: mv.visitInsn(L2I); mv.visitInsn(I2B); mv.visitInsn(I2L); break;
      case INT16: mv.visitInsn(L2I); mv.visitInsn(I2S); mv.visitInsn(I2L); break;
      case INT32: case UNTYPED_RUNE: mv.visitInsn(L2I); mv.visitInsn(I2L); break;
      case UINT8: mv.visitLdcInsn(0xffL); mv.visitInsn(LAND); break;
      case UINT16: mv.visitLdcInsn(0xffffL); mv.visitInsn(LAND); break;
      case UINT32: mv.visitLdcInsn(0xffffffffL); mv.visitInsn(LAND); break;
      default: break;
    }
  }

  /** Calls the gol.runtime.Complex operation name on the operands on the stack; complex64 results are rounded. */
  private void complexOp(String name, String desc, Type t) {
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.COMPLEX, name, desc, false);
    roundComplex(t);
  }

  /** Rounds the parts of the complex value on the stack to float32 when t is complex64. */
  void roundComplex(Type t) {
    if (JvmTypes.isComplex64(t)) {
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.COMPLEX, "round64", "(L" + JvmTypes.COMPLEX + ";)L" + JvmTypes.COMPLEX + ";", false);
    }
  }

  /** Rounds the double on the stack to float32 when t is float32. */
  void roundFloat(Type t) {
    if (Types.kindOf(t) == Type.Kind.FLOAT32) { mv.visitInsn(D2F); mv.visitInsn(F2D); }
  }

  /** Jumps to ifFalse when the boolean expression e is false; falls through when true. */
  void cond(Expr e, Label ifFalse) {
    if (lifted.containsKey(e) || info.constOf(e) != null) { expr(e); mv.visitJumpInsn(IFEQ, ifFalse); return; }
    if (e instanceof Paren p) { cond(p.x(), ifFalse); return; }
    if (e instanceof Unary u && u.op() == Op.NOT) {
      Label t = new Label();
      cond(u.x(), t);
      mv.visitJumpInsn(GOTO, ifFalse);
      mv.visitLabel(t);
      return;
    }
    if (e instanceof Binary b) {
      if (b.op() == Op.LAND) { cond(b.x(), ifFalse); cond(b.y(), ifFalse); return; }
      if (b.op() == Op.LOR) {
        Label t = new Label(), f = new Label();
        cond(b.x(), f);
        mv.visitJumpInsn(GOTO, t);
        mv.visitLabel(f);
        cond(b.y(), ifFalse);
        mv.visitLabel(t);
        return;
      }
      if (b.op().prec == 3) { compare(b, ifFalse); return; }
    }
    expr(e);
    mv.visitJumpInsn(IFEQ, ifFalse);
  }

  private void compare(Binary b, Label ifFalse) {
    Type tx = typeOf(b.x()), ty = typeOf(b.y());
    Type t = operandType(tx, ty);
    exprAs(b.x(), t);
    exprAs(b.y(), t);
    compareJump(b.op(), t, ifFalse);
  }

  /** The type both operands of a comparison are evaluated as. */
  static Type operandType(Type tx, Type ty) {
    if (tx == null) return ty;
    if (ty == null) return tx;
    if (JvmTypes.isInterface(tx)) return tx;
    if (JvmTypes.isInterface(ty)) return ty;
    if (Types.isUntyped(tx) && !Types.isUntyped(ty)) return ty;
    if (Types.kindOf(tx) == Type.Kind.UNTYPED_NIL) return ty;
    return tx;
  }

  /** With two operands of type t on the stack: jumps to ifFalse unless {@code x op y}. */
  void compareJump(Op op, Type t, Label ifFalse) {
    JKind k = JvmTypes.kind(t);
    if (k == JKind.J) {
      if (isUnsigned64(t)) mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
      else mv.visitInsn(LCMP);
      mv.visitJumpInsn(inverseIf(op), ifFalse);
    } else if (k == JKind.D) {
      mv.visitInsn(op == Op.LSS || op == Op.LEQ ? DCMPG : DCMPL);
      mv.visitJumpInsn(inverseIf(op), ifFalse);
    } else if (k == JKind.Z) {
      mv.visitJumpInsn(op == Op.EQL ? IF_ICMPNE : IF_ICMPEQ, ifFalse);
    } else if (JvmTypes.isString(t)) {
      if (op == Op.EQL || op == Op.NEQ) {
        mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.STRING, "equals", "(Ljava/lang/Object;)Z", false);
        mv.visitJumpInsn(op == Op.EQL ? IFEQ : IFNE, ifFalse);
      } else {
        mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.STRING, "compareTo", "(Ljava/lang/String;)I", false);
        mv.visitJumpInsn(inverseIf(op), ifFalse);
      }
    } else if (JvmTypes.isComplex(t)) {
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.COMPLEX, "eq", "(L" + JvmTypes.COMPLEX + ";L" + JvmTypes.COMPLEX + ";)Z", false);
      mv.visitJumpInsn(op == Op.EQL ? IFEQ : IFNE, ifFalse);
    } else if (JvmTypes.isArray(t)) {
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/ArrayOps", "equal", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
      mv.visitJumpInsn(op == Op.EQL ? IFEQ : IFNE, ifFalse);
    } else if (JvmTypes.isInterface(t)) {   // Go's rules: dynamic types first, uncomparable ones panic
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Ops", "ifaceEq", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
      mv.visitJumpInsn(op == Op.EQL ? IFEQ : IFNE, ifFalse);
    } else if (JvmTypes.isStruct(t)
        || t.underlying() instanceof Type.Pointer p && !JvmTypes.isStruct(p.elem)) {   // views of one location are equal
      mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "equals", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
      mv.visitJumpInsn(op == Op.EQL ? IFEQ : IFNE, ifFalse);
    } else {
      mv.visitJumpInsn(op == Op.EQL ? IF_ACMPNE : IF_ACMPEQ, ifFalse);
    }
  }

  /** The IFxx (on an int compared with 0) that is taken when {@code op} does NOT hold. */
  private static int inverseIf(Op op) {
    switch (op) {
      case EQL: return IFNE;
      case NEQ: return IFEQ;
      case LSS: return IFGE;
      case LEQ: return IFGT;
      case GTR: return IFLE;
      case GEQ: return IFLT;
      default: throw new IllegalStateException("not a comparison: " + op);
    }
  }
}
