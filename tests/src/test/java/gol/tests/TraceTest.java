package gol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.compiler.trace.HtmlReport;
import gol.compiler.trace.Json;
import gol.compiler.trace.Summary;
import gol.compiler.trace.TraceModel;
import gol.compiler.trace.TraceModel.Slice;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The execution tracer end to end: {@code gol run --trace} on samples/trace_demo.gol (four
 * workers, a producer, a mutex, sleeps, Gosched and a spinner that must be preempted), then the
 * JSON's structure, the order of each goroutine's events, and the summary's arithmetic; and the
 * {@code gol trace} command. The program runs once (GOMAXPROCS=2) for all tests.
 */
class TraceTest {
  static final Duration LIMIT = Duration.ofSeconds(60);
  @TempDir static Path tmp;
  static Path traceFile;
  static Map<String, Object> root;
  static TraceModel model;

  static Path repo() {
    Path p = Path.of("").toAbsolutePath();
    return Files.exists(p.resolve("samples")) ? p : p.getParent();
  }

  static Subprocess.Result gol(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(GolCommand.prefix());
    cmd.addAll(List.of(args));
    return Subprocess.run(cmd, repo(), env, LIMIT);
  }

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void record() throws Exception {
    traceFile = tmp.resolve("demo.json");
    Subprocess.Result r = assertTimeoutPreemptively(LIMIT.plusSeconds(10),
        () -> gol(Map.of("GOMAXPROCS", "2"), "run", "--trace", traceFile.toString(), "samples/trace_demo.gol"));
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals(Files.readString(repo().resolve("samples/trace_demo.out")), r.stdout(), "tracing does not change the output");
    assertEquals("", r.stderr());
    root = (Map<String, Object>) Json.parse(Files.readString(traceFile, StandardCharsets.UTF_8));
    model = TraceModel.of(root);
  }

  // ------------------------------------------------------------------ JSON structure

  @Test
  @SuppressWarnings("unchecked")
  void chromeTraceStructure() {
    Map<String, Object> other = (Map<String, Object>) root.get("otherData");
    assertNotNull(other, "otherData metadata");
    assertEquals(2, ((Json.Num) other.get("gomaxprocs")).asLong());
    assertEquals(0, ((Json.Num) other.get("eventsDropped")).asLong());
    List<Object> evs = (List<Object>) root.get("traceEvents");
    assertTrue(evs.size() > 100);
    Set<String> threadNames = new HashSet<>();
    Map<Long, Integer> flowStarts = new HashMap<>(), flowEnds = new HashMap<>();
    int goroutineCounters = 0;
    for (Object o : evs) {
      Map<String, Object> e = (Map<String, Object>) o;
      String ph = (String) e.get("ph");
      assertTrue(Set.of("M", "X", "i", "C", "s", "f").contains(ph), "phase " + ph);
      assertTrue(e.get("pid") instanceof Json.Num && e.get("tid") instanceof Json.Num, "pid and tid: " + e);
      assertTrue(e.get("name") instanceof String, "name: " + e);
      if (!ph.equals("M")) assertTrue(((Json.Num) e.get("ts")).usToNs() >= 0, "ts >= 0: " + e);
      switch (ph) {
        case "M":
          if (e.get("name").equals("thread_name")) threadNames.add(e.get("pid") + "/" + ((Map<String, Object>) e.get("args")).get("name"));
          break;
        case "X":
          assertTrue(((Json.Num) e.get("dur")).usToNs() >= 0, "dur >= 0: " + e);
          assertTrue(e.get("args") instanceof Map, "args: " + e);
          break;
        case "s": flowStarts.merge(((Json.Num) e.get("id")).asLong(), 1, Integer::sum); break;
        case "f":
          flowEnds.merge(((Json.Num) e.get("id")).asLong(), 1, Integer::sum);
          assertEquals("e", e.get("bp"), "flow ends bind to the enclosing slice");
          break;
        case "C": {
          Map<String, Object> a = (Map<String, Object>) e.get("args");
          if (e.get("name").equals("Goroutines")) {
            goroutineCounters++;
            long running = ((Json.Num) a.get("running")).asLong();
            assertTrue(running >= 0 && running <= 2, "at most GOMAXPROCS goroutines run at once: " + e);
            for (Object v : a.values()) assertTrue(((Json.Num) v).asLong() >= 0, "counts >= 0: " + e);
          }
          break;
        }
        default: break;
      }
    }
    assertTrue(threadNames.containsAll(Set.of("1/P0", "1/P1", "2/M1", "2/sysmon")), "one track per P and per M: " + threadNames);
    assertEquals(flowStarts.keySet(), flowEnds.keySet(), "every flow arrow has both ends");
    flowStarts.values().forEach(n -> assertEquals(1, n));
    assertFalse(flowStarts.isEmpty(), "unblock -> start arrows");
    assertTrue(goroutineCounters > 10, "goroutine counters are sampled through the run: " + goroutineCounters);
  }

