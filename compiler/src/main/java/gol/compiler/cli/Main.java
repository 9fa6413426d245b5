package gol.compiler.cli;

import gol.compiler.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * The {@code gol} command.
 * <pre>
 *   gol run FILE.gol [args...]        compile in memory and run
 *   gol build -o app.jar FILE.gol     write a runnable jar (./app.jar, or java -jar app.jar)
 *   gol build --dump=tokens|ast|types|bytecode FILE.gol
 *   gol run --trace out.json FILE.gol  record an execution trace (see gol.runtime.Tracer)
 *   gol trace [--html out.html] out.json   summarise a trace, or write its HTML timeline
 * </pre>
 * Exit codes: the program's own; 1 for compile errors (printed as file:line:col: message);
 * 2 with "gol: internal error:" for a bug in gol itself.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (Throwable t) {
      internalError(t);
    }
  }

  static void internalError(Throwable t) {
    System.out.flush();
    System.err.println("gol: internal error: " + t);
    t.printStackTrace(System.err);
    System.exit(2);
  }

  static int run(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("-h") || args[0].equals("--help")) {
      usage();
      return args.length == 0 ? 2 : 0;
    }
    String cmd = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (cmd) {
      case "run": return runCmd(rest);
      case "build": return buildCmd(rest);
      case "trace": return TraceCmd.run(rest);
      case "lesson": return Lessons.run(rest);
      case "version": System.out.println("gol 0.1.0 (Go 1.19 semantics) on Java " + System.getProperty("java.version")); return 0;
      default:
        System.err.println("gol: unknown command \"" + cmd + "\"\nRun 'gol help' for usage.");
        return 2;
    }
  }

  private static void usage() {
    System.out.println("gol is a Go-like language and a Go-style runtime for the JVM.\n\n"
        + "Usage:\n\n"
        + "\tgol run [flags] FILE.gol [args...]  compile and run a program (gol run --help: scheduler flags)\n"
        + "\tgol build -o app.jar FILE.gol       write a runnable jar (java -jar app.jar)\n"
        + "\tgol build --dump=STAGE FILE.gol     print a compiler stage: tokens, ast, types or bytecode\n"
        + "\tgol run --trace out.json FILE.gol   record an execution trace (Chrome JSON: Perfetto, chrome://tracing)\n"
        + "\tgol trace out.json                  summarise a trace: Ps, steals, latency, goroutine analysis\n"
        + "\tgol trace --html out.html out.json  write a self-contained HTML timeline of a trace\n"
        + "\tgol lesson [NAME|table]            run a scheduling lesson (samples/lessons)\n"
        + "\tgol version                         print the version\n\n"
        + "Environment: GOMAXPROCS=N sets the number of Ps (logical processors);\n"
        + "GOLDEBUG=schedtrace=MS,scheddetail=1,schedextra=1 traces the scheduler ('gol run --help').");
  }

  // ------------------------------------------------------------------ run

  private static int runCmd(String[] args) throws Exception {
    RunFlags.Parsed flags = RunFlags.parse(args);
    if (flags.help()) { System.out.print(RunFlags.help()); return 0; }
    if (flags.error() != null) { System.err.println("gol run: " + flags.error() + "\nRun 'gol run --help' for usage."); return 2; }
    int i = flags.fileIndex();
    if (i >= args.length) { System.err.println("gol run: no .gol file given"); return 2; }
    String file = args[i];
    String[] progArgs = Arrays.copyOfRange(args, i + 1, args.length);
    Compiler.Result r = compileFile(file);
    if (r == null) return 1;
    if (!r.ok()) { printErrors(r); return 1; }
    RunFlags.apply(flags.pairs());
    ClassLoader loader = new MemoryClassLoader(r.classes(), Main.class.getClassLoader());
    Method m = loader.loadClass(Compiler.MAIN_CLASS).getMethod("main", String[].class);
    try {
      m.invoke(null, (Object) progArgs);   // ends with System.exit(the program's exit code)
    } catch (InvocationTargetException e) {
      internalError(e.getCause());
    }
    return 0;
  }

  static Compiler.Result compileFile(String file) {
    String source;
    try {
      source = readSource(Path.of(file));
    } catch (IOException e) {
      System.err.println("gol: cannot read " + file + ": " + e.getMessage());
      return null;
    }
    return Compiler.compile(file, source);
  }

  /** Reads a source file: Go source is UTF-8 text (the parser reports byte columns as Go does). */
  static String readSource(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }

  static void printErrors(Compiler.Result r) {
    System.out.flush();
    java.io.PrintStream err = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    for (String line : r.diagnostics().render()) err.println(line);
  }

  // ------------------------------------------------------------------ build

  private static int buildCmd(String[] args) throws Exception {
    Options opts = new Options();
    opts.addOption(Option.builder("o").longOpt("output").hasArg().argName("app.jar").desc("write a runnable jar").build());
    opts.addOption(Option.builder().longOpt("dump").hasArg().argName("stage").desc("print tokens, ast, types or bytecode").build());
    opts.addOption(Option.builder().longOpt("verify").desc("run the bytecode verifier on the generated classes").build());
    CommandLine cl;
    try {
      cl = new DefaultParser().parse(opts, args);
    } catch (ParseException e) {
      System.err.println("gol build: " + e.getMessage());
      return 2;
    }
    if (cl.getArgs().length != 1) { System.err.println("gol build: exactly one .gol file expected"); return 2; }
    String file = cl.getArgs()[0];
    String dump = cl.getOptionValue("dump");
    if (dump != null && (dump.equals("tokens") || dump.equals("ast") || dump.equals("types"))) return Dumps.dump(dump, file);
    Compiler.Result r = compileFile(file);
    if (r == null) return 1;
    if (!r.ok()) { printErrors(r); return 1; }
    if (cl.hasOption("verify")) {
      String problems = Verifier.verify(r.classes());
      if (!problems.isEmpty()) { System.err.print(problems); return 2; }
    }
    if ("bytecode".equals(dump)) {
      for (Map.Entry<String, byte[]> e : r.classes().entrySet()) {
        new ClassReader(e.getValue()).accept(new TraceClassVisitor(new PrintWriter(System.out, true)), 0);
      }
      return 0;
    }
    if (dump != null) { System.err.println("gol build: unknown --dump stage " + dump); return 2; }
    String out = cl.getOptionValue("o");
    if (out == null) {
      String base = Path.of(file).getFileName().toString().replaceFirst("\\.gol$", "");
      out = base + ".jar";
    }
    writeJar(Path.of(out), r.classes());
    writeCdsArchive(Path.of(out));
    return 0;
  }

  /**
   * The JVM options a gol program runs with, unless {@code GOL_JAVA_OPTS} replaces them; the
   * {@code gol} launcher script uses the same. ParallelGC rather than the JVM's default G1: goroutine
   * workloads allocate many short-lived objects (goroutines, closures, stack segments, sudogs) and store
   * young references into long-lived ones (reused Gs, run queues, channels). G1 gives such a program a
   * young generation of a few regions (five pauses in skynet against ParallelGC's one) and pays a
   * card-marking barrier with a fence on those stores; ParallelGC's barrier is a single card store.
   * Measured on skynet (1M goroutines): 564 ms under ParallelGC against 888 ms under G1.
   * {@code -XX:-UsePerfData}: no hsperfdata file for jps/jstat to read, which saves ~3 ms of every
   * start (hello 51 against 54 ms, 21 runs); jcmd and JFR still work.
   */
  static final String JVM_OPTIONS = "-XX:+UseParallelGC -XX:-UsePerfData";

  /** No CDS messages: an archive that does not match the jar or the JDK is skipped without a word. */
  static final List<String> CDS_QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  /**
   * The first bytes of a jar written by {@code gol build}: a shell script, so the jar is also an
   * executable ({@code ./app.jar args}), as a Go binary is. It starts {@code java} (from JAVA_HOME when
   * set) with {@link #JVM_OPTIONS} on itself. A zip file is read from its end (the central directory),
   * so {@code java -jar app.jar} reads the same file as an ordinary jar, with the JVM's default options.
   */
  static final String LAUNCHER = """
      #!/bin/sh
      # A gol program: a runnable jar behind this launcher. ./THIS [args] runs it with gol's JVM
      # options (GOL_JAVA_OPTS, if set, replaces them); java -jar THIS [args] with the JVM's defaults.
      # THIS.jsa, written by gol build, holds the jar's classes parsed and verified (CDS), if there.
      # -cp THIS %3$s: as -jar THIS, without reading the manifest for the class name (~2 ms less).
      java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
      if [ -f "$0.jsa" ]; then
        exec "$java" ${GOL_JAVA_OPTS-%1$s} -XX:SharedArchiveFile="$0.jsa" %2$s -cp "$0" %3$s "$@"
      fi
      exec "$java" ${GOL_JAVA_OPTS-%1$s} -cp "$0" %3$s "$@"
      """.formatted(JVM_OPTIONS, String.join(" ", CDS_QUIET), Compiler.MAIN_CLASS);

  /**
   * Writes {@code out.jsa}, a class-data-sharing archive of the jar's classes (see
   * {@link gol.runtime.CdsDump}), with the JVM that runs the compiler (the launcher picks the same
   * one: JAVA_HOME, else java on the PATH). Best effort: without the archive the program starts
   * about 20 ms slower, nothing else; a JVM that cannot write one leaves no file.
   */
  static void writeCdsArchive(Path out) {
    Path jsa = Path.of(out + ".jsa");   // the launcher's "$0.jsa"
    try {
      Files.deleteIfExists(jsa);
      String javaCmd = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> cmd = new java.util.ArrayList<>(List.of(javaCmd, "-XX:ArchiveClassesAtExit=" + jsa));
      cmd.addAll(CDS_QUIET);
      cmd.addAll(List.of("-cp", out.toString(), gol.runtime.CdsDump.class.getName()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
      if (!p.isAlive() && p.exitValue() == 0) return;
      Files.deleteIfExists(jsa);
    } catch (IOException e) {
      // no archive: the program starts without it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A runnable jar: the program's classes plus the gol runtime (which depends on nothing else), behind
   * the {@link #LAUNCHER} script, marked executable.
   */
  static void writeJar(Path out, Map<String, byte[]> classes) throws IOException, URISyntaxException {
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Compiler.MAIN_CLASS);
    try (OutputStream file = Files.newOutputStream(out)) {
      file.write(LAUNCHER.getBytes(StandardCharsets.UTF_8));
      try (JarOutputStream jar = new JarOutputStream(file, mf)) {
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
          jar.putNextEntry(new JarEntry(e.getKey() + ".class"));
          jar.write(e.getValue());
          jar.closeEntry();
        }
        Path src = Path.of(gol.runtime.G.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(src)) {
          try (Stream<Path> files = Files.walk(src.resolve("gol/runtime"))) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
              jar.putNextEntry(new JarEntry(src.relativize(p).toString().replace('\\', '/')));
              Files.copy(p, jar);
              jar.closeEntry();
            }
          }
        } else {
          try (JarFile jf = new JarFile(src.toFile())) {
            Enumeration<JarEntry> en = jf.entries();
            while (en.hasMoreElements()) {
              JarEntry e = en.nextElement();
              if (e.isDirectory() || !e.getName().startsWith("gol/runtime/")) continue;
              jar.putNextEntry(new JarEntry(e.getName()));
              try (InputStream in = jf.getInputStream(e)) { in.transferTo(jar); }
              jar.closeEntry();
            }
          }
        }
      }
    }
    try {
      Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(out));
      perms.addAll(List.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_EXECUTE));
      Files.setPosixFilePermissions(out, perms);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the jar still runs with java -jar
    }
  }
}
