#!/usr/bin/env bash
# Graph exports read back by the tools users have: GraphML by NetworkX and
# python-igraph, GEXF (1.2draft) by NetworkX, JSON by NetworkX and igraph.
# Every edge (source, target, relation, polarity) must come back with its
# relation, polarity, count, weight, first and last date and evidence, and
# hostile names (tab, newline, CR, markup, quotes) unchanged. Also the
# Neo4j export: typed dates, asserted-only by default, a non-empty directory
# refused without --force, and no directory left by a failed export.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
$py -c 'import networkx, igraph' 2>/dev/null || { echo "SKIP: needs python3-networkx and python3-igraph"; exit 77; }

printf '%s\n' \
 'source,target,relation,polarity,date,weight,evidence' \
 'Trump,TikTok,bans,asserted,2020-08-06,1,Trump banned TikTok.' \
 'Trump,TikTok,bans,asserted,2020-09-18,1,Trump banned TikTok again.' \
 'Trump,TikTok,bans,asserted,,1,Trump banned TikTok.' \
 'Trump,TikTok,accuses,asserted,2020-07-01,2.5,Trump accused TikTok of spying.' \
 'Trump,TikTok,accuses,asserted,2020-07-02,1,' \
 'France,Huawei,bans,negated,2020-07-05,1,France has said it will not ban Huawei.' \
 'France,Huawei,bans,asserted,2021-01-01,0.125,' \
 '"A & B <c> ""q"" '"'"'s'"'"'",Zürich,proposes,hedged,,1,"line one' \
 'line two"' > e.csv
printf 'source,target,relation\n"Tab\there","New\nline",signs\n"Carriage\rreturn",X,signs\n' > names.csv
run 0 "$R" --no-lexicon --kb k.db import e.csv names.csv
for f in graphml gexf json; do run 0 "$R" --no-lexicon --kb k.db export --format $f -o g.$f; done
well_formed g.graphml
well_formed g.gexf
run 0 "$R" --no-lexicon --kb k.db export --format csv -o all.csv

$py - <<'EOF'
import csv, json
import networkx as nx, igraph as ig

# What every edge must say, from the lossless CSV export.
want = {}
for r in csv.DictReader(open("all.csv", newline="")):
    key = (r["source"], r["target"], r["relation"], r["polarity"])
    e = want.setdefault(key, {"count": 0, "weight": 0.0, "dates": [], "evidence": []})
    e["count"] += int(r["count"])
    e["weight"] += float(r["weight"]) * int(r["count"])
    if r["date"]:
        e["dates"].append(r["date"])
    if r["evidence"] and r["evidence"] not in e["evidence"]:
        e["evidence"].append(r["evidence"])
for e in want.values():
    e["first_date"] = min(e["dates"]) if e["dates"] else ""
    e["last_date"] = max(e["dates"]) if e["dates"] else ""
    e["evidence"] = sorted(e["evidence"])
json_want = {k: list(v["evidence"]) for k, v in want.items()}
assert ("Tab\there", "New\nline", "signs", "asserted") in want, want.keys()
assert ("Carriage\rreturn", "X", "signs", "asserted") in want, want.keys()
assert ("France", "Huawei", "bans", "negated") in want

def check(fmt, got):
    assert sorted(got) == sorted(want), (fmt, sorted(set(got) ^ set(want)))
    for key, g in got.items():
        w = want[key]
        for a in ("count", "weight", "first_date", "last_date", "evidence"):
            assert g[a] == w[a], (fmt, key, a, g[a], w[a])

# XML formats carry the sentences one per line: compare their lines.
def lines(sentences):
    return sorted("\n".join(sentences).split("\n")) if sentences else []

def edge(d, name_of, u, v, evidence):
    key = (name_of(u), name_of(v), d["relation"], d["polarity"])
    if isinstance(evidence, str):
        evidence = [evidence] if evidence else []
        want[key]["evidence"] = lines(want[key]["evidence"]) if key in want else None
        evidence = lines(evidence)
    return key, {"count": int(d["count"]), "weight": float(d["weight"]),
                 "first_date": d.get("first_date") or "", "last_date": d.get("last_date") or "",
                 "evidence": sorted(evidence)}

def collect(fmt, items):
    got = {}
    for key, val in items:
        assert key not in got, (fmt, "two edges for", key)
        got[key] = val
    check(fmt, got)

# GraphML through NetworkX: a multigraph with label on nodes and edges.
g = nx.read_graphml("g.graphml")
assert g.is_multigraph() and g.is_directed()
for n, d in g.nodes(data=True):
    assert d["label"] == d["name"]
