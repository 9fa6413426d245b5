package gol.compiler.types;

import gol.compiler.ast.Op;
import gol.compiler.ast.Pos;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the one-line Go declarations of {@link Stdlib}'s table into symbols. Accepted forms:
 * <pre>
 *   func Name(params) results          a package function
 *   func (T) Name(params) results      a method of a type declared earlier ((*T) for a pointer receiver)
 *   type Name TypeExpr                 a defined type (struct{}, interface { M(...) ... }, int64, ...)
 *   var Name TypeExpr                  a package variable
 *   const Name [Type] = ConstExpr      a constant: literals combined with + - * ( )
 * </pre>
 * Type expressions: names (predeclared, of this package, or {@code pkg.Name} of an earlier package),
 * {@code *T}, {@code []T}, {@code map[K]V}, {@code chan T}, {@code <-chan T}, {@code func(...) ...},
 * {@code struct{}}, {@code interface { ... }}; parameters as in Go ({@code s, sep string},
 * {@code a ...any}). A malformed line is a bug in the table and throws at class initialization.
 */
final class StdlibDecls {
  private final String pkg;
  private final Map<String, Symbol> members;
  private final Map<String, Stdlib.Pkg> packages;
  private List<String> toks;
  private int p;

  StdlibDecls(String pkg, Map<String, Symbol> members, Map<String, Stdlib.Pkg> packages) {
    this.pkg = pkg; this.members = members; this.packages = packages;
  }

  void declare(String line) {
    toks = tokenize(line);
    p = 0;
    String kw = next();
    switch (kw) {
      case "func" -> func();
      case "type" -> {
        String name = next();
        Type.Named t = new Type.Named(pkg, name, null);
        members.put(name, new Symbol.TypeName(name, Pos.NONE, t));
        t.setUnderlying(type().underlying());
      }
      case "var" -> {
        String name = next();
        members.put(name, new Symbol.Var(name, Pos.NONE, type(), Symbol.Var.Kind.GLOBAL, null, false));
      }
      case "const" -> {
        String name = next();
        Type t = peek().equals("=") ? null : type();
        expect("=");
        Operand x = constExpr();
        Constant v = x.val;
        Type typ = x.type;
        if (t != null) {
          v = Constants.represent(v, (Type.Basic) t.underlying(), null);
          typ = t;
        }
        if (v == null) throw new IllegalStateException("bad constant " + line);
        members.put(name, new Symbol.Const(name, Pos.NONE, typ, v));
      }
      default -> throw new IllegalStateException("bad stdlib declaration: " + line);
    }
    if (p != toks.size()) throw new IllegalStateException("trailing tokens in: " + line);
  }

  private void func() {
    Symbol.Var recv = null;
    Type.Named recvBase = null;
    if (peek().equals("(")) {
      next();
      boolean ptr = false;
      if (peek().equals("*")) { next(); ptr = true; }
      recvBase = (Type.Named) ((Symbol.TypeName) members.get(next())).type;
      expect(")");
      Type rt = ptr ? new Type.Pointer(recvBase) : recvBase;
      recv = new Symbol.Var("", Pos.NONE, rt, Symbol.Var.Kind.RECEIVER, null, false);
    }
    String name = next();
    Type.Signature s = signature(recv);
    Symbol.Func f = new Symbol.Func(name, Pos.NONE, s, pkg, null);
    if (recvBase != null) recvBase.methods.add(f);
    else members.put(name, f);
  }

  private Type.Signature signature(Symbol.Var recv) {
    boolean[] variadic = new boolean[1];
    List<Symbol.Var> params = params(Symbol.Var.Kind.PARAM, variadic);
    List<Symbol.Var> results = new ArrayList<>();
    if (peek().equals("(")) results = params(Symbol.Var.Kind.RESULT, null);
    else if (!peek().isEmpty() && !peek().equals(";") && !peek().equals("}") && !peek().equals(")") && !peek().equals(",")) {
      results.add(new Symbol.Var("", Pos.NONE, type(), Symbol.Var.Kind.RESULT, null, false));
    }
    return new Type.Signature(recv, params, results, variadic != null && variadic[0]);
  }

  /** {@code (a, b int, c ...string)} or {@code (int, error)}. */
  private List<Symbol.Var> params(Symbol.Var.Kind kind, boolean[] variadic) {
    expect("(");
    List<Symbol.Var> out = new ArrayList<>();
    List<String> pendingNames = new ArrayList<>();
    while (!peek().equals(")")) {
      // a name followed by a type, a name followed by ",", or just a type
      String t0 = peek();
      String t1 = p + 1 < toks.size() ? toks.get(p + 1) : "";
      boolean named = Character.isLetter(t0.charAt(0)) && !t1.equals(".") && !t1.equals(",") && !t1.equals(")");
      boolean nameInList = Character.isLetter(t0.charAt(0)) && t1.equals(",") && hasNamedLater();
      if (nameInList) { pendingNames.add(next()); expect(","); continue; }
      String name = named ? next() : "";
      boolean dots = false;
      if (peek().equals("...")) { next(); dots = true; }
      Type t = type();
      if (dots) { t = new Type.Slice(t); variadic[0] = true; }
      for (String n : pendingNames) out.add(new Symbol.Var(n, Pos.NONE, t, kind, null, false));
      pendingNames.clear();
      out.add(new Symbol.Var(name, Pos.NONE, t, kind, null, false));
      if (peek().equals(",")) next();
    }
    expect(")");
    return out;
  }

