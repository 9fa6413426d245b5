package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

import gol.compiler.ast.Expr;
import gol.compiler.ast.Expr.*;
import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import gol.compiler.types.Types;
import java.util.List;

/**
 * Compiles calls under gol's calling convention ({@code static R f(G g, params...)}, results as in
 * {@link gol.runtime.Tuple}), conversions, and the built-in functions.
 */
abstract class CallGen extends CompositeGen {
  CallGen(ProgramGen prog, FuncGen.Fn fn, boolean resumeCopy) { super(prog, fn, resumeCopy); }

  @Override void emitCall(Call c) {
    Calls.Kind kind = Calls.kind(c, info);
    switch (kind) {
      case CONVERSION: conversion(c.args().get(0), typeOf(c)); return;
      case BUILTIN: builtin(c); return;
      default: break;
    }
    boolean suspending = callMaySuspend(c);
    if (suspending && !evaluating && fn.maySuspend) throw new IllegalStateException("call that may suspend was not lifted at " + c.pos());
    Type.Signature sig;
    switch (kind) {
      case FUNC: {
        Symbol.Func f = Calls.callee(c, info);
        sig = f.sig();
        mv.visitVarInsn(ALOAD, 0);
        args(c, sig);
        mv.visitMethodInsn(INVOKESTATIC, prog.className, prog.jvmName(f), JvmTypes.methodDesc(sig), false);
        break;
      }
      case LIB_FUNC: {
        Symbol.Func f = Calls.callee(c, info);
        sig = f.sig();
        if (f.pkg.equals("errors") && f.name.equals("As")) { errorsAs(c); return; }
        String owner = "gol/runtime/lib/" + JvmTypes.libPackageClass(f.pkg);
        if (!ProgramGen.runtimeHas(owner, f.name, JvmTypes.methodDesc(sig))) throw new Unsupported(c.pos(), f.pkg + "." + f.name);
        mv.visitVarInsn(ALOAD, 0);
        args(c, sig);
        mv.visitMethodInsn(INVOKESTATIC, owner, f.name, JvmTypes.methodDesc(sig), false);
        break;
      }
      case LIB_METHOD: {
        Symbol.Func f = Calls.callee(c, info);
        sig = f.sig();
        Selector sel = (Selector) Expr.unparen(c.fun());
        String owner = JvmTypes.libClass(sig.recv.type);
        if (owner == null && sig.recv.type instanceof Type.Named n && n.pkg != null) {
          // a method of a library type that is not a struct (time.Duration): a static method
          // <Type>_<Method>(G, receiver, params...) of the package class
          mv.visitVarInsn(ALOAD, 0);
          expr(sel.x());
          args(c, sig);
          String d = JvmTypes.methodDesc(sig);
          d = "(" + JvmTypes.G_DESC + JvmTypes.desc(n) + d.substring(JvmTypes.G_DESC.length() + 1);
          if (!ProgramGen.runtimeHas("gol/runtime/lib/" + JvmTypes.libPackageClass(n.pkg), n.name + "_" + f.name, d)) throw new Unsupported(c.pos(), "method " + f.name + " of " + n);
          mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/lib/" + JvmTypes.libPackageClass(n.pkg), n.name + "_" + f.name, d, false);
          break;
        }
        if (owner == null) throw new Unsupported(c.pos(), "method " + f.name + " of " + sig.recv.type);
        if (!ProgramGen.runtimeHas(owner, f.name, JvmTypes.methodDesc(sig))) throw new Unsupported(c.pos(), "method " + f.name + " of " + sig.recv.type);
        expr(sel.x());
        mv.visitVarInsn(ALOAD, 0);
        args(c, sig);
        mv.visitMethodInsn(INVOKEVIRTUAL, owner, f.name, JvmTypes.methodDesc(sig), false);
        break;
      }
      case FUNC_VALUE: {
        sig = (Type.Signature) typeOf(c.fun()).underlying();
        String shape = JvmTypes.shape(sig);
        String iface = prog.closures.fnInterface(shape);
        expr(c.fun());
        mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Panic", "nilCheck", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitTypeInsn(CHECKCAST, iface);
        mv.visitVarInsn(ALOAD, 0);
        args(c, sig);
        mv.visitMethodInsn(INVOKEINTERFACE, iface, "invoke", JvmTypes.shapeDesc(shape), true);
        JKind rk = JvmTypes.resultKind(sig.results);
        if (rk == JKind.A) {
          String rc = sig.results.size() > 1 ? JvmTypes.TUPLE : JvmTypes.className(sig.results.get(0).type);
          afterSuspendableCall(rk, JvmTypes.OBJECT);
          checkcast(rc);
        } else {
          afterSuspendableCall(rk, null);
        }
        return;
      }
      case IFACE_METHOD: {   // x.M(args) on an interface value: invokeinterface on its Java interface
        Symbol.Func f = Calls.callee(c, info);
        sig = f.sig();
        Expr x = ((Selector) Expr.unparen(c.fun())).x();
        String owner = prog.interfaces.javaInterface(typeOf(x));
        if (owner == null || owner.equals(JvmTypes.OBJECT)) throw new Unsupported(c.pos(), "calling method " + f.name + " of " + typeOf(x));
        expr(x);
        nilCheck();
        mv.visitTypeInsn(CHECKCAST, owner);
        mv.visitVarInsn(ALOAD, 0);
        args(c, sig);
        mv.visitMethodInsn(INVOKEINTERFACE, owner, f.name, JvmTypes.methodDesc(sig), true);
        break;
      }
      case METHOD: {   // a method of a program type: static T$M(g, receiver, args)
        Symbol.Func f = Calls.callee(c, info);
        sig = f.sig();
        Expr x = ((Selector) Expr.unparen(c.fun())).x();
        mv.visitVarInsn(ALOAD, 0);
        receiver(x, f);
        args(c, sig);
        mv.visitMethodInsn(INVOKESTATIC, prog.className, prog.methodJvmName(f), prog.methodDesc(f), false);
        break;
      }
      default:
        throw new Unsupported(c.pos(), "methods");
    }
    if (suspending) {
      JKind rk = JvmTypes.resultKind(sig.results);
      String rc = rk != JKind.A ? null : sig.results.size() > 1 ? JvmTypes.TUPLE : JvmTypes.className(sig.results.get(0).type);
      afterSuspendableCall(rk, rc);
    }
  }

