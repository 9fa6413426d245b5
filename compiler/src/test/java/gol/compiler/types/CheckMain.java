package gol.compiler.types;

import gol.compiler.Diagnostics;
import gol.compiler.ast.Decl;
import gol.compiler.syntax.Parser;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Development tool: parses and checks each file named on the command line and prints every error
 * as {@code file:line:col: message} (all of them, unlike go build's first ten), for comparison with
 * {@code go build -gcflags=-e}.
 */
public final class CheckMain {
  public static void main(String[] args) throws Exception {
    for (String a : args) {
      Path p = Path.of(a);
      Diagnostics d = new Diagnostics(a);
      Decl.File f = Parser.parse(a, Files.readString(p), d);
      if (!d.hasErrors()) {
        try {
          Checker.check(f, d);
        } catch (RuntimeException e) {
          System.out.println(a + ":0:0: CRASH " + e);
          e.printStackTrace(System.out);
        }
      }
      for (Diagnostics.Diagnostic x : d.sorted()) System.out.println(x);
    }
  }
}
