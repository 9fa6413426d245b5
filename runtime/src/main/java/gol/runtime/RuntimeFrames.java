package gol.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Saved frames of runtime functions. A library function that calls a gol func value which may
 * suspend (sync.Once.Do calling f) must run code after that call returns, so it saves a frame of its
 * own below f's frames, exactly as compiled code does (the continuation contract of {@link G}):
 * when f's frames are done, the trampoline resumes this frame, which finishes the library call.
 *
 * <p>Runtime frames have negative function ids ({@code -1 - index} in a registry filled once at
 * class initialisation), so they never collide with a program's ids (0, 1, ...). {@link #wrap}
 * puts them in front of the program's {@link Resumer}: the scheduler resumes and names every saved
 * frame through the wrapper.
 *
 * <p>Threading: the registry is written only by static initialisers (class loading is
 * synchronised) and read afterwards.
 */
public final class RuntimeFrames {
  private RuntimeFrames() {}

  private record Kind(String name, Consumer<G> resume) {}

  private static final List<Kind> KINDS = new ArrayList<>();

  /**
   * Registers a runtime frame kind: its Go name for dumps ({@code sync.(*Once).doSlow}) and its
   * resume code, which must call {@link G#restore} first (its saved references are then
   * {@code g.restoredRef(0, 1, ...)}). Returns its function id. Call from a static initialiser.
   */
  public static synchronized int register(String goName, Consumer<G> resume) {
    KINDS.add(new Kind(goName, resume));
    return -KINDS.size();
  }

  /** Saves a runtime frame (function id fnId, resume point 0) holding the references refs. */
  public static void save(G g, int fnId, Object... refs) {
    g.save(fnId, 0, 0, refs.length);
    Object[] sr = g.saveRefs();
    int base = g.saveRefBase();
    for (int i = 0; i < refs.length; i++) sr[base + i] = refs[i];
  }

  private static Kind kind(int fnId) {
    return KINDS.get(-1 - fnId);
  }

  /** The program's resumer with runtime frames in front of it. */
  static Resumer wrap(Resumer program) {
    if (program == null || program instanceof Wrapped) return program;
    return new Wrapped(program);
  }

  private static final class Wrapped implements Resumer {
    private final Resumer program;

    Wrapped(Resumer program) { this.program = program; }

    @Override public void resume(G g, int fnId) {
      if (fnId >= 0) program.resume(g, fnId);
      else kind(fnId).resume().accept(g);
    }

    @Override public String functionName(int fnId) {
      return fnId >= 0 ? program.functionName(fnId) : kind(fnId).name();
    }

    @Override public int line(int fnId, int pc) {
      return fnId >= 0 ? program.line(fnId, pc) : 0;
    }

    @Override public String fileName() { return program.fileName(); }
  }
}
