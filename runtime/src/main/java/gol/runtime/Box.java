package gol.runtime;

/**
 * How values of basic types are held in interfaces ({@code any}, {@code error}, the arguments of
 * fmt.Println). The Java class of a boxed value tells its Go type:
 * <pre>
 *   int      java.lang.Long          float64  java.lang.Double
 *   string   java.lang.String        bool     java.lang.Boolean
 *   int32 (rune) java.lang.Integer   uint8 (byte) Box.Uint8
 *   int8 int16 int64 uint uint16 uint32 uint64 uintptr float32: Box.Int8 ... Box.Float32
 *   complex128 gol.runtime.Complex       complex64 Box.Complex64
 *   slices   Slice (carries its RType)     channels  Chan (carries its RType)
 *   nil interface: null
 * </pre>
 * Known to the compiler: it boxes with {@link #box(long, RType)} and friends and unboxes with the
 * typed getters.
 */
public final class Box {
  private Box() {}

  /** A boxed integer of a kind other than int and int32. */
  public static final class Int {
    public final RType type;
    public final long v;
    Int(RType type, long v) { this.type = type; this.v = v; }
    @Override public boolean equals(Object o) { return o instanceof Int i && i.type == type && i.v == v; }
    @Override public int hashCode() { return Long.hashCode(v) * 31 + type.kind.ordinal(); }
    @Override public String toString() {
      return type.kind == RType.Kind.UINT64 || type.kind == RType.Kind.UINT || type.kind == RType.Kind.UINTPTR
          ? Long.toUnsignedString(v) : Long.toString(v);
    }
  }

  /** A boxed float32. */
  public static final class Float32 {
    public final double v;
    public Float32(double v) { this.v = v; }
    @Override public boolean equals(Object o) { return o instanceof Float32 f && f.v == v; }
    @Override public int hashCode() { return Double.hashCode(v); }
  }

  /** A boxed complex64 (its parts already rounded to float32). */
  public static final class Complex64 {
    public final gol.runtime.Complex v;
    public Complex64(gol.runtime.Complex v) { this.v = v; }
    @Override public boolean equals(Object o) { return o instanceof Complex64 c && gol.runtime.Complex.eq(c.v, v); }
    @Override public int hashCode() { return v.hashCode(); }
  }

  public static Object boxComplex64(gol.runtime.Complex v) { return new Complex64(v); }

  /** Unboxes a complex128 or complex64 box (or a named one). */
  public static gol.runtime.Complex unboxComplex(Object o) {
    if (o instanceof gol.runtime.Complex c) return c;
    if (o instanceof Named n) return unboxComplex(n.unwrapped());
    return ((Complex64) o).v;
  }

  /** Boxes an integer of the given basic type (its value already normalized to the type's range). */
  public static Object box(long v, RType t) {
    switch (t.kind) {
      case INT: return Long.valueOf(v);
      case INT32: return Integer.valueOf((int) v);
      default: return new Int(t, v);
    }
  }

  public static Object boxInt(long v) { return Long.valueOf(v); }
  public static Object boxFloat64(double v) { return Double.valueOf(v); }
  public static Object boxFloat32(double v) { return new Float32(v); }
  public static Object boxBool(boolean v) { return Boolean.valueOf(v); }

  /** Unboxes any integer box (Long, Integer, Box.Int). */
  public static long unboxInt(Object o) {
    if (o instanceof Long l) return l;
    if (o instanceof Named n) return unboxInt(n.unwrapped());
    if (o instanceof Integer i) return i;
    return ((Int) o).v;
  }

  public static double unboxFloat(Object o) {
    if (o instanceof Double d) return d;
    if (o instanceof Named n) return unboxFloat(n.unwrapped());
    return ((Float32) o).v;
  }

  public static boolean unboxBool(Object o) { return o instanceof Named n ? unboxBool(n.unwrapped()) : (Boolean) o; }

  /** The Go type of a boxed value ({@code %T}); null for a nil interface. */
  public static RType typeOf(Object o) {
    if (o == null) return null;
    if (o instanceof Long) return RType.INT;
    if (o instanceof Double) return RType.FLOAT64;
    if (o instanceof String) return RType.STRING;
    if (o instanceof Boolean) return RType.BOOL;
    if (o instanceof Integer) return RType.INT32;
    if (o instanceof Int i) return i.type;
    if (o instanceof Float32) return RType.FLOAT32;
    if (o instanceof gol.runtime.Complex) return RType.COMPLEX128;
    if (o instanceof Complex64) return RType.COMPLEX64;
    if (o instanceof Slice s) return s.type;
    if (o instanceof Typed t) return t.goType();
    return RType.named(RType.Kind.STRUCT, o.getClass().getSimpleName(), null);
  }

  /** The Go type name of an interface value ({@code %T}, type assertions); "" for a nil interface. */
  public static String typeName(Object o) {
    RType t = typeOf(o);
    return t == null ? "" : t.name;
  }

  /**
   * A value of a program's named non-struct type with methods ({@code type Celsius float64}) held in
   * an interface: a generated class that carries the methods; {@link #unwrapped} is the same value
   * boxed as its underlying type. Known to the compiler.
   */
  public interface Named extends Typed {
    Object unwrapped();
  }

  /** Implemented by runtime objects that know their Go type (channels, lib types, generated types). */
  public interface Typed {
    RType goType();
  }
}
