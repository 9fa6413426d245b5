package gol.compiler.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gol lesson}: runs the programs of {@code samples/lessons/} under several scheduler settings
 * and prints what they measured side by side. {@code gol lesson table} reproduces a textbook's
 * comparison of OS threads and goroutines on this machine (creation cost, memory, switch cost,
 * with the {@code threads} and {@code gmp} models) and shows CPU-bound and I/O-bound work under
 * {@code gmp} and {@code gil} with 1 and 2 Ps.
 *
 * <p>Each run is a child JVM ({@code gol run FLAGS lesson.gol}, same classpath); a lesson prints
 * {@code key: value} lines, which this class collects. Memory is read from /proc/PID/status
 * (Linux) while the spawn lesson's goroutines are parked; elsewhere it shows "n/a".
 */
final class Lessons {
  private Lessons() {}

  /** A lesson: its program and the flag sets to compare. */
  record Lesson(String name, String concept, List<List<String>> configs) {}

  static final List<Lesson> LESSONS = List.of(
      new Lesson("parallelism", "concurrency vs parallelism", List.of(List.of("--procs", "1"), List.of("--procs", "2"), List.of("--model", "single"))),
      new Lesson("spawn", "OS threads vs green threads", List.of(List.of("--model", "threads"), List.of("--model", "gmp"))),
      new Lesson("switch", "switch cost", List.of(List.of("--model", "threads"), List.of("--model", "gmp", "--procs", "1"))),
      new Lesson("gmp", "M:N scheduling, G, M and P", List.of(List.of("--procs", "1"), List.of("--procs", "2"))),
      new Lesson("stealing", "work stealing", List.of(List.of("--procs", "2"), List.of("--procs", "2", "--no-steal"))),
      new Lesson("preemption", "preemption", List.of(List.of("--procs", "1"), List.of("--procs", "1", "--no-preempt"), List.of("--procs", "1", "--timeslice", "100"))),
      new Lesson("gil", "the GIL", List.of(List.of("--model", "gmp", "--procs", "1"), List.of("--model", "gmp", "--procs", "2"),
          List.of("--model", "gil", "--procs", "1"), List.of("--model", "gil", "--procs", "2"))));

  static int run(String[] args) throws Exception {
    Path dir = lessonsDir();
    if (dir == null) {
      System.err.println("gol lesson: cannot find samples/lessons (run from the gol directory)");
      return 2;
    }
    if (args.length == 0) {
      System.out.println("usage: gol lesson NAME | table\n\nLessons (samples/lessons, README.md there):");
      for (Lesson l : LESSONS) System.out.printf("  %-12s %s%n", l.name(), l.concept());
      System.out.println("  table        threads vs goroutines, gmp vs gil: one table measured on this machine");
      return 0;
    }
    if (args[0].equals("table")) return table(dir);
    for (Lesson l : LESSONS) {
      if (!l.name().equals(args[0])) continue;
      System.out.println("lesson " + l.name() + ": " + l.concept() + " (samples/lessons/" + l.name() + ".gol)");
      for (List<String> flags : l.configs()) {
        Map<String, String> r = runLesson(dir, l.name(), flags, List.of());
        System.out.printf("  %-40s %s%n", "gol run " + String.join(" ", flags), r);
      }
      return 0;
    }
    System.err.println("gol lesson: no lesson " + args[0] + " (gol lesson lists them)");
    return 2;
  }

