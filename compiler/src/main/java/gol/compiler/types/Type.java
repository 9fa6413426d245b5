package gol.compiler.types;

import java.util.List;

/**
 * Go types as the checker sees them. Unnamed composite types are compared structurally with
 * {@link Types#identical}; {@link Named} types are compared by identity (one object per declaration).
 * {@link #toString()} prints the type as Go's error messages do ({@code []int}, {@code map[string]int},
 * {@code func(int) (int, error)}, {@code untyped int}, {@code main.T} is printed as {@code T}).
 */
public abstract sealed class Type
    permits Type.Basic, Type.Named, Type.Slice, Type.Array, Type.Map, Type.Chan, Type.Pointer,
            Type.Struct, Type.Signature, Type.Interface, Type.Tuple {

  /** The underlying type (itself for every type but Named). */
  public Type underlying() { return this; }

  // ------------------------------------------------------------------------------------------
  public enum Kind {
    INVALID, BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR,
    FLOAT32, FLOAT64, COMPLEX64, COMPLEX128, STRING, UNSAFE_POINTER,
    UNTYPED_BOOL, UNTYPED_INT, UNTYPED_RUNE, UNTYPED_FLOAT, UNTYPED_COMPLEX, UNTYPED_STRING, UNTYPED_NIL;

    public boolean isInteger() { return (ordinal() >= INT.ordinal() && ordinal() <= UINTPTR.ordinal()) || this == UNTYPED_INT || this == UNTYPED_RUNE; }
    public boolean isUnsigned() { return ordinal() >= UINT.ordinal() && ordinal() <= UINTPTR.ordinal(); }
    public boolean isFloat() { return this == FLOAT32 || this == FLOAT64 || this == UNTYPED_FLOAT; }
    public boolean isNumeric() { return isInteger() || isFloat() || isComplex(); }
    public boolean isComplex() { return this == COMPLEX64 || this == COMPLEX128 || this == UNTYPED_COMPLEX; }
    public boolean isString() { return this == STRING || this == UNTYPED_STRING; }
    public boolean isBoolean() { return this == BOOL || this == UNTYPED_BOOL; }
    public boolean isUntyped() { return ordinal() >= UNTYPED_BOOL.ordinal(); }
    /** Size in bits of a sized integer kind (int, uint and uintptr are 64), 0 otherwise. */
    public int bits() {
      switch (this) {
        case INT8: case UINT8: return 8;
        case INT16: case UINT16: return 16;
        case INT32: case UINT32: return 32;
        case INT: case INT64: case UINT: case UINT64: case UINTPTR: return 64;
        default: return 0;
      }
    }
  }

  /** A predeclared basic type, or an untyped constant kind. byte and rune are UINT8 and INT32 with their own names. */
  public static final class Basic extends Type {
    public final Kind kind;
    public final String name;
    public Basic(Kind kind, String name) { this.kind = kind; this.name = name; }
    @Override public String toString() { return name; }
  }

  /**
   * A defined type {@code type T U}, or a predeclared named type ({@code error}). Methods are added
   * by the checker as it collects method declarations. {@code pkg} is "main" for user types, the
   * package name for standard-library types, and null for predeclared ones ({@code error}).
   */
  public static final class Named extends Type {
    public final String pkg;
    public final String name;
    private Type underlying;
    public final List<Symbol.Func> methods = new java.util.ArrayList<>();
    public Named(String pkg, String name, Type underlying) { this.pkg = pkg; this.name = name; this.underlying = underlying; }
    @Override public Type underlying() { return underlying; }
    public void setUnderlying(Type t) { this.underlying = t; }
    @Override public String toString() { return pkg == null || pkg.equals("main") ? name : pkg + "." + name; }
    /** The name with its package, as %T and panics print it: {@code main.T}, {@code error}. */
    public String qualifiedName() { return pkg == null ? name : pkg + "." + name; }
  }

  public static final class Slice extends Type {
    public final Type elem;
    public Slice(Type elem) { this.elem = elem; }
    @Override public String toString() { return "[]" + elem; }
  }

  public static final class Array extends Type {
    public final long len;
    public final Type elem;
    public Array(long len, Type elem) { this.len = len; this.elem = elem; }
    @Override public String toString() { return "[" + len + "]" + elem; }
  }

  public static final class Map extends Type {
    public final Type key, elem;
    public Map(Type key, Type elem) { this.key = key; this.elem = elem; }
    @Override public String toString() { return "map[" + key + "]" + elem; }
  }

  public enum Dir { BOTH, SEND, RECV }

  public static final class Chan extends Type {
    public final Dir dir;
    public final Type elem;
    public Chan(Dir dir, Type elem) { this.dir = dir; this.elem = elem; }
    @Override public String toString() {
      switch (dir) {
        case SEND: return "chan<- " + elem;
        case RECV: return "<-chan " + elem;
        default: return "chan " + (elem instanceof Chan c && c.dir == Dir.RECV ? "(" + elem + ")" : elem);
      }
    }
  }

  public static final class Pointer extends Type {
    public final Type elem;
    public Pointer(Type elem) { this.elem = elem; }
    @Override public String toString() { return "*" + elem; }
  }

  public static final class Struct extends Type {
    /** Fields in order; an embedded field has {@code embedded} true and the type's name as its name. */
    public final List<Symbol.Var> fields;
    public Struct(List<Symbol.Var> fields) { this.fields = fields; }
    @Override public String toString() {
      StringBuilder sb = new StringBuilder("struct{");
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) sb.append("; ");
        Symbol.Var f = fields.get(i);
        if (f.embedded) sb.append(f.type); else sb.append(f.name).append(' ').append(f.type);
      }
      return sb.append('}').toString();
    }
  }

  /**
   * A function signature. For a variadic function the last parameter's type is a {@link Slice}.
   * {@code recv} is the receiver of a method (null otherwise).
   */
  public static final class Signature extends Type {
    public final Symbol.Var recv;
    public final List<Symbol.Var> params;
    public final List<Symbol.Var> results;
    public final boolean variadic;
    public Signature(Symbol.Var recv, List<Symbol.Var> params, List<Symbol.Var> results, boolean variadic) {
      this.recv = recv; this.params = params; this.results = results; this.variadic = variadic;
    }
    @Override public String toString() { return "func" + Types.signatureString(this); }
  }

  /** An interface: its full method set (embedded interfaces already flattened), sorted by name. */
  public static final class Interface extends Type {
    public final List<Symbol.Func> methods;
    public Interface(List<Symbol.Func> methods) { this.methods = methods; }
    public boolean isEmpty() { return methods.isEmpty(); }
    @Override public String toString() {
      if (this == Types.ANY) return "any";
      StringBuilder sb = new StringBuilder("interface{");
      for (int i = 0; i < methods.size(); i++) {
        if (i > 0) sb.append("; ");
        sb.append(methods.get(i).name).append(Types.signatureString((Signature) methods.get(i).type));
      }
      return sb.append('}').toString();
    }
  }

  /** The type of a multi-valued call: {@code (int, error)}. Never the type of a variable. */
  public static final class Tuple extends Type {
    public final List<Type> types;
    public Tuple(List<Type> types) { this.types = types; }
    @Override public String toString() {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < types.size(); i++) { if (i > 0) sb.append(", "); sb.append(types.get(i)); }
      return sb.append(')').toString();
    }
  }
}
