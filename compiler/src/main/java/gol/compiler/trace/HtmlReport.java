package gol.compiler.trace;

import gol.compiler.trace.TraceModel.Slice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gol trace --html out.html out.json}: one self-contained HTML file (inline CSS and
 * JavaScript, no network) with the per-P timeline, the per-M lanes, GC pauses, zoom and pan, and
 * the text summary. For students without Perfetto at hand.
 *
 * <p>The page template is the resource {@code trace-view.html}; this class fills in the data as
 * JSON (times in ns): lanes of slices {@code [start, dur, fn, g, end]} with string tables. After
 * drawing, the page sets {@code data-rendered="ok"} on its body and lists the lanes it drew in
 * {@code #status}, which {@code tests/trace/html-check.sh} checks in headless Chromium. Under the
 * threads model the goroutine lanes are threads ("T2" = thread M2, there are no Ps); under gil a
 * "GIL" lane shows which M holds the global lock.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** Writes the report of trace t (with its summary) to out. */
  public static void write(TraceModel t, Summary s, String title, Path out) throws IOException {
    Files.writeString(out, render(t, s, title), StandardCharsets.UTF_8);
  }

  public static String render(TraceModel t, Summary s, String title) throws IOException {
    String template;
    try (InputStream in = HtmlReport.class.getResourceAsStream("trace-view.html")) {
      if (in == null) throw new IOException("missing resource trace-view.html");
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return template.replace("/*TITLE*/", esc(title)).replace("/*DATA*/", data(t, s).replace("</", "<\\/"));
  }

  private static String data(TraceModel t, Summary s) {
    Map<String, Integer> strings = new LinkedHashMap<>();
    StringBuilder b = new StringBuilder("{\"window\":").append(t.windowNs).append(",\"procs\":").append(t.procs);
    b.append(",\"dropped\":").append(t.dropped).append(",\"model\":\"").append(t.model.replaceAll("[^a-z]", "")).append("\",\"lanes\":[");
    boolean firstLane = true;
    for (Map.Entry<Integer, List<Slice>> e : t.byP.entrySet()) {
      if (!firstLane) b.append(',');
      firstLane = false;
      // Under the threads model a lane is a goroutine thread (its key is the M id): there are no Ps.
      b.append("{\"name\":\"").append(s.perThread() ? "T" : "P").append(e.getKey()).append("\",\"kind\":\"p\",\"s\":[");
      boolean f = true;
      for (Slice x : e.getValue()) {
        if (!f) b.append(',');
        f = false;
        b.append(x.start()).append(',').append(x.dur()).append(',').append(id(strings, x.fn())).append(',').append(x.g()).append(',')
            .append(id(strings, x.endKind() + (x.reason() == null ? "" : " (" + x.reason() + ")")));
      }
      b.append("]}");
    }
    if (!t.gilHeld.isEmpty()) { // the gil model: who holds the global lock (slices named by the M)
      mLane(b, strings, "GIL", "gil", t.gilHeld, false);
    }
    for (Map.Entry<Integer, List<TraceModel.MSlice>> e : t.byM.entrySet()) {
      boolean sysmon = e.getKey() >= 100_000;
      if (sysmon || e.getValue().isEmpty()) continue;
      mLane(b, strings, "M" + e.getKey(), "m", e.getValue(), true);
    }
    b.append(",{\"name\":\"GC\",\"kind\":\"gc\",\"s\":[");
    boolean f = true;
    for (TraceModel.Gc gc : t.gcs) {
      if (!f) b.append(',');
      f = false;
      b.append(gc.start()).append(',').append(gc.end() - gc.start()).append(',').append(id(strings, gc.name())).append(",0,")
          .append(id(strings, "GC pause"));
    }
    b.append("]}],\"strings\":[");
    f = true;
    for (String k : strings.keySet()) {
      if (!f) b.append(',');
      f = false;
      b.append(jstr(k));
    }
    b.append("],\"summary\":").append(jstr(s.render())).append('}');
    return b.toString();
  }

  /**
   * Appends a lane of M slices: start, duration, name, goroutine (0 unless withG) and label (the
   * name again) per slice.
   */
  private static void mLane(StringBuilder b, Map<String, Integer> strings, String name, String kind,
      List<TraceModel.MSlice> slices, boolean withG) {
    b.append(",{\"name\":\"").append(name).append("\",\"kind\":\"").append(kind).append("\",\"s\":[");
    boolean f = true;
    for (TraceModel.MSlice x : slices) {
      if (!f) b.append(',');
      f = false;
      b.append(x.start()).append(',').append(x.end() - x.start()).append(',').append(id(strings, x.name())).append(',')
          .append(withG ? x.g() : 0).append(',').append(id(strings, x.name()));
    }
    b.append("]}");
  }

  private static int id(Map<String, Integer> strings, String s) {
    return strings.computeIfAbsent(s, k -> strings.size());
  }

  static String jstr(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c == '\n') b.append("\\n");
      else if (c < 0x20 || c == '<' || c == '>' || c == '&') b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
