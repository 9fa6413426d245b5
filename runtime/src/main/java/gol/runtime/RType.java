package gol.runtime;

import java.util.List;

/**
 * Run-time type descriptors, for what needs a value's Go type while the program runs: printing
 * (fmt's %v and %T), interface conversions, panics. The compiler emits one constant per type a
 * program needs (the basic ones are the static fields here). Known to the compiler.
 */
public final class RType {
  /** Kinds as Go's reflect.Kind. */
  public enum Kind {
    BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR,
    FLOAT32, FLOAT64, COMPLEX64, COMPLEX128, ARRAY, CHAN, FUNC, INTERFACE, MAP, POINTER, SLICE,
    STRING, STRUCT, UNSAFE_POINTER
  }

  public final Kind kind;
  /** The type as %T prints it: {@code int}, {@code []string}, {@code main.Point}, {@code chan int}. */
  public final String name;
  /** Element type of slices, arrays, pointers, channels and maps; null otherwise. */
  public final RType elem;
  /** Key type of maps; null otherwise. */
  public final RType key;
  /** Array length; 0 otherwise. */
  public final long len;
  /** Field names of structs (empty otherwise). */
  public final List<String> fieldNames;
  /** Field types of structs (empty otherwise). */
  public final List<RType> fieldTypes;

  private RType(Kind kind, String name, RType elem, RType key, long len, List<String> fn, List<RType> ft) {
    this.kind = kind; this.name = name; this.elem = elem; this.key = key; this.len = len;
    this.fieldNames = fn; this.fieldTypes = ft;
  }

  public static RType basic(Kind kind, String name) { return new RType(kind, name, null, null, 0, List.of(), List.of()); }

  public static final RType BOOL = basic(Kind.BOOL, "bool");
  public static final RType INT = basic(Kind.INT, "int");
  public static final RType INT8 = basic(Kind.INT8, "int8");
  public static final RType INT16 = basic(Kind.INT16, "int16");
  public static final RType INT32 = basic(Kind.INT32, "int32");
  public static final RType INT64 = basic(Kind.INT64, "int64");
  public static final RType UINT = basic(Kind.UINT, "uint");
  public static final RType UINT8 = basic(Kind.UINT8, "uint8");
  public static final RType UINT16 = basic(Kind.UINT16, "uint16");
  public static final RType UINT32 = basic(Kind.UINT32, "uint32");
  public static final RType UINT64 = basic(Kind.UINT64, "uint64");
  public static final RType UINTPTR = basic(Kind.UINTPTR, "uintptr");
  public static final RType FLOAT32 = basic(Kind.FLOAT32, "float32");
  public static final RType FLOAT64 = basic(Kind.FLOAT64, "float64");
  public static final RType COMPLEX64 = basic(Kind.COMPLEX64, "complex64");
  public static final RType COMPLEX128 = basic(Kind.COMPLEX128, "complex128");
  public static final RType STRING = basic(Kind.STRING, "string");
  /** {@code interface {}}, the element type of {@code []any}. */
  public static final RType ANY = basic(Kind.INTERFACE, "interface {}");
  /** The predeclared {@code error}. */
  public static final RType ERROR = basic(Kind.INTERFACE, "error");

  public static RType slice(RType elem) { return new RType(Kind.SLICE, "[]" + elem.name, elem, null, 0, List.of(), List.of()); }

  public static RType array(long len, RType elem) {
    return new RType(Kind.ARRAY, "[" + len + "]" + elem.name, elem, null, len, List.of(), List.of());
  }

  /** dir: 0 both, 1 send-only, 2 receive-only. */
  public static RType chan(int dir, RType elem) {
    String e = dir == 0 && elem.kind == Kind.CHAN && elem.name.startsWith("<-") ? "(" + elem.name + ")" : elem.name;   // chan (<-chan int)
    String n = dir == 1 ? "chan<- " + e : dir == 2 ? "<-chan " + e : "chan " + e;
    return new RType(Kind.CHAN, n, elem, null, 0, List.of(), List.of());
  }

  public static RType map(RType key, RType elem) {
    return new RType(Kind.MAP, "map[" + key.name + "]" + elem.name, elem, key, 0, List.of(), List.of());
  }

  public static RType pointer(RType elem) { return new RType(Kind.POINTER, "*" + elem.name, elem, null, 0, List.of(), List.of()); }

