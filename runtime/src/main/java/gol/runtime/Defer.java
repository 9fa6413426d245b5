package gol.runtime;

/**
 * One deferred call: {@code defer f(x)} evaluates f and x at once into an {@link Entry} (the same
 * kind of object {@code go} makes) and pushes it on the function's defer list, a local variable of
 * the function (so it is saved and restored with the frame when the goroutine suspends). On return
 * or panic the function pops and runs the entries, newest first. Known to the compiler.
 */
public final class Defer {
  public final Entry fn;
  public final Defer next;

  public Defer(Entry fn, Defer next) {
    this.fn = fn;
    this.next = next;
  }
}
