package gol.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Pointers to values that are not structs ({@code *int}, {@code *string}, {@code *[]T}, ...), one
 * class per JVM kind so nothing is boxed. Known to the compiler.
 *
 * <p>A {@code Cell.X} object <em>is</em> the pointer. There are two sorts:
 * <ul>
 *   <li><b>Cells</b> ({@code new Cell.J(v)}): the storage of a local variable that is captured by a
 *       closure or whose address is taken ({@code &x}), and of {@code new(int)}. The variable lives in
 *       field {@code v}, and the function owning the variable reads and writes {@code v} directly
 *       (the common case stays one getfield).</li>
 *   <li><b>Views</b> (subclasses, see {@link ElemPtr} and {@link FieldPtr}): a pointer into storage
 *       owned by something else — an element of an array or slice ({@code &a[i]}), a field of a
 *       struct ({@code &s.n}), a package-level variable ({@code &g}). They override {@link J#get}
 *       and {@link J#set} and never use {@code v}.</li>
 * </ul>
 * Code that dereferences a pointer ({@code *p}, {@code *p = x}, library functions taking pointers)
 * must call {@code get}/{@code set}, never read {@code v}: the JIT inlines the call for the one or two
 * classes a site sees. Pointer equality is {@link Object#equals}: a cell is equal only to itself, a
 * view to every view of the same location, so {@code &a[0] == &a[0]} holds as in Go.
 *
 * <p>Threading: plain get/set are plain memory accesses (a Go data race is a race here too). The
 * {@code *Volatile} and {@code compareAndSet} methods of {@link J} are sequentially consistent
 * (sync/atomic uses them) for cells and views alike.
 */
public final class Cell {
  private Cell() {}

  /** A pointer to an integer variable (any Go integer type, held as a normalized long). */
  public static class J {
    public long v;
    public J(long v) { this.v = v; }
    protected J() {}
    public long get() { return v; }
    public void set(long x) { v = x; }
    public long getVolatile() { return (long) VJ.getVolatile(this); }
    public void setVolatile(long x) { VJ.setVolatile(this, x); }
    public boolean compareAndSet(long old, long nu) { return VJ.compareAndSet(this, old, nu); }
  }

  /** A pointer to a float variable. */
  public static class D {
    public double v;
    public D(double v) { this.v = v; }
    protected D() {}
    public double get() { return v; }
    public void set(double x) { v = x; }
  }

  /** A pointer to a bool variable. */
  public static class Z {
    public boolean v;
    public Z(boolean v) { this.v = v; }
    protected Z() {}
    public boolean get() { return v; }
    public void set(boolean x) { v = x; }
  }

  /** A pointer to a variable of any reference type (string, slice, channel, interface, func, ...). */
  public static class A {
    public Object v;
    public A(Object v) { this.v = v; }
    protected A() {}
    public Object get() { return v; }
    public void set(Object x) { v = x; }
  }

  private static final VarHandle VJ;
  static {
    try {
      VJ = MethodHandles.lookup().findVarHandle(J.class, "v", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
