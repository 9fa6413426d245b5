package gol.tests;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares what a run of gol did with what real Go did (the goldens of a {@link GoldenProgram}), and
 * explains any difference for a human: which parts differ, a diff of stdout, and gol's stderr.
 *
 * <p>The rules: stdout must be identical; the exit code must be equal; stderr must start with the
 * {@code .err} golden, or be empty when there is none. A timed-out run always fails.
 */
public final class GoldenCheck {
  private static final int MAX_DIFF_LINES = 60;
  private static final int MAX_STDERR_LINES = 40;

  private GoldenCheck() {}

  /** Returns null when {@code r} matches {@code p}'s goldens, otherwise a failure message. */
  public static String check(GoldenProgram p, Subprocess.Result r, String config, String command) {
    List<String> problems = new ArrayList<>();
    if (r.timedOut()) {
      problems.add("timed out: killed after " + r.elapsed().toSeconds() + " s (a hang, a deadlock not detected, or far too slow)");
    } else if (r.exitCode() != p.exitCode()) {
      problems.add("exit code: expected " + p.exitCode() + ", got " + r.exitCode());
    }
    if (!r.stdout().equals(p.stdout())) problems.add("stdout differs");
    if (p.stderrPrefix() == null) {
      if (!r.stderr().isEmpty()) problems.add("stderr should be empty");
    } else if (!r.stderr().startsWith(p.stderrPrefix())) {
      problems.add("stderr should start with:\n" + indent(p.stderrPrefix()));
    }
    if (problems.isEmpty()) return null;

    StringBuilder sb = new StringBuilder();
    sb.append(p.name()).append(" [").append(config).append("] failed: ").append(String.join("; ", problems)).append('\n');
    sb.append("  command: ").append(command).append('\n');
    sb.append("  file:    ").append(p.source()).append('\n');
    if (!r.stdout().equals(p.stdout())) {
      sb.append("--- stdout (- expected from Go, + actual from gol) ---\n");
      sb.append(LineDiff.diff(p.stdout(), r.stdout(), MAX_DIFF_LINES));
    }
    sb.append("--- stderr of gol ---\n");
    sb.append(r.stderr().isEmpty() ? "(empty)\n" : head(r.stderr(), MAX_STDERR_LINES));
    return sb.toString();
  }

  static String head(String s, int maxLines) {
    List<String> lines = LineDiff.lines(s);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(maxLines, lines.size()); i++) sb.append(lines.get(i)).append('\n');
    if (lines.size() > maxLines) sb.append("... (").append(lines.size() - maxLines).append(" more lines)\n");
    return sb.toString();
  }

  private static String indent(String s) {
    return head(s, MAX_STDERR_LINES).replaceAll("(?m)^", "    |");
  }
}
