#!/usr/bin/env bash
# bench_render.sh - how long relnet's drawings take, per layout engine and size.
#
# usage: bench/bench_render.sh [RELNET_BIN] [--quick]
#
# 1. Engine table: uniform random directed graphs (n entities, 3n records,
#    four relations, six entity types; the worst case for layered and
#    force-directed layouts, since nothing clusters), written by relnet as
#    DOT with all its drawing attributes (`--engine none -T dot`), then laid
#    out and rendered to SVG by the same Graphviz library through the `dot`
#    program, each run capped at $TIMEOUT seconds. These numbers set the
#    engine limits in src/render.c (engines[] and AUTO_DOT_*).
# 2. The same drawings through `relnet render --engine E` near each limit:
#    in-process, end to end.
# 3. Default renders (`relnet render FILE -o x.svg`: top 40 by PageRank, auto
#    engine) of power-law edge lists of 10k, 100k and 1M records made by
#    gen_graph.py ($GEN_GRAPH, default /work/shared/bench/gen_graph.py;
#    skipped when absent), with wall time and peak memory.
#
# Times are wall-clock seconds from /usr/bin/time on an otherwise idle
# machine; "user" CPU seconds are printed too since they vary less when the
# machine is shared. Needs: relnet, dot (package graphviz), awk, python3.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-${RELNET_BIN:-$here/../build/relnet}}
quick=0
[[ ${2:-} == --quick || ${1:-} == --quick ]] && quick=1
[[ ${1:-} == --quick ]] && bin=${RELNET_BIN:-$here/../build/relnet}
TIMEOUT=${TIMEOUT:-60}
GEN_GRAPH=${GEN_GRAPH:-/work/shared/bench/gen_graph.py}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[[ -x $bin ]] || { echo "relnet binary not found: $bin" >&2; exit 2; }
command -v dot >/dev/null || { echo "the dot program (package graphviz) is needed" >&2; exit 2; }

# random_csv N M SEED: a uniform random directed graph as a relnet CSV.
random_csv() {
    awk -v n="$1" -v m="$2" -v seed="$3" 'BEGIN {
        srand(seed)
        split("accuses proposes bans signs", R, " ")
        split("country organization company person group document", T, " ")
        print "source,source_type,relation,target,target_type"
        for (i = 0; i < m; i++) {
            a = int(rand() * n); b = int(rand() * n)
            if (a == b) { i--; continue }
            printf "Entity %d,%s,%s,Entity %d,%s\n", a, T[a % 6 + 1], R[int(rand() * 4) + 1], b, T[b % 6 + 1]
        }
    }'
}

# timed OUTFILE CMD...: run CMD under /usr/bin/time and timeout; prints
# "wall user" seconds, or ">TIMEOUT" when it was stopped.
timed() {
    local out=$1
    shift
    local rc=0
    /usr/bin/time -f '%e %U %M' -o "$tmp/time" timeout "$TIMEOUT" "$@" >"$out" 2>"$tmp/err" || rc=$?
    if ((rc == 124)); then
        echo ">$TIMEOUT -"
    elif ((rc != 0)); then
        echo "failed($rc) -"
    else
        awk '{ print $1, $2 }' "$tmp/time"
    fi
}

echo "# relnet render benchmark: $(date -u +%Y-%m-%d) on $(nproc) cores, $(dot -V 2>&1)"
echo
echo "## 1. Layout + SVG per engine, uniform random graphs (edges = 3 x entities)"
echo
printf '| %-6s | %8s | %8s | %10s | %8s |\n' engine entities arrows wall_s user_s
printf '|%s|%s|%s|%s|%s|\n' -------- ---------- ---------- ------------ ----------
declare -A sizes=(
    [dot]="50 100 150 200 250"
    [neato]="500 800 1200 1600"
    [fdp]="1000 2000 3000 4000"
    [sfdp]="1000 2000 4000 5000 8000"
    [circo]="50 80 100 150"
    [twopi]="1000 2500 4000"
)
# The graph attributes src/render.c gives each engine (engines[].attrs);
# `--engine none` writes none of them, so they are passed here. -G sets a
# default, which is what the DOT file leaves open.
declare -A attrs=(
    [dot]="-Gnslimit=1 -Gnslimit1=1 -Gmclimit=0.5 -Gnodesep=0.4 -Granksep=0.8"
    [neato]="-Goverlap=prism -Gpack=true -Gstart=42"
    [fdp]="-Goverlap=prism -Gpack=true -Gstart=42"
    [sfdp]="-Goverlap=prism -Gstart=42"
    [circo]="-Gpack=true"
    [twopi]="-Gpack=true"
)
if ((quick)); then
    sizes=([dot]="50 100" [neato]="200" [fdp]="200" [sfdp]="1000" [circo]="50" [twopi]="500")
