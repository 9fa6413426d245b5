package gol.compiler.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard-library packages gol knows, declared in Go syntax, one declaration per line, with the
 * exact signatures of Go's own packages. The checker resolves imports and {@code pkg.Name} selectors
 * against this table; code generation reads it to bind each member to its runtime implementation
 * (a {@link Symbol.Func} with {@code pkg} set, a {@link Symbol.Var} such as {@code os.Args}, a
 * {@link Symbol.Const}, or a {@link Symbol.TypeName} whose {@link Type.Named} carries its methods).
 *
 * <p>To add a function, add one line to its package below, e.g.
 * {@code "func Repeat(s string, count int) string"}. A method is written with its receiver type,
 * {@code "func (*Builder) Len() int"}; types referred to must be declared earlier in the same package
 * or in a package declared earlier ({@code io.Writer}). See {@link StdlibDecls} for the syntax.
 */
public final class Stdlib {
  private Stdlib() {}

  /** A package: its import path, its name, and its members by name (in declaration order). */
  public record Pkg(String path, String name, Map<String, Symbol> members) {}

  private static final Map<String, Pkg> PACKAGES = new LinkedHashMap<>();

  /** The package with this import path, or null. */
  public static Pkg get(String path) { return PACKAGES.get(path); }

  /** Member name of the package with import path path, or null. */
  public static Symbol member(String path, String name) {
    Pkg p = PACKAGES.get(path);
    return p == null ? null : p.members().get(name);
  }

  /** All packages, by import path. */
  public static Map<String, Pkg> all() { return Collections.unmodifiableMap(PACKAGES); }

