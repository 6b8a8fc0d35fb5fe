#!/usr/bin/env bash
# centrality.sh - relnet centrality on tests/data/analysis/disputes.csv
# (written for these tests), from the CSV file and from a knowledge base
# filled by the real `relnet import`: the CSV header, values igraph's
# Python binding agrees with (when installed), seeded communities,
# approximation notes on stderr / in the table / in JSON, hostile names.

source "$(dirname "$0")/lib/common.sh"
data=${RELNET_TEST_DATA:?set RELNET_TEST_DATA}/analysis
csv=$data/disputes.csv

# --- CSV: exact header, one row per entity ------------------------------------
"$R" centrality "$csv" --measure all --format csv >"$T/all.csv"
head -1 "$T/all.csv" | grep -qx \
    'entity,type,in_degree,out_degree,in_strength,out_strength,pagerank,betweenness,closeness,hub,authority,eigenvector,coreness,community' ||
    fail "header: $(head -1 "$T/all.csv")"
"$R" centrality "$csv" --measure closeness,pagerank --format csv >"$T/two.csv"
head -1 "$T/two.csv" |
    grep -qx 'entity,type,pagerank,closeness' || fail "requested columns in canonical order"

$py - "$T/all.csv" <<'X' || fail "values"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
# every entity of the file's default selection (asserted, all relations): 9
assert len(rows) == 9, len(rows)
assert abs(sum(float(r["pagerank"]) for r in rows) - 1) < 1e-6
by = {r["entity"]: r for r in rows}
# hostile name survives CSV
assert 'Say "no", <&> \\ back\nslash' in by, list(by)
# China: accuses the United States (3 reports) and itself; out_degree counts
# distinct targets (2), out_strength the summed weights (4)
assert by["China"]["out_degree"] == "2" and by["China"]["out_strength"] == "4"
# sorted by pagerank, highest first
pr = [float(r["pagerank"]) for r in rows]
assert pr == sorted(pr, reverse=True)
X

# PageRank as python-igraph computes it on the multigraph of the rows.
if $py -c 'import igraph' 2>/dev/null; then
    $py - "$csv" "$T/all.csv" <<'X' || fail "pagerank differs from python-igraph"
import csv, sys, igraph
rows = [r for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))]
g = igraph.Graph.TupleList(((r["source"], r["target"], float(r["weight"])) for r in rows),
                           directed=True, weights=True)
want = dict(zip(g.vs["name"], g.pagerank(weights="weight")))
got = {r["entity"]: float(r["pagerank"]) for r in csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8"))}
assert set(want) == set(got), (set(want) ^ set(got))
for k in want:
    assert abs(want[k] - got[k]) < 1e-8, (k, want[k], got[k])
X
fi

# --- the knowledge base gives the same numbers ---------------------------------
kb=$T/kb.db
"$R" --quiet import --kb "$kb" "$csv"
"$R" centrality --kb "$kb" --measure all --format csv | diff -u "$T/all.csv" - ||
    fail "KB and CSV inputs differ"

# --- seeded and repeatable --------------------------------------------------------
"$R" centrality "$csv" --measure community --community leiden --seed 7 --format csv >"$T/c1"
"$R" centrality "$csv" --measure community --community leiden --seed 7 --format csv >"$T/c2"
cmp -s "$T/c1" "$T/c2" || fail "same seed, different communities"

# --- approximations are said, never silent -----------------------------------------
"$R" centrality "$csv" --measure betweenness --exact-limit 10 >"$T/t.txt"
grep -q '^note: betweenness is approximate: estimated from shortest paths out of 2 of 9 nodes sampled with seed 42' \
    "$T/t.txt" || fail "table note: $(cat "$T/t.txt")"
"$R" centrality "$csv" --measure betweenness --exact-limit 10 --format csv >"$T/a.csv" 2>"$T/a.err"
grep -q 'betweenness is approximate' "$T/a.err" || fail "csv note on stderr"
! grep -q 'approximate' "$T/a.csv" || fail "note inside the CSV"
"$R" centrality "$csv" --measure betweenness,closeness --exact-limit 10 --format json >"$T/a.json"
$py - "$T/a.json" <<'X' || fail "json approximate field"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert "betweenness" in d["approximate"] and "closeness" in d["approximate"], d["approximate"]
X
"$R" centrality "$csv" --measure betweenness --format json | $py -c '
import json, sys
d = json.load(sys.stdin)
assert d["approximate"] == {}, d["approximate"]' || fail "exact run flagged approximate"

# --- JSON: valid, hostile names intact ------------------------------------------------
"$R" centrality "$csv" --measure all --format json --top 0 >"$T/all.json"
$py -m json.tool "$T/all.json" >/dev/null || fail "invalid JSON"
$py - "$T/all.json" <<'X' || fail "json content"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
names = [e["entity"] for e in d["entities"]]
assert 'Say "no", <&> \\ back\nslash' in names
assert d["nodes"] == 9 and len(names) == 9
assert d["community"]["algorithm"] == "louvain" and d["community"]["seed"] == 42
assert isinstance(d["entities"][0]["in_degree"], int)
X

# --- the table ------------------------------------------------------------------------
"$R" centrality "$csv" --top 3 >"$T/top.txt"
[[ $(grep -c '^ *[0-9]  ' "$T/top.txt") -eq 3 ]] || fail "--top 3: $(cat "$T/top.txt")"
grep -q '^9 entities, 11 edges; ' "$T/top.txt" || fail "footer"

# --- usage -----------------------------------------------------------------------------
"$R" centrality --help >"$T/help.txt"
grep -qF -- '--distance hops|inverse' "$T/help.txt" || fail "--help"
for bad in '--measure bogus' '--sort nothing' '--distance far' '--community magic' '--format xml'; do
    set +e
    # shellcheck disable=SC2086
    "$R" centrality "$csv" $bad >/dev/null 2>&1; rc=$?
    set -e
    [[ $rc -eq 2 ]] || fail "'$bad' gave exit $rc, not 2"
done
echo "centrality: ok"
