package gol.runtime.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a {@link TraceLog} as Chrome Trace Event JSON (the "JSON Object Format" that
 * chrome://tracing, Perfetto and {@code gol trace} read).
 *
 * <h2>What the file contains</h2>
 * <ul>
 *   <li><b>pid 1 "Procs"</b>: one track per P ({@code tid} = P id + 1). Each time slice a goroutine
 *       runs on the P is a complete event ({@code "ph":"X"}) named by the goroutine's start function,
 *       with args {@code g}, {@code fn}, {@code ready} (when it became runnable, in us),
 *       {@code from} (what made it runnable: create, unblock, preempt, gosched, syscall, ...),
 *       {@code by} (the waker's goroutine id; 0 = a timer or the scheduler), {@code end} (why the
 *       slice ended: block, preempt, gosched, exit, syscall, or running at the end of the trace) and
 *       {@code reason} (the wait reason of a block). Instants mark goroutine creation, steals,
 *       hand-offs, timers and stack growth. Flow arrows ({@code "ph":"s"/"f"}) go from the goroutine
 *       that created or woke another to the slice where that one starts. Counters: goroutines
 *       running / runnable / waiting / in syscalls, and run queue lengths.</li>
 *   <li><b>pid 2 "Threads"</b>: one track per M: which P it holds, spinning, parked, and syscalls;
 *       and a track for sysmon (its preemption requests and hand-offs).</li>
 *   <li><b>pid 3 "JVM"</b>: garbage collections observed.</li>
 *   <li><b>pid 4 "GIL"</b> (gil model only): track "holder" has one slice per time an M held the
 *       global lock (named by the M), so at most one slice at any time; track "M<i>n</i> waits"
 *       has the M's waits for the lock, and instants where it asked the holder to drop it.</li>
 *   <li>{@code otherData}: GOMAXPROCS, event counts, and how many events were dropped by the ring
 *       buffers (the window then starts later than the program).</li>
 * </ul>
 * Every slice's args let the whole goroutine history be rebuilt: for consecutive slices of one
 * goroutine, previous end &le; ready &le; start, so the gaps split exactly into blocked time
 * (end to ready) and scheduler wait (ready to start). {@code gol trace} relies on that.
 *
 * <h2>The threads model</h2>
 * There are no shared Ps: each goroutine thread holds a private one. Events then carry the M id
 * where they carry a P id elsewhere, so pid 1 has one track per thread ({@code tid} = M id + 1,
 * named "thread M<i>n</i>"), each holding the slices of the one goroutine that thread runs (and
 * the timer thread's Timers instants). On pid 2 a goroutine thread alternates "awake", "parked"
 * (asleep while its goroutine waits) and "syscall" (blocked in a blocking call, which under 1:1
 * needs no hand-off: no other goroutine was waiting for this thread). {@code otherData.model} says which model ran.
 *
 * <p>Threading: a pure function of its input; call from any thread.
 */
public final class ChromeTrace {
  static final int PID_PROCS = 1, PID_THREADS = 2, PID_JVM = 3, PID_GIL = 4;
  /** Track ids on pid 4: the holder track, and each M's wait track (this plus the M id). */
  static final int TID_GIL_HOLDER = 1, TID_GIL_WAITS = 1000;
  static final int TID_SYSMON = 100_000;
  /** Goroutine counters are sampled at most this often (ns of trace time), to keep files small. */
  static final long COUNTER_NS = 10_000;

  private ChromeTrace() {}

  /** Writes log to path as JSON. */
  public static void write(TraceLog log, Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      new Emitter(log, w).run();
    }
  }

  /** Goroutine states while replaying. */
  static final int UNKNOWN = 0, RUNNABLE = 1, RUNNING = 2, WAITING = 3, SYSCALL = 4, DEAD = 5;

  private static final class GState {
    int state = UNKNOWN;
    String fn = "?";
    /** fn as a JSON string literal (cached: written with every slice), and the fn it was made from. */
    String fnJson, fnJsonOf;
    long ready = -1;
    String from = "unknown";
    long by = -1;
    int p = -1;
    long sliceStart;
    long flow;
    String flowName;
  }

  private static final class MState {
    int p = -1;
    long pStart, spinStart = -1, parkStart = -1, sysStart = -1;
    long sysG;
    /** The P it held before it parked (threads model: it holds it again when it wakes). */
    int lastP = -1;
    long gilWaitStart = -1, gilHoldStart = -1;
  }

  private static final class Emitter {
    final TraceLog log;
    final Writer w;
    final Map<Long, GState> gs = new HashMap<>();
    final Map<Integer, MState> ms = new HashMap<>();
    final int[] runq;
    long globalRunq;
    int running, runnable, waiting, syscall;
    long lastCounter = -COUNTER_NS;
    boolean countersDirty;
    long flows;
    boolean first = true;
    /** Scratch buffer for a slice's args. */
    final StringBuilder args = new StringBuilder(256);
    /** Output buffer: events are appended here and written in 64 KB chunks. */
    final StringBuilder out = new StringBuilder(1 << 17);
    int maxP;
    /** The threads model: P ids in the events are M ids (one track per goroutine thread). */
    final boolean perThread;

    Emitter(TraceLog log, Writer w) {
      this.log = log;
      this.w = w;
      perThread = "threads".equals(log.model());
      int np = log.procs();
      for (int i = 0; i < log.events().length; i += Events.STRIDE) np = Math.max(np, Events.p(log.events()[i + 1]) + 1);
      maxP = np;
      runq = new int[np];
    }

    void run() throws IOException {
      w.write("{\"displayTimeUnit\":\"ns\",\"otherData\":{");
      w.write("\"producer\":\"gol\",\"format\":1,\"model\":" + str(log.model()) + ",\"gomaxprocs\":" + log.procs());
      if (perThread) {
        w.write(",\"tracks\":" + str("threads model: no shared Ps; one goroutine track per thread (tid = M id + 1)"));
      }
      w.write(",\"eventsRecorded\":" + log.recorded() + ",\"eventsKept\":" + log.size() + ",\"eventsDropped\":" + log.dropped());
      w.write(",\"droppedNote\":" + str(log.dropped() == 0 ? "none: the whole run was kept"
          : "the ring buffers (tracebuf=" + log.bufferEvents() + " events each) overwrote the oldest events; the window starts "
            + us(log.windowStartNs()) + " us after tracing started"));
      w.write(",\"windowStartNs\":" + log.windowStartNs() + ",\"durationNs\":" + log.durationNs());
      w.write(",\"bufferEvents\":" + log.bufferEvents() + ",\"settings\":{");
      boolean f = true;
      for (Map.Entry<String, String> e : log.settings().entrySet()) {
        if (!f) w.write(',');
        f = false;
        w.write(str(e.getKey()) + ":" + str(e.getValue()));
      }
      w.write("}},\n\"traceEvents\":[\n");
      w.flush();
      metadata();
      long[] ev = log.events();
      for (int i = 0; i < ev.length; i += Events.STRIDE) event(Math.max(0, ev[i]), ev[i + 1], ev[i + 2], ev[i + 3]);
      finish(Math.max(log.durationNs(), ev.length == 0 ? 0 : ev[ev.length - Events.STRIDE]));
      w.append(out);
      w.write("\n]}\n");
    }

    // ---------------------------------------------------------------- replay

    GState g(long id) {
      return gs.computeIfAbsent(id, k -> new GState());
    }

    MState m(int id) {
      return ms.computeIfAbsent(id, k -> new MState());
    }

    void event(long ts, long h, long gid, long arg) throws IOException {
      int kind = Events.kind(h), p = Events.p(h), mid = Events.m(h), extra = Events.extra(h);
      switch (kind) {
        case Events.GO_CREATE: {
          GState g = g(gid);
          g.fn = log.string(extra);
          setState(g, RUNNABLE);
          g.ready = ts;
          g.from = "create";
          g.by = arg;
          if (p >= 0) instant(PID_PROCS, p + 1, ts, "GoCreate", "{\"g\":" + gid + ",\"parent\":" + arg + ",\"fn\":" + str(g.fn) + "}");
          if (arg != 0 && p >= 0) flowStart(g, "create", p, ts);
          break;
        }
        case Events.GO_START: {
          GState g = g(gid);
          startSlice(g, p, ts);
          break;
        }
        case Events.GO_BLOCK:
          stop(gid, ts, "block", log.string(extra), WAITING);
          break;
        case Events.GO_PREEMPT:
          stop(gid, ts, "preempt", null, RUNNABLE);
          break;
        case Events.GO_SCHED:
          stop(gid, ts, "gosched", null, RUNNABLE);
          break;
        case Events.GO_END:
          stop(gid, ts, "exit", null, DEAD);
          break;
        case Events.GO_UNBLOCK: {
          GState g = g(gid);
          setState(g, RUNNABLE);
          g.ready = ts;
          g.from = arg == gid ? "self" : "unblock";
          g.by = arg;
          if (arg != 0 && arg != gid && p >= 0) flowStart(g, "wakeup", p, ts);
          break;
        }
        case Events.GO_SYSCALL: {
          stop(gid, ts, "syscall", null, SYSCALL);
          MState m = m(mid);
          closeP(m, mid, ts);
          m.sysStart = ts;
          m.sysG = gid;
          break;
        }
        case Events.GO_SYSEXIT: {
          MState m = m(mid);
          closeSyscall(m, mid, ts);
          if (perThread && m.p < 0 && m.lastP >= 0) { // a goroutine thread is awake again after its call
            m.p = m.lastP;
            m.pStart = ts;
          }
          GState g = g(gid);
          g.ready = ts;
          g.by = gid;
          if (arg == 1 && p >= 0) {
            g.from = "syscall";
            startSlice(g, p, ts);
          } else {
            g.from = "syscall-queued";
            setState(g, RUNNABLE);
          }
          break;
        }
        case Events.GO_NAME:
          g(gid).fn = log.string(extra);
          break;
        case Events.STACK:
          instant(PID_PROCS, p + 1, ts, extra == 1 ? "StackGrow" : "StackShrink", "{\"g\":" + gid + ",\"bytes\":" + arg + "}");
          break;
        case Events.PROC_START: {
          MState m = m(mid);
          closeSyscall(m, mid, ts);
          closePark(m, mid, ts);
          closeP(m, mid, ts);
          m.p = p;
          m.pStart = ts;
          if (arg == 1) m.spinStart = ts;
          break;
        }
        case Events.PROC_STOP:
          closeP(m(mid), mid, ts);
          break;
        case Events.M_PARK: {
          MState m = m(mid);
          closeP(m, mid, ts);
          closeSyscall(m, mid, ts);
          if (m.parkStart < 0) m.parkStart = ts;
          break;
        }
        case Events.M_UNPARK: {
          MState m = m(mid);
          closePark(m, mid, ts);
          if (perThread && m.p < 0 && m.lastP >= 0) { // a goroutine thread keeps its own P
            m.p = m.lastP;
            m.pStart = ts;
          }
          break;
        }
        case Events.GIL_WAIT: {
          MState m = m(mid);
          if (m.gilWaitStart < 0) m.gilWaitStart = ts;
          break;
        }
        case Events.GIL_ACQUIRE: {
          MState m = m(mid);
          closeGilWait(m, mid, ts);
          m.gilHoldStart = ts;
          break;
        }
        case Events.GIL_RELEASE:
          closeGilHold(m(mid), mid, ts);
          break;
        case Events.GIL_DROP_REQ:
          instant(PID_GIL, TID_GIL_WAITS + mid, ts, "GilDropRequest", "{\"g\":" + gid + ",\"holder\":\"M" + extra + "\"}");
          break;
        case Events.M_SPIN: {
          MState m = m(mid);
          if (arg == 1) {
            if (m.spinStart < 0 && m.p >= 0) m.spinStart = ts;
          } else {
            closeSpin(m, mid, ts);
          }
          break;
        }
        case Events.STEAL:
          instant(PID_PROCS, p + 1, ts, "Steal", "{\"from\":\"P" + arg + "\",\"count\":" + extra + "}");
          break;
        case Events.PREEMPT_REQ:
          instant(PID_THREADS, TID_SYSMON, ts, "PreemptRequest", "{\"g\":" + gid + ",\"p\":" + p + "}");
          break;
        case Events.HANDOFF:
          instant(PID_PROCS, p + 1, ts, "Handoff", "{\"p\":" + p + "}");
          instant(PID_THREADS, TID_SYSMON, ts, "Handoff", "{\"p\":" + p + "}");
          break;
        case Events.TIMERS:
          instant(PID_PROCS, p + 1, ts, "Timers", "{\"fired\":" + extra + "}");
          break;
        case Events.RUNQ:
          if (p >= 0 && p < runq.length) {
            runq[p] = (int) arg;
          } else if (p < 0) {
            globalRunq = arg;
            StringBuilder b = new StringBuilder("{\"global\":").append(globalRunq);
            for (int i = 0; i < runq.length; i++) b.append(",\"P").append(i).append("\":").append(runq[i]);
            counter(ts, "Run queues", b.append('}').toString());
          }
          break;
        case Events.GC:
          complete(PID_JVM, 1, ts, arg, log.string(extra), "gc", "{}");
          break;
        default:
          break;
      }
      if (countersDirty && ts - lastCounter >= COUNTER_NS) goroutineCounter(ts);
    }

    void setState(GState g, int s) {
      if (g.state == s) return;
      adjust(g.state, -1);
      adjust(s, 1);
      g.state = s;
      countersDirty = true;
    }

    void adjust(int s, int d) {
      switch (s) {
        case RUNNING: running += d; break;
        case RUNNABLE: runnable += d; break;
        case WAITING: waiting += d; break;
        case SYSCALL: syscall += d; break;
        default: break;
      }
    }

    void startSlice(GState g, int p, long ts) throws IOException {
      setState(g, RUNNING);
      g.p = p;
      g.sliceStart = ts;
      if (g.flow != 0 && p >= 0) {
        sep();
        out.append("{\"ph\":\"f\",\"bp\":\"e\",\"id\":").append(g.flow).append(",\"name\":\"").append(g.flowName)
            .append("\",\"cat\":\"flow\",\"pid\":1,\"tid\":").append(p + 1).append(",\"ts\":");
        us(out, ts);
        out.append('}');
        g.flow = 0;
      }
    }

    void stop(long gid, long ts, String end, String reason, int newState) throws IOException {
      GState g = g(gid);
      if (g.state == RUNNING && g.p >= 0) {
        StringBuilder a = args;
        a.setLength(0);
        if (g.fnJson == null || !g.fnJsonOf.equals(g.fn)) {
          g.fnJson = str(g.fn);
          g.fnJsonOf = g.fn;
        }
        a.append("{\"g\":").append(gid).append(",\"fn\":").append(g.fnJson);
        if (g.ready >= 0) {
          a.append(",\"ready\":");
          us(a, g.ready);
        }
        a.append(",\"from\":\"").append(g.from).append("\",\"by\":").append(g.by);
        a.append(",\"end\":\"").append(end).append('"');
        if (reason != null) {
          a.append(",\"reason\":");
          str(a, reason);
        }
        a.append('}');
        completeJson(PID_PROCS, g.p + 1, g.sliceStart, ts - g.sliceStart, g.fnJson, "goroutine", a);
      }
      g.p = -1;
      g.ready = -1;
      g.by = -1;
      if (newState == RUNNABLE) {
        g.ready = ts;
        g.from = end;
        g.by = gid;
      }
      setState(g, newState);
      if (newState == DEAD) gs.remove(gid);
    }

    void flowStart(GState g, String name, int p, long ts) throws IOException {
      long id = ++flows;
      g.flow = id;
      g.flowName = name;
      sep();
      out.append("{\"ph\":\"s\",\"id\":").append(id).append(",\"name\":\"").append(name)
          .append("\",\"cat\":\"flow\",\"pid\":1,\"tid\":").append(p + 1).append(",\"ts\":");
      us(out, ts);
      out.append('}');
    }

    void closeSpin(MState m, int mid, long ts) throws IOException {
      if (m.spinStart < 0) return;
      complete(PID_THREADS, mid, m.spinStart, ts - m.spinStart, "spinning", "m", "{}");
      m.spinStart = -1;
    }

    void closeP(MState m, int mid, long ts) throws IOException {
      closeSpin(m, mid, ts);
      if (m.p < 0) return;
      if (perThread) complete(PID_THREADS, mid, m.pStart, ts - m.pStart, "awake", "m", "{}");
      else complete(PID_THREADS, mid, m.pStart, ts - m.pStart, "P" + m.p, "m", "{\"p\":" + m.p + "}");
      m.lastP = m.p;
      m.p = -1;
    }

    void closeGilWait(MState m, int mid, long ts) throws IOException {
      if (m.gilWaitStart < 0) return;
      complete(PID_GIL, TID_GIL_WAITS + mid, m.gilWaitStart, ts - m.gilWaitStart, "wait", "gil", "{\"m\":" + mid + "}");
      m.gilWaitStart = -1;
    }

    void closeGilHold(MState m, int mid, long ts) throws IOException {
      if (m.gilHoldStart < 0) return;
      complete(PID_GIL, TID_GIL_HOLDER, m.gilHoldStart, ts - m.gilHoldStart, "M" + mid, "gil", "{\"m\":" + mid + "}");
      m.gilHoldStart = -1;
    }

    void closeSyscall(MState m, int mid, long ts) throws IOException {
      if (m.sysStart < 0) return;
      GState g = gs.get(m.sysG);
      String fn = g == null ? "?" : g.fn;
      complete(PID_THREADS, mid, m.sysStart, ts - m.sysStart, "syscall", "m", "{\"g\":" + m.sysG + ",\"fn\":" + str(fn) + "}");
      m.sysStart = -1;
    }

    void closePark(MState m, int mid, long ts) throws IOException {
      if (m.parkStart < 0) return;
      complete(PID_THREADS, mid, m.parkStart, ts - m.parkStart, "parked", "m", "{}");
      m.parkStart = -1;
    }

    /** Closes everything still open at the end of the window. */
    void finish(long end) throws IOException {
      for (Map.Entry<Long, GState> e : Map.copyOf(gs).entrySet()) {
        GState g = e.getValue();
        if (g.state == RUNNING) stop(e.getKey(), end, "running", null, RUNNING);
      }
      for (Map.Entry<Integer, MState> e : ms.entrySet()) {
        closeP(e.getValue(), e.getKey(), end);
        closeSyscall(e.getValue(), e.getKey(), end);
        closePark(e.getValue(), e.getKey(), end);
        closeGilWait(e.getValue(), e.getKey(), end);
        closeGilHold(e.getValue(), e.getKey(), end);
      }
      goroutineCounter(end);
    }

    void goroutineCounter(long ts) throws IOException {
      counter(ts, "Goroutines", "{\"running\":" + running + ",\"runnable\":" + runnable + ",\"waiting\":" + waiting
          + ",\"syscall\":" + syscall + "}");
      lastCounter = ts;
      countersDirty = false;
    }

    // ---------------------------------------------------------------- JSON output

    void metadata() throws IOException {
      meta(PID_PROCS, 0, "process_name", perThread ? "Goroutine threads (threads model: one track per thread, no shared Ps)"
          : "Procs (one track per P)");
      meta(PID_PROCS, 0, "process_sort_index", 1);
      meta(PID_THREADS, 0, "process_name", "Threads (one track per M)");
      meta(PID_THREADS, 0, "process_sort_index", 2);
      meta(PID_JVM, 0, "process_name", "JVM");
      meta(PID_JVM, 0, "process_sort_index", 3);
      meta(PID_JVM, 1, "thread_name", "GC pauses");
      java.util.TreeSet<Integer> mids = new java.util.TreeSet<>(), tracks = new java.util.TreeSet<>();
      long[] ev = log.events();
      boolean gil = false;
      for (int i = 0; i < ev.length; i += Events.STRIDE) {
        mids.add(Events.m(ev[i + 1]));
        if (Events.p(ev[i + 1]) >= 0) tracks.add(Events.p(ev[i + 1]));
        int k = Events.kind(ev[i + 1]);
        gil |= k >= Events.GIL_WAIT && k <= Events.GIL_DROP_REQ;
      }
      if (perThread) {
        for (int t : tracks) {
          meta(PID_PROCS, t + 1, "thread_name", "thread M" + t);
          meta(PID_PROCS, t + 1, "thread_sort_index", t);
        }
      } else {
        for (int p = 0; p < maxP; p++) {
          meta(PID_PROCS, p + 1, "thread_name", "P" + p);
          meta(PID_PROCS, p + 1, "thread_sort_index", p);
        }
      }
      if (gil) {
        meta(PID_GIL, 0, "process_name", "GIL (gil model: who holds the global lock, who waits)");
        meta(PID_GIL, 0, "process_sort_index", 4);
        meta(PID_GIL, TID_GIL_HOLDER, "thread_name", "holder");
        meta(PID_GIL, TID_GIL_HOLDER, "thread_sort_index", 0);
        for (int mid : mids) {
          if (mid == 0 || mid == 0xffff) continue;
          meta(PID_GIL, TID_GIL_WAITS + mid, "thread_name", "M" + mid + " waits");
          meta(PID_GIL, TID_GIL_WAITS + mid, "thread_sort_index", mid);
        }
      }
      for (int mid : mids) {
        if (mid == 0 || mid == 0xffff) continue;
        meta(PID_THREADS, mid, "thread_name", "M" + mid);
        meta(PID_THREADS, mid, "thread_sort_index", mid);
      }
      meta(PID_THREADS, TID_SYSMON, "thread_name", "sysmon");
      meta(PID_THREADS, TID_SYSMON, "thread_sort_index", TID_SYSMON);
    }

    void meta(int pid, int tid, String name, Object value) throws IOException {
      String key = name.endsWith("sort_index") ? "sort_index" : "name";
      String v = value instanceof String s ? str(s) : String.valueOf(value);
      sep();
      out.append("{\"ph\":\"M\",\"pid\":").append(pid).append(",\"tid\":").append(tid).append(",\"name\":\"").append(name)
          .append("\",\"args\":{\"").append(key).append("\":").append(v).append("}}");
    }

    void complete(int pid, int tid, long ts, long dur, String name, String cat, CharSequence args) throws IOException {
      completeJson(pid, tid, ts, dur, str(name), cat, args);
    }

    /** A complete event whose name is already a JSON string literal. */
    void completeJson(int pid, int tid, long ts, long dur, String nameJson, String cat, CharSequence args) throws IOException {
      sep();
      out.append("{\"ph\":\"X\",\"pid\":").append(pid).append(",\"tid\":").append(tid).append(",\"ts\":");
      us(out, ts);
      out.append(",\"dur\":");
      us(out, Math.max(0, dur));
      out.append(",\"name\":").append(nameJson);
      out.append(",\"cat\":\"").append(cat).append("\",\"args\":").append(args).append('}');
    }

    void instant(int pid, int tid, long ts, String name, String args) throws IOException {
      sep();
      out.append("{\"ph\":\"i\",\"s\":\"t\",\"pid\":").append(pid).append(",\"tid\":").append(tid).append(",\"ts\":");
      us(out, ts);
      out.append(",\"name\":\"").append(name).append("\",\"cat\":\"sched\",\"args\":").append(args).append('}');
    }

    void counter(long ts, String name, String args) throws IOException {
      sep();
      out.append("{\"ph\":\"C\",\"pid\":1,\"tid\":0,\"ts\":");
      us(out, ts);
      out.append(",\"name\":\"").append(name).append("\",\"args\":").append(args).append('}');
    }

    /** Separates array elements; flushes the output buffer now and then. */
    void sep() throws IOException {
      if (out.length() > 1 << 16) {
        w.append(out);
        out.setLength(0);
      }
      if (first) first = false;
      else out.append(",\n");
    }
  }

  /** ns as microseconds with three decimals (exact). */
  static String us(long ns) {
    StringBuilder b = new StringBuilder(24);
    us(b, ns);
    return b.toString();
  }

  /** Appends ns (>= 0) as microseconds with three decimals. */
  static void us(StringBuilder b, long ns) {
    long frac = ns % 1000;
    b.append(ns / 1000).append('.');
    if (frac < 100) b.append('0');
    if (frac < 10) b.append('0');
    b.append(frac);
  }

  /** A JSON string literal. */
  static String str(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    str(b, s);
    return b.toString();
  }

  /** Appends s as a JSON string literal. */
  static void str(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\n': b.append("\\n"); break;
        case '\t': b.append("\\t"); break;
        case '\r': b.append("\\r"); break;
        default:
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
      }
    }
    b.append('"');
  }
}
