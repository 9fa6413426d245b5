package gol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GoldenProgram: finding programs and loading their golden files. */
class GoldenProgramTest {
  @TempDir Path root;

  private Path write(String rel, String text) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void loadsOutExitAndErr() throws Exception {
    write("panic/boom.gol", "package main\n");
    write("panic/boom.out", "before\n");
    write("panic/boom.exit", "2\n");
    write("panic/boom.err", "panic: boom\n\n");
    write("basics/ok.gol", "package main\n");
    write("basics/ok.out", "fine\n");
    List<GoldenProgram> all = GoldenProgram.loadAll(root);
    assertEquals(2, all.size());
    GoldenProgram ok = all.get(0);
    assertEquals("basics/ok", ok.name());
    assertEquals("fine\n", ok.stdout());
    assertEquals(0, ok.exitCode());
    assertNull(ok.stderrPrefix());
    GoldenProgram boom = all.get(1);
    assertEquals("panic/boom", boom.name());
    assertEquals(2, boom.exitCode());
    assertEquals("panic: boom\n\n", boom.stderrPrefix());
  }

  @Test
  void missingOutIsAnError() throws Exception {
    Path gol = write("x/forgot.gol", "package main\n");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> GoldenProgram.load(root, gol));
    assertTrue(e.getMessage().contains("regen-golden.sh"), e.getMessage());
  }

  @Test
  void sched1ProgramsRunOnlyOnOneP() throws Exception {
    write("sched1/order.gol", "");
    write("sched1/order.out", "");
    write("channels/order.gol", "");
    write("channels/order.out", "");
    List<GoldenProgram> all = GoldenProgram.loadAll(root);
    assertFalse(all.get(0).onlyOneProc(), all.get(0).name());
    assertTrue(all.get(1).onlyOneProc(), all.get(1).name());
  }

  /** The real corpus: every program has its goldens, and it has the size the suite promises. */
  @Test
  void realCorpusLoads() {
    Path repo = GolCommand.repoRoot();
    List<GoldenProgram> programs = GoldenProgram.loadAll(repo.resolve("tests").resolve("programs"));
    assertTrue(programs.size() >= 45, "corpus has " + programs.size() + " programs");
    for (GoldenProgram p : programs) {
      if (p.exitCode() != 0) assertTrue(p.stderrPrefix() != null, p.name() + " exits non-zero but has no .err");
    }
    assertEquals(7, GoldenProgram.loadAll(repo.resolve("samples")).size()); // hello, pingpong, sieve, workers, trace_demo, schedtrace, sigquit
  }

  private static final Set<String> SUPPORTED_IMPORTS =
      Set.of("fmt", "os", "strconv", "strings", "time", "sync", "sync/atomic", "runtime", "runtime/debug",
          "errors", "math", "bufio", "io", "sort", "math/rand", "unicode", "unicode/utf8");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+\"([^\"]+)\"|^import\\s*\\(([^)]*)\\)");
  /**
   * The corpus imports only the packages gol has (programs needing more go to tests/pending/);
   * checked on the text without comments.
   */
  @Test
  void corpusUsesOnlyTheSupportedSubset() {
    Path repo = GolCommand.repoRoot();
    List<GoldenProgram> programs = new java.util.ArrayList<>(GoldenProgram.loadAll(repo.resolve("tests").resolve("programs")));
    programs.addAll(GoldenProgram.loadAll(repo.resolve("samples")));
    for (GoldenProgram p : programs) {
      String code = GoldenProgram.read(p.source()).replaceAll("//[^\n]*", "");
      Matcher m = IMPORT.matcher(code);
      while (m.find()) {
        String names = m.group(1) != null ? "\"" + m.group(1) + "\"" : m.group(2);
        Matcher q = Pattern.compile("\"([^\"]+)\"").matcher(names);
        while (q.find()) {
          assertTrue(SUPPORTED_IMPORTS.contains(q.group(1)), p.name() + " imports unsupported package " + q.group(1));
        }
      }
    }
  }
}
