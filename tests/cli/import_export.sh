#!/usr/bin/env bash
# relnet import and export: CSV dialects, every bad-row kind with its line,
# lenient vs strict, idempotent re-import, alias merging, the export ->
# import round trip, every export format's syntax, and an import killed
# with SIGKILL.
source "$(dirname "$0")/lib/common.sh"
cd "$T"

# Reports in a KB: the sum of the count column of its CSV export.
reports() {
    "$R" --no-lexicon --kb "$1" export --format csv | /usr/bin/env python3 -c '
import csv, sys
print(sum(int(r["count"]) for r in csv.DictReader(sys.stdin)))'
}

# --- dialects ---------------------------------------------------------------
printf '\xef\xbb\xbfsource,target,relation\r\nChina,Five Eyes,accuses\r\n' > bom_crlf.csv
printf 'Subject;Object;Predicate;Weight\nIndia;TikTok;bans;1,5\n' > semicolon.csv
printf 'from\tto\ttype\nUnited Kingdom\tHuawei\tbans\n' > tabs.tsv
printf 'src|dst|label\nAustralia|ZTE|bans\n' > pipes.csv
printf 'source,target,relation,evidence\n"Smith, John","Acme ""Best"" Co",accuses,"line one\nline two"\n' > quoted.csv
printf 'Alpha,Beta\nGamma,Delta\n' > noheader.csv
run 0 "$R" --no-lexicon --kb d.db import bom_crlf.csv semicolon.csv tabs.tsv pipes.csv quoted.csv
has err.txt "semicolon.csv: 1 rows read, 1 records imported, 0 skipped"
run 0 "$R" --no-lexicon --kb d.db import --no-header --relation co-occurs noheader.csv
run 0 "$R" --no-lexicon --kb d.db export --format csv
has out.txt 'China,unknown,,Five Eyes,unknown,,accuses,1,1,asserted'
has out.txt 'India,unknown,,TikTok,unknown,,bans,1.5,1,asserted'     # a decimal comma with ';'
hasnt out.txt $'\xef\xbb\xbf'
has out.txt 'United Kingdom,unknown,,Huawei,unknown,,bans'
has out.txt 'Australia,unknown,,ZTE,unknown,,bans'
has out.txt '"Smith, John",unknown,,"Acme ""Best"" Co",unknown,,accuses'
has out.txt 'Alpha,unknown,,Beta,unknown,,co-occurs'
python3 - <<'EOF'
import csv
rows = list(csv.DictReader(open("out.txt", newline="")))
ev = [r["evidence"] for r in rows if r["source"] == "Smith, John"]
assert ev == ["line one\nline two"], ev
EOF
# --- bad rows: each kind with its exact line --------------------------------
cat > bad.csv <<'EOF'
source,target,relation,weight,date
China,Five Eyes,accuses,1,2020-10-13
China,Five Eyes,accuses
,TikTok,bans,1,2020-06-29
India,,bans,1,2020-06-29
India,TikTok,bans,heavy,2020-06-29
India,TikTok,bans,1,June 29
"India,TikTok,bans,1,2020-06-29
India,Shein,bans,1,2020-06-29
EOF
printf 'Trump,WeChat,bans,1,2020-08-06\nMod\xe9,TikTok,bans,1,2020-06-29\n' >> bad.csv
printf 'China,"Five"x,accuses,1,2020-10-13\n' >> bad.csv
run 1 "$R" --no-lexicon --kb b.db import bad.csv
has err.txt "bad.csv: 11 rows read, 3 records imported, 8 skipped"
has err.txt "bad.csv:3: expected 5 fields, got 3"
has err.txt "bad.csv:4: empty source"
has err.txt "bad.csv:5: empty target"
has err.txt "bad.csv:6: weight 'heavy' is not a number >= 0"
has err.txt "bad.csv:7: date 'June 29' is not a date (expected YYYY-MM-DD, DD.MM.YYYY, 3 March 2020 or --date-format)"
has err.txt "bad.csv:8: unterminated quoted field"
has err.txt "bad.csv:11:4: invalid UTF-8 (byte 0xE9)"
has err.txt "bad.csv:12:13: text after a closing quote"
has err.txt "skipped, wrong number of fields: 1"
[ "$(reports b.db)" = 3 ] || fail "lenient import kept $(reports b.db) reports, wanted 3"

