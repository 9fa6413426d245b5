package gol.runtime;

import java.util.SplittableRandom;

/**
 * Reproducible scheduling ({@code --seed N}) and run-queue shuffling ({@code --shuffle}).
 *
 * <h2>What makes a schedule reproducible</h2>
 * With a seed the run uses the {@code single} model (one P, one M, no hand-off of the P during
 * blocking calls), so the order of run queues is the only order. The remaining sources of chance
 * are replaced by this object's seeded generator:
 * <ul>
 *   <li><b>Choices</b>: select's poll order, steal victims and the runtime's fastrand
 *       ({@link Sched#fastrandn}) draw from the generator instead of ThreadLocalRandom.</li>
 *   <li><b>Preemption points</b>: sysmon no longer preempts on the wall clock. A <em>virtual
 *       clock</em> ticks at every preemption check of a loop back-edge (compiled code checks once
 *       per 1024 iterations, {@link G#preemptRequested}); a time slice is a seeded random number of
 *       ticks between 1 and twice {@code timeslice} microseconds' worth (1 tick is about 1 us of a
 *       tight loop). When a slice runs out the goroutine yields exactly as if sysmon had asked.</li>
 * </ul>
 * Same program, same input, same seed: same interleaving, run after run, because every decision is
 * a function of the seed and of the program's own steps. What stays outside: the wall clock
 * (time.Now, and which of two timers due at nearly the same time fires first) and blocking I/O.
 *
 * <h2>Shuffling</h2>
 * With {@code --shuffle} each time a P takes work from its local queue it first moves runnext (half
 * the time) to the tail of the ring, then rotates the ring by a random amount, so the goroutine run
 * is a random one of those runnable. A program that is correct only in FIFO order shows its bug.
 * Without a seed, the shuffle seed is drawn at random and printed to stderr, so a failing order can
 * be replayed with {@code --seed}.
 *
 * <p>Threading: the generator is guarded by this object's monitor (with a seed only one M runs gol
 * code, but sysmon and timer wake-ups may call in). The virtual clock is touched only by the M
 * running gol code (one M in the single model).
 */
final class Determinism {
  /** The run whose virtual clock compiled code consults (null: wall-clock preemption by sysmon). */
  static Determinism clock;

  private final SplittableRandom rng;
  final long seed;
  final boolean shuffle;
  final boolean virtualClock;
  /** Preemption checks per time slice on average (one check per 1024 loop iterations, about 1 us). */
  private final long meanSlice;
  /** Checks left in the running goroutine's slice (owner: the M running gol code). */
  private long left;

  Determinism(Knobs k) {
    seed = k.seed != null ? k.seed : new SplittableRandom().nextLong() & 0xffffffffL;
    shuffle = k.shuffle;
    virtualClock = k.seed != null && k.preempt;
    rng = new SplittableRandom(seed);
    meanSlice = Math.max(1, k.timesliceNs / 1000);
    left = meanSlice;
  }

  /** A seeded number in [0, n). */
  synchronized int nextInt(int n) {
    return rng.nextInt(n);
  }

  private synchronized long nextSlice() {
    return 1 + rng.nextLong(2 * meanSlice);
  }

  /** A goroutine starts a new time slice (it was not handed the slice of the goroutine that readied it). */
  void startSlice() {
    if (virtualClock) left = nextSlice();
  }

  /** One tick of the virtual clock at a loop back-edge: true (with PREEMPT set) when g must yield. */
  boolean tick(G g) {
    if (g.status != 0) return true;
    if (--left > 0) return false;
    left = nextSlice();
    return g.requestPreempt() || g.status != 0;
  }

  /** Takes a random runnable G from p's local queue (p's owner only), or null if it is empty. */
  G shuffledGet(P p) {
    if (nextInt(2) == 0) {
      G n = p.takeRunnext();
      if (n != null) p.runqput(n, false);
    }
    int size = p.runqSize();
    if (size > 1) {
      int k = nextInt(size);
      for (int i = 0; i < k; i++) {
        G x = p.ringGet();
        if (x == null) break;
        p.runqput(x, false);
      }
    }
    return p.runqget();
  }
}
