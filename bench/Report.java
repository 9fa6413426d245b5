import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns bench/run's raw samples into the results page and chart. Run as a single-file program:
 * {@code java bench/Report.java raw.tsv meta.txt latest.md latest.svg}.
 *
 * <p>raw.tsv has one row per timed run: workload, contender, run number, wall ms, CPU ms (user+sys),
 * peak RSS KiB, and a metric the program printed ("-" if none). meta.txt holds key=value lines
 * (date, machine, versions, the arguments of each workload, contenders that failed).
 *
 * <p>What it guarantees: every number comes from the samples (medians and min-max over the runs;
 * a ratio to Go is the median of the run-by-run ratios, run r of a contender against run r of Go,
 * which were measured back to back); a target is judged "met" only from a measured value, and a
 * value that cannot be measured is printed as n/a, never guessed.
 */
public final class Report {
  record Sample(int run, long wall, long cpu, long rss, String metric) {}

  /** Display order and titles of the workloads. */
  static final Map<String, String> TITLES = new LinkedHashMap<>();
  static {
    TITLES.put("fib", "fib(35) x N, recursive");
    TITLES.put("skynet", "skynet (10-ary tree of goroutines)");
    TITLES.put("pingpong", "ping-pong, unbuffered, depth 1");
    TITLES.put("switch100", "ping-pong at call depth 100");
    TITLES.put("ring", "thread ring, 503 goroutines");
    TITLES.put("spawn", "spawn (n goroutines x rounds, WaitGroup)");
    TITLES.put("parked", "parked goroutines (one channel)");
    TITLES.put("parked0", "parked, 0 goroutines (baseline)");
    TITLES.put("buffered", "buffered channel, cap 128");
    TITLES.put("fanin", "fan-in, 4 producers, select");
    TITLES.put("parallel1", "parallel CPU work, 1 P");
    TITLES.put("parallel2", "parallel CPU work, 2 Ps");
    TITLES.put("preempt", "preemption: sleeper vs spinner, 1 P");
    TITLES.put("hello", "hello: start-up");
  }
  static final String[] CONTENDER_ORDER = {"go", "go-run", "gol", "gol-jar", "gol-run", "java", "vthreads"};
  static final Map<String, String> COLORS = Map.of("gol", "#2b7bba", "java", "#e08a1e", "vthreads", "#7a5195",
      "gol-run", "#2b7bba", "gol-jar", "#6baed6");

  final Map<String, Map<String, List<Sample>>> data = new LinkedHashMap<>();
  final Map<String, String> meta = new LinkedHashMap<>();
  final StringBuilder md = new StringBuilder();

  public static void main(String[] args) throws IOException {
    Report r = new Report();
    r.load(Path.of(args[0]), Path.of(args[1]));
    Files.writeString(Path.of(args[2]), r.markdown());
    Files.writeString(Path.of(args[3]), new Chart(r).svg());
  }

