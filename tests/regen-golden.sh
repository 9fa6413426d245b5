#!/usr/bin/env bash
# regen-golden.sh: makes the golden files of the end-to-end corpus by running each program with REAL Go.
#
#   tests/regen-golden.sh                      # every program in tests/programs/ and samples/
#   tests/regen-golden.sh tests/programs/fmt/printf_verbs.gol ...   # only these
#
# For each X.gol it copies the file to a temp dir as main.go, builds it with `go build` (not `go run`,
# which adds "exit status N" to stderr), and runs the binary several times:
#   - three times with GOMAXPROCS=4 and once with GOMAXPROCS=1 (the gol runner uses both configs
#     with ONE golden, so the output must not depend on the number of Ps);
#   - programs under a directory named sched1/ run only with GOMAXPROCS=1 (four times): their output
#     is scheduling order on one P, which is what they test.
# All runs must agree on stdout, exit code and the stderr prefix; otherwise the program is
# nondeterministic, nothing is written for it, and the script exits 1 at the end.
# It then writes X.out (stdout), and when the exit code is not 0, X.exit (the code) and X.err: stderr
# up to but excluding the first line that starts with "goroutine ", "[signal" or "runtime stack:"
# (the "panic: ..." / "fatal error: ..." lines and the blank line after them), without Go's
# "runtime: sp=0x... stack=[...]" line of a stack overflow: nothing with addresses.
# Stale X.exit / X.err files of programs that now exit 0 are removed.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
timeout_s=60

command -v go >/dev/null || { echo "regen-golden: 'go' (Go 1.19) is not on PATH" >&2; exit 2; }
case "$(go version)" in
  *go1.19*) ;;
  *) echo "regen-golden: warning: goldens are defined by Go 1.19; found: $(go version)" >&2 ;;
esac

if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(find "$here/programs" "$root/samples" -name '*.gol' 2>/dev/null | sort)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GOFLAGS= GO111MODULE= GOTRACEBACK=single GODEBUG=

# err_prefix FILE: the lines of FILE before the first goroutine header, [signal or runtime stack:
# line, leaving out the stack pointer line of a stack overflow.
err_prefix() { awk '/^goroutine |^\[signal|^runtime stack:/ { exit } /^runtime: sp=/ { next } { print }' "$1"; }

failed=0
count=0
for f in "${files[@]}"; do
  f="$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
  base="${f%.gol}"
  rel="${f#"$root"/}"
  dir="$work/build"
  rm -rf "$dir" && mkdir -p "$dir"
  cp "$f" "$dir/main.go"
  if [ -n "$(gofmt -l "$dir/main.go" 2>/dev/null)" ]; then
    echo "warn $rel: not gofmt-formatted (run: gofmt -w $rel)" >&2
  fi
  if ! (cd "$dir" && go build -o prog main.go) >"$work/build.log" 2>&1; then
    echo "FAIL $rel: does not build with Go:" >&2
    sed 's/^/    /' "$work/build.log" >&2
    failed=1
    continue
  fi
  case "$rel" in
    */sched1/*) procs=(1 1 1 1) ;;
    *) procs=(4 4 4 1) ;;
  esac
  ok=1
  run=0
  for p in "${procs[@]}"; do
    run=$((run + 1))
    (cd "$dir" && GOMAXPROCS=$p timeout "$timeout_s" ./prog >"$work/out.$run" 2>"$work/errfull.$run" </dev/null)
    echo $? >"$work/exit.$run"
    err_prefix "$work/errfull.$run" >"$work/err.$run"
    if [ "$(cat "$work/exit.$run")" = 124 ]; then
      echo "FAIL $rel: timed out after ${timeout_s}s (GOMAXPROCS=$p)" >&2
      ok=0
      break
    fi
    if [ $run -gt 1 ]; then
      for k in out exit err; do
        if ! cmp -s "$work/$k.1" "$work/$k.$run"; then
          echo "FAIL $rel: nondeterministic $k (run 1 vs run $run with GOMAXPROCS=$p):" >&2
          diff "$work/$k.1" "$work/$k.$run" | head -20 | sed 's/^/    /' >&2
          ok=0
        fi
      done
    fi
    [ $ok = 1 ] || break
  done
  if [ $ok = 0 ]; then failed=1; continue; fi
  cp "$work/out.1" "$base.out"
  code="$(cat "$work/exit.1")"
  if [ "$code" != 0 ]; then
    echo "$code" >"$base.exit"
    cp "$work/err.1" "$base.err"
  else
    rm -f "$base.exit" "$base.err"
  fi
  count=$((count + 1))
  echo "ok   $rel (exit $code)"
done
echo "regen-golden: wrote goldens for $count program(s)"
exit $failed
