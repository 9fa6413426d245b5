package gol.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One program of the end-to-end corpus together with its golden files, which real Go 1.19 produced
 * (see {@code tests/regen-golden.sh}): {@code X.gol} next to {@code X.out} (expected stdout),
 * and optionally {@code X.exit} (expected exit code; 0 when absent) and {@code X.err} (expected start
 * of stderr; when absent, stderr must be empty).
 *
 * <p>Guarantees: a loaded program always has its {@code .out}; a missing {@code .out} is an error at
 * load time, so a forgotten golden fails the suite instead of silently passing.
 *
 * @param source   the {@code .gol} file
 * @param name     a short display name: the path relative to the corpus root, e.g. {@code channels/ping_pong}
 * @param stdout   expected standard output, exactly
 * @param exitCode expected exit code
 * @param stderrPrefix expected start of standard error, or {@code null} when stderr must be empty
 */
public record GoldenProgram(Path source, String name, String stdout, int exitCode, String stderrPrefix) {

  /** Programs under a directory named {@code sched1} test scheduling order on one P: run only with GOMAXPROCS=1. */
  public boolean onlyOneProc() {
    return name.startsWith("sched1/") || name.contains("/sched1/");
  }

  /**
   * Extra environment for gol's runs of this program, from an optional {@code X.env} next to it
   * ({@code KEY=value} lines). Real Go never reads it: it is for gol-only settings such as
   * {@code GOLDEBUG=preempt=0}, which the one-P order programs of {@code sched1/} use so that a
   * loaded machine pausing gol's thread for over 10 ms cannot make sysmon preempt in the middle of
   * a sequence that takes Go microseconds.
   */
  public java.util.Map<String, String> extraEnv() {
    Path env = source.resolveSibling(source.getFileName().toString().replaceFirst("\\.gol$", ".env"));
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    if (!Files.isRegularFile(env)) return m;
    for (String line : read(env).split("\n")) {
      line = line.trim();
      int eq = line.indexOf('=');
      if (line.isEmpty() || line.startsWith("#") || eq < 0) continue;
      m.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return m;
  }

  /** Loads {@code gol} and its golden files; {@code root} is used only to make the display name. */
  public static GoldenProgram load(Path root, Path gol) {
    String base = gol.getFileName().toString().replaceFirst("\\.gol$", "");
    Path dir = gol.getParent();
    Path out = dir.resolve(base + ".out");
    if (!Files.isRegularFile(out)) {
      throw new IllegalStateException("missing golden " + out + " (run tests/regen-golden.sh " + gol + ")");
    }
    Path exit = dir.resolve(base + ".exit");
    Path err = dir.resolve(base + ".err");
    int code = Files.isRegularFile(exit) ? Integer.parseInt(read(exit).trim()) : 0;
    String errPrefix = Files.isRegularFile(err) ? read(err) : null;
    String name = root.relativize(gol).toString().replace('\\', '/').replaceFirst("\\.gol$", "");
    return new GoldenProgram(gol, name, read(out), code, errPrefix);
  }

  /**
   * All {@code .gol} files under {@code root} (recursively), sorted by path, loaded with their goldens.
   * Directories named {@code lessons} are skipped: lessons print measurements (times, sizes), which
   * have no golden output; VerifyAllTest still compiles them and {@code gol lesson} runs them.
   */
  public static List<GoldenProgram> loadAll(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".gol") && Files.isRegularFile(p))
          .filter(p -> !root.relativize(p).toString().replace('\\', '/').matches("(.*/)?lessons/.*"))
          .sorted()
          .map(p -> load(root, p))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
