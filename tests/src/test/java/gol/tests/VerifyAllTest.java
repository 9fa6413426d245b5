package gol.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.compiler.Compiler;
import gol.compiler.cli.Verifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of the corpus, the samples and the spec's examples compiles to classes that pass
 * ASM's bytecode verifier (the JVM's own verifier checks them again when the end-to-end tests run
 * them). Compile errors are expected only for programs in tests/errors, which are not included.
 */
class VerifyAllTest {
  @TestFactory
  Stream<DynamicTest> everyProgramVerifies() throws Exception {
    Path repo = GolCommand.repoRoot();
    List<Path> files = new ArrayList<>();
    for (String root : List.of("tests/programs", "samples", "lang-spec/examples")) {
      Path dir = repo.resolve(root);
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> p.toString().endsWith(".gol")).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() > 100, "found only " + files.size() + " programs");
    return files.stream().map(f -> DynamicTest.dynamicTest(repo.relativize(f).toString(), () -> {
      String src = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      Compiler.Result r = Compiler.compile(f.toString(), src);
      assertTrue(r.ok(), () -> String.join("\n", r.diagnostics().render()));
      String problems = Verifier.verify(r.classes());
      assertTrue(problems.isEmpty(), problems);
    }));
  }
}
