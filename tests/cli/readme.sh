#!/usr/bin/env bash
# readme.sh - the README's main job and the examples after it run as written
# in a fresh copy of the repository's README and data: `relnet build` (the
# last step of the README's first command) imports the sample edge lists
# with the articles, and every example line then exits 0 on what it wrote.
# A second build keeps the first one's knowledge base and says so.
source "$(dirname "$0")/lib/common.sh"
SRC=${RELNET_SOURCE_DIR:?}
mkdir -p "$T/repo" "$T/bin"
cp -r "$SRC/README.md" "$SRC/data" "$T/repo/"
ln -s "$R" "$T/bin/relnet"
export PATH="$T/bin:$PATH"
unset RELNET_KB
cd "$T/repo"

grep -q '&& ./build/relnet build$' README.md || fail "the README's main job is no longer './build/relnet build'"
run 0 relnet build
for f in relnet.db graph.svg graph.png accuses.svg accuses-by-affiliation.svg timeline.svg \
         report.html stats.txt centrality.csv; do
    [ -s "out/$f" ] || fail "build did not write out/$f"
done
# The sample edge lists come in with the articles.
for f in ai_declarations.tsv app_bans.csv tech_disputes.csv; do
    has "$T/err.txt" "data/edges/$f: "
done
hasnt "$T/err.txt" "skipped, "
has "$T/err.txt" "and 3 edge lists"
has "$T/err.txt" "query it with 'relnet --kb out/relnet.db stats'"
# gold.tsv beside the articles is no edge list.
hasnt "$T/err.txt" "gold.tsv"

# The examples, as written.
awk '/^Examples/ {on = 1} on && /^```sh/ {code = 1; next} code && /^```/ {exit} code' README.md >examples.sh
[ "$(grep -c '^relnet\|^export' examples.sh)" -ge 10 ] || fail "examples not found: $(cat examples.sh)"
set +e
bash -e -o pipefail -x examples.sh >examples.out 2>examples.err
got=$?
set -e
[ "$got" = 0 ] || { tail -20 examples.err >&2; fail "a README example failed (exit $got)"; }
grep -q "Zhao Lijian" examples.out || fail "query \"Zhao Lijian\" found nothing"
[ -s accuses.svg ] && [ -s china.svg ] && [ -s graph.graphml ] || fail "examples wrote no files"
[ -s mine.db ] && [ -s shards.db ] || fail "examples made no knowledge bases of their own"

# Building again keeps the previous knowledge base and says what it held.
relations=$(sqlite3 out/relnet.db 'select count(*) from relations' 2>/dev/null ||
            $py -c 'import sqlite3; print(sqlite3.connect("out/relnet.db").execute("select count(*) from relations").fetchone()[0])')
run 0 relnet build
has "$T/err.txt" "out/relnet.db: the previous build's knowledge base ($relations relations from"
has "$T/err.txt" "moved to out/relnet.db.previous"
run 0 relnet --kb out/relnet.db.previous stats --relation all
run 0 relnet --kb out/relnet.db list imports
[ "$(grep -c 'data/edges/' "$T/out.txt")" = 3 ] || fail "second build: $(cat "$T/out.txt")"
echo ok
