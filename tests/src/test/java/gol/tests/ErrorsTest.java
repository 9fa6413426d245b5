package gol.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The compile-error suite: for each {@code tests/errors/X.gol}, {@code gol run X.gol} must exit with
 * code 1 and report exactly the errors its {@code // ERROR "regexp"} comments ask for (see
 * {@link ErrorExpectations}), as {@code X.gol:LINE:COL: message}. Each program was checked against real
 * Go ({@code -Dgol.test.command=tests/go-as-gol.sh} runs this very test with Go as the compiler).
 * Runs use the same time limit as {@link ProgramsTest}.
 */
class ErrorsTest {

  @TestFactory
  Stream<DynamicTest> errors() throws IOException {
    Path dir = GolCommand.repoRoot().resolve("tests").resolve("errors");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".gol")).sorted().toList();
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      String name = "errors/" + f.getFileName().toString().replaceFirst("\\.gol$", "");
      if (!GolCommand.selected(name)) continue;
      tests.add(DynamicTest.dynamicTest(name, f.toUri(), () -> check(f)));
    }
    // With gol.test.filter set to pick some programs, selecting no error program here is fine.
    if (tests.isEmpty() && !GolCommand.filtered()) fail("no compile-error program in " + dir);
    return tests.stream();
  }

  private static void check(Path f) throws Exception {
    String fileName = f.getFileName().toString();
    ErrorExpectations want = ErrorExpectations.parse(fileName, read(f));
    if (want.expected().isEmpty()) fail(fileName + " has no // ERROR comment");
    List<String> cmd = GolCommand.run(fileName);
    Subprocess.Result r = Subprocess.run(cmd, f.getParent(), Map.of(), Duration.ofSeconds(GolCommand.timeoutSeconds()));
    List<String> problems = new ArrayList<>();
    if (r.timedOut()) problems.add("timed out after " + r.elapsed().toSeconds() + " s");
    else if (r.exitCode() != 1) problems.add("exit code: expected 1 (compile error), got " + r.exitCode());
    problems.addAll(want.check(r.stderr()));
    if (!problems.isEmpty()) {
      fail("errors/" + fileName + ": " + String.join("\n", problems)
          + "\n  command: " + GolCommand.describe(cmd)
          + "\n--- stderr of gol ---\n" + (r.stderr().isEmpty() ? "(empty)\n" : GoldenCheck.head(r.stderr(), 40))
          + (r.stdout().isEmpty() ? "" : "--- stdout of gol ---\n" + GoldenCheck.head(r.stdout(), 20)));
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
