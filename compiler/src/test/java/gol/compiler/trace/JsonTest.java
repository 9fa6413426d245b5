package gol.compiler.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trace tool's small JSON reader, and the exact microsecond-to-nanosecond conversion. */
class JsonTest {
  @Test
  void values() {
    Object v = Json.parse(" {\"a\": [1, -2.5, 3e2, true, false, null], \"b\": {}, \"c\": [], \"d\": \"x\\\"y\\\\z\\n\\u00e9\\/\"} ");
    Map<?, ?> m = (Map<?, ?>) v;
    List<?> a = (List<?>) m.get("a");
    assertEquals(1, ((Json.Num) a.get(0)).asLong());
    assertEquals(-2.5, ((Json.Num) a.get(1)).asDouble());
    assertEquals(300.0, ((Json.Num) a.get(2)).asDouble());
    assertEquals(Boolean.TRUE, a.get(3));
    assertEquals(Boolean.FALSE, a.get(4));
    assertNull(a.get(5));
    assertEquals(Map.of(), m.get("b"));
    assertEquals(List.of(), m.get("c"));
    assertEquals("x\"y\\z\né/", m.get("d"));
    assertEquals(List.of("a", "b", "c", "d"), List.copyOf(m.keySet()), "keys keep their order");
  }

  @Test
  void microsecondsToNanosecondsExactly() {
    assertEquals(12_345L, new Json.Num("12.345").usToNs());
    assertEquals(12_300L, new Json.Num("12.3").usToNs());
    assertEquals(7_000L, new Json.Num("7").usToNs());
    assertEquals(-1_500L, new Json.Num("-1.5").usToNs());
    assertEquals(-500L, new Json.Num("-0.5").usToNs());
    assertEquals(123_456_789_012_345L, new Json.Num("123456789012.345").usToNs(), "no double rounding for long traces");
    assertEquals(1_500L, new Json.Num("1.5e0").usToNs());
  }

  @Test
  void malformedInputFailsWithItsOffset() {
    for (String bad : new String[] {"", "{", "[1,]", "{\"a\" 1}", "\"open", "01x", "tru", "[1] 2", "{\"a\":-}", "\"\\q\""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
      assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }
  }
}
