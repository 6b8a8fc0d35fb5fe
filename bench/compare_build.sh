#!/usr/bin/env bash
# compare_build.sh - `relnet build` of several relnet binaries against
# `extract` of the first one, interleaved so that they share the machine's
# load (issue 11's target: build <= 1.3 x extract).
#
#   bench/compare_build.sh DIR BIN...
#
# DIR holds the articles (bench/gen_articles.py DIR 59 makes about 10,000).
# Each round (ROUNDS, default 3) runs `BIN1 extract --jobs JOBS` and then
# `BIN --quiet build --jobs JOBS` of every binary (JOBS: default the number
# of cores). Prints, per program, the best and median wall and CPU
# (user+sys) times, and each build's ratios to extract's (best to best,
# median to median), with /proc/loadavg before and after. A benchmark, not
# a test: it never fails on slowness.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 DIR BIN..." >&2; exit 2; }
dir=$1
shift
rounds=${ROUNDS:-3}
jobs=${JOBS:-$(getconf _NPROCESSORS_ONLN)}
export OMP_NUM_THREADS=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$dir"/* > /dev/null # warm the page cache
echo "loadavg before: $(cat /proc/loadavg)"
: > "$tmp/samples"
timed() { # NAME CMD...: "NAME wall cpu" appended to the samples
    local name=$1
    shift
    /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" > /dev/null 2>&1
    awk -v n="$name" '{ print n "\t" $1 "\t" $2 + $3 }' "$tmp/time" >> "$tmp/samples"
}
for ((r = 0; r < rounds; r++)); do
    timed extract "$1" extract --jobs "$jobs" "$dir"
    for b in "$@"; do
        rm -rf "$tmp/out"
        timed "build $b" "$b" --quiet build --jobs "$jobs" -o "$tmp/out" "$dir"
    done
done
echo "loadavg after:  $(cat /proc/loadavg)"
echo "$(ls "$dir" | wc -l) articles, $(cat "$dir"/* | wc -c) bytes, --jobs $jobs, $rounds rounds"
/usr/bin/python3 - "$tmp/samples" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, wall, cpu = line.rstrip("\n").split("\t")
    runs.setdefault(name, []).append((float(wall), float(cpu)))
def fig(name):
    w = [r[0] for r in runs[name]]
    c = [r[1] for r in runs[name]]
    return min(w), statistics.median(w), min(c), statistics.median(c)
ref = fig("extract")
print("%-50s %17s %17s %23s %23s" % ("program", "wall best, median", "CPU best, median",
                                      "wall / extract (b, m)", "CPU / extract (b, m)"))
for name in runs:
    f = fig(name)
    print("%-50s %8.2f %8.2f %8.2f %8.2f %11.2f %11.2f %11.2f %11.2f" %
          (name, f[0], f[1], f[2], f[3], f[0] / ref[0], f[1] / ref[1], f[2] / ref[2],
           f[3] / ref[3]))
EOF