  /** errors.As(err, target): compiled inline, since it needs *target's static type (AssignGen). */
  abstract void errorsAs(Call c);

  /**
   * Pushes the receiver x for method m with Go's automatic & and *: a pointer receiver gets the
   * struct's own object (for an addressable struct value, that is &x); a value receiver gets a copy.
   */
  void receiver(Expr x, Symbol.Func m) {
    Type xt = typeOf(x);
    Type rt = m.sig().recv.type;
    boolean wantPtr = rt instanceof Type.Pointer;
    Type base = wantPtr ? ((Type.Pointer) rt).elem : rt;
    Type xbase = xt instanceof Type.Pointer xp ? xp.elem : xt;
    if (xbase != base && JvmTypes.isStruct(xbase)) {
      List<Symbol.Var> path = StructGen.embeddedPath(xbase, base);
      if (path != null) {   // a method promoted from an embedded field: reach that field first
        expr(x);
        if (xt instanceof Type.Pointer) nilCheck(xt);
        Type cur = xbase;
        for (Symbol.Var f : path) {
          mv.visitFieldInsn(GETFIELD, JvmTypes.className(cur), StructGen.fieldName(f, StructGen.indexOf(cur, f)), JvmTypes.desc(f.type));
          if (f.type instanceof Type.Pointer) nilCheck(f.type);
          cur = f.type instanceof Type.Pointer p ? p.elem : f.type;
        }
        if (!wantPtr && JvmTypes.isStruct(base)) {
          String c = JvmTypes.className(base);
          mv.visitMethodInsn(INVOKEVIRTUAL, c, "copy", "()L" + c + ";", false);
        }
        return;
      }
    }
    if (wantPtr) {
      if (!JvmTypes.isStruct(((Type.Pointer) rt).elem) && !(xt instanceof Type.Pointer)) {   // &x of a named number: its cell or a view
        addressOf(x);
        return;
      }
      expr(x);
      return;
    }
    if (xt instanceof Type.Pointer) {   // (*p).M(): a copy of what p points to
      expr(x);
      nilCheck(xt);
      if (JvmTypes.isStruct(rt)) {
        String c = JvmTypes.className(rt);
        mv.visitMethodInsn(INVOKEVIRTUAL, c, "copy", "()L" + c + ";", false);
      }
      return;
    }
    exprAs(x, rt);
  }

