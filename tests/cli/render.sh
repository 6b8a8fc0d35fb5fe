#!/usr/bin/env bash
# render.sh - relnet render end to end, from CSV files and from a knowledge
# base: SVG that parses (xmllint) with every kept entity's label as typed
# (tests/data/render/events.csv has names with quotes, backslashes, markup,
# '&', an entity-looking '&amp;' and a newline), the legend, tooltips and
# links; DOT on stdout that Graphviz re-reads; PNG and PDF magic bytes;
# --top, --ego, --relation; engine choice and limits; usage errors; and
# failures that leave no file (or the old file) behind.
export LC_ALL=C # sort like Python: by code point

source "$(dirname "$0")/lib/common.sh"
data=${RELNET_TEST_DATA:?set RELNET_TEST_DATA}/render
events=$data/events.csv

# labels FILE: the drawn entities' labels (nodes titled n0, n1, ...), one a
# line, lines of a wrapped label joined by a space, sorted.
labels() {
    $py - "$1" <<'X'
import sys, xml.etree.ElementTree as ET
S = "{http://www.w3.org/2000/svg}"
out = []
for g in ET.parse(sys.argv[1]).getroot().iter(S + "g"):
    title = g.find(S + "title")
    if g.get("class") == "node" and title is not None and title.text[0] == "n" and title.text[1:].isdigit():
        out.append(" ".join(t.text or "" for t in g.iter(S + "text")))
print("\n".join(sorted(out)))
X
}

# --- 1. default output: graph.svg in the current directory ------------------
mkdir "$T/work"
(cd "$T/work" && "$R" render "$events" 2>"$T/err") || fail "default render: $(cat "$T/err")"
svg=$T/work/graph.svg
[[ -s $svg ]] || fail "graph.svg not written"
grep -q '^graph.svg: 15 of 15 entities, 14 arrows, layout dot' "$T/err" || fail "summary: $(cat "$T/err")"
well_formed "$svg"
labels "$svg" >"$T/labels"
sort "$data/expected_labels.txt" | diff - "$T/labels" || fail "labels differ from expected_labels.txt"
# No markup from names, no javascript: anywhere, the http links kept (with
# '&' escaped for XML), the legend and the caption present.
! grep -q '<script' "$svg" || fail "a name became markup"
! grep -qi 'javascript' "$svg" || fail "javascript: emitted"
grep -q 'xlink:href="https://news.example.org/story-1?lang=en&amp;page=2"' "$svg" || fail "link missing"
$py - "$svg" <<'X' || fail "legend, caption or tooltips"
import sys, xml.etree.ElementTree as ET
S, X = "{http://www.w3.org/2000/svg}", "{http://www.w3.org/1999/xlink}"
root = ET.parse(sys.argv[1]).getroot()
texts = [t.text for t in root.iter(S + "text")]
assert "Legend" in texts, texts
for entry in ["country (box)", "organization (hexagon)", "company (parallelogram)",
              "person (ellipse)", "group (octagon)", "document (note)", "unknown (box)",
              "\u2501\u2501\u25b6 accuses", "\u2501\u2501\u25b6 bans", "\u2501\u2501\u25b6 proposes",
              "\u2501\u2501\u25b6 signs"]:
    assert entry in texts, entry
assert "15 of 15 entities, 14 arrows drawn" in texts, texts[:5]
assert "Asserted reports only: negated and hedged ones are left out (--polarity all draws them dashed and dotted)." in texts
assert any(t and t.startswith("Box: an entity") and "size by PageRank" in t for t in texts), texts
assert any(t and t.startswith("Arrow:") and "width and number: how many reports" in t for t in texts), texts
tips = [a.get(X + "title") for a in root.iter(S + "a") if a.get(X + "title")]
want = ("China accuses Five Eyes: 2 reports\n"
        "\u201cChina said the alliance was \"ganging up\" on its firms.\u201d "
        "(Alliance under fire, https://news.example.org/story-1?lang=en&page=2)\n"
        "\u201cThe foreign ministry repeated the charge three days later.\u201d "
        "(Charge repeated, https://news.example.org/story-2)\n"
        "dates: 2021-03-01 to 2021-03-04")
