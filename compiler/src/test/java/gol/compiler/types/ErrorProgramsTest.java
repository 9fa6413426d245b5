package gol.compiler.types;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gol.compiler.Diagnostics;
import gol.compiler.ast.Decl;
import gol.compiler.syntax.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the compile-error programs of tests/errors through the parser and checker. As in Go's
 * test/ directory, each line carrying {@code // ERROR "regexp" ...} must receive errors matching
 * every regexp, and no other line may receive an error. The expectations were taken from real
 * {@code go build} (tests/errors/verify_with_go.py re-checks them against Go).
 */
class ErrorProgramsTest {
  private static final Pattern ERROR = Pattern.compile("// ERROR (.*)$");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  static Path dir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path d = p.resolve("tests/errors");
      if (Files.isDirectory(d)) return d;
    }
    throw new IllegalStateException("tests/errors not found");
  }

  @TestFactory
  Stream<DynamicTest> errorPrograms() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir())) {
      files = s.filter(p -> p.toString().endsWith(".gol")).sorted().toList();
    }
    assertTrue(files.size() >= 25, "expected at least 25 error programs, found " + files.size());
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
  }

  /** Go's regexp syntax takes a brace that starts no repetition literally; Java's does not. */
  static String goRegex(String rx) {
    return rx.replaceAll("(?<!\\\\)\\{(?![0-9]+(,[0-9]*)?\\})", "\\\\{");
  }

  static void run(Path f) throws IOException {
    String src = Files.readString(f);
    Map<Integer, List<String>> want = new HashMap<>();
    String[] lines = src.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = ERROR.matcher(lines[i]);
      if (!m.find()) continue;
      List<String> rxs = new ArrayList<>();
      Matcher q = QUOTED.matcher(m.group(1));
      while (q.find()) rxs.add(q.group(1));
      want.put(i + 1, rxs);
    }
    Diagnostics d = new Diagnostics(f.getFileName().toString());
    Decl.File file = Parser.parse(f.getFileName().toString(), src, d);
    if (!d.hasErrors()) Checker.check(file, d);
    Map<Integer, List<String>> got = new HashMap<>();
    for (Diagnostics.Diagnostic x : d.sorted()) got.computeIfAbsent(x.pos().line(), k -> new ArrayList<>()).add(x.message());
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Integer, List<String>> w : want.entrySet()) {
      for (String rx : w.getValue()) {
        Pattern p = Pattern.compile(goRegex(rx));
        List<String> msgs = got.getOrDefault(w.getKey(), List.of());
        if (msgs.stream().noneMatch(msg -> p.matcher(msg).find())) {
          problems.add("line " + w.getKey() + ": no error matching " + rx + "; got " + msgs);
        }
      }
    }
    for (Map.Entry<Integer, List<String>> g : got.entrySet()) {
      if (!want.containsKey(g.getKey())) problems.add("line " + g.getKey() + ": unexpected " + g.getValue());
    }
    if (!problems.isEmpty()) fail(f.getFileName() + ":\n  " + String.join("\n  ", problems));
  }
}
