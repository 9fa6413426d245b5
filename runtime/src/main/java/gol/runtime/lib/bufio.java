package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.G;
import gol.runtime.GoString;
import gol.runtime.RType;
import gol.runtime.Slice;
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

  /**
   * A byte buffer refilled from a reader; shared by Scanner and Reader. An *os.File is read as a
   * blocking call (see the class comment); any other io.Reader (strings.Reader, a program's own type
   * with a Read method) through its Read method, which must not block.
   */
  private static class Buffered {
    final os.File file;
    final io.Reader src;
    byte[] buf = new byte[BUF];
    int r, w;
    boolean eof;
    Object err;

    Buffered(Object rd) {
      if (rd == null) throw gol.runtime.Panic.nilDeref();
      this.file = rd instanceof os.File f ? f : null;
      if (file == null && !(rd instanceof io.Reader)) {
        throw new UnsupportedOperationException("bufio: cannot read from " + rd.getClass().getName());
      }
      this.src = file != null ? null : (io.Reader) rd;
    }

    /** Reads more input after the buffered bytes; false at EOF or error. */
    boolean fill(G g) {
      if (eof) return false;
      if (r > 0) {
        System.arraycopy(buf, r, buf, 0, w - r);
        w -= r;
        r = 0;
      }
      if (w == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
      int n;
      if (file != null) {
        n = file.readBlocking(g, buf, w, buf.length - w);
      } else {
        // Go's Scanner and Reader retry a reader that returns 0 bytes and no error (up to 100 times)
        n = 0;
        for (int tries = 0; n == 0 && tries < 100; tries++) {
          Tuple t = (Tuple) gol.runtime.Callbacks.resultA(g, src.Read(g, new Slice(io.BYTES, buf, w, buf.length - w, buf.length - w)),
              "Read method called by package bufio");
          n = (int) t.j0;
          if (t.a0 != null) {
            if (t.a0 != io.EOF) err = t.a0;
            if (n == 0) n = -1;
            else eof = true;
            break;
          }
        }
        if (n == 0) { err = io.ErrNoProgress; n = -1; }
      }
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

  /**
   * bufio.Scanner: Go's Scan loop over a split function (ScanLines by default; Split sets another,
   * the library's ScanWords/ScanRunes/ScanBytes or a program's own). A *bufio.Scanner in Go.
   */
  public static final class Scanner implements Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "bufio.Scanner", null));
    private final Buffered in;
    private gol.runtime.Fn.AZ_T split = (g, data, atEOF) -> ScanLines(g, (Slice) data, atEOF);
    private int maxToken = MAX_TOKEN;
    private Slice token;
    private boolean done, scanCalled;
    private Object err;
    private int empties;

    Scanner(Object r) { in = new Buffered(r); }

    /** Split(split SplitFunc): must be called before the first Scan, as in Go. */
    public void Split(G g, Object f) {
      if (scanCalled) throw gol.runtime.Panic.plain("Split called after Scan");
      if (f == null) throw gol.runtime.Panic.nilDeref();
      split = (gol.runtime.Fn.AZ_T) f;
    }

    /** Buffer(buf []byte, max int): the initial buffer and the maximum token size. */
    public void Buffer(G g, Slice b, long max) {
      if (scanCalled) throw gol.runtime.Panic.plain("Buffer called after Scan");
      int c = Slice.cap(b);
      if (c > in.buf.length) in.buf = java.util.Arrays.copyOf(in.buf, c);
      maxToken = (int) Math.min(max, Integer.MAX_VALUE - 8);
    }

    /**
     * Scan() bool: advances to the next token; false at the end of the input or after an error. Go's
     * loop: split what is buffered; if that gives no token, read more (growing the buffer up to the
     * maximum token size, else ErrTooLong) and try again; at the end of the input split once more
     * with atEOF set.
     */
    public boolean Scan(G g) {
      if (done) return false;
      scanCalled = true;
      for (;;) {
        if (in.w > in.r || in.eof) {
          Tuple t = (Tuple) gol.runtime.Callbacks.resultA(g,
              split.invoke(g, new Slice(io.BYTES, in.buf, in.r, in.w - in.r, in.buf.length - in.r), in.eof),
              "split function called by bufio.Scanner");
          if (t.a1 != null) {
            if (t.a1 == ErrFinalToken) {
              token = (Slice) t.a0;
              done = true;
              return true;
            }
            err = t.a1;
            done = true;
            token = null;
            return false;
          }
          long adv = t.j0;
          if (adv < 0) return fail(ErrNegativeAdvance);
          if (adv > in.w - in.r) return fail(ErrAdvanceTooFar);
          in.r += (int) adv;
          token = (Slice) t.a0;
          if (token != null) {
            if (adv > 0) empties = 0;
            else if (++empties > 100) throw gol.runtime.Panic.plain("bufio.Scan: too many empty tokens without progressing");
            return true;
          }
        }
        if (in.eof) {
          done = true;
          token = null;
          return false;
        }
        if (in.r == 0 && in.w == in.buf.length && in.buf.length >= maxToken) return fail(ErrTooLong);
        in.fill(g);
      }
    }

    private boolean fail(Object e) {
      err = e;
      done = true;
      token = null;
      return false;
    }

    /** Text() string: the token found by the last Scan. */
    public String Text(G g) { return token == null ? "" : GoString.fromBytes(token); }

    /** Bytes() []byte: the token found by the last Scan (a copy; Go returns a view of its buffer). */
    public Slice Bytes(G g) {
      if (token == null) return null;
      byte[] c = java.util.Arrays.copyOfRange((byte[]) token.array, token.off, token.off + token.len);
      return new Slice(io.BYTES, c, 0, c.length, c.length);
    }

    /** Err() error: nil at a clean end of input. */
    public Object Err(G g) { return err != null ? err : in.err; }

    @Override public RType goType() { return TYPE; }
  }

  public static final Object ErrNegativeAdvance = new errors.ErrorString("bufio.Scanner: SplitFunc returns negative advance count");
  public static final Object ErrAdvanceTooFar = new errors.ErrorString("bufio.Scanner: SplitFunc returns advance count beyond input");
  public static final Object ErrFinalToken = new errors.ErrorString("final token");

  private static Tuple splitResult(long advance, Slice token) {
    Tuple t = new Tuple();
    t.j0 = advance;
    t.a0 = token;
    return t;
  }

  private static Slice sub(Slice data, int from, int to) {
    return new Slice(io.BYTES, data.array, data.off + from, to - from, data.cap - from);
  }

  private static byte at(Slice data, int i) { return ((byte[]) data.array)[data.off + i]; }

  /** bufio.ScanLines: a line without its end-of-line marker ("\n" or "\r\n"); the last line may lack one. */
  public static Tuple ScanLines(G g, Slice data, boolean atEOF) {
    int n = Slice.len(data);
    if (atEOF && n == 0) return splitResult(0, null);
    for (int i = 0; i < n; i++) {
      if (at(data, i) == '\n') {
        int end = i > 0 && at(data, i - 1) == '\r' ? i - 1 : i;
        return splitResult(i + 1, sub(data, 0, end));
      }
    }
    if (atEOF) {
      int end = at(data, n - 1) == '\r' ? n - 1 : n;
      return splitResult(n, sub(data, 0, end));
    }
    return splitResult(0, null);
  }

  /** bufio.ScanBytes: each byte. */
  public static Tuple ScanBytes(G g, Slice data, boolean atEOF) {
    if (atEOF && Slice.len(data) == 0) return splitResult(0, null);
    return splitResult(1, sub(data, 0, 1));
  }

  /** bufio.ScanRunes: each UTF-8 encoded rune; an invalid byte is the token "\uFFFD" (advance 1). */
  public static Tuple ScanRunes(G g, Slice data, boolean atEOF) {
    int n = Slice.len(data);
    if (atEOF && n == 0) return splitResult(0, null);
    int b0 = at(data, 0) & 0xff;
    if (b0 < 0x80) return splitResult(1, sub(data, 0, 1));
    int need = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
    if (n < need && !atEOF) return splitResult(0, null);   // maybe the rest of the rune comes later
    String s = GoString.fromBytes((byte[]) data.array, data.off, Math.min(n, 4));
    long d0 = GoString.decodeRune(s, 0);
    if (GoString.rune(d0) == 0xFFFD && GoString.width(d0) == 1) {
      byte[] rep = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
      return splitResult(1, new Slice(io.BYTES, rep, 0, 3, 3));
    }
    return splitResult(GoString.width(d0), sub(data, 0, GoString.width(d0)));
  }

  /** bufio.ScanWords: space-separated words (unicode.IsSpace), without the spaces. */
  public static Tuple ScanWords(G g, Slice data, boolean atEOF) {
    int n = Slice.len(data);
    String s = GoString.fromBytes((byte[]) data.array, data.off, n);
    int start = 0;
    while (start < n) {
      long d0 = GoString.decodeRune(s, start);
      if (!unicode.IsSpace(g, GoString.rune(d0))) break;
      start += GoString.width(d0);
    }
    for (int i = start; i < n; ) {
      long d0 = GoString.decodeRune(s, i);
      if (unicode.IsSpace(g, GoString.rune(d0))) return splitResult(i + GoString.width(d0), sub(data, start, i));
      i += GoString.width(d0);
    }
    if (atEOF && n > start) return splitResult(n, sub(data, start, n));
    return splitResult(start, null);
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

  /**
   * bufio.Writer: Go's buffered writer (default size 4096) in front of any io.Writer. Output reaches
   * the underlying writer when the buffer fills, on Flush, and directly for a large Write into an
   * empty buffer, at the same points as in Go, so its output interleaves with direct writes exactly
   * as Go's does. Nothing is written at exit without Flush (as in Go). A *bufio.Writer in Go.
   */
  public static final class Writer implements io.Writer, Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "bufio.Writer", null));
    private Object wr;
    private final int size;
    private final StringBuilder buf;   // a Go string: one char per byte
    private Object err;

    Writer(Object wr, int size) {
      this.wr = wr;
      this.size = size <= 0 ? BUF : size;
      this.buf = new StringBuilder(this.size);
    }

    /** Flush() error: writes the buffered bytes to the underlying writer. */
    public Object Flush(G g) {
      if (err != null) return err;
      if (buf.length() == 0) return null;
      Tuple t = io.writeString(g, wr, buf.toString());
      long n = t.j0;
      Object e = t.a0;
      if (n < buf.length() && e == null) e = io.ErrShortWrite;
      if (e != null) {
        if (n > 0 && n < buf.length()) buf.delete(0, (int) n);
        err = e;
        return e;
      }
      buf.setLength(0);
      return null;
    }

    public long Available(G g) { return size - buf.length(); }

    public long Buffered(G g) { return buf.length(); }

    public long Size(G g) { return size; }

    /** Reset(w io.Writer): discards unflushed data and writes to w from now on. */
    public void Reset(G g, Object w) {
      buf.setLength(0);
      err = null;
      wr = w;
    }

    /** WriteString(s string) (int, error): fills the buffer, flushing each time it is full. */
    public Tuple WriteString(G g, String s) {
      long nn = 0;
      while (s.length() > size - buf.length() && err == null) {
        int n = size - buf.length();
        buf.append(s, 0, n);
        nn += n;
        s = s.substring(n);
        Flush(g);
      }
      Tuple t = new Tuple();
      if (err != null) {
        t.j0 = nn;
        t.a0 = err;
        return t;
      }
      buf.append(s);
      t.j0 = nn + s.length();
      return t;
    }

    /** Write(p []byte) (int, error): as WriteString, but a large write into an empty buffer goes straight through. */
    @Override public Tuple Write(G g, Slice p) {
      return write(g, GoString.fromBytes(p));
    }

    /** What fmt.Fprint* call: Write's semantics for the formatted bytes. */
    Tuple write(G g, String s) {
      long nn = 0;
      while (s.length() > size - buf.length() && err == null) {
        int n;
        if (buf.length() == 0) {
          Tuple t = io.writeString(g, wr, s);
          n = (int) t.j0;
          err = t.a0;
        } else {
          n = size - buf.length();
          buf.append(s, 0, n);
          Flush(g);
        }
        nn += n;
        s = s.substring(n);
      }
      Tuple t = new Tuple();
      if (err != null) {
        t.j0 = nn;
        t.a0 = err;
        return t;
      }
      buf.append(s);
      t.j0 = nn + s.length();
      return t;
    }

    /** WriteByte(c byte) error. */
    public Object WriteByte(G g, long c) {
      if (err != null) return err;
      if (buf.length() >= size && Flush(g) != null) return err;
      buf.append((char) (c & 0xff));
      return null;
    }

    /** WriteRune(r rune) (size int, err error): the rune's UTF-8 bytes. */
    public Tuple WriteRune(G g, long r) {
      StringBuilder one = new StringBuilder(4);
      GoString.appendRune(one, (int) r);
      return WriteString(g, one.toString());
    }

    @Override public RType goType() { return TYPE; }
  }

  public static Writer NewWriter(G g, Object w) { return NewWriterSize(g, w, BUF); }

  /** NewWriterSize(w, size): an existing *bufio.Writer of at least that size is returned as is (Go). */
  public static Writer NewWriterSize(G g, Object w, long size) {
    if (w instanceof Writer b && b.size >= size) return b;
    return new Writer(w, (int) Math.max(size, 16));
  }

  public static Scanner NewScanner(G g, Object r) { return new Scanner(r); }

  public static Reader NewReader(G g, Object r) { return new Reader(r); }
}
