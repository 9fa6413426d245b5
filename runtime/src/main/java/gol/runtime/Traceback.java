package gol.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * What the program prints on stderr when it dies, in Go 1.19's format: unrecovered panics, fatal
 * errors, deadlock dumps, stack overflow, and gol's own internal errors.
 *
 * <p>Go frames come from two places. A parked goroutine has all its frames in its {@link Stack}:
 * function ids and resume points, named through the program's {@link Resumer}. A running goroutine
 * (the one that panicked) has its live frames in the Java stack trace of the exception: methods of
 * the user classes {@code main} and {@code main$...} are mapped to Go names ({@code f} is
 * {@code main.f}, {@code main$func1} is {@code main.main.func1}, {@code f$resume} is {@code main.f});
 * save helpers ({@code f$s3}), entry thunks and runtime frames are left out. Frames that were
 * already saved when the panic passed through them are appended to the exception's trace by
 * {@link #appendSavedFrames}, so the trace shows the whole goroutine.
 *
 * <p>Go prints argument values and pc offsets ({@code main.f(0xc000012345, 0x5)},
 * {@code +0x1d}); gol prints {@code ()} for main.main and closures, {@code (...)} otherwise, and
 * {@code +0x0}. Threading: called by the one thread that ends the program.
 */
final class Traceback {
  private Traceback() {}

  /** Class name of the synthetic stack trace elements standing for saved frames. */
  private static final String SAVED = "gol.saved";

  // ================================================================ the messages

  static void panic(Sched s, G g, Panic pa) {
    StringBuilder b = new StringBuilder();
    printPanics(b, pa);
    if (pa.value instanceof Panic.RuntimeError re && re.message.endsWith("nil pointer dereference")) {
      b.append("\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]");
    }
    b.append("\n\n");
    running(b, s, g, pa);
    Out.stderr(b.toString());
  }

  /**
   * Go's printpanics: earlier panics that were being handled when this one started come first,
   * each marked [recovered] if a deferred call had recovered it, and later lines start with a tab.
   */
  private static void printPanics(StringBuilder b, Panic pa) {
    if (pa.link instanceof Panic prev) {
      printPanics(b, prev);
      if (pa.linkRecovered) b.append(" [recovered]");
      b.append("\n\t");
    }
    b.append("panic: ").append(panicValue(pa.value));
  }

  static void fatal(Sched s, G g, Sched.Fatal f) {
    StringBuilder b = new StringBuilder();
    b.append("fatal error: ").append(f.getMessage()).append("\n\n");
    running(b, s, g, f);
    Out.stderr(b.toString());
  }

  static void stackOverflow(Sched s, G g, StackOverflowError so) {
    StringBuilder b = new StringBuilder();
    b.append("runtime: goroutine stack exceeds ").append(s.maxStack).append("-byte limit\n");
    b.append("fatal error: stack overflow\n\n");
    running(b, s, g, so);
    Out.stderr(b.toString());
  }

  static void deadlock(Sched s) {
    StringBuilder b = new StringBuilder();
    b.append("fatal error: all goroutines are asleep - deadlock!\n");
    long now = System.nanoTime();
    for (G g : s.allgsSnapshot()) {
      if (g.state == G.DEAD || g.state == G.IDLE) continue;
      b.append('\n');
      GoroutineDump.header(b, g, now);
      savedFrames(b, s.resumer, g);
      createdBy(b, s.resumer, g);
    }
    Out.stderr(b.toString());
  }

  static void internalError(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    Out.stderr("gol: internal error: " + w);
  }

  /** The bracketed status of a goroutine header: its wait reason, or Go's state word. */
  static String status(G g) {
    switch (g.state) {
      case G.WAITING: return g.waitReason() == null ? "waiting" : g.waitReason();
      case G.RUNNABLE: return "runnable";
      case G.RUNNING: return "running";
      case G.DEAD: return "dead";
      default: return "idle";
    }
  }

  // ================================================================ frames

  /** {@code goroutine N [running]:} and the frames of t's trace (the goroutine that failed). */
  private static void running(StringBuilder b, Sched s, G g, Throwable t) {
    b.append("goroutine ").append(g.id).append(" [running]:\n");
    String file = s.resumer == null ? null : s.resumer.fileName();
    int n = 0;
    for (StackTraceElement e : t.getStackTrace()) {
      String name = goName(e);
      if (name == null) continue;
      if (++n > 100) {
        b.append("...additional frames elided...\n");
        break;
      }
      frame(b, name, file != null ? file : e.getFileName(), e.getLineNumber());
    }
    createdBy(b, s.resumer, g);
  }

  private static void savedFrames(StringBuilder b, Resumer r, G g) {
    frames(b, r, g.stack.frames());
  }

  /** Saved frames ({fnId, pc} pairs, innermost first) in Go's two-line form. */
  static void frames(StringBuilder b, Resumer r, int[][] frames) {
    for (int[] f : frames) frame(b, r.functionName(f[0]), r.fileName(), r.line(f[0], f[1]));
  }

  /** Go's {@code created by F} line and the go statement's position (none for main). */
  static void createdBy(StringBuilder b, Resumer r, G g) {
    String name = g.creatorName;
    if (name == null) return;
    b.append("created by ").append(name).append('\n');
    b.append('\t').append(r == null ? "?" : r.fileName()).append(':').append(g.creatorLine).append(" +0x0\n");
  }

  private static void frame(StringBuilder b, String name, String file, int line) {
    b.append(name).append(args(name)).append('\n');
    b.append('\t').append(file).append(':').append(line).append(" +0x0\n");
  }

  /** Go prints argument words; gol does not know them: {@code ()} where Go's usually is empty. */
  private static String args(String name) {
    if (name.equals("main.main") || name.equals("main.init")) return "()";
    int dot = name.lastIndexOf('.');
    if (dot >= 0 && name.startsWith("func", dot + 1)) return "()";
    return "(...)";
  }

  /** The Go name of a Java frame, or null if it is not a frame of the user's program. */
  static String goName(StackTraceElement e) {
    String cls = e.getClassName();
    String m = e.getMethodName();
    if (cls.equals(SAVED)) return m;
    if (!cls.equals("main") && !cls.startsWith("main$")) return null;
    if (m.startsWith("lambda$") || m.startsWith("<") || m.startsWith("access$")) return null;
    if (m.matches(".*\\$s\\d+")) return null; // a save helper
    if (m.endsWith("$resume")) m = m.substring(0, m.length() - "$resume".length());
    if (cls.equals("main")) return "main." + m.replace('$', '.');
    if (m.equals("run") || m.equals("invoke")) return null; // entry thunks, func value bridges
    if (cls.equals("main$Resumer")) return null; // the generated resume switch (not a Go frame)
    return "main." + cls.substring("main$".length()).replace('$', '.') + "." + m.replace('$', '.');
  }

  /**
   * A panic is leaving a resumed frame while more frames are saved below it: append those frames
   * to its trace (once), so the final traceback shows the whole goroutine.
   */
  static void appendSavedFrames(Panic pa, G g, Resumer r) {
    StackTraceElement[] st = pa.getStackTrace();
    for (StackTraceElement e : st) if (e.getClassName().equals(SAVED)) return;
    List<StackTraceElement> out = new ArrayList<>(List.of(st));
    for (int[] f : g.stack.frames()) {
      out.add(new StackTraceElement(SAVED, r.functionName(f[0]), r.fileName(), r.line(f[0], f[1])));
    }
    pa.setStackTrace(out.toArray(new StackTraceElement[0]));
  }

  /**
   * A panic raised on g's behalf by someone else (close waking a parked sender, a park commit) is
   * about to be thrown into g's innermost saved frame: its Java trace belongs to another stack, so
   * replace it with g's saved frames (once).
   */
  static void rebaseOnSavedFrames(Panic pa, G g, Resumer r) {
    StackTraceElement[] st = pa.getStackTrace();
    for (StackTraceElement e : st) if (e.getClassName().equals(SAVED)) return;
    List<StackTraceElement> out = new ArrayList<>();
    for (int[] f : g.stack.frames()) {
      out.add(new StackTraceElement(SAVED, r.functionName(f[0]), r.fileName(), r.line(f[0], f[1])));
    }
    pa.setStackTrace(out.toArray(new StackTraceElement[0]));
  }

  // ================================================================ panic values

  /** A panic value as Go's printpanicval prints it (errors via Error(), Stringers via String()). */
  static String panicValue(Object v) {
    if (v == null) return "nil";
    if (v instanceof String s) return s;
    if (v instanceof Boolean || v instanceof Long || v instanceof Integer) return v.toString();
    if (v instanceof Double d) return printFloat(d);
    if (v instanceof Box.Float32 f) return printFloat(f.v);
    if (v instanceof Complex c) return c.toString();
    if (v instanceof Box.Complex64 c) return c.v.toString();
    if (v instanceof Panic.RuntimeError || v instanceof Panic.PlainError) return v.toString();
    if (v instanceof Box.Int i) {
      String tn = i.type.name;
      return tn.indexOf('.') >= 0 ? tn + "(" + i + ")" : i.toString();
    }
    String viaMethod = callStringMethod(v, "Error");
    if (viaMethod == null) viaMethod = callStringMethod(v, "String");
    if (viaMethod != null) return viaMethod;
    RType t = Box.typeOf(v);
    return "(" + (t == null ? v.getClass().getSimpleName() : t.name) + ") " + address(v);
  }

  /** Calls a public {@code String name()} or {@code String name(G)} method of v, or returns null. */
  private static String callStringMethod(Object v, String name) {
    for (Method m : v.getClass().getMethods()) {
      if (!m.getName().equals(name) || m.getReturnType() != String.class) continue;
      try {
        if (m.getParameterCount() == 0) return (String) m.invoke(v);
        if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == G.class) {
          G g = new G();
          g.m = new M();
          return (String) m.invoke(v, g);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  /** A made-up Go heap address for a value that Go would print as a pointer. */
  static String address(Object o) {
    return String.format("0xc%09x", (System.identityHashCode(o) & 0xffffffL) << 4);
  }

  /** Go's runtime float printing: {@code +1.500000e+000}. */
  static String printFloat(double v) {
    if (Double.isNaN(v)) return "NaN";
    if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
    String s = String.format(java.util.Locale.ROOT, "%+.6e", v); // +1.500000e+00
    int e = s.indexOf('e');
    String mant = s.substring(0, e);
    char sign = s.charAt(e + 1);
    int exp = Integer.parseInt(s.substring(e + 2));
    return mant + "e" + sign + String.format("%03d", exp);
  }
}
