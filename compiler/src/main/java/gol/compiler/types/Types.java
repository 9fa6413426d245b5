package gol.compiler.types;

import gol.compiler.types.Type.Basic;
import gol.compiler.types.Type.Kind;
import java.util.List;

/**
 * The predeclared types and type relations (identity). The checker owns assignability and
 * conversion rules; this class holds only what several phases share.
 */
public final class Types {
  private Types() {}

  public static final Basic INVALID = new Basic(Kind.INVALID, "invalid type");
  public static final Basic BOOL = new Basic(Kind.BOOL, "bool");
  public static final Basic INT = new Basic(Kind.INT, "int");
  public static final Basic INT8 = new Basic(Kind.INT8, "int8");
  public static final Basic INT16 = new Basic(Kind.INT16, "int16");
  public static final Basic INT32 = new Basic(Kind.INT32, "int32");
  public static final Basic INT64 = new Basic(Kind.INT64, "int64");
  public static final Basic UINT = new Basic(Kind.UINT, "uint");
  public static final Basic UINT8 = new Basic(Kind.UINT8, "uint8");
  public static final Basic UINT16 = new Basic(Kind.UINT16, "uint16");
  public static final Basic UINT32 = new Basic(Kind.UINT32, "uint32");
  public static final Basic UINT64 = new Basic(Kind.UINT64, "uint64");
  public static final Basic UINTPTR = new Basic(Kind.UINTPTR, "uintptr");
  public static final Basic FLOAT32 = new Basic(Kind.FLOAT32, "float32");
  public static final Basic FLOAT64 = new Basic(Kind.FLOAT64, "float64");
  public static final Basic COMPLEX64 = new Basic(Kind.COMPLEX64, "complex64");
  public static final Basic COMPLEX128 = new Basic(Kind.COMPLEX128, "complex128");
  public static final Basic STRING = new Basic(Kind.STRING, "string");
  /** byte and rune are aliases: the same kinds, printed with their alias names where Go does. */
  public static final Basic BYTE = new Basic(Kind.UINT8, "byte");
  public static final Basic RUNE = new Basic(Kind.INT32, "rune");

  public static final Basic UNTYPED_BOOL = new Basic(Kind.UNTYPED_BOOL, "untyped bool");
  public static final Basic UNTYPED_INT = new Basic(Kind.UNTYPED_INT, "untyped int");
  public static final Basic UNTYPED_RUNE = new Basic(Kind.UNTYPED_RUNE, "untyped rune");
  public static final Basic UNTYPED_FLOAT = new Basic(Kind.UNTYPED_FLOAT, "untyped float");
  public static final Basic UNTYPED_COMPLEX = new Basic(Kind.UNTYPED_COMPLEX, "untyped complex");
  public static final Basic UNTYPED_STRING = new Basic(Kind.UNTYPED_STRING, "untyped string");
  public static final Basic UNTYPED_NIL = new Basic(Kind.UNTYPED_NIL, "untyped nil");

  /** {@code interface{}}. */
  public static final Type.Interface EMPTY_INTERFACE = new Type.Interface(List.of());

  /**
   * The predeclared {@code any}: identical to {@link #EMPTY_INTERFACE} (compare with
   * {@link #identical}, never with ==) but printed "any", as Go prints it.
   */
  public static final Type.Interface ANY = new Type.Interface(List.of());

  /** The predeclared {@code error} interface: {@code interface{ Error() string }}. */
  public static final Type.Named ERROR;
  static {
    Type.Named err = new Type.Named(null, "error", null);
    Symbol.Func m = new Symbol.Func("Error", gol.compiler.ast.Pos.NONE,
        new Type.Signature(null, List.of(),
            List.of(new Symbol.Var("", gol.compiler.ast.Pos.NONE, STRING, Symbol.Var.Kind.RESULT, null, false)), false),
        null, null);
    err.setUnderlying(new Type.Interface(List.of(m)));
    ERROR = err;
  }

