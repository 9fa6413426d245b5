#!/usr/bin/env bash
# check-examples.sh: keeps the chapters of lang-spec/ and lang-spec/examples/ in sync.
#
#   lang-spec/check-examples.sh
#
# Checks, and exits 1 when one fails:
#   1. every ```go block in a chapter (lang-spec/*.md) is byte-for-byte identical to one example
#      program lang-spec/examples/<dir>/<name>.gol;
#   2. a ```output block right after a ```go block is identical to that example's expected stdout
#      (<name>.out), and a ```stderr block to its expected stderr start (<name>.err);
#   3. every example program is shown in some chapter, and has its golden <name>.out
#      (made by real Go 1.19 with tests/regen-golden.sh; the end-to-end runner runs them all).
# A chapter shows a program that is not a complete example in a ```text block instead.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
examples="$here/examples"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
fail() { echo "check-examples: $*" >&2; failed=1; }

# Split every chapter into numbered block files: $work/<chapter>.<n>.<lang>
for md in "$here"/*.md; do
  awk -v dir="$work" -v base="$(basename "$md" .md)" '
    /^```[a-z]+[ \t]*$/ && !inblock { n++; lang = substr($0, 4); sub(/[ \t]+$/, "", lang);
                                     file = sprintf("%s/%s.%03d.%s", dir, base, n, lang); inblock = 1;
                                     printf "" > file; next }
    /^```[ \t]*$/ && inblock        { inblock = 0; close(file); next }
    inblock                         { print > file }
  ' "$md"
done

# Fingerprint of each example, to find a block's example by content.
declare -A by_sum
while IFS= read -r f; do
  by_sum["$(sha256sum <"$f" | cut -d' ' -f1)"]="$f"
  [ -f "${f%.gol}.out" ] || fail "${f#"$here"/}: missing golden .out (run tests/regen-golden.sh on it)"
done < <(find "$examples" -name '*.gol' | sort)

declare -A shown
last_example=""
for block in $(ls "$work" | sort); do
  lang="${block##*.}"
  chapter="${block%%.*}.md"
  case "$lang" in
    go)
      sum="$(sha256sum <"$work/$block" | cut -d' ' -f1)"
      ex="${by_sum[$sum]:-}"
      if [ -z "$ex" ]; then
        fail "$chapter: a go block (starting \"$(head -1 "$work/$block")\") is not identical to any example file"
        last_example=""
      else
        shown["$ex"]=1
        last_example="$ex"
      fi
      ;;
    output|stderr)
      if [ -z "$last_example" ]; then
        fail "$chapter: an $lang block does not follow an example's go block"
        continue
      fi
      golden="${last_example%.gol}.out"
      [ "$lang" = stderr ] && golden="${last_example%.gol}.err"
      if ! cmp -s "$work/$block" "$golden"; then
        fail "$chapter: the $lang block after ${last_example#"$here"/} differs from ${golden#"$here"/}"
        diff "$golden" "$work/$block" | head -5 | sed 's/^/    /' >&2
      fi
      ;;
    *) last_example="" ;;
  esac
done

total=0
while IFS= read -r f; do
  total=$((total + 1))
  [ -n "${shown[$f]:-}" ] || fail "${f#"$here"/} is not shown in any chapter"
done < <(find "$examples" -name '*.gol' | sort)

if [ $failed = 0 ]; then
  echo "check-examples: ok: $total examples, every go block matches one, every example is shown"
fi
exit $failed
