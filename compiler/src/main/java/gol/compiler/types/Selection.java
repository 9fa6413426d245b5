package gol.compiler.types;

import java.util.List;

/**
 * What a selector {@code x.f} denotes when x is a value or a type (not a package): a struct field, a
 * method value, or a method expression {@code T.m}. Recorded by the checker in
 * {@link TypeInfo#selections} for code generation.
 *
 * @param kind      field, method value, or method expression
 * @param obj       the field (Symbol.Var) or method (Symbol.Func)
 * @param path      indices of the embedded fields walked to reach obj (empty when obj is a direct
 *                  field or method of x's type); for a field, the last index is obj's own index
 * @param indirect  true if a pointer was dereferenced on the way (x itself or an embedded pointer)
 */
public record Selection(Kind kind, Symbol obj, List<Integer> path, boolean indirect) {
  public enum Kind { FIELD, METHOD_VALUE, METHOD_EXPR }
}
