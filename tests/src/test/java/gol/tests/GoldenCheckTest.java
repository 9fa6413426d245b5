package gol.tests;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** GoldenCheck: the pass/fail rules of the end-to-end suite and what a failure message shows. */
class GoldenCheckTest {
  private static final Path SRC = Path.of("tests/programs/panic/boom.gol");
  private static final GoldenProgram OK = new GoldenProgram(SRC, "basics/ok", "a\nb\n", 0, null);
  private static final GoldenProgram PANICS = new GoldenProgram(SRC, "panic/boom", "before\n", 2, "panic: boom\n\n");

  private static Subprocess.Result result(int code, String out, String err) {
    return new Subprocess.Result(code, out, err, false, Duration.ofMillis(5));
  }

  private static String check(GoldenProgram p, Subprocess.Result r) {
    return GoldenCheck.check(p, r, "GOMAXPROCS=4", "gol run boom.gol");
  }

  @Test
  void exactMatchPasses() {
    assertNull(check(OK, result(0, "a\nb\n", "")));
  }

  @Test
  void stderrNeedOnlyStartWithTheGolden() {
    assertNull(check(PANICS, result(2, "before\n", "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n")));
  }

  @Test
  void differentStdoutFailsWithDiffAndStderr() {
    String m = check(OK, result(0, "a\nc\n", "warning\n"));
    assertTrue(m.contains("basics/ok [GOMAXPROCS=4] failed: stdout differs; stderr should be empty"), m);
    assertTrue(m.contains("- b\n+ c\n"), m);
    assertTrue(m.contains("--- stderr of gol ---\nwarning\n"), m);
    assertTrue(m.contains("command: gol run boom.gol"), m);
  }

  @Test
  void wrongExitCodeFails() {
    String m = check(PANICS, result(1, "before\n", "panic: boom\n\n"));
    assertTrue(m.contains("exit code: expected 2, got 1"), m);
    assertTrue(!m.contains("stdout differs"), m);
  }

  @Test
  void wrongStderrFails() {
    String m = check(PANICS, result(2, "before\n", "panic: bang\n\n"));
    assertTrue(m.contains("stderr should start with:\n    |panic: boom"), m);
  }

  @Test
  void timeoutFails() {
    String m = check(OK, new Subprocess.Result(-1, "a\nb\n", "", true, Duration.ofSeconds(30)));
    assertTrue(m.contains("timed out: killed after 30 s"), m);
  }
}
