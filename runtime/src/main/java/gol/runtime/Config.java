package gol.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runtime's settings, read once when a program starts: the {@code GOLDEBUG} environment variable
 * (gol's {@code GODEBUG}: comma-separated {@code key=value} pairs such as
 * {@code schedtrace=1000,scheddetail=1}), then the {@code gol.debug} system property in the same
 * syntax, whose pairs override the environment's. The {@code gol} command turns its flags
 * ({@code gol run --schedtrace 1000 ...}) into {@code gol.debug} pairs, so a setting has one name
 * wherever it comes from, and a program built into a jar reads the same {@code GOLDEBUG}.
 *
 * <p>Unknown keys are kept and ignored, as Go ignores unknown {@code GODEBUG} settings. A malformed
 * number reads as the default. Threading: immutable after {@link #load}; read from any thread.
 */
public final class Config {
  private final Map<String, String> pairs;

  private Config(Map<String, String> pairs) {
    this.pairs = Collections.unmodifiableMap(pairs);
  }

  /** The settings of this process: {@code GOLDEBUG}, overridden by {@code -Dgol.debug=...}. */
  public static Config load() {
    Map<String, String> m = new LinkedHashMap<>();
    parse(System.getenv("GOLDEBUG"), m);
    parse(System.getProperty("gol.debug"), m);
    return new Config(m);
  }

  /** Settings from one {@code key=value,...} string (for tests). */
  public static Config of(String spec) {
    Map<String, String> m = new LinkedHashMap<>();
    parse(spec, m);
    return new Config(m);
  }

  private static void parse(String spec, Map<String, String> into) {
    if (spec == null) return;
    for (String part : spec.split(",")) {
      part = part.trim();
      if (part.isEmpty()) continue;
      int eq = part.indexOf('=');
      if (eq < 0) into.put(part, "1");
      else into.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
  }

  /** The value of {@code key}, or null when it is not set. */
  public String get(String key) {
    return pairs.get(key);
  }

  /** The integer value of {@code key}, or {@code def} when it is unset or not a number. */
  public long intValue(String key, long def) {
    String v = pairs.get(key);
    if (v == null) return def;
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return def;
    }
  }

  /** True when {@code key} is set to anything but {@code 0} or {@code false}. */
  public boolean flag(String key) {
    String v = pairs.get(key);
    return v != null && !v.equals("0") && !v.equals("false");
  }

  /** All pairs in the order given (for headers that show the settings in force). */
  public Map<String, String> all() {
    return pairs;
  }
}
