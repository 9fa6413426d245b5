package gol.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the checker records for code generation: types and modes of expressions, symbols, captures, order. */
class TypeInfoTest {

  @Test void untypedConstantsTakeTheTypeOfTheirContext() {
    Check c = Check.body("", "var x float64 = 1\nvar y int64 = 2 + 3\n_, _ = x, y\nvar i interface{} = 'a'\n_ = i");
    c.ok();
    assertSame(Types.FLOAT64, c.expr("1").type());
    assertEquals("1", c.expr("1").value().toString());
    assertSame(Types.INT64, c.expr("2 + 3").type());
    assertSame(Types.INT64, c.expr("2").type());
    assertSame(Types.RUNE, c.expr("'a'").type());
    assertSame(TypeInfo.Mode.CONSTANT, c.expr("2 + 3").mode());
  }

  @Test void defaultTypesForShortVarDeclsAndPrintln() {
    Check c = Check.body("import \"fmt\"", "a := 1\nb := 2.5\nd := \"s\"\nfmt.Println(a, b, d, 7, 1 < 2)");
    c.ok();
    assertSame(Types.INT, c.def("a").type);
    assertSame(Types.FLOAT64, c.def("b").type);
    assertSame(Types.STRING, c.def("d").type);
    assertSame(Types.INT, c.expr("7").type());
    assertSame(Types.BOOL, c.expr("1 < 2").type());
  }

  @Test void comparisonsAreUntypedBoolAndOperandsGetDefaultTypes() {
    Check c = Check.body("", "x := 1\nif x < 2 {\n}");
    c.ok();
    assertSame(Types.UNTYPED_BOOL, c.expr("x < 2").type());
    assertSame(Types.INT, c.expr("2").type());
  }

  @Test void modesOfCallsConversionsAndBuiltins() {
    Check c = Check.body("func f() {}\nfunc g() (int, error) { return 0, nil }",
        "f()\ny := float64(3)\n_, _ = g()\nn := len(\"abc\")\ns := make([]int, 2)\n_, _, _ = y, n, s");
    c.ok();
    assertSame(TypeInfo.Mode.NOVALUE, c.expr("f()").mode());
    assertSame(TypeInfo.Mode.TYPE, c.expr("float64").mode());
    assertSame(TypeInfo.Mode.CONSTANT, c.expr("float64(3)").mode());
    assertInstanceOf(Type.Tuple.class, c.expr("g()").type());
    assertSame(TypeInfo.Mode.BUILTIN, c.expr("len").mode());
    assertSame(TypeInfo.Mode.CONSTANT, c.expr("len(\"abc\")").mode());
    assertEquals("[]int", c.expr("make([]int, 2)").type().toString());
    assertSame(TypeInfo.Mode.TYPE, c.expr("[]int").mode());
  }

  @Test void commaOkExpressionsAreTuples() {
    Check c = Check.body("", "m := map[string]int{}\nv, ok := m[\"k\"]\nch := make(chan int)\nw, ok2 := <-ch\n"
        + "var i interface{}\ns, ok3 := i.(string)\nu := m[\"z\"]\n_, _, _, _, _, _, _ = v, ok, w, ok2, s, ok3, u");
    c.ok();
    assertSame(TypeInfo.Mode.COMMAOK, c.expr("m[\"k\"]").mode());
    assertEquals("(int, bool)", c.expr("m[\"k\"]").type().toString());
    assertEquals("(int, bool)", c.expr("<-ch").type().toString());
    assertEquals("(string, bool)", c.expr("i.(string)").type().toString());
    assertSame(TypeInfo.Mode.VARIABLE, c.expr("m[\"z\"]").mode());
    assertSame(Types.BOOL, c.def("ok").type);
  }

  @Test void nilStaysUntyped() {
    Check c = Check.body("", "var p *int = nil\nif p == nil {\n}");
    c.ok();
    assertSame(Types.UNTYPED_NIL, c.expr("nil").type());
  }

  @Test void closuresRecordCapturesInFirstUseOrder() {
    Check c = Check.of("package main\n\nfunc main() {\n\ta, b, unused := 1, 2, 3\n\t_ = unused\n"
        + "\tf := func() int {\n\t\tg := func() int { return b + a }\n\t\treturn g() + a\n\t}\n\t_ = f\n}\n");
    c.ok();
    List<Expr.FuncLit> lits = c.info.captures.keySet().stream().sorted((x, y) -> x.pos().compareTo(y.pos())).toList();
    assertEquals(2, lits.size());
    assertEquals("b a", names(c.info.captures.get(lits.get(1))));
    assertEquals("b a", names(c.info.captures.get(lits.get(0))));
    assertTrue(((Symbol.Var) c.def("a")).captured);
    assertFalse(((Symbol.Var) c.def("unused")).captured);
    Symbol.Var g = (Symbol.Var) c.def("g");
    assertSame(lits.get(0), g.owner);
  }

  private static String names(List<Symbol.Var> vs) {
    return vs.stream().map(v -> v.name).collect(Collectors.joining(" "));
  }

