package gol.runtime;

/**
 * A Go struct value held as a Java object, as fmt sees it: {@code %v} prints {@code {1 2}},
 * {@code %+v} {@code {X:1 Y:2}}, {@code %#v} {@code main.P{X:1, Y:2}}. The field names and types come
 * from {@link #goType()} ({@link RType#struct}); the values from {@link #goField}. Known to the
 * compiler: generated struct classes implement it. (fmt falls back to reading public Java fields
 * named like the Go fields by reflection for struct objects that do not implement it.)
 */
public interface GoStruct extends Box.Typed {
  /** Field i, in declaration order, boxed as an interface holds a value of the field's type (see {@link Box}). */
  Object goField(int i);

  /** A copy with Go's value semantics (generated classes return their copy()). */
  default Object goCopy() { return this; }
}
