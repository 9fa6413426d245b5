package gol.compiler.cli;

import gol.compiler.Compiler;
import gol.compiler.Diagnostics;
import gol.compiler.ast.AstPrinter;
import gol.compiler.ast.Decl;
import gol.compiler.syntax.Parser;
import gol.compiler.syntax.TokenDump;
import gol.compiler.types.Checker;
import gol.compiler.types.TypeInfo;
import gol.compiler.types.TypesDump;
import java.io.IOException;
import java.nio.file.Path;

/** {@code gol build --dump=tokens|ast|types}: prints one stage of the pipeline, for coursework. */
final class Dumps {
  private Dumps() {}

  static int dump(String stage, String file) throws IOException {
    String src = Main.readSource(Path.of(file));
    if (stage.equals("tokens")) { System.out.print(TokenDump.dump(src)); return 0; }
    Diagnostics d = new Diagnostics(file);
    Decl.File ast = Parser.parse(file, src, d);
    if (ast == null || d.hasErrors()) { Main.printErrors(new Compiler.Result(null, d, ast, null)); return 1; }
    if (stage.equals("ast")) { System.out.print(AstPrinter.print(ast)); return 0; }
    TypeInfo info = Checker.check(ast, d);
    if (d.hasErrors()) { Main.printErrors(new Compiler.Result(null, d, ast, info)); return 1; }
    System.out.print(TypesDump.dump(ast, info));
    return 0;
  }
}
