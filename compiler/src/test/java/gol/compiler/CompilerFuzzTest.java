package gol.compiler;

import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import gol.compiler.cli.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Fuzzes the whole compiler (lexer, parser, checker, code generation) with Jazzer on mutants of real
 * programs. The property, for any input text:
 * <ul>
 *   <li>{@link Compiler#compile} returns: no Java exception escapes it (every problem is a reported
 *       diagnostic, "file:L:C: message" with a real position, or "not yet supported: ...");</li>
 *   <li>when it produces classes, every class passes ASM's bytecode verifier;</li>
 *   <li>it finishes within {@link #TIME_LIMIT_S} seconds (no hang, no runaway recursion).</li>
 * </ul>
 * An input picks a seed program (every program of tests/programs, tests/errors and the checker's
 * valid programs), then applies up to 8 edits driven by the fuzzer's data: delete a range, insert a
 * Go token, replace a character, delete, duplicate or swap lines, insert raw text. One seed index
 * past the end means "no seed": the rest of the input is the program.
 *
 * <p>In a normal build ({@code mvn verify}) this runs in Jazzer's regression mode: only the inputs
 * stored under {@code src/test/resources/gol/compiler/CompilerFuzzTestInputs/compile/} (each one a
 * bug found by fuzzing, fixed since) and an empty input. Real fuzzing, in a dedicated session:
 * <pre>
 *   JAZZER_FUZZ=1 mvn -pl compiler test -Dtest=CompilerFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Jazzer keeps its generated corpus in {@code compiler/.cifuzz-corpus/} (not in git) and writes a
 * failing input into the inputs directory above, where it becomes a regression input.
 */
class CompilerFuzzTest {
  static final int TIME_LIMIT_S = 10;

  private static final List<String> SEEDS = loadSeeds();

  /** Tokens an edit may insert: keywords, operators, and words the checker treats specially. */
  private static final String[] TOKENS = {
    "func", "var", "const", "type", "struct", "interface", "map", "chan", "<-", "go", "defer",
    "select", "switch", "case", "default", "for", "range", "if", "else", "return", "break",
    "continue", "goto", "fallthrough", "package", "import", "(", ")", "{", "}", "[", "]", ";", ",",
    ".", "...", ":", ":=", "=", "+=", "<<=", "&^", "&&", "||", "!", "*", "&", "^", "%", "/", "-",
    "+", "<<", ">>", "==", "!=", "<", ">", "<=", ">=", "++", "--", "nil", "true", "iota", "_", "x",
    "int", "int8", "uint64", "float32", "complex128", "string", "byte", "rune", "any", "error",
    "bool", "len", "cap", "make", "new", "append", "copy", "delete", "panic", "recover", "print",
    "close", "fmt.Println", "0", "1", "-1", "1e400", "0x7fffffffffffffff", "1<<63", "'a'", "\"s\"",
    "`raw`", "3.5", "\n", " ", "//", "/*", "*/", "main", "init", "L:", "[]int{1, 2}", "func() {}",
    "struct{}{}", "interface{}", "(*T)", "T", "x.(int)", "x.(type)", "e.Error()", "...int",
  };

  private static List<String> loadSeeds() {
    Path root = Path.of("").toAbsolutePath();
    if (!Files.isDirectory(root.resolve("tests"))) root = root.getParent();   // run from compiler/
    List<String> seeds = new ArrayList<>();
    for (Path dir : List.of(root.resolve("tests/programs"), root.resolve("tests/errors"),
        root.resolve("compiler/src/test/resources/types/valid"))) {
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.filter(f -> f.toString().endsWith(".gol") || f.toString().endsWith(".go")).sorted().toList()) {
          seeds.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (seeds.isEmpty()) throw new IllegalStateException("no seed programs found from " + root);
    return seeds;
  }

  @FuzzTest(maxDuration = "15m")
  void compile(FuzzedDataProvider data) {
    String src = mutant(data);
    checkCompile(src);
  }

  /** A seed program edited as the data says (or the data itself as a program). */
  static String mutant(FuzzedDataProvider data) {
    int seed = data.consumeInt(0, SEEDS.size());
    if (seed == SEEDS.size()) return data.consumeRemainingAsString();
    StringBuilder sb = new StringBuilder(SEEDS.get(seed));
    int edits = data.consumeInt(0, 8);
    for (int k = 0; k < edits; k++) {
      int at = data.consumeInt(0, sb.length());
      switch (data.consumeInt(0, 6)) {
        case 0 -> sb.delete(at, Math.min(sb.length(), at + data.consumeInt(1, 16)));
        case 1 -> sb.insert(at, data.pickValue(TOKENS));
        case 2 -> { if (at < sb.length()) sb.setCharAt(at, data.consumeChar((char) 9, (char) 126)); }
        case 3 -> { int[] l = line(sb, at); sb.delete(l[0], l[1]); }
        case 4 -> { int[] l = line(sb, at); sb.insert(l[1], sb.substring(l[0], l[1])); }
        case 5 -> {
          int[] a = line(sb, at), b = line(sb, Math.min(sb.length(), a[1]));
          String la = sb.substring(a[0], a[1]), lb = sb.substring(b[0], b[1]);
          sb.replace(a[0], b[1], lb + la);
        }
        default -> sb.insert(at, data.consumeString(24));
      }
    }
    return sb.toString();
  }

  /** [start, end) of the line containing position at, with its newline. */
  private static int[] line(StringBuilder sb, int at) {
    int s = at, e = at;
    while (s > 0 && sb.charAt(s - 1) != '\n') s--;
    while (e < sb.length() && sb.charAt(e) != '\n') e++;
    if (e < sb.length()) e++;
    return new int[] {s, e};
  }

  private static final ExecutorService POOL = Executors.newSingleThreadExecutor(r -> {
    // a deep stack like gol's own compiler thread; daemon so a hung compile does not keep the JVM up
    Thread t = new Thread(null, r, "fuzz-compile", 256L << 20);
    t.setDaemon(true);
    return t;
  });

  /** Compiles src on a worker thread and checks the property (see the class comment). */
  static void checkCompile(String src) {
    Future<String> f = POOL.submit(() -> problem(src));
    String problem;
    try {
      problem = f.get(TIME_LIMIT_S, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError("compile took more than " + TIME_LIMIT_S + " s on:\n" + src);
    } catch (ExecutionException e) {
      throw new AssertionError("compiler crashed on:\n" + src, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (problem != null) fail(problem + "\non:\n" + src);
  }

  /** Null if compiling src behaves; otherwise what went wrong. Exceptions escape (a crash). */
  private static String problem(String src) {
    Compiler.Result r = Compiler.compile("main.go", src);
    if (!r.ok()) {
      if (!r.diagnostics().hasErrors()) return "compile failed without a diagnostic";
      for (Diagnostics.Diagnostic d : r.diagnostics().sorted()) {
        if (d.pos() == null || d.pos().line() < 1 || d.pos().col() < 1 || d.message().isBlank()) {
          return "diagnostic without a position or message: " + d;
        }
      }
      return null;
    }
    String v = Verifier.verify(r.classes());
    return v.isEmpty() ? null : "generated classes fail verification:\n" + v;
  }
}
