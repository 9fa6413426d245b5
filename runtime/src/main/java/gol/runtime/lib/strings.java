package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.G;
import gol.runtime.GoString;
import gol.runtime.Panic;
import gol.runtime.RType;
import gol.runtime.Slice;
import gol.runtime.Tuple;

/**
 * Go's package strings (the subset gol supports). Strings are Go strings: one char per byte, so
 * byte-wise operations are Java's; case mapping and space trimming decode UTF-8 as Go does.
 */
public final class strings {
  private strings() {}

  /** strings.Builder: an append-only byte buffer; the zero value is ready to use. */
  public static final class Builder implements io.Writer, Box.Typed {
    private static final RType TYPE = RType.named(RType.Kind.STRUCT, "strings.Builder", null);
    private StringBuilder sb = new StringBuilder();

    public Builder() {}

    public Tuple WriteString(G g, String s) {
      sb.append(s);
      return ok(s.length());
    }

    public Object WriteByte(G g, long c) {
      sb.append((char) (c & 0xFF));
      return null;
    }

    public Tuple WriteRune(G g, long r) {
      int before = sb.length();
      GoString.appendRune(sb, r);
      return ok(sb.length() - before);
    }

    @Override public Tuple Write(G g, Slice p) {
      int n = Slice.len(p);
      if (n > 0) sb.append(GoString.fromBytes((byte[]) p.array, p.off, n));
      return ok(n);
    }

    public String String(G g) { return sb.toString(); }

    public long Len(G g) { return sb.length(); }

    public long Cap(G g) { return sb.capacity(); }

    public void Reset(G g) { sb = new StringBuilder(); }

    public void Grow(G g, long n) {
      if (n < 0) throw Panic.plain("strings.Builder.Grow: negative count");
      sb.ensureCapacity(sb.length() + (int) n);
    }

    private static Tuple ok(long n) {
      Tuple t = new Tuple();
      t.j0 = n;
      return t;
    }

    @Override public RType goType() { return TYPE; }
  }
}
