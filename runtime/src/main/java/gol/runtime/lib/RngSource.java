package gol.runtime.lib;

/**
 * Go's math/rand source (rngSource): an additive lagged Fibonacci generator over 607 64-bit words with
 * tap 273, x[n] = x[n-607] + x[n-273] (mod 2^64). Seeding runs a Park–Miller "minimal standard" LCG
 * (multiplier 48271, modulus 2^31-1, by Schrage's method) from the seed to fill the state, XORing in
 * the {@link RngCooked} table. Same seed, same sequence as Go 1.19.
 *
 * <p>Not thread-safe: {@link math_rand} locks around the global source, as Go does.
 */
final class RngSource implements math_rand.Source {
  private static final int LEN = 607;
  private static final int TAP = 273;
  private static final int INT32_MAX = Integer.MAX_VALUE;

  private final long[] vec = new long[LEN];
  private int tap;
  private int feed;

  RngSource(long seed) { seed(seed); }

  /** One step of the seeding LCG: x*48271 mod (2^31-1), without overflow (Schrage: q = 44488, r = 3399). */
  static int seedrand(int x) {
    int hi = x / 44488;
    int lo = x % 44488;
    x = 48271 * lo - 3399 * hi;
    if (x < 0) x += INT32_MAX;
    return x;
  }

  void seed(long seed) {
    tap = 0;
    feed = LEN - TAP;
    seed = seed % INT32_MAX;
    if (seed < 0) seed += INT32_MAX;
    if (seed == 0) seed = 89482311;
    int x = (int) seed;
    for (int i = -20; i < LEN; i++) {
      x = seedrand(x);
      if (i >= 0) {   // the first 20 steps only stir x
        long u = (long) x << 40;
        x = seedrand(x);
        u ^= (long) x << 20;
        x = seedrand(x);
        u ^= x;
        u ^= RngCooked.VALUES[i];
        vec[i] = u;
      }
    }
  }

  /** The next 64 random bits. */
  long uint64() {
    if (--tap < 0) tap += LEN;
    if (--feed < 0) feed += LEN;
    long x = vec[feed] + vec[tap];
    vec[feed] = x;
    return x;
  }

  @Override public long Int63(gol.runtime.G g) { return uint64() & Long.MAX_VALUE; }

  @Override public void Seed(gol.runtime.G g, long seed) { seed(seed); }
}
