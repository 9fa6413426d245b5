package gol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduler knobs of {@code gol run} (see gol.runtime.Knobs): each test runs one program of
 * {@code tests/knobs/} with Go's defaults and with the knob, and checks that the behaviour the knob
 * is about changes as it should. The programs have no golden files: the knob runs differ from Go on
 * purpose. The default runs print what real Go 1.19 prints (checked by hand with go run), except
 * globalpoll.gol, where Go resumes main after 57 goroutines and gol after 61 (Go's schedtick also
 * counts the runtime's own goroutines' schedules).
 */
class KnobsTest {
  static final Map<String, String> ONE_P = Map.of("GOMAXPROCS", "1");

  /** Runs {@code gol run FLAGS tests/knobs/NAME.gol} and returns its stdout (exit 0 required). */
  static String run(String name, Map<String, String> env, String... flags) throws Exception {
    Subprocess.Result r = runResult(name, env, flags);
    assertFalse(r.timedOut(), name + " " + Arrays.toString(flags) + " timed out");
    assertEquals(0, r.exitCode(), name + " " + Arrays.toString(flags) + " failed: " + r.stderr());
    return r.stdout();
  }

  static Subprocess.Result runResult(String name, Map<String, String> env, String... flags) throws Exception {
    Path dir = GolCommand.repoRoot().resolve("tests").resolve("knobs");
    List<String> cmd = new ArrayList<>(GolCommand.prefix());
    cmd.add("run");
    cmd.addAll(Arrays.asList(flags));
    cmd.add(name + ".gol");
    return Subprocess.run(cmd, dir, env, Duration.ofSeconds(GolCommand.timeoutSeconds()));
  }

  @Test
  void procsSetsTheNumberOfPs() throws Exception {
    assertEquals("GOMAXPROCS 1\n", run("procs", ONE_P));
    assertEquals("GOMAXPROCS 3\n", run("procs", ONE_P, "--procs", "3"));
    assertEquals("GOMAXPROCS 2\n", run("procs", Map.of("GOLDEBUG", "procs=2")));
    assertEquals("GOMAXPROCS 1\n", run("procs", ONE_P, "--model", "single", "--procs", "4"));
  }

  @Test
  void noPreemptLetsASpinnerStarveASleeper() throws Exception {
    assertEquals("spinner done: false\n", run("starve", ONE_P));
    assertEquals("spinner done: true\n", run("starve", ONE_P, "--no-preempt"));
  }

  @Test
  void aLongTimesliceDelaysPreemption() throws Exception {
    assertEquals("spinner done: true\n", run("starve", ONE_P, "--timeslice", "2000"));
  }

  @Test
  void noRunnextMakesNewGoroutinesFifo() throws Exception {
    assertEquals("3 0 1 2 \n", run("runnext", ONE_P));
    assertEquals("0 1 2 3 \n", run("runnext", ONE_P, "--no-runnext"));
  }

  @Test
  void aSmallRunQueueOverflowsToTheGlobalQueue() throws Exception {
    assertEquals("9 0 1 2 3 4 5 6 7 8 \n", run("runqsize", ONE_P));
    String small = run("runqsize", ONE_P, "--runq-size", "4");
    assertNotEquals("9 0 1 2 3 4 5 6 7 8 \n", small);
    assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
        Arrays.stream(small.trim().split(" ")).sorted().toList(), "every goroutine still runs once");
  }

  @Test
  void globalPollSetsHowSoonAYieldedGoroutineComesBack() throws Exception {
    assertEquals("main resumed after 61 goroutines ran\n", run("globalpoll", ONE_P));
    assertEquals("main resumed after 5 goroutines ran\n", run("globalpoll", ONE_P, "--global-poll", "5"));
    assertEquals("main resumed after 100 goroutines ran\n", run("globalpoll", ONE_P, "--global-poll=1000"));
  }

  @Test
  void withoutStealingAQueuedGoroutineWaitsForever() throws Exception {
    assertEquals("finished\n", run("steal", Map.of(), "--procs", "2", "--no-preempt"));
    assertEquals("stuck: A never ran\n", run("steal", Map.of(), "--procs", "2", "--no-preempt", "--no-steal"));
  }

  @Test
  void aSeedReplaysAnInterleavingAndSeedsDiffer() throws Exception {
    String first = run("interleave", Map.of(), "--seed", "1", "--timeslice", "1");
    assertEquals(19, first.length(), first); // 18 letters and a newline
    for (int i = 0; i < 4; i++) {
      assertEquals(first, run("interleave", Map.of(), "--seed", "1", "--timeslice", "1"), "run " + (i + 2) + " of seed 1");
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int seed = 2; seed <= 5; seed++) seen.add(run("interleave", Map.of(), "--seed", "" + seed, "--timeslice", "1"));
    seen.add(first);
    assertTrue(seen.size() >= 3, "seeds 1..5 gave only " + seen);
  }

  @Test
  void shuffleRandomisesTheRunQueueReproduciblyWithASeed() throws Exception {
    String a = run("runqsize", ONE_P, "--shuffle", "--seed", "5");
    assertEquals(a, run("runqsize", ONE_P, "--shuffle", "--seed", "5"));
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int seed = 6; seed <= 8; seed++) seen.add(run("runqsize", ONE_P, "--shuffle", "--seed", "" + seed));
    seen.add(a);
    assertTrue(seen.size() >= 3, "shuffles gave only " + seen);
    for (String order : seen) {
      assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
          Arrays.stream(order.trim().split(" ")).sorted().toList(), "every goroutine runs once: " + order);
    }
    Subprocess.Result r = runResult("runqsize", ONE_P, "--shuffle");
    assertTrue(r.stderr().contains("gol: shuffle seed "), "an unseeded shuffle tells its seed: " + r.stderr());
  }

  @Test
  void badFlagsAreReported() throws Exception {
    Subprocess.Result r = runResult("procs", ONE_P, "--model", "fibers");
    assertEquals(2, r.exitCode());
    assertTrue(r.stderr().contains("unknown model fibers"), r.stderr());
    r = runResult("procs", ONE_P, "--procs", "x");
    assertEquals(2, r.exitCode());
    assertTrue(r.stderr().contains("wants a number"), r.stderr());
  }
}
