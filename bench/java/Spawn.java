import java.util.concurrent.CountDownLatch;

/** bench/programs/spawn.gol: rounds of n threads, each round awaited with a CountDownLatch. */
public class Spawn {
  public static void main(String[] args) {
    int n = Threads.arg(args, 0, 100_000), rounds = Threads.arg(args, 1, 10);
    Threads.runMain(() -> {
      long[] out = new long[n];
      long sum = 0;
      for (int r = 0; r < rounds; r++) {
        CountDownLatch wg = new CountDownLatch(n);
        int round = r;
        for (int i = 0; i < n; i++) {
          int idx = i;
          Threads.start(() -> {
            out[idx] = idx + round;
            wg.countDown();
          });
        }
        Threads.await(wg);
        for (long v : out) sum += v;
      }
      System.out.println(sum);
    });
  }
}
