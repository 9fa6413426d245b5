import java.util.concurrent.SynchronousQueue;

/**
 * bench/programs/fanin.gol: Java has no select, so the idiomatic fan-in is four producers putting
 * into one shared SynchronousQueue; each ends with END, and the consumer stops after four ENDs.
 */
public class FanIn {
  static final Long END = -1L;

  public static void main(String[] args) {
    int n = Threads.arg(args, 0, 1_000_000);
    Threads.runMain(() -> {
      SynchronousQueue<Long> c = new SynchronousQueue<>();
      for (int p = 0; p < 4; p++) {
        long base = (long) p * n;
        Threads.start(() -> {
          for (long i = 0; i < n; i++) Threads.put(c, base + i);
          Threads.put(c, END);
        });
      }
      long sum = 0;
      for (int open = 4; open > 0; ) {
        long v = Threads.take(c);
        if (v == END) open--;
        else sum += v;
      }
      System.out.println(sum);
    });
  }
}
