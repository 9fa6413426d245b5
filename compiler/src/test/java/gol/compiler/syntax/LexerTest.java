package gol.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.compiler.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lexer through {@link TokenDump}: Go's automatic semicolon insertion (with the positions Go
 * gives inserted semicolons), comments, and lexical errors. Also checks that no input, however
 * broken, makes the front end throw instead of reporting a diagnostic.
 */
class LexerTest {
  private static String dump(String src) { return TokenDump.dump(src); }

  @Test
  void semicolonAfterIncAndIdentAtEndOfLine() {
    assertEquals(String.join("\n",
        "1:1 IDENT x", "1:2 INC ++", "1:4 SEMI newline (inserted)",
        "2:1 IDENT y", "2:2 SEMI EOF (inserted)", "2:2 EOF ", ""), dump("x++\ny"));
  }

  @Test
  void semicolonAfterReturnAndBreakKeywordsOnly() {
    assertEquals(String.join("\n",
        "1:1 RETURN return", "1:7 SEMI newline (inserted)",
        "2:1 IF if", "3:1 BREAK break", "3:6 SEMI newline (inserted)", "4:1 EOF ", ""),
        dump("return\nif\nbreak\n"));
  }

  @Test
  void closingBraceThenElseOnSameLineGetsNoSemicolon() {
    assertEquals(String.join("\n",
        "1:1 RBRACE }", "1:3 ELSE else", "1:8 LBRACE {", "1:9 RBRACE }", "1:10 SEMI newline (inserted)", "2:1 EOF ", ""),
        dump("} else {}\n"));
  }

  @Test
  void noSemicolonAfterOperatorsOrOpeningBrackets() {
    String d = dump("a +\nb (\nc [\nd {\ne ,\n");
    assertEquals(0, d.split("SEMI", -1).length - 1, d);
  }

  @Test
  void commentsAndTheirEffectOnSemicolons() {
    // a line comment: the semicolon sits at the newline after it, like Go's scanner
    assertEquals(String.join("\n", "1:1 IDENT x", "1:10 SEMI newline (inserted)", "2:1 EOF ", ""), dump("x // note\n"));
    // a one-line general comment does not end the line
    assertEquals(String.join("\n", "1:1 IDENT x", "1:11 IDENT y", "1:12 SEMI newline (inserted)", "2:1 EOF ", ""),
        dump("x /* c */ y\n"));
    // a general comment spanning lines acts like a newline, at the comment's position
    assertEquals(String.join("\n", "1:1 IDENT x", "1:3 SEMI newline (inserted)", "2:6 IDENT y",
        "2:7 SEMI newline (inserted)", "3:1 EOF ", ""), dump("x /* a\nb */ y\n"));
  }

  @Test
  void literalsTriggerSemicolons() {
    String d = dump("1\n1.5\n2i\n'a'\n\"s\"\n`r\nr`\n");
    assertEquals(6, d.split("SEMI newline", -1).length - 1, d);
    assertTrue(d.contains("6:1 RAW_STRING_LIT `r\\nr`"), d);
    assertTrue(d.contains("7:3 SEMI newline (inserted)"), d);
  }

  @Test
  void lexicalErrorEndsTheDump() {
    assertEquals(String.join("\n", "1:1 IDENT x", "1:3 error: invalid character U+0040 '@'", ""), dump("x @"));
  }

  @Test
  void columnsAreUtf8Bytes() {
    assertEquals(String.join("\n", "1:1 STRING_LIT \"é\"", "1:6 IDENT x", "1:7 SEMI EOF (inserted)", "1:7 EOF ", ""),
        dump("\"é\" x"));
  }

  /** Every prefix of every test program must parse or produce diagnostics, never an exception or a hang. */
  @Test
  void truncatedProgramsNeverCrashTheParser() throws Exception {
    Path dir = Path.of(LexerTest.class.getResource("programs/sieve.go").toURI()).getParent();
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".go"))::iterator) {
          String src = Files.readString(p, StandardCharsets.UTF_8);
          for (int n = 0; n <= src.length(); n += 5) {
            String prefix = src.substring(0, n);
            Diagnostics d = new Diagnostics("t.go");
            Object f = Parser.parse("t.go", prefix, d);
            assertTrue(f != null || d.hasErrors(), "no file and no error for prefix " + n + " of " + p);
            TokenDump.dump(prefix);
          }
        }
      }
    });
  }
}
