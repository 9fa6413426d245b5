package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The goroutine stack: segments grow by doubling, empty ones are dropped, one spare is kept. */
class StackTest {
  /** Saves frames through an M's Unwind exactly as save helpers do, then commits them. */
  static void unwind(G g, int frames, int np, int nr, int base) {
    for (int f = 0; f < frames; f++) {
      int b = g.save(base + f, f, np, nr);
      for (int i = 0; i < np; i++) g.savePrims()[b + i] = (base + f) * 100L + i;
      for (int i = 0; i < nr; i++) g.saveRefs()[g.saveRefBase() + i] = "r" + (base + f) + "." + i;
    }
    g.m.unwind.commitTo(g.stack());
    g.status = 0;
  }

  @Test
  void growShrinkAndSpare() {
    G g = new G();
    g.m = new M();
    Stack st = g.stack();
    assertEquals(0, st.bytes()); // nothing allocated before the first suspension
    unwind(g, 40, 3, 2, 0);      // 40 frames of 5 prim slots: several doubling segments
    st.checkInvariants();
    assertEquals(40, st.depth());
    long grown = st.bytes();
    // innermost first: the first frame saved (fnId 0) is on top
    assertEquals(0, st.topFnId());
    for (int f = 0; f < 40; f++) {
      int pc = g.restore();
      assertEquals(f, pc);
      assertEquals(f * 100L + 2, g.restoredPrim(2));
      assertEquals("r" + f + ".1", g.restoredRef(1));
      st.checkInvariants();
    }
    assertTrue(st.isEmpty());
    assertTrue(st.bytes() < grown, "segments given back");
    assertTrue(st.bytes() > 0, "one spare kept");
    // Hot split: suspending again and again at a segment boundary allocates nothing new.
    unwind(g, 3, 3, 2, 100);
    long b = st.bytes();
    for (int k = 0; k < 1000; k++) {
      unwind(g, 1, 20, 10, 200); // does not fit the top segment: needs another
      g.restore();
      st.checkInvariants();
      assertEquals(b, st.bytes());
    }
    assertEquals(3, st.depth());
  }

  @Test
  void framesForDumpsInnermostFirst() {
    G g = new G();
    g.m = new M();
    unwind(g, 3, 1, 1, 7);
    int[][] fr = g.stack().frames();
    assertEquals(3, fr.length);
    assertEquals(7, fr[0][0]);
    assertEquals(9, fr[2][0]);
  }

  /** A parked goroutine at shallow depth stays small (the 512-byte budget of ARCHITECTURE.md). */
  @Test
  void shallowParkedStackIsSmall() {
    G g = new G();
    g.m = new M();
    unwind(g, 2, 2, 2, 0);
    // 2 frames x (2 prims + 2 header words) and 2 x 2 refs, sized exactly: 144 bytes
    assertTrue(g.stack().bytes() <= 160, "bytes " + g.stack().bytes());
  }

  /**
   * The innermost frame of a suspension is saved straight into the stack segment; a second frame
   * in the same unwind moves it back to the scratch so that it still ends on top. An abandoned
   * unwind (a panic while unwinding) leaves the stack as it was.
   */
  @Test
  void directSaveSecondFrameAndReset() {
    G g = new G();
    g.m = new M();
    Stack st = g.stack();
    unwind(g, 1, 2, 1, 0);                 // one frame: saved in place
    assertEquals(1, st.depth());
    int b = g.save(5, 3, 2, 1);            // a new unwind: frame 5 goes onto the stack at once...
    assertEquals(2, st.depth());
    g.savePrims()[b] = 50;
    g.saveRefs()[g.saveRefBase()] = "five";
    assertEquals(1, g.m.unwind.pendingOnStack());
    b = g.save(6, 4, 1, 1);                // ...and back into the scratch when frame 6 follows
    assertEquals(0, g.m.unwind.pendingOnStack());
    assertEquals(1, st.depth());
    g.savePrims()[b] = 60;
    g.saveRefs()[g.saveRefBase()] = "six";
    g.m.unwind.commitTo(st);
    g.status = 0;
    st.checkInvariants();
    assertEquals(3, st.depth());
    assertEquals(3, g.restore());          // innermost (frame 5) first, its locals intact
    assertEquals(50, g.restoredPrim(0));
    assertEquals("five", g.restoredRef(0));
    st.checkInvariants();
    assertEquals(4, g.restore());
    assertEquals(60, g.restoredPrim(0));
    assertEquals("six", g.restoredRef(0));
    g.save(7, 0, 1, 2);                    // abandoned: reset pops the frame saved in place
    g.m.unwind.reset(g.stack());
    g.status = 0;
    assertEquals(1, st.depth());
    assertEquals(0, st.topFnId());
    st.checkInvariants();
  }

  /** A restored frame's references are read in place and cleared at the stack's next operation. */
  @Test
  void restoredReferencesDoNotLinger() {
    G g = new G();
    g.m = new M();
    Stack st = g.stack();
    unwind(g, 2, 1, 2, 0);
    g.restore();
    Object[] seg = g.restoredRefs();
    int at = g.restoredRefBase();
    assertEquals("r0.0", seg[at]);         // still readable right after restore
    st.checkInvariants();                  // allowed: the frame popped last
    g.restore();
    assertEquals(null, seg[at]);           // cleared by the next pop
    assertEquals(null, seg[at + 1]);
    st.checkInvariants();
  }

  /**
   * The bottom segment stays linked when it empties, so a goroutine suspending one frame at a time
   * neither allocates nor relinks; a dead G keeps a small bottom segment for its next goroutine,
   * and a bigger first frame replaces it.
   */
  @Test
  void bottomSegmentKeptAcrossSuspensionsAndGoroutines() {
    G g = new G();
    g.m = new M();
    Stack st = g.stack();
    unwind(g, 1, 2, 1, 0);
    long bytes = st.bytes();
    int grows = st.grows;
    for (int k = 0; k < 100; k++) {
      g.restore();
      st.checkInvariants();
      unwind(g, 1, 2, 1, 0);
    }
    assertEquals(bytes, st.bytes());
    assertEquals(grows, st.grows);
    g.restore();
    st.clear();                              // the goroutine ends
    assertEquals(bytes, st.bytes(), "small bottom segment kept by the dead G");
    unwind(g, 1, 2, 1, 0);                    // the next goroutine on this G fits in it
    assertEquals(grows, st.grows);
    g.restore();
    unwind(g, 1, 30, 12, 0);                  // a bigger frame: the bottom segment is replaced
    st.checkInvariants();
    assertEquals(1, st.depth());
    assertTrue(st.grows > grows);
    g.restore();
    st.clear();                               // too big to keep (more than the first segment's default)
    assertEquals(0, st.bytes());
  }
}
