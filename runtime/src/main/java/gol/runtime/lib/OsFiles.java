package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.G;
import gol.runtime.GoError;
import gol.runtime.GoString;
import gol.runtime.RType;
import gol.runtime.Slice;
import gol.runtime.Tuple;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * os.ReadFile and os.WriteFile, with Go's errors: a {@link PathError} "open NAME: no such file or
 * directory" wrapping an {@link Errno} that is os.ErrNotExist under errors.Is. Java's IOExceptions
 * are mapped to the Unix errno texts Go prints.
 */
final class OsFiles {
  private OsFiles() {}

  /** Go's syscall.Errno: prints as the system's message. */
  static final class Errno implements GoError, Box.Typed {
    private static final RType TYPE = RType.named(RType.Kind.UINTPTR, "syscall.Errno", null);
    final String text;
    final boolean notExist;

    Errno(String text, boolean notExist) { this.text = text; this.notExist = notExist; }

    @Override public String Error(G g) { return text; }
    @Override public RType goType() { return TYPE; }
    @Override public String toString() { return text; }
  }

  /** Go's *fs.PathError: "op path: err". */
  static final class PathError implements GoError, errors.Wrapper, Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "fs.PathError", null));
    final String op, path;
    final Errno err;

    PathError(String op, String path, Errno err) { this.op = op; this.path = path; this.err = err; }

    @Override public String Error(G g) { return op + " " + path + ": " + err.text; }
    @Override public Object Unwrap(G g) { return err; }
    @Override public RType goType() { return TYPE; }
    @Override public String toString() { return Error(null); }
  }

  static final Errno ENOENT = new Errno("no such file or directory", true);
  static final Errno EACCES = new Errno("permission denied", false);
  static final Errno EISDIR = new Errno("is a directory", false);
  static final Errno ENOTDIR = new Errno("not a directory", false);

  private static Errno errno(IOException e, Path p) {
    if (e instanceof NoSuchFileException) return ENOENT;
    if (e instanceof AccessDeniedException) return EACCES;
    if (e instanceof NotDirectoryException) return ENOTDIR;
    if (Files.isDirectory(p)) return EISDIR;
    return new Errno(String.valueOf(e.getMessage()), false);
  }

  static Tuple readFile(String name) {
    Tuple t = new Tuple();
    Path p = Path.of(GoString.toJava(name));
    if (Files.isDirectory(p)) {   // Go opens a directory fine and fails reading it
      t.a1 = new PathError("read", name, EISDIR);
      return t;
    }
    try {
      byte[] b = Files.readAllBytes(p);
      t.a0 = new Slice(RType.slice(RType.UINT8), b, 0, b.length, b.length);
    } catch (IOException e) {
      t.a1 = new PathError("open", name, errno(e, p));
    }
    return t;
  }

  static Object writeFile(String name, Slice data, long perm) {
    Path p = Path.of(GoString.toJava(name));
    if (Files.isDirectory(p)) return new PathError("open", name, EISDIR);
    try {
      boolean existed = Files.exists(p);
      byte[] b = new byte[Slice.len(data)];
      if (b.length > 0) System.arraycopy(data.array, data.off, b, 0, b.length);
      Files.write(p, b);
      if (!existed) setPerm(p, perm & 0777);
      return null;
    } catch (IOException e) {
      return new PathError("open", name, errno(e, p));
    }
  }

  private static void setPerm(Path p, long perm) {
    try {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> s = java.util.EnumSet.noneOf(java.nio.file.attribute.PosixFilePermission.class);
      java.nio.file.attribute.PosixFilePermission[] all = java.nio.file.attribute.PosixFilePermission.values();
      // values() is OWNER_READ, OWNER_WRITE, OWNER_EXECUTE, GROUP_..., OTHERS_...: bit 8 down to bit 0
      for (int i = 0; i < 9; i++) if ((perm & (1L << (8 - i))) != 0) s.add(all[i]);
      Files.setPosixFilePermissions(p, s);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort, like a umask we cannot see
    }
  }
}
