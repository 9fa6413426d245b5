package gol.runtime.trace;

import java.util.Map;

/**
 * A finished trace, ready to be written: every kept event in time order ({@link Events} layout,
 * timestamps in ns from {@link #windowStartNs}), the string table, and what the JSON metadata reports.
 *
 * @param events        the events, {@link Events#STRIDE} longs each, ts relative to the window start
 * @param strings       string table: function names and wait reasons by id (id 0 is "")
 * @param procs         GOMAXPROCS at the end of the run
 * @param recorded      events recorded in total
 * @param dropped       events dropped because a buffer wrapped (its oldest events were overwritten)
 * @param windowStartNs start of the kept window, in ns after tracing started (0 if nothing dropped)
 * @param durationNs    length of the kept window
 * @param bufferEvents  the per-buffer cap ({@code tracebuf})
 * @param settings      the GOLDEBUG settings in force
 * @param model         the concurrency model: gmp, threads, single or gil (under threads, an
 *                      event's P field is its M's id: each goroutine thread has its own P)
 */
public record TraceLog(long[] events, String[] strings, int procs, long recorded, long dropped,
    long windowStartNs, long durationNs, int bufferEvents, Map<String, String> settings, String model) {

  public int size() {
    return events.length / Events.STRIDE;
  }

  public String string(int id) {
    return id >= 0 && id < strings.length ? strings[id] : "?";
  }
}
