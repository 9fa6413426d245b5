package gol.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The end-to-end suite: every program of {@code tests/programs/}, {@code samples/} and
 * {@code lang-spec/examples/} is run with
 * {@code gol run X.gol} and compared with its golden files (made by real Go 1.19).
 *
 * <p>Configurations: each program runs once with {@code GOMAXPROCS=1} and once with {@code GOMAXPROCS=4}
 * and must give the same (golden) result in both; programs in {@code sched1/} test the scheduling order
 * on one P and run only with {@code GOMAXPROCS=1}.
 *
 * <p>Execution: when the factory is called, every run is submitted to a pool of {@code gol.test.threads}
 * (default 2) threads, so programs run in parallel while JUnit reports them one by one in corpus order.
 * Each run is a subprocess with a hard time limit (default 30 s; see {@link GolCommand}), after which
 * it is killed and its test fails with a "timed out" message. A failure shows a diff of stdout
 * (expected versus actual) and gol's stderr.
 */
class ProgramsTest {
  private static ExecutorService pool;

  /** One way to run the corpus: a name for reports and the environment it sets. */
  record Config(String name, Map<String, String> env) {}

  static final Config ONE_P = new Config("GOMAXPROCS=1", Map.of("GOMAXPROCS", "1"));
  static final Config FOUR_P = new Config("GOMAXPROCS=4", Map.of("GOMAXPROCS", "4"));

  @TestFactory
  Stream<DynamicNode> programs() {
    Path root = GolCommand.repoRoot();
    List<GoldenProgram> all = new ArrayList<>();
    all.addAll(GoldenProgram.loadAll(root.resolve("tests").resolve("programs")));
    all.addAll(GoldenProgram.loadAll(root.resolve("samples")));
    all.addAll(GoldenProgram.loadAll(root.resolve("lang-spec").resolve("examples")));
    List<GoldenProgram> chosen = all.stream().filter(p -> GolCommand.selected(p.name())).toList();
    if (all.isEmpty()) fail("no program found under " + root);
    // An empty selection is fine when gol.test.filter picks, say, only compile-error programs.
    pool = newPool(GolCommand.threads());
    return plan(chosen, GolCommand.prefix(), pool, Duration.ofSeconds(GolCommand.timeoutSeconds())).stream();
  }

  @AfterAll
  static void stopPool() {
    if (pool != null) pool.shutdownNow();
  }

  /** A pool of daemon threads, so a stuck run can never keep the test JVM alive. */
  static ExecutorService newPool(int threads) {
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "gol-program-runner");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Submits every (program, config) run to {@code pool} at once, in corpus order, and returns one
   * container per config whose tests wait for their run and check it. {@code prefix} is the command
   * before {@code run X.gol}.
   */
  static List<DynamicNode> plan(List<GoldenProgram> programs, List<String> prefix, ExecutorService pool, Duration limit) {
    List<DynamicNode> containers = new ArrayList<>();
    for (Config c : List.of(ONE_P, FOUR_P)) {
      List<DynamicNode> tests = new ArrayList<>();
      for (GoldenProgram p : programs) {
        if (p.onlyOneProc() && c != ONE_P) continue;
        List<String> cmd = GolCommand.run(prefix, p.source().getFileName().toString());
        // Run in p's directory, so messages name the file as X.gol.
        Map<String, String> env = new java.util.HashMap<>(c.env());
        env.putAll(p.extraEnv());
        Future<Subprocess.Result> run = pool.submit(() -> Subprocess.run(cmd, p.source().getParent(), env, limit));
        tests.add(DynamicTest.dynamicTest(p.name() + " [" + c.name() + "]", p.source().toUri(),
            () -> verify(p, c, cmd, run)));
      }
      containers.add(DynamicContainer.dynamicContainer(c.name(), tests));
    }
    return containers;
  }

  private static void verify(GoldenProgram p, Config c, List<String> cmd, Future<Subprocess.Result> run) throws Exception {
    // The subprocess is killed at the time limit, so this wait is bounded by the runs queued before it;
    // the bound here only guards against a bug in the runner itself.
    Subprocess.Result r = run.get(30, TimeUnit.MINUTES);
    String problem = GoldenCheck.check(p, r, c.name(), GolCommand.describe(cmd));
    if (problem != null) fail(problem);
  }
}