# --- strict: the first bad row aborts and the KB is unchanged -----------------
run 0 "$R" --no-lexicon --kb s.db import bom_crlf.csv
before=$("$R" --no-lexicon --kb s.db export --format csv | md5sum)
run 1 "$R" --no-lexicon --kb s.db import --strict bad.csv
has err.txt "bad.csv:3: expected 5 fields, got 3"
has err.txt "nothing imported from bad.csv"
after=$("$R" --no-lexicon --kb s.db export --format csv | md5sum)
[ "$before" = "$after" ] || fail "strict import changed the knowledge base"

# --- idempotent re-import -------------------------------------------------------
run 0 "$R" --no-lexicon --kb s.db import semicolon.csv
run 0 "$R" --no-lexicon --kb s.db import semicolon.csv
has err.txt "semicolon.csv: already present (import semicolon.csv), nothing added"
cat semicolon.csv | run 0 "$R" --no-lexicon --kb s.db import -
has err.txt "already present"
[ "$(reports s.db)" = 2 ] || fail "re-import added reports"

# --- the actor lexicon resolves names on import (unless --no-lexicon) -----------
printf 'source,target,relation\nUSA,China,accuses\nWashington,Huawei,bans\nBeijing,U.S.,accuses\n' > lex.csv
run 0 "$R" --kb l.db import lex.csv
run 0 "$R" --kb l.db export --format nodes
has out.txt "United States,country,,2,1"
has out.txt "China,country,,1,1"
has out.txt "Huawei,company,,0,1"
hasnt out.txt "Washington"

# --- aliases merge entities, past relations included ---------------------------
printf 'source,target,relation\nUSA,China,accuses\nU.S.,Huawei,bans\nUnited States,Clean Network,proposes\n' > us.csv
run 0 "$R" --no-lexicon --kb a.db import us.csv
printf 'alias,canonical,type\nUSA,United States,country\nU.S.,United States,country\n' > aliases.csv
run 0 "$R" --no-lexicon --kb a.db import --aliases aliases.csv
has err.txt "aliases.csv: 2 aliases read, 2 applied, 0 skipped"
run 0 "$R" --no-lexicon --kb a.db export --format nodes
has out.txt "United States,country,,3,0"
hasnt out.txt "USA"
printf 'source,target,relation\nu.s.a.,Russia,accuses\n' > more.csv
run 0 "$R" --no-lexicon --kb a.db import more.csv
run 0 "$R" --no-lexicon --kb a.db export --format nodes
has out.txt "United States,country,,4,0"

# --- export -> import -> export round trip --------------------------------------
cat > full.csv <<'EOF'
source,source_type,source_affiliation,target,target_type,target_affiliation,relation,weight,polarity,confidence,date,article,evidence
Zhao Lijian,person,China,Five Eyes,group,,accuses,1,asserted,0.9,2020-10-13,https://example.test/a,"Zhao said the ""Five Eyes"" were hypocrites, again"
Zhao Lijian,person,China,Five Eyes,group,,accuses,1,asserted,0.9,2020-10-13,https://example.test/a,"Zhao said the ""Five Eyes"" were hypocrites, again"
United States,country,,TikTok,company,,bans,2.5,hedged,0.7,2020-08-06,,
China,country,,Signal,company,,bans,1,negated,0.8,,,"Signal is not blocked"
A\B <x&y>,unknown,,"new
line",unknown,,depends,0.125,asserted,1,,,
EOF
run 0 "$R" --no-lexicon --kb r1.db import full.csv
"$R" --no-lexicon --kb r1.db export --format csv -o first.csv
run 0 "$R" --no-lexicon --kb r2.db import first.csv
"$R" --no-lexicon --kb r2.db export --format csv -o second.csv
cmp first.csv second.csv || { diff first.csv second.csv >&2; fail "round trip changed the export"; }
has first.csv ',2,asserted'          # the duplicate report kept as count 2
has first.csv 'hedged'
has first.csv 'negated'

