#!/usr/bin/env bash
# relnet report: one self-contained page (nothing fetched, d3 inlined), with
# hostile names and evidence escaped everywhere; build writes it too. The
# page's behaviour in a browser is tests/browser/report.py.
source "$(dirname "$0")/lib/common.sh"
data=${RELNET_TEST_DATA:?}/report
page=$T/report.html

run 0 "$R" report "$data/edges.csv" -o "$page"
has "$T/err.txt" "report of 7 reports"
has "$page" "<!DOCTYPE html>"
has "$page" "Content-Security-Policy"
for section in summary accuses relations graph time centrality methods; do
    has "$page" "<section id=\"$section\">"
done
$py - "$page" <<'X' || fail "report content"
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
# Offline: no element loads anything from elsewhere.
assert not re.search(r'<(script|img|link|iframe)[^>]*\s(src|href)=', html, re.I), "a fetched resource"
assert "@import" not in html and "url(http" not in html
# Exactly three scripts: the data, d3 (inlined) and the page's own.
scripts = re.findall(r'<script[^>]*>', html)
assert scripts == ['<script type="application/json" id="data">', "<script>", "<script>"], scripts
assert "d3.version" not in html or True
assert re.search(r'd3\s*=\s*\{\s*version', html), "d3 not inlined"
# Hostile text never appears as markup.
for raw in ["<img src=x", "<script>alert(2)", "<b onmouseover", "javascript:alert"]:
    assert raw not in html, raw
# The data parses, and holds the hostile strings as typed.
m = re.search(r'<script type="application/json" id="data">(.*?)</script>', html, re.S)
data = json.loads(m.group(1))
assert "</" not in m.group(1) and "<" not in m.group(1)
names = [e["name"] for e in data["entities"]]
assert "<img src=x onerror=alert(1)>" in names, names
assert any(r[7] == "<script>alert(2)</script> said Freedonia lied." for r in data["reports"])
# Only http(s) article links reach the page.
assert all(a["url"] is None or a["url"].startswith("https://") for a in data["articles"])
assert len(data["reports"]) == 7 and len(data["layout"]) == 6
# The arrows come with Graphviz's routes (one per source, target, relation
# and polarity) and the nodes with its wrapped labels and font sizes.
assert len(data["edges"]) == 7, data["edges"]
assert all(re.fullmatch(r"M[-\d.,]+(C[-\d.,]+ [-\d.,]+ [-\d.,]+)+(L[-\d.,]+)?", e[4]) for e in data["edges"]), data["edges"]
assert sorted(e[3] for e in data["edges"]) == ["asserted"] * 5 + ["hedged", "negated"]
assert all(isinstance(n[5], str) and n[5] and n[6] >= 10 for n in data["layout"]), data["layout"]
# Summary figures.
assert "<b>5</b> articles" not in html  # edge lists have no articles of their own
assert "<b>7</b> reports" in html and "5 asserted, 1 negated, 1 hedged; 7 dated" in html
# Who accuses whom: the mutual pair.
assert "Freedonia \u2192 1, Sylvania \u2192 1" in html or "Sylvania \u2192 1, Freedonia \u2192 1" in html
# Every report is held, counted per arrow and date, and nothing says otherwise.
assert data["embedded"] == {"reports": 7, "of": 7, "per_arrow": 0}, data["embedded"]
assert sum(c[5] for c in data["counts"]) == 7 and len(data["counts"]) == 7, data["counts"]
assert 'id="bounded"' not in html
X

# --max-reports: the sentences of the first reports of each arrow, as many
# per arrow as fit; the counts still cover every report, and the page says
# how many it holds and how to get the rest.
cp "$data/edges.csv" "$T/many.csv"
for i in 0 1 2 3 4 5 6 7 8 9 10 11; do
    echo "Freedonia,country,accuses,Sylvania,country,asserted,2022-01-1$((i % 10)),Claim $i.,https://x.org/r$i,R" >>"$T/many.csv"
done
run 0 "$R" report "$T/many.csv" --max-reports 10 -o "$T/bounded.html"
has "$T/err.txt" "report of 19 reports"
has "$T/err.txt" "the sentences of the first reports of each arrow only (--max-reports)"
has "$T/bounded.html" "holds the sentences of 10 of the 19 reports (the first 4 of each arrow)"
has "$T/bounded.html" "relnet report --max-reports 0"
$py - "$T/bounded.html" <<'X' || fail "bounded report content"
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', html, re.S).group(1))
assert data["embedded"] == {"reports": 10, "of": 19, "per_arrow": 4}, data["embedded"]
assert len(data["reports"]) == 10
assert sum(c[5] for c in data["counts"]) == 19, data["counts"]
# The first four of the busy arrow (file order), one of every other arrow.
busy = [r[7] for r in data["reports"] if r[7].startswith(("Freedonia said", "Claim"))]
assert busy == ["Freedonia said Sylvania had moved troops to the border.", "Claim 0.", "Claim 1.", "Claim 2."], busy
X
run 0 "$R" report "$T/many.csv" --max-reports 0 -o "$T/all.html"
hasnt "$T/all.html" 'id="bounded"'

# Without d3 the page is still written, and says so.
RELNET_D3=/nonexistent run 0 "$R" report "$data/edges.csv" -o "$T/plain.html"
has "$T/err.txt" "install libjs-d3"
has "$T/plain.html" "written without the d3"
# To standard output; a bad option; nothing to report.
run 0 "$R" --quiet report "$data/edges.csv" -o -
has "$T/out.txt" "</html>"
run 2 "$R" report --bogus
run 1 "$R" report "$data/edges.csv" --relation proposes -o "$T/none.html"
[ ! -e "$T/none.html" ] || fail "a report was written with nothing in it"

# relnet build writes it next to the diagrams.
run 0 "$R" build "$data/edges.csv" -o "$T/out"
[ -s "$T/out/report.html" ] || fail "build did not write report.html"
has "$T/err.txt" "wrote $T/out/report.html"
echo "report.sh: ok"