  /** A function type, named as Go prints it: {@code func(int) string}. */
  public static RType func(String name) { return new RType(Kind.FUNC, name, null, null, 0, List.of(), List.of()); }

  /** The same type under another name: a named type ({@code type Names []string}) keeps its structure. */
  public RType withName(String name) {
    RType t = new RType(kind, name, elem, key, len, fieldNames, fieldTypes);
    t.zeroMaker = zeroMaker;
    return t;
  }

  /** Any other type known only by kind and name (named types, structs, interfaces). */
  public static RType named(Kind kind, String name, RType elem) { return new RType(kind, name, elem, null, 0, List.of(), List.of()); }

  /** Cached {@link #zero()} (immutable boxes only). */
  private Object zero;

  /**
   * The zero value of this type as the runtime holds it in an Object slot (what a receive from a
   * closed channel yields): Long 0 for int, Integer 0 for int32, a {@link Box.Int} 0 for the other
   * integer kinds, Double 0.0, a Float32 0, "" for string, Boolean.FALSE; null for reference kinds
   * (pointers, slices, maps, channels, funcs, interfaces). Structs and arrays: null for now (their
   * zero value is built by generated code).
   */
  public Object zero() {
    Object z = zero;
    if (z != null) return z;
    switch (kind) {
      case BOOL: z = Boolean.FALSE; break;
      case INT8: case INT16: case INT32: case INT64: case UINT: case UINT8: case UINT16: case UINT32:
      case UINT64: case UINTPTR: case INT: z = Box.box(0, this); break;
      case FLOAT64: z = Double.valueOf(0); break;
      case FLOAT32: z = new Box.Float32(0); break;
      case STRING: z = ""; break;
      case COMPLEX64: case COMPLEX128: z = Complex.ZERO; break;   // held unboxed, as all references
      default: return null;
    }
    zero = z;
    return z;
  }

  /**
   * A struct type with its fields, named as %T prints it ({@code main.Point}, or
   * {@code struct { X int; Y int }} for an unnamed one). fmt prints struct values field by field.
   */
  public static RType struct(String name, List<String> fieldNames, List<RType> fieldTypes) {
    return new RType(Kind.STRUCT, name, null, null, 0, List.copyOf(fieldNames), List.copyOf(fieldTypes));
  }

  /**
   * A struct type whose values are Java objects: {@code zero} makes a fresh zero value (the runtime
   * needs it to fill {@code make([]Point, n)} and to grow slices of structs).
   */
  public static RType struct(String name, List<String> fieldNames, List<RType> fieldTypes,
                             java.util.function.Supplier<Object> zero) {
    RType t = struct(name, fieldNames, fieldTypes);
    t.zeroMaker = zero;
    return t;
  }

  private java.util.function.Supplier<Object> zeroMaker;

  /**
   * For a program's named non-struct type with methods ({@code type Level int}): the generated class
   * that holds its values in interfaces (see {@link Box.Named}), whose one-argument constructor takes
   * the value in its JVM representation. Set by the program's static initializer; fmt uses it to give
   * elements of slices and arrays of such types their String/Error methods. Null otherwise.
   */
  private Class<?> boxClass;
  private java.lang.invoke.MethodHandle boxer;   // cached constructor of boxClass, adapted to (Object)Object

  public void setBoxClass(Class<?> c) { boxClass = c; }

  /**
   * A value of this type read from a container (boxed as its underlying type: Long, Double, a Slice,
   * ...) as an interface holds it: in its {@link #boxClass} when the type has one, else unchanged.
   */
  public Object boxElement(Object raw) {
    if (boxClass == null || raw instanceof Box.Named || raw instanceof GoPointer) return raw;
    if (raw == null && kind == Kind.POINTER) return null;   // a nil pointer element prints as <nil>
    try {
      java.lang.invoke.MethodHandle h = boxer;
      if (h == null) {   // benign race: every thread computes the same handle
        java.lang.reflect.Constructor<?> k = null;
        for (java.lang.reflect.Constructor<?> c : boxClass.getConstructors()) if (c.getParameterCount() == 1) k = c;
        h = java.lang.invoke.MethodHandles.publicLookup().unreflectConstructor(k);
        boxer = h;
      }
      Class<?> p = h.type().parameterType(0);
      Object arg = p == long.class ? (Object) Box.unboxInt(raw) : p == double.class ? (Object) Box.unboxFloat(raw)
          : p == boolean.class ? (Object) Box.unboxBool(raw) : p == Complex.class ? Box.unboxComplex(raw) : raw;
      return h.invoke(arg);
    } catch (Throwable e) {
      return raw;
    }
  }