fi
for engine in dot neato fdp sfdp circo twopi; do
    for n in ${sizes[$engine]}; do
        random_csv "$n" $((3 * n)) 7 >"$tmp/r.csv"
        "$bin" --quiet render "$tmp/r.csv" --top 0 --engine none -o "$tmp/r.dot"
        arrows=$(grep -c -- '-> n' "$tmp/r.dot" || true)
        # shellcheck disable=SC2086
        read -r wall user < <(timed /dev/null dot -K"$engine" ${attrs[$engine]} -Tsvg "$tmp/r.dot")
        printf '| %-6s | %8d | %8d | %10s | %8s |\n' "$engine" "$n" "$arrows" "$wall" "$user"
    done
done

echo
echo "## 2. relnet render --engine E at its limit (in-process, end to end, uniform random)"
echo
printf '| %-6s | %8s | %10s | %8s |\n' engine entities wall_s user_s
printf '|%s|%s|%s|%s|\n' -------- ---------- ------------ ----------
declare -A limit=([dot]=200 [neato]=1200 [fdp]=3000 [sfdp]=4000 [circo]=80 [twopi]=2500)
if ((quick)); then
    limit=([dot]=100 [neato]=200 [fdp]=200 [sfdp]=500 [circo]=50 [twopi]=500)
fi
for engine in dot neato fdp sfdp circo twopi; do
    n=${limit[$engine]}
    random_csv "$n" $((3 * n)) 7 >"$tmp/r.csv"
    read -r wall user < <(timed /dev/null "$bin" --quiet render "$tmp/r.csv" --top 0 \
        --engine "$engine" -o "$tmp/r.svg")
    printf '| %-6s | %8d | %10s | %8s |\n' "$engine" "$n" "$wall" "$user"
done

echo
echo "## 3. Default render (top 40 by PageRank, auto engine) of gen_graph.py edge lists"
echo
if [[ ! -r $GEN_GRAPH ]]; then
    echo "(skipped: $GEN_GRAPH not found; set GEN_GRAPH)"
    exit 0
fi
printf '| %-8s | %-10s | %10s | %8s | %10s | %s\n' records options wall_s user_s peak_MB "relnet's summary"
printf '|%s|%s|%s|%s|%s|%s\n' ---------- ------------ ------------ ---------- ------------ ----------
edges_list="10k 100k 1M"
((quick)) && edges_list="10k"
for edges in $edges_list; do
    /usr/bin/python3 "$GEN_GRAPH" "$edges" -o "$tmp/g.csv"
    options_list=("")
    [[ $edges == 1M ]] && ((!quick)) && options_list=("" "--top 100" "--top 1000" "--top 4000" "--color community")
    for options in "${options_list[@]}"; do
        # shellcheck disable=SC2086
        /usr/bin/time -f '%e %U %M' -o "$tmp/time" "$bin" render "$tmp/g.csv" $options -o "$tmp/g.svg" 2>"$tmp/err" || true
        read -r wall user rss <"$tmp/time"
        printf '| %-8s | %-10s | %10s | %8s | %10d | %s\n' "$edges" "${options:-default}" "$wall" "$user" \
            $((rss / 1024)) "$(grep -v '^relnet render:' "$tmp/err" | sed 's/^[^:]*: //' | tr '\n' ' ')"
    done
done
