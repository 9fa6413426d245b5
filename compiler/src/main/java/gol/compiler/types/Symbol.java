package gol.compiler.types;

import gol.compiler.ast.Node;
import gol.compiler.ast.Pos;
import gol.compiler.types.Type.Signature;

/**
 * What a name denotes (go/types calls these Objects). The checker creates one Symbol per declaration
 * and records, for every identifier, the Symbol it defines or uses ({@link TypeInfo#defs},
 * {@link TypeInfo#uses}). Code generation attaches its own facts (JVM slots, fields) in its own maps.
 */
public abstract sealed class Symbol
    permits Symbol.Var, Symbol.Const, Symbol.TypeName, Symbol.Func, Symbol.PkgName, Symbol.Builtin, Symbol.Nil {

  public final String name;
  public final Pos pos;
  public Type type;

  protected Symbol(String name, Pos pos, Type type) { this.name = name; this.pos = pos; this.type = type; }

  @Override public String toString() { return getClass().getSimpleName() + "(" + name + ")"; }

  /** A variable: package-level, local, parameter, result, or struct field. */
  public static final class Var extends Symbol {
    public enum Kind { GLOBAL, LOCAL, PARAM, RESULT, RECEIVER, FIELD }
    public final Kind kind;
    /**
     * The function that declares it: a {@link gol.compiler.ast.Decl.Func} or an
     * {@link gol.compiler.ast.Expr.FuncLit}; null for globals and fields.
     */
    public final Node owner;
    /** Set by the checker when a function literal other than {@link #owner} refers to the variable. */
    public boolean captured;
    /** Set by the checker when {@code &v} is taken (or a method with a pointer receiver is called on v). */
    public boolean addressTaken;
    /** Set by the checker when the variable is read or assigned through a use (drives "declared but not used"). */
    public boolean used;
    /** For fields: true for an embedded field. */
    public final boolean embedded;

    public Var(String name, Pos pos, Type type, Kind kind, Node owner, boolean embedded) {
      super(name, pos, type);
      this.kind = kind; this.owner = owner; this.embedded = embedded;
    }
  }

  /** A named constant; {@code value} is its exact value, {@code type} possibly untyped. */
  public static final class Const extends Symbol {
    public final Constant value;
    public Const(String name, Pos pos, Type type, Constant value) { super(name, pos, type); this.value = value; }
  }

  /** A type name: predeclared ({@code int}), defined ({@code type T ...}) or alias. */
  public static final class TypeName extends Symbol {
    public TypeName(String name, Pos pos, Type type) { super(name, pos, type); }
  }

  /**
   * A function or method. {@code decl} is its declaration for user code; for standard-library
   * functions decl is null and {@code pkg} names the package ("fmt"); the runtime binding is
   * derived by code generation from pkg, name and signature (see gol.runtime.lib's contract).
   */
  public static final class Func extends Symbol {
    public final String pkg;
    public final gol.compiler.ast.Decl.Func decl;
    public Func(String name, Pos pos, Type.Signature sig, String pkg, gol.compiler.ast.Decl.Func decl) {
      super(name, pos, sig); this.pkg = pkg; this.decl = decl;
    }
    public Type.Signature sig() { return (Type.Signature) type; }
  }

  /** An imported package name ({@code fmt}); {@code path} is the import path ("math/rand"). */
  public static final class PkgName extends Symbol {
    public final String path;
    public boolean used;
    public PkgName(String name, Pos pos, String path) { super(name, pos, null); this.path = path; }
  }

  /** A built-in function: append cap close complex copy delete imag len make new panic print println real recover. */
  public static final class Builtin extends Symbol {
    public Builtin(String name) { super(name, Pos.NONE, null); }
  }

  /** The predeclared {@code nil}. */
  public static final class Nil extends Symbol {
    public Nil() { super("nil", Pos.NONE, Types.UNTYPED_NIL); }
  }
}
