package gol.runtime;

/**
 * The results of a call of a function with two or more results. Result i of JVM kind long / double /
 * reference is stored in the next free field of that kind, in result order: for
 * {@code (int, string, error)} that is j0, a0, a1. A function has at most four results of each kind.
 * Known to the compiler.
 */
public final class Tuple {
  public long j0, j1, j2, j3;
  public double d0, d1, d2, d3;
  public Object a0, a1, a2, a3;
}
