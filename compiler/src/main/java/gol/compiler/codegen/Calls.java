package gol.compiler.codegen;

import gol.compiler.ast.Expr;
import gol.compiler.types.Symbol;
import gol.compiler.types.Type;
import gol.compiler.types.TypeInfo;
import java.util.Set;

/** Classifies call expressions (what {@code f(x)} means once names are resolved). */
final class Calls {
  private Calls() {}

  enum Kind {
    /** {@code T(x)} */ CONVERSION,
    /** {@code len(x)}, {@code append(...)}, ... */ BUILTIN,
    /** a top-level function of the program */ FUNC,
    /** a function of a standard-library package ({@code fmt.Println}) */ LIB_FUNC,
    /** a method of a standard-library type ({@code wg.Wait()}) */ LIB_METHOD,
    /** a method of a user type (later) */ METHOD,
    /** a method of an interface value ({@code err.Error()}) */ IFACE_METHOD,
    /** a call through a function value (closure, func variable) */ FUNC_VALUE
  }

  /**
   * Standard-library functions and methods that may block the goroutine (they follow the suspend
   * contract, so calls to them get a post-call status check). Known to the runtime.
   */
  static final Set<String> SUSPENDING_LIB = Set.of(
      "time.Sleep", "runtime.Gosched",
      "sync.WaitGroup.Wait", "sync.Mutex.Lock", "sync.RWMutex.Lock", "sync.RWMutex.RLock", "sync.Cond.Wait",
      "sync.Once.Do", "bufio.Scanner.Scan", "bufio.Reader.ReadString", "os.File.Read",
      "os.ReadFile", "os.WriteFile");

  static Kind kind(Expr.Call c, TypeInfo info) {
    Expr fun = Expr.unparen(c.fun());
    TypeInfo.Mode mode = info.modeOf(fun);
    if (mode == TypeInfo.Mode.TYPE) return Kind.CONVERSION;
    if (mode == TypeInfo.Mode.BUILTIN) return Kind.BUILTIN;
    if (fun instanceof Expr.Ident id) {
      Symbol s = info.symbolOf(id);
      if (s instanceof Symbol.Builtin) return Kind.BUILTIN;
      if (s instanceof Symbol.TypeName) return Kind.CONVERSION;
      if (s instanceof Symbol.Func f && f.decl != null && f.decl.recv() == null) return Kind.FUNC;
    }
    if (fun instanceof Expr.Selector sel) {
      gol.compiler.types.Selection selection = info.selections.get(sel);
      if (selection != null && selection.kind() == gol.compiler.types.Selection.Kind.METHOD_EXPR) return Kind.FUNC_VALUE;   // T.M(recv, args)
      Symbol s = info.symbolOf(sel.sel());
      gol.compiler.types.Type xt = info.typeOf(sel.x());
      if (s instanceof Symbol.Func && xt != null && xt.underlying() instanceof gol.compiler.types.Type.Interface) return Kind.IFACE_METHOD;
      if (s instanceof Symbol.TypeName) return Kind.CONVERSION;
      if (s instanceof Symbol.Func f) {
        if (f.decl == null && f.sig().recv == null && f.pkg != null) return Kind.LIB_FUNC;
        if (f.decl == null && f.sig().recv != null) return Kind.LIB_METHOD;
        if (f.decl != null && f.decl.recv() != null) return Kind.METHOD;
        if (f.decl != null) return Kind.FUNC;
      }
    }
    return Kind.FUNC_VALUE;
  }

  /** The callee symbol of a FUNC, LIB_FUNC, LIB_METHOD or METHOD call. */
  static Symbol.Func callee(Expr.Call c, TypeInfo info) {
    Expr fun = Expr.unparen(c.fun());
    if (fun instanceof Expr.Ident id) return (Symbol.Func) info.symbolOf(id);
    return (Symbol.Func) info.symbolOf(((Expr.Selector) fun).sel());
  }

  /** "time.Sleep" or "sync.WaitGroup.Wait": the key of a library callee. */
  static String libKey(Symbol.Func f) {
    if (f.sig().recv == null) return f.pkg + "." + f.name;
    Type r = f.sig().recv.type;
    if (r instanceof Type.Pointer p) r = p.elem;
    String tn = r instanceof Type.Named n ? n.name : r.toString();
    String pkg = f.pkg != null ? f.pkg : r instanceof Type.Named n ? n.pkg : "?";
    return pkg + "." + tn + "." + f.name;
  }

  static boolean isSuspendingLib(Symbol.Func f) {
    return SUSPENDING_LIB.contains(libKey(f));
  }

  /**
   * Whether a call of a method of an interface value may suspend: any implementation may block, so
   * it may, except Error() and String() called through error or fmt.Stringer-shaped interfaces,
   * whose Java interfaces (GoError, GoStringer) the runtime also calls from plain Java code.
   */
  static boolean ifaceCallMaySuspend(Expr.Call c, TypeInfo info) {
    Symbol.Func f = callee(c, info);
    if (!(Expr.unparen(c.fun()) instanceof Expr.Selector s)) return true;
    Type t = info.typeOf(s.x());
    if (t == null || !(t.underlying() instanceof Type.Interface it)) return true;
    boolean stringResult = f.sig().params.isEmpty() && f.sig().results.size() == 1
        && gol.compiler.types.Types.identical(f.sig().results.get(0).type, gol.compiler.types.Types.STRING);
    if (!stringResult || it.methods.size() != 1) return true;
    return !(f.name.equals("Error") || f.name.equals("String"));
  }
}
