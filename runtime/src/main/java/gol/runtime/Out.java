package gol.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The process's standard output and error as Go programs see them (os.Stdout, os.Stderr).
 *
 * <p>Go's os.Stdout is unbuffered: every fmt.Println is one write. gol buffers stdout for speed but
 * keeps Go's visible behaviour: one call's bytes are written atomically (so lines of concurrent
 * goroutines never interleave), stdout is flushed before anything goes to stderr (so a panic message
 * comes after the output printed before it), and at exit. Stderr is unbuffered.
 *
 * <p>Strings are Go strings: one char per byte (0..255), written as those bytes.
 * Threading: all methods are safe to call from any thread.
 */
public final class Out {
  private Out() {}

  private static final Object LOCK = new Object();
  private static final OutputStream PROCESS_STDOUT = new FileOutputStream(FileDescriptor.out);
  private static final OutputStream PROCESS_STDERR = new FileOutputStream(FileDescriptor.err);
  private static OutputStream STDOUT = PROCESS_STDOUT; // guarded by LOCK
  private static OutputStream STDERR = PROCESS_STDERR; // guarded by LOCK
  private static byte[] buf = new byte[1 << 16];
  private static int n;

  /** Writes a Go string to stdout. */
  public static void stdout(String s) {
    synchronized (LOCK) {
      int len = s.length();
      if (n + len > buf.length) {
        flushLocked();
        if (len > buf.length) buf = new byte[Integer.highestOneBit(len) << 1];
      }
      s.getBytes(0, len, buf, n); // chars are 0..255: the low byte is the Go byte
      n += len;
    }
  }

  /** Writes bytes to stdout. */
  public static void stdout(byte[] b, int off, int len) {
    synchronized (LOCK) {
      if (n + len > buf.length) flushLocked();
      if (len > buf.length) {
        write(STDOUT, b, off, len);
        return;
      }
      System.arraycopy(b, off, buf, n, len);
      n += len;
    }
  }

  /** Writes a Go string to stderr (flushing stdout first). */
  public static void stderr(String s) {
    byte[] b = new byte[s.length()];
    s.getBytes(0, s.length(), b, 0);
    stderr(b, 0, b.length);
  }

  public static void stderr(byte[] b, int off, int len) {
    synchronized (LOCK) {
      flushLocked();
      write(STDERR, b, off, len);
    }
  }

  /**
   * Redirects stdout and stderr (tests capture a program's output this way); null restores the
   * process's own stream. Buffered stdout is flushed to the old target first.
   */
  public static void redirect(OutputStream stdout, OutputStream stderr) {
    synchronized (LOCK) {
      flushLocked();
      STDOUT = stdout == null ? PROCESS_STDOUT : stdout;
      STDERR = stderr == null ? PROCESS_STDERR : stderr;
    }
  }

  /** Flushes buffered stdout (at exit, before stderr output, before blocking on input). */
  public static void flush() {
    synchronized (LOCK) {
      flushLocked();
    }
  }

  private static void flushLocked() {
    if (n > 0) {
      write(STDOUT, buf, 0, n);
      n = 0;
    }
  }

  private static void write(OutputStream os, byte[] b, int off, int len) {
    try {
      os.write(b, off, len);
      os.flush();
    } catch (IOException e) {
      // Like a Go program writing to a closed pipe without SIGPIPE handling: the write is lost.
    }
  }
}
