package gol.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SIGQUIT (Ctrl-\ in a terminal, or {@code kill -QUIT pid}) prints every goroutine's stack, as in
 * Go; unlike Go, the program then goes on (Go exits with status 2).
 *
 * <h2>Why not a signal handler</h2>
 * The JVM keeps SIGQUIT for itself: it prints a Java thread dump on stdout, and
 * {@code sun.misc.Signal.handle(new Signal("QUIT"), ...)} fails with "Signal already used by VM or
 * OS" (with or without {@code -Xrs}). Java code cannot catch it.
 *
 * <h2>How gol notices it: HotSpot's attach handshake</h2>
 * A tool that attaches to a running JVM (jcmd, jstack) creates the file
 * {@code /tmp/.attach_pid<pid>} and sends SIGQUIT. A HotSpot JVM that receives SIGQUIT while that
 * file exists starts its attach listener, which creates the socket {@code /tmp/.java_pid<pid>},
 * <b>instead of</b> printing its thread dump. gol arms this at start-up ({@link #install}: it
 * creates the trigger file, deleted at exit). sysmon looks for the socket every
 * {@value #POLL_MS} ms ({@link #received}); when it appears, sysmon prints the goroutine dump and
 * deletes the socket, so the next SIGQUIT (finding the listener's socket gone) restarts the
 * listener instead of printing the JVM's dump, and is noticed the same way.
 *
 * <h2>Limits (documented in the README)</h2>
 * <ul>
 *   <li>Linux with HotSpot only (the paths are HotSpot's on Linux). Elsewhere, or if {@code /tmp}
 *       is not writable, or with {@code -XX:+DisableAttachMechanism}, SIGQUIT prints the JVM's
 *       thread dump on stdout, as for any Java program.</li>
 *   <li>The dump comes up to {@value #POLL_MS} ms after the signal, printed by sysmon.</li>
 *   <li>jcmd and jstack cannot attach while this is armed (gol takes the socket away). Turn it off
 *       with {@code GOLDEBUG=sigquit=0}: SIGQUIT then prints the JVM's thread dump.</li>
 *   <li>A JVM killed with SIGKILL leaves its empty trigger file in /tmp.</li>
 * </ul>
 *
 * <p>Threading: {@link #install} runs once per JVM (synchronised); {@link #received} is called by
 * sysmon only (at most one run at a time shares the socket; a socket noticed by one run is gone).
 */
final class SigQuit {
  private SigQuit() {}

  static final long POLL_MS = 50;
  static final long POLL_NS = POLL_MS * 1_000_000L;

  private static boolean installed;
  private static volatile Path socket;

  /** Arms the handshake once per JVM, unless {@code sigquit=0} or not on Linux. */
  static synchronized void install(Config config) {
    if (installed) return;
    installed = true;
    String v = config.get("sigquit");
    if (v != null && !config.flag("sigquit")) return;
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return;
    long pid = ProcessHandle.current().pid();
    Path tmp = Path.of("/tmp");
    Path trigger = tmp.resolve(".attach_pid" + pid);
    try {
      if (!Files.exists(trigger)) Files.createFile(trigger);
      trigger.toFile().deleteOnExit();
      socket = tmp.resolve(".java_pid" + pid);
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      // not armed: SIGQUIT prints the JVM's own thread dump
    }
  }

  /** True once per SIGQUIT: the attach listener's socket appeared; it is deleted again. sysmon only. */
  static boolean received() {
    Path s = socket;
    if (s == null || !Files.exists(s)) return false;
    try {
      Files.deleteIfExists(s);
    } catch (IOException e) {
      socket = null; // cannot re-arm: report this one, then leave SIGQUIT to the JVM
    }
    return true;
  }
}
