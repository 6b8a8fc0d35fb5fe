#!/usr/bin/env bash
# The default diagrams of `relnet build` read well: on the shipped sample
# data (articles and edge lists), on the articles alone (and on
# ../shared/corpus/dev when it exists) every picture is at
# most 3:1 (PNG pixels, SVG points), and the default selections leave no
# entity without an arrow to another drawn one (checked in their DOT); the
# timeline's axis labels do not overlap; build's stderr says what each
# diagram drew with the counts of its caption.
source "$(dirname "$0")/lib/common.sh"
SRC=${RELNET_SOURCE_DIR:?}

# check_dir DIR: sizes of every picture, and the default drawings as DOT.
check_dir() {
    local d=$1
    for f in graph.svg graph.png accuses.svg accuses-by-affiliation.svg timeline.svg; do
        [ -s "$d/$f" ] || fail "$d/$f not written"
    done
    $py - "$d" <<'X' || fail "a picture in $d is a strip"
import re, struct, sys, os
d = sys.argv[1]
def ratio(w, h):
    return max(w, h) / min(w, h)
with open(os.path.join(d, "graph.png"), "rb") as f:
    head = f.read(24)
w, h = struct.unpack(">II", head[16:24])
assert ratio(w, h) <= 3, ("graph.png", w, h)
for name in ["graph.svg", "accuses.svg", "accuses-by-affiliation.svg", "timeline.svg"]:
    text = open(os.path.join(d, name), encoding="utf-8").read()
    m = re.search(r'<svg[^>]*\swidth="([\d.]+)(?:pt|px)?"\s+height="([\d.]+)(?:pt|px)?"', text)
    assert m, name
    w, h = float(m.group(1)), float(m.group(2))
    assert ratio(w, h) <= 3, (name, w, h)
X
    no_overlap "$d/timeline.svg"
    local kb=$d/relnet.db
    "$R" --quiet render --kb "$kb" -T dot -o "$T/graph.dot"
    "$R" --quiet render --kb "$kb" --relation accuses -T dot -o "$T/accuses.dot"
    "$R" --quiet render --kb "$kb" --relation accuses --by affiliation -T dot -o "$T/aff.dot"
    for g in "$T/graph.dot" "$T/accuses.dot" "$T/aff.dot"; do
        $py - "$g" <<'X' || fail "an entity without an arrow in $g ($d)"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
nodes = set(re.findall(r'^\s*(n\d+)\s*\[', text, re.M))
linked = set()
for a, b in re.findall(r'^\s*(n\d+)\s*->\s*(n\d+)', text, re.M):
    if a != b:
        linked.update((a, b))
assert nodes, "no nodes"
assert nodes <= linked, sorted(nodes - linked)
X
    done
}

# no_overlap SVG: the timeline's axis labels (font-size 11) do not overlap.
no_overlap() {
    $py - "$1" <<'X' || fail "timeline labels overlap in $1"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
labels = [(float(x), s) for x, s in re.findall(r'<text x="([\d.]+)" y="\d+" font-size="11">([^<]*)</text>', text)]
assert labels, "no axis labels"
for (x1, a), (x2, b) in zip(labels, labels[1:]):
    assert x2 - x1 >= 7 * len(a), (a, x1, b, x2)
X
}

# A first month just before a January: its year label is left out rather
# than printed over the next one.
printf 'source,relation,target,date\nA,bans,B,2015-12-05\nA,bans,C,2016-03-01\nB,accuses,A,2019-06-01\n' > "$T/dated.csv"
run 0 "$R" render --timeline "$T/dated.csv" -o "$T/timeline.svg"
no_overlap "$T/timeline.svg"
has "$T/timeline.svg" '>2016</text>'

cd "$SRC"
run 0 "$R" build -o "$T/sample"
cp "$T/err.txt" "$T/build-err.txt"
check_dir "$T/sample"
has "$T/sample/graph.svg" "each linked to another drawn"
# What build says it drew is what each caption says.
for f in graph.svg accuses.svg accuses-by-affiliation.svg; do
    $py - "$T/build-err.txt" "$T/sample/$f" <<'X' || fail "build's stderr and the caption of $f disagree"
import re, sys, html
said = re.search(re.escape(sys.argv[2]) + r": (\d+) of (\d+) entities, (\d+) arrows", open(sys.argv[1]).read())
assert said, "build did not say what it drew in " + sys.argv[2]
caption = html.unescape(open(sys.argv[2], encoding="utf-8").read())
m = re.search(r">(\d+) of (\d+) entities[^<]*?, (\d+) arrows? drawn<", caption)
assert m, "no caption"
assert said.groups() == m.groups(), (said.groups(), m.groups())
X
done
# The sample articles without the sample edge lists (the README's pictures).
run 0 "$R" build data/articles -o "$T/articles"
check_dir "$T/articles"

dev="$SRC/../shared/corpus/dev"
[ -d "$dev" ] || dev=/work/shared/corpus/dev
if [ -d "$dev" ]; then
    run 0 "$R" build "$dev" -o "$T/dev"
    check_dir "$T/dev"
else
    echo "skipped: no development corpus at ../shared/corpus/dev"
fi