  /** The Kind of t's underlying type if it is basic, else null. */
  public static Kind kindOf(Type t) {
    return t != null && t.underlying() instanceof Basic b ? b.kind : null;
  }

  public static boolean isUntyped(Type t) {
    return t instanceof Basic b && b.kind.isUntyped();
  }

  /** Go's type identity (spec "Type identity"). Named types are identical only to themselves. */
  public static boolean identical(Type x, Type y) {
    if (x == y) return true;
    if (x == null || y == null) return false;
    if (x instanceof Basic a && y instanceof Basic b) return a.kind == b.kind;
    if (x instanceof Type.Named || y instanceof Type.Named) return false;
    if (x instanceof Type.Slice a && y instanceof Type.Slice b) return identical(a.elem, b.elem);
    if (x instanceof Type.Array a && y instanceof Type.Array b) return a.len == b.len && identical(a.elem, b.elem);
    if (x instanceof Type.Map a && y instanceof Type.Map b) return identical(a.key, b.key) && identical(a.elem, b.elem);
    if (x instanceof Type.Chan a && y instanceof Type.Chan b) return a.dir == b.dir && identical(a.elem, b.elem);
    if (x instanceof Type.Pointer a && y instanceof Type.Pointer b) return identical(a.elem, b.elem);
    if (x instanceof Type.Tuple a && y instanceof Type.Tuple b) return identicalLists(a.types, b.types);
    if (x instanceof Type.Signature a && y instanceof Type.Signature b) {
      if (a.variadic != b.variadic || a.params.size() != b.params.size() || a.results.size() != b.results.size()) return false;
      for (int i = 0; i < a.params.size(); i++) if (!identical(a.params.get(i).type, b.params.get(i).type)) return false;
      for (int i = 0; i < a.results.size(); i++) if (!identical(a.results.get(i).type, b.results.get(i).type)) return false;
      return true;
    }
    if (x instanceof Type.Struct a && y instanceof Type.Struct b) {
      if (a.fields.size() != b.fields.size()) return false;
      for (int i = 0; i < a.fields.size(); i++) {
        Symbol.Var f = a.fields.get(i), g = b.fields.get(i);
        if (!f.name.equals(g.name) || f.embedded != g.embedded || !identical(f.type, g.type)) return false;
      }
      return true;
    }
    if (x instanceof Type.Interface a && y instanceof Type.Interface b) {
      if (a.methods.size() != b.methods.size()) return false;
      for (int i = 0; i < a.methods.size(); i++) {
        if (!a.methods.get(i).name.equals(b.methods.get(i).name)) return false;
        if (!identical(a.methods.get(i).type, b.methods.get(i).type)) return false;
      }
      return true;
    }
    return false;
  }

  private static boolean identicalLists(List<Type> a, List<Type> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) if (!identical(a.get(i), b.get(i))) return false;
    return true;
  }

  /** {@code (int, string) (int, error)} or {@code (a int, b string) (n int)} as Go prints a signature after "func". */
  public static String signatureString(Type.Signature s) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < s.params.size(); i++) {
      if (i > 0) sb.append(", ");
      Symbol.Var p = s.params.get(i);
      if (!p.name.isEmpty()) sb.append(p.name).append(' ');
      if (s.variadic && i == s.params.size() - 1) sb.append("...").append(((Type.Slice) p.type).elem);
      else sb.append(p.type);
    }
    sb.append(')');
    if (s.results.size() == 1 && s.results.get(0).name.isEmpty()) sb.append(' ').append(s.results.get(0).type);
    else if (!s.results.isEmpty()) {
      sb.append(" (");
      for (int i = 0; i < s.results.size(); i++) {
        if (i > 0) sb.append(", ");
        Symbol.Var r = s.results.get(i);
        if (!r.name.isEmpty()) sb.append(r.name).append(' ');
        sb.append(r.type);
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
