package gol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** LineDiff: the diff shown when a program's stdout differs from Go's. */
class LineDiffTest {

  @Test
  void equalTextsHaveEmptyDiff() {
    assertEquals("", LineDiff.diff("a\nb\n", "a\nb\n", 10));
  }

  @Test
  void changedLineShowsMinusThenPlusWithContext() {
    String d = LineDiff.diff("1\n2\n3\n4\n5\n6\n7\n", "1\n2\n3\nfour\n5\n6\n7\n", 50);
    assertEquals("@@ line 2 @@\n  2\n  3\n- 4\n+ four\n  5\n  6\n", d);
  }

  @Test
  void missingAndExtraLines() {
    assertEquals("  a\n- b\n  c\n+ d\n", LineDiff.diff("a\nb\nc\n", "a\nc\nd\n", 50));
  }

  @Test
  void missingFinalNewlineIsVisible() {
    String d = LineDiff.diff("x\n", "x", 50);
    assertTrue(d.contains("+ x\\ (no newline at end)"), d);
  }

  @Test
  void emptyActualOutput() {
    assertEquals("- hello\n", LineDiff.diff("hello\n", "", 50));
  }

  @Test
  void longDiffIsCut() {
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      a.append(i).append('\n');
      b.append(-i - 1).append('\n');
    }
    String d = LineDiff.diff(a.toString(), b.toString(), 10);
    assertEquals(11, d.split("\n").length);
    assertTrue(d.endsWith("...\n"));
  }

  @Test
  void hugeOutputsFallBackToFirstDifference() {
    String a = "same\n".repeat(3000) + "x\n";
    String b = "same\n".repeat(3000) + "y\n";
    String d = LineDiff.diff(a, b, 10);
    assertTrue(d.startsWith("@@ line 3001 (first difference"), d);
    assertTrue(d.contains("- x\n+ y\n"), d);
  }
}
