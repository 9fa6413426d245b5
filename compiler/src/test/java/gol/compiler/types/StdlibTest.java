package gol.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The standard-library table: Go's exact signatures, types with methods, constants. */
class StdlibTest {

  private static String sig(String path, String name) { return Stdlib.member(path, name).type.toString(); }

  @Test void signaturesAreGos() {
    assertEquals("func(format string, a ...any) (n int, err error)", sig("fmt", "Printf"));
    assertEquals("func(w io.Writer, format string, a ...any) (n int, err error)", sig("fmt", "Fprintf"));
    assertEquals("func(format string, a ...any) error", sig("fmt", "Errorf"));
    assertEquals("func(s string) (int, error)", sig("strconv", "Atoi"));
    assertEquals("func(s string, base int, bitSize int) (i int64, err error)", sig("strconv", "ParseInt"));
    assertEquals("func(f float64, fmt byte, prec int, bitSize int) string", sig("strconv", "FormatFloat"));
    assertEquals("func(s string, sep string) []string", sig("strings", "Split"));
    assertEquals("func(d time.Duration)", sig("time", "Sleep"));
    assertEquals("func(d time.Duration) <-chan time.Time", sig("time", "After"));
    assertEquals("func(x any, less func(i int, j int) bool)", sig("sort", "Slice"));
    assertEquals("func(code int)", sig("os", "Exit"));
    assertEquals("func(f float64) (is bool)", sig("math", "IsNaN"));
  }

  @Test void variablesAndTypes() {
    assertEquals("[]string", Stdlib.member("os", "Args").type.toString());
    assertEquals("*os.File", Stdlib.member("os", "Stdout").type.toString());
    Type.Named file = (Type.Named) Stdlib.member("os", "File").type;
    assertEquals("os", file.pkg);
    assertEquals("os.File", file.qualifiedName());
    Type.Named writer = (Type.Named) Stdlib.member("io", "Writer").type;
    assertInstanceOf(Type.Interface.class, writer.underlying());
    // *os.File and *strings.Builder satisfy io.Writer; a strings.Builder value does not
    Check c = Check.body("import (\n\t\"fmt\"\n\t\"io\"\n\t\"os\"\n\t\"strings\"\n)",
        "var w io.Writer = os.Stdout\nvar sb strings.Builder\nw = &sb\nfmt.Fprintln(w, 1)");
    c.ok();
    Check bad = Check.body("import (\n\t\"io\"\n\t\"strings\"\n)", "var sb strings.Builder\nvar w io.Writer = sb\n_ = w");
    assertEquals("9:19: cannot use sb (variable of type strings.Builder) as type io.Writer in variable declaration:\n"
        + "\tstrings.Builder does not implement io.Writer (Write method has pointer receiver)", bad.errors().get(0));
  }

  @Test void methodsHaveReceivers() {
    Type.Named wg = (Type.Named) Stdlib.member("sync", "WaitGroup").type;
    Symbol.Func add = wg.methods.stream().filter(m -> m.name.equals("Add")).findFirst().orElseThrow();
    assertEquals("sync", add.pkg);
    assertNull(add.decl);
    assertInstanceOf(Type.Pointer.class, add.sig().recv.type);
    Type.Named d = (Type.Named) Stdlib.member("time", "Duration").type;
    assertSame(Types.INT64, d.underlying());
    assertTrue(d.methods.stream().anyMatch(m -> m.name.equals("Seconds") && !(m.sig().recv.type instanceof Type.Pointer)));
  }

  @Test void constants() {
    Symbol.Const second = (Symbol.Const) Stdlib.member("time", "Second");
    assertEquals("time.Duration", second.type.toString());
    assertEquals("1000000000", second.value.toString());
    Symbol.Const maxInt64 = (Symbol.Const) Stdlib.member("math", "MaxInt64");
    assertSame(Types.UNTYPED_INT, maxInt64.type);
    assertEquals(Long.toString(Long.MAX_VALUE), maxInt64.value.toString());
    Symbol.Const maxF = (Symbol.Const) Stdlib.member("math", "MaxFloat64");
    assertEquals(Double.MAX_VALUE, Constants.toDouble(maxF.value));
    Symbol.Const smallest = (Symbol.Const) Stdlib.member("math", "SmallestNonzeroFloat64");
    assertEquals(Double.MIN_VALUE, Constants.toDouble(smallest.value));
    assertEquals(Math.PI, Constants.toDouble(((Symbol.Const) Stdlib.member("math", "Pi")).value));
  }

  @Test void packagesByImportPath() {
    assertNotNull(Stdlib.get("math/rand"));
    assertEquals("rand", Stdlib.get("math/rand").name());
    assertEquals("utf8", Stdlib.get("unicode/utf8").name());
    assertNull(Stdlib.get("net/http"));
    assertNull(Stdlib.member("fmt", "Foo"));
    assertTrue(Stdlib.all().size() >= 14);
  }
}
