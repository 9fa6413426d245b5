package gol.compiler.types;

import gol.compiler.types.Type.Kind;

/**
 * Relations between types (Go spec "Assignability", "Conversions", "Comparison operators",
 * "Interface types"): assignability with the implicit conversion of untyped operands, the rules for
 * explicit conversions, interface satisfaction with Go's explanation of a failure, comparability and
 * default types.
 */
final class Relations {
  private final Checker c;

  Relations(Checker c) { this.c = c; }

  // ---------------------------------------------------------------------------------------------
  // Untyped operands

  /** The type an untyped value gets where no other type is imposed (spec "Constants"). */
  static Type defaultType(Type t) {
    if (!(t instanceof Type.Basic b)) return t;
    switch (b.kind) {
      case UNTYPED_BOOL: return Types.BOOL;
      case UNTYPED_INT: return Types.INT;
      case UNTYPED_RUNE: return Types.RUNE;
      case UNTYPED_FLOAT: return Types.FLOAT64;
      case UNTYPED_COMPLEX: return Types.COMPLEX128;
      case UNTYPED_STRING: return Types.STRING;
      default: return t;
    }
  }

  static boolean hasNil(Type t) {
    Type u = t.underlying();
    return u instanceof Type.Pointer || u instanceof Type.Slice || u instanceof Type.Map
        || u instanceof Type.Chan || u instanceof Type.Signature || u instanceof Type.Interface
        || u == Types.UNTYPED_NIL || Types.kindOf(u) == Kind.UNSAFE_POINTER;
  }

  /** Outcome of converting an untyped operand implicitly: the new type and value, or a failure code. */
  record Implicit(Type type, Constant val, Constants.Failure failure) {
    boolean ok() { return failure == null; }
  }

  /** Go's implicitTypeAndValue: what untyped x becomes when used where a target is required. */
  Implicit implicit(Operand x, Type target) {
    if (x.invalid() || !x.untyped() || target == Types.INVALID) return new Implicit(x.type, null, null);
    Constants.Failure bad = Constants.Failure.MISMATCH;
    if (Types.isUntyped(target)) {
      Kind xk = ((Type.Basic) x.type).kind, tk = ((Type.Basic) target).kind;
      if (xk.isNumeric() && tk.isNumeric()) {
        return new Implicit(xk.ordinal() < tk.ordinal() ? target : x.type, null, null);
      }
      return xk != tk ? new Implicit(null, null, bad) : new Implicit(x.type, null, null);
    }
    Type u = target.underlying();
    if (u instanceof Type.Basic b) {
      if (x.isConst()) {
        Constants.Failure[] why = new Constants.Failure[1];
        Constant v = Constants.represent(x.val, b, why);
        if (v == null) return new Implicit(null, null, failureCode(x, b, why[0]));
        return new Implicit(target, v, null);
      }
      Kind xk = ((Type.Basic) x.type).kind;
      boolean ok = switch (xk) {
        case UNTYPED_BOOL -> b.kind.isBoolean();
        case UNTYPED_INT, UNTYPED_RUNE, UNTYPED_FLOAT, UNTYPED_COMPLEX -> b.kind.isNumeric();
        case UNTYPED_STRING -> b.kind.isString();
        case UNTYPED_NIL -> b.kind == Kind.UNSAFE_POINTER;
        default -> false;
      };
      if (ok && x.isNil()) return new Implicit(Types.UNTYPED_NIL, null, null);
      return ok ? new Implicit(target, null, null) : new Implicit(null, null, bad);
    }
    if (u instanceof Type.Interface it) {
      // nil stays untyped, as in Go (code generation materializes it for its context)
      if (x.isNil()) return new Implicit(Types.UNTYPED_NIL, null, null);
      if (!it.isEmpty()) return new Implicit(null, null, bad);
      return new Implicit(defaultType(x.type), null, null);
    }
    if (u instanceof Type.Pointer || u instanceof Type.Signature || u instanceof Type.Slice
        || u instanceof Type.Map || u instanceof Type.Chan) {
      return x.isNil() ? new Implicit(Types.UNTYPED_NIL, null, null) : new Implicit(null, null, bad);
    }
    return new Implicit(null, null, bad);
  }

  /** Go classifies a failed numeric representation as truncation (float to integer) or overflow. */
  private static Constants.Failure failureCode(Operand x, Type.Basic target, Constants.Failure why) {
    Kind xk = Types.kindOf(x.type);
    if (xk != null && xk.isNumeric() && target.kind.isNumeric()) {
      return !xk.isInteger() && target.kind.isInteger() ? Constants.Failure.TRUNCATED : Constants.Failure.OVERFLOWS;
    }
    return why == Constants.Failure.MISMATCH || why == null ? Constants.Failure.MISMATCH : why;
  }

