package gol.compiler.codegen;

import java.util.List;
import org.objectweb.asm.Label;

/**
 * A resume point of a function in S: a call that may suspend (the frame resumes right after it,
 * with the call's result read from the G's result registers) or a loop back-edge (the frame resumes
 * at the loop head). {@code live} are the locals saved and restored there: every Go variable in
 * scope plus the statement's live temporaries (an over-approximation of liveness that is always
 * safe: Go variables are initialized at their declaration).
 */
final class Point {
  final int pc;
  final List<Local> live;
  /** Kind of the call's result on the operand stack after the call (V for none and for back-edges). */
  final JKind resultKind;
  final String resultClass;
  final int line;
  final boolean backEdge;
  /** In the copy being emitted: the cold block, and where resuming continues. */
  final Label cold = new Label();
  final Label cont;

  Point(int pc, List<Local> live, JKind resultKind, String resultClass, int line, boolean backEdge, Label cont) {
    this.pc = pc; this.live = live; this.resultKind = resultKind; this.resultClass = resultClass;
    this.line = line; this.backEdge = backEdge; this.cont = cont;
  }

  int primCount() { int n = 0; for (Local l : live) if (l.slotKind().isPrim()) n++; return n; }

  int refCount() { return live.size() - primCount(); }

  /** Descriptor of this point's save helper: (G, live slots...)V. */
  String saveDesc() {
    StringBuilder sb = new StringBuilder("(").append(JvmTypes.G_DESC);
    for (Local l : live) sb.append(l.slotDesc());
    return sb.append(")V").toString();
  }
}