  void load(Path raw, Path metaFile) throws IOException {
    for (String line : Files.readAllLines(metaFile)) {
      int eq = line.indexOf('=');
      if (eq > 0) meta.put(line.substring(0, eq), line.substring(eq + 1));
    }
    List<String> lines = Files.readAllLines(raw);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      data.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).computeIfAbsent(f[1], k -> new ArrayList<>())
          .add(new Sample(Integer.parseInt(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
              Long.parseLong(f[5]), f[6]));
    }
  }

  // ---- statistics ----

  static double median(double[] xs) {
    if (xs.length == 0) return Double.NaN;
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  static double min(double[] xs) { return Arrays.stream(xs).min().orElse(Double.NaN); }
  static double max(double[] xs) { return Arrays.stream(xs).max().orElse(Double.NaN); }

  List<Sample> samples(String w, String c) {
    return data.getOrDefault(w, Map.of()).getOrDefault(c, List.of());
  }

  double[] walls(String w, String c) { return samples(w, c).stream().mapToDouble(Sample::wall).toArray(); }

  /** a[r] / b[r] for each run r present in both (contenders measured back to back in round r). */
  static double[] pairRatios(List<Sample> a, List<Sample> b) {
    Map<Integer, Sample> byRun = new LinkedHashMap<>();
    for (Sample s : b) byRun.put(s.run(), s);
    return a.stream().filter(s -> byRun.containsKey(s.run()))
        .mapToDouble(s -> (double) s.wall() / Math.max(1, byRun.get(s.run()).wall())).toArray();
  }

  /** Median run-by-run ratio of contender c's wall time to Go's in workload w (NaN without Go). */
  double ratioToGo(String w, String c) {
    return median(pairRatios(samples(w, c), samples(w, "go")));
  }

  /** Median run-by-run ratio between two workloads for one contender (speedups, depth costs). */
  double crossRatio(String wa, String wb, String c) {
    return median(pairRatios(samples(wa, c), samples(wb, c)));
  }

  /** Bytes per parked goroutine: (median peak RSS with n - median with 0) / n. */
  double bytesPerParked(String c) {
    List<Sample> full = samples("parked", c), base = samples("parked0", c);
    if (full.isEmpty() || base.isEmpty()) return Double.NaN;
    double n = Double.parseDouble(meta.getOrDefault("args.parked", "0").trim());
    double rss = median(full.stream().mapToDouble(Sample::rss).toArray());
    double rss0 = median(base.stream().mapToDouble(Sample::rss).toArray());
    return n > 0 ? (rss - rss0) * 1024 / n : Double.NaN;
  }

  /** Median of the worst lateness the preemption program printed, in ms. */
  double lateness(String c) {
    return median(samples("preempt", c).stream().filter(s -> !s.metric().equals("-"))
        .mapToDouble(s -> Double.parseDouble(s.metric())).toArray());
  }

  static String f(double x) {
    if (Double.isNaN(x)) return "n/a";
    return String.format(Locale.ROOT, x >= 100 ? "%.0f" : x >= 10 ? "%.1f" : "%.2f", x);
  }

  // ---- the page ----

  String markdown() {
    md.append("# gol benchmarks: ").append(meta.get("mode")).append(" run, ").append(meta.get("date")).append("\n\n");
    md.append("- Machine: ").append(meta.get("machine")).append("\n");
    md.append("- Load: ").append(meta.get("load")).append("\n");
    md.append("- Go: ").append(meta.get("go")).append("; Java (gol and platform threads): ").append(meta.get("java17"))
        .append("; Java (virtual threads): ").append(meta.get("java21")).append("\n");
    md.append("- ").append(meta.get("gol")).append("\n");
    md.append("- Method: `bench/run").append("quick".equals(meta.get("mode")) ? " --quick" : "")
        .append("`; per workload one warm-up run of each contender (checksums checked against Go), then ")
        .append(meta.get("runs")).append(" rounds, contenders interleaved in each round. Wall time from `date`, CPU")
        .append(" (user+sys) and peak RSS from `/usr/bin/time`, all from outside the program, JVM start-up")
        .append(" included. Ratios to Go are medians of run-by-run ratios. CPU times have 10 ms resolution;")
        .append(" under heavy load the CPU ratio (ratio of medians) is the steadier number.\n");
    md.append("- Duration: ").append(meta.getOrDefault("elapsed", "?")).append("\n");
    md.append(noiseLine(meta.get("load"), meta.get("machine"))).append("\n");
    md.append("![ratios to Go](latest.svg)\n\n");
    md.append("Where the time goes for the missed targets (JFR profiles) and what would close the gaps:")
        .append(" [analysis.md](analysis.md), written by hand, not regenerated by `bench/run`.\n\n");
    targets();
    table();
    derived();
    broken();
    return md.toString();
  }

  void targets() {
    md.append("## Targets (issue 6)\n\n| target | measured | verdict |\n|---|---|---|\n");
    double fib = median(pairRatios(samples("fib", "gol"), samples("fib", "java")));
    target("fib: gol at most 1.2x plain Java", fib, "x Java", fib <= 1.2);
    for (String[] t : new String[][] {{"skynet", "1.0"}, {"spawn", "1.0"}, {"pingpong", "1.5"}, {"ring", "1.5"},
        {"buffered", "1.5"}, {"fanin", "2.0"}}) {
      double r = ratioToGo(t[0], "gol");
      target(t[0] + ": gol at most " + t[1] + "x Go", r, "x Go", r <= Double.parseDouble(t[1]));
    }
    double b = bytesPerParked("gol");
    target("parked: at most 512 bytes per goroutine (Go: " + f(bytesPerParked("go")) + ")", b, "bytes", b <= 512);
    double sp = crossRatio("parallel1", "parallel2", "gol");
    target("parallel: speedup 1 P to 2 Ps at least 1.8x, whole runs, start-up included (Go: " + f(crossRatio("parallel1", "parallel2", "go")) + "x)",
        sp, "x", sp >= 1.8);
    double late = lateness("gol");
    double spin = median(walls("preempt", "gol"));
    boolean none = !Double.isNaN(late) && late > spin / 2;   // the sleeper waited for the whole spin
    if (none) {
      md.append("| preemption lateness at most 20 ms | n/a: no preemption yet (the sleeper waited ")
          .append(f(late)).append(" ms, the whole spin) | not met |\n");
    } else {
      target("preemption lateness at most 20 ms", late, "ms", late <= 20);
    }
    double sw = crossRatio("switch100", "pingpong", "gol");
    target("switch at depth 100 at most 1.5x depth 1 (issue 2; Go: " + f(crossRatio("switch100", "pingpong", "go"))
        + "x)", sw, "x", sw <= 1.5);
    md.append("\n");
  }

  void target(String what, double v, String unit, boolean met) {
    md.append("| ").append(what).append(" | ").append(f(v)).append(' ').append(unit).append(" | ")
        .append(Double.isNaN(v) ? "not measured" : met ? "met" : "**missed**").append(" |\n");
  }

  void table() {
    md.append("## All workloads\n\n")
        .append("| workload | args | contender | wall ms, median (min-max) | ratio to Go, median (min-max) | CPU ms | CPU ratio to Go | peak RSS MiB |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (String w : workloads()) {
      for (String c : contenders(w)) {
        double[] wall = walls(w, c);
        double[] r = pairRatios(samples(w, c), samples(w, w.equals("hello") ? "go-run" : "go"));
        double cpu = median(samples(w, c).stream().mapToDouble(Sample::cpu).toArray());
        double rss = median(samples(w, c).stream().mapToDouble(Sample::rss).toArray()) / 1024;
        double goCpu = median(samples(w, w.equals("hello") ? "go-run" : "go").stream().mapToDouble(Sample::cpu).toArray());
        md.append("| ").append(TITLES.getOrDefault(w, w)).append(" | ").append(meta.getOrDefault("args." + w, "").trim())
            .append(" | ").append(c).append(" | ").append(f(median(wall))).append(" (").append(f(min(wall))).append('-')
            .append(f(max(wall))).append(") | ")
            .append(r.length == 0 ? "" : f(median(r)) + " (" + f(min(r)) + "-" + f(max(r)) + ")")
            .append(" | ").append(f(cpu)).append(" | ").append(goCpu > 0 ? f(cpu / goCpu) : "n/a")
            .append(" | ").append(f(rss)).append(" |\n");
      }
    }
    md.append("\nThe platform-thread peer (`java`) is left out of skynet, spawn and parked: one OS thread per")
        .append(" goroutine at 100k-1M threads is beyond what this machine allows. Java has no select: the Java")
        .append(" fan-in peer has four producers share one SynchronousQueue.\n\n");
  }

  void derived() {
    md.append("## Derived numbers\n\n| measure | go | gol | java | vthreads |\n|---|---|---|---|---|\n");
    derivedRow("bytes per parked goroutine (peak RSS)", this::bytesPerParked);
    derivedRow("parallel speedup, 1 to 2 processors", c -> crossRatio("parallel1", "parallel2", c));
    derivedRow("ping-pong at depth 100 / depth 1", c -> crossRatio("switch100", "pingpong", c));
    derivedRow("preemption: worst lateness of a 5 ms sleep, ms", this::lateness);
    md.append("\nFor virtual threads, the JDK never preempts a virtual thread that does not block: the sleeper")
        .append(" waits for the spinner. Platform threads are preempted by the OS (pinned to one CPU with taskset).\n\n");
  }

  void derivedRow(String what, java.util.function.ToDoubleFunction<String> m) {
    md.append("| ").append(what);
    for (String c : new String[] {"go", "gol", "java", "vthreads"}) md.append(" | ").append(f(m.applyAsDouble(c)));
    md.append(" |\n");
  }

  void broken() {
    List<String> bad = new ArrayList<>();
    meta.forEach((k, v) -> { if (k.startsWith("broken.")) bad.add("- " + k.substring(7) + ": " + v); });
    if (!bad.isEmpty()) md.append("## Contenders that failed\n\n").append(String.join("\n", bad)).append("\n");
  }

  List<String> workloads() {
    List<String> ws = new ArrayList<>();
    for (String w : TITLES.keySet()) if (data.containsKey(w)) ws.add(w);
    for (String w : data.keySet()) if (!ws.contains(w)) ws.add(w);
    return ws;
  }

  List<String> contenders(String w) {
    List<String> cs = new ArrayList<>();
    for (String c : CONTENDER_ORDER) if (data.get(w).containsKey(c)) cs.add(c);
    return cs;
  }

  /**
   * The chart: for each workload, one horizontal bar per contender other than Go, on a log scale
   * centred on Go (ratio 1): bars to the right are slower than Go, to the left faster. A tick marks
   * gol's target where the issue sets one relative to Go.
   */
  static final class Chart {
    final Report r;
    final StringBuilder s = new StringBuilder();
    static final int LABEL = 290, PLOT = 520, BAR = 13, GAP = 10, TOP = 60;
    static final double LO = 1.0 / 8, HI = 64;
    static final Map<String, Double> TARGETS = Map.of("skynet", 1.0, "spawn", 1.0, "pingpong", 1.5, "ring", 1.5,
        "buffered", 1.5, "fanin", 2.0);

    Chart(Report r) { this.r = r; }

    double x(double ratio) {
      double c = Math.max(LO, Math.min(HI, ratio));
      return LABEL + PLOT * (Math.log(c / LO) / Math.log(HI / LO));
    }

    String svg() {
      List<String[]> bars = new ArrayList<>();   // workload, contender (null = workload header)
      for (String w : r.workloads()) {
        if (w.equals("parked0")) continue;
        String base = w.equals("hello") ? "go-run" : "go";
        if (r.samples(w, base).isEmpty()) continue;
        bars.add(new String[] {w, null});
        for (String c : r.contenders(w)) if (!c.equals(base)) bars.add(new String[] {w, c});
      }
      int height = TOP + bars.size() * (BAR + 4) + 60;
      int width = LABEL + PLOT + 80;
      s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
          .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
      s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
      text(10, 20, 14, "start", "Wall time relative to Go 1.19 (log scale; 1 = as fast as Go, left = faster)");
      text(10, 38, 11, "start", r.meta.getOrDefault("mode", "") + " run, " + r.meta.getOrDefault("date", "")
          + "; median of run-by-run ratios; | = gol's target");
      for (double t : new double[] {0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64}) {
        double xx = x(t);
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>\n",
            xx, TOP - 8, xx, height - 50, t == 1 ? "#000" : "#ddd"));
        text(xx, height - 36, 10, "middle", (t < 1 ? "1/" + (int) Math.round(1 / t) : String.valueOf((int) t)) + "x");
      }
      int y = TOP;
      for (String[] b : bars) {
        if (b[1] == null) {
          text(LABEL - 8, y + BAR - 2, 11, "end", TITLES.getOrDefault(b[0], b[0]));
          y += 4;
          continue;
        }
        String w = b[0], c = b[1];
        double ratio = r.median(r.pairRatios(r.samples(w, c), r.samples(w, w.equals("hello") ? "go-run" : "go")));
        double x1 = x(1), x2 = x(ratio);
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
            Math.min(x1, x2), y, Math.max(1, Math.abs(x2 - x1)), BAR, COLORS.getOrDefault(c, "#999")));
        text(Math.max(x1, x2) + 4, y + BAR - 3, 10, "start", c + " " + f(ratio) + "x");
        if (c.equals("gol") && TARGETS.containsKey(w)) {
          double tx = x(TARGETS.get(w));
          s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\" stroke-width=\"2\"/>\n",
              tx, y - 2, tx, y + BAR + 2));
        }
        y += BAR + 4;
      }
      int ly = height - 18, lx = 10;
      for (String c : new String[] {"gol", "java", "vthreads", "gol-jar"}) {
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
            lx, ly - 10, COLORS.get(c)));
        String label = Map.of("gol", "gol (./prog: gol build's launcher)", "java", "Java platform threads",
            "vthreads", "Java virtual threads", "gol-jar", "gol, java -jar (G1)").get(c);
        text(lx + 16, ly, 11, "start", label);
        lx += 16 + label.length() * 6 + 18;
      }
      return s.append("</svg>\n").toString();
    }

    void text(double x, int y, int size, String anchor, String t) {
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"%d\" text-anchor=\"%s\">%s</text>\n",
          x, y, size, anchor, t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }
  }

  /**
   * A warning when the machine was busy: the 5- or 15-minute load average (meta "load" is
   * "1m 5m 15m") at or above the number of cores (meta "machine" starts with "N cores").
   * On a quiet run it says so instead.
   */
  static String noiseLine(String load, String machine) {
    double worst = 0;
    int cores = 0;
    try {
      String[] l = load.trim().split("\\s+"); // "1m 5m 15m (...)"
      for (int i = 1; i < 3; i++) worst = Math.max(worst, Double.parseDouble(l[i]));
      cores = Integer.parseInt(machine.trim().split("\\s+")[0]);
    } catch (RuntimeException e) {
      return "- **Noise:** the load or the number of cores is unknown; read single numbers with care.\n";
    }
    if (worst >= cores) {
      return "- **Noise:** the machine was busy during the run (load average " + worst + " on " + cores
          + " cores): other work shared the cores, so single numbers can be off by tens of percent.\n";
    }
    return "- **Noise:** a quiet run (the 5- and 15-minute load averages were below the " + cores + " cores when the runs ended); the"
        + " min-max ranges show the remaining run-to-run spread.\n";
  }
}
