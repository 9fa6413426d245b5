package gol.compiler.types;

import gol.compiler.ast.Pos;
import java.util.List;

/**
 * The universe scope: Go's predeclared identifiers. Types (bool, the sized numbers, string, byte and
 * rune, error, any), constants (true, false, iota), nil, and the built-in functions. Built-ins are
 * {@link Symbol.Builtin}s; their calls are checked by {@link Builtins}.
 */
final class Universe {
  private Universe() {}

  /** Names of the built-in functions. */
  static final List<String> BUILTINS = List.of(
      "append", "cap", "close", "complex", "copy", "delete", "imag", "len", "make", "new", "panic",
      "print", "println", "real", "recover");

  /** The iota constant; its value is supplied by the checker per const spec. */
  static final Symbol.Const IOTA = new Symbol.Const("iota", Pos.NONE, Types.UNTYPED_INT, Constants.of(0));

  static final Scope SCOPE = build();

  private static Scope build() {
    Scope s = new Scope(null, null);
    for (Type.Basic t : List.of(Types.BOOL, Types.INT, Types.INT8, Types.INT16, Types.INT32, Types.INT64,
        Types.UINT, Types.UINT8, Types.UINT16, Types.UINT32, Types.UINT64, Types.UINTPTR, Types.FLOAT32,
        Types.FLOAT64, Types.COMPLEX64, Types.COMPLEX128, Types.STRING, Types.BYTE, Types.RUNE)) {
      s.insert(new Symbol.TypeName(t.name, Pos.NONE, t));
    }
    s.insert(new Symbol.TypeName("error", Pos.NONE, Types.ERROR));
    s.insert(new Symbol.TypeName("any", Pos.NONE, Types.ANY));
    s.insert(new Symbol.Const("true", Pos.NONE, Types.UNTYPED_BOOL, new Constant.Bool(true)));
    s.insert(new Symbol.Const("false", Pos.NONE, Types.UNTYPED_BOOL, new Constant.Bool(false)));
    s.insert(IOTA);
    s.insert(new Symbol.Nil());
    for (String b : BUILTINS) s.insert(new Symbol.Builtin(b));
    return s;
  }
}
