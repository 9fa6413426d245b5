package gol.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.compiler.Diagnostics;
import gol.compiler.ast.AstPrinter;
import gol.compiler.ast.Decl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whole programs parsed and compared node by node, position by position, with the tree real Go's
 * parser (go/parser) builds. Each programs/NAME.ast was printed by src/test/go/astdump.go, which
 * writes go/ast trees in AstPrinter's format (regenerate with src/test/go/regen-ast-goldens.sh).
 */
class AstGoldenTest {
  @TestFactory
  Stream<DynamicTest> programsParseToGosTree() throws Exception {
    Path dir = Path.of(AstGoldenTest.class.getResource("programs/sieve.go").toURI()).getParent();
    List<Path> programs;
    try (Stream<Path> s = Files.list(dir)) {
      programs = s.filter(p -> p.toString().endsWith(".go")).sorted().collect(Collectors.toList());
    }
    assertTrue(programs.size() >= 4, "programs missing: " + programs);
    return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      String name = p.getFileName().toString();
      String want = Files.readString(dir.resolve(name.replace(".go", ".ast")), StandardCharsets.UTF_8);
      Diagnostics d = new Diagnostics(name);
      Decl.File f = Parser.parse(name, Files.readString(p, StandardCharsets.UTF_8), d);
      assertNotNull(f, () -> String.join("\n", d.render()));
      assertEquals(want, AstPrinter.print(f));
    }));
  }
}
