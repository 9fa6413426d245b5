import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;

/** bench/programs/parked.gol: n threads all blocked taking from one SynchronousQueue. */
public class Parked {
  public static void main(String[] args) {
    int n = Threads.arg(args, 0, 1_000_000);
    Threads.runMain(() -> {
      SynchronousQueue<Integer> block = new SynchronousQueue<>();
      CountDownLatch started = new CountDownLatch(n);
      for (int i = 0; i < n; i++) {
        Threads.start(() -> {
          started.countDown();
          Threads.take(block);
        });
      }
      Threads.await(started);
      System.out.println(n);
    });
  }
}