  /** Pushes the arguments of c for signature sig: conversions, variadic packing, f(g()) spreading. */
  void args(Call c, Type.Signature sig) {
    List<Expr> as = c.args();
    int np = sig.params.size();
    // f(g()) where g returns several values: spread the Tuple.
    if (as.size() == 1 && typeOf(as.get(0)) instanceof Type.Tuple tt && tt.types.size() > 1) {
      expr(as.get(0));
      int tup = allocSlot(JKind.A);
      mv.visitVarInsn(ASTORE, tup);
      int[] counters = new int[3];
      int fixedN = sig.variadic ? np - 1 : np;
      for (int i = 0; i < fixedN; i++) {
        mv.visitVarInsn(ALOAD, tup);
        tupleGet(tt.types.get(i), counters);
        coerce(tt.types.get(i), sig.params.get(i).type);
      }
      if (sig.variadic) {   // f(g()) with variadic f: the remaining results fill the ... slice
        Type sliceType = sig.params.get(np - 1).type;
        Type elem = ((Type.Slice) sliceType.underlying()).elem;
        packSlice(sliceType, tt.types.size() - fixedN, i -> {
          mv.visitVarInsn(ALOAD, tup);
          tupleGet(tt.types.get(fixedN + i), counters);
          coerce(tt.types.get(fixedN + i), elem);
        });
      }
      return;
    }
    int fixed = sig.variadic ? np - 1 : np;
    for (int i = 0; i < fixed; i++) exprAs(as.get(i), sig.params.get(i).type);
    if (!sig.variadic) return;
    Type sliceType = sig.params.get(np - 1).type;
    if (c.ellipsis()) { exprAs(as.get(np - 1), sliceType); return; }
    int n = as.size() - fixed;
    if (n == 0) { mv.visitInsn(ACONST_NULL); return; }
    Type elem = ((Type.Slice) sliceType.underlying()).elem;
    packSlice(sliceType, n, i -> exprAs(as.get(fixed + i), elem));
  }

