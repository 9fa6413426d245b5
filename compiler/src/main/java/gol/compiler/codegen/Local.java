package gol.compiler.codegen;

/**
 * A JVM local slot holding a Go variable or a compiler temporary. A variable captured by a closure
 * lives in a {@link gol.runtime.Cell} and its slot holds the cell.
 */
final class Local {
  final String name;
  final int slot;
  /** Kind of the Go value. */
  final JKind kind;
  /** Class of the Go value when kind is A (for checkcast after restore). */
  final String refClass;
  /** True if the slot holds a Cell containing the value. */
  final boolean cell;

  Local(String name, int slot, JKind kind, String refClass, boolean cell) {
    this.name = name; this.slot = slot; this.kind = kind; this.refClass = refClass; this.cell = cell;
  }

  /** Kind of what the slot holds. */
  JKind slotKind() { return cell ? JKind.A : kind; }

  /** Class of what the slot holds when it is a reference. */
  String slotClass() { return cell ? kind.cellClass() : refClass; }

  String slotDesc() {
    JKind k = slotKind();
    if (k != JKind.A) return k.desc;
    String c = slotClass();
    return c.startsWith("[") ? c : "L" + c + ";";   // array classes are their own descriptors
  }

  @Override public String toString() { return name + "@" + slot + (cell ? "(cell)" : ""); }
}
