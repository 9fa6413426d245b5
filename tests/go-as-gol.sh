#!/usr/bin/env bash
# go-as-gol.sh: answers `gol run X.gol` with REAL Go, so the end-to-end tests can be pointed at the oracle:
#
#   mvn -B -pl tests -am test -Pe2e -Dgol.test.command="$PWD/tests/go-as-gol.sh"
#
# This checks the corpus (goldens still match Go, ERROR comments match Go's messages) and the test runner
# itself. It copies X.gol to a temp dir as main.go (Go only builds .go files), builds it with `go build`,
# and on success runs the binary in the caller's directory with the caller's environment. Compile errors
# are printed as gol prints them, `X.gol:LINE:COL: message`, with exit code 1.
set -uo pipefail
if [ $# -ne 2 ] || [ "$1" != run ]; then
  echo "usage: go-as-gol.sh run FILE.gol" >&2
  exit 2
fi
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$src" "$work/main.go"
if ! (cd "$work" && GOFLAGS= GO111MODULE= go build -o prog main.go) >"$work/build.log" 2>&1; then
  # "./main.go:3:2: msg" -> "X.gol:3:2: msg"; drop the "# command-line-arguments" header.
  grep -v '^#' "$work/build.log" | sed -E "s|^(\./)?main\.go:|$src:|" >&2
  exit 1
fi
"$work/prog"
