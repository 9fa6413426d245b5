package gol.runtime;

/**
 * The built-in print and println, which write to stderr in the runtime's own format (not fmt's):
 * floats as {@code +1.500000e+000}, slices as {@code [len/cap]0xADDR}. Known to the compiler.
 */
public final class Builtin {
  private Builtin() {}

  /** panic(v) as a function (for {@code defer panic(v)} and {@code go panic(v)}). */
  public static void panic(G g, Object v) { throw new Panic(v); }

  public static void printint(long v) { Out.stderr(Long.toString(v)); }
  public static void printuint(long v) { Out.stderr(Long.toUnsignedString(v)); }
  public static void printbool(boolean v) { Out.stderr(v ? "true" : "false"); }
  public static void printstring(String s) { Out.stderr(s); }
  public static void printsp() { Out.stderr(" "); }
  public static void printnl() { Out.stderr("\n"); }

  public static void printslice(Slice s) {
    Out.stderr("[" + Slice.len(s) + "/" + Slice.cap(s) + "]" + address(s == null ? null : s.array));
  }

  public static void printpointer(Object o) { Out.stderr(address(o)); }

  public static void printeface(Object o) {
    Out.stderr(o == null ? "(0x0,0x0)" : "(" + address(Box.typeOf(o)) + "," + address(o) + ")");
  }

  static String address(Object o) {
    return o == null ? "0x0" : "0xc" + String.format("%09x", (System.identityHashCode(o) & 0xfffffffL) << 3);
  }

  /** Go's runtime float format: sign, one digit, '.', six digits, 'e', sign, three exponent digits. */
  public static void printfloat(double v) { Out.stderr(formatFloat(v)); }

  public static void printcomplex(Complex v) { Out.stderr(v.toString()); }

  static String formatFloat(double v) {
    if (Double.isNaN(v)) return "NaN";
    if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
    String s = String.format("%.6e", Math.abs(v));        // d.dddddde+xx
    int e = s.indexOf('e');
    String mant = s.substring(0, e);
    int exp = Integer.parseInt(s.substring(e + 1));
    char sign = v < 0 || (v == 0 && 1 / v < 0) ? '-' : '+';
    return sign + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%03d", Math.abs(exp));
  }
}
