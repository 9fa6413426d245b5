package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.Callbacks;
import gol.runtime.Fn;
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
  /** strings.Reader: reads a string (Read, ReadByte, ReadRune, ReadString, Len). A *strings.Reader in Go. */
  public static final class Reader implements io.Reader, Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "strings.Reader", null));
    private final String s;
    private int i;

    Reader(String s) { this.s = s; }

    @Override public Tuple Read(G g, Slice p) {
      Tuple t = new Tuple();
      if (i >= s.length()) {
        t.a0 = io.EOF;
        return t;
      }
      int n = Math.min(Slice.len(p), s.length() - i);
      byte[] a = (byte[]) p.array;
      for (int k = 0; k < n; k++) a[p.off + k] = (byte) s.charAt(i + k);
      i += n;
      t.j0 = n;
      return t;
    }

    /** ReadByte() (byte, error). */
    public Tuple ReadByte(G g) {
      Tuple t = new Tuple();
      if (i >= s.length()) t.a0 = io.EOF;
      else t.j0 = s.charAt(i++) & 0xff;
      return t;
    }

    /** ReadRune() (ch rune, size int, err error). */
    public Tuple ReadRune(G g) {
      Tuple t = new Tuple();
      if (i >= s.length()) {
        t.a0 = io.EOF;
        return t;
      }
      long d = GoString.decodeRune(s, i);
      t.j0 = GoString.rune(d);
      t.j1 = GoString.width(d);
      i += GoString.width(d);
      return t;
    }

    /** Len() int: the number of unread bytes. */
    public long Len(G g) { return s.length() - i; }

    /** Size() int64: the length of the underlying string. */
    public long Size(G g) { return s.length(); }

    @Override public RType goType() { return TYPE; }
  }

  public static Reader NewReader(G g, String s) { return new Reader(s); }

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

  static final RType STRINGS = RType.slice(RType.STRING);

  private static Slice slice(java.util.List<String> parts) {
    Object[] a = parts.toArray();
    return new Slice(STRINGS, a, 0, a.length, a.length);
  }

  // ------------------------------------------------------------------ searching

  public static boolean Contains(G g, String s, String substr) { return s.contains(substr); }

  public static boolean ContainsRune(G g, String s, long r) { return IndexRune(g, s, r) >= 0; }

  public static boolean ContainsAny(G g, String s, String chars) { return IndexAny(g, s, chars) >= 0; }

  public static boolean HasPrefix(G g, String s, String prefix) { return s.startsWith(prefix); }

  public static boolean HasSuffix(G g, String s, String suffix) { return s.endsWith(suffix); }

  public static long Index(G g, String s, String substr) { return s.indexOf(substr); }

  public static long LastIndex(G g, String s, String substr) { return s.lastIndexOf(substr); }

  public static long IndexByte(G g, String s, long c) { return s.indexOf((char) (c & 0xFF)); }

  public static long LastIndexByte(G g, String s, long c) { return s.lastIndexOf((char) (c & 0xFF)); }

  /** The byte index of the first rune r in s (an invalid r matches U+FFFD as decoded). */
  public static long IndexRune(G g, String s, long r) {
    if (r >= 0 && r < 0x80) return s.indexOf((char) r);
    if (r == GoString.RUNE_ERROR) {
      for (int i = 0; i < s.length(); ) {
        long d = GoString.decodeRune(s, i);
        if (GoString.rune(d) == GoString.RUNE_ERROR) return i;
        i += GoString.width(d);
      }
      return -1;
    }
    if (!Quoting.validRune(r)) return -1;
    return s.indexOf(GoString.fromRune(r));
  }

  public static long IndexAny(G g, String s, String chars) {
    for (int i = 0; i < s.length(); ) {
      long d = GoString.decodeRune(s, i);
      if (IndexRune(g, chars, GoString.rune(d)) >= 0) return i;
      i += GoString.width(d);
    }
    return -1;
  }

  /** Count of non-overlapping instances of substr; for "" the rune count plus one. */
  public static long Count(G g, String s, String substr) {
    if (substr.isEmpty()) return GoString.runeCount(s) + 1;
    long n = 0;
    for (int i = s.indexOf(substr); i >= 0; i = s.indexOf(substr, i + substr.length())) n++;
    return n;
  }

  // ------------------------------------------------------------------ splitting and joining

  /** Splits after each UTF-8 sequence (the explode of Go's Split with sep ""), at most n pieces (n < 0: all). */
  private static java.util.List<String> explode(String s, long n) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (n > 0 && out.size() == n - 1) { out.add(s.substring(i)); return out; }
      int w = GoString.width(GoString.decodeRune(s, i));
      out.add(s.substring(i, i + w));
      i += w;
    }
    return out;
  }

  private static Slice genSplit(String s, String sep, int sepSave, long n) {
    if (n == 0) return null;
    if (sep.isEmpty()) return slice(explode(s, n));
    if (n < 0) n = Count(null, s, sep) + 1;
    java.util.List<String> out = new java.util.ArrayList<>();
    int start = 0;
    while (out.size() < n - 1) {
      int m = s.indexOf(sep, start);
      if (m < 0) break;
      out.add(s.substring(start, m + sepSave));
      start = m + sep.length();
    }
    out.add(s.substring(start));
    return slice(out);
  }

  public static Slice Split(G g, String s, String sep) { return genSplit(s, sep, 0, -1); }

  public static Slice SplitN(G g, String s, String sep, long n) { return genSplit(s, sep, 0, n); }

  public static Slice SplitAfter(G g, String s, String sep) { return genSplit(s, sep, sep.length(), -1); }

  public static String Join(G g, Slice elems, String sep) {
    int n = Slice.len(elems);
    if (n == 0) return "";
    StringBuilder sb = new StringBuilder();
    Object[] a = (Object[]) elems.array;
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append(sep);
      sb.append((String) a[elems.off + i]);
    }
    return sb.toString();
  }

  /** Splits around runs of white space (unicode.IsSpace); never returns empty fields. */
  public static Slice Fields(G g, String s) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int i = 0, n = s.length();
    while (i < n) {
      while (i < n && isSpaceAt(s, i)) i += GoString.width(GoString.decodeRune(s, i));
      int start = i;
      while (i < n && !isSpaceAt(s, i)) i += GoString.width(GoString.decodeRune(s, i));
      if (i > start) out.add(s.substring(start, i));
    }
    return slice(out);
  }

  public static String Repeat(G g, String s, long count) {
    if (count < 0) throw new Panic("strings: negative Repeat count");
    if (s.length() * count / (count == 0 ? 1 : count) != s.length() || s.length() * count > Integer.MAX_VALUE - 8) {
      throw Panic.plain("strings: Repeat count causes overflow");
    }
    return s.repeat((int) count);
  }

  public static String Replace(G g, String s, String old, String nw, long n) {
    if (old.equals(nw) || n == 0) return s;
    if (old.isEmpty()) {
      // Insert nw before each rune and at the end, up to n times.
      StringBuilder sb = new StringBuilder();
      long done = 0;
      int i = 0;
      while (i <= s.length()) {
        if (n < 0 || done < n) { sb.append(nw); done++; }
        if (i == s.length()) break;
        int w = GoString.width(GoString.decodeRune(s, i));
        sb.append(s, i, i + w);
        i += w;
      }
      return sb.toString();
    }
    StringBuilder sb = new StringBuilder(s.length());
    int start = 0;
    long done = 0;
    while (n < 0 || done < n) {
      int m = s.indexOf(old, start);
      if (m < 0) break;
      sb.append(s, start, m).append(nw);
      start = m + old.length();
      done++;
    }
    return sb.append(s, start, s.length()).toString();
  }

  public static String ReplaceAll(G g, String s, String old, String nw) { return Replace(g, s, old, nw, -1); }

  // ------------------------------------------------------------------ case

  /** Applies a rune mapping to every rune (invalid bytes become U+FFFD, as Go's Map does). */
  private static String mapRunes(String s, java.util.function.IntUnaryOperator f) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c < 0x80) { sb.append((char) f.applyAsInt(c)); i++; continue; }
      long d = GoString.decodeRune(s, i);
      GoString.appendRune(sb, f.applyAsInt(GoString.rune(d)));
      i += GoString.width(d);
    }
    return sb.toString();
  }

  public static String ToUpper(G g, String s) { return mapRunes(s, Character::toUpperCase); }

  public static String ToLower(G g, String s) { return mapRunes(s, Character::toLowerCase); }

  /** Title (deprecated in Go, still there): upper-cases the first letter of each word. */
  public static String Title(G g, String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      long d = GoString.decodeRune(s, i);
      int r = GoString.rune(d);
      int w = GoString.width(d);
      if (isSeparator(prev)) GoString.appendRune(sb, Character.toTitleCase(r));
      else sb.append(s, i, i + w);
      prev = r;
      i += w;
    }
    return sb.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7F) {
      if ('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_') return false;
      return true;
    }
    if (unicode.IsLetter(null, r) || unicode.IsDigit(null, r)) return false;
    return unicode.IsSpace(null, r);
  }

  /** Case-insensitive equality under Unicode simple case folding. */
  public static boolean EqualFold(G g, String s, String t) {
    int i = 0, j = 0;
    while (i < s.length() && j < t.length()) {
      long a = GoString.decodeRune(s, i), b = GoString.decodeRune(t, j);
      int ra = GoString.rune(a), rb = GoString.rune(b);
      if (ra != rb && Character.toLowerCase(Character.toUpperCase(ra)) != Character.toLowerCase(Character.toUpperCase(rb))) {
        return false;
      }
      i += GoString.width(a);
      j += GoString.width(b);
    }
    return i == s.length() && j == t.length();
  }

  // ------------------------------------------------------------------ trimming

  /** unicode.IsSpace. */
  static boolean isSpace(int r) { return unicode.IsSpace(null, r); }

  private static boolean isSpaceAt(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x80) return isSpace(c);
    long d = GoString.decodeRune(s, i);
    return GoString.width(d) > 1 && isSpace(GoString.rune(d));
  }

  public static String TrimSpace(G g, String s) { return trim(s, strings::isSpace, true, true); }

  public static String Trim(G g, String s, String cutset) { return trim(s, inSet(cutset), true, true); }

  public static String TrimLeft(G g, String s, String cutset) { return trim(s, inSet(cutset), true, false); }

  public static String TrimRight(G g, String s, String cutset) { return trim(s, inSet(cutset), false, true); }

  public static String TrimPrefix(G g, String s, String prefix) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  public static String TrimSuffix(G g, String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }

  private static java.util.function.IntPredicate inSet(String cutset) {
    return r -> IndexRune(null, cutset, r) >= 0;
  }

  private static String trim(String s, java.util.function.IntPredicate cut, boolean left, boolean right) {
    int lo = 0, hi = s.length();
    if (left) {
      while (lo < hi) {
        long d = GoString.decodeRune(s, lo);
        if (!cut.test(GoString.rune(d))) break;
        lo += GoString.width(d);
      }
    }
    if (right) {
      while (hi > lo) {
        // Find the start of the last rune in s[lo:hi].
        int st = hi - 1;
        while (st > lo && hi - st < 4 && (s.charAt(st) & 0xC0) == 0x80) st--;
        long d = GoString.decodeRune(s, st);
        int r = GoString.rune(d);
        if (st + GoString.width(d) != hi) { st = hi - 1; r = GoString.RUNE_ERROR; }
        if (!cut.test(r)) break;
        hi = st;
      }
    }
    return s.substring(lo, hi);
  }

  // ------------------------------------------------------------------ callbacks, Cut, Compare

  /**
   * Map: every rune replaced by mapping(rune), dropped when that is negative. Like Go, mapping is
   * called once per rune (invalid bytes as U+FFFD), and s itself is returned when nothing changed.
   */
  public static String Map(G g, Object mapping, String s) {
    Fn.J_J f = (Fn.J_J) mapping;
    StringBuilder sb = new StringBuilder(s.length());
    boolean changed = false;
    for (int i = 0; i < s.length(); ) {
      long d = GoString.decodeRune(s, i);
      int c = GoString.rune(d), w = GoString.width(d);
      long r = Callbacks.resultJ(g, f.invoke(g, c), "mapping function called by strings.Map");
      if (r != c || (c == GoString.RUNE_ERROR && w == 1)) changed = true;
      if (r >= 0) GoString.appendRune(sb, r);
      i += w;
    }
    return changed ? sb.toString() : s;
  }

  /** Cut: (before, after, true) around the first sep, else (s, "", false). */
  public static Tuple Cut(G g, String s, String sep) {
    Tuple t = new Tuple();
    int i = s.indexOf(sep);
    if (i >= 0) {
      t.a0 = s.substring(0, i);
      t.a1 = s.substring(i + sep.length());
      t.j0 = 1;
    } else {
      t.a0 = s;
      t.a1 = "";
    }
    return t;
  }

  public static long Compare(G g, String a, String b) { return Integer.signum(a.compareTo(b)); }

  /** The fields of s separated by runs of runes satisfying f. */
  public static Slice FieldsFunc(G g, String s, Object f) {
    Fn.J_Z p = (Fn.J_Z) f;
    java.util.List<String> out = new java.util.ArrayList<>();
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      long d = GoString.decodeRune(s, i);
      if (Callbacks.resultZ(g, p.invoke(g, GoString.rune(d)), "function called by package strings")) {
        if (start >= 0) out.add(s.substring(start, i));
        start = -1;
      } else if (start < 0) {
        start = i;
      }
      i += GoString.width(d);
    }
    if (start >= 0) out.add(s.substring(start));
    return slice(out);
  }

  public static long IndexFunc(G g, String s, Object f) {
    Fn.J_Z p = (Fn.J_Z) f;
    for (int i = 0; i < s.length(); ) {
      long d = GoString.decodeRune(s, i);
      if (Callbacks.resultZ(g, p.invoke(g, GoString.rune(d)), "function called by package strings")) return i;
      i += GoString.width(d);
    }
    return -1;
  }

  public static long LastIndexFunc(G g, String s, Object f) {
    Fn.J_Z p = (Fn.J_Z) f;
    for (int end = s.length(); end > 0; ) {
      Tuple d = unicode_utf8.DecodeLastRuneInString(g, s.substring(0, end));
      end -= (int) d.j1;
      if (Callbacks.resultZ(g, p.invoke(g, d.j0), "function called by package strings")) return end;
    }
    return -1;
  }

  /** The byte index of the last rune of s that is in chars, or -1. */
  public static long LastIndexAny(G g, String s, String chars) {
    if (chars.isEmpty()) return -1;
    for (int end = s.length(); end > 0; ) {
      Tuple d = unicode_utf8.DecodeLastRuneInString(g, s.substring(0, end));
      end -= (int) d.j1;
      if (IndexRune(g, chars, d.j0) >= 0) return end;
    }
    return -1;
  }

  public static String TrimFunc(G g, String s, Object f) { return trim(s, pred(g, f), true, true); }

  public static String TrimLeftFunc(G g, String s, Object f) { return trim(s, pred(g, f), true, false); }

  public static String TrimRightFunc(G g, String s, Object f) { return trim(s, pred(g, f), false, true); }

  private static java.util.function.IntPredicate pred(G g, Object f) {
    Fn.J_Z p = (Fn.J_Z) f;
    return r -> Callbacks.resultZ(g, p.invoke(g, r), "function called by package strings");
  }

  // ------------------------------------------------------------------ Replacer

  /**
   * strings.Replacer: replaces old/new pairs in one left-to-right pass without overlaps. At each
   * position the earliest pair (in argument order) whose old string matches wins, as in Go; an empty
   * old string matches at every position (and at the end) but not twice in a row at one position.
   */
  public static final class Replacer implements Box.Typed {
    private static final RType TYPE = RType.pointer(RType.named(RType.Kind.STRUCT, "strings.Replacer", null));
    private final String[] oldnew;

    public Replacer() { oldnew = new String[0]; }

    Replacer(String[] oldnew) { this.oldnew = oldnew; }

    public String Replace(G g, String s) {
      StringBuilder sb = null;
      int last = 0;
      boolean prevEmpty = false;
      for (int i = 0; i <= s.length(); ) {
        int k = match(s, i, prevEmpty);
        if (k < 0) {
          prevEmpty = false;
          i++;
          continue;
        }
        if (sb == null) sb = new StringBuilder(s.length());
        sb.append(s, last, i).append(oldnew[k + 1]);
        prevEmpty = oldnew[k].isEmpty();
        i += oldnew[k].length();
        last = i;
      }
      if (sb == null) return s;
      return sb.append(s, Math.min(last, s.length()), s.length()).toString();
    }

    /** Index of the first pair whose old string matches s at i, or -1. */
    private int match(String s, int i, boolean skipEmpty) {
      for (int k = 0; k < oldnew.length; k += 2) {
        String old = oldnew[k];
        if (old.isEmpty() ? !skipEmpty : s.startsWith(old, i)) return k;
      }
      return -1;
    }

    @Override public RType goType() { return TYPE; }
  }

  public static Replacer NewReplacer(G g, Slice oldnew) {
    int n = Slice.len(oldnew);
    if (n % 2 == 1) throw Panic.plain("strings.NewReplacer: odd argument count");
    String[] a = new String[n];
    for (int i = 0; i < n; i++) a[i] = (String) ((Object[]) oldnew.array)[oldnew.off + i];
    return new Replacer(a);
  }
}
