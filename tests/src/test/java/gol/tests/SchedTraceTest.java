package gol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.tests.SchedTraceFormat.Block;
import gol.tests.SchedTraceFormat.GLine;
import gol.tests.SchedTraceFormat.PLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * schedtrace and scheddetail: the regular expressions of {@link SchedTraceFormat} parse real Go
 * 1.19's output of samples/schedtrace.gol (captured by tests/trace/capture-go-schedtrace.sh) and
 * gol's output of the same program, and the numbers in both are sane. Each gol run is bounded by
 * the runner's time limit.
 */
class SchedTraceTest {
  /** Goroutines samples/schedtrace.gol starts, plus main. */
  static final int PROGRAM_GOROUTINES = 14;
  /** Wait reasons the sample's five blocked goroutines show, in Go and in gol. */
  static final Set<String> SAMPLE_WAITS =
      Set.of("chan receive", "chan send", "semacquire", "chan receive (nil chan)", "select (no cases)");

  @Test
  void realGoSummaryMatchesTheFormat() throws IOException {
    List<Block> blocks = SchedTraceFormat.parse(resource("go119-schedtrace.txt"));
    checkSane(blocks, false, PROGRAM_GOROUTINES + 4, "go");
  }

  @Test
  void realGoDetailMatchesTheFormat() throws IOException {
    List<Block> blocks = SchedTraceFormat.parse(resource("go119-scheddetail.txt"));
    checkSane(blocks, true, PROGRAM_GOROUTINES + 4, "go");
    assertTrue(waitReasons(blocks).containsAll(SAMPLE_WAITS), "go: " + waitReasons(blocks));
  }

  @Test
  void golSummaryMatchesTheSameFormat() throws Exception {
    Subprocess.Result r = runSample(Map.of("GOMAXPROCS", "2"), "--schedtrace", "10");
    List<Block> blocks = SchedTraceFormat.parse(r.stderr());
    checkSane(blocks, false, PROGRAM_GOROUTINES, "gol");
    assertTrue(blocks.size() >= 5, "a 200 ms run traced every 10 ms gave " + blocks.size() + " lines");
    assertEquals(2, blocks.get(0).gomaxprocs);
    assertEquals(0, blocks.get(0).ms, "the first trace is at 0ms, as in Go");
    assertTrue(r.stderr().startsWith("# gol schedtrace: model=gmp procs=2 steal=on"),
        "a header line names the scheduler knobs in force: " + r.stderr().lines().findFirst().orElse(""));
  }

  @Test
  void golDetailAndExtraMatchTheSameFormat() throws Exception {
    Subprocess.Result r = runSample(Map.of("GOMAXPROCS", "2"), "--schedtrace", "10", "--scheddetail", "--schedextra");
    List<Block> blocks = SchedTraceFormat.parse(r.stderr());
    checkSane(blocks, true, PROGRAM_GOROUTINES, "gol");
    assertTrue(waitReasons(blocks).containsAll(SAMPLE_WAITS), "gol: " + waitReasons(blocks));
    // schedextra: per P, the global queue, and where each blocked goroutine waits.
    String err = r.stderr();
    assertTrue(err.contains("EXTRA P0: runnext="), err);
    assertTrue(err.contains("EXTRA P1: runnext="), err);
    assertTrue(err.contains("EXTRA global: runq=["), err);
    assertTrue(err.matches("(?s).*EXTRA G\\d+: waiting \\d+ms chan receive in main\\.receiver at \\S*schedtrace\\.gol:\\d+\n.*"), err);
    assertTrue(err.matches("(?s).*EXTRA G\\d+: waiting \\d+ms semacquire in main\\.locker at \\S*schedtrace\\.gol:\\d+\n.*"), err);
    // The five goroutines blocked for good have an EXTRA line saying so in every trace (the G
    // lines and the EXTRA lines are read a moment apart, so goroutines that run may differ).
    for (Block b : blocks) {
      for (GLine g : b.gs) {
        if (g.status() != 4 || g.id() == 1) continue;
        assertTrue(b.extra.stream().anyMatch(l -> l.startsWith("EXTRA G" + g.id() + ": waiting ")),
            "no EXTRA line for waiting G" + g.id() + " at " + b.ms + "ms: " + b.extra);
      }
    }
  }

  @Test
  void goldebugEnvironmentVariableWorksLikeTheFlags() throws Exception {
    Subprocess.Result r = runSample(Map.of("GOMAXPROCS", "1", "GOLDEBUG", "schedtrace=20,scheddetail=1"));
    List<Block> blocks = SchedTraceFormat.parse(r.stderr());
    checkSane(blocks, true, PROGRAM_GOROUTINES, "gol");
    assertEquals(1, blocks.get(0).gomaxprocs);
  }

  @Test
  void noTraceWithoutTheSetting() throws Exception {
    Subprocess.Result r = runSample(Map.of("GOMAXPROCS", "2", "GOLDEBUG", "schedtrace=0"));
    assertEquals("", r.stderr());
  }