assert want in tips, [t for t in tips if t.startswith("China accuses Five")]
# the ban's article is a javascript: URL: no link, and not shown
ban = [t for t in tips if t.startswith("China bans Five Eyes")][0]
assert ban.endswith("(Envoys barred, link not shown)\ndate: 2021-03-09"), ban
X

# Same input, same bytes.
"$R" --quiet render "$events" -o "$T/again.svg"
cmp -s "$svg" "$T/again.svg" || fail "output differs between runs"

# --- 2. DOT on stdout, re-read by Graphviz; PNG and PDF ----------------------
"$R" --quiet render "$events" -T dot -o - >"$T/g.dot"
head -1 "$T/g.dot" | grep -q '^digraph relnet {' || fail "stdout DOT: $(head -2 "$T/g.dot")"
"$R" --quiet render "$events" --engine none -o "$T/plain.gv"
! grep -q 'pos=' "$T/plain.gv" || fail "--engine none wrote positions"
if command -v dot >/dev/null; then
    for f in "$T/g.dot" "$T/plain.gv"; do
        dot -Tsvg "$f" -o "$T/redrawn.svg" 2>"$T/dot.err" || fail "dot rejects $f: $(cat "$T/dot.err")"
        labels "$T/redrawn.svg" | diff "$T/labels" - || fail "labels changed through $f"
    done
