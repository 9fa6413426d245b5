package gol.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

/**
 * The JVM kind a Go value is held in. Every Go integer type is a {@code long} (normalized to its
 * range after each operation), floats are {@code double}, bool is a JVM {@code int} 0/1 (Z in
 * descriptors), everything else is a reference. V is "no value".
 */
enum JKind {
  J("J", LLOAD, LSTORE, LRETURN, 2),
  D("D", DLOAD, DSTORE, DRETURN, 2),
  Z("Z", ILOAD, ISTORE, IRETURN, 1),
  A("Ljava/lang/Object;", ALOAD, ASTORE, ARETURN, 1),
  V("V", -1, -1, RETURN, 0);

  final String desc;
  final int load, store, ret, size;

  JKind(String desc, int load, int store, int ret, int size) {
    this.desc = desc; this.load = load; this.store = store; this.ret = ret; this.size = size;
  }

  /** The {@link gol.runtime.Cell} class holding a captured variable of this kind. */
  String cellClass() {
    switch (this) {
      case J: return "gol/runtime/Cell$J";
      case D: return "gol/runtime/Cell$D";
      case Z: return "gol/runtime/Cell$Z";
      default: return "gol/runtime/Cell$A";
    }
  }

  /** Descriptor of the cell's field {@code v}. */
  String cellFieldDesc() { return this == A ? "Ljava/lang/Object;" : desc; }

  /** Is this kind a primitive saved in the long[] half of a frame record? */
  boolean isPrim() { return this == J || this == D || this == Z; }
}