  /**
   * A struct type whose field types are given later, by {@link #setFieldTypes}: recursive types
   * ({@code type Node struct { Next *Node }}) need the struct's descriptor to exist before the
   * descriptors of its fields can be made. Generated static initializers create every struct this
   * way, then the other types, then fill in the fields; nothing reads the fields before that.
   */
  public static RType structLater(String name, List<String> fieldNames, java.util.function.Supplier<Object> zero) {
    java.util.ArrayList<RType> later = new java.util.ArrayList<>(fieldNames.size());
    RType t = new RType(Kind.STRUCT, name, null, null, 0, List.copyOf(fieldNames),
        java.util.Collections.unmodifiableList(later));
    t.zeroMaker = zero;
    t.laterFields = later;
    return t;
  }

  /** The list behind {@link #fieldTypes} of a {@link #structLater} descriptor until it is filled. */
  private java.util.ArrayList<RType> laterFields;

  /** Completes a {@link #structLater} descriptor: once, in the static initializer that made it. */
  public void setFieldTypes(RType[] types) {
    if (laterFields == null || types.length != fieldNames.size()) {
      throw new IllegalStateException("setFieldTypes on " + name);
    }
    laterFields.addAll(List.of(types));
    laterFields = null;
  }

  /**
   * A fresh zero value of this type in its reference representation, for types whose values are Java
   * objects: "" for strings, a zeroed Java array for arrays, a new zero struct (when the type was made
   * with a zero supplier); null for interfaces, pointers, slices, maps, channels and functions.
   * Never called for types held in primitive arrays (numbers, bools).
   */
  public Object zeroValue() {
    switch (kind) {
      case STRING: return "";
      case COMPLEX64: case COMPLEX128: return Complex.ZERO;
      case ARRAY: return Slice.newArray(elem, (int) len);
      case STRUCT: return zeroMaker == null ? null : zeroMaker.get();
      default: return null;
    }
  }

  // Lazily computed size and alignment; a benign race (every thread computes the same values).
  private long size = -1;
  private int align;

  /**
   * The size in bytes of a value of this type in Go on amd64 ({@code unsafe.Sizeof}). The runtime uses
   * it where Go's behaviour depends on memory sizes: append's capacity growth rounds the new backing
   * array up to a malloc size class, so {@code cap()} after appends matches Go only with Go's sizes.
   */
  public long goSize() {
    if (size < 0) layout();
    return size;
  }

  /** The alignment in bytes of a value of this type in Go on amd64 ({@code unsafe.Alignof}). */
  public int goAlign() {
    if (size < 0) layout();
    return align;
  }

  private void layout() {
    long sz;
    int al;
    switch (kind) {
      case BOOL, INT8, UINT8 -> { sz = 1; al = 1; }
      case INT16, UINT16 -> { sz = 2; al = 2; }
      case INT32, UINT32, FLOAT32 -> { sz = 4; al = 4; }
      case COMPLEX64 -> { sz = 8; al = 4; }
      case COMPLEX128 -> { sz = 16; al = 8; }
      case STRING, INTERFACE -> { sz = 16; al = 8; }
      case SLICE -> { sz = 24; al = 8; }
      case ARRAY -> { sz = len * elem.goSize(); al = elem.goAlign(); }
      case STRUCT -> {
        long off = 0;
        al = 1;
        for (RType f : fieldTypes) {
          int fa = f.goAlign();
          off = (off + fa - 1) / fa * fa;
          off += f.goSize();
          al = Math.max(al, fa);
        }
        // Go pads a struct ending in a zero-size field so a pointer to it stays inside the object.
        if (!fieldTypes.isEmpty() && fieldTypes.get(fieldTypes.size() - 1).goSize() == 0 && off > 0) off++;
        sz = (off + al - 1) / al * al;
      }
      default -> { sz = 8; al = 8; } // int, int64, uint*, float64, pointers, maps, chans, funcs
    }
    align = al;
    size = sz;
  }

  @Override public String toString() { return name; }
}
