package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.Cell;
import gol.runtime.G;
import gol.runtime.Panic;
import gol.runtime.RType;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Go's package sync/atomic. The functions take pointers: a {@code *int32}, {@code *int64},
 * {@code *uint32} or {@code *uint64} is a {@link Cell.J} passed as an Object (pointer types compile
 * to Object; a cell or a view of a field or element, whose value is a long: int32 sign-extended,
 * uint32 zero-extended), and the operations are its volatile accesses and compare-and-set
 * (sequentially consistent, like Go's). The Go 1.19 types Int32, Int64, Uint32, Uint64 and Value are classes with methods.
 * Nothing here blocks.
 */
@SuppressWarnings({"checkstyle:TypeName", "checkstyle:MethodName"})
public final class sync_atomic {
  private sync_atomic() {}

  /** A pointer to an integer variable is a Cell.J (a cell or a view, see gol.runtime.Cell); nil panics as in Go. */
  private static Cell.J cell(Cell.J p) {
    if (p == null) throw Panic.nilDeref();
    return p;
  }

  static long i32(long v) { return (int) v; }

  static long u32(long v) { return v & 0xFFFF_FFFFL; }

  // ---------------------------------------------------------------- 64-bit (no normalisation needed)

  public static long AddInt64(G g, Cell.J ptr, long d) {
    Cell.J p = cell(ptr);
    for (;;) {
      long old = p.getVolatile();
      if (p.compareAndSet(old, old + d)) return old + d;
    }
  }
  public static long AddUint64(G g, Cell.J p, long d) { return AddInt64(g, p, d); }
  public static long LoadInt64(G g, Cell.J p) { return cell(p).getVolatile(); }
  public static long LoadUint64(G g, Cell.J p) { return LoadInt64(g, p); }
  public static void StoreInt64(G g, Cell.J p, long v) { cell(p).setVolatile(v); }
  public static void StoreUint64(G g, Cell.J p, long v) { StoreInt64(g, p, v); }
  public static long SwapInt64(G g, Cell.J ptr, long v) {
    Cell.J p = cell(ptr);
    for (;;) {
      long old = p.getVolatile();
      if (p.compareAndSet(old, v)) return old;
    }
  }
  public static long SwapUint64(G g, Cell.J p, long v) { return SwapInt64(g, p, v); }
  public static boolean CompareAndSwapInt64(G g, Cell.J p, long old, long nu) { return cell(p).compareAndSet(old, nu); }
  public static boolean CompareAndSwapUint64(G g, Cell.J p, long old, long nu) { return CompareAndSwapInt64(g, p, old, nu); }

  // ---------------------------------------------------------------- 32-bit (results wrap as Go's)

  private static long add32(Cell.J ptr, long d, boolean unsigned) {
    Cell.J p = cell(ptr);
    for (;;) {
      long old = p.getVolatile();
      long nu = unsigned ? u32(old + d) : i32(old + d);
      if (p.compareAndSet(old, nu)) return nu;
    }
  }

  public static long AddInt32(G g, Cell.J p, long d) { return add32(p, d, false); }
  public static long AddUint32(G g, Cell.J p, long d) { return add32(p, d, true); }
  public static long LoadInt32(G g, Cell.J p) { return LoadInt64(g, p); }
  public static long LoadUint32(G g, Cell.J p) { return LoadInt64(g, p); }
  public static void StoreInt32(G g, Cell.J p, long v) { StoreInt64(g, p, i32(v)); }
  public static void StoreUint32(G g, Cell.J p, long v) { StoreInt64(g, p, u32(v)); }
  public static long SwapInt32(G g, Cell.J p, long v) { return SwapInt64(g, p, i32(v)); }
  public static long SwapUint32(G g, Cell.J p, long v) { return SwapInt64(g, p, u32(v)); }
  public static boolean CompareAndSwapInt32(G g, Cell.J p, long old, long nu) { return CompareAndSwapInt64(g, p, i32(old), i32(nu)); }
  public static boolean CompareAndSwapUint32(G g, Cell.J p, long old, long nu) { return CompareAndSwapInt64(g, p, u32(old), u32(nu)); }

  // ---------------------------------------------------------------- the Go 1.19 types

  /** atomic.Int64 (and, with wrapping, Int32 / Uint32 / Uint64 below). */
  public static class Int64 implements Box.Typed {
    final AtomicLong v = new AtomicLong();

    long norm(long x) { return x; }

    public long Load(G g) { return v.get(); }
    public void Store(G g, long x) { v.set(norm(x)); }
    public long Swap(G g, long x) { return v.getAndSet(norm(x)); }
    public boolean CompareAndSwap(G g, long old, long nu) { return v.compareAndSet(norm(old), norm(nu)); }

    public long Add(G g, long d) {
      for (;;) {
        long old = v.get();
        long nu = norm(old + d);
        if (v.compareAndSet(old, nu)) return nu;
      }
    }

    String goName() { return "atomic.Int64"; }

    @Override public RType goType() { return RType.pointer(RType.named(RType.Kind.STRUCT, "sync/atomic." + goName().substring(7), null)); }
  }

  public static final class Int32 extends Int64 {
    @Override long norm(long x) { return i32(x); }
    @Override String goName() { return "atomic.Int32"; }
  }

  public static final class Uint32 extends Int64 {
    @Override long norm(long x) { return u32(x); }
    @Override String goName() { return "atomic.Uint32"; }
  }

  public static final class Uint64 extends Int64 {
    @Override String goName() { return "atomic.Uint64"; }
  }

  /**
   * atomic.Value: Load returns nil until the first Store; every Store must use the same concrete
   * type, and nil cannot be stored (Go's panics).
   */
  public static final class Value implements Box.Typed {
    private final AtomicReference<Object> v = new AtomicReference<>();

    public Object Load(G g) { return v.get(); }

    private void check(Object x) {
      if (x == null) throw new Panic("sync/atomic: store of nil value into Value");
      Object cur = v.get();
      if (cur != null && !sameType(cur, x)) throw new Panic("sync/atomic: store of inconsistently typed value into Value");
    }

    private static boolean sameType(Object a, Object b) {
      if (a instanceof Box.Typed ta && b instanceof Box.Typed tb) return ta.goType().equals(tb.goType());
      return a.getClass() == b.getClass();
    }

    public void Store(G g, Object x) {
      check(x);
      v.set(x);
    }

    public Object Swap(G g, Object x) {
      check(x);
      return v.getAndSet(x);
    }

    public boolean CompareAndSwap(G g, Object old, Object nu) {
      check(nu);
      for (;;) {
        Object cur = v.get();
        if (!java.util.Objects.equals(cur, old)) return false;
        if (v.compareAndSet(cur, nu)) return true;
      }
    }

    @Override public RType goType() { return RType.pointer(RType.named(RType.Kind.STRUCT, "sync/atomic.Value", null)); }
  }
}
