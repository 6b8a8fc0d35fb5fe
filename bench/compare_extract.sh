#!/usr/bin/env bash
# compare_extract.sh - extraction throughput of several relnet binaries,
# interleaved so that they share the machine's load.
#
#   bench/compare_extract.sh DIR BIN...
#
# For each corpus directory under DIR (each a set of *.txt articles, such
# as bench/bench_extract.sh builds: generated news, the dev corpus copied
# many times), runs `BIN extract --jobs 1` over it ROUNDS times per binary
# (default 3), one binary after the other within each round, and prints the
# best CPU time (user+sys) and the MB/s (10^6 bytes) it gives. A binary may
# be a wrapper script that sets RELNET_DATA for an older build's data. A
# benchmark, not a test: it never fails on slowness.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 DIR BIN..." >&2; exit 2; }
dir=$1
shift
rounds=${ROUNDS:-3}
export OMP_NUM_THREADS=1
t=$(mktemp)
trap 'rm -f "$t"' EXIT
for set in "$dir"/*/; do
    set=${set%/}
    bytes=$(cat "$set"/*.txt | wc -c)
    declare -A best=()
    for ((r = 0; r < rounds; r++)); do
        for b in "$@"; do
            /usr/bin/time -f "%U %S" -o "$t" "$b" extract --jobs 1 "$set" > /dev/null 2>&1
            s=$(awk '{ print $1 + $2 }' "$t")
            if [ -z "${best[$b]:-}" ] || awk -v a="$s" -v b="${best[$b]}" 'BEGIN { exit !(a < b) }'; then
                best[$b]=$s
            fi
        done
    done
    for b in "$@"; do
        awk -v n="$bytes" -v s="${best[$b]}" -v b="$b" -v c="$(basename "$set")" \
            'BEGIN { printf "%-6s %-40s %6.2f s CPU  %5.1f MB/s\n", c, b, s, n / 1e6 / s }'
    done
    unset best
done
