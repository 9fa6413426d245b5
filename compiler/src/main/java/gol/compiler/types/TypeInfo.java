package gol.compiler.types;

import gol.compiler.ast.Decl;
import gol.compiler.ast.Expr;
import gol.compiler.ast.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the checker learned, for code generation: the checker's only output. All maps are keyed
 * by node identity.
 *
 * <p>Guarantees when the checker reported no errors:
 * <ul>
 *   <li>{@link #types} has an entry for every expression node that is evaluated (not for type
 *       expressions used only as types, but yes for the {@code fun} of a conversion, mapped to
 *       {@link Mode#TYPE}). Constant expressions carry their value, and their type is the type they
 *       were converted to by context: in {@code var x float64 = 1}, the literal {@code 1} is recorded
 *       as float64 with value 1 (untyped types remain only where Go leaves them untyped, e.g. the
 *       operand of a shift count or an untyped bool of a comparison used as a condition).</li>
 *   <li>{@link #defs} maps every defining identifier to its Symbol (null for {@code _} and for the
 *       package name); {@link #uses} maps every other identifier that denotes something.</li>
 *   <li>{@link #implicits} maps a type-switch case clause to the variable it declares.</li>
 *   <li>{@link #captures} lists, for every function literal, the local variables of enclosing functions
 *       it refers to (in first-use order); those variables have {@code captured} set.</li>
 * </ul>
 */
public final class TypeInfo {

  /** How an expression may be used. */
  public enum Mode {
    /** a computed value (not addressable) */ VALUE,
    /** an addressable variable (or map index, which is assignable but not addressable) */ VARIABLE,
    /** a constant; {@link TypeAndValue#value} is set */ CONSTANT,
    /** a type (in a conversion {@code T(x)} or as an argument of make/new) */ TYPE,
    /** a built-in function name */ BUILTIN,
    /** a call of a function without results */ NOVALUE,
    /**
     * a map index, channel receive or type assertion used in a comma-ok assignment
     * ({@code v, ok := m[k]}); its type is then the tuple {@code (T, bool)}. Used elsewhere, such
     * an expression is recorded as VARIABLE (map index) or VALUE with type T.
     */ COMMAOK
  }

  public record TypeAndValue(Mode mode, Type type, Constant value) {}

  public final Map<Expr, TypeAndValue> types = new IdentityHashMap<>();
  public final Map<Expr.Ident, Symbol> defs = new IdentityHashMap<>();
  public final Map<Expr.Ident, Symbol> uses = new IdentityHashMap<>();
  public final Map<Node, Symbol.Var> implicits = new IdentityHashMap<>();
  public final Map<Expr.FuncLit, List<Symbol.Var>> captures = new IdentityHashMap<>();
  /**
   * For each selector {@code x.f} that selects a field or method (not a package member): what it
   * selects and the embedded-field path to it. Added by the checker for code generation.
   */
  public final Map<Expr.Selector, Selection> selections = new IdentityHashMap<>();
  /**
   * Package-level declarations in initialization order (Go's dependency order for vars): one
   * {@code Decl.Gen} of kind VAR per var spec of the source, holding that spec object itself.
   */
  public final List<Decl> initOrder = new ArrayList<>();

  public Type typeOf(Expr e) {
    TypeAndValue tv = types.get(e);
    return tv == null ? null : tv.type();
  }

  public Constant constOf(Expr e) {
    TypeAndValue tv = types.get(e);
    return tv == null ? null : tv.value();
  }

  public Mode modeOf(Expr e) {
    TypeAndValue tv = types.get(e);
    return tv == null ? null : tv.mode();
  }

  /** The symbol an identifier defines or uses, or null. */
  public Symbol symbolOf(Expr.Ident id) {
    Symbol s = uses.get(id);
    return s != null ? s : defs.get(id);
  }
}
