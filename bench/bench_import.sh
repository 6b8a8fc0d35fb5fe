#!/usr/bin/env bash
# Import throughput: `relnet import` of the deterministic 1M-edge CSV into a
# fresh knowledge base, against the peer a user would otherwise script: a
# Python csv reader feeding SQLite through executemany (names -> ids, one
# transaction), measured in the same run.
#
#   bench/bench_import.sh [EDGES]      EDGES: 100k, 1M (default), 10M ...
#
# Needs a Release build in build-rel (cmake -S . -B build-rel
# -DCMAKE_BUILD_TYPE=Release -DRELNET_TESTS=OFF && cmake --build build-rel)
# and ../shared/bench/gen_graph.py.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
edges=${1:-1M}
bin=${RELNET_BIN:-$here/build-rel/relnet}
gen=${RELNET_GEN:-$here/../shared/bench/gen_graph.py}
work=${BENCH_DIR:-/tmp/relnet-bench}
mkdir -p "$work"
csv=$work/graph-$edges.csv
[ -s "$csv" ] || /usr/bin/python3 "$gen" "$edges" -o "$csv"
rows=$(($(wc -l < "$csv") - 1))

measure() { # label command...: prints "label seconds peak_kb"
    local label=$1; shift
    /usr/bin/time -f "$label %e %M" "$@" 2>&1 >/dev/null | tail -n 1
}

cat > "$work/peer_import.py" <<'PY'
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[2], isolation_level=None)
db.execute("pragma journal_mode=wal"); db.execute("pragma synchronous=normal")
db.execute("create table entities(id integer primary key, name text unique)")
db.execute("create table relations(id integer primary key, source_id int, target_id int,"
           " relation text, weight real)")
ids = {}
def eid(name):
    i = ids.get(name)
    if i is None:
        i = ids[name] = len(ids) + 1
        db.execute("insert into entities values (?, ?)", (i, name))
    return i
db.execute("begin")
with open(sys.argv[1], newline="") as f:
    r = csv.reader(f); next(r)
    db.executemany("insert into relations(source_id, target_id, relation, weight) values (?,?,?,?)",
                   ((eid(s), eid(t), rel, float(w)) for s, t, rel, w in r))
db.execute("commit")
PY

for run in 1 2 3; do
    rm -f "$work"/kb.db* "$work"/peer.db*
    measure relnet "$bin" --kb "$work/kb.db" import --quiet "$csv"
    measure python-sqlite3 /usr/bin/python3 "$work/peer_import.py" "$csv" "$work/peer.db"
done | awk -v rows="$rows" '
    { t[$1] += $2; n[$1]++; if ($3 > m[$1]) m[$1] = $3 }
    END {
        for (k in t) printf "%-15s %d rows  mean %.2f s  %.0f rows/s  peak %.0f MB\n",
            k, rows, t[k] / n[k], rows / (t[k] / n[k]), m[k] / 1024
        if (t["relnet"] && t["python-sqlite3"])
            printf "relnet / python-sqlite3 wall-time ratio: %.2f\n", t["relnet"] / t["python-sqlite3"]
    }'
