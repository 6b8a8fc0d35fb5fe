#!/usr/bin/env bash
# bench_centrality.sh - `relnet centrality FILE.csv --measure pagerank --top 20`
# (CSV straight to igraph, no knowledge base) against python3-igraph and
# python3-networkx doing the same job, on generated graphs and on the real
# Debian dependency graph. A benchmark, not a test: it prints a Markdown
# table for bench/RESULTS.md and never fails on slowness.
#
# Peers (run with /usr/bin/python3, OMP_NUM_THREADS=1 for every program):
#   bench/centrality_peer_igraph.py    csv module -> Graph.TupleList -> pagerank
#   bench/centrality_peer_networkx.py  csv module -> DiGraph (weights summed)
#                                      -> networkx.pagerank
# Each program runs REPEAT times, the three interleaved so they share the
# machine's load; the table shows the best wall time of each and the peak
# memory (max RSS) of that run, from /usr/bin/time -f "%e %M". Ratios are
# taken within the same run. The top-20 names of relnet and python-igraph
# are compared (same PageRank, so the same list).
#
# usage: bench/bench_centrality.sh [SIZE|debdeps ...]
#   SIZE: 100k, 1M, 10M (default: 100k 1M 10M debdeps)
# environment:
#   RELNET_BIN   a Release relnet (default: builds build-bench-centrality/)
#   BENCH_DATA   where generated CSVs are kept (default /tmp/relnet-bench)
#   REPEAT       runs per program (default 3)
#   NX_MAX_EDGES skip networkx above this many edges (default 20000000)
#   BENCH_THP=1  also time relnet with GLIBC_TUNABLES=glibc.malloc.hugetlb=1
#                (transparent huge pages for malloc; this kernel only gives
#                them on madvise), shown as an extra row per graph
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${RELNET_SHARED:-$root/../shared}
data=${BENCH_DATA:-/tmp/relnet-bench}
repeat=${REPEAT:-3}
nx_max=${NX_MAX_EDGES:-20000000}
py=/usr/bin/python3
export OMP_NUM_THREADS=1
mkdir -p "$data"

if [[ -z ${RELNET_BIN:-} ]]; then
    cmake -S "$root" -B "$root/build-bench-centrality" -DCMAKE_BUILD_TYPE=Release \
        -DRELNET_TESTS=OFF >/dev/null
    cmake --build "$root/build-bench-centrality" -j2 --target relnet >/dev/null
    RELNET_BIN=$root/build-bench-centrality/relnet
fi

# The CSV of a dataset name, generated on first use.
dataset() {
    local name=$1
    case $name in
    debdeps)
        local f=$data/real_debdeps.csv
        [[ -s $f ]] || $py "$shared/bench/real_datasets.py" "$data" >/dev/null
        echo "$f"
        ;;
    *)
        local f=$data/graph_$name.csv
        [[ -s $f ]] || $py "$shared/bench/gen_graph.py" "$name" -o "$f"
        echo "$f"
        ;;
    esac
}

# run OUT_PREFIX CMD...: one timed run; sets wall and mem.
run() {
    local out=$1
    shift
    /usr/bin/time -f "%e %M" -o "$out.time" "$@" >"$out.out" 2>"$out.err" || {
        echo "failed: $*" >&2
        cat "$out.err" >&2
        return 1
    }
    read -r wall mem <"$out.time"
}

best() { # best NAME WALL MEM: keep the fastest run's time and its memory
    local n=$1 w=$2 m=$3
    local bw=${best_wall[$n]:-}
    if [[ -z $bw ]] || awk -v a="$w" -v b="$bw" 'BEGIN{exit !(a < b)}'; then
        best_wall[$n]=$w
        best_mem[$n]=$m
    fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "-" }'; }

sets=("$@")
[[ ${#sets[@]} -gt 0 ]] || sets=(100k 1M 10M debdeps)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '| graph | edges | nodes | relnet s | relnet MB | igraph s | igraph MB | networkx s | networkx MB | relnet/igraph time | relnet/igraph mem | networkx/relnet time |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for set in "${sets[@]}"; do
    csv=$(dataset "$set")
    edges=$(($(wc -l <"$csv") - 1))
    declare -A best_wall=() best_mem=()
    for ((i = 0; i < repeat; i++)); do
        run "$tmp/relnet" "$RELNET_BIN" --quiet centrality "$csv" --measure pagerank --top 20 --format csv
        best relnet "$wall" "$mem"
        if [[ ${BENCH_THP:-0} == 1 ]]; then
            GLIBC_TUNABLES=glibc.malloc.hugetlb=1 run "$tmp/thp" "$RELNET_BIN" --quiet centrality \
                "$csv" --measure pagerank --top 20 --format csv
            best thp "$wall" "$mem"
        fi
        run "$tmp/igraph" "$py" "$here/centrality_peer_igraph.py" "$csv"
        best igraph "$wall" "$mem"
        if ((edges <= nx_max)); then
            run "$tmp/nx" "$py" "$here/centrality_peer_networkx.py" "$csv"
            best networkx "$wall" "$mem"
        fi
    done
    # Same PageRank, same top 20 (names; scores agree to the printed digits).
    tail -n +2 "$tmp/relnet.out" | $py -c '
import csv, sys
print("\n".join(r[0] for r in csv.reader(sys.stdin)))' >"$tmp/relnet.names"
    cut -f1 "$tmp/igraph.out" >"$tmp/igraph.names"
    if ! cmp -s "$tmp/relnet.names" "$tmp/igraph.names"; then
        echo "warning: $set: relnet and python-igraph top-20 differ" >&2
        diff "$tmp/relnet.names" "$tmp/igraph.names" >&2 || true
    fi
    nodes=$("$RELNET_BIN" --quiet centrality "$csv" --measure out_degree --top 1 --format json |
        $py -c 'import json,sys; print(json.load(sys.stdin)["nodes"])')
    rw=${best_wall[relnet]} rm=$((best_mem[relnet] / 1024))
    iw=${best_wall[igraph]} im=$((best_mem[igraph] / 1024))
    if [[ -n ${best_wall[networkx]:-} ]]; then
        nw=${best_wall[networkx]} nm=$((best_mem[networkx] / 1024))
        nxr=$(ratio "$nw" "$rw")
    else
        nw="skipped" nm="-" nxr="-"
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$set" "$edges" "$nodes" \
        "$rw" "$rm" "$iw" "$im" "$nw" "$nm" "$(ratio "$rw" "$iw")" \
        "$(ratio "${best_mem[relnet]}" "${best_mem[igraph]}")" "$nxr"
    if [[ -n ${best_wall[thp]:-} ]]; then
        tw=${best_wall[thp]}
        [[ -n ${best_wall[networkx]:-} ]] && nxr=$(ratio "$nw" "$tw")
        printf '| %s (relnet with THP) | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
            "$set" "$edges" "$nodes" "$tw" "$((best_mem[thp] / 1024))" "$iw" "$im" "$nw" "$nm" \
            "$(ratio "$tw" "$iw")" "$(ratio "${best_mem[thp]}" "${best_mem[igraph]}")" "$nxr"
    fi
    unset best_wall best_mem
done
printf '\nrequirement (1M): relnet/igraph time <= 0.4, relnet/igraph mem <= 0.6, networkx/relnet time >= 10\n'