  /** [Tuple] → the next result of type t (counters: longs, doubles, refs used so far). */
  void tupleGet(Type t, int[] counters) {
    JKind k = JvmTypes.kind(t);
    switch (k) {
      case J: mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "j" + counters[0]++, "J"); break;
      case Z: mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "j" + counters[0]++, "J"); mv.visitInsn(L2I); break;
      case D: mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "d" + counters[1]++, "D"); break;
      default: mv.visitFieldInsn(GETFIELD, JvmTypes.TUPLE, "a" + counters[2]++, "Ljava/lang/Object;"); checkcast(JvmTypes.className(t)); break;
    }
  }

  /** [Tuple, value of type t] → stores the value in the tuple's next field of its kind. */
  void tuplePut(Type t, int[] counters) {
    JKind k = JvmTypes.kind(t);
    switch (k) {
      case J: mv.visitFieldInsn(PUTFIELD, JvmTypes.TUPLE, "j" + counters[0]++, "J"); break;
      case Z: mv.visitInsn(I2L); mv.visitFieldInsn(PUTFIELD, JvmTypes.TUPLE, "j" + counters[0]++, "J"); break;
      case D: mv.visitFieldInsn(PUTFIELD, JvmTypes.TUPLE, "d" + counters[1]++, "D"); break;
      default: mv.visitFieldInsn(PUTFIELD, JvmTypes.TUPLE, "a" + counters[2]++, "Ljava/lang/Object;"); break;
    }
    if (counters[0] > 4 || counters[1] > 4 || counters[2] > 4) throw new Unsupported(null, "more than four results of one kind");
  }

  // ================================================================== conversions

  void conversion(Expr x, Type to) {
    Type from = typeOf(x);
    if (info.constOf(x) != null && !JvmTypes.isInterface(to) && !(to.underlying() instanceof Type.Slice)) {
      // a constant conversion is folded by the checker; the call node carries the value
      expr(x);
      return;
    }
    if (JvmTypes.isInterface(to)) { exprAs(x, to); return; }
    Type.Kind fk = Types.kindOf(from), tk = Types.kindOf(to);
    if (tk != null && tk.isString()) {
      if (fk != null && fk.isString()) { expr(x); return; }
      if (fk != null && fk.isInteger()) {
        expr(x);
        mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/GoString", "fromRune", "(J)Ljava/lang/String;", false);
        return;
      }
      if (from.underlying() instanceof Type.Slice s) {
        expr(x);
        boolean bytes = Types.kindOf(s.elem) == Type.Kind.UINT8;
        mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/GoString", bytes ? "fromBytes" : "fromRunes", "(Lgol/runtime/Slice;)Ljava/lang/String;", false);
        return;
      }
    }
    if (to.underlying() instanceof Type.Slice s && fk != null && fk.isString()) {
      prog.rtypes.push(mv, to);
      expr(x);
      boolean bytes = Types.kindOf(s.elem) == Type.Kind.UINT8;
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/GoString", bytes ? "toBytes" : "toRunes", "(Lgol/runtime/RType;Ljava/lang/String;)Lgol/runtime/Slice;", false);
      return;
    }
    JKind fj = JvmTypes.kind(from), tj = JvmTypes.kind(to);
    expr(x);
    if (JvmTypes.isComplex(from) && JvmTypes.isComplex(to)) { roundComplex(to); return; }
    if (fj == JKind.J && tj == JKind.J) { normalize(to); return; }
    if (fj == JKind.J && tj == JKind.D) {
      boolean f32 = Types.kindOf(to) == Type.Kind.FLOAT32;
      if (isUnsigned64(from)) mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Ops", f32 ? "u2f32" : "u2f64", "(J)D", false);
      else { mv.visitInsn(L2D); roundFloat(to); }
      return;
    }
    if (fj == JKind.D && tj == JKind.J) {
      mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Ops", floatToIntHelper(to), "(D)J", false);
      return;
    }
    if (fj == JKind.D && tj == JKind.D) { roundFloat(to); return; }
    // same representation (named ↔ underlying, chan direction, ...)
  }

  /** Ops helper converting a float to integer type t as Go does on amd64. */
  private static String floatToIntHelper(Type t) {
    switch (Types.kindOf(t)) {
      case INT8: return "f2int8";
      case INT16: return "f2int16";
      case INT32: return "f2int32";
      case UINT8: return "f2uint8";
      case UINT16: return "f2uint16";
      case UINT32: return "f2uint32";
      case UINT: case UINT64: case UINTPTR: return "f2uint64";
      default: return "f2int64";
    }
  }

  // ================================================================== built-ins

  private void builtin(Call c) {
    Expr fun = Expr.unparen(c.fun());
    String name = fun instanceof Ident id ? id.name() : "?";
    List<Expr> as = c.args();
    switch (name) {
      case "len": case "cap": {
        Type t = typeOf(as.get(0));
        expr(as.get(0));
        if (JvmTypes.isString(t)) mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.STRING, "length", "()I", false);
        else if (t.underlying() instanceof Type.Slice) mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, name, "(Lgol/runtime/Slice;)I", false);
        else if (t.underlying() instanceof Type.Chan) { mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, name, "(Lgol/runtime/Chan;)J", false); return; }
        else if (t.underlying() instanceof Type.Map) { mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MAP, "len", "(Lgol/runtime/GoMap;)J", false); return; }
        else if (JvmTypes.isArray(t) || t instanceof Type.Pointer pa && JvmTypes.isArray(pa.elem)) {
          mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "arrayLength", "(Ljava/lang/Object;)I", false);
        }
        else throw new Unsupported(c.pos(), name + " of " + t);
        mv.visitInsn(I2L);
        return;
      }
      case "append": append(c); return;
      case "make": make(c); return;
      case "copy": {
        expr(as.get(0));
        expr(as.get(1));
        boolean str = JvmTypes.isString(typeOf(as.get(1)));
        mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, str ? "copyString" : "copy",
            str ? "(Lgol/runtime/Slice;Ljava/lang/String;)J" : "(Lgol/runtime/Slice;Lgol/runtime/Slice;)J", false);
        return;
      }
      case "panic":
        mv.visitTypeInsn(NEW, "gol/runtime/Panic");
        mv.visitInsn(DUP);
        exprAs(as.get(0), Types.EMPTY_INTERFACE);
        mv.visitMethodInsn(INVOKESPECIAL, "gol/runtime/Panic", "<init>", "(Ljava/lang/Object;)V", false);
        mv.visitInsn(ATHROW);
        return;
      case "close":
        mv.visitVarInsn(ALOAD, 0);
        expr(as.get(0));
        mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, "close", "(Lgol/runtime/G;Lgol/runtime/Chan;)V", false);
        return;
      case "print": case "println":
        for (int i = 0; i < as.size(); i++) {
          if (name.equals("println") && i > 0) mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Builtin", "printsp", "()V", false);
          Type t = typeOf(as.get(i));
          exprAs(as.get(i), t);
          printOne(t, c);
        }
        if (name.equals("println")) mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Builtin", "printnl", "()V", false);
        return;
      case "delete": {
        Type.Map mt = (Type.Map) typeOf(as.get(0)).underlying();
        expr(as.get(0));
        exprAs(as.get(1), mt.key);
        if (!JvmTypes.isInterface(mt.key)) box(mt.key);
        mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MAP, "delete", "(Lgol/runtime/GoMap;Ljava/lang/Object;)V", false);
        return;
      }
      case "new": {   // new(T): a fresh zero T; a pointer to a struct is the object, to anything else a cell
        Type pt = typeOf(c);
        Type elem = ((Type.Pointer) pt).elem;
        if (JvmTypes.isStruct(elem)) { pushZero(elem); return; }
        JKind k = JvmTypes.kind(elem);
        mv.visitTypeInsn(NEW, k.cellClass());
        mv.visitInsn(DUP);
        pushZero(elem);
        mv.visitMethodInsn(INVOKESPECIAL, k.cellClass(), "<init>", "(" + k.cellFieldDesc() + ")V", false);
        return;
      }
      case "complex": {   // complex(re, im) of float64s (float32 parts are already rounded)
        mv.visitTypeInsn(NEW, JvmTypes.COMPLEX);
        mv.visitInsn(DUP);
        Type ft = Types.kindOf(typeOf(c)) == Type.Kind.COMPLEX64 ? Types.FLOAT32 : Types.FLOAT64;
        exprAs(as.get(0), ft);
        exprAs(as.get(1), ft);
        mv.visitMethodInsn(INVOKESPECIAL, JvmTypes.COMPLEX, "<init>", "(DD)V", false);
        return;
      }
      case "real": case "imag":
        expr(as.get(0));
        mv.visitFieldInsn(GETFIELD, JvmTypes.COMPLEX, name.equals("real") ? "re" : "im", "D");
        return;
      case "recover":   // only a direct call from the deferred function may stop the panic
        mv.visitVarInsn(ALOAD, 0);
        mv.visitLdcInsn(fn.goName);
        mv.visitMethodInsn(INVOKESTATIC, JvmTypes.G, "recover", "(Lgol/runtime/G;Ljava/lang/String;)Ljava/lang/Object;", false);
        return;
      default:
        throw new Unsupported(c.pos(), "built-in " + name);
    }
  }

  private void printOne(Type t, Call c) {
    JKind k = JvmTypes.kind(t);
    String desc;
    String m;
    if (k == JKind.J) { m = isUnsigned64(t) || (Types.kindOf(t) != null && Types.kindOf(t).isUnsigned()) ? "printuint" : "printint"; desc = "(J)V"; }
    else if (k == JKind.D) { m = "printfloat"; desc = "(D)V"; }
    else if (k == JKind.Z) { m = "printbool"; desc = "(Z)V"; }
    else if (JvmTypes.isString(t)) { m = "printstring"; desc = "(Ljava/lang/String;)V"; }
    else if (JvmTypes.isComplex(t)) { m = "printcomplex"; desc = "(L" + JvmTypes.COMPLEX + ";)V"; }
    else if (t.underlying() instanceof Type.Slice) { m = "printslice"; desc = "(Lgol/runtime/Slice;)V"; }
    else if (JvmTypes.isInterface(t)) { m = "printeface"; desc = "(Ljava/lang/Object;)V"; }
    else { m = "printpointer"; desc = "(Ljava/lang/Object;)V"; }
    mv.visitMethodInsn(INVOKESTATIC, "gol/runtime/Builtin", m, desc, false);
  }

  private void append(Call c) {
    List<Expr> as = c.args();
    Type st = typeOf(c);
    Type elem = ((Type.Slice) st.underlying()).elem;
    prog.rtypes.push(mv, st);
    exprAs(as.get(0), st);
    if (c.ellipsis()) {
      Type at = typeOf(as.get(1));
      expr(as.get(1));
      if (JvmTypes.isString(at)) mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "appendString", "(Lgol/runtime/RType;Lgol/runtime/Slice;Ljava/lang/String;)Lgol/runtime/Slice;", false);
      else mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "appendSlice", "(Lgol/runtime/RType;Lgol/runtime/Slice;Lgol/runtime/Slice;)Lgol/runtime/Slice;", false);
      return;
    }
    if (as.size() == 1) { mv.visitInsn(SWAP); mv.visitInsn(POP); return; }
    if (as.size() > 2) {   // several values: grow once for all of them, as Go's growslice does
      packSlice(st, as.size() - 1, i -> exprAs(as.get(i + 1), elem));
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "appendSlice", "(Lgol/runtime/RType;Lgol/runtime/Slice;Lgol/runtime/Slice;)Lgol/runtime/Slice;", false);
      return;
    }
    String set = setter(elem);
    JKind ek = JvmTypes.kind(elem);
    String vdesc = ek == JKind.A ? "Ljava/lang/Object;" : ek.desc;
    for (int i = 1; i < as.size(); i++) {
      if (i > 1) { prog.rtypes.push(mv, st); mv.visitInsn(SWAP); }
      exprAs(as.get(i), elem);
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "append" + set, "(Lgol/runtime/RType;Lgol/runtime/Slice;" + vdesc + ")Lgol/runtime/Slice;", false);
    }
  }

  private void make(Call c) {
    List<Expr> as = c.args();
    Type t = typeOf(as.get(0));
    if (t == null) t = typeOf(c);
    Type u = t.underlying();
    if (u instanceof Type.Slice) {
      prog.rtypes.push(mv, t);
      expr(as.get(1));
      if (as.size() > 2) expr(as.get(2));
      else mv.visitInsn(DUP2);
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SLICE, "make", "(Lgol/runtime/RType;JJ)Lgol/runtime/Slice;", false);
      return;
    }
    if (u instanceof Type.Chan) {
      mv.visitVarInsn(ALOAD, 0);
      prog.rtypes.push(mv, t);
      if (as.size() > 1) expr(as.get(1)); else mv.visitInsn(LCONST_0);
      String make = primChan(((Type.Chan) u).elem) ? "makeJ" : "make";   // must match how sends and receives are compiled
      mv.visitMethodInsn(INVOKESTATIC, JvmTypes.CHAN, make, "(Lgol/runtime/G;Lgol/runtime/RType;J)Lgol/runtime/Chan;", false);
      return;
    }
    if (u instanceof Type.Map) {
      Type mt = t;
      newMap(mt, () -> { if (as.size() > 1) expr(as.get(1)); else mv.visitInsn(LCONST_0); });
      return;
    }
    throw new Unsupported(c.pos(), "make of " + t);
  }
}
