package gol.runtime;

import static gol.runtime.TestProgram.p;
import static gol.runtime.TestProgram.restore;
import static gol.runtime.TestProgram.rp;
import static gol.runtime.TestProgram.rr;
import static gol.runtime.TestProgram.save;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ping-pong over two unbuffered channels, both sides blocking at call depth D: every switch saves
 * D+2 frames and resumes them one by one. Checks the values that flow through the resumed frames
 * (each frame adds to the result on the way back), the saved stack depth and its invariants.
 *
 * <pre>
 * func recvAt(c chan int, depth int) int {       // line 10
 *     if depth == 0 { return &lt;-c }             // line 11  resume point 0
 *     return recvAt(c, depth-1) + 1              // line 12  resume point 1
 * }
 * func sendAt(c chan int, v, depth int) {
 *     if depth == 0 { c &lt;- v; return }          // line 15  resume point 0
 *     sendAt(c, v, depth-1)                      // line 16  resume point 1
 * }
 * func player(in, out chan int, n, depth int) {
 *     for i := 0; i &lt; n; i++ {
 *         x := recvAt(in, depth)                 // line 20  resume point 0
 *         sendAt(out, x-depth+1, depth)          // line 21  resume point 1
 *     }
 * }
 * func main() {
 *     ping, pong := make(chan int), make(chan int)
 *     go player(ping, pong, n, depth)            // line 26
 *     sum := 0
 *     for i := 0; i &lt; n; i++ {
 *         sendAt(ping, i, depth)                 // line 29  resume point 0
 *         sum += recvAt(pong, depth)             // line 30  resume point 1
 *     }
 *     println(sum)
 * }
 * </pre>
 */
class PingPongTest {
  static final TestProgram PROG = new TestProgram();
  static final int F_RECV = PROG.fn("main.recvAt", PingPongTest::recvAt$resume, 11, 12);
  static final int F_SEND = PROG.fn("main.sendAt", PingPongTest::sendAt$resume, 15, 16);
  static final int F_PLAYER = PROG.fn("main.player", PingPongTest::player$resume, 20, 21);
  static final int F_MAIN = PROG.fn("main.main", PingPongTest::main$resume, 29, 30);
  static final RType CHAN_INT = RType.chan(0, RType.INT);

  static long N, DEPTH;
  /** Saved frames still below the innermost one when it resumed (max seen), for the depth check. */
  static final AtomicInteger maxBelow = new AtomicInteger();

  // ---------------------------------------------------------------- recvAt
  static long recvAt(G g, Chan c, long depth) {
    if (depth == 0) {
      Object v = Chan.recv(g, c);
      if (g.status != 0) { recvAt$s0(g, c, depth, v); return 0; }
      return Box.unboxInt(v);
    }
    long x = recvAt(g, c, depth - 1);
    if (g.status != 0) { recvAt$s1(g, c, depth, x); return 0; }
    return x + 1;
  }

  static void recvAt$s0(G g, Chan c, long depth, Object result) {
    if ((g.status & G.UNWIND) == 0) g.retA = result;
    save(g, F_RECV, 0, p(depth), c);
  }

  static void recvAt$s1(G g, Chan c, long depth, long result) {
    if ((g.status & G.UNWIND) == 0) g.retJ = result;
    save(g, F_RECV, 1, p(depth), c);
  }

  static void recvAt$resume(G g) {
    int pc = restore(g);
    long depth = rp(g, 0);
    Chan c = (Chan) rr(g, 0);
    G.checkPendingPanic(g);
    if (pc == 0) {
      if (c == null || depth != 0) throw new AssertionError("locals not restored");
      maxBelow.accumulateAndGet(g.stack().depth(), Math::max);
      g.stack().checkInvariants();
      g.retJ = Box.unboxInt(g.retA);
    } else {
      if (c == null || depth < 1) throw new AssertionError("locals not restored");
      g.retJ = g.retJ + 1;
    }
  }

  // ---------------------------------------------------------------- sendAt
  static void sendAt(G g, Chan c, long v, long depth) {
    if (depth == 0) {
      Chan.send(g, c, v);
      if (g.status != 0) { save(g, F_SEND, 0, p(v, depth), c); return; }
      return;
    }
    sendAt(g, c, v, depth - 1);
    if (g.status != 0) { save(g, F_SEND, 1, p(v, depth), c); return; }
  }

  static void sendAt$resume(G g) {
    int pc = restore(g);
    long depth = rp(g, 1);
    if ((pc == 0) != (depth == 0) || rr(g, 0) == null) throw new AssertionError("locals not restored");
    if (pc == 0) {
      maxBelow.accumulateAndGet(g.stack().depth(), Math::max);
      g.stack().checkInvariants();
    }
    G.checkPendingPanic(g);
  }

