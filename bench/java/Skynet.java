import java.util.concurrent.SynchronousQueue;

/** bench/programs/skynet.gol: a 10-ary tree of threads, each node a thread with its own queue. */
public class Skynet {
  static void skynet(SynchronousQueue<Long> c, long num, long size, long div) {
    if (size == 1) {
      Threads.put(c, num);
      return;
    }
    SynchronousQueue<Long> rc = new SynchronousQueue<>();
    for (long i = 0; i < div; i++) {
      long sub = num + i * (size / div);
      Threads.start(() -> skynet(rc, sub, size / div, div));
    }
    long sum = 0;
    for (long i = 0; i < div; i++) sum += Threads.take(rc);
    Threads.put(c, sum);
  }

  public static void main(String[] args) {
    int size = Threads.arg(args, 0, 1_000_000);
    Threads.runMain(() -> {
      SynchronousQueue<Long> c = new SynchronousQueue<>();
      Threads.start(() -> skynet(c, 0, size, 10));
      System.out.println(Threads.take(c));
    });
  }
}
