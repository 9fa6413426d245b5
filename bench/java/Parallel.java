import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bench/programs/parallel.gol: two CPU-bound tasks. The number of processors is -Dprocs=N: a fixed
 * pool of N platform threads, or (virtual mode) virtual threads with the runner also passing
 * -Djdk.virtualThreadScheduler.parallelism=N.
 */
public class Parallel {
  static long fib(long n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
  }

  public static void main(String[] args) throws Exception {
    int n = Threads.arg(args, 0, 32), reps = Threads.arg(args, 1, 4);
    int procs = Integer.getInteger("procs", Runtime.getRuntime().availableProcessors());
    ExecutorService ex = Threads.VIRTUAL ? Threads.virtualExecutor() : Executors.newFixedThreadPool(procs);
    Future<?>[] f = new Future<?>[2];
    long[] results = new long[2];
    for (int w = 0; w < 2; w++) {
      int me = w;
      f[w] = ex.submit(() -> {
        for (int r = 0; r < reps; r++) results[me] += fib(n);
      });
    }
    for (Future<?> x : f) x.get();
    ex.shutdown();
    System.out.println(results[0] + results[1]);
  }
}
