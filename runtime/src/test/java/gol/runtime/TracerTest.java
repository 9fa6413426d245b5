package gol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gol.runtime.trace.Events;
import gol.runtime.trace.TraceLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The execution tracer on the hand-compiled ping-pong program: what it records, in what order,
 * and its ring buffers. The recorded stream is replayed through a goroutine state machine that
 * fails on any impossible sequence: a goroutine started before it was created or made runnable,
 * running on two Ps at once, two goroutines running on one P, events after its end.
 */
class TracerTest {
  @TempDir Path tmp;

  /** Runs the ping-pong with the given gol.debug settings; returns the tracer of that run. */
  private Tracer traced(String settings, int procs, long rounds) {
    String old = System.getProperty("gol.debug");
    System.setProperty("gol.debug", settings);
    try {
      PingPongTest.N = rounds;
      PingPongTest.DEPTH = 3;
      TestProgram.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> PingPongTest.PROG.run(procs, PingPongTest::main));
      assertEquals(0, r.code(), r.err());
      return Sched.current().trace;
    } finally {
      if (old == null) System.clearProperty("gol.debug");
      else System.setProperty("gol.debug", old);
    }
  }

  @Test
  void offByDefault() {
    assertNull(traced("", 2, 10));
  }

  @Test
  void recordsAConsistentHistory() throws Exception {
    Path out = tmp.resolve("t.json");
    Tracer t = traced("trace=" + out, 2, 2000);
    assertNotNull(t);
    TraceLog log = t.collect(2);
    assertEquals(0, log.dropped());
    Map<Integer, Integer> counts = replay(log, true);
    // on an unbuffered channel one side of every hand-off waits: two hand-offs per round trip
    assertTrue(counts.getOrDefault(Events.GO_BLOCK, 0) >= 2 * 2000 - 10, "blocks: " + counts);
    assertTrue(counts.getOrDefault(Events.GO_UNBLOCK, 0) >= 2 * 2000 - 10, "unblocks: " + counts);
    // the goroutines' saved stacks grow to hold depth-3 frames once; reusing the spare segment is silent
    assertTrue(counts.getOrDefault(Events.STACK, 0) <= 8, "stack events: " + counts);
    assertEquals(2, counts.get(Events.GO_CREATE));
    assertTrue(counts.getOrDefault(Events.PROC_START, 0) >= 1);
    String json = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(json.startsWith("{\"displayTimeUnit\":\"ns\",\"otherData\":{"), json.substring(0, 80));
    assertTrue(json.contains("\"eventsDropped\":0"));
    assertTrue(json.contains("\"name\":\"main.player\""), "goroutine slices are named by their function");
    assertTrue(json.trim().endsWith("]}"));
  }

  @Test
  void ringBuffersKeepTheMostRecentWindow() throws Exception {
    Path out = tmp.resolve("ring.json");
    Tracer t = traced("trace=" + out + ",tracebuf=1024", 1, 5000);
    TraceLog log = t.collect(1);
    assertTrue(log.dropped() > 0, "5000 round trips overflow 1024-event buffers");
    assertEquals(log.recorded(), log.size() + log.dropped());
    assertTrue(log.windowStartNs() > 0, "the window starts after tracing did");
    long[] ev = log.events();
    for (int i = 0; i < ev.length; i += Events.STRIDE) {
      assertTrue(ev[i] >= 0 && ev[i] <= log.durationNs(), "event inside the window");
      if (i > 0) assertTrue(ev[i] >= ev[i - Events.STRIDE], "events in time order");
    }
    replay(log, false);
    String json = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(json.contains("\"eventsDropped\":" + log.dropped()));
    assertTrue(json.contains("overwrote the oldest events"));
  }

  /**
   * Replays the events through a per-goroutine state machine; fails on an impossible order.
   * complete: the trace holds the whole run (so every goroutine is created before anything else).
   */
  static Map<Integer, Integer> replay(TraceLog log, boolean complete) {
    final int none = 0, runnable = 1, running = 2, waiting = 3, syscall = 4, dead = 5;
    Map<Long, Integer> state = new HashMap<>();
    Map<Long, Integer> onP = new HashMap<>();
    Map<Integer, Long> pRuns = new HashMap<>();
    Map<Integer, Integer> counts = new HashMap<>();
    long[] ev = log.events();
    for (int i = 0; i < ev.length; i += Events.STRIDE) {
      long h = ev[i + 1], g = ev[i + 2];
      int kind = Events.kind(h), p = Events.p(h);
      counts.merge(kind, 1, Integer::sum);
      Integer st = state.get(g);
      String where = Events.name(kind) + " g" + g + " p" + p + " at " + ev[i] + "ns, state " + st;
      if (st == null && !complete) st = -1; // window cut: anything goes once
      switch (kind) {
        case Events.GO_CREATE:
          if (st != null && st != -1) fail("created twice: " + where);
          state.put(g, runnable);
          break;
        case Events.GO_START:
          if (st == null || (st != runnable && st != -1)) fail("start without being runnable: " + where);
          Long other = pRuns.get(p);
          if (other != null && other != g) fail("two goroutines on one P: g" + other + " and " + where);
          if (onP.containsKey(g)) fail("running on two Ps: " + where);
          pRuns.put(p, g);
          onP.put(g, p);
          state.put(g, running);
          break;
        case Events.GO_BLOCK: case Events.GO_PREEMPT: case Events.GO_SCHED: case Events.GO_END: case Events.GO_SYSCALL: {
          if (st == null || (st != running && st != -1)) fail("stop without running: " + where);
          Integer was = onP.remove(g);
          if (was != null) {
            if (was != p) fail("stopped on another P than it ran on: " + where);
            pRuns.remove(was);
          }
          state.put(g, kind == Events.GO_BLOCK ? waiting : kind == Events.GO_END ? dead : kind == Events.GO_SYSCALL ? syscall : runnable);
          break;
        }
        case Events.GO_UNBLOCK:
          if (st == null || (st != waiting && st != -1)) fail("unblock of a goroutine that was not waiting: " + where);
          state.put(g, runnable);
          break;
        default:
          if (st != null && st == dead && g != 0 && kind < Events.PROC_START) fail("event after end: " + where);
          break;
      }
    }
    return counts;
  }
}
