package gol.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gol build -o app.jar} writes a jar that runs with plain {@code java -jar}, runtime inside. */
class BuildJarTest {
  @TempDir Path dir;

  @Test void builtJarRunsWithJavaDashJar() throws Exception {
    Path src = dir.resolve("args.gol");
    Files.writeString(src, """
        package main

        import (
        \t"fmt"
        \t"os"
        )

        func main() {
        \tc := make(chan string)
        \tgo func() { c <- os.Args[1] + os.Args[2] }()
        \tfmt.Println(len(os.Args), <-c)
        \tos.Exit(3)
        }
        """);
    Path jar = dir.resolve("app.jar");
    assertEquals(0, Main.run(new String[] {"build", "-o", jar.toString(), src.toString()}));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-jar", jar.toString(), "x", "y").redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the jar did not finish");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals("3 xy\n", out);
    assertEquals(3, p.exitValue());
  }

  /** The jar starts with a launcher script: ./app.jar runs it with gol's JVM options (ParallelGC). */
  @Test void builtJarIsAnExecutable() throws Exception {
    Path src = dir.resolve("hi.gol");
    Files.writeString(src, "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(\"hi\", os.Args[1:])\n}\n");
    Path jar = dir.resolve("hi");
    assertEquals(0, Main.run(new String[] {"build", "-o", jar.toString(), src.toString()}));
    assertTrue(Files.isExecutable(jar));
    assertTrue(Files.readString(jar, StandardCharsets.ISO_8859_1).startsWith("#!/bin/sh\n"));

    ProcessBuilder pb = new ProcessBuilder(jar.toString(), "a", "b c").redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("GOL_JAVA_OPTS");
    assertEquals("hi [a b c]\n", run(pb));
    pb.environment().put("JAVA_TOOL_OPTIONS", "-XX:+PrintCommandLineFlags");   // read by every JVM
    String flags = run(pb);
    assertTrue(flags.contains("-XX:+UseParallelGC") && flags.contains("-XX:-UsePerfData") && flags.endsWith("hi [a b c]\n"), flags);

    // GOL_JAVA_OPTS replaces gol's options: with another collector named, ParallelGC is not added
    // (two collectors would be a JVM error)
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().put("GOL_JAVA_OPTS", "-XX:+UseSerialGC -XX:+PrintCommandLineFlags");
    String out = run(pb);
    assertTrue(out.contains("-XX:+UseSerialGC") && !out.contains("UseParallelGC") && out.endsWith("hi [a b c]\n"), out);
  }

  /**
   * gol build writes app.jsa, a CDS archive the launcher maps: the program's classes then come from
   * it. A stale archive (the jar changed after it) is ignored without a word on stdout or stderr.
   */
  @Test void builtJarStartsFromItsClassDataArchive() throws Exception {
    Path src = dir.resolve("hi.gol");
    Files.writeString(src, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n");
    Path jar = dir.resolve("app");
    assertEquals(0, Main.run(new String[] {"build", "-o", jar.toString(), src.toString()}));
    assertTrue(Files.size(dir.resolve("app.jsa")) > 0, "no archive written");

    Path log = dir.resolve("classes.txt");
    ProcessBuilder pb = new ProcessBuilder(jar.toString()).redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("GOL_JAVA_OPTS");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    assertEquals("hi\n", run(pb));
    pb.environment().put("GOL_JAVA_OPTS", "-Xlog:class+load:file=" + log);
    assertEquals("hi\n", run(pb));
    String loaded = Files.readString(log);
    assertTrue(loaded.contains("main source: shared objects file (top)"), loaded);
    assertTrue(loaded.contains("gol.runtime.Sched source: shared objects file (top)"), loaded);

    pb.environment().remove("GOL_JAVA_OPTS");
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertEquals("hi\n", run(pb));   // the archive no longer matches the jar: silently not used
  }

  private static String run(ProcessBuilder pb) throws Exception {
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the program did not finish");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test void compileErrorsExitOneWithGoPositions() throws Exception {
    Path src = dir.resolve("bad.gol");
    Files.writeString(src, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1\n}\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "gol.compiler.cli.Main", "run", src.toString())
        .directory(dir.toFile()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), out);
    assertTrue(out.contains(src + ":3:8: imported and not used: \"fmt\""), out);   // Go 1.19 wording
    assertTrue(out.contains(src + ":6:2: x declared but not used"), out);
    assertTrue(!out.contains("Exception"), out);
  }
}