  // ------------------------------------------------------------------ event order

  @Test
  void goroutineEventOrder() {
    Set<String> fns = new HashSet<>(model.fnOf.values());
    assertTrue(fns.containsAll(Set.of("main.main", "main.worker", "main.producer", "main.spinner")), "start functions: " + fns);
    for (Map.Entry<Long, List<Slice>> e : model.byG.entrySet()) {
      long g = e.getKey();
      List<Slice> ss = e.getValue();
      Long created = model.createdAt.get(g);
      assertNotNull(created, "G" + g + " was created inside the trace");
      assertTrue(created <= ss.get(0).start(), "G" + g + " created before it started");
      assertEquals("create", ss.get(0).from(), "G" + g + "'s first slice follows its creation");
      for (int i = 0; i < ss.size(); i++) {
        Slice s = ss.get(i);
        assertTrue(s.ready() <= s.start(), "G" + g + " runnable before running: " + s);
        if (i > 0) {
          Slice prev = ss.get(i - 1);
          assertTrue(prev.end() <= s.start(), "G" + g + " slices do not overlap (never on two Ps at once): " + prev + " / " + s);
          assertTrue(prev.end() <= s.ready(), "G" + g + " became runnable after it stopped: " + prev + " / " + s);
          assertFalse(prev.endKind().equals("exit"), "nothing after the end of G" + g);
        }
      }
    }
    for (Map.Entry<Integer, List<Slice>> e : model.byP.entrySet()) {
      List<Slice> ss = e.getValue();
      for (int i = 1; i < ss.size(); i++) {
        assertTrue(ss.get(i - 1).end() <= ss.get(i).start(), "one goroutine at a time on P" + e.getKey() + ": " + ss.get(i - 1) + " / " + ss.get(i));
      }
    }
    // The workers exit; main exits (ending the program).
    long exits = model.byG.values().stream().filter(l -> l.get(l.size() - 1).endKind().equals("exit")).count();
    assertTrue(exits >= 5, "main and the four workers end: " + exits);
  }

  @Test
  void syscallsAndPreemption() {
    // main's os.ReadFile is a blocking call: its slice ends with "syscall", the M shows the call,
    // and the goroutine runs on with "from": "syscall" (or queues for a P: "syscall-queued").
    List<Slice> main = model.byG.get(1L);
    int at = -1;
    for (int i = 0; i < main.size(); i++) if (main.get(i).endKind().equals("syscall")) at = i;
    assertTrue(at >= 0 && at + 1 < main.size(), "main's slice ends at the syscall: " + main);
    assertTrue(main.get(at + 1).from().startsWith("syscall"), "and resumes after it: " + main.get(at + 1));
    assertTrue(model.byM.values().stream().flatMap(List::stream).anyMatch(m -> m.name().equals("syscall") && m.g() == 1),
        "the M's track shows the call");
    // The spinner never blocks until told to stop: only sysmon's preemption ends its slices.
    List<Slice> spin = model.byG.values().stream().filter(l -> l.get(0).fn().equals("main.spinner")).findFirst().orElseThrow();
    for (int i = 0; i + 2 < spin.size(); i++) assertEquals("preempt", spin.get(i).endKind(), "spinner slice " + i + ": " + spin.get(i));
    assertTrue(model.instants.stream().anyMatch(i -> i.name().equals("PreemptRequest")) || spin.size() <= 2,
        "sysmon's requests are on its track");
  }

  // ------------------------------------------------------------------ the summary adds up

