package gol.runtime;

/**
 * Heap cells for variables captured by closures: Go closures capture variables, not values, so a
 * captured local lives in a cell shared by the function and every closure that refers to it.
 * One class per JVM kind, so nothing is boxed. Known to the compiler.
 */
public final class Cell {
  private Cell() {}

  /** A captured integer variable (any Go integer type). */
  public static final class J { public long v; public J(long v) { this.v = v; } }

  /** A captured float variable. */
  public static final class D { public double v; public D(double v) { this.v = v; } }

  /** A captured bool variable. */
  public static final class Z { public boolean v; public Z(boolean v) { this.v = v; } }

  /** A captured variable of any reference type (string, slice, channel, interface, func, ...). */
  public static final class A { public Object v; public A(Object v) { this.v = v; } }
}
