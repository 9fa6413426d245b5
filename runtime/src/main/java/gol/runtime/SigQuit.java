package gol.runtime;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;

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
 * <b>instead of</b> printing its thread dump. gol arms this {@value #ARM_DELAY_MS} ms after the
 * run starts ({@link #install}: it creates the trigger file, deleted at exit; programs that end
 * sooner never touch /tmp, nor start the watcher thread: sysmon starts it when the time comes). A watcher thread ({@link #watch}) looks for the
 * socket every {@value #POLL_MS} ms ({@link #received}); when it appears, it prints the goroutine dump and
 * deletes the socket, so the next SIGQUIT (finding the listener's socket gone) restarts the
 * listener instead of printing the JVM's dump, and is noticed the same way.
 *
 * <h2>Limits (documented in the README)</h2>
 * <ul>
 *   <li>Linux with HotSpot only (the paths are HotSpot's on Linux). Elsewhere, or if {@code /tmp}
 *       is not writable, or with {@code -XX:+DisableAttachMechanism}, SIGQUIT prints the JVM's
 *       thread dump on stdout, as for any Java program.</li>
 *   <li>The dump comes up to {@value #POLL_MS} ms after the signal, printed by the watcher. A
 *       SIGQUIT in the first {@value #ARM_DELAY_MS} ms gets the JVM's thread dump.</li>
 *   <li>jcmd and jstack cannot attach while this is armed (gol takes the socket away). Turn it off
 *       with {@code GOLDEBUG=sigquit=0}: SIGQUIT then prints the JVM's thread dump.</li>
 *   <li>A JVM killed with SIGKILL leaves its empty trigger file in /tmp.</li>
 * </ul>
 *
 * <h2>Cheap to arm</h2>
 * Arming happens while the program runs, so it uses only classes the JVM has loaded at start-up
 * ({@code java.io.File}, {@code FileInputStream}): the process id comes from {@code /proc/self/stat}
 * and the files are made, tested and deleted through {@code File}. {@code ProcessHandle} and
 * {@code java.nio.file} took ~20 ms of CPU here, loading and initialising their classes, on the
 * same cores as the program (5% of the samples of a spawn run, 100 ms into it).
 *
 * <p>Threading: {@link #install} runs once per JVM (synchronised); {@link #received} is called by
 * the watchers only (runs in one JVM share the socket; a socket noticed by one watcher is gone).
 */
final class SigQuit {
  private SigQuit() {}

  static final long POLL_MS = 50;
  /** The watcher arms the handshake this long after the run starts (a human is slower than that). */
  static final long ARM_DELAY_MS = 100;

  private static boolean installed;
  private static volatile File socket;

  /**
   * Starts the watcher of one run: a daemon thread that arms the handshake (once per JVM) after
   * {@value #ARM_DELAY_MS} ms and then, every {@value #POLL_MS} ms until the run ends, prints the
   * goroutine dump if a SIGQUIT came. Nothing happens with {@code sigquit=0} or off Linux.
   */
  static void watch(Sched sched, Config config) {
    watch(sched, config, ARM_DELAY_MS);
  }

  /**
   * {@link #watch} for a caller that has already waited: the watcher arms the handshake after
   * {@code armDelayMs}. sysmon calls it {@value #ARM_DELAY_MS} ms into the run, so that a short
   * program never starts the thread at all.
   */
  static void watch(Sched sched, Config config, long armDelayMs) {
    String v = config.get("sigquit");
    if (v != null && !config.flag("sigquit")) return;
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return;
    Thread t = new Thread(new Watcher(sched, armDelayMs), "gol-sigquit");
    t.setDaemon(true);
    t.start();
  }

  /** The watcher thread's body (a class, not a lambda: see {@link M}'s Body). */
  private static final class Watcher implements Runnable {
    private final Sched sched;
    private final long armDelayMs;

    Watcher(Sched sched, long armDelayMs) {
      this.sched = sched;
      this.armDelayMs = armDelayMs;
    }

    @Override public void run() {
      try {
        if (armDelayMs > 0) Thread.sleep(armDelayMs); // short programs end first and never touch /tmp
      } catch (InterruptedException e) {
        return;
      }
      install(sched);
      while (!sched.done && socket != null) {
        try {
          Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
          return;
        }
        if (!sched.done && received()) GoroutineDump.sigquit(sched);
      }
    }
  }

  /** Arms the handshake once per JVM: creates the trigger file, to be deleted at exit. */
  static synchronized void install(Sched sched) {
    if (installed || sched.done) return;
    installed = true;
    long pid = pid();
    if (pid <= 0) return; // no /proc: SIGQUIT prints the JVM's thread dump
    File trigger = new File("/tmp", ".attach_pid".concat(Long.toString(pid)));
    try {
      // Register the deletion first: once the JVM is shutting down this throws, and no file is made.
      trigger.deleteOnExit();
      trigger.createNewFile(); // false if it is there already: armed all the same
    } catch (IOException | RuntimeException | Error e) {
      return; // not armed (no /tmp, shutdown in progress, ...): SIGQUIT prints the JVM's thread dump
    }
    try {
      // If the shutdown began between the two steps, the deletion hook may have run already:
      // registering again throws then, and we delete the file ourselves.
      trigger.deleteOnExit();
      socket = new File("/tmp", ".java_pid".concat(Long.toString(pid)));
    } catch (RuntimeException | Error e) {
      trigger.delete(); // if this fails too, an empty file is left in /tmp
    }
  }

  /** This process's id, the first field of /proc/self/stat; 0 if it cannot be read. */
  static long pid() {
    byte[] b = new byte[32];
    int n;
    try (FileInputStream in = new FileInputStream("/proc/self/stat")) {
      n = in.read(b);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    long pid = 0;
    for (int i = 0; i < n && b[i] >= '0' && b[i] <= '9'; i++) pid = pid * 10 + (b[i] - '0');
    return pid;
  }

  /** True once per SIGQUIT: the attach listener's socket appeared; it is deleted again. Watchers only. */
  static synchronized boolean received() {
    File s = socket;
    if (s == null || !s.exists()) return false;
    if (!s.delete() && s.exists()) {
      socket = null; // cannot re-arm: report this one, then leave SIGQUIT to the JVM
    }
    return true;
  }
}
