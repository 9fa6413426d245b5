#!/usr/bin/env bash
# Regenerates the golden ASTs of the parser tests from real Go's parser (needs Go 1.19+):
# for each programs/NAME.go, programs/NAME.ast is what astdump.go prints for it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
progs="$here/../resources/gol/compiler/syntax/programs"
bin="$(mktemp -d)/astdump"
go build -o "$bin" "$here/astdump.go"
for f in "$progs"/*.go; do
  (cd "$progs" && "$bin" "$(basename "$f")") > "${f%.go}.ast"
done
echo "regenerated $(ls "$progs"/*.ast | wc -l) golden ASTs"
