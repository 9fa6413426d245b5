package gol.compiler;

import gol.compiler.ast.Decl;
import gol.compiler.codegen.ProgramGen;
import gol.compiler.codegen.Unsupported;
import gol.compiler.syntax.Parser;
import gol.compiler.types.Checker;
import gol.compiler.types.TypeInfo;
import java.util.Map;

/**
 * The gol compiler: source text in, JVM classes out. Start reading here: one line per phase, and
 * each phase stops the pipeline if it reported errors.
 * <pre>
 *   source --Parser--> AST --Checker--> TypeInfo --ProgramGen--> classes (name → bytes)
 * </pre>
 * The classes run on gol.runtime: load them and call {@code main.main(String[])} (what
 * {@code gol run} does in memory), or put them in a jar with the runtime ({@code gol build}).
 */
public final class Compiler {
  private Compiler() {}

  /** The outcome of a compilation: either classes, or diagnostics. */
  public record Result(Map<String, byte[]> classes, Diagnostics diagnostics, Decl.File ast, TypeInfo types) {
    public boolean ok() { return classes != null; }
  }

  public static Result compile(String path, String source) {
    Diagnostics diags = new Diagnostics(path);
    Decl.File file = Parser.parse(path, source, diags);                 // 1. tokens and syntax
    if (file == null || diags.hasErrors()) return new Result(null, diags, file, null);
    TypeInfo info = Checker.check(file, diags);                         // 2. names, types, constants
    if (diags.hasErrors()) return new Result(null, diags, file, info);
    try {
      Map<String, byte[]> classes = new ProgramGen(file, info).generate();  // 3. bytecode
      return new Result(classes, diags, file, info);
    } catch (Unsupported u) {
      diags.error(u.pos == null ? file.pos() : u.pos, "not yet supported: " + u.what);
      return new Result(null, diags, file, info);
    }
  }

  /** The fixed name of the program's main class (package main). */
  public static final String MAIN_CLASS = "main";
}
