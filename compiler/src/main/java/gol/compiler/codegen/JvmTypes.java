package gol.compiler.codegen;

import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import gol.compiler.types.Types;
import java.util.List;

/**
 * How Go types are represented on the JVM (the value conventions documented in gol.runtime's
 * Box, Slice and Tuple): the kind, the descriptor and the class of each type, and the descriptor of
 * each function signature under the calling convention {@code static R f(G g, params...)}.
 */
final class JvmTypes {
  private JvmTypes() {}

  static final String G = "gol/runtime/G";
  static final String G_DESC = "Lgol/runtime/G;";
  static final String TUPLE = "gol/runtime/Tuple";
  static final String SLICE = "gol/runtime/Slice";
  static final String CHAN = "gol/runtime/Chan";
  static final String MAP = "gol/runtime/GoMap";
  static final String STRING = "java/lang/String";
  static final String OBJECT = "java/lang/Object";
  /** complex64 and complex128 values: immutable {@code gol.runtime.Complex} objects. */
  static final String COMPLEX = "gol/runtime/Complex";

  static JKind kind(Type t) {
    if (t == null) return JKind.V;
    Type u = t.underlying();
    if (u instanceof Type.Basic b) {
      Type.Kind k = b.kind;
      if (k.isBoolean()) return JKind.Z;
      if (k.isInteger()) return JKind.J;
      if (k.isFloat()) return JKind.D;
      return JKind.A;
    }
    if (u instanceof Type.Tuple tu && tu.types.isEmpty()) return JKind.V;
    return JKind.A;
  }

  /** Internal class name of a reference-kind type. */
  static String className(Type t) {
    Type u = t.underlying();
    if (u instanceof Type.Basic b) {
      return b.kind.isString() ? STRING : b.kind.isComplex() ? COMPLEX : OBJECT;
    }
    if (u instanceof Type.Slice) return SLICE;
    if (u instanceof Type.Chan) return CHAN;
    if (u instanceof Type.Tuple) return TUPLE;
    if (u instanceof Type.Map) return MAP;
    if (u instanceof Type.Array a) return arrayDesc(a.elem);   // [N]T: a Java array (its descriptor is its name)
    String lib = libClass(t);
    if (lib != null) return lib;
    String user = structClass(t);
    if (user != null) return user;
    if (t.underlying() instanceof Type.Pointer p) return kind(p.elem).cellClass();   // *int etc.: the variable's cell
    return OBJECT;
  }

  /**
   * The generated class of a user struct type (or of the struct a pointer type points to), or null.
   * Struct classes are named by the program being compiled (see {@link StructGen}).
   */
  static String structClass(Type t) {
    if (t instanceof Type.Pointer p) t = p.elem;
    if (!(t.underlying() instanceof Type.Struct)) return null;
    if (t instanceof Type.Named n && n.pkg != null && !n.pkg.equals("main")) return null;
    StructGen sg = STRUCTS.get();
    return sg == null ? OBJECT : sg.classOf(t);
  }

  /** Is t a struct type (not a pointer to one)? */
  static boolean isStruct(Type t) {
    return t != null && !(t instanceof Type.Pointer) && t.underlying() instanceof Type.Struct && libClass(t) == null;
  }

  /** The struct classes of the program being compiled on this thread. */
  static final ThreadLocal<StructGen> STRUCTS = new ThreadLocal<>();

  /**
   * The runtime class of a standard-library named struct type (or a pointer to one), e.g.
   * {@code sync.WaitGroup} → {@code gol/runtime/lib/sync$WaitGroup}; null for other types.
   */
  static String libClass(Type t) {
    if (t instanceof Type.Pointer p) t = p.elem;
    if (t instanceof Type.Named n && n.pkg != null && !n.pkg.equals("main") && n.underlying() instanceof Type.Struct) {
      return "gol/runtime/lib/" + libPackageClass(n.pkg) + "$" + n.name;
    }
    return null;
  }