  @Test void initializationOrderFollowsDependencies() {
    Check c = Check.of("package main\n\nvar a = b + f()\nvar b = 1\nvar c = 2\n\nfunc f() int { return c }\n\nfunc main() {}\n");
    c.ok();
    String order = c.info.initOrder.stream()
        .map(d -> ((Decl.ValueSpec) ((Decl.Gen) d).specs().get(0)).names().get(0).name())
        .collect(Collectors.joining(" "));
    assertEquals("b c a", order);
  }

  @Test void initFunctionsAreRecordedButNotInScope() {
    Check c = Check.of("package main\n\nfunc init() {}\n\nfunc init() {}\n\nfunc main() {}\n");
    c.ok();
    long inits = c.info.defs.entrySet().stream()
        .filter(e -> e.getKey().name().equals("init") && e.getValue() instanceof Symbol.Func f && f.decl != null && f.sig() != null).count();
    assertEquals(2, inits);
    Check bad = Check.of("package main\n\nfunc init() {}\n\nfunc main() { init() }\n");
    assertEquals(List.of("5:15: undefined: init"), bad.errors());
  }

  @Test void methodsAreAttachedToNamedTypesAndSelectionsRecorded() {
    Check c = Check.of("package main\n\ntype In struct{ v int }\n\nfunc (i *In) Set(v int) { i.v = v }\n\n"
        + "type Out struct {\n\tIn\n\tname string\n}\n\nfunc main() {\n\tvar o Out\n\to.Set(1)\n\t_ = o.v\n}\n");
    c.ok();
    Type.Named in = (Type.Named) ((Symbol.TypeName) c.def("In")).type;
    assertEquals(1, in.methods.size());
    assertEquals("Set", in.methods.get(0).name);
    Selection field = c.info.selections.entrySet().stream().filter(e -> e.getKey().sel().name().equals("v")
        && e.getKey().x() instanceof Expr.Ident id && id.name().equals("o")).findFirst().orElseThrow().getValue();
    assertEquals(List.of(0, 0), field.path());
    assertSame(Selection.Kind.FIELD, field.kind());
    Selection m = c.info.selections.entrySet().stream().filter(e -> e.getKey().sel().name().equals("Set"))
        .findFirst().orElseThrow().getValue();
    assertSame(Selection.Kind.METHOD_VALUE, m.kind());
    assertEquals(List.of(0), m.path());
    assertTrue(((Symbol.Var) c.def("o")).addressTaken);
  }

  @Test void typeSwitchClausesGetImplicitVariables() {
    Check c = Check.body("", "var i interface{} = 1\nswitch v := i.(type) {\ncase int:\n_ = v + 1\ncase string, bool:\n_ = v\n}");
    c.ok();
    List<Symbol.Var> vars = c.info.implicits.values().stream().sorted((a, b) -> 0).toList();
    assertEquals(2, vars.size());
    assertTrue(vars.stream().anyMatch(v -> v.type == Types.INT));
    assertTrue(vars.stream().anyMatch(v -> v.type.underlying() instanceof Type.Interface));
  }

  @Test void stdlibMembersResolve() {
    Check c = Check.body("import (\n\t\"fmt\"\n\t\"strings\"\n\t\"time\"\n)",
        "var sb strings.Builder\nsb.WriteString(\"x\")\nd := 2 * time.Millisecond\nfmt.Println(sb.String(), d)");
    c.ok();
    assertEquals("time.Duration", c.def("d").type.toString());
    Symbol.Func println = (Symbol.Func) c.info.uses.entrySet().stream().filter(e -> e.getKey().name().equals("Println"))
        .findFirst().orElseThrow().getValue();
    assertEquals("fmt", println.pkg);
    assertEquals("func(a ...any) (n int, err error)", println.type.toString());
    assertNotNull(Stdlib.member("sync", "WaitGroup"));
    assertEquals(3, ((Type.Named) Stdlib.member("sync", "WaitGroup").type).methods.size());
  }

  @Test void typesPrintAsGoPrintsThem() {
    Check c = Check.of("package main\n\ntype T struct{ a int; b []string }\n\n"
        + "var f func(a, b int, c ...string) (x int, err error)\nvar g func(int) error\nvar m map[string][]*T\n"
        + "var ch chan (<-chan int)\nvar i interface{ M(); N(x int) string }\nvar e interface{}\nvar a any\n\nfunc main() {}\n");
    c.ok();
    assertEquals("func(a int, b int, c ...string) (x int, err error)", c.def("f").type.toString());
    assertEquals("func(int) error", c.def("g").type.toString());
    assertEquals("map[string][]*T", c.def("m").type.toString());
    assertEquals("chan (<-chan int)", c.def("ch").type.toString());
    assertEquals("interface{M(); N(x int) string}", c.def("i").type.toString());
    assertEquals("interface{}", c.def("e").type.toString());
    assertEquals("any", c.def("a").type.toString());
    assertEquals("struct{a int; b []string}", ((Type.Named) c.def("T").type).underlying().toString());
  }

  @Test void dumpListsDeclarationsAndExpressions() {
    Check c = Check.body("", "x := 1 + 2\n_ = x");
    String dump = TypesDump.dump(c.file, c.info);
    assertTrue(dump.contains("local var x int"), dump);
    assertTrue(dump.contains("1 + 2 : constant int = 3"), dump);
  }
}
