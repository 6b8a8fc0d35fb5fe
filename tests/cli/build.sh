#!/usr/bin/env bash
# relnet build: the main job on the shipped sample articles, and on given
# articles and edge lists; every output written and well-formed; a fresh
# knowledge base each time; bad inputs reported while the rest is built.
source "$(dirname "$0")/lib/common.sh"
SRC=${RELNET_SOURCE_DIR:?}


# The main job, as the README runs it: default input data/articles.
cd "$SRC"
run 0 "$R" build -o "$T/main"
for f in relnet.db graph.svg graph.png accuses.svg stats.txt centrality.csv; do
    [ -s "$T/main/$f" ] || fail "build did not write $f"
done
has "$T/err.txt" "data/articles/"
has "$T/err.txt" "relations between"
well_formed "$T/main/graph.svg"
well_formed "$T/main/accuses.svg"
head -c 8 "$T/main/graph.png" | od -An -tx1 | grep -q "89 50 4e 47" || fail "graph.png is not a PNG"
head -1 "$T/main/centrality.csv" | grep -q '^entity,type,in_degree,out_degree' || fail "centrality.csv header"
has "$T/main/stats.txt" "all relations"
has "$T/main/stats.txt" "accuses"
has "$T/main/graph.svg" "Legend"
# It commits straight into the file (through a rollback journal) and
# switches the file to WAL mode at its close: nothing is left beside it.
[ ! -s "$T/main/relnet.db-wal" ] || fail "build left its changes in relnet.db-wal"
[ ! -s "$T/main/relnet.db-journal" ] || fail "build left a journal"
"$py" -c 'import sqlite3, sys
assert sqlite3.connect(sys.argv[1]).execute("pragma journal_mode").fetchone()[0] == "wal"' \
    "$T/main/relnet.db" || fail "build's knowledge base is not in WAL mode"
# Its steps share the records it loaded and the selections made once for
# them: they write what the same commands write alone on its knowledge base.
run 0 "$R" --kb "$T/main/relnet.db" stats --relation all
cp "$T/out.txt" "$T/stats-alone.txt"
echo >> "$T/stats-alone.txt"
run 0 "$R" --kb "$T/main/relnet.db" stats --matrix
cat "$T/out.txt" >> "$T/stats-alone.txt"
cmp "$T/main/stats.txt" "$T/stats-alone.txt" || fail "build's stats.txt differs from stats run alone"
run 0 "$R" --kb "$T/main/relnet.db" centrality --measure all --format csv
cmp "$T/main/centrality.csv" "$T/out.txt" || fail "build's centrality.csv differs from centrality run alone"
# The knowledge base it wrote answers queries.
run 0 "$R" --kb "$T/main/relnet.db" query China
has "$T/out.txt" "China"

# Articles and an edge list given explicitly; a fresh knowledge base each run.
cd "$T"
mkdir -p news
cat > news/one.txt <<'EOF'
Kenya accused Uganda of jamming its radio stations on Tuesday.
Uganda banned the Kenyan broadcaster NTV from its airwaves in response.
EOF
printf 'PK\x03\x04binary\x00junk' > news/broken.txt
printf 'source,target,relation\nTanzania,Kenya,signs\n' > extra.csv
run 1 "$R" build news extra.csv -o again
has err.txt "news/broken.txt: binary file"
has err.txt "extra.csv: 1 rows read, 1 records imported"
[ -s again/graph.svg ] || fail "no graph despite the good inputs"
run 0 "$R" --kb again/relnet.db export --format csv
has out.txt "Kenya,country,,Uganda,country,,accuses"
has out.txt "Tanzania,country,,Kenya,country,,signs"
run 0 "$R" build extra.csv -o again
# Without accusations there is no accuses.svg (and no stale one).
has err.txt "no 'accuses' relations"
[ ! -e again/accuses.svg ] || fail "accuses.svg drawn without accusations"
run 0 "$R" --kb again/relnet.db export --format csv
! grep -q "Uganda" out.txt || fail "build reused the old knowledge base"

# Nothing usable at all: exit 1 and a clear message.
run 1 "$R" build news/broken.txt -o none
has err.txt "no relations found"
run 2 "$R" build --bogus
echo ok