  // ---------------------------------------------------------------- player
  static void player(G g, Chan in, Chan out, long n, long depth) {
    for (long i = 0; i < n; i++) {
      long x = recvAt(g, in, depth);
      if (g.status != 0) { player$s(g, 0, in, out, n, depth, i, x); return; }
      sendAt(g, out, x - depth + 1, depth);
      if (g.status != 0) { player$s(g, 1, in, out, n, depth, i, 0); return; }
    }
  }

  static void player$s(G g, int pc, Chan in, Chan out, long n, long depth, long i, long result) {
    if ((g.status & G.UNWIND) == 0) g.retJ = result;
    save(g, F_PLAYER, pc, p(n, depth, i), in, out);
  }

  static void player$resume(G g) {
    int pc = restore(g);
    long n = rp(g, 0), depth = rp(g, 1), i = rp(g, 2);
    Chan in = (Chan) rr(g, 0), out = (Chan) rr(g, 1);
    G.checkPendingPanic(g);
    if (pc == 0) {
      long x = g.retJ;
      sendAt(g, out, x - depth + 1, depth);
      if (g.status != 0) { player$s(g, 1, in, out, n, depth, i, 0); return; }
    }
    for (i++; i < n; i++) {
      long x = recvAt(g, in, depth);
      if (g.status != 0) { player$s(g, 0, in, out, n, depth, i, x); return; }
      sendAt(g, out, x - depth + 1, depth);
      if (g.status != 0) { player$s(g, 1, in, out, n, depth, i, 0); return; }
    }
  }

  // ---------------------------------------------------------------- main
  static void main(G g) {
    Chan ping = Chan.make(g, CHAN_INT, 0), pong = Chan.make(g, CHAN_INT, 0);
    long n = N, depth = DEPTH;
    Sched.go(g, TestProgram.go("main.main", 26, cg -> player(cg, ping, pong, n, depth)));
    long sum = 0;
    for (long i = 0; i < n; i++) {
      sendAt(g, ping, i, depth);
      if (g.status != 0) { main$s(g, 0, ping, pong, n, depth, i, sum); return; }
      long x = recvAt(g, pong, depth);
      if (g.status != 0) { main$s1(g, ping, pong, n, depth, i, sum, x); return; }
      sum += x;
    }
    Out.stdout(sum + "\n");
  }

  /** Save helper after recvAt: keeps its result if it returned normally (preempted right after it). */
  static void main$s1(G g, Chan ping, Chan pong, long n, long depth, long i, long sum, long result) {
    if ((g.status & G.UNWIND) == 0) g.retJ = result;
    main$s(g, 1, ping, pong, n, depth, i, sum);
  }

  static void main$s(G g, int pc, Chan ping, Chan pong, long n, long depth, long i, long sum) {
    save(g, F_MAIN, pc, p(n, depth, i, sum), ping, pong);
  }

  static void main$resume(G g) {
    int pc = restore(g);
    long n = rp(g, 0), depth = rp(g, 1), i = rp(g, 2), sum = rp(g, 3);
    Chan ping = (Chan) rr(g, 0), pong = (Chan) rr(g, 1);
    G.checkPendingPanic(g);
    if (pc == 0) {
      long x = recvAt(g, pong, depth);
      if (g.status != 0) { main$s1(g, ping, pong, n, depth, i, sum, x); return; }
      sum += x;
    } else {
      sum += g.retJ;
    }
    for (i++; i < n; i++) {
      sendAt(g, ping, i, depth);
      if (g.status != 0) { main$s(g, 0, ping, pong, n, depth, i, sum); return; }
      long x = recvAt(g, pong, depth);
      if (g.status != 0) { main$s1(g, ping, pong, n, depth, i, sum, x); return; }
      sum += x;
    }
    Out.stdout(sum + "\n");
  }

  @ParameterizedTest(name = "depth {0}, GOMAXPROCS {1}")
  @CsvSource({"1, 1", "1, 2", "100, 1", "100, 4", "0, 8"})
  void pingPong(long depth, int procs) {
    N = 2000;
    DEPTH = depth;
    maxBelow.set(0);
    TestProgram.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> PROG.run(procs, PingPongTest::main));
    long expect = N * (N + 1) / 2 + N * depth;
    assertEquals("", r.err());
    assertEquals(expect + "\n", r.out());
    assertEquals(0, r.code());
    // When the innermost frame resumes, the depth-1 recvAt frames and the player/main frame remain.
    assertEquals(depth + 1, maxBelow.get());
  }
}
