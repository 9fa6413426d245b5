#!/usr/bin/env bash
# Captures real Go 1.19's schedtrace and scheddetail output of samples/schedtrace.gol, as test
# resources: SchedTraceTest checks that the regular expressions which parse gol's trace lines also
# parse these (so gol's lines stay in Go's format). Run from anywhere; needs `go` (1.19) on PATH.
#
#   tests/trace/capture-go-schedtrace.sh
#
# Writes tests/src/test/resources/schedtrace/go119-schedtrace.txt and go119-scheddetail.txt
# (stderr of the program with GOMAXPROCS=2; stdout is checked to be the sample's golden).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/tests/src/test/resources/schedtrace"
mkdir -p "$out"
go version | grep -q 'go1\.19' || { echo "need Go 1.19 (have: $(go version))" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$repo/samples/schedtrace.gol" "$tmp/main.go"
(cd "$tmp" && go mod init schedtrace >/dev/null 2>&1 && go build -o "$tmp/prog" .)
capture() { # $1 = GODEBUG value, $2 = output file
  GOMAXPROCS=2 GODEBUG="$1" "$tmp/prog" >"$tmp/stdout" 2>"$out/$2"
  diff -u "$repo/samples/schedtrace.out" "$tmp/stdout"
  echo "wrote $out/$2 ($(wc -l <"$out/$2") lines)"
}
capture schedtrace=10 go119-schedtrace.txt
capture schedtrace=10,scheddetail=1 go119-scheddetail.txt
