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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every valid program the project has (compiler/src/test/resources/types/valid, and the end-to-end
 * corpus tests/programs, tests/pending and samples when present) must pass the checker without
 * errors: a false error would stop a correct Go program from compiling. The programs in
 * types/valid were each accepted by real {@code go build}. The system property
 * {@code gol.valid.dir} adds another directory (for trying a corpus without copying it).
 */
class ValidProgramsTest {

  static List<Path> roots() {
    List<Path> roots = new ArrayList<>();
    Path repo = ErrorProgramsTest.dir().getParent().getParent();
    for (String d : List.of("compiler/src/test/resources/types/valid", "tests/programs", "tests/pending", "samples")) {
      Path p = repo.resolve(d);
      if (Files.isDirectory(p)) roots.add(p);
    }
    String extra = System.getProperty("gol.valid.dir");
    if (extra != null) roots.add(Path.of(extra));
    return roots;
  }

  @TestFactory
  Stream<DynamicTest> validPrograms() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path r : roots()) {
      try (Stream<Path> s = Files.walk(r)) {
        s.filter(p -> p.toString().endsWith(".go") || p.toString().endsWith(".gol")).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() >= 5, "expected at least 5 valid programs, found " + files.size());
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName(), () -> run(f)));
  }

  static void run(Path f) throws IOException {
    String src = Files.readString(f);
    Diagnostics d = new Diagnostics(f.getFileName().toString());
    Decl.File file = Parser.parse(f.getFileName().toString(), src, d);
    if (d.hasErrors()) fail("syntax errors in " + f + ": " + d.render());
    Checker.check(file, d);
    if (d.hasErrors()) fail(f + ":\n  " + String.join("\n  ", d.render()));
  }
}
