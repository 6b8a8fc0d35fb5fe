#!/usr/bin/env bash
# render.sh - relnet render end to end, from CSV files and from a knowledge
# base: SVG that parses (xmllint) with every kept entity's label as typed
# (tests/data/render/events.csv has names with quotes, backslashes, markup,
# '&', an entity-looking '&amp;' and a newline), the legend, tooltips and
# links; DOT on stdout that Graphviz re-reads; PNG and PDF magic bytes;
# --top, --ego, --relation; engine choice and limits; usage errors; and
# failures that leave no file (or the old file) behind.
set -euo pipefail
export LC_ALL=C # sort like Python: by code point

relnet=${RELNET_BIN:?set RELNET_BIN to the relnet binary}
data=${RELNET_TEST_DATA:?set RELNET_TEST_DATA}/render
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3
[[ -x $py ]] || py=python3
events=$data/events.csv

# well_formed FILE: the SVG is XML (xmllint when installed, else Python's parser).
well_formed() {
    if command -v xmllint >/dev/null; then
        xmllint --noout --nonet "$1" || fail "$1 is not well-formed XML"
    else
        $py -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$1" ||
            fail "$1 is not well-formed XML"
    fi
}

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
mkdir "$tmp/work"
(cd "$tmp/work" && "$relnet" render "$events" 2>"$tmp/err") || fail "default render: $(cat "$tmp/err")"
svg=$tmp/work/graph.svg
[[ -s $svg ]] || fail "graph.svg not written"
grep -q '^graph.svg: 15 of 15 entities, 14 arrows, layout dot' "$tmp/err" || fail "summary: $(cat "$tmp/err")"
well_formed "$svg"
labels "$svg" >"$tmp/labels"
sort "$data/expected_labels.txt" | diff - "$tmp/labels" || fail "labels differ from expected_labels.txt"
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
for entry in ["country", "organization", "company", "person", "group", "document", "unknown",
              "\u2501\u2501\u25b6 accuses", "\u2501\u2501\u25b6 bans", "\u2501\u2501\u25b6 proposes",
              "\u2501\u2501\u25b6 signs"]:
    assert entry in texts, entry
assert "15 of 15 entities, 14 relations drawn" in texts, texts[:5]
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
"$relnet" --quiet render "$events" -o "$tmp/again.svg"
cmp -s "$svg" "$tmp/again.svg" || fail "output differs between runs"

# --- 2. DOT on stdout, re-read by Graphviz; PNG and PDF ----------------------
"$relnet" --quiet render "$events" -T dot -o - >"$tmp/g.dot"
head -1 "$tmp/g.dot" | grep -q '^digraph relnet {' || fail "stdout DOT: $(head -2 "$tmp/g.dot")"
"$relnet" --quiet render "$events" --engine none -o "$tmp/plain.gv"
! grep -q 'pos=' "$tmp/plain.gv" || fail "--engine none wrote positions"
if command -v dot >/dev/null; then
    for f in "$tmp/g.dot" "$tmp/plain.gv"; do
        dot -Tsvg "$f" -o "$tmp/redrawn.svg" 2>"$tmp/dot.err" || fail "dot rejects $f: $(cat "$tmp/dot.err")"
        labels "$tmp/redrawn.svg" | diff "$tmp/labels" - || fail "labels changed through $f"
    done