  private static void pkg(String path, String... decls) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    Map<String, Symbol> members = new LinkedHashMap<>();
    Pkg p = new Pkg(path, name, members);
    PACKAGES.put(path, p);
    StdlibDecls parser = new StdlibDecls(name, members, PACKAGES);
    for (String d : decls) parser.declare(d);
  }

  static {
    pkg("errors",
        "func New(text string) error",
        "func Is(err, target error) bool",
        "func Unwrap(err error) error",
        "func As(err error, target any) bool");
    pkg("io",
        "type Writer interface { Write(p []byte) (n int, err error) }",
        "type Reader interface { Read(p []byte) (n int, err error) }",
        "var EOF error");
    pkg("fmt",
        "type Stringer interface { String() string }",
        "func Print(a ...any) (n int, err error)",
        "func Println(a ...any) (n int, err error)",
        "func Printf(format string, a ...any) (n int, err error)",
        "func Sprint(a ...any) string",
        "func Sprintln(a ...any) string",
        "func Sprintf(format string, a ...any) string",
        "func Errorf(format string, a ...any) error",
        "func Fprint(w io.Writer, a ...any) (n int, err error)",
        "func Fprintln(w io.Writer, a ...any) (n int, err error)",
        "func Fprintf(w io.Writer, format string, a ...any) (n int, err error)");
    pkg("strconv",
        "func Itoa(i int) string",
        "func Atoi(s string) (int, error)",
        "func FormatInt(i int64, base int) string",
        "func ParseInt(s string, base int, bitSize int) (i int64, err error)",
        "func ParseFloat(s string, bitSize int) (float64, error)",
        "func FormatFloat(f float64, fmt byte, prec, bitSize int) string",
        "func Quote(s string) string",
        "func ParseBool(str string) (bool, error)",
        "func FormatBool(b bool) string",
        "func FormatUint(i uint64, base int) string",
        "func ParseUint(s string, base int, bitSize int) (uint64, error)",
        "func AppendInt(dst []byte, i int64, base int) []byte",
        "func AppendQuote(dst []byte, s string) []byte",
        "func CanBackquote(s string) bool",
        "func IsPrint(r rune) bool",
        "func QuoteRune(r rune) string",
        "func QuoteRuneToASCII(r rune) string",
        "func QuoteToASCII(s string) string",
        "func Unquote(s string) (string, error)");
    pkg("os",
        "type File struct{}",
        "func (*File) Write(b []byte) (n int, err error)",
        "func (*File) WriteString(s string) (n int, err error)",
        "func (*File) Read(b []byte) (n int, err error)",
        "var Args []string",
        "var Stdin *File",
        "var Stdout *File",
        "var Stderr *File",
        "func Exit(code int)",
        "func Getenv(key string) string");
    pkg("bufio",
        "type Scanner struct{}",
        "func NewScanner(r io.Reader) *Scanner",
        "func (*Scanner) Scan() bool",
        "func (*Scanner) Text() string",
        "func (*Scanner) Err() error",
        "type Reader struct{}",
        "func NewReader(rd io.Reader) *Reader",
        "func (*Reader) ReadString(delim byte) (string, error)",
        "var ErrTooLong error");
    pkg("time",
        "type Duration int64",
        "const Nanosecond Duration = 1",
        "const Microsecond Duration = 1000",
        "const Millisecond Duration = 1000000",
        "const Second Duration = 1000000000",
        "const Minute Duration = 60000000000",
        "const Hour Duration = 3600000000000",
        "func (Duration) Nanoseconds() int64",
        "func (Duration) Microseconds() int64",
        "func (Duration) Milliseconds() int64",
        "func (Duration) Seconds() float64",
        "func (Duration) String() string",
        "type Time struct{}",
        "func (Time) Sub(u Time) Duration",
        "func (Time) Unix() int64",
        "func (Time) UnixNano() int64",
        "func Now() Time",
        "func Since(t Time) Duration",
        "func Sleep(d Duration)",
        "func After(d Duration) <-chan Time",
        "func Tick(d Duration) <-chan Time",
        "type Timer struct{ C <-chan Time }",
        "func NewTimer(d Duration) *Timer",
        "func AfterFunc(d Duration, f func()) *Timer",
        "func (*Timer) Stop() bool",
        "func (*Timer) Reset(d Duration) bool",
        "type Ticker struct{ C <-chan Time }",
        "func NewTicker(d Duration) *Ticker",
        "func (*Ticker) Stop()",
        "func (*Ticker) Reset(d Duration)");
    pkg("sync",
        "type WaitGroup struct{}",
        "func (*WaitGroup) Add(delta int)",
        "func (*WaitGroup) Done()",
        "func (*WaitGroup) Wait()",
        "type Mutex struct{}",
        "func (*Mutex) Lock()",
        "func (*Mutex) Unlock()",
        "func (*Mutex) TryLock() bool",
        "type RWMutex struct{}",
        "func (*RWMutex) Lock()",
        "func (*RWMutex) Unlock()",
        "func (*RWMutex) RLock()",
        "func (*RWMutex) RUnlock()",
        "type Once struct{}",
        "func (*Once) Do(f func())");
    pkg("runtime",
        "func Gosched()",
        "func Goexit()",
        "func NumGoroutine() int",
        "func GOMAXPROCS(n int) int",
        "func NumCPU() int",
        "func GC()",
        "func Goexit()");
    pkg("strings",
        "type Builder struct{}",
        "func (*Builder) Write(p []byte) (int, error)",
        "func (*Builder) WriteString(s string) (int, error)",
        "func (*Builder) WriteByte(c byte) error",
        "func (*Builder) WriteRune(r rune) (int, error)",
        "func (*Builder) String() string",
        "func (*Builder) Len() int",
        "func (*Builder) Reset()",
        "func (*Builder) Grow(n int)",
        "func Repeat(s string, count int) string",
        "func Split(s, sep string) []string",
        "func Join(elems []string, sep string) string",
        "func Contains(s, substr string) bool",
        "func ContainsRune(s string, r rune) bool",
        "func HasPrefix(s, prefix string) bool",
        "func HasSuffix(s, suffix string) bool",
        "func Index(s, substr string) int",
        "func IndexByte(s string, c byte) int",
        "func LastIndex(s, substr string) int",
        "func Count(s, substr string) int",
        "func ToUpper(s string) string",
        "func ToLower(s string) string",
        "func TrimSpace(s string) string",
        "func Trim(s, cutset string) string",
        "func TrimPrefix(s, prefix string) string",
        "func TrimSuffix(s, suffix string) string",
        "func Fields(s string) []string",
        "func Replace(s, old, new string, n int) string",
        "func ReplaceAll(s, old, new string) string",
        "func EqualFold(s, t string) bool",
        "func ContainsAny(s, chars string) bool",
        "func IndexAny(s, chars string) int",
        "func IndexRune(s string, r rune) int",
        "func LastIndexByte(s string, c byte) int",
        "func SplitAfter(s, sep string) []string",
        "func SplitN(s, sep string, n int) []string",
        "func Title(s string) string",
        "func TrimLeft(s, cutset string) string",
        "func TrimRight(s, cutset string) string",
        "func Map(mapping func(rune) rune, s string) string");
    pkg("math",
        "const MaxInt = 9223372036854775807",
        "const MinInt = -9223372036854775808",
        "const MaxInt8 = 127",
        "const MinInt8 = -128",
        "const MaxInt16 = 32767",
        "const MinInt16 = -32768",
        "const MaxInt32 = 2147483647",
        "const MinInt32 = -2147483648",
        "const MaxInt64 = 9223372036854775807",
        "const MinInt64 = -9223372036854775808",
        "const MaxUint8 = 255",
        "const MaxUint16 = 65535",
        "const MaxUint32 = 4294967295",
        "const MaxUint = 18446744073709551615",
        "const MaxUint64 = 18446744073709551615",
        "const Pi = 3.14159265358979323846264338327950288419716939937510582097494459",
        "const E = 2.71828182845904523536028747135266249775724709369995957496696763",
        "const Sqrt2 = 1.41421356237309504880168872420969807856967187537694807317667974",
        "const Ln2 = 0.693147180559945309417232121458176568075500134360255254120680009",
        "const MaxFloat32 = 0x1p127 * (1 + (1 - 0x1p-23))",
        "const SmallestNonzeroFloat32 = 0x1p-126 * 0x1p-23",
        "const MaxFloat64 = 0x1p1023 * (1 + (1 - 0x1p-52))",
        "const SmallestNonzeroFloat64 = 0x1p-1022 * 0x1p-52",
        "func Sqrt(x float64) float64",
        "func Cbrt(x float64) float64",
        "func Pow(x, y float64) float64",
        "func Abs(x float64) float64",
        "func Floor(x float64) float64",
        "func Ceil(x float64) float64",
        "func Trunc(x float64) float64",
        "func Round(x float64) float64",
        "func Max(x, y float64) float64",
        "func Min(x, y float64) float64",
        "func Mod(x, y float64) float64",
        "func Hypot(p, q float64) float64",
        "func Exp(x float64) float64",
        "func Log(x float64) float64",
        "func Log2(x float64) float64",
        "func Log10(x float64) float64",
        "func Sin(x float64) float64",
        "func Cos(x float64) float64",
        "func Tan(x float64) float64",
        "func Atan(x float64) float64",
        "func Atan2(y, x float64) float64",
        "func Inf(sign int) float64",
        "func IsInf(f float64, sign int) bool",
        "func NaN() float64",
        "func IsNaN(f float64) (is bool)",
        "func Copysign(f, sign float64) float64",
        "func Signbit(x float64) bool",
        "func RoundToEven(x float64) float64",
        "func Float32bits(f float32) uint32",
        "func Float32frombits(b uint32) float32",
        "func Float64bits(f float64) uint64",
        "func Float64frombits(b uint64) float64");
    pkg("math/rand",
        "func Seed(seed int64)",
        "func Int() int",
        "func Intn(n int) int",
        "func Int63() int64",
        "func Float64() float64",
        "func Perm(n int) []int",
        "func Shuffle(n int, swap func(i, j int))");
    pkg("sort",
        "func Ints(x []int)",
        "func Strings(x []string)",
        "func Float64s(x []float64)",
        "func Slice(x any, less func(i, j int) bool)");
    pkg("unicode",
        "func IsUpper(r rune) bool",
        "func IsLower(r rune) bool",
        "func IsLetter(r rune) bool",
        "func IsDigit(r rune) bool",
        "func IsSpace(r rune) bool",
        "func ToUpper(r rune) rune",
        "func ToLower(r rune) rune");
    pkg("unicode/utf8",
        "const RuneError = '\\uFFFD'",
        "const UTFMax = 4",
        "func RuneCountInString(s string) (n int)",
        "func RuneLen(r rune) int",
        "func ValidString(s string) bool");
  }

  /** For tests and the dump: the members of a package in declaration order. */
  static List<String> memberNames(String path) { return List.copyOf(PACKAGES.get(path).members().keySet()); }
}