  /** True if the parameter list being read declares names (a name followed by a type appears later). */
  private boolean hasNamedLater() {
    int depth = 0;
    for (int i = p; i < toks.size(); i++) {
      String t = toks.get(i);
      if (t.equals("(")) depth++;
      if (t.equals(")")) { if (depth == 0) return false; depth--; }
      if (depth == 0 && Character.isLetter(t.charAt(0)) && i + 1 < toks.size()) {
        String n = toks.get(i + 1);
        if (!n.equals(",") && !n.equals(")") && !n.equals(".")) return true;
      }
    }
    return false;
  }

  private Type type() {
    String t = next();
    switch (t) {
      case "*": return new Type.Pointer(type());
      case "[": expect("]"); return new Type.Slice(type());
      case "map": { expect("["); Type k = type(); expect("]"); return new Type.Map(k, type()); }
      case "chan": return new Type.Chan(Type.Dir.BOTH, type());
      case "<-": expect("chan"); return new Type.Chan(Type.Dir.RECV, type());
      case "func": return signature(null);
      case "struct": {
        // struct{} or struct{ A T; B U } (exported fields of library structs, e.g. time.Timer's C)
        expect("{");
        List<Symbol.Var> fields = new ArrayList<>();
        while (!peek().equals("}")) {
          String name = next();
          fields.add(new Symbol.Var(name, Pos.NONE, type(), Symbol.Var.Kind.FIELD, null, false));
          if (peek().equals(";")) next();
        }
        expect("}");
        return new Type.Struct(fields);
      }
      case "interface": {
        expect("{");
        List<Symbol.Func> ms = new ArrayList<>();
        while (!peek().equals("}")) {
          String m = next();
          ms.add(new Symbol.Func(m, Pos.NONE, signature(null), null, null));
          if (peek().equals(";")) next();
        }
        expect("}");
        ms.sort(Comparator.comparing(m -> m.name));
        return ms.isEmpty() ? Types.EMPTY_INTERFACE : new Type.Interface(ms);
      }
      default: {
        if (peek().equals(".")) {
          next();
          String member = next();
          return ((Symbol.TypeName) packages.get(t).members().get(member)).type;
        }
        Symbol s = members.get(t);
        if (s instanceof Symbol.TypeName tn) return tn.type;
        Symbol u = Universe.SCOPE.lookup(t);
        if (u instanceof Symbol.TypeName tn) return tn.type;
        throw new IllegalStateException("unknown type " + t);
      }
    }
  }

  // constant expressions: sums of products of literals
  private Operand constExpr() {
    Operand x = constTerm();
    while (peek().equals("+") || peek().equals("-")) {
      Op op = next().equals("+") ? Op.ADD : Op.SUB;
      x = fold(op, x, constTerm());
    }
    return x;
  }

  private Operand constTerm() {
    Operand x = constFactor();
    while (peek().equals("*")) { next(); x = fold(Op.MUL, x, constFactor()); }
    return x;
  }

  private Operand constFactor() {
    String t = next();
    if (t.equals("(")) { Operand x = constExpr(); expect(")"); return x; }
    if (t.equals("-")) { Operand x = constFactor(); return new Operand(Operand.M.CONSTANT, x.type, Constants.unary(Op.SUB, x.val, 0), null); }
    if (t.startsWith("'")) return new Operand(Operand.M.CONSTANT, Types.UNTYPED_RUNE, Literals.rune(t), null);
    boolean isFloat = t.contains(".") || t.toLowerCase().contains("p") || (!t.toLowerCase().startsWith("0x") && t.toLowerCase().contains("e"));
    if (isFloat) return new Operand(Operand.M.CONSTANT, Types.UNTYPED_FLOAT, Literals.floating(t), null);
    return new Operand(Operand.M.CONSTANT, Types.UNTYPED_INT, Literals.integer(t), null);
  }

  private static Operand fold(Op op, Operand x, Operand y) {
    Type t = x.type == Types.UNTYPED_FLOAT || y.type == Types.UNTYPED_FLOAT ? Types.UNTYPED_FLOAT : x.type;
    Constant[] m = Constants.match(x.val, y.val);
    return new Operand(Operand.M.CONSTANT, t, Constants.binary(op, m[0], m[1], false), null);
  }

  // tokens
  private String peek() { return p < toks.size() ? toks.get(p) : ""; }

  private String next() {
    if (p >= toks.size()) throw new IllegalStateException("unexpected end of stdlib declaration");
    return toks.get(p++);
  }

  private void expect(String t) {
    String got = next();
    if (!got.equals(t)) throw new IllegalStateException("expected " + t + ", got " + got);
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char ch = s.charAt(i);
      if (Character.isWhitespace(ch)) { i++; continue; }
      if (s.startsWith("...", i)) { out.add("..."); i += 3; continue; }
      if (s.startsWith("<-", i)) { out.add("<-"); i += 2; continue; }
      if (ch == '\'') {
        int j = s.indexOf('\'', i + 1);
        out.add(s.substring(i, j + 1));
        i = j + 1;
        continue;
      }
      if (Character.isLetterOrDigit(ch) || ch == '_') {
        int j = i;
        while (j < s.length()) {
          char d = s.charAt(j);
          boolean num = Character.isDigit(s.charAt(i));
          if (Character.isLetterOrDigit(d) || d == '_' || num && (d == '.' || (d == '-' || d == '+')
              && (s.charAt(j - 1) == 'p' || s.charAt(j - 1) == 'e'))) j++;
          else break;
        }
        out.add(s.substring(i, j));
        i = j;
        continue;
      }
      out.add(String.valueOf(ch));
      i++;
    }
    return out;
  }
}
