package gol.compiler.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler flags of {@code gol run}: each one becomes a {@code key=value} pair of the
 * {@code gol.debug} system property (see gol.runtime.Config and gol.runtime.Knobs), set before the
 * program's main runs, so that {@code gol run --no-steal x.gol} and
 * {@code GOLDEBUG=steal=0 java -jar x.jar} are one setting. Flags come before the file name;
 * {@code --flag value} and {@code --flag=value} are both accepted.
 */
final class RunFlags {
  private RunFlags() {}

  /** One flag: its name, the gol.debug key, whether it takes a value, the value a switch sets, its help. */
  record Flag(String name, String key, boolean hasValue, String fixed, String help) {}

  static final List<Flag> FLAGS = List.of(
      new Flag("--procs", "procs", true, null, "N: number of Ps (GOMAXPROCS); default $GOMAXPROCS or the CPUs"),
      new Flag("--model", "model", true, null, "M: gmp (M:N, default), threads (1:1), single (1 P, 1 M), gil (a global lock)"),
      new Flag("--no-steal", "steal", false, "0", "idle Ps do not steal goroutines from busy ones"),
      new Flag("--runq-size", "runqsize", true, null, "N: capacity of each P's local run queue, 1..256 (default 256)"),
      new Flag("--timeslice", "timeslice", true, null, "MS: sysmon preempts a goroutine after MS ms (default 10)"),
      new Flag("--no-runnext", "runnext", false, "0", "new and readied goroutines go to the tail of the run queue"),
      new Flag("--no-preempt", "preempt", false, "0", "never preempt: a spinning loop starves others (Go before 1.14)"),
      new Flag("--global-poll", "globalpoll", true, null, "N: check the global run queue first every N schedules (default 61)"),
      new Flag("--gil-interval", "gilinterval", true, null, "MS: gil model switch interval (default 5, CPython's)"),
      new Flag("--seed", "seed", true, null, "N: deterministic scheduling on one M; same seed, same interleaving"),
      new Flag("--shuffle", "shuffle", false, "1", "take goroutines from run queues in random order"),
      new Flag("--trace", "trace", true, null, "FILE: record an execution trace to FILE (Chrome JSON; see gol trace)"),
      new Flag("--schedtrace", "schedtrace", true, null, "MS: print Go's scheduler summary line on stderr every MS ms"),
      new Flag("--scheddetail", "scheddetail", false, "1", "with --schedtrace: also a line per P, M and goroutine"),
      new Flag("--schedextra", "schedextra", false, "1", "with --schedtrace: also runnext, queue contents, waits"));

  /** Parsed flags: where the file name is in args, the gol.debug pairs, or an error message. */
  record Parsed(int fileIndex, List<String> pairs, String error, boolean help) {}

  static Parsed parse(String[] args) {
    List<String> pairs = new ArrayList<>();
    int i = 0;
    while (i < args.length && args[i].startsWith("-")) {
      String a = args[i];
      if (a.equals("--")) return new Parsed(i + 1, pairs, null, false);
      if (a.equals("-h") || a.equals("--help")) return new Parsed(i, pairs, null, true);
      String name = a, value = null;
      int eq = a.indexOf('=');
      if (eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      Flag f = find(name);
      if (f == null) return new Parsed(i, pairs, "unknown flag " + a, false);
      if (f.hasValue()) {
        if (value == null) {
          if (i + 1 >= args.length) return new Parsed(i, pairs, "flag " + name + " needs a value", false);
          value = args[++i];
        }
        if (f.key().equals("trace")) {
          if (value.isEmpty() || value.contains(",")) {
            return new Parsed(i, pairs, "flag --trace wants a file name without ','", false);
          }
        } else if (f.key().equals("model")) {
          try {
            gol.runtime.Knobs.parseModel(value);
          } catch (IllegalArgumentException e) {
            return new Parsed(i, pairs, e.getMessage(), false);
          }
        } else if (!value.matches("-?\\d+")) {
          return new Parsed(i, pairs, "flag " + name + " wants a number, not " + value, false);
        }
      } else {
        if (value != null) return new Parsed(i, pairs, "flag " + name + " takes no value", false);
        value = f.fixed();
      }
      pairs.add(f.key() + "=" + value);
      i++;
    }
    return new Parsed(i, pairs, null, false);
  }

  private static Flag find(String name) {
    for (Flag f : FLAGS) if (f.name().equals(name)) return f;
    return null;
  }

  /** Adds pairs to the gol.debug property (after what it holds, so the flags win). */
  static void apply(List<String> pairs) {
    if (pairs.isEmpty()) return;
    String old = System.getProperty("gol.debug", "");
    String add = String.join(",", pairs);
    System.setProperty("gol.debug", old.isEmpty() ? add : old + "," + add);
  }

  /** The help of gol run. */
  static String help() {
    StringBuilder sb = new StringBuilder();
    sb.append("usage: gol run [flags] FILE.gol [arguments...]\n\n")
        .append("Compiles FILE.gol in memory and runs it. Scheduler flags (each is also a GOLDEBUG key,\n")
        .append("so a built jar honours GOLDEBUG=model=gil,procs=2,...):\n\n");
    for (Flag f : FLAGS) {
      String left = f.name() + (f.hasValue() ? " " + f.help().substring(0, f.help().indexOf(':')) : "");
      String text = f.hasValue() ? f.help().substring(f.help().indexOf(':') + 2) : f.help();
      String key = f.key() + "=" + (f.hasValue() ? f.help().substring(0, f.help().indexOf(':')) : f.fixed());
      sb.append(String.format("  %-20s %s  [GOLDEBUG %s]%n", left, text, key));
    }
    sb.append("\nEnvironment: GOMAXPROCS=N (like --procs), GOLDEBUG=key=value,... (the same settings).\n")
        .append("SIGQUIT (Ctrl-\\) prints every goroutine's stack on stderr and the program goes on\n")
        .append("(GOLDEBUG=sigquit=0 leaves SIGQUIT to the JVM). README.md: \"Watching the scheduler\".\n");
    return sb.toString();
  }
}
