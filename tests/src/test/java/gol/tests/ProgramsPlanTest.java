package gol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * ProgramsTest's plan, run against a fake gol (a shell script) on a corpus made in a temp dir: which
 * tests exist in which configuration, that passing and failing runs are told apart, that the
 * configuration's environment reaches the program, and that a hang fails at the time limit.
 */
class ProgramsPlanTest {
  @TempDir Path root;
  private final ExecutorService pool = ProgramsTest.newPool(2);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /**
   * The fake gol: prints the program file, or HANGs, or prints GOMAXPROCS, and exits with the number
   * on an "exit N" line (0 by default), as a program under test would.
   */
  private static final String FAKE = String.join("\n",
      "f=\"$2\"",
      "grep -q HANG \"$f\" && sleep 60",
      "if grep -q PROCS \"$f\"; then echo \"procs=$GOMAXPROCS\"; else grep -v '^exit' \"$f\"; fi",
      "code=$(sed -n 's/^exit //p' \"$f\")",
      "[ -n \"$code\" ] && echo 'panic: boom' >&2",
      "exit ${code:-0}",
      "");

  private void program(String rel, String source, String out, Integer exit, String err) throws Exception {
    Path gol = root.resolve(rel + ".gol");
    Files.createDirectories(gol.getParent());
    Files.writeString(gol, source);
    Files.writeString(root.resolve(rel + ".out"), out);
    if (exit != null) Files.writeString(root.resolve(rel + ".exit"), exit + "\n");
    if (err != null) Files.writeString(root.resolve(rel + ".err"), err);
  }

  /** Runs the plan and returns, per test display name, null for a pass or the failure message. */
  private Map<String, String> runPlan(Duration limit) throws Exception {
    Path script = root.resolve("fake-gol.sh");
    Files.writeString(script, FAKE);
    List<GoldenProgram> programs = GoldenProgram.loadAll(root);
    List<DynamicNode> plan = ProgramsTest.plan(programs, List.of("/bin/sh", script.toString()), pool, limit);
    Map<String, String> outcome = new LinkedHashMap<>();
    for (DynamicNode c : plan) {
      ((DynamicContainer) c).getChildren().forEach(n -> {
        DynamicTest t = (DynamicTest) n;
        try {
          t.getExecutable().execute();
          outcome.put(t.getDisplayName(), null);
        } catch (AssertionFailedError e) {
          outcome.put(t.getDisplayName(), e.getMessage());
        } catch (Throwable e) {
          throw new AssertionError(e);
        }
      });
    }
    return outcome;
  }

  @Test
  void passesFailsAndConfigs() throws Exception {
    program("basics/same", "hello\nworld\n", "hello\nworld\n", null, null);
    program("basics/differs", "hello\nthere\n", "hello\nworld\n", null, null);
    program("panic/boom", "before\nexit 2\n", "before\n", 2, "panic: boom\n");
    program("panic/wrongcode", "before\nexit 3\n", "before\n", 2, "panic: boom\n");
    program("sched1/order", "PROCS\n", "procs=1\n", null, null);
    program("env/procs", "PROCS\n", "procs=1\n", null, null);
    Map<String, String> o = runPlan(Duration.ofSeconds(20));

    List<String> names = new ArrayList<>(o.keySet());
    assertEquals(List.of(
        "basics/differs [GOMAXPROCS=1]", "basics/same [GOMAXPROCS=1]", "env/procs [GOMAXPROCS=1]",
        "panic/boom [GOMAXPROCS=1]", "panic/wrongcode [GOMAXPROCS=1]", "sched1/order [GOMAXPROCS=1]",
        "basics/differs [GOMAXPROCS=4]", "basics/same [GOMAXPROCS=4]", "env/procs [GOMAXPROCS=4]",
        "panic/boom [GOMAXPROCS=4]", "panic/wrongcode [GOMAXPROCS=4]"), names);
    assertEquals(null, o.get("basics/same [GOMAXPROCS=4]"));
    assertEquals(null, o.get("panic/boom [GOMAXPROCS=1]"));
    assertEquals(null, o.get("sched1/order [GOMAXPROCS=1]"));
    assertEquals(null, o.get("env/procs [GOMAXPROCS=1]"));
    assertTrue(o.get("env/procs [GOMAXPROCS=4]").contains("- procs=1\n+ procs=4\n"), o.get("env/procs [GOMAXPROCS=4]"));
    assertTrue(o.get("basics/differs [GOMAXPROCS=1]").contains("- world\n+ there\n"), o.get("basics/differs [GOMAXPROCS=1]"));
    assertTrue(o.get("panic/wrongcode [GOMAXPROCS=4]").contains("exit code: expected 2, got 3"));
  }

  @Test
  void hangFailsAtTheTimeLimit() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      program("basics/hangs", "HANG\n", "HANG\n", null, null);
      Map<String, String> o = runPlan(Duration.ofSeconds(1));
      assertTrue(o.get("basics/hangs [GOMAXPROCS=1]").contains("timed out: killed after"), o.toString());
      assertTrue(o.get("basics/hangs [GOMAXPROCS=4]").contains("timed out: killed after"), o.toString());
    });
  }

  @Test
  void missingGoldenFailsLoudly() throws Exception {
    Files.createDirectories(root.resolve("basics"));
    Files.writeString(root.resolve("basics/orphan.gol"), "x\n");
    assertThrows(IllegalStateException.class, () -> runPlan(Duration.ofSeconds(5)));
  }
}
