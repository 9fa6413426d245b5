import java.util.concurrent.ArrayBlockingQueue;

/** bench/programs/buffered.gol: one producer, one consumer, an ArrayBlockingQueue of capacity 128. */
public class Buffered {
  static final Long END = -1L; // values sent are >= 0; END plays the part of close(c)

  public static void main(String[] args) {
    int n = Threads.arg(args, 0, 10_000_000);
    Threads.runMain(() -> {
      ArrayBlockingQueue<Long> c = new ArrayBlockingQueue<>(128);
      Threads.start(() -> {
        for (long i = 0; i < n; i++) Threads.put(c, i);
        Threads.put(c, END);
      });
      long sum = 0;
      for (long v; (v = Threads.take(c)) != END; ) sum += v;
      System.out.println(sum);
    });
  }
}
