#!/usr/bin/env bash
# bench/trace-overhead.sh: what the execution tracer costs on the channel ping-pong
# (bench/programs/pingpong.gol), three ways, interleaved run by run:
#   base    the runtime WITHOUT the tracer's hooks (built from git ref $BASE, default: the
#           parent of the commit that added them)
#   off     this tree's runtime, hooks compiled in, tracing off (the default)
#   traced  this tree's runtime with GOLDEBUG=trace=FILE (recording + writing the JSON)
#
#   bench/trace-overhead.sh [--runs N] [--rounds R] [--procs "1 2"]
#
# Times each run from the outside (wall, and user+sys CPU with /usr/bin/time) and prints the
# medians and ratios as a Markdown table (bench/results/trace-overhead.md). On a shared, loaded
# machine wall times are noisy; CPU time is the steadier measure and is reported next to it.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=7 rounds=1000000 procs="1 2"
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --procs) procs=$2; shift ;;
    *) echo "usage: bench/trace-overhead.sh [--runs N] [--rounds R] [--procs \"1 2\"]" >&2; exit 2 ;;
  esac
  shift
done
base=${BASE:-$(git log --format=%H -1 --grep='^trace: execution tracer')^}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "trace-overhead: building the base runtime ($(git rev-parse --short "$base")) and this tree's..." >&2
mkdir -p "$work/base"
git archive "$base" | tar -x -C "$work/base"
(cd "$work/base" && mvn -B -q -o -pl runtime,compiler -am package -DskipTests >/dev/null)
java -jar "$work/base/compiler/target/gol.jar" build -o "$work/base.jar" bench/programs/pingpong.gol
./gol build -o "$work/off.jar" bench/programs/pingpong.gol

raw="$work/raw.tsv"
for p in $procs; do
  for i in $(seq "$runs"); do
    for c in base off traced; do
      jar="$work/$c.jar"; env=()
      if [ $c = traced ]; then jar="$work/off.jar"; env=(GOLDEBUG="trace=$work/t.json"); fi
      s=$(date +%s%N)
      env "${env[@]}" GOMAXPROCS="$p" /usr/bin/time -f "%U %S" -o "$work/cpu" java -XX:+UseParallelGC -jar "$jar" "$rounds" > "$work/out"
      e=$(date +%s%N)
      [ "$(cat "$work/out")" = "$rounds" ] || { echo "wrong output from $c" >&2; exit 1; }
      read -r u sy < "$work/cpu"
      echo -e "$p\t$c\t$(( (e - s) / 1000000 ))\t$(echo "($u + $sy) * 1000 / 1" | bc)" >> "$raw"
    done
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
{
  echo "# Execution tracer overhead: ping-pong, $rounds round trips, $runs runs each (medians)"
  echo
  echo "$(date -u +%Y-%m-%d) on $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). base = $(git rev-parse --short "$base") (no hooks)."
  echo "Traced runs include merging the buffers and writing the JSON (ring buffers of 2^16 events per thread, the default)."
  echo
  echo "| GOMAXPROCS | variant | wall ms | CPU ms | wall vs base | CPU vs base |"
  echo "|---|---|---|---|---|---|"
  for p in $procs; do
    bw=$(awk -v p="$p" '$1==p && $2=="base" {print $3}' "$raw" | median)
    bc_=$(awk -v p="$p" '$1==p && $2=="base" {print $4}' "$raw" | median)
    for c in base off traced; do
      w=$(awk -v p="$p" -v c=$c '$1==p && $2==c {print $3}' "$raw" | median)
      cpu=$(awk -v p="$p" -v c=$c '$1==p && $2==c {print $4}' "$raw" | median)
      echo "| $p | $c | $w | $cpu | $(echo "scale=2; $w / $bw" | bc) | $(echo "scale=2; $cpu / $bc_" | bc) |"
    done
  done
  echo
  echo "Raw samples (GOMAXPROCS, variant, wall ms, CPU ms):"
  echo '```'
  cat "$raw"
  echo '```'
} | tee bench/results/trace-overhead.md
