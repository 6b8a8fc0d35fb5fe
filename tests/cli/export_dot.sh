#!/usr/bin/env bash
# export_dot.sh - the DOT export carries the graph formats' data on every
# edge (relation, polarity, count, summed_weight, first_date, last_date: one edge
# per source, target, relation and polarity) and each node's full name as
# `entity`, and NetworkX reads it back (through pydot) with the same figures
# as the JSON export. pydot 1.4 keeps DOT's quotes around values and cannot
# read unquoted non-ASCII names, so the names here are ASCII and the quotes
# are taken off. Without NetworkX or pydot the test is skipped (exit 77).
source "$(dirname "$0")/lib/common.sh"
cd "$T"
$py -c 'import networkx, pydot' 2>/dev/null || { echo "SKIP: needs python3-networkx and python3-pydot"; exit 77; }

printf '%s\n' \
 'source,target,relation,polarity,date,weight,evidence' \
 'Ardo,Belt,bans,asserted,2020-08-06,1,Ardo banned Belt.' \
 'Ardo,Belt,bans,asserted,2020-09-18,0.5,Ardo banned Belt again.' \
 'Ardo,Belt,bans,asserted,,1,Ardo banned Belt.' \
 'Ardo,Belt,accuses,asserted,2020-07-01,2.5,Ardo accused Belt.' \
 'Cray,Dunn,bans,negated,2020-07-05,1,Cray will not ban Dunn.' \
 'Cray,Dunn,bans,asserted,2021-01-01,0.125,' \
 'Cray,Dunn,proposes,hedged,,1,Cray may propose Dunn.' \
 '"Eck ""the"" <long> name & co, of the Fenn valley",Gale,signs,asserted,2019-12-31,1,' > e.csv
run 0 "$R" --no-lexicon --kb k.db import e.csv
run 0 "$R" --no-lexicon --kb k.db export --format dot -o g.dot
run 0 "$R" --no-lexicon --kb k.db export --format json -o g.json
dot -Tsvg g.dot -o /dev/null 2>dot.err || fail "Graphviz cannot read the DOT export: $(cat dot.err)"

$py - <<'PY'
import json
import networkx as nx

def unquote(s):
    # pydot keeps the quotes and backslashes of DOT's quoted strings
    if s and len(s) >= 2 and s[0] == s[-1] == '"':
        s = s[1:-1].replace('\\"', '"').replace('\\\\', '\\')
    return s or ""

data = json.load(open("g.json"))
want = {}
for l in data["links"]:
    key = (l["source"], l["target"], l["relation"], l["polarity"])
    want[key] = (l["count"], l["weight"], l["first_date"] or "", l["last_date"] or "")
assert ("Cray", "Dunn", "bans", "negated") in want and len(want) == 6, want

g = nx.nx_pydot.read_dot("g.dot")
assert g.is_multigraph() and g.is_directed()
name = {n: unquote(d.get("entity")) for n, d in g.nodes(data=True) if d.get("entity")}
got = {}
for u, v, d in g.edges(data=True):
    key = (name[u], name[v], unquote(d["relation"]), unquote(d["polarity"]))
    assert key not in got, ("two edges for", key)
    assert "weight" not in d, d  # Graphviz's layout attribute stays the drawing's
    got[key] = (int(unquote(d["count"])), float(unquote(d["summed_weight"])),
                unquote(d.get("first_date")), unquote(d.get("last_date")))
assert got == want, (sorted(got.items()), sorted(want.items()))
print("dot read back:", len(got), "edges")
PY
# the drawing's own files carry the same data
run 0 "$R" --no-lexicon --kb k.db render --polarity all -o drawn.dot
has drawn.dot 'polarity=negated'
has drawn.dot 'first_date="2020-08-06"'
echo ok
