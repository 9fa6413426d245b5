package gol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gol's documented limit on library callbacks (lang-spec/differences.md §11.2): a String method that
 * parks while fmt calls it ends the program with a clear fatal error (exit 2) instead of printing a
 * wrong value. This is gol-specific behaviour (Go prints the value), so it has no Go golden and is
 * checked here; the cases that do work (yielding callbacks) are golden programs in tests/programs/fmt.
 */
class CallbackLimitsTest {
  private static final String BLOCKING_STRINGER = String.join("\n",
      "package main",
      "",
      "import \"fmt\"",
      "",
      "type Slow struct{ ch chan string }",
      "",
      "func (s Slow) String() string { return <-s.ch }",
      "",
      "func main() {",
      "\tfmt.Println(\"before\")",
      "\ts := Slow{make(chan string)}",   // nothing is ever sent: the receive always parks
      "\tfmt.Println(s)",
      "\tfmt.Println(\"not reached\")",
      "}",
      "");

  @Test
  void stringMethodThatParksIsAFatalError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("blocking.gol");
    Files.writeString(f, BLOCKING_STRINGER);
    Subprocess.Result r = Subprocess.run(GolCommand.run("blocking.gol"), dir, Map.of(),
        Duration.ofSeconds(GolCommand.timeoutSeconds()));
    assertFalse(r.timedOut(), "timed out");
    assertEquals(2, r.exitCode(), r.stderr());
    assertEquals("before\n", r.stdout());
    assertTrue(r.stderr().startsWith("fatal error: gol: String method of main.Slow called by fmt blocked (chan receive);"),
        r.stderr());
  }
}
