package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.runtime.Shapes.Loop;
import gol.runtime.Shapes.Seq;
import gol.runtime.lib.sync;
import gol.runtime.lib.sync_atomic;
import java.util.ArrayDeque;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** sync.Cond (runtime side; gol programs need pointers for NewCond), RWMutex misuse, sync/atomic. */
class SyncTest {
  /**
   * A bounded queue (capacity 2) with two conds over one mutex: 2 producers x 500 items, 2
   * consumers x 500. Each goroutine is a loop whose body does one blocking step (Lock, Wait, or
   * the work plus Unlock), a state machine in the shape compiled code has.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void condBoundedQueue(int procs) {
    TestProgram prog = new TestProgram();
    Seq main = new Seq(prog, "main.main", 20);
    Loop producer = new Loop(prog, "main.producer", 10);
    Loop consumer = new Loop(prog, "main.consumer", 15);
    sync.Mutex mu = new sync.Mutex();
    sync.WaitGroup wg = new sync.WaitGroup();
    ArrayDeque<Long> queue = new ArrayDeque<>();
    long[] total = new long[1];
    TestProgram.Result r = SchedTest.run(prog, procs, g -> {
      sync.Cond notFull = sync.NewCond(g, mu);
      sync.Cond notEmpty = sync.NewCond(g, mu);
      wg.Add(g, 4);
      for (int p = 0; p < 2; p++) {
        long base = p * 1000L;
        Sched.go(g, TestProgram.go("main.main", 3, cg -> producer.run(cg, Long.MAX_VALUE, new Object[] {new long[2]}, new Shapes.Step() {
          @Override public Object invoke(G g2, long i, Object[] vars) {
            long[] st = (long[]) vars[0]; // st[0]: 0 = lock next, 1 = locked; st[1]: items produced
            if (st[0] == 0) { st[0] = 1; mu.Lock(g2); return null; }
            if (queue.size() == 2) { notFull.Wait(g2); return null; }
            queue.add(base + st[1]++);
            st[0] = 0;
            notEmpty.Signal(g2);
            mu.Unlock(g2);
            if (st[1] == 500) wg.Done(g2);
            return null;
          }
          @Override public boolean after(long i, Object v, Object[] vars) {
            long[] st = (long[]) vars[0];
            return !(st[1] == 500 && st[0] == 0);
          }
        })));
      }
      for (int c = 0; c < 2; c++) {
        Sched.go(g, TestProgram.go("main.main", 4, cg -> consumer.run(cg, Long.MAX_VALUE, new Object[] {new long[2]}, new Shapes.Step() {
          @Override public Object invoke(G g2, long i, Object[] vars) {
            long[] st = (long[]) vars[0];
            if (st[0] == 0) { st[0] = 1; mu.Lock(g2); return null; }
            if (queue.isEmpty()) { notEmpty.Wait(g2); return null; }
            total[0] += queue.poll();
            st[1]++;
            st[0] = 0;
            notFull.Signal(g2);
            mu.Unlock(g2);
            if (st[1] == 500) wg.Done(g2);
            return null;
          }
          @Override public boolean after(long i, Object v, Object[] vars) {
            long[] st = (long[]) vars[0];
            return !(st[1] == 500 && st[0] == 0);
          }
        })));
      }
      main.run(g, new Object[1], (g2, i, v) -> { wg.Wait(g2); return null; });
    });
    assertEquals(0, r.code(), r.err());
    long expect = 0;
    for (int p = 0; p < 2; p++) for (int k = 0; k < 500; k++) expect += p * 1000L + k;
    assertEquals(expect, total[0]);
  }

  @Test
  void atomicsWrapAsGo() {
    Cell.J x = new Cell.J(Integer.MAX_VALUE);
    assertEquals(Integer.MIN_VALUE, sync_atomic.AddInt32(null, x, 1));
    Cell.J u = new Cell.J(0);
    assertEquals(0xFFFF_FFFFL, sync_atomic.AddUint32(null, u, 0xFFFF_FFFFL)); // AddUint32(&u, ^uint32(0))
    assertEquals(0xFFFF_FFFEL, sync_atomic.AddUint32(null, u, 0xFFFF_FFFFL));
    Cell.J n = new Cell.J(5);
    assertTrue(sync_atomic.CompareAndSwapInt64(null, n, 5, 7));
    assertFalse(sync_atomic.CompareAndSwapInt64(null, n, 5, 9));
    assertEquals(7, sync_atomic.SwapInt64(null, n, 1));
    assertEquals(1, sync_atomic.LoadInt64(null, n));
    assertThrows(Panic.class, () -> sync_atomic.AddInt64(null, null, 1));
    sync_atomic.Value v = new sync_atomic.Value();
    assertEquals(null, v.Load(null));
    assertThrows(Panic.class, () -> v.Store(null, null));
    v.Store(null, "a");
    assertThrows(Panic.class, () -> v.Store(null, 1L));
    assertTrue(v.CompareAndSwap(null, "a", "b"));
    assertEquals("b", v.Swap(null, "c"));
  }
}
