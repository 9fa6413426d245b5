package gol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subprocess: output capture, exit codes, environment, and the hard time limit (with /bin/sh as a fake gol). */
class SubprocessTest {
  @TempDir Path dir;

  private Subprocess.Result sh(String script, Map<String, String> env, Duration limit) throws Exception {
    return Subprocess.run(List.of("/bin/sh", "-c", script), dir, env, limit);
  }

  @Test
  void capturesStdoutStderrAndExitCode() throws Exception {
    Subprocess.Result r = sh("echo out; echo err >&2; exit 3", Map.of(), Duration.ofSeconds(20));
    assertEquals("out\n", r.stdout());
    assertEquals("err\n", r.stderr());
    assertEquals(3, r.exitCode());
    assertFalse(r.timedOut());
  }

  @Test
  void setsAndRemovesEnvironmentAndRunsInDir() throws Exception {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("GOMAXPROCS", "4");
    env.put("HOME", null);
    Subprocess.Result r = sh("echo $GOMAXPROCS \"[${HOME:-unset}]\"; pwd", env, Duration.ofSeconds(20));
    assertEquals("4 [unset]\n" + dir.toRealPath() + "\n", r.stdout());
  }

  @Test
  void stdinIsEmpty() throws Exception {
    Subprocess.Result r = sh("cat; echo done", Map.of(), Duration.ofSeconds(20));
    assertEquals("done\n", r.stdout());
  }

  @Test
  void bigOutputDoesNotBlockTheChild() throws Exception {
    Subprocess.Result r = sh("i=0; while [ $i -lt 20000 ]; do echo line $i; echo err $i >&2; i=$((i+1)); done",
        Map.of(), Duration.ofSeconds(60));
    assertEquals(0, r.exitCode());
    assertEquals(20000, r.stdout().split("\n").length);
    assertTrue(r.stderr().endsWith("err 19999\n"));
  }

  @Test
  void hangIsKilledAtTheTimeLimitWithItsChildren() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      Subprocess.Result r = sh("echo started; sleep 100 & sleep 100; echo never", Map.of(), Duration.ofMillis(700));
      assertTrue(r.timedOut());
      assertEquals(-1, r.exitCode());
      assertEquals("started\n", r.stdout());
      assertTrue(r.elapsed().toMillis() >= 700, r.elapsed().toString());
    });
  }
}
