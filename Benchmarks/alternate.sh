#!/usr/bin/env bash
# Runs two commands in turn, ROUNDS times each (A B A B ...), and prints for each the median and the
# fastest wall time and the median CPU time (user + system, all threads), from /usr/bin/time.
# On a shared machine single runs move by ±20 %; alternating puts both commands under the same noise.
#
#   Benchmarks/alternate.sh 7 \
#     "old/glossa apply --glossary c500.glossa-index --lang de --jobs 1 de-news.txt" \
#     ".build/release/glossa apply --glossary c500.glossa-index --lang de --jobs 1 de-news.txt"
#
# Output of the commands goes to /dev/null; a command that fails stops the comparison.
set -euo pipefail

if [[ $# -ne 3 || ! $1 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 ROUNDS 'COMMAND A' 'COMMAND B'" >&2
  exit 2
fi
rounds=$1
times=$(mktemp)
trap 'rm -f "$times"' EXIT

for _ in $(seq "$rounds"); do
  for name in A B; do
    if [[ $name == A ]]; then command=$2; else command=$3; fi
    if ! /usr/bin/time -f "$name %e %U %S" -a -o "$times" bash -c "$command" > /dev/null 2>&1; then
      echo "$0: command $name failed: $command" >&2
      exit 1
    fi
  done
done

python3 - "$times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line[:1] in ("A", "B")]
for name in "AB":
    wall = [float(r[1]) for r in rows if r[0] == name]
    cpu = [float(r[2]) + float(r[3]) for r in rows if r[0] == name]
    print(f"{name}: wall median {statistics.median(wall):.3f} s, fastest {min(wall):.3f} s;"
          f" CPU median {statistics.median(cpu):.3f} s; {len(wall)} rounds")
PY
