package gol.compiler.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Runs ASM's bytecode verifier over a compiled program (tests and {@code gol build --verify}). The
 * JVM's own verifier checks the classes again when they are loaded.
 */
public final class Verifier {
  private Verifier() {}

  /** Returns the verifier's complaints (empty when every class verifies). */
  public static String verify(Map<String, byte[]> classes) {
    ClassLoader loader = new MemoryClassLoader(classes, Verifier.class.getClassLoader());
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, byte[]> e : classes.entrySet()) {
      StringWriter sw = new StringWriter();
      CheckClassAdapter.verify(new ClassReader(e.getValue()), loader, false, new PrintWriter(sw));
      if (sw.getBuffer().length() > 0) out.append("class ").append(e.getKey()).append(":\n").append(sw);
    }
    return out.toString();
  }
}
