package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Knobs: parsing GOLDEBUG pairs, the defaults, describe(), and the ring capacity they give a P. */
class KnobsTest {
  @Test
  void defaultsAreGos() {
    Knobs k = Knobs.of(Config.of(""));
    assertTrue(k.allDefault());
    assertEquals("model=gmp procs=4 steal=on runq=256 runnext=on preempt=on timeslice=10ms globalpoll=61", k.describe(4));
  }

  @Test
  void pairsSetKnobs() {
    Knobs k = Knobs.of(Config.of("steal=0,runqsize=8,timeslice=3,runnext=0,preempt=false,globalpoll=7,model=gil,gilinterval=2,shuffle"));
    assertFalse(k.allDefault());
    assertEquals("model=gil procs=2 steal=off runq=8 runnext=off preempt=off timeslice=3ms globalpoll=7 gilinterval=2ms shuffle=on",
        k.describe(2));
  }

  @Test
  void threadsHeaderListsNoSchedulerKnobs() {
    Knobs k = Knobs.of(Config.of("model=threads,steal=0,runqsize=8"));
    assertEquals("model=threads", k.describe(2));
  }

  @Test
  void aSeedMeansTheSingleModel() {
    Knobs k = Knobs.of(Config.of("model=gmp,seed=42"));
    assertEquals(Knobs.Model.SINGLE, k.model);
    assertEquals(42L, k.seed);
  }

  @Test
  void outOfRangeValuesAreClamped() {
    Knobs k = Knobs.of(Config.of("runqsize=100000,globalpoll=0,model=fibers"));
    assertEquals(P.RUNQ_SIZE, k.runqSize);
    assertEquals(1, k.globalPoll);
    assertEquals(Knobs.Model.GMP, k.model); // a bad model in GOLDEBUG does not stop the program
    assertThrows(IllegalArgumentException.class, () -> Knobs.parseModel("fibers"));
  }

  @Test
  void aSmallRingOverflowsToTheGlobalQueue() {
    Sched s = Sched.unstarted(1, Knobs.of(Config.of("runqsize=4")));
    P p = s.allp[0];
    for (int i = 0; i < 6; i++) p.runqput(new G(), false);
    assertTrue(p.runqSize() <= 4, "ring holds at most 4: " + p.runqSize());
    assertEquals(6, p.runqSize() + s.globalQueueSize());
  }

  @Test
  void withoutRunnextTheNewestGoesToTheTail() {
    Sched s = Sched.unstarted(1, Knobs.of(Config.of("runnext=0")));
    P p = s.allp[0];
    G a = new G(), b = new G();
    p.runqput(a, true);
    p.runqput(b, true);
    assertEquals(a, p.runqget());
    assertEquals(b, p.runqget());
  }
}
