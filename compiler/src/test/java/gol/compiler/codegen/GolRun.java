package gol.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import gol.compiler.Compiler;
import gol.compiler.cli.MemoryClassLoader;
import gol.compiler.cli.Verifier;
import gol.runtime.Entry;
import gol.runtime.Out;
import gol.runtime.Resumer;
import gol.runtime.Sched;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Test support: compiles a gol program, runs ASM's verifier over every generated class, loads the
 * classes (so the JVM verifier checks them too) and runs the program in this JVM on a fresh runtime.
 */
final class GolRun {
  private GolRun() {}

  record Outcome(int exit, String stdout, String stderr) {}

  static Compiler.Result compile(String src) {
    Compiler.Result r = Compiler.compile("prog.gol", src);
    if (!r.ok()) fail("compile errors:\n" + String.join("\n", r.diagnostics().render()));
    String problems = Verifier.verify(r.classes());
    if (!problems.isEmpty()) fail("verifier:\n" + problems);
    return r;
  }

  static Outcome run(String src, int procs) throws Exception {
    Compiler.Result r = compile(src);
    ClassLoader loader = new MemoryClassLoader(r.classes(), GolRun.class.getClassLoader());
    Resumer resumer = (Resumer) loader.loadClass("main$Resumer").getConstructor().newInstance();
    Entry entry = (Entry) loader.loadClass("main$Main").getConstructor().newInstance();
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    synchronized (GolRun.class) {
      Out.redirect(out, err);
      try {
        gol.runtime.lib.os.setArgs(new String[] {"prog"});
        int code = Sched.run(resumer, entry, new String[] {"prog"}, procs);
        Out.flush();
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      } finally {
        Out.redirect(null, null);
      }
    }
  }

  /** Runs src with 1, 2 and 8 Ps and checks exit 0 and the expected output each time. */
  static void expect(String src, String stdout) throws Exception {
    for (int procs : new int[] {1, 2, 8}) {
      Outcome o = run(src, procs);
      assertEquals(stdout, o.stdout(), "stdout with GOMAXPROCS=" + procs + "; stderr:\n" + o.stderr());
      assertEquals(0, o.exit(), "exit code with GOMAXPROCS=" + procs + "; stderr:\n" + o.stderr());
    }
  }
}
