#!/usr/bin/env bash
# Checks the course exercises: ./check.sh [N ...] runs the tests of exercises N (default: all) with
# ./gol from the repository root and says PASS or FAIL for each. Not part of `mvn verify`: every test
# fails until its exercise is solved. Each tests/N-name/ holds prog.gol and the expectations:
#   expected.out  stdout must equal it      expected.err  stderr must contain its line
#   flags         gol run flags             env           VAR=value pairs (GOMAXPROCS=1 is always set)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$root/gol" version >/dev/null || exit 2   # build gol first, outside the time limits
fail=0
for dir in "$here"/tests/*/; do
  name="$(basename "$dir")"
  if [ $# -gt 0 ]; then
    want=no; for n in "$@"; do [[ "$name" == "$n"-* ]] && want=yes; done
    [ $want = yes ] || continue
  fi
  flags=""; [ -f "$dir/flags" ] && flags="$(cat "$dir/flags")"
  envs=(GOMAXPROCS=1); [ -f "$dir/env" ] && read -r -a more < "$dir/env" && envs+=("${more[@]}")
  out="$(mktemp)"; err="$(mktemp)"
  # shellcheck disable=SC2086
  (cd "$dir" && env "${envs[@]}" timeout 30 "$root/gol" run $flags prog.gol >"$out" 2>"$err")
  ok=yes
  if [ -f "$dir/expected.out" ] && ! cmp -s "$out" "$dir/expected.out"; then ok=no; fi
  if [ -f "$dir/expected.err" ] && ! grep -qF "$(cat "$dir/expected.err")" "$err"; then ok=no; fi
  if [ $ok = yes ]; then echo "PASS $name"; else
    echo "FAIL $name"; fail=1
    echo "  stdout: $(head -c 300 "$out" | tr '\n' '|')"; echo "  stderr: $(head -c 300 "$err" | tr '\n' '|')"
  fi
  rm -f "$out" "$err"
done
exit $fail
