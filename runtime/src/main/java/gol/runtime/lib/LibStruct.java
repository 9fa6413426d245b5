package gol.runtime.lib;

import gol.runtime.GoStruct;
import gol.runtime.RType;

/**
 * A read-only struct value made from field values, for library types whose Go representation is a
 * struct fmt can print field by field (e.g. the errors.errorString behind errors.New's pointer).
 */
final class LibStruct implements GoStruct {
  private final RType type;
  private final Object[] fields;

  private LibStruct(RType type, Object[] fields) { this.type = type; this.fields = fields; }

  static LibStruct of(RType type, Object... boxedFields) { return new LibStruct(type, boxedFields); }

  @Override public Object goField(int i) { return fields[i]; }
  @Override public RType goType() { return type; }
}
