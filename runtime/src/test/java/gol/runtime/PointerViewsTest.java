package gol.runtime;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Cells and views (gol.runtime.Cell, ElemPtr, FieldPtr): reads and writes reach the storage, equality is by location. */
class PointerViewsTest {
  /** Stands for a generated struct class: public fields of each JVM kind. */
  public static final class Obj {
    public long n;
    public double f;
    public boolean b;
    public String s = "";
  }

  /** Stands for a generated program class: a public static field per package-level variable. */
  public static final class Globals {
    public static long global;
  }

  @Test void elementViewsReadAndWriteTheArray() {
    long[] a = {1, 2, 3};
    Cell.J p = ElemPtr.arrayJ(a, 1);
    p.set(p.get() + 40);
    assertEquals(42, a[1]);
    assertEquals(ElemPtr.arrayJ(a, 1), p);
    assertNotEquals(ElemPtr.arrayJ(a, 2), p);
    assertEquals(ElemPtr.arrayJ(a, 1).hashCode(), p.hashCode());
  }

  @Test void sliceViewsUseTheOffsetAndCheckTheIndex() {
    Slice s = Slice.make(RType.slice(RType.UINT32), 4, 4);
    Slice tail = Slice.sliceArray(RType.slice(RType.UINT32), s.array, 1, 4);
    Cell.J p = ElemPtr.sliceUI(tail, 0);
    p.set(0xFFFF_FFFFL);
    assertEquals(0xFFFF_FFFFL, ElemPtr.sliceUI(s, 1).get());   // zero-extended as uint32
    assertEquals(ElemPtr.sliceUI(s, 1), p);                     // the same slot through two slices
    Panic e = assertThrows(Panic.class, () -> ElemPtr.sliceUI(tail, 3));
    assertTrue(e.value.toString().contains("index out of range [3] with length 3"), e.value.toString());
  }

  @Test void fieldViewsReachTheFieldAndCompareByObjectAndField() {
    Obj o = new Obj();
    Cell.J n = FieldPtr.j(o, Obj.class, "n");
    n.set(7);
    assertEquals(7, o.n);
    assertEquals(FieldPtr.j(o, Obj.class, "n"), n);
    assertNotEquals(FieldPtr.j(new Obj(), Obj.class, "n"), n);
    FieldPtr.d(o, Obj.class, "f").set(1.5);
    FieldPtr.z(o, Obj.class, "b").set(true);
    FieldPtr.a(o, Obj.class, "s").set("x");
    assertEquals(1.5, o.f);
    assertTrue(o.b);
    assertEquals("x", o.s);
    assertThrows(Panic.class, () -> FieldPtr.j(null, Obj.class, "n"));
  }

  @Test void staticViewsAndAtomics() throws InterruptedException {
    Cell.J g = FieldPtr.staticJ(Globals.class, "global");
    g.setVolatile(0);
    Cell.J[] targets = {g, ElemPtr.arrayJ(new long[1], 0), ElemPtr.arrayI(new int[1], 0), new Cell.J(0)};
    for (Cell.J t : targets) {
      Thread[] ts = new Thread[4];
      for (int i = 0; i < ts.length; i++) {
        ts[i] = new Thread(() -> {
          for (int k = 0; k < 10_000; k++) {
            for (;;) {
              long old = t.getVolatile();
              if (t.compareAndSet(old, old + 1)) break;
            }
          }
        });
        ts[i].start();
      }
      for (Thread th : ts) th.join(10_000);
      assertEquals(40_000, t.get(), "atomic increments through " + t.getClass().getSimpleName());
    }
    assertEquals(40_000, Globals.global);
  }
}
