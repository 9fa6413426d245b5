package gol.compiler.types;

import gol.compiler.Diagnostics;
import gol.compiler.ast.Decl;
import gol.compiler.syntax.Parser;
import java.util.List;

/** Test support: parses and checks a source text, keeping everything a test may inspect. */
final class Check {
  final Decl.File file;
  final TypeInfo info;
  final Diagnostics diags;

  private Check(Decl.File file, TypeInfo info, Diagnostics diags) { this.file = file; this.info = info; this.diags = diags; }

  /** Parses and checks src (which must parse without errors). */
  static Check of(String src) {
    Diagnostics d = new Diagnostics("main.go");
    Decl.File f = Parser.parse("main.go", src, d);
    if (d.hasErrors()) throw new AssertionError("syntax errors: " + d.render() + "\n" + src);
    TypeInfo info = Checker.check(f, d);
    return new Check(f, info, d);
  }

  /** Checks a main function body (plus optional declarations before it). */
  static Check body(String decls, String body) {
    return of("package main\n\n" + decls + "\nfunc main() {\n" + body + "\n}\n");
  }

  /** The messages reported, as "line:col: message". */
  List<String> errors() {
    return diags.sorted().stream().map(x -> x.pos().line() + ":" + x.pos().col() + ": " + x.message()).toList();
  }

  /** Fails with the errors if any were reported. */
  Check ok() {
    if (diags.hasErrors()) throw new AssertionError("unexpected errors: " + errors());
    return this;
  }

  /** The symbol a name denotes: its first definition in source order, struct fields last. */
  Symbol def(String name) {
    return info.defs.entrySet().stream().filter(e -> e.getKey().name().equals(name) && e.getValue() != null)
        .min(java.util.Comparator.comparing((java.util.Map.Entry<gol.compiler.ast.Expr.Ident, Symbol> e) ->
                e.getValue() instanceof Symbol.Var v && v.kind == Symbol.Var.Kind.FIELD)
            .thenComparing(e -> e.getKey().pos()))
        .map(java.util.Map.Entry::getValue).orElseThrow(() -> new AssertionError("no definition of " + name));
  }

  /** The recorded type and value of the first expression whose source text is text. */
  TypeInfo.TypeAndValue expr(String text) {
    return info.types.entrySet().stream()
        .filter(e -> ExprString.of(e.getKey()).equals(text))
        .min(java.util.Comparator.comparing(e -> e.getKey().pos()))
        .map(java.util.Map.Entry::getValue).orElseThrow(() -> new AssertionError("no expression " + text));
  }
}
