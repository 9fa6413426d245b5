package gol.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expected compile errors of a program, written as Go's own {@code test/} directory writes them: a
 * comment {@code // ERROR "regexp"} at the end of each line that must get an error. Several quoted
 * regexps on one line expect several errors there; a line containing {@code ////} is ignored. The
 * regexps are Go (RE2) syntax and may not contain a double quote (write {@code .} instead).
 *
 * <p>{@link #check} applies the rules of Go's {@code test/run.go} (errorCheck) to a compiler's output:
 * every expectation needs at least one error on its line whose message (the text after
 * {@code file:line:col: }) matches; every error on that line that matches is consumed; any error left
 * over, on any line, is unexpected. Errors are recognised as lines of the form
 * {@code NAME:LINE:COL: message} where NAME ends with the program's file name; following lines that
 * start with a tab belong to the same message.
 */
public final class ErrorExpectations {
  private static final Pattern ERROR_COMMENT = Pattern.compile("// (?:GC_)?ERROR (.*)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern REPORTED = Pattern.compile("(?s)^(.*?):(\\d+):(\\d+): (.*)$");

  /** One expected error: a line and a regexp its message must match. */
  public record Expected(int line, String regexp, Pattern pattern) {}

  /** One error the compiler printed. */
  public record Reported(int line, int col, String message, String text) {}

  private final String fileName;
  private final List<Expected> expected;

  private ErrorExpectations(String fileName, List<Expected> expected) {
    this.fileName = fileName;
    this.expected = expected;
  }

  public List<Expected> expected() {
    return expected;
  }

  /** Reads the ERROR comments of {@code source}, a program whose file name is {@code fileName}. */
  public static ErrorExpectations parse(String fileName, String source) {
    List<Expected> out = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.contains("////")) continue;
      Matcher m = ERROR_COMMENT.matcher(line);
      if (!m.find()) continue;
      Matcher q = QUOTED.matcher(m.group(1));
      boolean any = false;
      while (q.find()) {
        any = true;
        out.add(new Expected(i + 1, q.group(1), Pattern.compile(goRegexToJava(q.group(1)))));
      }
      if (!any) throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": ERROR comment without a quoted regexp");
    }
    return new ErrorExpectations(fileName, out);
  }

  /** The errors in a compiler's stderr: lines {@code NAME:LINE:COL: msg} where NAME ends with our file name. */
  public List<Reported> reported(String stderr) {
    // As in Go's test/run.go (splitOutput): a line starting with a tab continues the previous message
    // (e.g. "\thave (number)\n\twant (int, int)"), so regexps can match across it with \n\t.
    List<String> messages = new ArrayList<>();
    for (String l : stderr.split("\n")) {
      if (l.endsWith("\r")) l = l.substring(0, l.length() - 1);
      if (l.startsWith("\t") && !messages.isEmpty()) {
        messages.set(messages.size() - 1, messages.get(messages.size() - 1) + "\n" + l);
      } else if (!l.isBlank()) {
        messages.add(l);
      }
    }
    List<Reported> out = new ArrayList<>();
    for (String l : messages) {
      Matcher m = REPORTED.matcher(l);
      if (m.matches() && (m.group(1).equals(fileName) || m.group(1).endsWith("/" + fileName))) {
        out.add(new Reported(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4), l));
      }
    }
    return out;
  }

  /** Returns the list of problems (empty when the compiler's output meets every expectation exactly). */
  public List<String> check(String stderr) {
    List<String> problems = new ArrayList<>();
    List<Reported> left = new ArrayList<>(reported(stderr));
    for (Expected e : expected) {
      List<Reported> onLine = left.stream().filter(r -> r.line() == e.line()).toList();
      if (onLine.isEmpty()) {
        problems.add(fileName + ":" + e.line() + ": missing error matching \"" + e.regexp() + "\"");
        continue;
      }
      List<Reported> matching = onLine.stream().filter(r -> e.pattern().matcher(r.message()).find()).toList();
      if (matching.isEmpty()) {
        StringBuilder sb = new StringBuilder(fileName + ":" + e.line() + ": no error matches \"" + e.regexp() + "\"; got:");
        onLine.forEach(r -> sb.append("\n\t").append(r.text()));
        problems.add(sb.toString());
        continue;
      }
      left.removeAll(matching);
    }
    for (Reported r : left) problems.add("unexpected error: " + r.text());
    return problems;
  }

  /**
   * Translates the one spot where RE2 and java.util.regex differ for the patterns tests use: RE2 takes a
   * '{' that does not start a repetition {n}, {n,} or {n,m} literally, Java rejects it. (A lone '}' is
   * literal in both.)
   */
  static String goRegexToJava(String re) {
    StringBuilder sb = new StringBuilder();
    boolean inClass = false;
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\' && i + 1 < re.length()) {
        sb.append(c).append(re.charAt(++i));
      } else if (inClass) {
        if (c == ']') inClass = false;
        sb.append(c);
      } else if (c == '[') {
        inClass = true;
        sb.append(c);
        if (i + 1 < re.length() && re.charAt(i + 1) == ']') sb.append(re.charAt(++i)); // "[]...]"
      } else if (c == '{' && !re.substring(i).matches("(?s)\\{\\d+(,\\d*)?\\}.*")) {
        sb.append("\\{");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
