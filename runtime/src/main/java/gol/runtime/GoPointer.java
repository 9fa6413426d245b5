package gol.runtime;

/**
 * A Go pointer held in an interface, as fmt sees it: at top level a pointer to a struct, array,
 * slice or map prints as {@code &} followed by the value ({@code &{1 2}}); other pointers print as an
 * address, and a nil one (a typed nil: {@link #goLoad} returns null) as {@code <nil>}. {@link #goType()} is the pointer type ({@link RType#pointer}). Known to the compiler.
 */
public interface GoPointer extends Box.Typed {
  /** The pointed-to value, boxed as an interface holds a value of the element type. */
  Object goLoad();
}
