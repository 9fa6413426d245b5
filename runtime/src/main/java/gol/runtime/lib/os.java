package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.Exit;
import gol.runtime.G;
import gol.runtime.GoString;
import gol.runtime.Out;
import gol.runtime.RType;
import gol.runtime.Sched;
import gol.runtime.Slice;
import gol.runtime.Tuple;

/**
 * Go's package os, the part gol programs use: Args, Exit, Stdout, Stderr, Getenv. Standard output and
 * error go through {@link Out}, which keeps Go's ordering (stdout flushed before stderr and at exit).
 * The generated main stores the command line in {@link CommandLine} (not here, so that a program
 * that never uses os does not load this class); os.Args is made from it when os is first used.
 */
public final class os {
  private os() {}

  static final RType STRINGS = RType.slice(RType.STRING);

  /** os.Args: the program name followed by the arguments, as Go strings (from {@link CommandLine}). */
  public static Slice Args = argsSlice(CommandLine.get());

  /** Sets os.Args from the launcher's arguments (args[0] is the program name); Java strings are converted to UTF-8 Go strings. */
  public static void setArgs(String[] args) {
    CommandLine.set(args);
    Args = argsSlice(args);
  }

  private static Slice argsSlice(String[] args) {
    Object[] a = new Object[args.length];
    for (int i = 0; i < args.length; i++) a[i] = GoString.fromJava(args[i]);
    return new Slice(STRINGS, a, 0, a.length, a.length);
  }

  /** os.Exit: flushes standard output and ends the program with the code; deferred calls do not run. */
  /** os.ErrNotExist: errors.Is(err, os.ErrNotExist) holds for "no such file or directory". */
  public static final Object ErrNotExist = new errors.ErrorString("file does not exist");

  public static long Getpid(G g) { return ProcessHandle.current().pid(); }

  public static Tuple ReadFile(G g, String name) {
    Sched.entersyscall(g); // file I/O blocks the thread: lend the P (see bufio's class comment)
    try {
      return OsFiles.readFile(name);
    } finally {
      Sched.exitsyscall(g);
    }
  }

  public static Object WriteFile(G g, String name, Slice data, long perm) {
    Sched.entersyscall(g);
    try {
      return OsFiles.writeFile(name, data, perm);
    } finally {
      Sched.exitsyscall(g);
    }
  }

  public static Object Remove(G g, String name) {
    java.nio.file.Path p = java.nio.file.Path.of(GoString.toJava(name));
    try {
      java.nio.file.Files.delete(p);
      return null;
    } catch (java.nio.file.NoSuchFileException e) {
      return new OsFiles.PathError("remove", name, OsFiles.ENOENT);
    } catch (java.io.IOException e) {
      return new OsFiles.PathError("remove", name, new OsFiles.Errno(String.valueOf(e.getMessage()), false));
    }
  }

  public static void Exit(G g, long code) {
    Out.flush();
    throw new Exit((int) code);
  }

  /** os.Getenv: the variable's value, or "" when unset. */
  public static String Getenv(G g, String key) {
    String v = System.getenv(GoString.toJava(key));
    return v == null ? "" : GoString.fromJava(v);
  }

  /** An open file; only the standard streams for now. A *os.File in Go. */
  public static final class File implements io.Writer, io.Reader, Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "os.File", null));
    private final int fd;
    private final String name;

    File(int fd, String name) { this.fd = fd; this.name = name; }

    /** Write(b []byte) (n int, err error). */
    @Override public Tuple Write(G g, Slice b) {
      int n = Slice.len(b);
      if (n > 0) {
        byte[] a = (byte[]) b.array;
        if (fd == 2) Out.stderr(a, b.off, n); else Out.stdout(a, b.off, n);
      }
      return result(n);
    }

    /** WriteString(s string) (n int, err error). */
    public Tuple WriteString(G g, String s) {
      if (fd == 2) Out.stderr(s); else Out.stdout(s);
      return result(s.length());
    }

    /**
     * Read(b []byte) (n int, err error): reads what is available (at least one byte, blocking), or
     * returns 0 and io.EOF at the end of the input.
     */
    public Tuple Read(G g, Slice b) {
      int n = Slice.len(b);
      if (n == 0) return result(0);
      int got = readBlocking(g, (byte[]) b.array, b.off, n);
      if (got < 0) {
        Tuple t = result(0);
        t.a0 = io.EOF;
        return t;
      }
      return result(got);
    }

    /**
     * Reads up to len bytes into a (Java's read semantics: -1 at end of input) as a blocking call:
     * the goroutine lends its P while the thread waits ({@link Sched#entersyscall}). After the call,
     * if no P was free, PREEMPT is set in g's status word and the goroutine yields once its caller
     * returns (see bufio's class comment). I/O errors read as the end of the input.
     */
    int readBlocking(G g, byte[] a, int off, int len) {
      if (fd != 0) return -1;
      Sched.entersyscall(g);
      try {
        return STDIN.read(a, off, len);
      } catch (java.io.IOException e) {
        return -1;
      } finally {
        Sched.exitsyscall(g);
      }
    }

    /** Name() string. */
    public String Name(G g) { return name; }

    private static Tuple result(long n) {
      Tuple t = new Tuple();
      t.j0 = n;
      return t;
    }

    @Override public RType goType() { return TYPE; }
  }

  /** The process's standard input, unbuffered (bufio buffers, as in Go). */
  static final java.io.InputStream STDIN = new java.io.FileInputStream(java.io.FileDescriptor.in);

  public static final File Stdin = new File(0, "/dev/stdin");
  public static final File Stdout = new File(1, "/dev/stdout");
  public static final File Stderr = new File(2, "/dev/stderr");
}
