import java.util.concurrent.SynchronousQueue;

/** bench/programs/ring.gol: 503 threads in a ring of SynchronousQueues pass a token. */
public class Ring {
  static final int RING = 503;

  public static void main(String[] args) {
    int hops = Threads.arg(args, 0, 10_000_000);
    Threads.runMain(() -> {
      SynchronousQueue<Integer> done = new SynchronousQueue<>(), first = new SynchronousQueue<>();
      SynchronousQueue<Integer> in = first;
      for (int i = 1; i <= RING; i++) {
        SynchronousQueue<Integer> out = i < RING ? new SynchronousQueue<>() : first;
        int id = i;
        SynchronousQueue<Integer> myIn = in;
        Threads.start(() -> {
          for (;;) {
            int t = Threads.take(myIn);
            if (t == 0) {
              Threads.put(done, id);
              return;
            }
            Threads.put(out, t - 1);
          }
        });
        in = out;
      }
      Threads.put(first, hops);
      System.out.println(Threads.take(done));
    });
  }
}
