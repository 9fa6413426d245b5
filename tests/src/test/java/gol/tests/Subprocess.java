package gol.tests;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command as a child process with a hard time limit and captures its output.
 *
 * <p>Guarantees: {@link #run} returns within about {@code timeout} plus a few seconds, whatever the
 * child does: on timeout the child and all its descendants are killed. Stdout and stderr are drained
 * on their own threads (so a chatty child never blocks on a full pipe) and each is kept up to
 * {@link #MAX_CAPTURE} bytes; the rest is read and dropped. Stdin is empty.
 *
 * <p>Threading: {@code run} may be called from several threads at once; each call owns its process.
 */
public final class Subprocess {
  /** How much of each output stream is kept. */
  static final int MAX_CAPTURE = 4 << 20;

  private Subprocess() {}

  /** What a finished (or killed) child did. {@code exitCode} is -1 when it was killed on timeout. */
  public record Result(int exitCode, String stdout, String stderr, boolean timedOut, Duration elapsed) {}

  /**
   * Runs {@code command} in {@code dir} with the current environment plus {@code env}.
   * An entry of {@code env} whose value is {@code null} removes that variable.
   */
  public static Result run(List<String> command, Path dir, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    env.forEach((k, v) -> {
      if (v == null) pb.environment().remove(k);
      else pb.environment().put(k, v);
    });
    long start = System.nanoTime();
    Process p = pb.start();
    Drain out = new Drain(p.getInputStream());
    Drain err = new Drain(p.getErrorStream());
    out.start();
    err.start();
    boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      // Snapshot the descendants first (once the parent is gone they are re-parented and cannot be
      // found), kill the parent so it cannot react to its children dying, then the children.
      List<ProcessHandle> children = p.descendants().toList();
      p.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
      p.waitFor(10, TimeUnit.SECONDS);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    // The pipes close when the child (and any descendant holding them) is gone.
    out.join(10_000);
    err.join(10_000);
    return new Result(finished ? p.exitValue() : -1, out.text(), err.text(), !finished, elapsed);
  }

  /** Reads a stream to its end on its own daemon thread, keeping the first MAX_CAPTURE bytes. */
  private static final class Drain extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    Drain(InputStream in) {
      this.in = in;
      setDaemon(true);
      setName("subprocess-drain");
    }

    @Override
    public void run() {
      byte[] buf = new byte[8192];
      try (in) {
        for (int n; (n = in.read(buf)) > 0; ) {
          synchronized (kept) {
            int room = MAX_CAPTURE - kept.size();
            if (room > 0) kept.write(buf, 0, Math.min(n, room));
          }
        }
      } catch (IOException ignored) {
        // The child was killed: keep what was read.
      }
    }

    String text() {
      synchronized (kept) {
        return kept.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
