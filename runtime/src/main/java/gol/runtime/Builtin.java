package gol.runtime;

/**
 * The built-in print and println, which write to stderr in the runtime's own format (not fmt's):
 * floats as {@code +1.500000e+000}, slices as {@code [len/cap]0xADDR}. Known to the compiler.
 */
public final class Builtin {
  private Builtin() {}

  /** panic(v) as a function (for {@code defer panic(v)} and {@code go panic(v)}). */
  public static void panic(G g, Object v) { throw new Panic(v); }

  /** {@code defer delete(m, k)}: k boxed as a map key. */
  public static void delete(G g, GoMap m, Object k) { GoMap.delete(m, k); }

  /** {@code defer copy(dst, src)}: src a Slice or a string. */
  public static void copy(G g, Slice dst, Object src) {
    if (src instanceof String s) Slice.copyString(dst, s); else Slice.copy(dst, (Slice) src);
  }

  /**
   * {@code defer recover()}: recover called by the runtime itself, not by a deferred function, so it
   * returns nil and stops nothing (Go's rule).
   */
  public static void recover(G g) {}

  /**
   * {@code defer print(a, b)} / {@code defer println(a, b)}: the arguments were boxed when the defer
   * statement ran; {@code kinds} has one letter per argument saying how print shows it (i int,
   * u unsigned, f float, c complex, b bool, s string, l slice, e interface, p pointer or other).
   */
  public static void print(G g, String kinds, Object[] args, boolean newline) {
    for (int i = 0; i < args.length; i++) {
      if (newline && i > 0) printsp();
      Object a = args[i];
      switch (kinds.charAt(i)) {
        case 'i': printint(Box.unboxInt(a)); break;
        case 'u': printuint(Box.unboxInt(a)); break;
        case 'f': printfloat(Box.unboxFloat(a)); break;
        case 'c': printcomplex(Box.unboxComplex(a)); break;
        case 'b': printbool(Box.unboxBool(a)); break;
        case 's': printstring(a instanceof Box.Named n ? (String) n.unwrapped() : (String) a); break;
        case 'l': printslice(Slice.unbox(a)); break;
        case 'e': printeface(a); break;
        default: printpointer(a instanceof TypedRef r ? r.v : a instanceof GoPointer p ? p.goLoad() : a);
      }
    }
    if (newline) printnl();
  }

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
