#!/usr/bin/env bash
# run.sh - every benchmark against its peers in one run; rewrites the
# generated part of bench/RESULTS.md (between the "run.sh" markers).
#
# A benchmark, not a test: it never fails on slowness. Each program of a
# benchmark runs REPEAT times, the programs interleaved so they share the
# machine's load; the table gives the best and the median wall time, the
# peak memory (max RSS) of the best run, and ratios to the peer taken within
# this run. /proc/loadavg is recorded before and after: on a shared machine
# it says how many cores were free.
#
# Benchmarks (BENCHES, default all but the 10M ones):
#   centrality-1M   relnet centrality FILE.csv --measure pagerank --top 20
#                   vs python-igraph (csv rows streamed into Graph.TupleList)
#                   and networkx (DiGraph with summed weights)
#   centrality-10M  the same on 10M edges (slow: networkx takes minutes)
#   import-1M       relnet import into a fresh knowledge base vs Python
#                   csv + sqlite3 (bench/import_peer_sqlite.py)
#   import-10M      the same on 10M rows
#   articles        relnet extract with --jobs 1 and the default jobs, add
#                   into a fresh knowledge base, and build, on ARTICLES_MB
#                   MiB of generated news (bench/gen_articles.py)
#
# Graphs come from ../shared/bench/gen_graph.py (deterministic power-law
# multigraphs with quoted names); peers run with /usr/bin/python3 and every
# program with OMP_NUM_THREADS=1.
#
# usage: bench/run.sh [BENCH...]
# environment:
#   RELNET_BIN   a Release relnet (default: builds build-bench/)
#   RELNET_BASE_BIN  another relnet (say, main's before a change) run as the
#                program "relnet-base" in the centrality benchmarks,
#                interleaved with the others (the targets read "relnet")
#   BENCH_DATA   where generated inputs are kept (default /tmp/relnet-bench)
#   REPEAT       runs per program (default 5; 3 for the article benchmarks)
#   RESULTS      the file to rewrite (default bench/RESULTS.md; "-" prints)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${RELNET_SHARED:-$root/../shared}
data=${BENCH_DATA:-/tmp/relnet-bench}
results=${RESULTS:-$here/RESULTS.md}
articles_mb=${ARTICLES_MB:-50}
py=/usr/bin/python3
export OMP_NUM_THREADS=1
mkdir -p "$data"

if [[ -z ${RELNET_BIN:-} ]]; then
    cmake -S "$root" -B "$root/build-bench" -DCMAKE_BUILD_TYPE=Release -DRELNET_TESTS=OFF >/dev/null
    cmake --build "$root/build-bench" -j2 --target relnet >/dev/null
    RELNET_BIN=$root/build-bench/relnet
fi
relnet=$RELNET_BIN
# (not nproc: it answers OMP_NUM_THREADS, set to 1 above)
cores=$(getconf _NPROCESSORS_ONLN)

