package gol.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.compiler.Diagnostics;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Syntax and lexical errors compared with real Go. Each errors/NAME.go is a bad program;
 * errors/expected.txt holds, per file, the first error `go build` (go1.19.8) printed for it:
 * {@code NAME.go|LINE:COL: message} (type-checker errors that Go sorts earlier, like "undefined: x",
 * were dropped when the file was made). The parser must report exactly that error first.
 */
class SyntaxErrorTest {
  private static Path dir() throws URISyntaxException {
    return Path.of(SyntaxErrorTest.class.getResource("errors/expected.txt").toURI()).getParent();
  }

  private static Map<String, String> expected() throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir().resolve("expected.txt"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      int bar = line.indexOf('|');
      m.put(line.substring(0, bar), line.substring(bar + 1));
    }
    return m;
  }

  @TestFactory
  Stream<DynamicTest> eachBadProgramReportsGosFirstError() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, String> e : expected().entrySet()) {
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        String src = Files.readString(dir().resolve(e.getKey()), StandardCharsets.UTF_8);
        assertEquals(e.getValue(), firstError(e.getKey(), src), e.getKey());
      }));
    }
    return tests.stream();
  }

  @Test
  void everyBadProgramHasAnExpectation() throws Exception {
    Map<String, String> exp = expected();
    try (Stream<Path> files = Files.list(dir())) {
      List<String> missing = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".go") && !exp.containsKey(n)).collect(Collectors.toList());
      assertTrue(missing.isEmpty(), "no expectation for " + missing);
    }
    assertTrue(exp.size() >= 90, "corpus shrank: " + exp.size());
  }

  @Test
  void diagnosticCarriesFileName() {
    Diagnostics d = new Diagnostics("bad.gol");
    assertNull(Parser.parse("bad.gol", "package main\n\nx := 1\n", d));
    assertEquals(List.of("bad.gol:3:1: syntax error: non-declaration statement outside function body"), d.render());
  }

  /** The first error as "LINE:COL: message", or "" when the program parses. */
  static String firstError(String name, String src) {
    Diagnostics d = new Diagnostics(name);
    Object f = Parser.parse(name, src, d);
    if (!d.hasErrors()) return "";
    assertNull(f, "a file with errors must not be returned");
    Diagnostics.Diagnostic first = d.sorted().get(0);
    return first.pos() + ": " + first.message();
  }

  static String readAll(Path p) throws IOException { return Files.readString(p, StandardCharsets.UTF_8); }
}
