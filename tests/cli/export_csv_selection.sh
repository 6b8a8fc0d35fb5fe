#!/usr/bin/env bash
# export_csv_selection.sh - export --format csv (and nodes) select like the
# graph formats: --by affiliation names the state or body a person speaks
# for, --min-count drops the (source, target) pairs the graph drops, so the
# CSV's counts add up to the JSON graph's edges; and export -> import ->
# export gives the same bytes, article titles included.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
cat >edges.csv <<'CSV'
source,target,relation,source_affiliation,date,url,title,evidence
Zhao Lijian,Five Eyes,accuses,Klowia,2020-10-13,https://n.example/a,"Zhao, the ""spokesman"", speaks",Zhao accused them.
Klowia,Five Eyes,accuses,,2020-10-14,https://n.example/b,Klowia hits back,Klowia accused them.
Klowia,Five Eyes,accuses,,2020-10-14,https://n.example/b,Klowia hits back,Klowia accused them.
Wang Yi,Szohod,proposes,Klowia,2020-09-08,,,
Szohod,Huawei,bans,,,https://n.example/c,"Two lines,
in one title",Szohod banned it.
Szohod,Huawei,accuses,,,,,
CSV
run 0 "$R" --no-lexicon --kb k.db import edges.csv

# Round trip: the same bytes, titles with commas, quotes and a line break.
run 0 "$R" --no-lexicon --kb k.db export --format csv -o a.csv
has a.csv '"Zhao, the ""spokesman"", speaks"'
has a.csv 'Klowia hits back'
run 0 "$R" --no-lexicon --kb k2.db import a.csv
run 0 "$R" --no-lexicon --kb k2.db export --format csv -o b.csv
cmp a.csv b.csv || fail "export -> import -> export differs: $(diff a.csv b.csv)"

# --by affiliation: people become the state they speak for.
run 0 "$R" --no-lexicon --kb k.db export --format csv --by affiliation -o by.csv
hasnt by.csv "Zhao Lijian"
hasnt by.csv "Wang Yi"
has by.csv "Klowia,unknown,,Szohod,unknown,,proposes,"
# --min-count 2 keeps the (source, target) pairs with two or more reports:
# Klowia -> Five Eyes (one row, count 2; Zhao's own report stays apart
# without roll-up) and Szohod -> Huawei, whose bans and accuses count
# together, as the pair does in the graph formats.
run 0 "$R" --no-lexicon --kb k.db export --format csv --min-count 2 -o min.csv
has min.csv "Klowia,unknown,,Five Eyes,unknown,,accuses,1,2,"
has min.csv "Szohod,unknown,,Huawei,unknown,,bans,"
has min.csv "Szohod,unknown,,Huawei,unknown,,accuses,"
hasnt min.csv "Zhao Lijian"
hasnt min.csv "proposes"
# With roll-up, Zhao's report is Klowia's: a third report on the pair.
run 0 "$R" --no-lexicon --kb k.db export --format csv --min-count 3 --by affiliation -o both.csv
[ "$(grep -c '^Klowia,unknown,,Five Eyes,unknown,,accuses,' both.csv)" = 2 ] || fail "--min-count 3 --by affiliation: $(cat both.csv)"
hasnt both.csv "Szohod"
run 0 "$R" --no-lexicon --kb k.db export --format nodes --min-count 2 -o nodes.csv
has nodes.csv "Klowia,unknown,,2,0"
has nodes.csv "Szohod,unknown,,2,0"
hasnt nodes.csv "Zhao Lijian"
hasnt nodes.csv "Wang Yi"

# The same selections in CSV and in the JSON graph: per (source, target,
# relation, polarity) the CSV's counts add up to the graph edge's count.
for opts in "" "--by affiliation" "--min-count 2" "--min-count 3 --by affiliation" "--min-count 4"; do
    run 0 "$R" --no-lexicon --kb k.db export --format csv $opts -o sel.csv
    run 0 "$R" --no-lexicon --kb k.db export --format json $opts -o sel.json
    $py - sel.csv sel.json "$opts" <<'PY'
import csv, json, sys
from collections import Counter
rows = Counter()
for r in csv.DictReader(open(sys.argv[1], newline="")):
    rows[(r["source"], r["target"], r["relation"], r["polarity"])] += int(r["count"])
g = json.load(open(sys.argv[2]))
links = Counter({(l["source"], l["target"], l["relation"], l["polarity"]): l["count"] for l in g["links"]})
assert rows == links, (sys.argv[3], rows, links)
PY
done
# A selected CSV imports again into the same selection.
run 0 "$R" --no-lexicon --kb k3.db import by.csv
run 0 "$R" --no-lexicon --kb k3.db export --format csv -o by2.csv
cmp by.csv by2.csv || fail "selected export -> import -> export differs"
echo ok
