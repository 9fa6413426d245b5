// The same program as bench/programs/fib.gol in plain Java: the baseline for the transform's cost.
public class Fib {
  static long fib(long n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
  }

  public static void main(String[] args) {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    long sum = 0;
    for (int i = 0; i < reps; i++) sum += fib(35);
    System.out.println(sum);
  }
}