  @Test
  void formatRejectsOtherLines() {
    assertThrowsIae("SCHED 1ms: gomaxprocs=2 idleprocs=0 [0 0]");
    assertThrowsIae("SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=3 spinningthreads=0 idlethreads=0 runqueue=0 [0]\n  G1: status=4 m=-1 lockedm=-1");
    assertEquals(1, SchedTraceFormat.parse("SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=3 spinningthreads=0 "
        + "idlethreads=0 runqueue=0 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0\n"
        + "  G9: status=4(chan receive (nil chan)) m=-1 lockedm=-1\n").get(0).gs.size());
  }

  // ------------------------------------------------------------------ helpers

  private static void assertThrowsIae(String text) {
    try {
      SchedTraceFormat.parse(text);
    } catch (IllegalArgumentException expected) {
      return;
    }
    throw new AssertionError("parsed: " + text);
  }

  /** Runs samples/schedtrace.gol with gol, checks its stdout against the golden, returns the result. */
  static Subprocess.Result runSample(Map<String, String> env, String... flags) throws Exception {
    Path samples = GolCommand.repoRoot().resolve("samples");
    List<String> cmd = new ArrayList<>(GolCommand.prefix());
    cmd.add("run");
    cmd.addAll(List.of(flags));
    cmd.add("schedtrace.gol");
    Subprocess.Result r = Subprocess.run(cmd, samples, env, Duration.ofSeconds(GolCommand.timeoutSeconds()));
    assertFalse(r.timedOut(), "timed out: " + r.stderr());
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals(Files.readString(samples.resolve("schedtrace.out")), r.stdout());
    return r;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SchedTraceTest.class.getResourceAsStream("/schedtrace/" + name)) {
      if (in == null) throw new IOException("missing resource " + name + " (run tests/trace/capture-go-schedtrace.sh)");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Set<String> waitReasons(List<Block> blocks) {
    Set<String> out = new TreeSet<>();
    for (Block b : blocks) for (GLine g : b.gs) if (g.status() == 4) out.add(g.waitReason());
    return out;
  }

  /**
   * Sanity of every trace: times never go back; idle Ps and Ms are within the totals; one run
   * queue length per P (and a P line per P, numbered 0..n-1, with Go's P statuses); queued
   * goroutines (all local queues plus the global one) are no more than the program has; G statuses
   * are Go's, a running G names its M, a waiting G has a wait reason, and G ids are unique.
   */
  static void checkSane(List<Block> blocks, boolean detailed, int maxGoroutines, String who) {
    assertFalse(blocks.isEmpty(), who + ": no trace");
    long prev = -1;
    for (Block b : blocks) {
      String at = who + " at " + b.ms + "ms: ";
      assertEquals(detailed, b.detailed, at + "detail");
      assertTrue(b.ms >= prev, at + "time went back");
      prev = b.ms;
      assertTrue(b.gomaxprocs >= 1 && b.idleprocs <= b.gomaxprocs, at + "idleprocs " + b.idleprocs);
      assertTrue(b.idlethreads <= b.threads && b.spinning <= b.threads, at + "threads");
      int queued = b.runqueue;
      if (!detailed) {
        assertEquals(b.gomaxprocs, b.local.size(), at + "one queue length per P");
        for (int n : b.local) {
          assertTrue(n >= 0 && n <= 256, at + "local queue " + n);
          queued += n;
        }
      } else {
        assertEquals(b.gomaxprocs, b.ps.size(), at + "one line per P");
        for (int i = 0; i < b.ps.size(); i++) {
          PLine p = b.ps.get(i);
          assertEquals(i, p.id(), at + "P ids");
          assertTrue(p.status() >= 0 && p.status() <= 4, at + "P status " + p.status());
          assertTrue(p.runqsize() >= 0 && p.runqsize() <= 256, at + "runqsize");
          queued += p.runqsize();
        }
        assertFalse(b.ms2.isEmpty(), at + "no M lines");
        Set<Integer> mids = new HashSet<>();
        for (var m : b.ms2) {
          assertTrue(mids.add(m.id()), at + "M" + m.id() + " twice");
          assertTrue(m.p() < b.gomaxprocs, at + "M" + m.id() + " p=" + m.p());
        }
        assertFalse(b.gs.isEmpty(), at + "no G lines");
        Set<Long> gids = new HashSet<>();
        for (GLine g : b.gs) {
          assertTrue(gids.add(g.id()), at + "G" + g.id() + " twice");
          assertTrue(Set.of(0, 1, 2, 3, 4, 6, 8, 9).contains(g.status()), at + "G status " + g.status());
          if (g.status() == 2) assertTrue(g.m() >= 0, at + "running G" + g.id() + " has no M");
          if (g.status() == 4) assertFalse(g.waitReason().isEmpty(), at + "waiting G" + g.id() + " without reason");
        }
        assertTrue(gids.contains(1L), at + "no G1");
      }
      assertTrue(queued <= maxGoroutines, at + queued + " goroutines queued");
    }
  }
}