benches=("$@")
[[ ${#benches[@]} -gt 0 ]] || benches=(centrality-1M import-1M articles)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
samples=$tmp/samples.tsv
units=$tmp/units.tsv # bench, how much input, of what ("rows", "bytes")
: >"$samples"
: >"$units"

graph_csv() { # the CSV of SIZE edges, generated on first use
    local f=$data/graph_$1.csv
    [[ -s $f ]] || $py "$shared/bench/gen_graph.py" "$1" -o "$f"
    echo "$f"
}

# timed BENCH PROGRAM CMD...: one run, appended to the samples as
# "bench program wall cpu maxrss_kb"; the output is kept in $tmp/PROGRAM.out.
timed() {
    local bench=$1 prog=$2
    shift 2
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >"$tmp/$prog.out" 2>"$tmp/$prog.err" || {
        echo "run.sh: failed: $*" >&2
        cat "$tmp/$prog.err" >&2
        return 1
    }
    local wall user sys mem
    read -r wall user sys mem <"$tmp/time"
    printf '%s\t%s\t%s\t%s\t%s\n' "$bench" "$prog" "$wall" \
        "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$mem" >>"$samples"
}

# Same PageRank, same top 20: relnet's names must equal python-igraph's.
check_top20() {
    tail -n +2 "$tmp/relnet.out" | $py -c '
import csv, sys
print("\n".join(r[0] for r in csv.reader(sys.stdin)))' >"$tmp/relnet.names"
    cut -f1 "$tmp/python-igraph.out" >"$tmp/igraph.names"
    cmp -s "$tmp/relnet.names" "$tmp/igraph.names" ||
        echo "run.sh: $1: relnet's top 20 differs from python-igraph's" >&2
}

bench_centrality() { # SIZE
    local bench=centrality-$1 csv
    csv=$(graph_csv "$1")
    for ((i = 0; i < ${REPEAT:-5}; i++)); do
        timed "$bench" relnet "$relnet" --quiet centrality "$csv" --measure pagerank --top 20 \
            --format csv
        if [[ -n ${RELNET_BASE_BIN:-} ]]; then
            timed "$bench" relnet-base "$RELNET_BASE_BIN" --quiet centrality "$csv" --measure \
                pagerank --top 20 --format csv
            cmp -s "$tmp/relnet.out" "$tmp/relnet-base.out" ||
                echo "run.sh: $bench: relnet and relnet-base print different tables" >&2
        fi
        timed "$bench" python-igraph $py "$here/centrality_peer_igraph.py" "$csv"
        timed "$bench" networkx $py "$here/centrality_peer_networkx.py" "$csv"
    done
    check_top20 "$bench"
    printf '%s\t%s\trows\n' "$bench" $(($(wc -l <"$csv") - 1)) >>"$units"
}

bench_import() { # SIZE
    local bench=import-$1 csv
    csv=$(graph_csv "$1")
    for ((i = 0; i < ${REPEAT:-5}; i++)); do
        rm -f "$tmp"/kb.db* "$tmp"/peer.db*
        timed "$bench" relnet "$relnet" --quiet --kb "$tmp/kb.db" import "$csv"
        timed "$bench" python-sqlite3 $py "$here/import_peer_sqlite.py" "$csv" "$tmp/peer.db"
    done
    rm -f "$tmp"/kb.db* "$tmp"/peer.db*
    printf '%s\t%s\trows\n' "$bench" $(($(wc -l <"$csv") - 1)) >>"$units"
}

has_jobs() { "$relnet" extract --help 2>&1 | grep -q -- '--jobs'; }

bench_articles() {
    local dir=$data/articles_$articles_mb
    [[ -d $dir ]] || $py "$here/gen_articles.py" "$dir" "$articles_mb" >/dev/null
    cat "$dir"/* >/dev/null # warm the page cache
    for ((i = 0; i < ${REPEAT:-3}; i++)); do
        if has_jobs; then
            timed articles "extract --jobs 1" "$relnet" extract --jobs 1 "$dir"
            timed articles "extract --jobs $cores" "$relnet" extract --jobs "$cores" "$dir"
        else
            timed articles extract "$relnet" extract "$dir"
        fi
        rm -rf "$tmp/kb.db"* "$tmp/build"
        timed articles add "$relnet" --quiet --kb "$tmp/kb.db" add "$dir"
        timed articles build "$relnet" --quiet build -o "$tmp/build" "$dir"
    done
    rm -rf "$tmp/kb.db"* "$tmp/build"
    printf 'articles\t%s\tbytes\n' "$(cat "$dir"/* | wc -c)" >>"$units"
    printf 'articles\t%s\tfiles\n' "$(find "$dir" -type f | wc -l)" >>"$units"
}

load_before=$(cat /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
for b in "${benches[@]}"; do
    case $b in
    centrality-*) bench_centrality "${b#centrality-}" ;;
    import-*) bench_import "${b#import-}" ;;
    articles) bench_articles ;;
    *)
        echo "run.sh: unknown benchmark '$b'" >&2
        exit 2
        ;;
    esac
done
load_after=$(cat /proc/loadavg)

versions() {
    dpkg-query -W -f '${Package} ${Version}\n' "$@" 2>/dev/null | sed 's/^/    /'
}
{
    echo "machine: $(uname -srm); $cores cores ($(lscpu | sed -n 's/^Model name: *//p'));" \
        "$(free -g | awk '/^Mem:/ { print $2 }') GiB"
    echo "started: $started; relnet $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?')"
    echo "loadavg before: $load_before"
    echo "loadavg after:  $load_after"
    echo "packages as installed:"
    versions python3 python3-igraph libigraph3 libigraph-dev python3-networkx python3-scipy \
        libsqlite3-0 libcsv3 gcc
} >"$tmp/meta"

$py "$here/results_table.py" "$tmp/meta" "$samples" "$units" >"$tmp/section.md"
if [[ $results == - ]]; then
    cat "$tmp/section.md"
else
    $py "$here/results_table.py" --splice "$results" "$tmp/section.md"
    cat "$tmp/section.md"
fi
