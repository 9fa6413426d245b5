package gol.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pointers to non-struct fields of structs ({@code &s.count}, {@code &p.name}) and to package-level
 * variables ({@code &total}): views (see {@link Cell}) that reach the field through a
 * {@link VarHandle}. Known to the compiler: it calls {@code j/d/z/a(object, class, fieldName)} for a
 * field of a struct object and {@code staticJ/D/Z/A(class, fieldName)} for a package-level variable;
 * the field must be public (struct fields and globals of generated classes are).
 *
 * <p>VarHandles are looked up once per class and field and cached (thread-safe). Two views are equal
 * when they name the same field of the same object, so {@code &s.n == &s.n} holds as in Go; atomic
 * accesses use the VarHandle's volatile modes, so sync/atomic works on {@code &s.count}.
 */
public final class FieldPtr {
  private FieldPtr() {}

  private static final ClassValue<ConcurrentHashMap<String, VarHandle>> HANDLES = new ClassValue<>() {
    @Override protected ConcurrentHashMap<String, VarHandle> computeValue(Class<?> c) { return new ConcurrentHashMap<>(); }
  };

  private static VarHandle handle(Class<?> c, String name) {
    return HANDLES.get(c).computeIfAbsent(name, n -> {
      try {
        Field f = c.getField(n);
        return MethodHandles.publicLookup().unreflectVarHandle(f);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("gol: no public field " + c.getName() + "." + n, e);
      }
    });
  }

  private static Object nonNil(Object o) {
    if (o == null) throw Panic.nilDeref();
    return o;
  }

  public static Cell.J j(Object o, Class<?> c, String name) { return new FieldJ(nonNil(o), handle(c, name)); }
  public static Cell.D d(Object o, Class<?> c, String name) { return new FieldD(nonNil(o), handle(c, name)); }
  public static Cell.Z z(Object o, Class<?> c, String name) { return new FieldZ(nonNil(o), handle(c, name)); }
  public static Cell.A a(Object o, Class<?> c, String name) { return new FieldA(nonNil(o), handle(c, name)); }

  public static Cell.J staticJ(Class<?> c, String name) { return new StaticJ(handle(c, name)); }
  public static Cell.D staticD(Class<?> c, String name) { return new StaticD(handle(c, name)); }
  public static Cell.Z staticZ(Class<?> c, String name) { return new StaticZ(handle(c, name)); }
  public static Cell.A staticA(Class<?> c, String name) { return new StaticA(handle(c, name)); }

  private static int hash(Object o, VarHandle h) { return System.identityHashCode(o) * 31 + System.identityHashCode(h); }

  static final class FieldJ extends Cell.J {
    final Object o;
    final VarHandle h;
    FieldJ(Object o, VarHandle h) { this.o = o; this.h = h; }
    @Override public long get() { return (long) h.get(o); }
    @Override public void set(long x) { h.set(o, x); }
    @Override public long getVolatile() { return (long) h.getVolatile(o); }
    @Override public void setVolatile(long x) { h.setVolatile(o, x); }
    @Override public boolean compareAndSet(long old, long nu) { return h.compareAndSet(o, old, nu); }
    @Override public boolean equals(Object x) { return x instanceof FieldJ f && f.o == o && f.h == h; }
    @Override public int hashCode() { return hash(o, h); }
  }

  static final class FieldD extends Cell.D {
    final Object o;
    final VarHandle h;
    FieldD(Object o, VarHandle h) { this.o = o; this.h = h; }
    @Override public double get() { return (double) h.get(o); }
    @Override public void set(double x) { h.set(o, x); }
    @Override public boolean equals(Object x) { return x instanceof FieldD f && f.o == o && f.h == h; }
    @Override public int hashCode() { return hash(o, h); }
  }

  static final class FieldZ extends Cell.Z {
    final Object o;
    final VarHandle h;
    FieldZ(Object o, VarHandle h) { this.o = o; this.h = h; }
    @Override public boolean get() { return (boolean) h.get(o); }
    @Override public void set(boolean x) { h.set(o, x); }
    @Override public boolean equals(Object x) { return x instanceof FieldZ f && f.o == o && f.h == h; }
    @Override public int hashCode() { return hash(o, h); }
  }

  static final class FieldA extends Cell.A {
    final Object o;
    final VarHandle h;
    FieldA(Object o, VarHandle h) { this.o = o; this.h = h; }
    @Override public Object get() { return h.get(o); }
    @Override public void set(Object x) { h.set(o, x); }
    @Override public boolean equals(Object x) { return x instanceof FieldA f && f.o == o && f.h == h; }
    @Override public int hashCode() { return hash(o, h); }
  }

  static final class StaticJ extends Cell.J {
    final VarHandle h;
    StaticJ(VarHandle h) { this.h = h; }
    @Override public long get() { return (long) h.get(); }
    @Override public void set(long x) { h.set(x); }
    @Override public long getVolatile() { return (long) h.getVolatile(); }
    @Override public void setVolatile(long x) { h.setVolatile(x); }
    @Override public boolean compareAndSet(long old, long nu) { return h.compareAndSet(old, nu); }
    @Override public boolean equals(Object x) { return x instanceof StaticJ f && f.h == h; }
    @Override public int hashCode() { return System.identityHashCode(h); }
  }

  static final class StaticD extends Cell.D {
    final VarHandle h;
    StaticD(VarHandle h) { this.h = h; }
    @Override public double get() { return (double) h.get(); }
    @Override public void set(double x) { h.set(x); }
    @Override public boolean equals(Object x) { return x instanceof StaticD f && f.h == h; }
    @Override public int hashCode() { return System.identityHashCode(h); }
  }

  static final class StaticZ extends Cell.Z {
    final VarHandle h;
    StaticZ(VarHandle h) { this.h = h; }
    @Override public boolean get() { return (boolean) h.get(); }
    @Override public void set(boolean x) { h.set(x); }
    @Override public boolean equals(Object x) { return x instanceof StaticZ f && f.h == h; }
    @Override public int hashCode() { return System.identityHashCode(h); }
  }

  static final class StaticA extends Cell.A {
    final VarHandle h;
    StaticA(VarHandle h) { this.h = h; }
    @Override public Object get() { return h.get(); }
    @Override public void set(Object x) { h.set(x); }
    @Override public boolean equals(Object x) { return x instanceof StaticA f && f.h == h; }
    @Override public int hashCode() { return System.identityHashCode(h); }
  }
}
