package gol.compiler.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A gol execution trace read back from its Chrome Trace Event JSON (written by
 * gol.runtime.trace.ChromeTrace): the goroutine time slices of every P, the Ms' slices, the
 * scheduler's instants and the GC pauses, all in nanoseconds from the start of the window.
 * {@link Summary} and {@link HtmlReport} work on this model.
 *
 * <p>Under the threads model ({@link #model} "threads") there are no shared Ps: the "P" of a slice
 * is the goroutine thread's M id, {@link #byP} has one entry per thread that ran a goroutine, and
 * {@link #procs} is their number. Under gil, {@link #gilHeld} and {@link #gilWaits} hold the
 * global lock's slices.
 */
public final class TraceModel {
  /** One time slice of goroutine g on P p. ready = -1 when unknown (the trace started later). */
  public record Slice(int p, long g, String fn, long start, long end, long ready, String from, long by,
      String endKind, String reason) {
    public long dur() {
      return end - start;
    }
  }

  /** A slice on an M's track: "P0" (holds P0), "spinning", "parked" or "syscall" (of goroutine g). */
  public record MSlice(int m, String name, long start, long end, long g) {}

  /** A point event: GoCreate, Steal, Handoff, PreemptRequest, Timers, StackGrow, StackShrink. */
  public record Instant(String name, int tid, int pid, long ts, Map<String, Object> args) {}

  /** A JVM garbage collection. */
  public record Gc(String name, long start, long end) {}

  public final Map<String, Object> otherData;
  /** The concurrency model the trace was recorded under: gmp, threads, single or gil. */
  public final String model;
  /** gil model: each time an M held the global lock (MSlice.m = the M), sorted by start. */
  public final List<MSlice> gilHeld = new ArrayList<>();
  /** gil model: each time an M waited for the global lock, sorted by start. */
  public final List<MSlice> gilWaits = new ArrayList<>();
  public final int procs;
  public final long windowNs;
  public final long dropped;
  /** Slices of each P, sorted by start. */
  public final TreeMap<Integer, List<Slice>> byP = new TreeMap<>();
  /** Slices of each goroutine, sorted by start. */
  public final Map<Long, List<Slice>> byG = new LinkedHashMap<>();
  public final TreeMap<Integer, List<MSlice>> byM = new TreeMap<>();
  public final List<Instant> instants = new ArrayList<>();
  public final List<Gc> gcs = new ArrayList<>();
  /** Start function of every goroutine seen (from slices and GoCreate instants). */
  public final Map<Long, String> fnOf = new LinkedHashMap<>();
  /** Creation time of goroutines whose GoCreate is in the window. */
  public final Map<Long, Long> createdAt = new LinkedHashMap<>();
  public final int events;

  /** Reads a trace file. */
  public static TraceModel read(Path file) throws IOException {
    return of(Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
  }

  /** The model of a parsed trace (the value of {@link Json#parse}). */
  @SuppressWarnings("unchecked")
  public static TraceModel of(Object json) {
    if (!(json instanceof Map<?, ?> root) || !(root.get("traceEvents") instanceof List<?>)) {
      throw new IllegalArgumentException("not a Chrome trace: no traceEvents array");
    }
    return new TraceModel((Map<String, Object>) root);
  }

  @SuppressWarnings("unchecked")
  private TraceModel(Map<String, Object> root) {
    Object od = root.get("otherData");
    otherData = od instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    model = str(otherData.get("model"), "gmp");
    boolean perThread = model.equals("threads");
    List<Object> evs = (List<Object>) root.get("traceEvents");
    events = evs.size();
    long maxEnd = 0;
    int maxP = (int) num(otherData.get("gomaxprocs"), 0);
    for (Object o : evs) {
      if (!(o instanceof Map<?, ?>)) throw new IllegalArgumentException("trace event is not an object: " + o);
      Map<String, Object> e = (Map<String, Object>) o;
      String ph = (String) e.get("ph");
      if (ph == null) throw new IllegalArgumentException("trace event without ph: " + e);
      int pid = (int) num(e.get("pid"), -1), tid = (int) num(e.get("tid"), -1);
      long ts = e.get("ts") instanceof Json.Num n ? n.usToNs() : 0;
      Map<String, Object> args = e.get("args") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
      String name = e.get("name") instanceof String s ? s : "";
      switch (ph) {
        case "X": {
          long end = ts + ((Json.Num) e.get("dur")).usToNs();
          maxEnd = Math.max(maxEnd, end);
          if (pid == 1) {
            long g = num(args.get("g"), 0);
            long ready = args.get("ready") instanceof Json.Num n ? n.usToNs() : -1;
            Slice s = new Slice(tid - 1, g, str(args.get("fn"), name), ts, end, ready, str(args.get("from"), "unknown"),
                num(args.get("by"), -1), str(args.get("end"), "?"), args.get("reason") instanceof String r ? r : null);
            byP.computeIfAbsent(s.p(), k -> new ArrayList<>()).add(s);
            byG.computeIfAbsent(g, k -> new ArrayList<>()).add(s);
            fnOf.put(g, s.fn()); // slices follow the GoCreate instant and may know a better name
            maxP = Math.max(maxP, s.p() + 1);
          } else if (pid == 2) {
            byM.computeIfAbsent(tid, k -> new ArrayList<>()).add(new MSlice(tid, name, ts, end, num(args.get("g"), 0)));
          } else if (pid == 3) {
            gcs.add(new Gc(name, ts, end));
          } else if (pid == 4) {
            MSlice s = new MSlice((int) num(args.get("m"), -1), name, ts, end, 0);
            (tid == 1 ? gilHeld : gilWaits).add(s);
          }
          break;
        }
        case "i": case "I": {
          instants.add(new Instant(name, tid, pid, ts, args));
          if (name.equals("GoCreate")) {
            long g = num(args.get("g"), 0);
            fnOf.putIfAbsent(g, str(args.get("fn"), "?"));
            createdAt.put(g, ts);
          }
          maxEnd = Math.max(maxEnd, ts);
          break;
        }
        default:
          if (!ph.equals("M")) maxEnd = Math.max(maxEnd, ts);
          break;
      }
    }
    for (List<Slice> l : byP.values()) l.sort(Comparator.comparingLong(Slice::start));
    for (List<Slice> l : byG.values()) l.sort(Comparator.comparingLong(Slice::start));
    for (List<MSlice> l : byM.values()) l.sort(Comparator.comparingLong(MSlice::start));
    gilHeld.sort(Comparator.comparingLong(MSlice::start));
    gilWaits.sort(Comparator.comparingLong(MSlice::start));
    if (perThread) {
      procs = Math.max(1, byP.size()); // one track per goroutine thread: the Ps that could run at once
    } else {
      for (int p = 0; p < maxP; p++) byP.computeIfAbsent(p, k -> new ArrayList<>());
      procs = maxP;
    }
    windowNs = Math.max(maxEnd, num(otherData.get("durationNs"), 0));
    dropped = num(otherData.get("eventsDropped"), 0);
  }

  static long num(Object o, long def) {
    return o instanceof Json.Num n ? n.asLong() : def;
  }

  static String str(Object o, String def) {
    return o instanceof String s ? s : def;
  }
}
