import java.util.concurrent.ArrayBlockingQueue;

/**
 * bench/programs/preempt.gol: a spinner and a sleeper on one processor (the runner pins platform
 * threads to one CPU with taskset, or gives virtual threads -Djdk.virtualThreadScheduler.parallelism=1).
 * Prints the spinner's result and "lateness_ms N", the sleeper's worst oversleep.
 */
public class Preempt {
  public static void main(String[] args) {
    int n = Threads.arg(args, 0, 500_000_000);
    Threads.runMain(() -> {
      ArrayBlockingQueue<Long> done = new ArrayBlockingQueue<>(1);
      Threads.start(() -> {
        long x = 1;
        for (int i = 0; i < n; i++) {
          x = x * 1103515245 + 12345;
          x = x & 0x7fffffff;
        }
        Threads.put(done, x);
      });
      final long napNanos = 5_000_000;
      long worst = 0;
      for (;;) {
        Long x = done.poll();
        if (x != null) {
          System.out.println(x);
          System.out.println("lateness_ms " + worst / 1_000_000);
          return;
        }
        long t0 = System.nanoTime();
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        worst = Math.max(worst, System.nanoTime() - t0 - napNanos);
      }
    });
  }
}
