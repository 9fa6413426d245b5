package gol.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.compiler.cli.MemoryClassLoader;
import gol.runtime.Entry;
import gol.runtime.G;
import gol.runtime.Slice;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Code generation and the continuation transform, end to end: each program is compiled, verified,
 * and run on 1, 2 and 8 Ps. The goroutine tests make goroutines suspend at various call depths and
 * resume on other Ms, then check every value survived.
 */
class CodegenTest {
  static final Duration LIMIT = Duration.ofSeconds(30);

  @Test void recursionAndArithmetic() throws Exception {
    GolRun.expect("""
        package main
        import "fmt"
        func fib(n int) int {
        \tif n < 2 {
        \t\treturn n
        \t}
        \treturn fib(n-1) + fib(n-2)
        }
        func main() {
        \tvar b byte = 250
        \tb += 10
        \tvar i8 int8 = 127
        \ti8++
        \tbig := int64(1) << 62
        \tbig *= 4
        \tfmt.Println(fib(20), -7/2, -7%2, b, i8, big, 7.0/2)
        }
        """, "6765 -3 -1 4 -128 0 3.5\n");
  }

  @Test void closuresCaptureVariables() throws Exception {
    GolRun.expect("""
        package main
        import "fmt"
        func counter() func() int {
        \tc := 0
        \treturn func() int { c++; return c }
        }
        func main() {
        \tnext := counter()
        \tnext()
        \tnext()
        \tx := 10
        \tadd := func(d int) { x += d }
        \tadd(5)
        \tfmt.Println(next(), x)
        }
        """, "3 15\n");
  }

  @Test void multipleResultsAndSlices() throws Exception {
    GolRun.expect("""
        package main
        import "fmt"
        func divmod(a, b int) (q, r int) {
        \tq = a / b
        \tr = a % b
        \treturn
        }
        func main() {
        \tq, r := divmod(17, 5)
        \ts := []int{}
        \tfor i := 0; i < 5; i++ {
        \t\ts = append(s, i*i)
        \t}
        \tt := s[1:3]
        \tfmt.Println(q, r, s, t, len(t), cap(t))
        \tfor i, v := range "héllo" {
        \t\tfmt.Print(i, ":", string(v), " ")
        \t}
        \tfmt.Println()
        }
        """, "3 2 [0 1 4 9 16] [1 4] 2 7\n0:h 1:é 3:l 4:l 5:o \n");
  }

  @Test void goroutinesSuspendAtDepth() throws Exception {
    // Each worker blocks on a channel receive 100 calls deep, many times; values in every frame
    // must survive being saved and resumed (on another M when there are several Ps).
    assertTimeoutPreemptively(LIMIT, () -> GolRun.expect("""
        package main
        import "fmt"
        func deep(n int, c chan int, acc int) int {
        \tif n == 0 {
        \t\treturn acc + <-c
        \t}
        \tlocal := n * 3
        \tr := deep(n-1, c, acc+1)
        \treturn r + local - n*3
        }
        func main() {
        \tc := make(chan int)
        \tdone := make(chan int)
        \tfor w := 0; w < 4; w++ {
        \t\tgo func(id int) {
        \t\t\tsum := 0
        \t\t\tfor i := 0; i < 50; i++ {
        \t\t\t\tsum += deep(100, c, id)
        \t\t\t}
        \t\t\tdone <- sum
        \t\t}(w)
        \t}
        \tfor i := 0; i < 200; i++ {
        \t\tc <- i
        \t}
        \ttotal := 0
        \tfor w := 0; w < 4; w++ {
        \t\ttotal += <-done
        \t}
        \tfmt.Println(total)
        }
        """, (19900 + 4 * 50 * 100 + 50 * (0 + 1 + 2 + 3)) + "\n"));
  }

  @Test void pingPongAndSelect() throws Exception {
    assertTimeoutPreemptively(LIMIT, () -> GolRun.expect("""
        package main
        import (
        \t"fmt"
        \t"sync"
        )
        func main() {
        \tping, pong := make(chan int), make(chan int)
        \tvar wg sync.WaitGroup
        \twg.Add(1)
        \tgo func() {
        \t\tfor v := range ping {
        \t\t\tpong <- v + 1
        \t\t}
        \t\twg.Done()
        \t}()
        \tn := 0
        \tfor i := 0; i < 1000; i++ {
        \t\tping <- n
        \t\tn = <-pong
        \t}
        \tclose(ping)
        \twg.Wait()
        \ta, b := make(chan string, 1), make(chan string, 1)
        \tb <- "b"
        \tselect {
        \tcase s := <-a:
        \t\tfmt.Println("a", s)
        \tcase s, ok := <-b:
        \t\tfmt.Println("got", s, ok)
        \t}
        \tselect {
        \tcase s := <-a:
        \t\tfmt.Println(s)
        \tdefault:
        \t\tfmt.Println("default")
        \t}
        \tfmt.Println(n)
        }
        """, "got b true\ndefault\n1000\n"));
  }

  @Test void unrecoveredPanicAndDeadlock() throws Exception {
    GolRun.Outcome p = GolRun.run("""
        package main
        func main() {
        \ts := []int{1, 2, 3}
        \ti := 5
        \tprintln(s[i])
        }
        """, 2);
    assertEquals(2, p.exit());
    assertTrue(p.stderr().startsWith("panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\n"), p.stderr());
    GolRun.Outcome d = GolRun.run("""
        package main
        func main() {
        \tc := make(chan int)
        \t<-c
        }
        """, 2);
    assertEquals(2, d.exit());
    assertTrue(d.stderr().startsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()"), d.stderr());
  }

  /**
   * A go statement's entry is refilled when a G is reused (GoEntries): its fields are not final, it
   * is made and started by a static go(G, values...), and running it clears its reference fields, so
   * the entry a dead G keeps for the next go statement holds none of the old arguments alive.
   */
  @Test void goEntriesAreRefilledAndLetGoOfTheirArguments() throws Exception {
    var r = GolRun.compile("""
        package main
        func f(xs []int, n int) {}
        func main() {
        \tgo f(make([]int, 3), 7)
        }
        """);
    Class<?> c = new MemoryClassLoader(r.classes(), getClass().getClassLoader()).loadClass("main$go1");
    Method go = c.getDeclaredMethod("go", G.class, Slice.class, long.class);
    assertTrue(Modifier.isStatic(go.getModifiers()));
    Field xs = c.getDeclaredField("f0"), n = c.getDeclaredField("f1");
    assertFalse(Modifier.isFinal(xs.getModifiers()));
    Constructor<?> k = c.getDeclaredConstructor();
    k.setAccessible(true);
    xs.setAccessible(true);
    n.setAccessible(true);
    Entry e = (Entry) k.newInstance();
    xs.set(e, Slice.make(gol.runtime.RType.slice(gol.runtime.RType.INT), 3, 3));
    n.set(e, 7L);
    e.run(new G());
    assertNull(xs.get(e), "the slice argument is still held");
    assertEquals(7L, n.get(e));
  }
}