  /** Java class (simple name) implementing a Go package: "fmt" → "fmt", "math/rand" or "rand" → "math_rand". */
  static String libPackageClass(String pkgPathOrName) {
    switch (pkgPathOrName) {
      case "rand": case "math/rand": return "math_rand";
      case "utf8": case "unicode/utf8": return "unicode_utf8";
      case "atomic": case "sync/atomic": return "sync_atomic";
      case "debug": case "runtime/debug": return "runtime_debug";
      default: return pkgPathOrName.replace('/', '_');
    }
  }

  static String desc(Type t) {
    JKind k = kind(t);
    if (k != JKind.A) return k.desc;
    String c = className(t);
    return c.startsWith("[") ? c : "L" + c + ";";
  }

  static boolean isArray(Type t) { return t != null && t.underlying() instanceof Type.Array; }

  /** Descriptor of the results: V, the single result's descriptor, or Tuple. */
  static String resultDesc(List<Symbol.Var> results) {
    if (results.isEmpty()) return "V";
    if (results.size() == 1) return desc(results.get(0).type);
    return "L" + TUPLE + ";";
  }

  static JKind resultKind(List<Symbol.Var> results) {
    if (results.isEmpty()) return JKind.V;
    if (results.size() == 1) return kind(results.get(0).type);
    return JKind.A;
  }

  /** {@code (Lgol/runtime/G; [recv] params...)R}. */
  static String methodDesc(Type.Signature sig) {
    StringBuilder sb = new StringBuilder("(").append(G_DESC);
    for (Symbol.Var p : sig.params) sb.append(desc(p.type));
    return sb.append(')').append(resultDesc(sig.results)).toString();
  }

  /**
   * The erased shape of a signature used for function values: primitive kinds as they are, all
   * references as Object; e.g. {@code func(int, string) bool} is "JA_Z". One generated interface per
   * shape (see {@link ProgramGen#fnInterface}).
   */
  static String shape(Type.Signature sig) {
    StringBuilder sb = new StringBuilder();
    for (Symbol.Var p : sig.params) sb.append(kind(p.type).name().charAt(0));
    sb.append('_');
    if (sig.results.isEmpty()) sb.append('V');
    else if (sig.results.size() > 1) sb.append('T');
    else sb.append(kind(sig.results.get(0).type).name().charAt(0));
    return sb.toString();
  }

  /** Descriptor of the erased invoke method for a shape. */
  static String shapeDesc(String shape) {
    StringBuilder sb = new StringBuilder("(").append(G_DESC);
    int us = shape.indexOf('_');
    for (int i = 0; i < us; i++) sb.append(kindDesc(shape.charAt(i)));
    sb.append(')');
    char r = shape.charAt(us + 1);
    sb.append(r == 'V' ? "V" : r == 'T' ? "L" + TUPLE + ";" : kindDesc(r));
    return sb.toString();
  }

  private static String kindDesc(char c) {
    switch (c) {
      case 'J': return "J";
      case 'D': return "D";
      case 'Z': return "Z";
      default: return "Ljava/lang/Object;";
    }
  }

  /** For the array backing a slice of elem: the JVM array descriptor. */
  static String arrayDesc(Type elem) {
    Type u = elem.underlying();
    if (u instanceof Type.Basic b) {
      Type.Kind k = b.kind;
      if (k.isBoolean()) return "[Z";
      if (k.isFloat()) return "[D";
      if (k.isInteger()) {
        int bits = k.bits();
        if (k == Type.Kind.UNTYPED_INT) bits = 64;
        if (k == Type.Kind.UNTYPED_RUNE) bits = 32;
        return bits == 8 ? "[B" : bits == 16 || bits == 32 ? "[I" : "[J";
      }
    }
    return "[Ljava/lang/Object;";
  }

  static boolean isString(Type t) { return t != null && Types.kindOf(t) != null && Types.kindOf(t).isString(); }

  static boolean isComplex(Type t) { return t != null && Types.kindOf(t) != null && Types.kindOf(t).isComplex(); }

  /** complex64: parts rounded to float32 after each operation. */
  static boolean isComplex64(Type t) { return Types.kindOf(t) == Type.Kind.COMPLEX64; }

  static boolean isInterface(Type t) { return t != null && t.underlying() instanceof Type.Interface; }
}
