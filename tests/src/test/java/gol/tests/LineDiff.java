package gol.tests;

import java.util.ArrayList;
import java.util.List;

/**
 * A small line diff for failure messages: a unified-style listing of expected versus actual text, with
 * {@code -} for lines only in the expected text, {@code +} for lines only in the actual text and a few
 * lines of context. It uses a longest-common-subsequence table, so it is meant for test outputs of up to
 * a few thousand lines; larger inputs fall back to showing the first differing line.
 *
 * <p>Guarantees: the result is empty exactly when the two texts are equal; it never exceeds
 * {@code maxLines} lines (a final "..." line says that more was cut).
 */
public final class LineDiff {
  private static final int CONTEXT = 2;
  private static final long MAX_CELLS = 4_000_000;

  private LineDiff() {}

  /** The diff of {@code expected} against {@code actual}, at most {@code maxLines} lines. */
  public static String diff(String expected, String actual, int maxLines) {
    if (expected.equals(actual)) return "";
    List<String> a = lines(expected);
    List<String> b = lines(actual);
    if ((long) a.size() * b.size() > MAX_CELLS) return firstDifference(a, b);
    List<String> edits = edits(a, b);
    return render(edits, maxLines);
  }

  /** Splits into lines; a missing final newline is shown, since it is a real difference. */
  static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    if (start < s.length()) out.add(s.substring(start) + "\\ (no newline at end)");
    return out;
  }

  /** The edit script: each entry is "  line", "- line" or "+ line". */
  private static List<String> edits(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        out.add("  " + a.get(i++));
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.add("- " + a.get(i++));
      } else {
        out.add("+ " + b.get(j++));
      }
    }
    return out;
  }

  /** Keeps changed lines and CONTEXT lines around them; elided runs become "@@ ... @@". */
  private static String render(List<String> edits, int maxLines) {
    boolean[] keep = new boolean[edits.size()];
    for (int k = 0; k < edits.size(); k++) {
      if (!edits.get(k).startsWith("  ")) {
        for (int c = Math.max(0, k - CONTEXT); c <= Math.min(edits.size() - 1, k + CONTEXT); c++) keep[c] = true;
      }
    }
    StringBuilder sb = new StringBuilder();
    int emitted = 0;
    boolean gap = false;
    for (int k = 0; k < edits.size(); k++) {
      if (!keep[k]) {
        gap = true;
        continue;
      }
      if (emitted >= maxLines) {
        sb.append("...\n");
        break;
      }
      if (gap || (k > 0 && emitted == 0)) sb.append("@@ line ").append(lineNumber(edits, k)).append(" @@\n");
      gap = false;
      sb.append(edits.get(k)).append('\n');
      emitted++;
    }
    return sb.toString();
  }

  /** The 1-based line number in the expected text that edit k is at. */
  private static int lineNumber(List<String> edits, int k) {
    int line = 1;
    for (int i = 0; i < k; i++) {
      if (!edits.get(i).startsWith("+ ")) line++;
    }
    return line;
  }

  private static String firstDifference(List<String> a, List<String> b) {
    int i = 0;
    while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) i++;
    return "@@ line " + (i + 1) + " (first difference; outputs too large for a full diff) @@\n"
        + "- " + (i < a.size() ? a.get(i) : "<end of expected output>") + "\n"
        + "+ " + (i < b.size() ? b.get(i) : "<end of actual output>") + "\n";
  }
}