  /** The comparison table. */
  static int table(Path dir) throws Exception {
    int cpus = Runtime.getRuntime().availableProcessors();
    String load = loadAverage();
    System.out.println("OS threads (--model threads) vs goroutines (--model gmp), measured now on " + cpus + " CPUs"
        + (load == null ? "" : ", load average " + load) + ":");
    System.out.println("(the numbers depend on the machine: CPUs, kernel, JVM, and on what else runs: on a machine whose"
        + "\nload average is near or above its CPU count every time is inflated and 2 Ps may not beat 1)");
    if (load != null && Double.parseDouble(load) >= cpus) {
      System.out.println("warning: load average " + load + " >= " + cpus + " CPUs: other work competes; rerun on a quiet machine");
    }
    System.out.println();
    String n = "1000";
    Map<String, String> st = runLesson(dir, "spawn", List.of("--model", "threads"), List.of(n));
    Map<String, String> sg = runLesson(dir, "spawn", List.of("--model", "gmp"), List.of(n));
    Map<String, String> wt = runLesson(dir, "switch", List.of("--model", "threads"), List.of());
    Map<String, String> wg = runLesson(dir, "switch", List.of("--model", "gmp", "--procs", "1"), List.of());
    String row = "  %-42s %16s %16s%n";
    System.out.printf(row, "", "thread (1:1)", "goroutine (M:N)");
    System.out.printf(row, "creation (us each, " + n + " started)", st.get("create_us"), sg.get("create_us"));
    System.out.printf(row, "memory, resident (KB each)", st.get("rss_kb_each"), sg.get("rss_kb_each"));
    System.out.printf(row, "memory, reserved address space (KB each)", st.get("vm_kb_each"), sg.get("vm_kb_each"));
    System.out.printf(row, "switch (ns, channel ping-pong)", wt.get("switch_ns"), wg.get("switch_ns"));
    System.out.println("\nCPU-bound and I/O-bound pairs of goroutines (samples/lessons/gil.gol), elapsed ms:\n");
    String row2 = "  %-22s %10s %10s%n";
    System.out.printf(row2, "", "cpu_ms", "io_ms");
    for (String model : List.of("gmp", "gil")) {
      for (String procs : List.of("1", "2")) {
        Map<String, String> r = runLesson(dir, "gil", List.of("--model", model, "--procs", procs), List.of());
        System.out.printf(row2, "--model " + model + " --procs " + procs, r.get("cpu_ms"), r.get("io_ms"));
      }
    }
    System.out.println("\nRead: a thread costs more to create and reserves far more memory than a goroutine; a switch"
        + "\nbetween threads goes through the kernel. Under gil, 2 Ps do not speed up the CPU-bound pair"
        + "\n(only the lock holder computes), while the I/O-bound pair overlaps under every model.");
    return 0;
  }

  /** The 1-minute load average (from /proc/loadavg), or null where there is none. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      Double.parseDouble(f[0]);
      return f[0];
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Runs one lesson in a child JVM; returns its key: value lines (and memory figures for spawn). */
  static Map<String, String> runLesson(Path dir, String name, List<String> flags, List<String> progArgs)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xss8m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.add("run");
    cmd.addAll(flags);
    cmd.add(dir.resolve(name + ".gol").toString());
    cmd.addAll(progArgs);
    // The spawn lesson's markers (start, ready N) come on stderr, which is unbuffered: merge it in.
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Map<String, String> out = new LinkedHashMap<>();
    long[] base = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.equals("start")) base = memory(p.pid());
        else if (line.startsWith("ready ") && base != null) {
          long[] now = memory(p.pid());
          int count = Integer.parseInt(line.substring(6).trim());
          if (now != null) {
            out.put("rss_kb_each", String.format("%.1f", (now[0] - base[0]) / (double) count));
            out.put("vm_kb_each", String.format("%.1f", (now[1] - base[1]) / (double) count));
          }
        }
        int c = line.indexOf(": ");
        if (c > 0 && line.indexOf(' ') > c) out.put(line.substring(0, c), line.substring(c + 2).trim());
      }
    }
    p.waitFor();
    out.putIfAbsent("rss_kb_each", "n/a");
    out.putIfAbsent("vm_kb_each", "n/a");
    if (!name.equals("spawn")) {
      out.remove("rss_kb_each");
      out.remove("vm_kb_each");
    }
    return out;
  }

  /** VmRSS and VmSize of a process in KB, or null off Linux. */
  static long[] memory(long pid) {
    try {
      long rss = -1, vm = -1;
      for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (l.startsWith("VmRSS:")) rss = Long.parseLong(l.replaceAll("\\D", ""));
        if (l.startsWith("VmSize:")) vm = Long.parseLong(l.replaceAll("\\D", ""));
      }
      return rss < 0 || vm < 0 ? null : new long[] {rss, vm};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** samples/lessons above the working directory or above the gol jar. */
  static Path lessonsDir() {
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    try {
      starts.add(Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (Exception ignored) {
      // no code source: only the working directory
    }
    for (Path s : starts) {
      for (Path q = s; q != null; q = q.getParent()) {
        Path d = q.resolve("samples").resolve("lessons");
        if (Files.isDirectory(d)) return d;
      }
    }
    return null;
  }
}
