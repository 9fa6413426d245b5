import java.util.concurrent.SynchronousQueue;

/** bench/programs/pingpong.gol: round trips over two SynchronousQueues (Java's unbuffered channel). */
public class PingPong {
  static final Long CLOSED = Long.MIN_VALUE;

  static long pong(int depth, SynchronousQueue<Long> in, SynchronousQueue<Long> out) {
    if (depth > 1) return pong(depth - 1, in, out) + 1;
    for (;;) {
      long v = Threads.take(in);
      if (v == CLOSED) return 0;
      Threads.put(out, v + 1);
    }
  }

  static long ping(int depth, int rounds, SynchronousQueue<Long> in, SynchronousQueue<Long> out) {
    if (depth > 1) return ping(depth - 1, rounds, in, out);
    long v = 0;
    for (int i = 0; i < rounds; i++) {
      Threads.put(out, v);
      v = Threads.take(in);
    }
    Threads.put(out, CLOSED);
    return v;
  }

  public static void main(String[] args) {
    int rounds = Threads.arg(args, 0, 1_000_000), depth = Threads.arg(args, 1, 1);
    Threads.runMain(() -> {
      SynchronousQueue<Long> a = new SynchronousQueue<>(), b = new SynchronousQueue<>();
      Threads.start(() -> pong(depth, a, b));
      System.out.println(ping(depth, rounds, b, a));
    });
  }
}
