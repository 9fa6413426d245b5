package gol.runtime;

import java.util.HashMap;

/**
 * A Go map. Keys and values are held as interfaces hold values (see {@link Box}: Long for int,
 * String, struct objects with Go's equality, ...), so Java's equals/hashCode give Go's key equality.
 * A nil map is Java null: reads give the zero value, writes panic, as in Go. Iteration order is not
 * specified by Go; gol's is HashMap's (fmt sorts keys when printing, as Go's fmt does).
 * Known to the compiler: it calls the static methods below.
 *
 * <p>Not safe for concurrent writes (neither are Go maps; Go detects some of them and throws
 * "concurrent map writes", gol does not).
 */
public final class GoMap extends HashMap<Object, Object> implements Box.Typed {
  public final RType type;

  public GoMap(RType type, long hint) {
    super(hint <= 0 ? 8 : (int) Math.min(hint * 4 / 3 + 1, 1 << 30));
    if (hint < 0) throw Panic.runtime("makemap: size out of range");
    this.type = type;
  }

  @Override public RType goType() { return type; }

  /** Marks a nil map held in an interface (see {@link #box}); never written. */
  private boolean boxedNil;

  /**
   * A map as an interface value. A nil map is Java null, but an interface holding a nil map is not a
   * nil interface and must still know its type (fmt prints it as {@code map[]}), so it is boxed as an
   * empty map marked nil. Known to the compiler: used when converting a map to an interface type,
   * and {@link #unbox} for a type assertion back to the map type.
   */
  public static Object box(RType t, GoMap m) {
    if (m != null) return m;
    GoMap n = new GoMap(t, 0);
    n.boxedNil = true;
    return n;
  }

  /** The map an interface holds (null for a boxed nil map). */
  public static GoMap unbox(Object o) {
    GoMap m = (GoMap) o;
    return m == null || m.boxedNil ? null : m;
  }

  /** Whether this is a boxed nil map (see {@link #box}). */
  public boolean isNil() { return boxedNil; }

  /** Go's == on interface values holding maps: maps are not comparable, Go panics. */
  @Override public boolean equals(Object o) {
    if (o == this && !(o instanceof GoMap)) return true;
    if (o instanceof GoMap) throw Panic.runtime("comparing uncomparable type " + type.name);
    return false;
  }

  @Override public int hashCode() {
    throw Panic.runtime("hash of unhashable type " + type.name);
  }

  /** The zero value of the element type, as an interface holds it (a fresh one for structs). */
  private static Object zero(RType elem) {
    Object z = elem.zero();
    return z != null ? z : elem.zeroValue();
  }

  /**
   * A key of a map whose key type is an interface must have a comparable dynamic type: Go panics
   * with {@code hash of unhashable type T} (a func, slice or map, or a struct or array holding one).
   */
  private static void checkKey(RType mapType, Object k) {
    if (k == null || mapType == null || mapType.key == null || mapType.key.kind != RType.Kind.INTERFACE) return;
    RType kt = Box.typeOf(k);
    if (kt != null && !Ops.comparable(kt)) throw Panic.runtime("hash of unhashable type " + kt.name);
  }

  /** m[k] */
  public static Object get(GoMap m, RType t, Object k) {
    checkKey(t, k);
    if (m != null) {
      Object v = m.get(k);
      if (v != null || m.containsKey(k)) return v;
    }
    return zero(t.elem);
  }

  /** v, ok := m[k]: a0 = the value (or zero), j0 = 1 if present. */
  public static Tuple get2(GoMap m, RType t, Object k) {
    checkKey(t, k);
    Tuple r = new Tuple();
    if (m != null && (m.get(k) != null || m.containsKey(k))) {
      r.a0 = m.get(k);
      r.j0 = 1;
    } else {
      r.a0 = zero(t.elem);
    }
    return r;
  }

  /** m[k] = v */
  public static void put(GoMap m, Object k, Object v) {
    if (m == null) throw Panic.plain("assignment to entry in nil map");
    checkKey(m.type, k);
    m.put(k, v);
  }

  /** delete(m, k) */
  public static void delete(GoMap m, Object k) {
    if (m != null) {
      checkKey(m.type, k);
      m.remove(k);
    }
  }

  /** len(m) */
  public static long len(GoMap m) { return m == null ? 0 : m.size(); }

  /** The keys when a range loop starts (a key deleted during the loop is skipped: see {@link #has}). */
  public static Object[] keys(GoMap m) { return m == null ? new Object[0] : m.keySet().toArray(); }

  /** Is k still in m (range skips entries deleted during the loop, as Go does)? */
  public static boolean has(GoMap m, Object k) { return m != null && m.containsKey(k); }
}
