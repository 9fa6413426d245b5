package gol.compiler.trace;

import gol.compiler.trace.TraceModel.Slice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code gol trace out.json} prints: per-P utilisation, steals, preemptions and hand-offs; a
 * histogram of scheduler latency (runnable to running); and a goroutine analysis grouped by start
 * function, like {@code go tool trace}'s, where each goroutine's lifetime is split exactly into
 * execution, scheduler wait and blocked time (by cause), and scheduler wait is explained by what
 * the Ps were running instead (golang/go#63430 asks for that context).
 *
 * <h2>How a goroutine's lifetime is split</h2>
 * Its slices s1..sn (sorted) satisfy {@code s(i-1).end <= s(i).ready <= s(i).start}: blocked from
 * the previous end to ready (the cause is the previous slice's end: its wait reason, or a
 * syscall), scheduler wait from ready to start, execution from start to end. The lifetime runs
 * from creation (or the first thing seen of it, if the trace window starts later) to its end (or
 * the end of the window). The parts therefore add up to the lifetime exactly; the tests check it.
 *
 * <h2>Models</h2>
 * Under {@code threads} there are no Ps: the processor table becomes a table of goroutine threads
 * (one per goroutine), the thread table shows each thread awake or asleep, and scheduler wait is
 * the operating system's wake-up latency, which no run queue explains. Under {@code gil} a
 * section says how much of the window the global lock was held, by which M, and how long Ms
 * waited for it.
 */
public final class Summary {
  /** Blocked-time categories, in display order. */
  public static final String[] CATS = {"chan", "select", "sync", "sleep", "syscall", "other"};
  /** Upper bounds (ns) of the latency histogram's buckets; the last bucket is open. */
  public static final long[] BUCKETS = {1_000, 10_000, 100_000, 1_000_000, 10_000_000};
  static final String[] BUCKET_NAMES = {"< 1us", "1-10us", "10-100us", "100us-1ms", "1-10ms", ">= 10ms"};

  /** One P's numbers. */
  public record ProcStats(int p, long busyNs, int slices, int preempts, int goscheds, int steals, long stolen, int handoffs) {}

  /** One goroutine's lifetime split into states. */
  public static final class GStats {
    public long g;
    public String fn;
    public long begin, end;
    public long exec, schedWait;
    public final long[] blocked = new long[CATS.length];
    public boolean ended;
    public int slices;

    public long lifetime() {
      return end - begin;
    }

    public long blockedTotal() {
      long s = 0;
      for (long b : blocked) s += b;
      return s;
    }
  }

  /** Goroutines with the same start function, summed. */
  public static final class Group {
    public String fn;
    public int count, ended;
    public long lifetime, exec, schedWait;
    public final long[] blocked = new long[CATS.length];
    /** While this group's goroutines waited for a P: ns of other goroutines running, by function. */
    public final Map<String, Long> ranInstead = new HashMap<>();
    public long idleInstead, gcInstead, waitCapacity;
  }

  public final TraceModel trace;
  public final List<ProcStats> procs = new ArrayList<>();
  public final List<GStats> goroutines = new ArrayList<>();
  public final List<Group> groups = new ArrayList<>();
  public final long[] latencyCounts = new long[BUCKETS.length + 1];
  /** Every observed scheduler latency (ns), sorted. */
  public final long[] latencies;

  private Summary(TraceModel t) {
    this.trace = t;
    perP();
    List<long[]> lats = new ArrayList<>();
    Map<String, Group> byFn = new LinkedHashMap<>();
    List<Long> ids = new ArrayList<>(t.fnOf.keySet());
    for (long g : ids) {
      List<long[]> waits = new ArrayList<>();
      GStats s = goroutine(g, waits, lats);
      goroutines.add(s);
      Group gr = byFn.computeIfAbsent(s.fn, k -> {
        Group x = new Group();
        x.fn = k;
        return x;
      });
      gr.count++;
      if (s.ended) gr.ended++;
      gr.lifetime += s.lifetime();
      gr.exec += s.exec;
      gr.schedWait += s.schedWait;
      for (int i = 0; i < CATS.length; i++) gr.blocked[i] += s.blocked[i];
      for (long[] w : waits) explain(gr, w[0], w[1]);
    }
    groups.addAll(byFn.values());
    groups.sort(Comparator.comparingLong((Group x) -> -x.exec).thenComparing(x -> x.fn));
    latencies = new long[lats.size()];
    for (int i = 0; i < latencies.length; i++) latencies[i] = lats.get(i)[0];
    Arrays.sort(latencies);
    for (long l : latencies) latencyCounts[bucket(l)]++;
  }

  public static Summary of(TraceModel t) {
    return new Summary(t);
  }

  static int bucket(long ns) {
    for (int i = 0; i < BUCKETS.length; i++) if (ns < BUCKETS[i]) return i;
    return BUCKETS.length;
  }

  /** The category of a wait reason. */
  public static int category(String endKind, String reason) {
    if ("syscall".equals(endKind)) return 4;
    if (reason == null) return 5;
    if (reason.startsWith("chan")) return 0;
    if (reason.startsWith("select")) return 1;
    if (reason.startsWith("sema") || reason.startsWith("sync")) return 2;
    if (reason.startsWith("sleep")) return 3;
    return 5;
  }

  private void perP() {
    Map<Integer, int[]> steals = new HashMap<>();
    Map<Integer, long[]> stolen = new HashMap<>();
    Map<Integer, int[]> handoffs = new HashMap<>();
    for (TraceModel.Instant in : trace.instants) {
      if (in.pid() != 1) continue;
      int p = in.tid() - 1;
      if (in.name().equals("Steal")) {
        steals.computeIfAbsent(p, k -> new int[1])[0]++;
        stolen.computeIfAbsent(p, k -> new long[1])[0] += TraceModel.num(in.args().get("count"), 1);
      } else if (in.name().equals("Handoff")) {
        handoffs.computeIfAbsent(p, k -> new int[1])[0]++;
      }
    }
    for (Map.Entry<Integer, List<Slice>> e : trace.byP.entrySet()) {
      long busy = 0;
      int pre = 0, gs = 0;
      for (Slice s : e.getValue()) {
        busy += s.dur();
        if (s.endKind().equals("preempt")) pre++;
        if (s.endKind().equals("gosched")) gs++;
      }
      int p = e.getKey();
      procs.add(new ProcStats(p, busy, e.getValue().size(), pre, gs, steals.getOrDefault(p, new int[1])[0],
          stolen.getOrDefault(p, new long[1])[0], handoffs.getOrDefault(p, new int[1])[0]));
    }
  }

  private GStats goroutine(long g, List<long[]> waits, List<long[]> lats) {
    GStats s = new GStats();
    s.g = g;
    s.fn = trace.fnOf.get(g);
    List<Slice> ss = trace.byG.getOrDefault(g, List.of());
    Long created = trace.createdAt.get(g);
    long window = trace.windowNs;
    if (ss.isEmpty()) { // created, never ran in the window
      s.begin = created == null ? window : created;
      s.end = window;
      s.schedWait = s.end - s.begin;
      if (s.schedWait > 0) waits.add(new long[] {s.begin, s.end});
      return s;
    }
    Slice first = ss.get(0);
    s.begin = created != null ? created : first.ready() >= 0 ? first.ready() : first.start();
    long prevEnd = s.begin;
    Slice prev = null;
    for (Slice x : ss) {
      long ready = x.ready() >= 0 ? x.ready() : prev == null ? s.begin : prevEnd;
      int cat = prev == null ? 5 : category(prev.endKind(), prev.reason());
      if (prev != null && (prev.endKind().equals("preempt") || prev.endKind().equals("gosched"))) {
        s.schedWait += ready - prevEnd; // runnable all along
        if (ready > prevEnd) waits.add(new long[] {prevEnd, ready});
      } else {
        s.blocked[cat] += ready - prevEnd;
      }
      s.schedWait += x.start() - ready;
      if (x.start() > ready) waits.add(new long[] {ready, x.start()});
      if (x.ready() >= 0) lats.add(new long[] {x.start() - x.ready()});
      s.exec += x.dur();
      s.slices++;
      prevEnd = x.end();
      prev = x;
    }
    if (prev.endKind().equals("exit")) {
      s.ended = true;
      s.end = prev.end();
    } else {
      s.end = Math.max(window, prev.end());
      long rest = s.end - prev.end();
      if (prev.endKind().equals("preempt") || prev.endKind().equals("gosched") || prev.endKind().equals("running")) {
        s.schedWait += rest;
        if (rest > 0) waits.add(new long[] {prev.end(), s.end});
      } else {
        s.blocked[category(prev.endKind(), prev.reason())] += rest;
      }
    }
    return s;
  }

  /** Adds what the Ps did during the wait [a, b) of one of gr's goroutines. */
  private void explain(Group gr, long a, long b) {
    long busy = 0;
    for (List<Slice> ps : trace.byP.values()) {
      int lo = 0, hi = ps.size();
      while (lo < hi) { // first slice ending after a
        int mid = (lo + hi) >>> 1;
        if (ps.get(mid).end() <= a) lo = mid + 1;
        else hi = mid;
      }
      for (int i = lo; i < ps.size() && ps.get(i).start() < b; i++) {
        Slice s = ps.get(i);
        long ov = Math.min(b, s.end()) - Math.max(a, s.start());
        if (ov <= 0) continue;
        gr.ranInstead.merge(s.fn(), ov, Long::sum);
        busy += ov;
      }
    }
    long cap = (b - a) * trace.procs;
    gr.waitCapacity += cap;
    gr.idleInstead += Math.max(0, cap - busy);
    for (TraceModel.Gc gc : trace.gcs) {
      long ov = Math.min(b, gc.end()) - Math.max(a, gc.start());
      if (ov > 0) gr.gcInstead += ov;
    }
  }

  // ==================================================================== text

  /** Human-readable duration: 812ns, 12.3us, 4.56ms, 1.23s. */
  public static String dur(long ns) {
    if (ns < 1_000) return ns + "ns";
    if (ns < 1_000_000) return String.format("%.1fus", ns / 1e3);
    if (ns < 1_000_000_000) return String.format("%.2fms", ns / 1e6);
    return String.format("%.2fs", ns / 1e9);
  }

  static String pct(long part, long whole) {
    return whole <= 0 ? "-" : String.format("%.1f%%", 100.0 * part / whole);
  }

  public long percentile(double q) {
    if (latencies.length == 0) return 0;
    int i = (int) Math.min(latencies.length - 1, Math.floor(q * latencies.length));
    return latencies[i];
  }

  /** True for a trace of the threads model (no Ps: one track per goroutine thread). */
  boolean perThread() {
    return trace.model.equals("threads");
  }

  /** The summary as text. */
  public String render() {
    StringBuilder b = new StringBuilder();
    long w = trace.windowNs;
    if (perThread()) {
      b.append(String.format("Trace: %s window, model=threads, %d goroutine threads, %d goroutines, %d trace events", dur(w),
          trace.byP.size(), goroutines.size(), trace.events));
    } else {
      b.append(String.format("Trace: %s window, model=%s, GOMAXPROCS=%d, %d goroutines, %d trace events", dur(w), trace.model,
          trace.procs, goroutines.size(), trace.events));
    }
    if (trace.dropped > 0) b.append(String.format(" (%d older events dropped by the ring buffers)", trace.dropped));
    if (perThread()) {
      renderThreads(b, w);
    } else {
      renderProcs(b, w);
    }
    renderGil(b, w);
    renderGoroutines(b);
    return b.toString();
  }

  /** The threads model: no Ps, so a table of goroutine threads and of their sleeps. */
  private void renderThreads(StringBuilder b, long w) {
    b.append("\n\nNo Ps in the threads model: every goroutine runs on its own thread (1:1), the OS decides who runs,\n")
        .append("and there is no run queue, no stealing and no hand-off. Goroutine threads: time running their goroutine\n");
    b.append(String.format("  %-5s %10s %7s %8s %8s  %s%n", "M", "busy", "util", "slices", "gosched", "goroutine"));
    long totalBusy = 0;
    for (ProcStats p : procs) {
      totalBusy += p.busyNs();
      List<Slice> ss = trace.byP.get(p.p());
      String g = ss.isEmpty() ? "-" : "G" + ss.get(0).g() + " " + ss.get(0).fn();
      b.append(String.format("  %-5s %10s %7s %8d %8d  %s%n", "M" + p.p(), dur(p.busyNs()), pct(p.busyNs(), w), p.slices(), p.goscheds(), g));
    }
    b.append(String.format("  all   %10s   (%d threads x %s; parallelism is bounded by the cores, not by gol)%n", dur(totalBusy),
        procs.size(), dur(w)));
    if (!trace.byM.isEmpty()) {
      b.append("\nThreads (M): time awake, asleep (parked) while their goroutine waits, and blocked in syscalls\n");
      for (Map.Entry<Integer, List<TraceModel.MSlice>> e : trace.byM.entrySet()) {
        if (e.getKey() >= 100_000) continue;
        long awake = 0, park = 0, sys = 0;
        for (TraceModel.MSlice s : e.getValue()) {
          if (s.name().equals("parked")) park += s.end() - s.start();
          else if (s.name().equals("syscall")) sys += s.end() - s.start();
          else awake += s.end() - s.start();
        }
        b.append(String.format("  M%-3d awake %9s  parked %9s  syscall %9s%n", e.getKey(), dur(awake), dur(park), dur(sys)));
      }
    }
  }

  /** The gil model: how the global lock was shared. Nothing under the other models. */
  private void renderGil(StringBuilder b, long w) {
    if (trace.gilHeld.isEmpty() && trace.gilWaits.isEmpty()) return;
    Map<Integer, long[]> byM = new java.util.TreeMap<>();
    long held = 0;
    for (TraceModel.MSlice s : trace.gilHeld) {
      held += s.end() - s.start();
      byM.computeIfAbsent(s.m(), k -> new long[2])[0] += s.end() - s.start();
    }
    long waited = 0, longest = 0;
    for (TraceModel.MSlice s : trace.gilWaits) {
      long d = s.end() - s.start();
      waited += d;
      longest = Math.max(longest, d);
      byM.computeIfAbsent(s.m(), k -> new long[2])[1] += d;
    }
    long drops = trace.instants.stream().filter(i -> i.name().equals("GilDropRequest")).count();
    b.append(String.format("%nGIL (gil model: one global lock; gol code runs only while holding it)%n"));
    b.append(String.format("  held %s of %s (%s), taken %d times; Ms waited for it %s in total (longest %s); drop requests %d%n",
        dur(held), dur(w), pct(held, w), trace.gilHeld.size(), dur(waited), dur(longest), drops));
    for (Map.Entry<Integer, long[]> e : byM.entrySet()) {
      b.append(String.format("  M%-3d held %9s  waited %9s%n", e.getKey(), dur(e.getValue()[0]), dur(e.getValue()[1])));
    }
  }

  /** Processors, threads: the GMP scheduler's tables (gmp, single, gil). */
  private void renderProcs(StringBuilder b, long w) {
    b.append("\n\nProcessors (P): time running goroutines, and scheduler events\n");
    b.append(String.format("  %-4s %10s %7s %8s %8s %8s %14s %9s%n", "P", "busy", "util", "slices", "preempt", "gosched", "steals (Gs)", "handoffs"));
    long totalBusy = 0;
    for (ProcStats p : procs) {
      totalBusy += p.busyNs();
      b.append(String.format("  %-4s %10s %7s %8d %8d %8d %14s %9d%n", "P" + p.p(), dur(p.busyNs()), pct(p.busyNs(), w), p.slices(),
          p.preempts(), p.goscheds(), p.steals() + " (" + p.stolen() + ")", p.handoffs()));
    }
    b.append(String.format("  all  %10s %7s   (of %d Ps x %s)%n", dur(totalBusy), pct(totalBusy, w * Math.max(1, trace.procs)), trace.procs, dur(w)));

    if (!trace.byM.isEmpty()) {
      b.append("\nThreads (M): time holding a P, spinning (looking for work), parked, in syscalls\n");
      for (Map.Entry<Integer, List<TraceModel.MSlice>> e : trace.byM.entrySet()) {
        if (e.getKey() >= 100_000) continue; // sysmon
        long held = 0, spin = 0, park = 0, sys = 0;
        for (TraceModel.MSlice s : e.getValue()) {
          long d = s.end() - s.start();
          if (s.name().equals("spinning")) spin += d;
          else if (s.name().equals("parked")) park += d;
          else if (s.name().equals("syscall")) sys += d;
          else held += d;
        }
        b.append(String.format("  M%-3d holds P %9s  spinning %9s  parked %9s  syscall %9s%n", e.getKey(), dur(held), dur(spin), dur(park), dur(sys)));
      }
    }
  }

  /** Latency histogram, goroutine analysis, scheduler wait explained, GC: every model. */
  private void renderGoroutines(StringBuilder b) {

    b.append(String.format("%nScheduler latency (runnable -> running), %d waits: p50 %s  p90 %s  p99 %s  max %s%n", latencies.length,
        dur(percentile(0.5)), dur(percentile(0.9)), dur(percentile(0.99)), latencies.length == 0 ? "-" : dur(latencies[latencies.length - 1])));
    long maxCount = 1;
    for (long c : latencyCounts) maxCount = Math.max(maxCount, c);
    for (int i = 0; i < latencyCounts.length; i++) {
      int bar = (int) Math.round(40.0 * latencyCounts[i] / maxCount);
      b.append(String.format("  %-10s %9d  %s%n", BUCKET_NAMES[i], latencyCounts[i], "#".repeat(bar)));
    }

    b.append("\nGoroutine analysis, by start function (share of the goroutines' summed lifetime)\n");
    b.append(String.format("  %-24s %5s %10s %16s %16s", "function", "count", "lifetime", "execution", "sched wait"));
    for (String c : CATS) b.append(String.format(" %9s", c));
    b.append('\n');
    for (Group g : groups) {
      b.append(String.format("  %-24s %5d %10s %16s %16s", clip(g.fn, 24), g.count, dur(g.lifetime),
          dur(g.exec) + " " + pct(g.exec, g.lifetime), dur(g.schedWait) + " " + pct(g.schedWait, g.lifetime)));
      for (int i = 0; i < CATS.length; i++) b.append(String.format(" %9s", g.blocked[i] == 0 ? "-" : dur(g.blocked[i])));
      b.append('\n');
    }
    if (perThread()) {
      b.append("\nScheduler wait (threads model): from a goroutine's wake-up to its thread running again, that is\n")
          .append("the operating system's scheduling latency; no gol run queue is involved.\n");
    } else {
      b.append("\nScheduler wait explained: while goroutines of a group were runnable but not running,\nwhat the Ps did instead\n");
      if (!trace.gilHeld.isEmpty()) b.append("(under gil, an \"idle\" P is mostly one whose M waits for the GIL)\n");
    }
    for (Group g : groups) {
      if (perThread()) break;
      if (g.schedWait == 0 || g.waitCapacity == 0) continue;
      b.append(String.format("  %-24s waited %s:", clip(g.fn, 24), dur(g.schedWait)));
      List<Map.Entry<String, Long>> top = new ArrayList<>(g.ranInstead.entrySet());
      top.sort((x, y) -> Long.compare(y.getValue(), x.getValue()));
      int shown = 0;
      for (Map.Entry<String, Long> e : top) {
        if (shown++ == 3) break;
        b.append(" ran ").append(e.getKey()).append(' ').append(pct(e.getValue(), g.waitCapacity)).append(',');
      }
      b.append(" idle ").append(pct(g.idleInstead, g.waitCapacity));
      if (g.gcInstead > 0) b.append(", JVM GC pauses overlapped ").append(dur(g.gcInstead));
      b.append('\n');
    }
    if (!trace.gcs.isEmpty()) {
      long gc = 0;
      for (TraceModel.Gc x : trace.gcs) gc += x.end() - x.start();
      b.append(String.format("%nJVM garbage collections observed: %d, %s in total%n", trace.gcs.size(), dur(gc)));
    }
  }

  static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }
}
