/** bench/programs/fib.gol in plain Java: the baseline for the continuation transform's cost. */
public class Fib {
  static long fib(long n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
  }

  public static void main(String[] args) {
    int reps = Threads.arg(args, 0, 1);
    long sum = 0;
    for (int i = 0; i < reps; i++) sum += fib(35);
    System.out.println(sum);
  }
}
