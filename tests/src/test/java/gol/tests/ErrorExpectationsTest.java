package gol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ErrorExpectations: Go's `// ERROR "regexp"` convention, matched against compiler output. */
class ErrorExpectationsTest {
  private static final String SRC = String.join("\n",
      "package main",                                            // 1
      "import \"os\" // ERROR \"imported and not used: .os.\"",  // 2
      "func main() {",                                           // 3
      "\tx := 1 // ERROR \"x declared but not used\"",           // 4
      "\ty, z := 1, 2 // ERROR \"y declared\" \"z declared\"",   // 5
      "\t//// ERROR \"disabled\"",                               // 6
      "}",
      "");

  private final ErrorExpectations want = ErrorExpectations.parse("x.gol", SRC);

  @Test
  void parsesEveryQuotedRegexp() {
    List<ErrorExpectations.Expected> e = want.expected();
    assertEquals(4, e.size());
    assertEquals(2, e.get(0).line());
    assertEquals("y declared", e.get(2).regexp());
    assertEquals(5, e.get(3).line());
  }

  @Test
  void exactOutputPasses() {
    String out = "x.gol:2:8: imported and not used: \"os\"\n"
        + "x.gol:4:2: x declared but not used\n"
        + "x.gol:5:2: y declared but not used\n"
        + "dir/x.gol:5:5: z declared but not used\n";
    assertEquals(List.of(), want.check(out));
  }

  @Test
  void missingWrongAndUnexpectedErrorsAreReported() {
    String out = "x.gol:2:8: imported and not used: \"os\"\n"
        + "x.gol:4:2: something else\n"
        + "x.gol:7:1: stray error\n"
        + "other.gol:9:1: other file is ignored\n";
    List<String> p = want.check(out);
    assertTrue(p.get(0).startsWith("x.gol:4: no error matches \"x declared but not used\"; got:\n\tx.gol:4:2: something else"), p.get(0));
    assertEquals("x.gol:5: missing error matching \"y declared\"", p.get(1));
    assertEquals("x.gol:5: missing error matching \"z declared\"", p.get(2));
    assertTrue(p.contains("unexpected error: x.gol:4:2: something else"), p.toString());
    assertTrue(p.contains("unexpected error: x.gol:7:1: stray error"), p.toString());
    assertEquals(5, p.size(), p.toString());
  }

  @Test
  void messageNotFileNameIsMatched() {
    ErrorExpectations w = ErrorExpectations.parse("x.gol", "x := 1 // ERROR \"x.gol\"\n");
    List<String> p = w.check("x.gol:1:1: syntax error\n");
    assertTrue(p.get(0).startsWith("x.gol:1: no error matches \"x.gol\""), p.toString());
    assertEquals(2, p.size(), p.toString());
  }

  @Test
  void re2LiteralBraceIsAccepted() {
    ErrorExpectations w = ErrorExpectations.parse("x.gol", "if x // ERROR \"expecting { after if clause\"\n");
    assertEquals(List.of(), w.check("x.gol:1:6: syntax error: unexpected newline, expecting { after if clause\n"));
    assertEquals("a{2}b\\{c}[{]", ErrorExpectations.goRegexToJava("a{2}b{c}[{]"));
  }

  @Test
  void errorCommentWithoutRegexpIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ErrorExpectations.parse("x.gol", "x // ERROR oops\n"));
  }

  @Test
  void tabIndentedLinesContinueTheMessage() {
    ErrorExpectations w = ErrorExpectations.parse("x.gol",
        "f(1) // ERROR \"not enough arguments in call to f\\n\\thave \\(number\\)\\n\\twant \\(int, int\\)\"\n");
    String out = "x.gol:1:3: not enough arguments in call to f\n\thave (number)\n\twant (int, int)\n";
    assertEquals(List.of(), w.check(out));
    assertEquals("not enough arguments in call to f\n\thave (number)\n\twant (int, int)", w.reported(out).get(0).message());
    List<String> p = w.check("x.gol:1:3: not enough arguments in call to f\n\thave (number)\n");
    assertTrue(p.get(0).startsWith("x.gol:1: no error matches"), p.toString());
  }
}
