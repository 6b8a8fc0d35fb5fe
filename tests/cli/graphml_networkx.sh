#!/usr/bin/env bash
# NetworkX reads relnet's GraphML export back with the names as written.
# Without NetworkX the test is skipped (exit 77), visibly.
source "$(dirname "$0")/lib/common.sh"
$py -c 'import networkx' 2> /dev/null || { echo "skip: no python3-networkx"; exit 77; }
cd "$T"
printf 'source,target,relation\n"A\\B <x&y>",Klow,accuses\nKlow,"say ""hi""",bans\n' > e.csv
run 0 "$R" --no-lexicon --kb g.db import e.csv
run 0 "$R" --no-lexicon --kb g.db export --format graphml -o g.graphml
$py -c '
import networkx as nx
g = nx.read_graphml("g.graphml")
names = {d.get("name", n) for n, d in g.nodes(data=True)}
assert {"A\\B <x&y>", "Klow", "say \"hi\""} <= names, names
assert g.number_of_edges() == 2, g.number_of_edges()
' || fail "NetworkX does not read the GraphML export back"
echo ok
