package gol.runtime;

/**
 * A function or channel value held in an interface, with the static Go type it had there.
 *
 * <p>Why: a Java function object or {@link Chan} does not say which Go type it was stored as — the
 * same channel can be a {@code chan int}, a {@code <-chan int} or a named {@code Events} — and a nil
 * func or channel is Java null, which an interface must not confuse with its own nil. So the compiler
 * wraps such values when converting them to an interface ({@link #box}) and unwraps them on type
 * assertions ({@link #unbox}); fmt reads the type for {@code %T} and the address of {@link #v} for
 * {@code %v}/{@code %p}. Immutable; safe to share between goroutines.
 *
 * Pointers to non-struct values without methods ({@code *int}, {@code **T}) travel the same way.
 *
 * <p>Equality (interface ==, map keys) is "same Go type and same object" (or, for pointers, the same
 * location: see {@link Cell}), which is Go's rule for channels and pointers; comparing funcs in
 * interfaces panics in {@link Ops#ifaceEq} before this is asked.
 */
public final class TypedRef implements Box.Typed {
  /** The static type the value was converted from. */
  public final RType type;
  /** The function object or channel, or null for a nil one. */
  public final Object v;

  private TypedRef(RType type, Object v) { this.type = type; this.v = v; }

  /** Wraps v (a func or channel value of type t, possibly nil) as an interface holds it. Known to the compiler. */
  public static Object box(RType t, Object v) { return new TypedRef(t, v); }

  /** The func or channel value held by an interface value (already known to hold one). Known to the compiler. */
  public static Object unbox(Object o) { return o instanceof TypedRef r ? r.v : o; }

  @Override public RType goType() { return type; }

  @Override public boolean equals(Object o) {
    return o instanceof TypedRef r && java.util.Objects.equals(r.v, v) && r.type.name.equals(type.name);
  }

  @Override public int hashCode() { return java.util.Objects.hashCode(v); }

  @Override public String toString() { return type.name; }
}