  /** Applies a successful implicit conversion to x and to the recorded types of its expression. */
  void applyImplicit(Operand x, Implicit r) {
    if (r.val() != null) x.val = r.val();
    if (r.type() != x.type || r.val() != null) {
      x.type = r.type();
      c.exprs.updateExprType(x.expr, r.type(), x.val);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Assignability

  /**
   * Checks that x can be assigned to a variable of type t (null for the blank identifier) and
   * converts an untyped x; on failure reports Go's message for the context ("assignment",
   * "argument to f", "return statement", ...) and invalidates x.
   */
  void assignment(Operand x, Type t, String context) {
    c.exprs.singleValue(x);
    switch (x.mode) {
      case INVALID: return;
      case CONSTANT: case VARIABLE: case MAPINDEX: case VALUE: case COMMAOK: break;
      default:
        c.error(x.expr, "cannot assign " + x + " to " + t + " in " + context);
        x.setInvalid();
        return;
    }
    if (x.untyped()) {
      Type target = t;
      if (x.isNil()) {
        if (t == null) {
          c.error(x.expr, "use of untyped nil in " + context);
          x.setInvalid();
          return;
        }
      } else if (t == null || t.underlying() instanceof Type.Interface) {
        target = defaultType(x.type);
      }
      Implicit r = implicit(x, target);
      if (!r.ok()) {
        String msg = "cannot use " + x + " as " + target + " value in " + context;
        if (r.failure() == Constants.Failure.TRUNCATED) msg += " (truncated)";
        else if (r.failure() == Constants.Failure.OVERFLOWS) msg += " (overflows)";
        c.error(x.expr, msg);
        x.setInvalid();
        return;
      }
      applyImplicit(x, r);
    }
    if (t == null) { c.exprs.recordFinal(x); return; }
    String[] reason = new String[1];
    if (!assignableTo(x, t, reason)) {
      if (reason[0] != null) c.error(x.expr, "cannot use " + x + " as type " + t + " in " + context + ":\n\t" + reason[0]);
      else c.error(x.expr, "cannot use " + x + " as type " + t + " in " + context);
      x.setInvalid();
      return;
    }
    c.exprs.recordFinal(x);
  }

  /** Go's assignableTo: can a value x be assigned to type t? reason[0] may receive an explanation. */
  boolean assignableTo(Operand x, Type t, String[] reason) {
    Type v = x.type;
    if (x.invalid() || hasInvalid(v) || hasInvalid(t)) return true; // avoid follow-on errors
    if (Types.identical(v, t)) return true;
    Type vu = v.underlying(), tu = t.underlying();
    if (Types.isUntyped(v)) {
      if (tu instanceof Type.Basic b) {
        if (x.isNil()) return b.kind == Kind.UNSAFE_POINTER;
        if (x.isConst()) return Constants.represent(x.val, b, null) != null;
        if (((Type.Basic) v).kind == Kind.UNTYPED_BOOL) return b.kind.isBoolean();
      }
      if (tu instanceof Type.Interface it) return x.isNil() || it.isEmpty();
      if (x.isNil()) return hasNil(t);
      return false;
    }
    // identical underlying types and at least one is not a named type
    if (Types.identical(vu, tu) && (!isNamed(v) || !isNamed(t))) return true;
    if (tu instanceof Type.Interface ti) {
      String why = missingMethod(v, ti, t);
      if (why == null) return true;
      if (reason != null) reason[0] = v + " does not implement " + t + " " + why;
      return false;
    }
    if (vu instanceof Type.Interface && !(tu instanceof Type.Interface) && reason != null) {
      String why = missingMethod(t, (Type.Interface) vu, v);
      if (why == null) reason[0] = "need type assertion";
    }
    // a bidirectional channel to a channel type with identical element type
    if (vu instanceof Type.Chan vc && vc.dir == Type.Dir.BOTH && tu instanceof Type.Chan tc
        && Types.identical(vc.elem, tc.elem) && (!isNamed(v) || !isNamed(t))) return true;
    return false;
  }

  /** True if t is or contains the invalid type (its errors were reported where it was written). */
  static boolean hasInvalid(Type t) { return hasInvalid(t, new java.util.HashSet<>()); }

  private static boolean hasInvalid(Type t, java.util.Set<Type> seen) {
    if (t == null || t == Types.INVALID) return true;
    if (!seen.add(t)) return false;
    if (t instanceof Type.Named n) return hasInvalid(n.underlying(), seen);
    if (t instanceof Type.Slice s) return hasInvalid(s.elem, seen);
    if (t instanceof Type.Array a) return hasInvalid(a.elem, seen);
    if (t instanceof Type.Pointer p) return hasInvalid(p.elem, seen);
    if (t instanceof Type.Chan c) return hasInvalid(c.elem, seen);
    if (t instanceof Type.Map m) return hasInvalid(m.key, seen) || hasInvalid(m.elem, seen);
    if (t instanceof Type.Tuple tu) { for (Type e : tu.types) if (hasInvalid(e, seen)) return true; return false; }
    if (t instanceof Type.Signature s) {
      for (Symbol.Var p : s.params) if (hasInvalid(p.type, seen)) return true;
      for (Symbol.Var r : s.results) if (hasInvalid(r.type, seen)) return true;
      return false;
    }
    if (t instanceof Type.Struct s) { for (Symbol.Var f : s.fields) if (hasInvalid(f.type, seen)) return true; return false; }
    if (t instanceof Type.Interface i) { for (Symbol.Func m : i.methods) if (hasInvalid(m.type, seen)) return true; return false; }
    return false;
  }

  /** Named types in Go's sense: defined types and the predeclared basic types. */
  static boolean isNamed(Type t) { return t instanceof Type.Named || t instanceof Type.Basic; }

  // ---------------------------------------------------------------------------------------------
  // Interfaces

  /**
   * Why type v does not implement interface it (whose name for messages is iname), in Go's words
   * ("(missing M method)", "(M method has pointer receiver)", "(wrong type for M method)\n\t\thave
   * ...\n\t\twant ..."), or null if it does.
   */
  String missingMethod(Type v, Type.Interface it, Type iname) {
    for (Symbol.Func m : it.methods) {
      if (v.underlying() instanceof Type.Interface vi) {
        Symbol.Func f = vi.methods.stream().filter(x -> x.name.equals(m.name)).findFirst().orElse(null);
        if (f == null) return "(missing " + m.name + " method)";
        if (!Types.identical(f.type, m.type)) return wrongType(m, f);
        continue;
      }
      Lookup.Result r = c.lookup.find(v, m.name);
      if (r == null || !(r.obj() instanceof Symbol.Func f)) return "(missing " + m.name + " method)";
      if (!Types.identical(stripRecv(f.sig()), m.type)) return wrongType(m, f);
      if (f.sig().recv != null && f.sig().recv.type instanceof Type.Pointer && !r.indirect() && !(v instanceof Type.Pointer)) {
        return "(" + m.name + " method has pointer receiver)";
      }
    }
    return null;
  }

  private static String wrongType(Symbol.Func want, Symbol.Func have) {
    return "(wrong type for " + want.name + " method)\n\t\thave " + have.name + Types.signatureString(have.sig())
        + "\n\t\twant " + want.name + Types.signatureString(want.sig());
  }

  /** The signature of a method as a function type without receiver (for identity with interface methods). */
  static Type.Signature stripRecv(Type.Signature s) {
    return s.recv == null ? s : new Type.Signature(null, s.params, s.results, s.variadic);
  }

  boolean implementsIface(Type v, Type.Interface it) { return missingMethod(v, it, it) == null; }

  // ---------------------------------------------------------------------------------------------
  // Comparability and conversions

  /** Go's comparable: can values of t be compared with == (and used as map keys)? */
  boolean comparable(Type t) { return incomparableCause(t) == null; }

  /** Why t is not comparable ("slice can only be compared to nil", ...), or null if it is. */
  String incomparableCause(Type t) {
    Type u = t.underlying();
    if (u == null) return null;
    if (u instanceof Type.Slice || u instanceof Type.Signature || u instanceof Type.Map) {
      return kindString(t) + " can only be compared to nil";
    }
    if (u instanceof Type.Struct s) {
      for (Symbol.Var f : s.fields) if (!comparable(f.type)) return "struct containing " + f.type + " cannot be compared";
    }
    if (u instanceof Type.Array a && !comparable(a.elem)) return a + " cannot be compared";
    return null;
  }

  /** "slice", "map", "func", ... for composite types, else the type itself (Go's kindString). */
  static String kindString(Type t) {
    Type u = t.underlying();
    if (u instanceof Type.Slice) return "slice";
    if (u instanceof Type.Signature) return "func";
    if (u instanceof Type.Map) return "map";
    if (u instanceof Type.Chan) return "chan";
    if (u instanceof Type.Struct) return "struct";
    if (u instanceof Type.Interface) return "interface";
    if (u instanceof Type.Pointer) return "pointer";
    if (u instanceof Type.Array) return "array";
    return t.toString();
  }

  /** Spec "Conversions": may a non-constant x be converted to t? */
  boolean convertible(Operand x, Type t) {
    if (assignableTo(x, t, null)) return true;
    Type v = x.type, vu = v.underlying(), tu = t.underlying();
    if (identicalIgnoreTags(vu, tu)) return true;
    if (vu instanceof Type.Pointer vp && tu instanceof Type.Pointer tp
        && !(v instanceof Type.Named) && !(t instanceof Type.Named)
        && identicalIgnoreTags(vp.elem.underlying(), tp.elem.underlying())) return true;
    Kind vk = Types.kindOf(vu), tk = Types.kindOf(tu);
    if (vk != null && tk != null) {
      if ((vk.isInteger() || vk.isFloat()) && (tk.isInteger() || tk.isFloat())) return true;
      if (vk.isComplex() && tk.isComplex()) return true;
      if (tk.isString() && vk.isInteger()) return true;
    }
    if (tk != null && tk.isString() && isByteOrRuneSlice(vu)) return true;
    if (vk != null && vk.isString() && isByteOrRuneSlice(tu)) return true;
    return false;
  }

  static boolean isByteOrRuneSlice(Type u) {
    if (!(u instanceof Type.Slice s)) return false;
    Kind k = Types.kindOf(s.elem);
    return k == Kind.UINT8 || k == Kind.INT32;
  }

  private static boolean identicalIgnoreTags(Type a, Type b) { return Types.identical(a, b); }
}
