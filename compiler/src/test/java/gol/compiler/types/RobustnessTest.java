package gol.compiler.types;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.compiler.Diagnostics;
import gol.compiler.ast.Decl;
import gol.compiler.syntax.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checker must never crash, whatever a program that parses does wrong: every valid program is
 * mutated by deleting a line (every fourth one) or swapping adjacent lines (every eighth pair), and
 * each variant that still parses is checked. A crash fails with the variant that caused it. (The
 * sampling keeps the test at a few seconds; all lines were tried when it was written.)
 */
class RobustnessTest {

  @Test void mutatedProgramsNeverCrashTheChecker() throws IOException {
    Path dir = ErrorProgramsTest.dir().getParent().getParent().resolve("compiler/src/test/resources/types/valid");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".go")).sorted().toList();
    }
    int checked = 0;
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        if (i % 4 == 0) {
          List<String> deleted = new ArrayList<>(lines);
          deleted.remove(i);
          checked += run(f, String.join("\n", deleted));
        }
        if (i % 8 == 0 && i + 1 < lines.size()) {
          List<String> swapped = new ArrayList<>(lines);
          swapped.set(i, lines.get(i + 1));
          swapped.set(i + 1, lines.get(i));
          checked += run(f, String.join("\n", swapped));
        }
      }
    }
    assertTrue(checked > 150, "only " + checked + " variants parsed");
  }

  private static int run(Path f, String src) {
    Diagnostics d = new Diagnostics("main.go");
    Decl.File file = Parser.parse("main.go", src, d);
    if (d.hasErrors()) return 0;
    try {
      Checker.check(file, d);
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("checker crashed on a variant of " + f.getFileName() + ":\n" + src, e);
    }
    return 1;
  }
}
