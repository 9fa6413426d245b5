package gol.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Constant values and their types, as Go folds them (arbitrary precision, iota, typed/untyped). */
class ConstantsTest {

  private static Constant value(String decls, String name) {
    Check c = Check.of("package main\n\n" + decls + "\n\nfunc main() {}\n").ok();
    return ((Symbol.Const) c.def(name)).value;
  }

  private static Type typeOf(String decls, String name) {
    Check c = Check.of("package main\n\n" + decls + "\n\nfunc main() {}\n").ok();
    return c.def(name).type;
  }

  @Test void bigShiftsAreExact() {
    assertEquals(new Constant.Int(BigInteger.valueOf(4)), value("const x = 1 << 100 >> 98", "x"));
    assertEquals(new Constant.Int(BigInteger.ONE.shiftLeft(100)), value("const x = 1 << 100", "x"));
  }

  @Test void floatArithmeticIsExactDecimal() {
    assertEquals(new Constant.Bool(true), value("const x = 0.1+0.2 == 0.3", "x"));
    assertEquals("1.5", value("const x = 3 / 2.0", "x").toString());
    assertEquals("1", value("const x = 3 / 2", "x").toString());
    assertEquals("0.25", value("const x = 0x1p-2", "x").toString());
  }

  @Test void floatConstantsAreExactFractions() {
    assertEquals(new Constant.Bool(true), value("const third = 1.0 / 3\nconst x = third*3 == 1", "x"));
    assertEquals(new Constant.Bool(true), value("const x = 2.0/3 + 1.0/3 == 1", "x"));
    assertEquals(new Constant.Bool(false), value("const x = 1.0/3 == 0.3333333333", "x"));
    assertEquals("7", value("const x = int(7.0 / 3 * 3)", "x").toString());
    assertEquals(1.0 / 3, Constants.toDouble(value("const x = 1.0 / 3", "x")));
    assertEquals(new Constant.Bool(true), value("const x = 1e400 / 1e399 == 10", "x"));
  }

  @Test void iotaAndImplicitRepetition() {
    String decls = "const (\n\t_ = iota\n\tKB = 1 << (10 * iota)\n\tMB\n\tGB\n)";
    assertEquals("1024", value(decls, "KB").toString());
    assertEquals("1048576", value(decls, "MB").toString());
    assertEquals("1073741824", value(decls, "GB").toString());
    String days = "type Day int\nconst (\n\tSun Day = iota\n\tMon\n\tTue\n)";
    assertEquals("2", value(days, "Tue").toString());
    assertEquals("Day", typeOf(days, "Tue").toString());
  }

  @Test void untypedKindsFollowTheOperands() {
    assertSame(Types.UNTYPED_INT, typeOf("const x = 1 + 2", "x"));
    assertSame(Types.UNTYPED_FLOAT, typeOf("const x = 1 + 2.0", "x"));
    assertSame(Types.UNTYPED_RUNE, typeOf("const x = 'a' + 1", "x"));
    assertSame(Types.UNTYPED_STRING, typeOf("const x = \"a\" + `b`", "x"));
    assertSame(Types.UNTYPED_BOOL, typeOf("const x = 1 < 2", "x"));
    assertSame(Types.INT64, typeOf("const x int64 = 5", "x"));
    assertSame(Types.UINT8, typeOf("const x = ^uint8(0)", "x"));
  }

  @Test void typedComplementOfUnsignedStaysInRange() {
    assertEquals("255", value("const x = ^uint8(0)", "x").toString());
    assertEquals("-1", value("const x = ^0", "x").toString());
  }

  @Test void literalsInAllBases() {
    assertEquals("15", value("const x = 0o17", "x").toString());
    assertEquals("15", value("const x = 017", "x").toString());
    assertEquals("5", value("const x = 0b101", "x").toString());
    assertEquals("255", value("const x = 0xFF", "x").toString());
    assertEquals("1000000", value("const x = 1_000_000", "x").toString());
    assertEquals("10", value("const x = '\\n'", "x").toString());
    assertEquals("233", value("const x = '\\u00e9'", "x").toString());
    assertEquals("255", value("const x = '\\377'", "x").toString());
  }

  @Test void stringsHoldUtf8Bytes() {
    Constant.Str s = (Constant.Str) value("const x = \"é\\x41\\u00e9\"", "x");
    assertEquals("\u00c3\u00a9A\u00c3\u00a9", s.value());
    assertEquals("3", value("const x = len(\"日\")", "x").toString());
    assertEquals("ab\\n", ((Constant.Str) value("const x = `ab\\n`", "x")).value());
  }

  @Test void typedFloatConstantsAreRoundedToTheirType() {
    Constant c = value("const x float32 = 0.1", "x");
    assertInstanceOf(Constant.Float.class, c);
    assertEquals((double) 0.1f, ((Constant.Float) c).value().doubleValue());
  }

  @Test void conversionsOfConstants() {
    assertEquals("A", ((Constant.Str) value("const x = string(rune(65))", "x")).value());
    assertEquals("3", value("const x = int(3.0)", "x").toString());
    assertEquals("200", value("const x = uint8(200)", "x").toString());
  }

  @Test void goFormatsConstantsInMessages() {
    assertEquals("1e+100", Constants.formatG(new java.math.BigDecimal("1e100"), 6));
    assertEquals("3.14159", Constants.formatG(new java.math.BigDecimal("3.14159265"), 6));
    assertEquals("0.1", Constants.formatG(new java.math.BigDecimal("0.1"), 6));
    assertEquals("1e-05", Constants.formatG(new java.math.BigDecimal("0.00001"), 6));
    assertEquals("\"a\\n\\x00é\"", Constants.quote("a\n\0\u00c3\u00a9"));
  }
}
