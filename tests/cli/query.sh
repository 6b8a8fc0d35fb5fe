#!/usr/bin/env bash
# query.sh - relnet query on a knowledge base filled by the real `relnet
# import` (tests/data/analysis/disputes.csv plus aliases.csv, both written
# for these tests): lookup by alias, relations both ways grouped with
# counts and dates, evidence with its article, suggestions for unknown
# names, JSON that parses and keeps hostile names.

source "$(dirname "$0")/lib/common.sh"
data=${RELNET_TEST_DATA:?set RELNET_TEST_DATA}/analysis

kb=$T/kb.db
"$R" --quiet import --kb "$kb" --aliases "$data/aliases.csv" "$data/disputes.csv"

# By alias: Beijing is China. Out: accuses United States 3 times over two
# dates, and itself once; in: accused by Australia and the United States.
"$R" query --kb "$kb" Beijing >"$T/china.txt"
head -1 "$T/china.txt" | grep -qx 'China  (country)' || fail "header: $(head -1 "$T/china.txt")"
grep -q '^also known as: .*Beijing' "$T/china.txt" || fail "aliases not shown"
grep -qx 'out (what it does): 4 reports' "$T/china.txt" || fail "out count"
grep -qx '  accuses United States: 3 reports, 2020-03-01 to 2020-03-05' "$T/china.txt" ||
    fail "grouped relation: $(cat "$T/china.txt")"
grep -qx '    2020-03-05  "Four days later the ministry said it again."  (a3.txt)' "$T/china.txt" ||
    fail "evidence line"
grep -qx 'in (what is done to it): 2 reports' "$T/china.txt" || fail "in count"
grep -qx '  accuses China (by Australia): 1 report, 2020-05-02' "$T/china.txt" || fail "in group"

# --evidence caps the lines per group and says how many are left.
"$R" query --kb "$kb" PRC --evidence 1 >"$T/capped.txt"
grep -qx '    ... and 2 more' "$T/capped.txt" || fail "--evidence 1: $(cat "$T/capped.txt")"

# Filters apply: only bans.
"$R" query --kb "$kb" Huawei --relation bans --format json >"$T/huawei.json"
$py - "$T/huawei.json" <<'X' || fail "huawei json"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["entity"] == "Huawei" and d["type"] == "company", d
assert [(g["relation"], g["counterpart"], g["reports"]) for g in d["out"]] == [("bans", "United States", 1)], d["out"]
assert [(g["relation"], g["counterpart"]) for g in d["in"]] == [("bans", "United States")], d["in"]
assert d["out"][0]["records"][0]["article"] == "a15.txt"
X

# Hostile names: a JSON query for the entity with quotes, comma, backslash,
# newline and <&> in its name returns that exact name.
hostile=$'Say "no", <&> \\ back\nslash'
"$R" query --kb "$kb" "$hostile" --format json >"$T/hostile.json"
$py -m json.tool "$T/hostile.json" >/dev/null || fail "invalid JSON"
$py - "$T/hostile.json" <<'X' || fail "hostile name changed"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["entity"] == 'Say "no", <&> \\ back\nslash', d["entity"]
assert d["out"][0]["counterpart"] == "Huawei"
X
# ... and in the table it stays on one line.
"$R" query --kb "$kb" "$hostile" >"$T/hostile.txt"
head -1 "$T/hostile.txt" | grep -qF 'Say "no", <&> \ back\nslash' ||
    fail "hostile table header"

# The same from the CSV file, without a knowledge base.
"$R" query China "$data/disputes.csv" >"$T/csvq.txt"
grep -qx '  accuses United States: 3 reports, 2020-03-01 to 2020-03-05' "$T/csvq.txt" ||
    fail "query on CSV input"

# Rolled up by affiliation, the spokesman's query shows China's relations,
# his accusation of Australia among them.
"$R" query --kb "$kb" 'Zhao Lijian' --by affiliation >"$T/zhao.txt"
grep -qx 'relations of China (--by affiliation)' "$T/zhao.txt" || fail "roll-up note"
grep -qx 'out (what it does): 5 reports' "$T/zhao.txt" || fail "rolled-up count: $(cat "$T/zhao.txt")"
grep -qx '  accuses Australia: 1 report, 2020-05-01' "$T/zhao.txt" || fail "rolled-up group"

# Unknown names: suggestions and exit 1.
set +e
"$R" query --kb "$kb" Chyna >/dev/null 2>"$T/err"; rc=$?
set -e
[[ $rc -eq 1 ]] || fail "unknown entity: exit $rc"
grep -q "no entity named 'Chyna'; did you mean: China" "$T/err" || fail "suggestion: $(cat "$T/err")"
set +e
"$R" query Huawie "$data/disputes.csv" >/dev/null 2>"$T/err"; rc=$?
"$R" query --kb "$kb" >/dev/null 2>&1; rc2=$?
set -e
[[ $rc -eq 1 ]] && grep -q 'did you mean: Huawei' "$T/err" || fail "CSV suggestion: $(cat "$T/err")"
[[ $rc2 -eq 2 ]] || fail "missing ENTITY: exit $rc2"
"$R" query --help >"$T/help.txt"
grep -q 'usage: relnet query' "$T/help.txt" || fail "--help"
echo "query: ok"
