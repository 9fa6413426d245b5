package gol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.compiler.trace.HtmlReport;
import gol.compiler.trace.Json;
import gol.compiler.trace.Summary;
import gol.compiler.trace.TraceModel;
import gol.compiler.trace.TraceModel.Slice;
import gol.tests.SchedTraceFormat.Block;
import gol.tests.SchedTraceFormat.GLine;
import gol.tests.SchedTraceFormat.MLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7: schedtrace, scheddetail and the execution tracer work in every concurrency model
 * ({@code --model gmp|threads|single|gil}), with lines and events that are true to the model.
 * Each test runs one model (GOMAXPROCS=2) on samples/schedtrace.gol (schedtrace) or
 * samples/trace_demo.gol (the tracer), parses the output with the same parsers as the gmp tests
 * ({@link SchedTraceFormat}, {@link TraceModel}) and checks what the model promises:
 * <ul>
 *   <li>gmp: 2 Ps. single: 1 P and one M (threads=2 with sysmon); no steals.</li>
 *   <li>gil: every trace names the GIL's holder (schedextra); in the event trace the lock's holder
 *       slices never overlap and neither do the goroutine slices of all Ps: one runs at a time.</li>
 *   <li>threads: no run queue (runqueue=0, every local queue 0), threads = goroutine threads + the
 *       timer thread, every goroutine thread is locked to its goroutine; in the event trace each
 *       goroutine runs on a track of its own (so tracks &ge; goroutines alive at once) and the
 *       summary says there are no Ps.</li>
 *   <li>every model: each goroutine created by another has a create arrow whose both ends are in
 *       the trace, wake-up arrows exist, Gosched and blocking calls are recorded, and the
 *       summary's arithmetic adds up; the HTML page's lanes are named for the model.</li>
 * </ul>
 * Every run is bounded by {@link #LIMIT}.
 */
class ModelTracesTest {
  static final Duration LIMIT = Duration.ofSeconds(90);
  static final Pattern GIL_LINE = Pattern.compile("^EXTRA gil: holder=(-|M\\d+) curg=(-|G\\d+) droprequests=(\\d+)$");

  @TempDir Path tmp;

  // ------------------------------------------------------------------ schedtrace

  @ParameterizedTest
  @ValueSource(strings = {"gmp", "threads", "single", "gil"})
  void schedtraceSummary(String model) {
    Subprocess.Result r = assertTimeoutPreemptively(LIMIT,
        () -> SchedTraceTest.runSample(Map.of("GOMAXPROCS", "2"), "--model", model, "--schedtrace", "10"));
    // the header lists the knobs in force; threads has none of the scheduler's (no Ps, no run queues)
    String header = r.stderr().substring(0, r.stderr().indexOf('\n'));
    if (model.equals("threads")) assertEquals("# gol schedtrace: model=threads", header);
    else assertTrue(header.startsWith("# gol schedtrace: model=" + model + " procs=") && header.contains(" runq=256 "), header);
    List<Block> blocks = SchedTraceFormat.parse(r.stderr());
    SchedTraceTest.checkSane(blocks, false, SchedTraceTest.PROGRAM_GOROUTINES, model);
    assertTrue(blocks.size() >= 5, model + ": a 200 ms run traced every 10 ms gave " + blocks.size() + " lines");
    modelFacts(model, blocks);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gmp", "threads", "single", "gil"})
  void schedtraceDetail(String model) {
    Subprocess.Result r = assertTimeoutPreemptively(LIMIT, () -> SchedTraceTest.runSample(Map.of("GOMAXPROCS", "2"),
        "--model", model, "--schedtrace", "10", "--scheddetail", "--schedextra"));
    List<Block> blocks = SchedTraceFormat.parse(r.stderr());
    SchedTraceTest.checkSane(blocks, true, SchedTraceTest.PROGRAM_GOROUTINES, model);
    modelFacts(model, blocks);
    Set<String> waits = new HashSet<>();
    for (Block b : blocks) for (GLine g : b.gs) if (g.status() == 4) waits.add(g.waitReason());
    assertTrue(waits.containsAll(SchedTraceTest.SAMPLE_WAITS), model + ": " + waits);
    long maxDrops = -1;
    for (Block b : blocks) {
      String at = model + " at " + b.ms + "ms: ";
      List<String> gil = b.extra.stream().filter(l -> l.startsWith("EXTRA gil:")).toList();
      assertEquals(model.equals("gil") ? 1 : 0, gil.size(), at + "one GIL line under gil, none elsewhere: " + b.extra);
      for (String l : gil) {
        Matcher m = GIL_LINE.matcher(l);
        assertTrue(m.matches(), at + l);
        maxDrops = Math.max(maxDrops, Long.parseLong(m.group(3)));
      }
      if (model.equals("threads")) threadsDetail(b, at);
    }
    // Eight goroutines spin for 60 ms each on 2 Ps: GIL waiters ask the holder to drop the lock.
    if (model.equals("gil")) assertTrue(maxDrops > 0, "gil: drop requests while 8 goroutines compute: " + maxDrops);
  }

  /** Facts of each model that hold in the summary and in the detailed header. */
  private static void modelFacts(String model, List<Block> blocks) {
    int maxProcs = 0, maxAsleep = 0;
    for (Block b : blocks) {
      String at = model + " at " + b.ms + "ms: ";
      switch (model) {
        case "gmp", "gil" -> assertEquals(2, b.gomaxprocs, at + "GOMAXPROCS=2");
        case "single" -> {
          assertEquals(1, b.gomaxprocs, at + "one P");
          assertEquals(2, b.threads, at + "one M and sysmon");
        }
        case "threads" -> {
          assertEquals(0, b.runqueue, at + "no global run queue in 1:1");
          assertTrue(b.local.stream().allMatch(n -> n == 0), at + "no local run queues in 1:1: " + b.local);
          assertEquals(b.gomaxprocs + 1, b.threads, at + "goroutine threads + the timer thread");
          assertEquals(0, b.spinning, at + "no thread looks for work");
          assertEquals(0, b.idlethreads, at + "no thread waits for work");
          if (b.detailed) assertEquals(b.idleprocs, b.nmidlelocked, at + "sleeping threads are idle locked Ms");
          maxProcs = Math.max(maxProcs, b.gomaxprocs);
          maxAsleep = Math.max(maxAsleep, b.idleprocs);
        }
        default -> throw new AssertionError(model);
      }
    }
    if (model.equals("threads")) {
      // main + 5 goroutines blocked for good (+ up to 8 spinners) are alive from the start.
      assertTrue(maxProcs >= 6, "threads: one thread per live goroutine, at most " + maxProcs);
      assertTrue(maxAsleep >= 5, "threads: the five blocked goroutines' threads sleep, at most " + maxAsleep);
    }
  }

  /** threads + scheddetail: a P and an M per goroutine thread, each locked to its goroutine. */
  private static void threadsDetail(Block b, String at) {
    assertEquals(b.gomaxprocs + 1, b.ms2.size(), at + "an M line per goroutine thread and the timer thread");
    Map<Long, Integer> threadOf = new HashMap<>();
    int timer = 0;
    for (MLine m : b.ms2) {
      if (m.curg() < 0) {
        timer++;
        assertEquals(-1, m.p(), at + "the timer thread holds no P");
        continue;
      }
      assertEquals(m.curg(), m.lockedg(), at + "M" + m.id() + " is locked to its goroutine");
      assertTrue(m.p() >= 0 && m.p() < b.gomaxprocs, at + "M" + m.id() + " holds its own P");
      assertEquals(null, threadOf.put(m.curg(), m.id()), at + "G" + m.curg() + " on two threads");
    }
    assertEquals(1, timer, at + "one timer thread");
    for (GLine g : b.gs) {
      if (g.status() == 6) continue;
      assertEquals(g.m(), g.lockedm(), at + "G" + g.id() + " is locked to its thread");
      Integer m = threadOf.get(g.id());
      if (m != null && g.status() == 4) assertEquals((int) m, g.m(), at + "waiting G" + g.id() + " still names its thread");
    }
  }

  // ------------------------------------------------------------------ the execution tracer

  @ParameterizedTest
  @ValueSource(strings = {"gmp", "threads", "single", "gil"})
  @SuppressWarnings("unchecked")
  void eventTrace(String model) throws Exception {
    Path file = tmp.resolve(model + ".json");
    Subprocess.Result r = assertTimeoutPreemptively(LIMIT.plusSeconds(10), () -> TraceTest.gol(Map.of("GOMAXPROCS", "2"),
        "run", "--model", model, "--trace", file.toString(), "samples/trace_demo.gol"));
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals(Files.readString(TraceTest.repo().resolve("samples/trace_demo.out")), r.stdout(), model);
    Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    TraceModel t = TraceModel.of(root);
    assertEquals(model, t.model, "the model is in the metadata");

    // Flow arrows: both ends of each, and a create arrow for every goroutine a goroutine created.
    Map<Long, String> starts = new HashMap<>();
    Map<Long, Integer> ends = new HashMap<>();
    for (Object o : (List<Object>) root.get("traceEvents")) {
      Map<String, Object> e = (Map<String, Object>) o;
      if ("s".equals(e.get("ph"))) assertEquals(null, starts.put(((Json.Num) e.get("id")).asLong(), (String) e.get("name")));
      if ("f".equals(e.get("ph"))) ends.merge(((Json.Num) e.get("id")).asLong(), 1, Integer::sum);
    }
    assertEquals(starts.keySet(), ends.keySet(), model + ": every flow arrow has both ends");
    long created = t.instants.stream().filter(i -> i.name().equals("GoCreate") && TraceModelNum.of(i.args().get("parent")) != 0).count();
    long createArrows = starts.values().stream().filter("create"::equals).count();
    assertEquals(6, created, model + ": main creates the producer, four workers and the spinner");
    assertEquals(created, createArrows, model + ": one create -> start arrow per goroutine created");
    assertTrue(starts.containsValue("wakeup"), model + ": unblock -> run arrows");

    for (Map.Entry<Long, List<Slice>> e : t.byG.entrySet()) {
      assertTrue(t.createdAt.containsKey(e.getKey()), model + ": G" + e.getKey() + " created inside the trace");
      assertEquals("create", e.getValue().get(0).from(), model + ": G" + e.getKey() + "'s first slice follows its creation");
    }
    // Event kinds every model records: Gosched (the workers), a blocking call (main reads a file).
    assertTrue(t.byP.values().stream().flatMap(List::stream).anyMatch(x -> x.endKind().equals("gosched")), model + ": gosched");
    assertTrue(t.byG.get(1L).stream().anyMatch(x -> x.endKind().equals("syscall")), model + ": main's syscall: " + t.byG.get(1L));
    Summary s = Summary.of(t);
    for (Summary.GStats g : s.goroutines) {
      assertEquals(g.lifetime(), g.exec + g.schedWait + g.blockedTotal(), model + ": G" + g.g + " states sum to its lifetime");
    }
    String text = s.render();
    assertTrue(text.contains("model=" + model) && text.contains("main.worker"), text);
    // The HTML timeline names its lanes for the model: T<m> (goroutine threads) under threads,
    // P<n> elsewhere, and a GIL lane under gil.
    String page = HtmlReport.render(t, s, model + ".json");
    assertTrue(page.contains("\"model\":\"" + model + "\""), model + ": the page knows the model");
    assertEquals(model.equals("threads"), page.contains("\"name\":\"T"), model + ": thread lanes");
    assertEquals(!model.equals("threads"), page.contains("\"name\":\"P0\""), model + ": P lanes");
    assertEquals(model.equals("gil"), page.contains("\"name\":\"GIL\""), model + ": GIL lane");
    switch (model) {
      case "gmp" -> assertEquals(2, t.procs);
      case "single" -> {
        assertEquals(1, t.procs, "one P");
        assertFalse(t.instants.stream().anyMatch(i -> i.name().equals("Steal")), "nothing to steal from");
        assertTrue(t.gilHeld.isEmpty(), "no GIL");
      }
      case "gil" -> gilTrace(t, text);
      case "threads" -> threadsTrace(t, text);
      default -> throw new AssertionError(model);
    }
  }

  /** gil: one holder at a time, so one running goroutine at a time. */
  private static void gilTrace(TraceModel t, String text) {
    assertEquals(2, t.procs);
    assertFalse(t.gilHeld.isEmpty(), "GIL holder slices");
    assertTrue(t.gilHeld.stream().map(TraceModel.MSlice::m).distinct().count() >= 2, "both Ms took the GIL");
    for (int i = 1; i < t.gilHeld.size(); i++) {
      assertTrue(t.gilHeld.get(i - 1).end() <= t.gilHeld.get(i).start(),
          "one holder at a time: " + t.gilHeld.get(i - 1) + " / " + t.gilHeld.get(i));
    }
    List<Slice> all = new ArrayList<>();
    t.byP.values().forEach(all::addAll);
    all.sort((a, b) -> Long.compare(a.start(), b.start()));
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1).end() <= all.get(i).start(), "one goroutine runs at a time: " + all.get(i - 1) + " / " + all.get(i));
    }
    assertTrue(text.contains("GIL (gil model"), text);
  }

  /** threads: every goroutine on a thread of its own, for good. */
  private static void threadsTrace(TraceModel t, String text) {
    Map<Integer, Long> goroutineOf = new HashMap<>();
    for (Map.Entry<Long, List<Slice>> e : t.byG.entrySet()) {
      Set<Integer> tracks = new HashSet<>();
      for (Slice x : e.getValue()) tracks.add(x.p());
      assertEquals(1, tracks.size(), "G" + e.getKey() + " stays on its thread: " + tracks);
      Long other = goroutineOf.put(tracks.iterator().next(), e.getKey());
      assertEquals(null, other, "a thread runs one goroutine: G" + e.getKey() + " and G" + other);
    }
    // Goroutines alive at once (created, not yet exited) never outnumber the threads.
    List<long[]> changes = new ArrayList<>();
    for (Map.Entry<Long, List<Slice>> e : t.byG.entrySet()) {
      Slice last = e.getValue().get(e.getValue().size() - 1);
      changes.add(new long[] {t.createdAt.getOrDefault(e.getKey(), 0L), 1});
      if (last.endKind().equals("exit")) changes.add(new long[] {last.end(), -1});
    }
    changes.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int alive = 0, maxAlive = 0;
    for (long[] c : changes) maxAlive = Math.max(maxAlive, alive += (int) c[1]);
    assertTrue(maxAlive >= 6, "main, the producer and workers are alive together: " + maxAlive);
    assertTrue(t.byP.size() >= maxAlive, "thread tracks " + t.byP.size() + " >= goroutines alive at once " + maxAlive);
    assertTrue(t.byM.size() >= t.byP.size(), "an M track per goroutine thread: " + t.byM.keySet());
    assertTrue(t.byM.values().stream().flatMap(List::stream).anyMatch(m -> m.name().equals("parked")),
        "a thread sleeps while its goroutine waits");
    assertTrue(text.contains("No Ps in the threads model"), text);
    assertFalse(text.contains("Processors (P)"), text);
  }

  /** A JSON number as a long (0 when absent). */
  private static final class TraceModelNum {
    static long of(Object o) {
      return o instanceof Json.Num n ? n.asLong() : 0;
    }
  }
}
