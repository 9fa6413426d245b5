import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;

/**
 * How the Java peers of the gol benchmarks start concurrent work: one platform thread per task
 * (the default), or one virtual thread per task with {@code -Dthreads=virtual} (JDK 21 or newer).
 * The peers are compiled for Java 17, so the virtual-thread API is reached through method handles;
 * asking for virtual threads on an older JDK fails at start-up.
 *
 * <p>Guarantees: every started thread is a daemon (as in Go, the program ends when main returns, even
 * with threads still blocked), and in virtual mode main's own work also runs on a virtual thread
 * ({@link #runMain}), so no peer mixes the two kinds.
 */
final class Threads {
  static final boolean VIRTUAL = "virtual".equals(System.getProperty("threads"));
  private static final MethodHandle START_VIRTUAL, VIRTUAL_EXECUTOR;

  static {
    MethodHandle start = null, exec = null;
    if (VIRTUAL) {
      try {
        MethodHandles.Lookup l = MethodHandles.publicLookup();
        start = l.findStatic(Thread.class, "startVirtualThread", MethodType.methodType(Thread.class, Runnable.class));
        exec = l.findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
            MethodType.methodType(ExecutorService.class));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("virtual threads need JDK 21 or newer", e);
      }
    }
    START_VIRTUAL = start;
    VIRTUAL_EXECUTOR = exec;
  }

  private Threads() {}

  /** Starts {@code r} on a new (daemon) thread of the selected kind. */
  static Thread start(Runnable r) {
    if (VIRTUAL) {
      try {
        return (Thread) START_VIRTUAL.invokeExact(r);
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }
    Thread t = new Thread(r);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** An executor that runs each task on its own virtual thread (virtual mode only). */
  static ExecutorService virtualExecutor() {
    try {
      return (ExecutorService) VIRTUAL_EXECUTOR.invokeExact();
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Runs main's body: directly on the main thread, or in virtual mode on a virtual thread. */
  static void runMain(Runnable body) {
    if (!VIRTUAL) {
      body.run();
      return;
    }
    join(start(body));
  }

  static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code q.put(v)}, as a channel send (no thread here is ever interrupted). */
  static <T> void put(BlockingQueue<T> q, T v) {
    try {
      q.put(v);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code q.take()}, as a channel receive. */
  static <T> T take(BlockingQueue<T> q) {
    try {
      return q.take();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static void await(java.util.concurrent.CountDownLatch l) {
    try {
      l.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** args[i] as an int, or {@code dflt} when absent. */
  static int arg(String[] args, int i, int dflt) {
    return args.length > i ? Integer.parseInt(args[i]) : dflt;
  }
}
