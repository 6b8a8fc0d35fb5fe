#!/usr/bin/env bash
# export_filters.sh - a selection means the same in every export: for each
# set of filters (--relation, --since/--until, --polarity, --min-count,
# --by affiliation) the graph formats (GraphML, GEXF, JSON, DOT) hold the
# same edges with the same counts, and the CSV's rows add up to them.
# Without NetworkX or pydot the test is skipped (exit 77).
source "$(dirname "$0")/lib/common.sh"
cd "$T"
$py -c 'import networkx, pydot' 2>/dev/null || { echo "SKIP: needs python3-networkx and python3-pydot"; exit 77; }

printf '%s\n' \
 'source,target,relation,polarity,date,source_affiliation' \
 'Ardo,Belt,bans,asserted,2020-08-06,Kor' \
 'Ardo,Belt,bans,asserted,2020-09-18,Kor' \
 'Ardo,Belt,bans,negated,2020-09-20,Kor' \
 'Ardo,Belt,accuses,asserted,2020-07-01,Kor' \
 'Ardo,Belt,accuses,hedged,2020-07-02,Kor' \
 'Cray,Belt,bans,asserted,2020-08-10,Kor' \
 'Cray,Dunn,bans,asserted,2021-01-01,' \
 'Cray,Dunn,bans,asserted,,' \
 'Eck,Dunn,signs,asserted,2019-05-05,' > e.csv
run 0 "$R" --no-lexicon --kb k.db import e.csv

selections=(
    ""
    "--relation bans"
    "--polarity asserted"
    "--polarity negated,hedged"
    "--since 2020-08-01 --until 2020-12-31"
    "--min-count 2"
    "--by affiliation"
    "--by affiliation --relation bans --polarity all --min-count 3"
)
for i in "${!selections[@]}"; do
    mkdir "s$i"
    # shellcheck disable=SC2086
    for f in csv graphml gexf json dot; do
        run 0 "$R" --no-lexicon --kb k.db export --format $f ${selections[$i]} -o "s$i/g.$f"
    done
done

$py - "${selections[@]}" <<'PY'
import csv, json, sys
from collections import Counter
import networkx as nx

def unquote(s):  # pydot keeps DOT's quotes
    return s[1:-1] if s and len(s) >= 2 and s[0] == s[-1] == '"' else (s or "")

for i, selection in enumerate(sys.argv[1:]):
    d = f"s{i}/"
    j = json.load(open(d + "g.json"))
    want = Counter({(l["source"], l["target"], l["relation"], l["polarity"]): l["count"]
                    for l in j["links"]})
    rows = Counter()
    for r in csv.DictReader(open(d + "g.csv", newline="")):
        rows[(r["source"], r["target"], r["relation"], r["polarity"])] += int(r["count"])
    g = nx.read_graphml(d + "g.graphml")
    graphml = Counter({(g.nodes[u]["name"], g.nodes[v]["name"], a["relation"], a["polarity"]): int(a["count"])
                       for u, v, a in g.edges(data=True)})
    x = nx.read_gexf(d + "g.gexf")
    gexf = Counter({(x.nodes[u]["label"], x.nodes[v]["label"], a["relation"], a["polarity"]): int(a["count"])
                    for u, v, a in x.edges(data=True)})
    t = nx.nx_pydot.read_dot(d + "g.dot")
    name = {n: unquote(a.get("entity")) for n, a in t.nodes(data=True)}
    dot = Counter({(name[u], name[v], unquote(a["relation"]), unquote(a["polarity"])): int(unquote(a["count"]))
                   for u, v, a in t.edges(data=True)})
    for fmt, got in (("csv", rows), ("graphml", graphml), ("gexf", gexf), ("dot", dot)):
        assert got == want, (selection, fmt, sorted(got.items()), sorted(want.items()))
    print(f"{selection or '(no filter)'}: {len(want)} edges, {sum(want.values())} reports in every format")
    if i == 0:
        assert len(want) == 7, want
    if selection == "--polarity negated,hedged":
        assert set(k[3] for k in want) == {"negated", "hedged"}, want
    if selection.startswith("--since"):
        assert sum(want.values()) == 4, want
    if selection == "--min-count 2":
        assert set((k[0], k[1]) for k in want) == {("Ardo", "Belt"), ("Cray", "Dunn")}, want
    if selection.startswith("--by affiliation --relation"):
        assert want == Counter({("Kor", "Belt", "bans", "asserted"): 3, ("Kor", "Belt", "bans", "negated"): 1}), want
PY
echo ok
