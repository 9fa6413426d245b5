package gol.tests;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the end-to-end tests start gol, and where they find the corpus. Every knob is a system property,
 * so a developer can point the same tests at another command or at part of the corpus:
 *
 * <ul>
 *   <li>{@code gol.test.command}: a command line (split on spaces) used instead of
 *       {@code java -cp <classpath> gol.compiler.cli.Main}; it is called as {@code <command> run X.gol}.
 *       {@code tests/go-as-gol.sh} makes real Go answer in gol's place, which checks the corpus and
 *       the runner against the oracle.</li>
 *   <li>{@code gol.test.classpath}: the classpath for gol (default: this JVM's {@code java.class.path},
 *       which Surefire fills with the compiler, runtime and their dependencies).</li>
 *   <li>{@code gol.test.jvmArgs}: JVM options for gol (default {@value #DEFAULT_JVM_ARGS}).</li>
 *   <li>{@code gol.test.filter}: a regular expression; only programs whose name (e.g.
 *       {@code channels/ping_pong}) contains a match run.</li>
 *   <li>{@code gol.test.timeoutSeconds}: the hard time limit for one run (default 30).</li>
 *   <li>{@code gol.test.threads}: how many programs run at once (default 2, the CI machine's cores).</li>
 * </ul>
 */
public final class GolCommand {
  /** Small, predictable JVMs: two run at once on a 2-core machine. Deep recursion needs the big stack. */
  static final String DEFAULT_JVM_ARGS = "-Xss8m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto";

  private GolCommand() {}

  /** The command that runs {@code file} (a path relative to the working directory). */
  public static List<String> run(String file) {
    return run(prefix(), file);
  }

  /** {@code prefix} followed by {@code run file}. */
  public static List<String> run(List<String> prefix, String file) {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add("run");
    cmd.add(file);
    return cmd;
  }

  /** Everything before {@code run X.gol}. */
  static List<String> prefix() {
    String custom = System.getProperty("gol.test.command", "").trim();
    if (!custom.isEmpty()) return Arrays.asList(custom.split("\\s+"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : System.getProperty("gol.test.jvmArgs", DEFAULT_JVM_ARGS).trim().split("\\s+")) {
      if (!a.isEmpty()) cmd.add(a);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("gol.test.classpath", System.getProperty("java.class.path")));
    cmd.add("gol.compiler.cli.Main");
    return cmd;
  }

  /** A one-line description of the command, for failure messages (the classpath is abbreviated). */
  static String describe(List<String> cmd) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cmd.size(); i++) {
      String a = cmd.get(i);
      if (i > 0 && cmd.get(i - 1).equals("-cp")) a = "<classpath: " + a.split(File.pathSeparator).length + " entries>";
      sb.append(i == 0 ? "" : " ").append(a);
    }
    return sb.toString();
  }

  static int timeoutSeconds() {
    return Integer.getInteger("gol.test.timeoutSeconds", 30);
  }

  static int threads() {
    return Math.max(1, Integer.getInteger("gol.test.threads", 2));
  }

  /** True when a {@code gol.test.filter} is set. */
  static boolean filtered() {
    return !System.getProperty("gol.test.filter", "").trim().isEmpty();
  }

  /** True when {@code name} passes the {@code gol.test.filter} pattern (or there is none). */
  static boolean selected(String name) {
    String f = System.getProperty("gol.test.filter", "").trim();
    return f.isEmpty() || java.util.regex.Pattern.compile(f).matcher(name).find();
  }

  /**
   * The repository root: the nearest directory above the working directory that holds {@code tests/programs}.
   * Surefire runs with the tests module as working directory, so this is normally its parent.
   */
  static Path repoRoot() {
    Path p = Paths.get("").toAbsolutePath();
    for (Path q = p; q != null; q = q.getParent()) {
      if (Files.isDirectory(q.resolve("tests").resolve("programs"))) return q;
    }
    throw new IllegalStateException("cannot find tests/programs above " + p);
  }
}