# --- every format is well-formed --------------------------------------------------
run 0 "$R" --no-lexicon --kb r1.db export --format json -o g.json
python3 -c '
import json; d = json.load(open("g.json"))
assert d["directed"] is True
names = {n["id"] for n in d["nodes"]}
assert "A\\B <x&y>" in names and "new\nline" in names, names
assert all(l["source"] in names and l["target"] in names for l in d["links"])
'
run 0 "$R" --no-lexicon --kb r1.db export --format gexf -o g.gexf
python3 -c '
import xml.etree.ElementTree as ET
root = ET.parse("g.gexf").getroot()
labels = {n.get("label") for n in root.iter("{http://www.gexf.net/1.2draft}node")}
assert "A\\B <x&y>" in labels, labels
'
run 0 "$R" --no-lexicon --kb r1.db export --format graphml -o g.graphml
python3 -c '
import xml.etree.ElementTree as ET
root = ET.parse("g.graphml").getroot()
text = ET.tostring(root, encoding="unicode")
assert "A\\B &lt;x&amp;y&gt;" in text, text[:2000]
'
# (NetworkX reads it back in tests/cli/graphml_networkx.sh)
run 0 "$R" --no-lexicon --kb r1.db export --format dot -o g.dot
has g.dot 'digraph'
if command -v dot >/dev/null; then dot -Tsvg g.dot > /dev/null || fail "dot cannot read the DOT export"; fi
run 0 "$R" --no-lexicon --kb r1.db export --format neo4j -o neo
has neo/nodes.csv 'entityId:ID,name,type,affiliation,:LABEL'
has neo/nodes.csv ',Entity;Person'
has neo/relationships.csv ':START_ID,:END_ID,:TYPE,weight:float'
has neo/relationships.csv ',ACCUSES,'
[ -x neo/import.sh ] || fail "neo4j import.sh not executable"
# Filters: one relation, asserted only.
run 0 "$R" --no-lexicon --kb r1.db export --format csv --relation bans --polarity asserted
[ "$(wc -l < out.txt)" = 1 ] || fail "filter kept rows: $(cat out.txt)"

# --- usage errors ---------------------------------------------------------------
run 2 "$R" --no-lexicon --kb r1.db export --format xml
has err.txt "unknown format 'xml'"
run 2 "$R" --no-lexicon --kb r1.db export
run 2 "$R" import --bogus x.csv
has err.txt "unknown option '--bogus'"
run 1 "$R" --no-lexicon --kb nothere.db export --format csv
has err.txt "no knowledge base at nothere.db"
run 1 "$R" --no-lexicon --kb r1.db import does-not-exist.csv
has err.txt "cannot open does-not-exist.csv"
# A failed export leaves no partial file.
run 3 "$R" --no-lexicon --kb r1.db export --format csv -o /nonexistent-dir/x.csv
[ ! -e /nonexistent-dir/x.csv ] || fail "partial file"

# --- an import killed with SIGKILL leaves the KB as before ------------------------
run 0 "$R" --no-lexicon --kb k.db import bom_crlf.csv
python3 - <<'EOF'
with open("big.csv", "w") as f:
    f.write("source,target,relation,weight\n")
    for i in range(600000):
        f.write(f"Actor {i % 5000},Actor {(i * 7) % 5003},accuses,{i % 10}\n")
EOF
"$R" --no-lexicon --kb k.db import --quiet big.csv &
pid=$!
# Kill it once it has read a third of the file (rchar counts the bytes its
# read calls returned), so the kill lands mid-import on any machine.
size=$(stat -c %s big.csv)
while :; do
    got=$(awk '/^rchar/ {print $2}' "/proc/$pid/io" 2>/dev/null) || fail "the import ended before it could be killed"
    [ -n "$got" ] || fail "the import ended before it could be killed"
    [ "$got" -lt $((size / 3)) ] || break
    sleep 0.01
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
run 0 "$R" --no-lexicon --kb k.db export --format csv
[ "$(reports k.db)" = 1 ] || fail "killed import left $(reports k.db) reports, wanted 1"
python3 -c '
import sqlite3; c = sqlite3.connect("k.db")
assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
assert c.execute("select count(*) from imports").fetchone()[0] == 1
assert c.execute("pragma foreign_key_check").fetchall() == []
'
# ... and the same file imports completely afterwards.
run 0 "$R" --no-lexicon --kb k.db import --quiet big.csv
[ "$(reports k.db)" = 600001 ] || fail "re-run after kill: $(reports k.db) reports"
echo "ok"
