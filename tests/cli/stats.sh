#!/usr/bin/env bash
# stats.sh - relnet stats on a knowledge base filled by the real `relnet
# import` from tests/data/analysis/disputes.csv (15 records written for
# this test), and straight from the CSV file. Every expected number below is
# counted by hand from that file:
#   accuses: 11 reports, 9 distinct relations, 10 events (China accuses the
#   United States twice on 2020-03-01 and once on 2020-03-05); mutual pairs
#   China<->United States (3 and 1) and Huawei<->United Kingdom (1 and 1);
#   8 distinct relations between two different actors, 4 returned: 0.5.
#   bans adds Huawei<->United States.

source "$(dirname "$0")/lib/common.sh"
data=${RELNET_TEST_DATA:?set RELNET_TEST_DATA}/analysis

kb=$T/kb.db
"$R" --quiet import --kb "$kb" "$data/disputes.csv"

# --- CSV tables from the knowledge base --------------------------------------
"$R" stats --kb "$kb" --format csv --table totals >"$T/totals.csv"
diff -u - "$T/totals.csv" <<'X' || fail "totals"
relation,reports,relations,events,sources,targets
accuses,11,9,10,7,5
X

"$R" stats --kb "$kb" --format csv >"$T/actors.csv"
head -3 "$T/actors.csv" | diff -u - <(cat <<'X'
actor,type,made,received,made_relations,received_relations,targets,sources
China,country,4,3,2,3,2,3
United States,country,2,3,2,1,2,1
X
) || fail "actors"

"$R" stats --kb "$kb" --format csv --count events >"$T/events.csv"
head -2 "$T/events.csv" | diff -u - <(cat <<'X'
actor,type,made,received,made_events,received_events,targets,sources
China,country,4,3,3,3,2,3
X
) || fail "actors with --count events"

"$R" stats --kb "$kb" --format csv --table mutual --relation all >"$T/mutual.csv"
diff -u - "$T/mutual.csv" <<'X' || fail "mutual pairs"
a,relation,b,a_to_b,b_to_a,a_to_b_events,b_to_a_events
China,accuses,United States,3,1,2,1
Huawei,accuses,United Kingdom,1,1,1,1
Huawei,bans,United States,1,1,1,1
X

"$R" stats --kb "$kb" --format csv --table relations --top 1 >"$T/top.csv"
diff -u - "$T/top.csv" <<'X' || fail "top relation"
source,relation,target,reports,events
China,accuses,United States,3,2
X

# By affiliation, the spokesman's accusation of Australia is China's, and
# Australia's accusation of China makes a third mutual pair.
"$R" stats --kb "$kb" --format csv --table mutual --by affiliation >"$T/aff.csv"
grep -qx 'Australia,accuses,China,1,1,1,1' "$T/aff.csv" || fail "by affiliation: $(cat "$T/aff.csv")"

# Matrix: long rows, every cell of the top 3 actors.
"$R" stats --kb "$kb" --format csv --matrix --top 3 >"$T/matrix.csv"
[[ $(wc -l <"$T/matrix.csv") -eq 10 ]] || fail "matrix rows: $(cat "$T/matrix.csv")"
grep -qx 'China,United States,3' "$T/matrix.csv" || fail "matrix cell"

# --- the same numbers straight from the CSV file (no knowledge base) ----------
"$R" stats "$data/disputes.csv" --format csv --table totals | diff -u "$T/totals.csv" - ||
    fail "CSV input differs from the knowledge base"

# --- table output: aligned, hostile name on one line --------------------------
"$R" stats --kb "$kb" --matrix >"$T/table.txt"
grep -q 'mutual pairs (tit-for-tat): 2; reciprocity 0.500' "$T/table.txt" || fail "reciprocity line"
grep -qF 'Say "no", <&> \ back\nslash' "$T/table.txt" || fail "hostile name in table"
# every line of the top sources table has the same width up to its last column
awk '/^top sources/{f=1;next} f&&/^$/{exit} f' "$T/table.txt" >"$T/block.txt"
[[ $(awk '{print index($0, "country") + index($0, "company") + index($0, "group") + index($0, "person")}' \
    "$T/block.txt" | tail -n +3 | sort -u | wc -l) -eq 1 ]] || fail "type column not aligned: $(cat "$T/block.txt")"

# --- hostile names survive CSV and JSON ---------------------------------------
"$R" stats --kb "$kb" --format json --matrix >"$T/out.json"
$py -m json.tool "$T/out.json" >/dev/null || fail "invalid JSON"
$py - "$T/actors.csv" "$T/out.json" <<'X' || fail "hostile name lost"
import csv, json, sys
want = 'Say "no", <&> \\ back\nslash'
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert any(r["actor"] == want for r in rows), rows
doc = json.load(open(sys.argv[2], encoding="utf-8"))
assert any(a["actor"] == want for a in doc["actors"]), doc["actors"]
assert doc["totals"]["reports"] == 11 and doc["totals"]["events"] == 10
assert abs(doc["mutual"]["reciprocity"] - 0.5) < 1e-9
assert doc["mutual"]["count"] == 2
assert {(p["a"], p["b"]) for p in doc["mutual"]["pairs"]} == {
    ("China", "United States"), ("Huawei", "United Kingdom")}
assert len(doc["matrix"]) == 49, len(doc["matrix"])  # 7 actors, every cell
X

# --- usage and errors ----------------------------------------------------------
"$R" stats --help >"$T/help.txt"
grep -q 'usage: relnet stats' "$T/help.txt" || fail "--help"
set +e
"$R" stats --kb "$kb" --count weekly >/dev/null 2>&1; [[ $? -eq 2 ]] || fail "bad --count not exit 2"
"$R" stats --kb "$kb" --bogus >/dev/null 2>&1; [[ $? -eq 2 ]] || fail "bad option not exit 2"
"$R" stats --kb "$T/missing.db" >/dev/null 2>"$T/err"; rc=$?
set -e
[[ $rc -ne 0 && $rc -ne 2 ]] || fail "missing knowledge base: exit $rc"
grep -q 'missing.db' "$T/err" || fail "missing knowledge base not named: $(cat "$T/err")"
# CSV for spreadsheets: a name that looks like a formula gets a leading '
# (OWASP's CSV-injection advice); numbers stay numbers; export stays lossless.
printf 'source,target,relation\n"=HYPERLINK(""http://x.test"")",Klow,accuses\n@SUM(A1),+Lind,accuses\n-Vox,Klow,accuses\n' > "$T/inj.csv"
run 0 "$R" --no-lexicon stats --format csv "$T/inj.csv"
has "$T/out.txt" '"'"'"'=HYPERLINK(""http://x.test"")",'
has "$T/out.txt" "'@SUM(A1),"
has "$T/out.txt" "'+Lind,"
has "$T/out.txt" "'-Vox,"
hasnt "$T/out.txt" ",'1"
run 0 "$R" --no-lexicon centrality --format csv "$T/inj.csv"
has "$T/out.txt" "'@SUM(A1),"
has "$T/out.txt" "'-Vox,"
run 0 "$R" --no-lexicon export --format csv "$T/inj.csv"
has "$T/out.txt" '"=HYPERLINK(""http://x.test"")",'
grep -q '^@SUM(A1),' "$T/out.txt" || fail "export changed a name"
echo "stats: ok"