fi
"$R" --quiet render "$events" -o "$T/g.png"
"$R" --quiet render "$events" -o "$T/g.pdf"
[[ $(head -c 8 "$T/g.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "PNG magic"
[[ $(head -c 5 "$T/g.pdf") == %PDF- ]] || fail "PDF magic"

# --- 3. the knowledge base gives the same drawing ----------------------------
"$R" --quiet import --kb "$T/kb.db" "$events"
"$R" --quiet render --kb "$T/kb.db" -o "$T/kb.svg"
labels "$T/kb.svg" | diff "$T/labels" - || fail "labels from the knowledge base differ"

# --- 4. selection: --top, --ego, --relation ----------------------------------
"$R" render "$events" --top 3 -o "$T/top.svg" 2>"$T/err"
[[ $(labels "$T/top.svg" | wc -l) -eq 3 ]] || fail "--top 3: $(labels "$T/top.svg")"
grep -q '3 of 15 entities (top by PageRank, each linked to another drawn), 3 arrows drawn' "$T/top.svg" ||
    fail "--top caption"
grep -q '3 of 15 entities, 3 arrows' "$T/err" || fail "stderr disagrees with the caption: $(cat "$T/err")"

"$R" --quiet render "$events" --ego 'five eyes' -o "$T/ego.svg"
printf '%s\n' China 'Five Eyes' | diff - <(labels "$T/ego.svg") || fail "--ego five eyes"
"$R" --quiet render "$events" --ego 'Five Eyes' --depth 2 -o "$T/ego2.svg"
printf '%s\n' China 'Five Eyes' 'Quote "Q" Corp' 'United States' | diff - <(labels "$T/ego2.svg") ||
    fail "--ego --depth 2"

"$R" --quiet render "$events" --relation bans -o "$T/bans.svg"
printf '%s\n' '<script>alert(1)</script>' AT\&T China 'Five Eyes' India TikTok |
    diff - <(labels "$T/bans.svg") || fail "--relation bans"
grep -q 'all relations' "$T/bans.svg" && fail "--relation caption"
grep -q 'relation bans' "$T/bans.svg" || fail "--relation caption"

# --- 5. failures: exit code, message, and no file (or the old one) ----------
expect() { # expect CODE PATTERN CMD...: exit code and stderr message
    local code=$1 pattern=$2 rc=0
    shift 2
    "$@" >"$T/out" 2>"$T/err" || rc=$?
    [[ $rc -eq $code ]] || fail "exit $rc, not $code: $* ($(cat "$T/err"))"
    grep -q -- "$pattern" "$T/err" || fail "message for $*: $(cat "$T/err")"
}
echo old >"$T/keep.svg"
expect 1 "no entity named 'Chna'; did you mean 'China'?" "$R" render "$events" --ego Chna -o "$T/keep.svg"
expect 2 "unknown engine 'warp'" "$R" render "$events" --engine warp -o "$T/keep.svg"
expect 2 "unknown format 'gif'" "$R" render "$events" -T gif -o "$T/keep.svg"
expect 2 "cannot tell the format of" "$R" render "$events" -o "$T/graph.txt"
expect 2 "does not match" "$R" render "$events" -T png -o "$T/keep.svg"
expect 2 "only writes dot" "$R" render "$events" --engine none -o "$T/keep.svg"
expect 2 "needs a whole number" "$R" render "$events" --top many -o "$T/keep.svg"
expect 3 "cannot write $T/no/such/dir/g.svg" "$R" render "$events" -o "$T/no/such/dir/g.svg"
[[ $(cat "$T/keep.svg") == old ]] || fail "a failed render changed the existing file"
[[ ! -e $T/graph.txt && ! -e $T/no ]] || fail "a failed render left a file"

# Engine limits: 120 entities is beyond circo's limit (refused before any
# layout) and beyond auto's dot share (drawn with sfdp, and said so).
awk 'BEGIN { srand(5); print "source,relation,target"
             for (i = 0; i < 360; i++) { a = i < 119 ? i : int(rand() * 120); b = i < 119 ? i + 1 : int(rand() * 120)
                                         if (a == b) b = (b + 1) % 120; printf "E%d,accuses,E%d\n", a, b } }' >"$T/big.csv"
expect 2 "circo cannot lay out 120 entities" "$R" render "$T/big.csv" --top 0 --engine circo -o "$T/big.svg"
[[ ! -e $T/big.svg ]] || fail "refused layout left a file"
"$R" render "$T/big.csv" --top 0 -o "$T/big.svg" 2>"$T/err"
grep -q 'drawn with sfdp' "$T/err" || fail "auto fallback not said: $(cat "$T/err")"
grep -q 'layout sfdp' "$T/err" || fail "auto did not use sfdp"
well_formed "$T/big.svg"
[[ $(labels "$T/big.svg" | wc -l) -eq 120 ]] || fail "--top 0 did not keep every entity"

# Several -o: one layout, each file as a render of its own writes it (dot
# and sfdp drawings), a summary line each; a mismatched -T or a timeline in
# two files is a usage error that writes nothing.
for input in "$events" "$T/big.csv"; do
    "$R" --quiet render "$input" --top 0 -o "$T/one.svg"
    "$R" --quiet render "$input" --top 0 -o "$T/one.png"
    "$R" render "$input" --top 0 -o "$T/both.svg" -o "$T/both.png" 2>"$T/err"
    cmp -s "$T/one.svg" "$T/both.svg" || fail "-o a.svg -o a.png: the svg differs ($input)"
    cmp -s "$T/one.png" "$T/both.png" || fail "-o a.svg -o a.png: the png differs ($input)"
    grep -q "both.svg: .* arrows, layout" "$T/err" && grep -q "both.png: .* arrows, layout" "$T/err" ||
        fail "a summary line per file: $(cat "$T/err")"
done
expect 2 "does not match" "$R" render "$events" -T svg -o "$T/no.svg" -o "$T/no.png"
expect 2 "draws one file" "$R" render "$events" --timeline -o "$T/no.svg" -o "$T/no2.svg"
[[ ! -e $T/no.svg && ! -e $T/no.png ]] || fail "a refused render left a file"
ls "$T" | grep -q 'tmp-' && fail "temporary file left behind: $(ls "$T")"

# help
"$R" render --help >"$T/help.txt"
grep -q '^usage: relnet render' "$T/help.txt" || fail "--help"
echo "render.sh: ok"
