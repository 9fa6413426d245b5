package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.G;
import gol.runtime.GoString;
import gol.runtime.RType;
import gol.runtime.Tuple;

/**
 * Go's package bufio, the part gol programs use to read their input: {@code bufio.NewScanner(r)}
 * with Scan/Text/Err (lines, Go's default split function ScanLines), and {@code bufio.NewReader(r)}
 * with ReadString. The reader is {@code os.Stdin} (or any {@link os.File}).
 *
 * <p>Reading blocks the thread in Java, so each refill of the buffer is a "blocking call": the
 * goroutine enters the syscall state around it ({@link os.File#readBlocking}), which lets sysmon
 * hand its P to another M while it waits. When the call returns and no P is free, the method still
 * returns its result normally with PREEMPT set in the status word; the compiled caller then saves the
 * result and yields (the continuation contract's PREEMPT-only case). So these methods are
 * "suspending" library calls for the compiler.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class bufio {
  private bufio() {}

  /** Default buffer size, and the maximum token size of a Scanner (Go's MaxScanTokenSize is 64 KB). */
  static final int BUF = 4096;
  static final int MAX_TOKEN = 64 * 1024;

  /** The error of a Scanner whose line exceeds the maximum token size. */
  public static final Object ErrTooLong = new errors.ErrorString("bufio.Scanner: token too long");

  /** A byte buffer refilled from a file; shared by Scanner and Reader. */
  private static class Buffered {
    final os.File src;
    byte[] buf = new byte[BUF];
    int r, w;
    boolean eof;
    Object err;

    Buffered(Object rd) {
      if (!(rd instanceof os.File f)) {
        if (rd == null) throw gol.runtime.Panic.nilDeref();
        throw new UnsupportedOperationException("bufio: only an *os.File can be read so far");
      }
      this.src = f;
    }

    /** Reads more input after the buffered bytes (a blocking call); false at EOF or error. */
    boolean fill(G g) {
      if (eof) return false;
      if (r > 0) {
        System.arraycopy(buf, r, buf, 0, w - r);
        w -= r;
        r = 0;
      }
      if (w == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
      int n = src.readBlocking(g, buf, w, buf.length - w);
      if (n < 0) {
        eof = true;
        return false;
      }
      w += n;
      return true;
    }

    /** Index of delim in the unread bytes, or -1. */
    int indexOf(byte delim, int from) {
      for (int i = from; i < w; i++) if (buf[i] == delim) return i;
      return -1;
    }
  }

  /** bufio.Scanner with the ScanLines split function. A *bufio.Scanner in Go. */
  public static final class Scanner implements Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "bufio.Scanner", null));
    private final Buffered in;
    private String token = "";
    private boolean done;
    private Object err;

    Scanner(Object r) { in = new Buffered(r); }

    /** Scan() bool: advances to the next line; false at the end of the input (or after an error). */
    public boolean Scan(G g) {
      if (done) return false;
      int from = in.r;
      for (;;) {
        int nl = in.indexOf((byte) '\n', from);
        if (nl >= 0) {
          int end = nl > in.r && in.buf[nl - 1] == '\r' ? nl - 1 : nl;
          token = GoString.fromBytes(in.buf, in.r, end - in.r);
          in.r = nl + 1;
          return true;
        }
        if (in.w - in.r >= MAX_TOKEN) {
          done = true;
          err = ErrTooLong;
          token = "";
          return false;
        }
        from = in.w - in.r; // after the refill, bytes move to the front
        if (!in.fill(g)) {
          done = true;
          if (in.w > in.r) { // a last line without a newline
            int end = in.buf[in.w - 1] == '\r' ? in.w - 1 : in.w;
            token = GoString.fromBytes(in.buf, in.r, end - in.r);
            in.r = in.w;
            return true;
          }
          token = "";
          return false;
        }
      }
    }

    /** Text() string: the line found by the last Scan. */
    public String Text(G g) { return token; }

    /** Err() error: nil at a clean end of input. */
    public Object Err(G g) { return err != null ? err : in.err; }

    @Override public RType goType() { return TYPE; }
  }

  /** bufio.Reader. A *bufio.Reader in Go. */
  public static final class Reader implements Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "bufio.Reader", null));
    private final Buffered in;

    Reader(Object r) { in = new Buffered(r); }

    /**
     * ReadString(delim byte) (string, error): the input up to and including delim; at the end of the
     * input, what is left and io.EOF.
     */
    public Tuple ReadString(G g, long delim) {
      int from = in.r;
      Tuple t = new Tuple();
      for (;;) {
        int i = in.indexOf((byte) delim, from);
        if (i >= 0) {
          t.a0 = GoString.fromBytes(in.buf, in.r, i + 1 - in.r);
          in.r = i + 1;
          return t;
        }
        from = in.w - in.r;
        if (!in.fill(g)) {
          t.a0 = GoString.fromBytes(in.buf, in.r, in.w - in.r);
          in.r = in.w;
          t.a1 = in.err != null ? in.err : io.EOF;
          return t;
        }
      }
    }

    @Override public RType goType() { return TYPE; }
  }

  public static Scanner NewScanner(G g, Object r) { return new Scanner(r); }

  public static Reader NewReader(G g, Object r) { return new Reader(r); }
}
