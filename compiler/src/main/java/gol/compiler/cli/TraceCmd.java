package gol.compiler.cli;

import gol.compiler.trace.HtmlReport;
import gol.compiler.trace.Summary;
import gol.compiler.trace.TraceModel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code gol trace out.json} prints the summary of a trace recorded by {@code gol run --trace};
 * {@code gol trace --html out.html out.json} writes the self-contained HTML timeline instead
 * (and prints where). Exit 0, or 1 when the file cannot be read or is not a trace, 2 on bad usage.
 */
final class TraceCmd {
  private TraceCmd() {}

  static int run(String[] args) {
    String html = null, file = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--html")) {
        if (i + 1 >= args.length) return usage("--html needs an output file");
        html = args[++i];
      } else if (a.startsWith("--html=")) {
        html = a.substring(7);
      } else if (a.startsWith("-")) {
        return usage("unknown flag " + a);
      } else if (file == null) {
        file = a;
      } else {
        return usage("one trace file expected");
      }
    }
    if (file == null) return usage("no trace file given");
    TraceModel t;
    try {
      t = TraceModel.read(Path.of(file));
    } catch (IOException e) {
      System.err.println("gol trace: cannot read " + file + ": " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException | ClassCastException e) {
      System.err.println("gol trace: " + file + " is not a gol trace: " + e.getMessage());
      return 1;
    }
    Summary s = Summary.of(t);
    if (html == null) {
      System.out.print(s.render());
      return 0;
    }
    try {
      HtmlReport.write(t, s, Path.of(file).getFileName().toString(), Path.of(html));
    } catch (IOException e) {
      System.err.println("gol trace: cannot write " + html + ": " + e.getMessage());
      return 1;
    }
    System.out.println("gol trace: wrote " + html);
    return 0;
  }

  private static int usage(String msg) {
    System.err.println("gol trace: " + msg + "\nusage: gol trace [--html out.html] trace.json");
    return 2;
  }
}
