package gol.runtime.lib;

import gol.runtime.Box;
import gol.runtime.G;
import gol.runtime.GoError;
import gol.runtime.GoPointer;
import gol.runtime.GoString;
import gol.runtime.GoStringer;
import gol.runtime.GoStruct;
import gol.runtime.Panic;
import gol.runtime.RType;
import gol.runtime.RType.Kind;
import gol.runtime.Slice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One fmt print call (the counterpart of Go's fmt/print.go): walks the operands, parses Printf's
 * format, chooses for each operand and verb how to print it, and leaves the text in {@link #buf}.
 *
 * <p>Operands are gol interface values (see {@link Box}). Elements of slices and arrays and fields of
 * structs are boxed the same way before printing, with the container's element type as their static
 * type, so one routine ({@link #printValue}) prints values at any depth. As in Go, an operand that is
 * an error prints through its Error method and a Stringer through its String method (for the verbs
 * %v %s %q %x %X), at top level and inside containers.
 *
 * <p>Not thread-safe: make one per call. Calls Error/String methods of gol values on the calling
 * goroutine; such a method must not block (it is called as a plain function).
 */
final class Printer {
  static final String PERCENT_BANG = "%!", MISSING = "(MISSING)", BAD_INDEX = "(BADINDEX)",
      NIL_ANGLE = "<nil>", NIL_PAREN = "(nil)", EXTRA = "%!(EXTRA ", NO_VERB = "%!(NOVERB)",
      BAD_WIDTH = "%!(BADWIDTH)", BAD_PREC = "%!(BADPREC)", COMMA_SPACE = ", ";

  final G g;
  final StringBuilder buf = new StringBuilder(64);
  final FmtState f = new FmtState(buf);
  /** The operand being printed (for bad-verb messages); NO_ARG when printing a nested value. */
  private Object arg;
  private RType argType;
  private boolean erroring, panicking;
  /** Errorf: whether %w is allowed, and the error it named. */
  boolean wrapErrs;
  Object wrappedErr;
  // Printf argument state.
  private boolean reordered, goodArgNum;

  Printer(G g) { this.g = g; }

  // ------------------------------------------------------------------ Print, Println

  void doPrint(Object[] a, int off, int n) {
    boolean prevString = false;
    for (int i = 0; i < n; i++) {
      Object arg = a[off + i];
      boolean isString = arg != null && Box.typeOf(arg).kind == Kind.STRING;
      if (i > 0 && !isString && !prevString) buf.append(' ');
      printArg(arg, 'v');
      prevString = isString;
    }
  }

  void doPrintln(Object[] a, int off, int n) {
    for (int i = 0; i < n; i++) {
      if (i > 0) buf.append(' ');
      printArg(a[off + i], 'v');
    }
    buf.append('\n');
  }

  // ------------------------------------------------------------------ operands

  void printArg(Object arg, int verb) {
    this.arg = arg;
    this.argType = arg == null ? null : Box.typeOf(arg);
    if (arg == null) {
      if (verb == 'T' || verb == 'v') f.pad(NIL_ANGLE); else badVerb(verb);
      return;
    }
    if (verb == 'T') { f.fmtS(argType.name); return; }
    if (verb == 'p') { fmtPointer(arg, argType, 'p'); return; }
    // The basic types print directly; everything else may have methods.
    if (arg instanceof Long l) { fmtInteger(l, true, verb); return; }
    if (arg instanceof String s) { fmtString(s, verb); return; }
    if (arg instanceof Double d) { fmtFloat(d, 64, verb); return; }
    if (arg instanceof Boolean b) { fmtBool(b, verb); return; }
    if (arg instanceof Integer i) { fmtInteger(i, true, verb); return; }
    if (!handleMethods(verb)) printValue(arg, argType, verb, 0);
  }

  /** Prints the operand through its Error or String method if it has one and the verb allows; true if done. */
  private boolean handleMethods(int verb) {
    if (erroring) return false;
    if (verb == 'w') {
      if (!(arg instanceof GoError) || !wrapErrs || wrappedErr != null) {
        wrappedErr = null;
        wrapErrs = false;
        badVerb(verb);
        return true;
      }
      wrappedErr = arg;
      verb = 'v';
    }
    if (f.sharpV) return false; // %#v would use a GoString method; gol values have none
    if (verb != 'v' && verb != 's' && verb != 'x' && verb != 'X' && verb != 'q') return false;
    String method;
    if (arg instanceof GoError) method = "Error";
    else if (arg instanceof GoStringer) method = "String";
    else return false;
    Object receiver = arg;
    String text;
    try {
      text = receiver instanceof GoError e ? e.Error(g) : ((GoStringer) receiver).String(g);
      text = (String) gol.runtime.Callbacks.resultA(g, text, method + " method of " + gol.runtime.Box.typeName(receiver) + " called by fmt");
    } catch (Panic p) {
      catchPanic(p, receiver, verb, method);
      return true;
    }
    fmtString(text, verb);
    return true;
  }

  /** A panicking Error/String method prints as %!v(PANIC=String method: msg), as in Go. */
  private void catchPanic(Panic p, Object receiver, int verb, String method) {
    if (panicking) throw p;
    boolean sv = f.sharpV, pv = f.plusV;
    int w = f.wid, pr = f.prec;
    boolean wp = f.widPresent, pp = f.precPresent, mi = f.minus, pl = f.plus, sh = f.sharp, sp = f.space, z = f.zero;
    f.clearFlags();
    buf.append(PERCENT_BANG);
    GoString.appendRune(buf, verb);
    buf.append("(PANIC=").append(method).append(" method: ");
    panicking = true;
    printArg(p.value, 'v');
    panicking = false;
    buf.append(')');
    f.sharpV = sv; f.plusV = pv; f.wid = w; f.prec = pr; f.widPresent = wp; f.precPresent = pp;
    f.minus = mi; f.plus = pl; f.sharp = sh; f.space = sp; f.zero = z;
  }

  /**
   * Prints v of static type t (or, when t is null or an interface type, of v's dynamic type).
   * depth > 0 inside containers, where methods are looked for again and nil prints as {@code <nil>}.
   */
  void printValue(Object v, RType t, int verb, int depth) {
    if (depth > 0 && v != null && (v instanceof GoError || v instanceof GoStringer)) {
      arg = v;
      argType = Box.typeOf(v);
      if (handleMethods(verb)) return;
    }
    arg = NO_ARG;
    if (t == null || t.kind == Kind.INTERFACE) {
      if (v == null) {
        if (f.sharpV) buf.append(t == null ? "interface {}" : t.name).append(NIL_PAREN);
        else buf.append(NIL_ANGLE);
        return;
      }
      RType dyn = Box.typeOf(v);
      if (depth > 0 && t != null) { printValue(v, dyn, verb, depth + 1); return; }
      t = dyn;
    }
    if (v instanceof Box.Named nb) v = nb.unwrapped();   // a named number/string with methods: print its value
    arg = NO_ARG;
    argType = t;
    argValue = v;
    switch (t.kind) {
      case BOOL -> fmtBool(Box.unboxBool(v), verb);
      case INT, INT8, INT16, INT32, INT64 -> fmtInteger(Box.unboxInt(v), true, verb);
      case UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR -> fmtInteger(Box.unboxInt(v), false, verb);
      case FLOAT32 -> fmtFloat(Box.unboxFloat(v), 32, verb);
      case FLOAT64 -> fmtFloat(Box.unboxFloat(v), 64, verb);
      case COMPLEX64 -> fmtComplex(Box.unboxComplex(v), 64, verb);
      case COMPLEX128 -> fmtComplex(Box.unboxComplex(v), 128, verb);
      case STRING -> fmtString((String) v, verb);
      case MAP -> printMap(v, t, verb, depth);
      case STRUCT -> printStruct(v, t, verb, depth);
      case ARRAY, SLICE -> printList(v, t, verb, depth);
      case POINTER -> {
        Kind k = t.elem == null ? null : t.elem.kind;
        if (depth == 0 && (k == Kind.ARRAY || k == Kind.SLICE || k == Kind.STRUCT || k == Kind.MAP)) {
          // a pointer to a composite prints as & and the value: &{1 2}, &[1 2]
          Object target = v instanceof GoPointer p && Values.structPointee(v) != null ? p.goLoad()
              : v instanceof gol.runtime.TypedRef r && r.v instanceof gol.runtime.Cell.A c ? c.get() : NO_ARG;
          if (target != NO_ARG) {
            buf.append('&');
            printValue(target, t.elem, verb, depth + 1);
            return;
          }
        }
        fmtPointer(v, t, verb);
      }
      case CHAN, FUNC, UNSAFE_POINTER -> fmtPointer(v, t, verb);
      default -> buf.append('?').append(t.name).append('?');
    }
  }

  /** Marks "no top-level operand": bad verbs then describe {@link #argValue} of {@link #argType}. */
  private static final Object NO_ARG = new Object();
  private Object argValue;

  private void printStruct(Object v, RType t, int verb, int depth) {
    if (f.sharpV) buf.append(t.name);
    buf.append('{');
    List<String> names = t.fieldNames;
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) buf.append(f.sharpV ? COMMA_SPACE : " ");
      if ((f.plusV || f.sharpV) && !names.get(i).isEmpty()) buf.append(names.get(i)).append(':');
      RType ft = t.fieldTypes.get(i);
      printValue(Values.field(v, i, names.get(i), ft), ft, verb, depth + 1);
    }
    buf.append('}');
  }

  private void printList(Object v, RType t, int verb, int depth) {
    // An array may arrive as its raw Java array or as a Slice header typed with the array type.
    Object array;
    int off, len;
    boolean nil = v == null || (v instanceof Slice s0 && s0.isNil());
    if (v instanceof Slice s) { array = s.array; off = s.off; len = s.len; }
    else if (v == null) { array = null; off = 0; len = 0; }
    else { array = v; off = 0; len = Slice.arrayLength(v); }
    RType et = t.elem;
    if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') && et.kind == Kind.UINT8) {
      fmtBytes(array == null ? "" : GoString.fromBytes((byte[]) array, off, len), nil, verb, t.name);
      return;
    }
    if (f.sharpV) {
      // Go names the unnamed byte slice "[]byte" when it is the operand itself.
      buf.append(depth == 0 && et == RType.UINT8 && t.name.equals("[]uint8") ? "[]byte" : t.name);
      if (t.kind == Kind.SLICE && nil) { buf.append(NIL_PAREN); return; }
      buf.append('{');
      for (int i = 0; i < len; i++) {
        if (i > 0) buf.append(COMMA_SPACE);
        printValue(Values.element(array, off + i, et), et, verb, depth + 1);
      }
      buf.append('}');
    } else {
      buf.append('[');
      for (int i = 0; i < len; i++) {
        if (i > 0) buf.append(' ');
        printValue(Values.element(array, off + i, et), et, verb, depth + 1);
      }
      buf.append(']');
    }
  }

  private void printMap(Object v, RType t, int verb, int depth) {
    if (v != null && !(v instanceof Map)) { fmtPointer(v, t, verb); return; }
    if (v instanceof gol.runtime.GoMap m && m.isNil()) v = null;   // a nil map held in an interface
    if (f.sharpV) {
      buf.append(t.name);
      if (v == null) { buf.append(NIL_PAREN); return; }
      buf.append('{');
    } else {
      buf.append("map[");
    }
    if (v != null) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(((Map<?, ?>) v).entrySet());
      entries.sort((a, b) -> Values.compareKeys(a.getKey(), b.getKey()));
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) buf.append(f.sharpV ? COMMA_SPACE : " ");
        printValue(entries.get(i).getKey(), t.key, verb, depth + 1);
        buf.append(':');
        printValue(entries.get(i).getValue(), t.elem, verb, depth + 1);
      }
    }
    buf.append(f.sharpV ? '}' : ']');
  }

  // ------------------------------------------------------------------ by kind

  private void fmtBool(boolean v, int verb) {
    if (verb == 't' || verb == 'v') f.fmtBoolean(v); else badVerb(verb);
  }

  /** %x with the 0x prefix forced on or off (pointers, %#v of unsigned integers). */
  private void fmt0x64(long v, boolean leading0x) {
    boolean sharp = f.sharp;
    f.sharp = leading0x;
    f.fmtInteger(v, 16, false, 'v', FmtState.LDIGITS);
    f.sharp = sharp;
  }

  private void fmtInteger(long v, boolean signed, int verb) {
    switch (verb) {
      case 'v' -> {
        if (f.sharpV && !signed) fmt0x64(v, true);
        else f.fmtInteger(v, 10, signed, 'v', FmtState.LDIGITS);
      }
      case 'd' -> f.fmtInteger(v, 10, signed, 'd', FmtState.LDIGITS);
      case 'b' -> f.fmtInteger(v, 2, signed, 'b', FmtState.LDIGITS);
      case 'o', 'O' -> f.fmtInteger(v, 8, signed, (char) verb, FmtState.LDIGITS);
      case 'x' -> f.fmtInteger(v, 16, signed, 'x', FmtState.LDIGITS);
      case 'X' -> f.fmtInteger(v, 16, signed, 'X', FmtState.UDIGITS);
      case 'c' -> f.fmtC(v);
      case 'q' -> f.fmtQc(v);
      case 'U' -> f.fmtUnicode(v);
      default -> badVerb(verb);
    }
  }

  private void fmtFloat(double v, int size, int verb) {
    switch (verb) {
      case 'v' -> f.fmtFloat(v, size, 'g', -1);
      case 'b', 'g', 'G', 'x', 'X' -> f.fmtFloat(v, size, (char) verb, -1);
      case 'f', 'e', 'E' -> f.fmtFloat(v, size, (char) verb, 6);
      case 'F' -> f.fmtFloat(v, size, 'f', 6);
      default -> badVerb(verb);
    }
  }

  /** (re+imi): each part printed as a float of half the size, the imaginary part always signed. */
  private void fmtComplex(gol.runtime.Complex v, int size, int verb) {
    switch (verb) {
      case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E' -> {
        boolean oldPlus = f.plus;
        buf.append('(');
        fmtFloat(v.re, size / 2, verb);
        f.plus = true;
        fmtFloat(v.im, size / 2, verb);
        buf.append("i)");
        f.plus = oldPlus;
      }
      default -> badVerb(verb);
    }
  }

  private void fmtString(String v, int verb) {
    switch (verb) {
      case 'v' -> { if (f.sharpV) f.fmtQ(v); else f.fmtS(v); }
      case 's' -> f.fmtS(v);
      case 'x' -> f.fmtSx(v, FmtState.LDIGITS);
      case 'X' -> f.fmtSx(v, FmtState.UDIGITS);
      case 'q' -> f.fmtQ(v);
      default -> badVerb(verb);
    }
  }

  /** A byte slice or array for %s %q %x %X (the other verbs print it as a list). */
  private void fmtBytes(String v, boolean nil, int verb, String typeName) {
    switch (verb) {
      case 's' -> f.fmtS(v);
      case 'x' -> f.fmtSx(v, FmtState.LDIGITS);
      case 'X' -> f.fmtSx(v, FmtState.UDIGITS);
      case 'q' -> f.fmtQ(v);
      default -> throw new IllegalStateException();
    }
  }

  /** Pointers, channels, functions, maps: an address (gol has no stable addresses; it makes one up). */
  private void fmtPointer(Object v, RType t, int verb) {
    Kind k = t == null ? null : t.kind;
    if (k != Kind.CHAN && k != Kind.FUNC && k != Kind.MAP && k != Kind.POINTER && k != Kind.SLICE
        && k != Kind.UNSAFE_POINTER) {
      badVerb(verb);
      return;
    }
    long u = Values.address(v);
    switch (verb) {
      case 'v' -> {
        if (f.sharpV) {
          buf.append('(').append(t.name).append(")(");
          if (u == 0) buf.append("nil"); else fmt0x64(u, true);
          buf.append(')');
        } else if (u == 0) {
          f.pad(NIL_ANGLE);
        } else {
          fmt0x64(u, !f.sharp);
        }
      }
      case 'p' -> fmt0x64(u, !f.sharp);
      case 'b', 'o', 'd', 'x', 'X' -> fmtInteger(u, false, verb);
      default -> badVerb(verb);
    }
  }

  // ------------------------------------------------------------------ errors in the format

  /** %!verb(type=value) for an operand the verb does not apply to. */
  private void badVerb(int verb) {
    if (arg == NO_ARG) badVerbValue(verb, argType, argValue);
    else badVerbValue(verb, argType, arg);
  }

  private void badVerbValue(int verb, RType t, Object v) {
    erroring = true;
    buf.append(PERCENT_BANG);
    GoString.appendRune(buf, verb);
    buf.append('(');
    if (t != null) {
      buf.append(t.name).append('=');
      if (arg != NO_ARG) printArg(v, 'v');
      else printValue(v, t, 'v', 0);
    } else {
      buf.append(NIL_ANGLE);
    }
    buf.append(')');
    erroring = false;
  }

  // ------------------------------------------------------------------ Printf

  private static boolean tooLarge(int x) { return x > 1_000_000 || x < -1_000_000; }

  /** Parses a decimal number at s[start..end): {num, isnum (0/1), newi}. */
  private static int[] parseNum(String s, int start, int end) {
    if (start >= end) return new int[] {0, 0, end};
    int num = 0, i = start;
    boolean isnum = false;
    for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
      if (tooLarge(num)) return new int[] {0, 0, end};
      num = num * 10 + (s.charAt(i) - '0');
      isnum = true;
    }
    return new int[] {num, isnum ? 1 : 0, i};
  }

  /** An int operand for '*' width or precision: {num, isInt (0/1)}. */
  private static long[] intFromArg(Object[] a, int off, int n, int argNum) {
    long num = 0;
    boolean isInt = false;
    if (argNum < n) {
      Object o = a[off + argNum];
      if (o instanceof Long || o instanceof Integer) { num = Box.unboxInt(o); isInt = true; }
      else if (o instanceof Box.Int bi) {
        Kind k = bi.type.kind;
        boolean unsigned = k == Kind.UINT || k == Kind.UINT64 || k == Kind.UINTPTR;
        if (!unsigned || bi.v >= 0) { num = bi.v; isInt = true; }
      }
      if (num > 1_000_000 || num < -1_000_000) { num = 0; isInt = false; }
    }
    return new long[] {num, isInt ? 1 : 0};
  }

  /** Explicit argument index "[n]" at format[i]: updates argNum; returns {argNum, newi, found}. */
  private int[] argNumber(int argNum, String format, int i, int numArgs) {
    if (format.length() <= i || format.charAt(i) != '[') return new int[] {argNum, i, 0};
    reordered = true;
    // parseArgNumber: "[n]" with n >= 1.
    String s = format.substring(i);
    int index = 0, wid = 1;
    boolean ok = false;
    if (s.length() >= 3) {
      for (int k = 1; k < s.length(); k++) {
        if (s.charAt(k) == ']') {
          int[] pn = parseNum(s, 1, k);
          if (pn[1] == 0 || pn[2] != k) { index = 0; wid = k + 1; ok = false; }
          else { index = pn[0] - 1; wid = k + 1; ok = true; }
          break;
        }
      }
    }
    if (ok && 0 <= index && index < numArgs) return new int[] {index, i + wid, 1};
    goodArgNum = false;
    return new int[] {argNum, i + wid, ok ? 1 : 0};
  }

  void doPrintf(String format, Object[] a, int off, int n) {
    int end = format.length();
    int argNum = 0;
    boolean afterIndex = false;
    reordered = false;
    formatLoop:
    for (int i = 0; i < end; ) {
      goodArgNum = true;
      int lasti = i;
      while (i < end && format.charAt(i) != '%') i++;
      if (i > lasti) buf.append(format, lasti, i);
      if (i >= end) break;
      i++; // skip %
      f.clearFlags();
      simpleFormat:
      for (; i < end; i++) {
        char c = format.charAt(i);
        switch (c) {
          case '#' -> f.sharp = true;
          case '0' -> f.zero = !f.minus; // only pad with zeros on the left
          case '+' -> f.plus = true;
          case '-' -> { f.minus = true; f.zero = false; }
          case ' ' -> f.space = true;
          default -> {
            // Fast path: a simple verb with no width, precision or index.
            if ('a' <= c && c <= 'z' && argNum < n) {
              if (c == 'v') { f.sharpV = f.sharp; f.sharp = false; f.plusV = f.plus; f.plus = false; }
              printArg(a[off + argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simpleFormat;
          }
        }
      }

      int[] an = argNumber(argNum, format, i, n);
      argNum = an[0]; i = an[1]; afterIndex = an[2] == 1;

      if (i < end && format.charAt(i) == '*') {
        i++;
        long[] ia = intFromArg(a, off, n, argNum);
        f.wid = (int) ia[0];
        f.widPresent = ia[1] == 1;
        if (argNum < n) argNum++;
        if (!f.widPresent) buf.append(BAD_WIDTH);
        if (f.wid < 0) { f.wid = -f.wid; f.minus = true; f.zero = false; }
        afterIndex = false;
      } else {
        int[] pn = parseNum(format, i, end);
        f.wid = pn[0]; f.widPresent = pn[1] == 1; i = pn[2];
        if (afterIndex && f.widPresent) goodArgNum = false; // "%[3]2d"
      }

      if (i + 1 < end && format.charAt(i) == '.') {
        i++;
        if (afterIndex) goodArgNum = false; // "%[3].2d"
        an = argNumber(argNum, format, i, n);
        argNum = an[0]; i = an[1]; afterIndex = an[2] == 1;
        if (i < end && format.charAt(i) == '*') {
          i++;
          long[] ia = intFromArg(a, off, n, argNum);
          f.prec = (int) ia[0];
          f.precPresent = ia[1] == 1;
          if (argNum < n) argNum++;
          if (f.prec < 0) { f.prec = 0; f.precPresent = false; }
          if (!f.precPresent) buf.append(BAD_PREC);
          afterIndex = false;
        } else {
          int[] pn = parseNum(format, i, end);
          f.prec = pn[0]; f.precPresent = pn[1] == 1; i = pn[2];
          if (!f.precPresent) { f.prec = 0; f.precPresent = true; }
        }
      }

      if (!afterIndex) {
        an = argNumber(argNum, format, i, n);
        argNum = an[0]; i = an[1]; afterIndex = an[2] == 1;
      }

      if (i >= end) { buf.append(NO_VERB); break; }

      int verb = format.charAt(i), size = 1;
      if (verb >= 0x80) {
        long d = GoString.decodeRune(format, i);
        verb = GoString.rune(d);
        size = GoString.width(d);
      }
      i += size;

      if (verb == '%') {
        buf.append('%'); // does not use an operand, ignores width and precision
      } else if (!goodArgNum) {
        buf.append(PERCENT_BANG);
        GoString.appendRune(buf, verb);
        buf.append(BAD_INDEX);
      } else if (argNum >= n) {
        buf.append(PERCENT_BANG);
        GoString.appendRune(buf, verb);
        buf.append(MISSING);
      } else {
        if (verb == 'v') { f.sharpV = f.sharp; f.sharp = false; f.plusV = f.plus; f.plus = false; }
        printArg(a[off + argNum], verb);
        argNum++;
      }
    }

    if (!reordered && argNum < n) {
      f.clearFlags();
      buf.append(EXTRA);
      for (int k = argNum; k < n; k++) {
        if (k > argNum) buf.append(COMMA_SPACE);
        Object o = a[off + k];
        if (o == null) {
          buf.append(NIL_ANGLE);
        } else {
          buf.append(Box.typeOf(o).name).append('=');
          printArg(o, 'v');
        }
      }
      buf.append(')');
    }
  }
}