fi
"$relnet" --quiet render "$events" -o "$tmp/g.png"
"$relnet" --quiet render "$events" -o "$tmp/g.pdf"
[[ $(head -c 8 "$tmp/g.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "PNG magic"
[[ $(head -c 5 "$tmp/g.pdf") == %PDF- ]] || fail "PDF magic"

# --- 3. the knowledge base gives the same drawing ----------------------------
"$relnet" --quiet import --kb "$tmp/kb.db" "$events"
"$relnet" --quiet render --kb "$tmp/kb.db" -o "$tmp/kb.svg"
labels "$tmp/kb.svg" | diff "$tmp/labels" - || fail "labels from the knowledge base differ"

# --- 4. selection: --top, --ego, --relation ----------------------------------
"$relnet" render "$events" --top 3 -o "$tmp/top.svg" 2>"$tmp/err"
[[ $(labels "$tmp/top.svg" | wc -l) -eq 3 ]] || fail "--top 3: $(labels "$tmp/top.svg")"
grep -q '3 of 15 entities (top by PageRank)' "$tmp/top.svg" || fail "--top caption"

"$relnet" --quiet render "$events" --ego 'five eyes' -o "$tmp/ego.svg"
printf '%s\n' China 'Five Eyes' | diff - <(labels "$tmp/ego.svg") || fail "--ego five eyes"
"$relnet" --quiet render "$events" --ego 'Five Eyes' --depth 2 -o "$tmp/ego2.svg"
printf '%s\n' China 'Five Eyes' 'Quote "Q" Corp' 'United States' | diff - <(labels "$tmp/ego2.svg") ||
    fail "--ego --depth 2"

"$relnet" --quiet render "$events" --relation bans -o "$tmp/bans.svg"
printf '%s\n' '<script>alert(1)</script>' AT\&T China 'Five Eyes' India TikTok |
    diff - <(labels "$tmp/bans.svg") || fail "--relation bans"
grep -q 'all relations' "$tmp/bans.svg" && fail "--relation caption"
grep -q 'relation bans' "$tmp/bans.svg" || fail "--relation caption"

# --- 5. failures: exit code, message, and no file (or the old one) ----------
expect() { # expect CODE PATTERN CMD...: exit code and stderr message
    local code=$1 pattern=$2 rc=0
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
    [[ $rc -eq $code ]] || fail "exit $rc, not $code: $* ($(cat "$tmp/err"))"
    grep -q -- "$pattern" "$tmp/err" || fail "message for $*: $(cat "$tmp/err")"
}
echo old >"$tmp/keep.svg"
expect 1 "no entity named 'Chna'; did you mean 'China'?" "$relnet" render "$events" --ego Chna -o "$tmp/keep.svg"
expect 2 "unknown engine 'warp'" "$relnet" render "$events" --engine warp -o "$tmp/keep.svg"
expect 2 "unknown format 'gif'" "$relnet" render "$events" -T gif -o "$tmp/keep.svg"
expect 2 "cannot tell the format of" "$relnet" render "$events" -o "$tmp/graph.txt"
expect 2 "does not match" "$relnet" render "$events" -T png -o "$tmp/keep.svg"
expect 2 "only writes dot" "$relnet" render "$events" --engine none -o "$tmp/keep.svg"
expect 2 "needs a whole number" "$relnet" render "$events" --top many -o "$tmp/keep.svg"
expect 3 "cannot write $tmp/no/such/dir/g.svg" "$relnet" render "$events" -o "$tmp/no/such/dir/g.svg"
[[ $(cat "$tmp/keep.svg") == old ]] || fail "a failed render changed the existing file"
[[ ! -e $tmp/graph.txt && ! -e $tmp/no ]] || fail "a failed render left a file"

# Engine limits: 120 entities is beyond circo's limit (refused before any
# layout) and beyond auto's dot share (drawn with sfdp, and said so).
awk 'BEGIN { srand(5); print "source,relation,target"
             for (i = 0; i < 360; i++) { a = i < 119 ? i : int(rand() * 120); b = i < 119 ? i + 1 : int(rand() * 120)
                                         if (a == b) b = (b + 1) % 120; printf "E%d,accuses,E%d\n", a, b } }' >"$tmp/big.csv"
expect 2 "circo cannot lay out 120 entities" "$relnet" render "$tmp/big.csv" --top 0 --engine circo -o "$tmp/big.svg"
[[ ! -e $tmp/big.svg ]] || fail "refused layout left a file"
"$relnet" render "$tmp/big.csv" --top 0 -o "$tmp/big.svg" 2>"$tmp/err"
grep -q 'drawn with sfdp' "$tmp/err" || fail "auto fallback not said: $(cat "$tmp/err")"
grep -q 'layout sfdp' "$tmp/err" || fail "auto did not use sfdp"
well_formed "$tmp/big.svg"
[[ $(labels "$tmp/big.svg" | wc -l) -eq 120 ]] || fail "--top 0 did not keep every entity"
ls "$tmp" | grep -q 'tmp-' && fail "temporary file left behind: $(ls "$tmp")"

# help
"$relnet" render --help | grep -q '^usage: relnet render' || fail "--help"
echo "render.sh: ok"
