package gol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGQUIT: samples/sigquit.gol, built into a jar and run as {@code java -jar} (so a built program
 * arms it, not only {@code gol run}), is sent SIGQUIT while three goroutines and main are blocked.
 * The goroutine dump on stderr lists each with its wait reason, its frames and its creator; the JVM's
 * own thread dump does not appear on stdout; and the program then goes on and exits normally with
 * its golden output. The same run checks that a built jar honours GOLDEBUG (schedtrace).
 */
@EnabledOnOs(OS.LINUX)
class SigQuitTest {
  @TempDir Path tmp;

  @Test
  void sigquitPrintsEveryGoroutineAndTheProgramGoesOn() {
    assertTimeoutPreemptively(Duration.ofSeconds(90), this::run);
  }

  private void run() throws Exception {
    Path samples = GolCommand.repoRoot().resolve("samples");
    Path jar = tmp.resolve("sigquit.jar");
    List<String> build = new ArrayList<>(GolCommand.prefix());
    build.addAll(List.of("build", "-o", jar.toString(), "sigquit.gol"));
    Subprocess.Result b = Subprocess.run(build, samples, java.util.Map.of(), Duration.ofSeconds(60));
    assertEquals(0, b.exitCode(), b.stderr());

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseSerialGC", "-jar", jar.toString(), "4000").directory(tmp.toFile());
    pb.environment().put("GOLDEBUG", "schedtrace=1000");
    pb.redirectOutput(tmp.resolve("out.txt").toFile());
    pb.redirectError(tmp.resolve("err.txt").toFile());
    Process p = pb.start();
    try {
      // gol arms SIGQUIT by creating HotSpot's attach trigger file; before that the JVM would
      // print its own thread dump. Then give the goroutines time to block.
      Path trigger = Path.of("/tmp/.attach_pid" + p.pid());
      while (!Files.exists(trigger)) {
        assertTrue(p.isAlive(), "the program ended before arming SIGQUIT");
        Thread.sleep(20);
      }
      Thread.sleep(700);
      Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(p.pid())).start();
      assertEquals(0, kill.waitFor());
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the program did not finish after SIGQUIT");
    } finally {
      p.destroyForcibly();
    }
    String out = Files.readString(tmp.resolve("out.txt"));
    String err = Files.readString(tmp.resolve("err.txt"));
    assertEquals(0, p.exitValue(), err);
    assertEquals(Files.readString(samples.resolve("sigquit.out")), out, "stdout (no JVM thread dump)");

    assertTrue(err.contains("SIGQUIT: quit\n"), err);
    String dump = err.substring(err.indexOf("SIGQUIT: quit\n"));
    // main, sleeping in main.main
    assertGoroutine(dump, "sleep", "main.main()", null);
    assertGoroutine(dump, "chan receive", "main.consumer(...)", "main.main");
    assertGoroutine(dump, "chan receive", "main.waitForStart(...)", "main.main");
    assertGoroutine(dump, "semacquire", "main.guarded(...)", "main.main");
    // GOLDEBUG reached the built jar: schedtrace lines at 0 ms and after a second.
    assertTrue(err.startsWith("# gol schedtrace: model=gmp") && err.contains("\nSCHED 0ms: gomaxprocs="), err);
  }

  /** The dump has a goroutine [reason] whose first frame is fn at sigquit.gol:N, created by creator. */
  private static void assertGoroutine(String dump, String reason, String fn, String creator) {
    String re = "(?m)^goroutine \\d+ \\[" + Pattern.quote(reason) + "\\]:\n" + Pattern.quote(fn)
        + "\n\t\\S*sigquit\\.gol:\\d+ \\+0x[0-9a-f]+\n"
        + (creator == null ? "" : "(?:.*\n\t.*\n)*?created by " + Pattern.quote(creator) + "\n\t\\S*sigquit\\.gol:\\d+ \\+0x[0-9a-f]+\n");
    Matcher m = Pattern.compile(re).matcher(dump);
    assertTrue(m.find(), "no goroutine [" + reason + "] in " + fn + " in:\n" + dump);
  }
}
