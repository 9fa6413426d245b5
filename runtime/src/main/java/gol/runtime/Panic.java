package gol.runtime;

/**
 * A Go panic travelling up the JVM stack. {@link #value} is the value passed to panic (a boxed Go
 * value), or a {@link RuntimeError} for the run-time panics (index out of range, nil map write, ...).
 * No Java stack trace is filled in unless goroutine dumps need it (the scheduler prints Go frames).
 * Known to the compiler.
 */
public final class Panic extends RuntimeException {
  public final Object value;
  /** The panic whose deferred calls were running when this one was raised (Go's _panic.link), or null. */
  public Throwable link;
  /** Whether {@link #link} had been recovered when this panic was raised. */
  public boolean linkRecovered;
  /**
   * Set when a panic raised by one of the deferred calls handling this one replaced it in the same
   * function (Go aborts this panic): recovering the new one does not bring this one back.
   */
  public boolean superseded;

  public Panic(Object value) {
    super(null, null, false, true);
    this.value = value;
  }

  /** A run-time error value: prints as its message, e.g. "runtime error: index out of range [5] with length 3". */
  public static final class RuntimeError implements Box.Typed, GoError {
    public final String message;
    public RuntimeError(String message) { this.message = message; }
    /** The Error() method of Go's runtime.Error. */
    public String Error() { return message; }
    @Override public String Error(G g) { return message; }
    @Override public String toString() { return message; }
    @Override public RType goType() { return RType.named(RType.Kind.STRUCT, "runtime.Error", null); }
  }

  /** {@code panic: runtime error: <msg>} */
  public static Panic runtime(String msg) { return new Panic(new RuntimeError("runtime error: " + msg)); }

  /** index out of range [i] with length n */
  public static Panic index(long i, long len) {
    // Go leaves out the length when the index is negative: "index out of range [-1]".
    return runtime(i < 0 ? "index out of range [" + i + "]" : "index out of range [" + i + "] with length " + len);
  }

  public static Panic divide() { return runtime("integer divide by zero"); }

  public static Panic nilDeref() { return runtime("invalid memory address or nil pointer dereference"); }

  /**
   * A failed type assertion {@code x.(T)}: Go's runtime.TypeAssertionError message, e.g.
   * {@code interface conversion: interface {} is string, not int}, or for an interface T
   * {@code interface conversion: main.T is not main.I: missing method M}. Known to the compiler.
   */
  public static Panic assertFailed(Object x, String iface, String want, boolean wantIsInterface) {
    RType dyn = Box.typeOf(x);
    String msg;
    if (x == null) msg = "interface conversion: " + iface + " is nil, not " + want;
    else if (wantIsInterface) msg = "interface conversion: " + dyn.name + " is not " + want + ": missing method";
    else msg = "interface conversion: " + iface + " is " + dyn.name + ", not " + want;
    return new Panic(new RuntimeError(msg));
  }

  /**
   * A failed assertion to an interface type: as Go's TypeAssertionError, the source is just
   * "interface", and the message names the first method (of the comma-separated, sorted
   * {@code methods}) that x's class does not have. Known to the compiler.
   */
  public static Panic assertFailed(Object x, String iface, String want, String methods) {
    if (x == null) return new Panic(new RuntimeError("interface conversion: interface is nil, not " + want));
    String missing = "";
    java.util.Set<String> have = new java.util.HashSet<>();
    for (java.lang.reflect.Method m : x.getClass().getMethods()) have.add(m.getName());
    for (String m : methods.split(",")) {
      if (!m.isEmpty() && !have.contains(m)) { missing = m; break; }
    }
    return new Panic(new RuntimeError("interface conversion: " + Box.typeOf(x).name + " is not " + want
        + ": missing method " + missing));
  }

  /** Returns o, or panics as Go does when a nil func value or nil interface is called. Known to the compiler. */
  public static Object nilCheck(Object o) {
    if (o == null) throw nilDeref();
    return o;
  }

  /** A plain panic with a string value, as the runtime raises for channel misuse ("send on closed channel"). */
  public static Panic plain(String msg) { return new Panic(new PlainError(msg)); }

  /** Errors the runtime raises that print without the "runtime error: " prefix but are still runtime.Error values. */
  public static final class PlainError implements Box.Typed, GoError {
    public final String message;
    public PlainError(String message) { this.message = message; }
    public String Error() { return message; }
    @Override public String Error(G g) { return message; }
    @Override public String toString() { return message; }
    @Override public RType goType() { return RType.named(RType.Kind.STRUCT, "runtime.plainError", null); }
  }
}
