package gol.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses scheduler traces in Go 1.19's format ({@code GODEBUG=schedtrace=MS[,scheddetail=1]}, the
 * text of Go's {@code schedtrace} in runtime/proc.go) and gol's {@code EXTRA} lines. The regular
 * expressions are written once here; {@link SchedTraceTest} applies the same ones to real Go's
 * output (a captured resource) and to gol's, so gol's lines cannot drift from Go's format.
 */
final class SchedTraceFormat {
  private SchedTraceFormat() {}

  private static final String COUNTS =
      "SCHED (\\d+)ms: gomaxprocs=(\\d+) idleprocs=(\\d+) threads=(\\d+) spinningthreads=(\\d+) idlethreads=(\\d+) runqueue=(\\d+)";
  /** schedtrace alone: the counters, then each P's local run queue length in brackets. */
  static final Pattern SUMMARY = Pattern.compile("^" + COUNTS + " \\[(\\d+(?: \\d+)*)\\]$");
  /** scheddetail's header: no brackets, four more counters. */
  static final Pattern DETAIL = Pattern.compile("^" + COUNTS
      + " gcwaiting=(\\d+) nmidlelocked=(\\d+) stopwait=(\\d+) sysmonwait=(\\d+)$");
  static final Pattern P_LINE = Pattern.compile(
      "^  P(\\d+): status=(\\d+) schedtick=(\\d+) syscalltick=(\\d+) m=(-?\\d+) runqsize=(\\d+) gfreecnt=(\\d+) timerslen=(\\d+)$");
  static final Pattern M_LINE = Pattern.compile("^  M(\\d+): p=(-?\\d+) curg=(-?\\d+) mallocing=(\\d+) throwing=(\\d+)"
      + " preemptoff=(\\S*) locks=(\\d+) dying=(\\d+) spinning=(true|false) blocked=(true|false) lockedg=(-?\\d+)$");
  /** The wait reason may itself hold one parenthesised part: {@code chan receive (nil chan)}. */
  static final Pattern G_LINE = Pattern.compile(
      "^  G(\\d+): status=(\\d+)\\(([^()]*(?:\\([^()]*\\)[^()]*)?)\\) m=(-?\\d+) lockedm=(-?\\d+)$");
  /** gol's schedextra lines (ignored by parsers of Go's format). */
  static final Pattern EXTRA = Pattern.compile("^EXTRA (P\\d+|global|gil|G\\d+): .*$");

  record PLine(int id, int status, long schedtick, long syscalltick, int m, int runqsize) {}
  record GLine(long id, int status, String waitReason, int m, int lockedm) {}
  record MLine(int id, int p, long curg, boolean spinning, boolean blocked, long lockedg) {}

  /** One trace: the header's counters, and the P, M, G and EXTRA lines that followed it. */
  static final class Block {
    boolean detailed;
    long ms;
    int gomaxprocs, idleprocs, threads, spinning, idlethreads, runqueue;
    /** scheddetail's nmidlelocked (-1 without detail). */
    int nmidlelocked = -1;
    final List<Integer> local = new ArrayList<>();
    final List<PLine> ps = new ArrayList<>();
    final List<MLine> ms2 = new ArrayList<>();
    final List<GLine> gs = new ArrayList<>();
    final List<String> extra = new ArrayList<>();
  }

  /** Parses every line of {@code text}; a line in no known format throws, naming it. */
  static List<Block> parse(String text) {
    List<Block> out = new ArrayList<>();
    Block b = null;
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("# gol schedtrace: ")) continue;   // gol's header: the knobs in force
      Matcher m;
      if ((m = SUMMARY.matcher(line)).matches() || (m = DETAIL.matcher(line)).matches()) {
        b = new Block();
        out.add(b);
        b.detailed = m.pattern() == DETAIL;
        b.ms = Long.parseLong(m.group(1));
        b.gomaxprocs = Integer.parseInt(m.group(2));
        b.idleprocs = Integer.parseInt(m.group(3));
        b.threads = Integer.parseInt(m.group(4));
        b.spinning = Integer.parseInt(m.group(5));
        b.idlethreads = Integer.parseInt(m.group(6));
        b.runqueue = Integer.parseInt(m.group(7));
        if (!b.detailed) for (String n : m.group(8).split(" ")) b.local.add(Integer.parseInt(n));
        else b.nmidlelocked = Integer.parseInt(m.group(9));
        continue;
      }
      if (b == null) throw new IllegalArgumentException("trace line before any SCHED line: " + line);
      if ((m = P_LINE.matcher(line)).matches()) {
        b.ps.add(new PLine(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
            Long.parseLong(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))));
      } else if ((m = M_LINE.matcher(line)).matches()) {
        b.ms2.add(new MLine(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
            Boolean.parseBoolean(m.group(9)), Boolean.parseBoolean(m.group(10)), Long.parseLong(m.group(11))));
      } else if ((m = G_LINE.matcher(line)).matches()) {
        b.gs.add(new GLine(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5))));
      } else if (EXTRA.matcher(line).matches()) {
        b.extra.add(line);
      } else {
        throw new IllegalArgumentException("not a trace line: " + line);
      }
    }
    return out;
  }
}
