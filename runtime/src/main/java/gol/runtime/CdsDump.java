package gol.runtime;

import java.io.File;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads every class of the jar it is in, and nothing else: {@code gol build} runs it once, under
 * {@code -XX:ArchiveClassesAtExit=app.jar.jsa}, to write a class-data-sharing archive of the
 * program's and the runtime's classes next to the jar. The jar's launcher maps that archive when it
 * is there, so the JVM does not parse and verify those classes again at each start: a hello world
 * starts in about 59 ms instead of 77 ms (both under ParallelGC). The JVM verified them when it
 * wrote the archive, and checks that the jar is the one the archive was made from; if not, it
 * loads the classes as usual.
 *
 * <p>The program's classes are loaded without being initialised: none of its static initialisers
 * runs, so writing the archive has no effect of the program's. Then a scheduler is built and not
 * started ({@link Sched#unstarted}), which initialises the runtime's own classes as every run does,
 * and so loads the JDK classes they use that the JDK's archive lacks (the field updaters,
 * {@code CountDownLatch} and {@code System.getenv}): they go into this archive too. That took ~4 ms off
 * every start (hello 56 -> 52 ms, 31 interleaved runs). Building a Sched starts no thread and
 * touches nothing outside the JVM.
 */
public final class CdsDump {
  private CdsDump() {}

  public static void main(String[] args) throws Exception {
    File jar = new File(CdsDump.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ClassLoader loader = CdsDump.class.getClassLoader();
    try (JarFile jf = new JarFile(jar)) {
      for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (!name.endsWith(".class") || name.equals("module-info.class")) continue;
        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
      }
    }
    Sched.unstarted(2); // the runtime's start-up classes, as above
  }
}
