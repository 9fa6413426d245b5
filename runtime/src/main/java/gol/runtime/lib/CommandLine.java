package gol.runtime.lib;

/**
 * The program's command line as the launcher received it (args[0] is the program name). The
 * generated {@code main} stores it here before the run starts; {@link os} turns it into os.Args
 * when it is first used. Keeping it out of os means a program that never uses os (hello world)
 * does not load os and the dozen classes its initialiser touches (Files, errors, io): start-up time.
 *
 * <p>Threading: written once by the launcher thread before the scheduler starts, which publishes it.
 */
public final class CommandLine {
  private CommandLine() {}

  private static String[] args = {"gol"};

  /** Sets the command line (known to the compiler: the generated main calls it first). */
  public static void set(String[] a) {
    args = a;
  }

  /** The command line last set. */
  static String[] get() {
    return args;
  }
}
