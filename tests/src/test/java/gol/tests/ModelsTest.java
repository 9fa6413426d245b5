package gol.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The concurrency models ({@code gol run --model gmp|threads|single|gil}) run the same unchanged
 * programs with the same results: a selection of {@code tests/programs/} runs under each model
 * (with GOMAXPROCS=2, which {@code single} overrides with 1) and must match its golden files, made
 * by real Go.
 *
 * <p>The selection ({@link #SELECTION}) covers channels, select, timers, sync, panics, deadlocks,
 * goroutine ids in dumps and a stress program (not under threads: 100,000 threads). Left out: programs whose output depends on
 * GOMAXPROCS or parallelism (gomaxprocs/, sched1/'s one-P orders, which only {@code single}
 * reproduces), programs with a million-deep recursion in a goroutine (the threads model gives
 * goroutine threads a 16 MB stack) and programs with tens of thousands of goroutines (threads).
 * {@code -Dgol.test.models.filter=REGEX} runs another selection (e.g. {@code .} for everything).
 */
class ModelsTest {
  static final String SELECTION = String.join("|",
      "^channels/(ping_pong|prime_sieve|worker_pool|sender_fifo|fan_in)$", "^select/", "^timers/", "^sync/",
      "^goroutines/(block_deep_in_recursion|gosched_numgoroutine|locals_survive_blocking|mutex_counter|nested_goroutines|sleep_ordering)$",
      "^deadlock/(all_blocked|goexit_main|mutex_relock|waitgroup_never_done)$",
      "^panic/(panic_in_goroutine|os_exit_in_goroutine|send_closed_blocked)$",
      "^regress/preempt_in_recursion$", "^sched1/", "^stress/random_chan_ops$", "^stdin/", "^os/");

  /** Programs a model cannot run in the time limit: 100,000 goroutines are 100,000 threads in 1:1. */
  static boolean unfit(String model, String program) {
    return model.equals("threads") && program.startsWith("stress/");
  }

  static final List<String> MODELS = List.of("gmp", "threads", "single", "gil");
  private static ExecutorService pool;

  @TestFactory
  Stream<DynamicNode> models() {
    Path root = GolCommand.repoRoot();
    Pattern sel = Pattern.compile(System.getProperty("gol.test.models.filter", "").isBlank()
        ? SELECTION : System.getProperty("gol.test.models.filter"));
    List<GoldenProgram> chosen = GoldenProgram.loadAll(root.resolve("tests").resolve("programs")).stream()
        .filter(p -> sel.matcher(p.name()).find() && GolCommand.selected(p.name())).toList();
    pool = ProgramsTest.newPool(GolCommand.threads());
    Duration limit = Duration.ofSeconds(GolCommand.timeoutSeconds());
    List<DynamicNode> containers = new ArrayList<>();
    for (String model : MODELS) {
      List<DynamicNode> tests = new ArrayList<>();
      for (GoldenProgram p : chosen) {
        // sched1/ checks the run order on one P: only the single model promises it.
        if (p.onlyOneProc() && !model.equals("single")) continue;
        if (unfit(model, p.name())) continue;
        List<String> cmd = new ArrayList<>(GolCommand.prefix());
        cmd.add("run");
        cmd.add("--model");
        cmd.add(model);
        cmd.add(p.source().getFileName().toString());
        Map<String, String> env = new java.util.HashMap<>(Map.of("GOMAXPROCS", "2"));
        env.putAll(p.extraEnv());
        Future<Subprocess.Result> run = pool.submit(() ->
            Subprocess.run(cmd, p.source().getParent(), env, limit));
        String config = "model=" + model;
        tests.add(DynamicTest.dynamicTest(p.name() + " [" + config + "]", p.source().toUri(), () -> {
          Subprocess.Result r = run.get(30, TimeUnit.MINUTES);
          String problem = GoldenCheck.check(p, r, config, GolCommand.describe(cmd));
          if (problem != null) fail(problem);
        }));
      }
      containers.add(DynamicContainer.dynamicContainer("model=" + model, tests));
    }
    return containers.stream();
  }

  @AfterAll
  static void stopPool() {
    if (pool != null) pool.shutdownNow();
  }
}
