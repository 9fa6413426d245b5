package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local run queue of a P, single-threaded and deterministic: runnext, overflow, stealing. */
class RunQueueTest {
  static List<G> gs(int n) {
    List<G> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      G g = new G();
      g.id = i;
      l.add(g);
    }
    return l;
  }

  static List<Long> drain(P p) {
    List<Long> ids = new ArrayList<>();
    for (G g; (g = p.runqget()) != null; ) ids.add(g.id);
    return ids;
  }

  /** runnext holds the newest G; the one it displaces goes to the tail; runnext runs first and inherits. */
  @Test
  void runnextRunsFirstAndKicksTheOldOneToTheTail() {
    Sched s = Sched.unstarted(1);
    P p = s.allp[0];
    List<G> g = gs(4);
    p.runqput(g.get(0), false);
    p.runqput(g.get(1), true);
    p.runqput(g.get(2), true); // 1 is kicked to the tail
    p.runqput(g.get(3), false);
    assertSame(g.get(2), p.runqget());
    assertTrue(p.lastInherit, "a G from runnext inherits the time slice");
    assertSame(g.get(0), p.runqget());
    assertEquals(false, p.lastInherit);
    assertEquals(List.of(1L, 3L), drain(p));
    assertTrue(p.runqEmpty());
  }

  /** A full ring (256) moves half of it plus the new G (129) to the global queue in one batch, in order. */
  @Test
  void overflowMovesHalfPlusOneToTheGlobalQueue() {
    Sched s = Sched.unstarted(1);
    P p = s.allp[0];
    List<G> g = gs(257);
    for (int i = 0; i < 256; i++) p.runqput(g.get(i), false);
    assertEquals(256, p.runqSize());
    assertEquals(0, s.globalQueueSize());
    p.runqput(g.get(256), false);
    assertEquals(129, s.globalQueueSize());
    assertEquals(128, p.runqSize());
    List<Long> global = new ArrayList<>();
    for (G x; (x = s.globalQueueTake()) != null; ) global.add(x.id);
    List<Long> expect = new ArrayList<>();
    for (long i = 0; i < 128; i++) expect.add(i);
    expect.add(256L);
    assertEquals(expect, global, "the oldest half, then the new G");
    List<Long> local = drain(p);
    assertEquals(128, local.size());
    assertEquals(128L, local.get(0));
    assertEquals(255L, local.get(127));
  }

  /** A thief takes half, rounded up, of the victim's ring (oldest first), runs the last one and queues the rest. */
  @Test
  void stealTakesHalfRoundedUp() {
    Sched s = Sched.unstarted(2);
    P victim = s.allp[0], thief = s.allp[1];
    List<G> g = gs(7);
    for (G x : g) victim.runqput(x, false);
    G run = victim.runqsteal(thief, false);
    assertEquals(3L, run.id, "4 stolen (7 - 7/2): ids 0..3, the last runs at once");
    assertEquals(List.of(0L, 1L, 2L), drain(thief));
    assertEquals(List.of(4L, 5L, 6L), drain(victim));
  }

  /** runnext is stolen only when asked (Go: on the last pass) and only when the ring is empty. */
  @Test
  void runnextIsStolenOnlyOnTheLastPass() {
    Sched s = Sched.unstarted(2);
    P victim = s.allp[0], thief = s.allp[1];
    G g = gs(1).get(0);
    victim.runqput(g, true);
    assertNull(victim.runqsteal(thief, false));
    assertSame(g, victim.runqsteal(thief, true));
    assertTrue(victim.runqEmpty());
    assertNull(victim.runqsteal(thief, true));
  }

  /** One G in the ring: the thief takes it (1 - 1/2 = 1). */
  @Test
  void stealSingle() {
    Sched s = Sched.unstarted(2);
    P victim = s.allp[0], thief = s.allp[1];
    G g = gs(1).get(0);
    victim.runqput(g, false);
    assertSame(g, victim.runqsteal(thief, false));
    assertTrue(thief.runqEmpty());
  }

  /**
   * Overflow and steal copy pieces of the rings (System.arraycopy, two pieces where a ring wraps):
   * with head and tail far past the ring's end, nothing is lost, doubled or reordered.
   */
  @Test
  void overflowAndStealKeepTheOrderWhereTheRingsWrap() {
    Sched s = Sched.unstarted(2);
    P victim = s.allp[0], thief = s.allp[1];
    for (G x : gs(200)) { // move both rings' counters to 200 of 256
      victim.runqput(x, false);
      victim.runqget();
      thief.runqput(x, false);
      thief.runqget();
    }
    List<G> g = gs(257);
    for (G x : g) victim.runqput(x, false); // the 257th overflows: 0..127 and 256 go global
    List<Long> global = new ArrayList<>();
    for (G x; (x = s.globalQueueTake()) != null; ) global.add(x.id);
    List<Long> expect = new ArrayList<>();
    for (long i = 0; i < 128; i++) expect.add(i);
    expect.add(256L);
    assertEquals(expect, global);
    G run = victim.runqsteal(thief, false); // half of 128..255: 128..191, the last runs at once
    assertEquals(191L, run.id);
    List<Long> stolen = drain(thief);
    assertEquals(63, stolen.size());
    for (int i = 0; i < 63; i++) assertEquals(128L + i, stolen.get(i));
    List<Long> left = drain(victim);
    assertEquals(64, left.size());
    for (int i = 0; i < 64; i++) assertEquals(192L + i, left.get(i));
  }

  /** The global queue keeps FIFO order across wrap-around and growth, single and batched puts. */
  @Test
  void globalQueueIsFifoAcrossWrapAndGrowth() {
    GlobalRunq q = new GlobalRunq();
    List<G> g = gs(3000);
    long next = 0;
    int put = 0;
    for (int round = 0; round < 20; round++) {
      for (int k = 0; k < 37 && put < g.size(); k++) q.put(g.get(put++));
      G[] batch = new G[100];
      int n = 0;
      while (n < 100 && put < g.size()) batch[n++] = g.get(put++);
      q.putBatch(batch, n);
      for (int k = 0; k < 60; k++) assertEquals(next++, q.poll().id); // wraps the ring while it grows
    }
    assertEquals(put - next, q.size());
    assertEquals(next, q.peek(0).id);
    while (q.size() > 0) assertEquals(next++, q.poll().id);
    assertNull(q.poll());
    assertEquals(put, next);
  }

  /** Dead Gs spill to the global free list in batches and come back to another P; none lost or doubled. */
  @Test
  void freeGsMoveBetweenPsInBatches() {
    Sched s = Sched.unstarted(2);
    P a = s.allp[0], b = s.allp[1];
    List<G> g = gs(1000);
    for (G x : g) a.gfput(x);
    assertTrue(a.gfreeCount < P.GFREE_MAX, "a spilled");
    assertEquals(1000, a.gfreeCount + s.gfreeGlobalCount);
    java.util.Set<G> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (G x; (x = b.gfget()) != null; ) assertTrue(seen.add(x), "a G handed out twice");
    for (G x; (x = a.gfget()) != null; ) assertTrue(seen.add(x), "a G handed out twice");
    assertEquals(1000, seen.size());
    assertEquals(0, s.gfreeGlobalCount);
  }
}
