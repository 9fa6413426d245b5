package gol.runtime.lib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the golden files under src/test/resources/golden (made by real Go; see the .go generators there). */
final class Golden {
  private Golden() {}

  /** The file's lines as Go strings (each byte one char), without comments and blank lines. */
  static List<String> lines(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) throw new IllegalStateException("missing golden file " + name);
      String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      List<String> out = new ArrayList<>();
      for (String l : all.split("\n", -1)) {
        if (!l.isEmpty() && l.charAt(0) != '#') out.add(l);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decodes lower-case hex into a Go string. */
  static String unhex(String h) {
    StringBuilder sb = new StringBuilder(h.length() / 2);
    for (int i = 0; i + 1 < h.length(); i += 2) sb.append((char) Integer.parseInt(h.substring(i, i + 2), 16));
    return sb.toString();
  }
}