  @Test
  void summaryAddsUp() {
    Summary s = Summary.of(model);
    assertEquals(2, s.procs.size());
    for (Summary.ProcStats p : s.procs) {
      assertTrue(p.busyNs() >= 0 && p.busyNs() <= model.windowNs, "utilisation <= 100%: " + p);
    }
    for (Summary.GStats g : s.goroutines) {
      assertTrue(g.exec >= 0 && g.schedWait >= 0, "G" + g.g);
      for (long b : g.blocked) assertTrue(b >= 0, "G" + g.g + " blocked times");
      assertEquals(g.lifetime(), g.exec + g.schedWait + g.blockedTotal(), "G" + g.g + " states sum to its lifetime");
      assertTrue(g.begin >= 0 && g.end <= model.windowNs, "G" + g.g + " inside the window");
    }
    long groupCount = 0, groupExec = 0, gExec = 0;
    for (Summary.Group gr : s.groups) {
      groupCount += gr.count;
      groupExec += gr.exec;
      long instead = gr.idleInstead;
      for (long v : gr.ranInstead.values()) instead += v;
      assertTrue(instead <= gr.waitCapacity + 1 && instead >= gr.waitCapacity - 1, gr.fn + ": what the Ps did adds up to Ps x wait");
    }
    for (Summary.GStats g : s.goroutines) gExec += g.exec;
    long busy = s.procs.stream().mapToLong(Summary.ProcStats::busyNs).sum();
    assertEquals(s.goroutines.size(), groupCount);
    assertEquals(gExec, groupExec);
    assertEquals(busy, gExec, "execution time of all goroutines = busy time of all Ps");
    long sum = 0;
    for (long c : s.latencyCounts) sum += c;
    assertEquals(s.latencies.length, sum, "histogram counts every wait");
    Summary.Group workers = s.groups.stream().filter(x -> x.fn.equals("main.worker")).findFirst().orElseThrow();
    assertEquals(4, workers.count);
    assertTrue(workers.blocked[3] > 0, "workers sleep");
    assertTrue(s.procs.stream().mapToInt(Summary.ProcStats::goscheds).sum() >= 1, "workers call Gosched");
    String text = s.render();
    assertTrue(text.contains("Goroutine analysis") && text.contains("main.worker") && text.contains("Scheduler latency"), text);
  }

  // ------------------------------------------------------------------ the gol trace command

  @Test
  void traceCommand() throws Exception {
    Subprocess.Result r = gol(Map.of(), "trace", traceFile.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stdout().contains("Processors (P)") && r.stdout().contains("P1"), r.stdout());
    Path html = tmp.resolve("demo.html");
    r = gol(Map.of(), "trace", "--html", html.toString(), traceFile.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    String page = Files.readString(html);
    assertFalse(page.matches("(?s).*(src|href)=\"?https?://.*"), "self-contained: nothing from the network");
    assertTrue(page.contains("data-rendered") && page.contains("\"name\":\"P1\""), "lanes and the render marker");
    assertFalse(page.contains("/*DATA*/"), "data filled in");
    assertEquals(page, HtmlReport.render(model, Summary.of(model), "demo.json").replace("\r", ""), "the CLI writes what HtmlReport renders");

    Path notTrace = tmp.resolve("x.json");
    Files.writeString(notTrace, "{\"a\":1}");
    r = gol(Map.of(), "trace", notTrace.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("not a gol trace"), r.stderr());
  }

  /** A built jar is traced through GOLDEBUG, with a small ring buffer that must drop old events. */
  @Test
  void builtJarWithGoldebugAndRing() throws Exception {
    Path jar = tmp.resolve("pp.jar");
    Subprocess.Result r = gol(Map.of(), "build", "-o", jar.toString(), "bench/programs/pingpong.gol");
    assertEquals(0, r.exitCode(), r.stderr());
    Path out = tmp.resolve("pp.json");
    List<String> cmd = List.of(GolCommand.prefix().get(0), "-jar", jar.toString(), "3000");
    r = Subprocess.run(cmd, repo(), Map.of("GOLDEBUG", "trace=" + out + ",tracebuf=2048", "GOMAXPROCS", "2"), LIMIT);
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals("3000\n", r.stdout());
    TraceModel t = TraceModel.read(out);
    assertTrue(t.dropped > 0, "3000 round trips overflow 2048-event buffers");
    Summary s = Summary.of(t);
    for (Summary.GStats g : s.goroutines) {
      assertEquals(g.lifetime(), g.exec + g.schedWait + g.blockedTotal(), "G" + g.g + " in a cut window");
    }
    assertTrue(s.render().contains("older events dropped"));
  }
}
