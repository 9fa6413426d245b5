package gol.runtime.lib;

import static org.junit.jupiter.api.Assertions.*;

import gol.runtime.Fn;
import gol.runtime.G;
import gol.runtime.Panic;
import gol.runtime.Slice;
import org.junit.jupiter.api.Test;

/** math/rand: value streams equal to Go 1.19's (expected values printed by real Go). */
class RandTest {
  @Test void seedOneMatchesGo() {
    math_rand.Rand r = math_rand.New(null, math_rand.NewSource(null, 1));
    assertEquals(5577006791947779410L, r.Int63(null));
    assertEquals(8674665223082153551L, r.Int63(null));
    assertEquals(Long.parseUnsignedLong("15352856648520921629"), r.Uint64(null));
  }

  @Test void seedZeroIsReplacedAsInGo() {
    math_rand.Rand r = math_rand.New(null, math_rand.NewSource(null, 0));
    assertEquals(8717895732742165505L, r.Int63(null));
  }

  @Test void longRunMatchesGo() {
    math_rand.Rand r = math_rand.New(null, math_rand.NewSource(null, 2024));
    for (int i = 0; i < 10000; i++) r.Int63(null);
    assertEquals(8357873149347657622L, r.Int63(null));
    assertEquals(985508, r.Intn(null, 1000000));
    assertEquals(0.22036619006963631, r.Float64(null));
  }

  @Test void permIsAPermutationAndShuffleSwapsInRange() {
    math_rand.Rand r = math_rand.New(null, math_rand.NewSource(null, 7));
    Slice p = r.Perm(null, 50);
    boolean[] seen = new boolean[50];
    for (long v : (long[]) p.array) seen[(int) v] = true;
    for (boolean b : seen) assertTrue(b);
    int[] calls = {0};
    Fn.JJ_V swap = (G g, long i, long j) -> { assertTrue(j >= 0 && j <= i); calls[0]++; };
    r.Shuffle(null, 20, swap);
    assertEquals(19, calls[0]);
  }

  @Test void badArgumentsPanicWithGoMessages() {
    math_rand.Rand r = math_rand.New(null, math_rand.NewSource(null, 1));
    assertThrows(Panic.class, () -> r.Intn(null, 0));
    assertThrows(Panic.class, () -> r.Int63n(null, -5));
    assertThrows(Panic.class, () -> r.Shuffle(null, -1, null));
  }
}
