package gol.runtime.trace;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Observes the JVM's garbage collections while a trace is recorded: subscribes to every
 * GarbageCollectorMXBean's notifications ({@link GarbageCollectionNotificationInfo}) and reports
 * each collection's start and duration on the System.nanoTime clock. The JVM reports them in
 * milliseconds since it started, so their placement is accurate to about a millisecond.
 *
 * <p>Threading: subscription happens on a daemon thread; the JVM delivers notifications on its own
 * service thread; the sink must be thread-safe. {@link #stop} unsubscribes (idempotent).
 */
public final class GcWatcher {
  /** Receives one collection: start (System.nanoTime clock), duration in ns, "name: action (cause)". */
  public interface Sink {
    void gc(long startNs, long durNs, String name);
  }

  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener;
  private boolean stopped; // guarded by this
  /** System.nanoTime() at JVM start, computed on the subscribing thread. */
  private volatile long jvmStartNano;

  private GcWatcher(Sink sink) {
    listener = (Notification n, Object handback) -> {
      long jvmStartNano = jvmStartNano();
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
      GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
      GcInfo gi = info.getGcInfo();
      long start = jvmStartNano + gi.getStartTime() * 1_000_000L;
      long dur = Math.max(1, gi.getDuration()) * 1_000_000L;
      if (gi.getDuration() == 0) dur = 100_000L; // under a millisecond: show a sliver
      sink.gc(start, dur, info.getGcName() + ": " + info.getGcAction() + " (" + info.getGcCause() + ")");
    };
  }

  private long jvmStartNano() {
    long v = jvmStartNano;
    if (v == 0) v = jvmStartNano = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    return v;
  }

  /**
   * Subscribes sink to the JVM's collections. Setting up JMX takes tens of milliseconds, so it
   * happens on a daemon thread while the program starts; collections before that are missed.
   */
  public static GcWatcher start(Sink sink) {
    GcWatcher w = new GcWatcher(sink);
    Thread t = new Thread(w::subscribe, "gol-trace-gc");
    t.setDaemon(true);
    t.start();
    return w;
  }

  private synchronized void subscribe() {
    if (stopped) return;
    try {
      jvmStartNano();
      for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (b instanceof NotificationEmitter e) {
          e.addNotificationListener(listener, null, null);
          emitters.add(e);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // no JMX in this JVM: the trace simply has no GC events
    }
  }

  public synchronized void stop() {
    stopped = true;
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // already removed
      }
    }
    emitters.clear();
  }
}