for u, v, d in g.edges(data=True):
    assert d["label"] == d["relation"]
collect("graphml/networkx", (edge(d, lambda n: g.nodes[n]["name"], u, v, d.get("evidence", ""))
                             for u, v, d in g.edges(data=True)))

# GraphML through igraph (it leaves out empty strings).
h = ig.Graph.Read_GraphML("g.graphml")
collect("graphml/igraph", (edge(e.attributes(), lambda i: h.vs[i]["name"], e.source, e.target,
                                e["evidence"] or "") for e in h.es))

# GEXF 1.2draft through NetworkX: dates also as the edge's start and end.
x = nx.read_gexf("g.gexf")
assert x.is_multigraph()
items = []
for u, v, d in x.edges(data=True):
    assert d["label"] == d["relation"]
    assert d.get("start", "") == d["first_date"] and d.get("end", "") == d["last_date"], d
    items.append(edge(d, lambda n: x.nodes[n]["label"], u, v, d["evidence"]))
collect("gexf/networkx", items)

# JSON node-link through NetworkX and igraph: evidence is a list.
for k in want:
    want[k]["evidence"] = json_want[k]
data = json.load(open("g.json"))
j = nx.node_link_graph(data)
assert j.is_multigraph()
collect("json/networkx", (edge(d, lambda n: n, u, v, d["evidence"]) for u, v, d in j.edges(data=True)))
k = ig.Graph.DictList(data["nodes"], data["links"], directed=True, vertex_name_attr="id",
                      edge_foreign_keys=("source", "target"))
collect("json/igraph", (edge(e.attributes(), lambda i: k.vs[i]["id"], e.source, e.target,
        e["evidence"]) for e in k.es))
print("round trip ok:", len(want), "edges")
EOF

# --- filters mean the same in every graph format --------------------------------
run 0 "$R" --no-lexicon --kb k.db export --format graphml --polarity negated -o neg.graphml
$py -c '
import networkx as nx
g = nx.read_graphml("neg.graphml")
assert [d["polarity"] for _, _, d in g.edges(data=True)] == ["negated"], list(g.edges(data=True))'

# --- query and render say what was negated ----------------------------------------
run 0 "$R" --no-lexicon --kb k.db query Huawei
has out.txt "bans Huawei (by France) [negated]: 1 report"
has out.txt "bans Huawei (by France): 1 report"
run 0 "$R" --no-lexicon --kb k.db render --polarity all -o all.dot
$py - <<'EOF'
import re
dot = open("all.dot").read()
edges = re.findall(r"(n\d+) -> (n\d+)\s*\[([^\]]*)\]", dot)
negated = [a for _, _, a in edges if "1 negated report" in a]
assert len(negated) == 1 and "style=dashed" in negated[0], negated
hedged = [a for _, _, a in edges if "1 hedged report" in a]
assert len(hedged) == 1 and "style=dotted" in hedged[0], hedged
assert "negated (dashed)" in dot and "hedged (dotted)" in dot
EOF
run 0 "$R" --no-lexicon --kb k.db render -o asserted.dot
hasnt asserted.dot "negated report"
hasnt asserted.dot "negated (dashed)"

# --- Neo4j: typed dates, polarity, asserted only unless asked --------------------
run 0 "$R" --no-lexicon --kb k.db export --format neo4j -o neo
has neo/relationships.csv ':START_ID,:END_ID,:TYPE,weight:float,confidence:float,polarity,date:date'
hasnt neo/relationships.csv 'negated'
hasnt neo/relationships.csv 'hedged'
run 0 "$R" --no-lexicon --kb k.db export --format neo4j --polarity all -o neo-all
has neo-all/relationships.csv ',BANS,1,1,negated,2020-07-05,'
# A directory that is not empty is refused unless --force, and left as it was.
mkdir full && echo keep > full/notes.txt
run 1 "$R" --no-lexicon --kb k.db export --format neo4j -o full
has err.txt "full is not empty"
[ ! -e full/nodes.csv ] || fail "wrote into a non-empty directory"
run 0 "$R" --no-lexicon --kb k.db export --format neo4j --force -o full
[ -e full/nodes.csv ] && [ -e full/notes.txt ] || fail "--force export"
# A failed export leaves no directory behind.
run 1 "$R" --no-lexicon --kb nothere.db export --format neo4j -o gone
[ ! -e gone ] || fail "failed export left a directory"
mkdir ro && chmod 555 ro
if [ ! -w ro ]; then
    run 3 "$R" --no-lexicon --kb k.db export --format neo4j -o ro/sub
    [ ! -e ro/sub ] || fail "failed export left ro/sub"
fi
chmod 755 ro
echo ok
