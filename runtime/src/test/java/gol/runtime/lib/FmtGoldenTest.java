package gol.runtime.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gol.runtime.Box;
import gol.runtime.RType;
import gol.runtime.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * fmt.Sprintf on every case of golden/fmt_cases.txt against what Go 1.19 printed for it
 * (golden/fmt_expected.txt, made by golden/fmt_gen.go).
 */
class FmtGoldenTest {
  @TestFactory
  Stream<DynamicTest> sprintfMatchesGo() {
    List<String> cases = Golden.lines("fmt_cases.txt");
    List<String> expected = Golden.lines("fmt_expected.txt");
    assertEquals(cases.size(), expected.size(), "case and expectation counts");
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String line = cases.get(i);
      String want = Golden.unhex(expected.get(i));
      tests.add(DynamicTest.dynamicTest(line, () -> {
        String[] fields = line.split("\t");
        String format = Unquoting.unquote(fields[0]);
        Object[] args = new Object[fields.length - 1];
        for (int k = 1; k < fields.length; k++) args[k - 1] = parseArg(fields[k]);
        Slice a = new Slice(RType.slice(RType.ANY), args, 0, args.length, args.length);
        assertEquals(want, fmt.Sprintf(null, format, a));
      }));
    }
    return tests.stream();
  }

  static RType basic(String t) {
    switch (t) {
      case "int": return RType.INT;
      case "int8": return RType.INT8;
      case "int16": return RType.INT16;
      case "int32": return RType.INT32;
      case "int64": return RType.INT64;
      case "uint": return RType.UINT;
      case "uint8": return RType.UINT8;
      case "uint16": return RType.UINT16;
      case "uint32": return RType.UINT32;
      case "uint64": return RType.UINT64;
      case "uintptr": return RType.UINTPTR;
      case "float64": return RType.FLOAT64;
      case "float32": return RType.FLOAT32;
      case "string": return RType.STRING;
      case "bool": return RType.BOOL;
      case "any": return RType.ANY;
      default: throw new IllegalArgumentException(t);
    }
  }

  static double parseFloat(String v) {
    switch (v) {
      case "+Inf": return Double.POSITIVE_INFINITY;
      case "-Inf": return Double.NEGATIVE_INFINITY;
      case "NaN": return Double.NaN;
      case "-0.0": return -0.0;
      default: return Double.parseDouble(v);
    }
  }

  static Object parseArg(String a) {
    int i = a.indexOf(':');
    String t = a.substring(0, i), v = a.substring(i + 1);
    if (t.startsWith("[]")) {
      RType et = basic(t.substring(2));
      RType st = RType.slice(et);
      if (v.equals("nil")) return Slice.box(st, null);
      String[] parts = v.isEmpty() ? new String[0] : v.split(",");
      Slice s = Slice.make(st, 0, 0);
      for (String p : parts) {
        switch (et.kind) {
          case INT, INT64, UINT, UINT64 -> s = Slice.appendJ(st, s, Long.parseLong(p));
          case INT32 -> s = Slice.appendI(st, s, Long.parseLong(p));
          case INT8, UINT8 -> s = Slice.appendB(st, s, Long.parseLong(p));
          case FLOAT64 -> s = Slice.appendD(st, s, parseFloat(p));
          case BOOL -> s = Slice.appendZ(st, s, p.equals("true"));
          case STRING -> s = Slice.appendA(st, s, p);
          case INTERFACE -> s = Slice.appendA(st, s, Long.parseLong(p));
          default -> throw new IllegalArgumentException(t);
        }
      }
      return s;
    }
    switch (t) {
      case "nil": return null;
      case "string": return Unquoting.unquote(v);
      case "error": return errors.New(null, Unquoting.unquote(v));
      case "bool": return v.equals("true");
      case "float64": return parseFloat(v);
      case "float32": return Box.boxFloat32((float) parseFloat(v));
      default: {
        RType rt = basic(t);
        long n = t.startsWith("u") ? Long.parseUnsignedLong(v) : Long.parseLong(v);
        return Box.box(n, rt);
      }
    }
  }
}
