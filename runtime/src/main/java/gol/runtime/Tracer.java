package gol.runtime;

import gol.runtime.trace.ChromeTrace;
import gol.runtime.trace.Events;
import gol.runtime.trace.GcWatcher;
import gol.runtime.trace.TraceLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The execution tracer's recorder ({@code gol run --trace out.json}, or {@code GOLDEBUG=trace=out.json}
 * for a built jar): the scheduler calls one method here per event (goroutine create, start, block,
 * unblock, end, preemption, steal, syscall, P and M changes, ...; see {@link Events}), and at the end
 * of the run {@link #finish} merges what was recorded and writes it as Chrome Trace Event JSON
 * ({@link ChromeTrace}).
 *
 * <h2>Cost</h2>
 * Off (the default), the scheduler holds a null Tracer and each event site costs one field test.
 * On, an event costs a {@code System.nanoTime()} and four array stores into a buffer that only the
 * recording thread writes: no lock, no allocation, no shared cache line on the hot path.
 *
 * <h2>Buffers</h2>
 * Each M (worker thread) has its own buffer ({@code M.tbuf}); sysmon has one; the rare events of
 * other threads (JVM GC notifications, the main goroutine's creation) go to a shared buffer under
 * a lock. Go 1.19 kept per-P buffers and needed a global buffer for events without a P; Go 1.22
 * moved to per-M buffers, as here, because a thread is the one thing that is never shared.
 * A buffer starts small and doubles up to its cap ({@code tracebuf=N} events, default 2^16); past
 * the cap it is a ring that keeps the most recent events. When any buffer wrapped, {@link #finish}
 * cuts every buffer at the latest "oldest kept event" of the wrapped ones, so the trace is one
 * consistent window of time, and the JSON metadata says how many events were dropped.
 *
 * <h2>The concurrency models</h2>
 * Under {@code single} and {@code gil} the GMP scheduler records the same events as under gmp; the
 * gil model adds the global lock's events (an M waits for it, takes it, drops it, a waiter asks the
 * holder to drop it), recorded by the M concerned only while tracing is on. Under {@code threads}
 * every goroutine thread has a private P that no other thread uses, so events name the thread
 * instead: their P field is the M id ({@link #pid}), and the JSON has one goroutine track per
 * thread. The model is written in the JSON's metadata so that {@code gol trace} can say what the
 * tracks are.
 *
 * <h2>Threading</h2>
 * A Buf is written only by its owner thread. {@link #finish} runs on the thread that started the
 * run after the Ms were stopped (or abandoned after 200 ms: {@link #stopped} makes late writers
 * drop their events, so at worst one torn event is read). Timestamps come from one monotonic
 * clock, so events of different threads merge by time; ties are broken so that an event that
 * publishes a goroutine (unblock, create) sorts before the start it enables.
 */
final class Tracer {
  /**
   * Default events per buffer before it becomes a ring: 2^16 events (2 MB) per thread, which keeps
   * a JSON file of some 10 MB that Perfetto and the HTML page handle comfortably.
   */
  static final int DEFAULT_CAP = 1 << 16;

  /** One thread's event buffer: a long[] of {@link Events#STRIDE}-long records, growable to a ring. */
  static final class Buf {
    long[] a = new long[Events.STRIDE * 1024];
    /** Events written so far (the slot of event i is i mod capacity). */
    long n;
    final int maxEvents;
    final int mid;
    /** The goroutine that called runtime.Gosched on this M and has not yielded yet (0: none). */
    long goschedG;
    /** The time of the latest event in this buffer. */
    long lastTs;
    /** One-entry cache of {@link #intern} for wait reasons (they are mostly string constants). */
    String lastReason;
    int lastReasonId;

    Buf(int maxEvents, int mid) {
      this.maxEvents = maxEvents;
      this.mid = mid;
    }

    /** Appends an event stamped now. */
    void put(Tracer t, int kind, int p, long extra, long g, long arg) {
      if (t.stopped) return; // no clock read once tracing stopped
      putAt(t, System.nanoTime(), kind, p, extra, g, arg);
    }

    /**
     * Appends an event with an explicit time: GC events (their start is known only afterwards) and
     * starts that reuse {@link #lastTs} (see {@link Tracer#goStart}).
     */
    void putAt(Tracer t, long ts, int kind, int p, long extra, long g, long arg) {
      if (t.stopped) return;
      long[] a = this.a;
      int cap = a.length >> 2;
      if (n == cap && cap < maxEvents) {
        a = this.a = Arrays.copyOf(a, a.length * 2);
        cap <<= 1;
      }
      int i = (int) (n & (cap - 1)) << 2;
      a[i] = lastTs = ts;
      a[i + 1] = Events.header(kind, p, mid, extra);
      a[i + 2] = g;
      a[i + 3] = arg;
      n++;
    }
  }

  final String path;
  final int maxEvents;
  final long startNs = System.nanoTime();
  volatile boolean stopped;
  private final List<Buf> bufs = new ArrayList<>(); // guarded by itself
  private final Buf sysmonBuf;
  private final Buf shared; // guarded by itself
  private final ConcurrentHashMap<String, Integer> stringIds = new ConcurrentHashMap<>();
  /** Goroutines created without a start-function name (named at their first park). */
  private final ConcurrentHashMap<Long, Boolean> unnamed = new ConcurrentHashMap<>();
  private final List<String> strings = new ArrayList<>(); // guarded by stringIds' insertion lock below
  private final GcWatcher gc;
  private final Config config;
  private long lastSample;
  /** The concurrency model of the run (lower case, for the JSON). */
  private final String model;
  /** The threads model: events carry the M id where the others carry the P id (see {@link #pid}). */
  private final boolean perThread;

  private Tracer(Config config, String path, int maxEvents) {
    this.config = config;
    Knobs.Model mo = Knobs.of(config).model;
    this.model = mo.name().toLowerCase();
    this.perThread = mo == Knobs.Model.THREADS;
    this.path = path;
    this.maxEvents = maxEvents;
    sysmonBuf = newBuf(0);
    shared = newBuf(0xffff);
    intern(""); // string 0: none
    gc = GcWatcher.start((startNs, durNs, name) -> {
      int id = intern(name);
      synchronized (shared) {
        shared.putAt(this, startNs, Events.GC, -1, id, 0, durNs);
      }
    });
  }

  /** The tracer of a run, or null when {@code trace} is not set (the default: tracing off). */
  static Tracer create(Config c) {
    String path = c.get("trace");
    if (path == null || path.isEmpty()) return null;
    long cap = c.intValue("tracebuf", DEFAULT_CAP);
    int pow = Integer.highestOneBit((int) Math.max(1024, Math.min(cap, 1 << 26)));
    return new Tracer(c, path, pow);
  }

  /** The tracer of the scheduler g runs under, or null (also for a test M outside any scheduler). */
  static Tracer of(G g) {
    M m = g.m;
    if (m == null || m.sched == null) return null;
    return m.sched.trace;
  }

  private Buf newBuf(int mid) {
    Buf b = new Buf(maxEvents, mid);
    synchronized (bufs) {
      bufs.add(b);
    }
    return b;
  }

  /** The calling M's buffer (m must be the current thread's M). */
  private Buf buf(M m) {
    Buf b = m.tbuf;
    if (b == null) b = m.tbuf = newBuf(m.id);
    return b;
  }

  int intern(String s) {
    if (s == null) return 0;
    Integer id = stringIds.get(s);
    if (id != null) return id;
    synchronized (strings) {
      id = stringIds.get(s);
      if (id != null) return id;
      id = strings.size();
      strings.add(s);
      stringIds.put(s, id);
      return id;
    }
  }

  /** The track of m's events: the id of the P it holds (-1: none); under threads, m's own id. */
  private int pid(M m) {
    if (perThread) return m.id;
    P p = m.p;
    return p == null ? -1 : p.id;
  }

  // ==================================================================== goroutine events

  /** The main goroutine, created by the run itself (on the starting thread). */
  void goCreateMain(G g) {
    int fn = intern("main.main");
    synchronized (shared) {
      shared.put(this, Events.GO_CREATE, 0, fn, g.id, 0);
    }
  }

  /** A go statement on p (whose M is the current thread) created g running e. */
  void goCreate(P p, G g, Entry e) {
    M m = p.m;
    String name = e.functionName();
    if (name == null) { // named at its first park, from its bottom frame (see goBlock)
      name = e.creatorName() == null ? "goroutine" : "go@" + e.creatorName() + ":" + e.creatorLine();
      unnamed.put(g.id, Boolean.TRUE);
    }
    G parent = m.curg;
    Buf b = buf(m);
    b.put(this, Events.GO_CREATE, pid(m), intern(name), g.id, parent == null ? 0 : parent.id);
    g.traceReadied = b;
  }

  /**
   * g starts running on m. If g's latest create or unblock was recorded by this same M, the start
   * reuses the time of this M's latest event instead of reading the clock (one {@code nanoTime}
   * saved per hand-off in a ping-pong). That is exact about order: everything that must precede
   * the start (g made runnable, g's previous stop, the previous goroutine on this P stopping, this
   * M taking the P) is already in this buffer or happened before an event that is.
   */
  void goStart(M m, G g) {
    Buf b = buf(m);
    if (g.traceReadied == b && b.n > 0) b.putAt(this, b.lastTs, Events.GO_START, pid(m), 0, g.id, 0);
    else b.put(this, Events.GO_START, pid(m), 0, g.id, 0);
    g.traceReadied = null;
  }

  void goBlock(M m, G g, String reason) {
    Buf b = buf(m);
    if (!unnamed.isEmpty() && unnamed.remove(g.id) != null) {
      int[][] frames = g.stack.frames();
      Resumer r = m.sched.resumer;
      if (frames.length > 0 && r != null) b.put(this, Events.GO_NAME, pid(m), intern(r.functionName(frames[frames.length - 1][0])), g.id, 0);
    }
    if (reason != b.lastReason) {
      b.lastReasonId = intern(reason);
      b.lastReason = reason;
    }
    b.put(this, Events.GO_BLOCK, pid(m), b.lastReasonId, g.id, 0);
  }

  /** The park request completed while committing (a partner arrived): g runs on at once. */
  void goBlockCancelled(M m, G g) {
    Buf b = buf(m);
    b.put(this, Events.GO_UNBLOCK, pid(m), 0, g.id, g.id);
    b.put(this, Events.GO_START, pid(m), 0, g.id, 0);
  }

  /** g (running on the current thread) called runtime.Gosched: its coming yield is not a preemption. */
  void gosched(G g) {
    buf(g.m).goschedG = g.id;
  }

  /** g yields to the global queue: Gosched if it asked (see {@link #gosched}), else preempted. */
  void goYield(M m, G g) {
    Buf b = buf(m);
    boolean gosched = b.goschedG == g.id;
    b.goschedG = 0;
    b.put(this, gosched ? Events.GO_SCHED : Events.GO_PREEMPT, pid(m), 0, g.id, 0);
  }

  void goEnd(M m, G g) {
    buf(m).put(this, Events.GO_END, pid(m), 0, g.id, 0);
  }

  /** waker (running on the current thread's M) made g runnable. */
  void goUnblock(M m, G g, G waker) {
    Buf b = buf(m);
    b.put(this, Events.GO_UNBLOCK, pid(m), 0, g.id, waker.id);
    g.traceReadied = b;
  }

  void goSyscall(M m, G g, P p) {
    buf(m).put(this, Events.GO_SYSCALL, perThread ? m.id : p.id, 0, g.id, 0);
  }

  void goSysExit(M m, G g, boolean gotP) {
    buf(m).put(this, Events.GO_SYSEXIT, pid(m), 0, g.id, gotP ? 1 : 0);
  }

  /** After g's frames were saved: reports stack segments added or dropped since the last look. */
  void stackCheck(M m, G g) {
    Stack s = g.stack;
    if (s.grows == s.seenGrows && s.shrinks == s.seenShrinks) return;
    boolean grew = s.grows != s.seenGrows;
    s.seenGrows = s.grows;
    s.seenShrinks = s.shrinks;
    buf(m).put(this, Events.STACK, pid(m), grew ? 1 : 0, g.id, s.bytes());
  }

  // ==================================================================== processors and threads

  void procStart(M m, P p) {
    buf(m).put(this, Events.PROC_START, perThread ? m.id : p.id, 0, 0, m.spinning ? 1 : 0);
  }

  void procStop(M m, P p) {
    buf(m).put(this, Events.PROC_STOP, perThread ? m.id : p.id, 0, 0, 0);
  }

  void mPark(M m) {
    buf(m).put(this, Events.M_PARK, -1, 0, 0, 0);
  }

  void mUnpark(M m) {
    buf(m).put(this, Events.M_UNPARK, -1, 0, 0, 0);
  }

  void mSpin(M m, boolean on) {
    buf(m).put(this, Events.M_SPIN, pid(m), 0, 0, on ? 1 : 0);
  }

  /** thief (held by the current thread's M) took n goroutines from victim. */
  void steal(P thief, P victim, int n) {
    buf(thief.m).put(this, Events.STEAL, thief.id, n, 0, victim.id);
  }

  /** Due timers fired by the current thread's M (on behalf of P p). */
  void timers(M m, int fired) {
    buf(m).put(this, Events.TIMERS, pid(m), fired, 0, 0);
  }

  // ---- the gil model's global lock (the M concerned, on its own thread)

  /** m starts waiting for the GIL. */
  void gilWait(M m) {
    buf(m).put(this, Events.GIL_WAIT, pid(m), 0, 0, 0);
  }

  /** m took the GIL (after {@link #gilWait}). */
  void gilAcquire(M m) {
    buf(m).put(this, Events.GIL_ACQUIRE, pid(m), 0, 0, 0);
  }

  /** m drops the GIL (recorded while it still holds it). */
  void gilRelease(M m) {
    buf(m).put(this, Events.GIL_RELEASE, pid(m), 0, 0, 0);
  }

  /** m, waiting for the GIL, asked goroutine g (running on holder's M) to drop it. */
  void gilDropRequest(M m, G g, M holder) {
    buf(m).put(this, Events.GIL_DROP_REQ, pid(m), holder.id, g.id, 0);
  }

  // ---- sysmon's events (the sysmon thread only)

  void preemptRequest(P p, G g) {
    sysmonBuf.put(this, Events.PREEMPT_REQ, p.id, 0, g.id, 0);
  }

  void handoff(P p) {
    sysmonBuf.put(this, Events.HANDOFF, p.id, 0, 0, 0);
  }

  /** Samples the run queue lengths, at most every 200 us. */
  void sampleQueues(Sched s, long now) {
    if (now - lastSample < 200_000) return;
    lastSample = now;
    for (P p : s.allp) sysmonBuf.put(this, Events.RUNQ, p.id, 0, 0, p.runqSize());
    sysmonBuf.put(this, Events.RUNQ, -1, 0, 0, s.runqsize);
  }

  // ==================================================================== the end of the run

  /** Stops recording, merges the buffers and writes the JSON file. Errors go to stderr. */
  void finish(Sched s) {
    stopped = true;
    gc.stop();
    boolean stats = config.flag("tracestats");
    java.lang.management.ThreadMXBean cpu = stats ? java.lang.management.ManagementFactory.getThreadMXBean() : null;
    long c0 = stats ? cpu.getCurrentThreadCpuTime() : 0;
    long t0 = System.nanoTime();
    TraceLog log = collect(s.allp.length);
    long t1 = System.nanoTime();
    try {
      ChromeTrace.write(log, Path.of(path));
      if (stats) {
        System.err.printf("gol: trace %s: %d events kept, %d dropped; run %d ms, merge %d ms, write %d ms (merge+write CPU %d ms)%n",
            path, log.size(), log.dropped(), (t0 - startNs) / 1_000_000, (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000,
            (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("gol: cannot write trace " + path + ": " + e);
    }
  }

  /** Merges every buffer into one time-ordered event array over a consistent window. */
  TraceLog collect(int procs) {
    List<Buf> all;
    synchronized (bufs) {
      all = new ArrayList<>(bufs);
    }
    long recorded = 0;
    long cut = Long.MIN_VALUE;
    List<long[]> parts = new ArrayList<>();
    for (Buf b : all) {
      long[] a;
      long n;
      if (b == shared) {
        synchronized (shared) {
          a = b.a.clone();
          n = b.n;
        }
      } else {
        a = b.a;
        n = b.n;
      }
      int cap = a.length >> 2;
      recorded += n;
      int kept = (int) Math.min(n, cap);
      long[] part = new long[kept * Events.STRIDE];
      long first = n - kept;
      for (int i = 0; i < kept; i++) {
        int from = (int) ((first + i) & (cap - 1)) << 2;
        System.arraycopy(a, from, part, i << 2, Events.STRIDE);
      }
      if (b == shared) sortByTime(part);
      if (n > cap && kept > 0) cut = Math.max(cut, part[0]);
      parts.add(part);
    }
    long[] merged = merge(parts, cut);
    int total = merged.length / Events.STRIDE;
    long end = total == 0 ? System.nanoTime() : merged[merged.length - Events.STRIDE];
    long begin = cut == Long.MIN_VALUE ? startNs : cut;
    for (int i = 0; i < merged.length; i += Events.STRIDE) merged[i] -= begin;
    String[] names;
    synchronized (strings) {
      names = strings.toArray(new String[0]);
    }
    return new TraceLog(merged, names, procs, recorded, recorded - total, begin - startNs,
        Math.max(0, end - begin), maxEvents, config.all(), model);
  }

  private static void sortByTime(long[] part) {
    int n = part.length / Events.STRIDE;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    Arrays.sort(idx, (x, y) -> Long.compare(part[x * Events.STRIDE], part[y * Events.STRIDE]));
    long[] copy = part.clone();
    for (int i = 0; i < n; i++) System.arraycopy(copy, idx[i] * Events.STRIDE, part, i * Events.STRIDE, Events.STRIDE);
  }

  /** Events that enable others (publish a goroutine, release a P) sort first among equal times. */
  private static int rank(long header) {
    int k = Events.kind(header);
    return k == Events.GO_START || k == Events.PROC_START || k == Events.M_UNPARK ? 1 : 0;
  }

  /** k-way merge of time-ordered parts, dropping events before {@code cut}. */
  private static long[] merge(List<long[]> parts, long cut) {
    int total = 0;
    for (long[] p : parts) total += p.length;
    long[] out = new long[total];
    int[] pos = new int[parts.size()];
    PriorityQueue<Integer> pq = new PriorityQueue<>((x, y) -> {
      long[] a = parts.get(x), b = parts.get(y);
      int c = Long.compare(a[pos[x]], b[pos[y]]);
      if (c != 0) return c;
      return Integer.compare(rank(a[pos[x] + 1]), rank(b[pos[y] + 1]));
    });
    for (int i = 0; i < parts.size(); i++) {
      long[] p = parts.get(i);
      while (pos[i] < p.length && p[pos[i]] < cut) pos[i] += Events.STRIDE;
      if (pos[i] < p.length) pq.add(i);
    }
    int o = 0;
    while (!pq.isEmpty()) {
      int i = pq.poll();
      long[] p = parts.get(i);
      System.arraycopy(p, pos[i], out, o, Events.STRIDE);
      o += Events.STRIDE;
      pos[i] += Events.STRIDE;
      if (pos[i] < p.length) pq.add(i);
    }
    return Arrays.copyOf(out, o);
  }
}
