package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.GoStruct;
import gol.runtime.RType;
import gol.runtime.RType.Kind;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reading gol values out of their containers for printing: elements of backing arrays and fields of
 * struct objects, boxed the way an interface holds them (see {@link Box}); the order fmt prints map
 * keys in; made-up addresses for %p. Thread-safe.
 */
final class Values {
  private Values() {}

  /** Element idx of a backing array whose element type is et, boxed. */
  static Object element(Object array, int idx, RType et) {
    return et.boxElement(rawElement(array, idx, et));
  }

  private static Object rawElement(Object array, int idx, RType et) {
    if (array instanceof Object[] a) {
      Object o = a[idx];
      return et.kind == Kind.COMPLEX64 && o instanceof gol.runtime.Complex c ? Box.boxComplex64(c) : o;
    }
    if (array instanceof long[] a) return Box.box(a[idx], et);
    if (array instanceof int[] a) return Box.box(normalize(a[idx], et), et);
    if (array instanceof byte[] a) return Box.box(normalize(a[idx], et), et);
    if (array instanceof double[] a) return et.kind == Kind.FLOAT32 ? Box.boxFloat32(a[idx]) : Box.boxFloat64(a[idx]);
    return Box.boxBool(((boolean[]) array)[idx]);
  }

  /** An integer read from a narrower Java slot, as a value of Go integer type t. */
  static long normalize(long v, RType t) {
    switch (t.kind) {
      case UINT8: return v & 0xFF;
      case UINT16: return v & 0xFFFF;
      case UINT32: return v & 0xFFFF_FFFFL;
      case INT8: return (byte) v;
      case INT16: return (short) v;
      case INT32: return (int) v;
      default: return v;
    }
  }

  /** Boxes a raw Java value (as read from a field by reflection) as a value of Go type t. */
  static Object boxRaw(Object raw, RType t) {
    switch (t.kind) {
      case INT: case INT8: case INT16: case INT32: case INT64:
      case UINT: case UINT8: case UINT16: case UINT32: case UINT64: case UINTPTR:
        if (raw instanceof Number n) return Box.box(normalize(n.longValue(), t), t);
        if (raw instanceof Character c) return Box.box(normalize(c, t), t);
        return raw;
      case FLOAT32:
        return raw instanceof Number n ? Box.boxFloat32(n.doubleValue()) : raw;
      case FLOAT64:
        return raw instanceof Number n ? Box.boxFloat64(n.doubleValue()) : raw;
      default:
        return raw;
    }
  }

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  /** Field i (named name, of type ft) of struct object v, boxed. */
  static Object field(Object v, int i, String name, RType ft) {
    if (v instanceof GoStruct s) return s.goField(i);
    if (v == null) return ft.zeroValue();
    Class<?> c = v.getClass();
    Field fld = FIELDS.computeIfAbsent(c.getName() + "#" + name, k -> {
      try {
        Field x = c.getField(name);
        return x;
      } catch (NoSuchFieldException e) {
        return null;
      }
    });
    if (fld == null) return ft.zeroValue();
    try {
      return boxRaw(fld.get(v), ft);
    } catch (IllegalAccessException e) {
      return ft.zeroValue();
    }
  }

  /**
   * The order fmt prints map keys in (Go's internal/fmtsort): numbers by value, strings
   * lexicographically by bytes, false before true, nil first; keys of mixed types by type name.
   */
  static int compareKeys(Object a, Object b) {
    if (a == b) return 0;
    if (a == null) return -1;
    if (b == null) return 1;
    RType ta = Box.typeOf(a), tb = Box.typeOf(b);
    if (ta != tb && !ta.name.equals(tb.name)) return ta.name.compareTo(tb.name);
    switch (ta.kind) {
      case INT: case INT8: case INT16: case INT32: case INT64:
        return Long.compare(Box.unboxInt(a), Box.unboxInt(b));
      case UINT: case UINT8: case UINT16: case UINT32: case UINT64: case UINTPTR:
        return Long.compareUnsigned(Box.unboxInt(a), Box.unboxInt(b));
      case FLOAT32: case FLOAT64: {
        double x = Box.unboxFloat(a), y = Box.unboxFloat(b);
        if (x < y) return -1;
        if (x > y) return 1;
        if (Double.isNaN(x)) return Double.isNaN(y) ? 0 : -1; // NaN sorts first
        return Double.isNaN(y) ? 1 : 0;
      }
      case COMPLEX64: case COMPLEX128: {   // by real part, then imaginary part
        gol.runtime.Complex x = Box.unboxComplex(a), y = Box.unboxComplex(b);
        int c = compareKeys(Box.boxFloat64(x.re), Box.boxFloat64(y.re));
        return c != 0 ? c : compareKeys(Box.boxFloat64(x.im), Box.boxFloat64(y.im));
      }
      case STRING:
        return ((String) a).compareTo((String) b);
      case BOOL:
        return Boolean.compare((Boolean) a, (Boolean) b);
      case STRUCT:
        if (a instanceof GoStruct sa && b instanceof GoStruct sb) {
          for (int i = 0; i < ta.fieldTypes.size(); i++) {
            int c = compareKeys(sa.goField(i), sb.goField(i));
            if (c != 0) return c;
          }
        }
        return 0;
      case ARRAY:   // element by element (an array key arrives as a Slice header of the array type)
        if (a instanceof gol.runtime.Slice sa && b instanceof gol.runtime.Slice sb) {
          for (int i = 0; i < sa.len && i < sb.len; i++) {
            int c = compareKeys(element(sa.array, sa.off + i, ta.elem), element(sb.array, sb.off + i, ta.elem));
            if (c != 0) return c;
          }
        }
        return 0;
      default:
        return Long.compare(address(a), address(b));
    }
  }

  /**
   * A stable made-up address for a reference value (pointers, channels, maps, functions): 0 for nil,
   * otherwise in Go's heap range 0xc000000000 so it looks like what Go prints.
   */
  static long address(Object v) {
    v = structPointee(v);
    if (v == null) return 0;
    if (v instanceof gol.runtime.Slice s) v = s.array;
    if (v instanceof gol.runtime.TypedRef r) { v = r.v; if (v == null) return 0; }
    // a view of an element or field (gol.runtime.Cell): every view of one location prints one address
    int h = isView(v) ? v.hashCode() : System.identityHashCode(v);
    return 0xc000000000L + ((h & 0x7FFFFFFFL) << 3);
  }

  private static boolean isView(Object v) {
    Class<?> c = v.getClass();
    return c.getSuperclass() == gol.runtime.Cell.J.class || c.getSuperclass() == gol.runtime.Cell.D.class
        || c.getSuperclass() == gol.runtime.Cell.Z.class || c.getSuperclass() == gol.runtime.Cell.A.class;
  }

  /**
   * A pointer to a struct in an interface is a box around the struct object (null for a nil
   * pointer): the struct object is the pointer's identity. Other values are returned as they are.
   */
  static Object structPointee(Object v) {
    if (v instanceof gol.runtime.GoPointer gp && gp.goType().elem != null && gp.goType().elem.kind == RType.Kind.STRUCT) {
      return gp.goLoad();
    }
    return v;
  }
}
