#!/usr/bin/env bash
# sentence_dates.sh - a record takes the day its own sentence states ("on
# Wednesday", "on March 1, 2021", "yesterday", "on the 2nd of March", "a
# week ago"), read against its article's date, and in the future tense
# ahead of it ("will ban on Tuesday": the next Tuesday); a sentence with no
# day, a vague one ("about a week ago") or two different days keeps the
# article's date. A dateline without a year takes the year the article's
# full dates agree on, and stays undated when there is none.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
mkdir pages
# 2021-03-05 was a Friday
cat >pages/week.txt <<'TXT'
URL: https://klow.example/news/week

 date 2021-03-05 Klow banned the Szohod radio on Wednesday.
Klow banned the Vella journal.
Klow banned the Orsk paper on March 1, 2021.
Klow banned the Tamm channel yesterday.
Klow banned the Ruda blog on Monday after a warning on Tuesday.
Klow banned the Pell vigil in 2019.
Klow banned the Moss journal on the 2nd of March.
Klow banned the Brell paper three days ago.
Klow banned the Tarn blog a week ago.
Klow will ban the Quill channel on Tuesday.
Klow banned the Wick forum about a week ago.
TXT
cat >pages/dateline.txt <<'TXT'
URL: https://klow.example/news/dateline

KLOW, March 3 (Wirenews) - Klow banned the Dorn radio.
Szohod had warned on February 26, 2021 that Klow would.
TXT
cat >pages/noyear.txt <<'TXT'
URL: https://klow.example/news/noyear

KLOW, March 3 (Wirenews) - Klow banned the Lusk radio.
TXT
run 0 "$R" --no-lexicon extract --format csv pages/
$py - "$T/out.txt" <<'PY'
import csv, sys
got = {r["target"].split()[0]: r["date"] for r in csv.DictReader(open(sys.argv[1], newline=""))}
want = {
    "Szohod": "2021-03-03",  # on Wednesday
    "Vella": "2021-03-05",  # no day: the article's
    "Orsk": "2021-03-01",
    "Tamm": "2021-03-04",
    "Ruda": "2021-03-05",      # two days: the article's
    "Pell": "2021-03-05",     # a year is no day: the article's
    "Moss": "2021-03-02",
    "Brell": "2021-03-02",    # three days ago
    "Tarn": "2021-02-26",     # a week ago
    "Quill": "2021-03-09",    # will ban on Tuesday: the next one
    "Wick": "2021-03-05",     # about a week ago: the article's
    "Dorn": "2021-03-03",     # the dateline's year from the text
    "Lusk": "",               # no year anywhere: undated
}
for target, date in want.items():
    assert got.get(target) == date, (target, got.get(target), date, got)
PY
# --since/--until select by the sentence's day
run 0 "$R" --no-lexicon --kb k.db add pages/
run 0 "$R" --no-lexicon --kb k.db export --format csv --since 2021-03-01 --until 2021-03-03
has out.txt ",Szohod,"
has out.txt ",Orsk,"
has out.txt ",Dorn,"
hasnt out.txt ",Tamm,"
hasnt out.txt ",Vella,"
# extract | import dates each article as add does, though its first record's
# sentence names another day (week.txt: "on Wednesday"): the output carries
# the article's own date in article_date
run 0 "$R" --no-lexicon extract pages/
cp out.txt records.tsv
head -1 records.tsv | grep -q $'\tarticle_date$' || fail "no article_date column"
run 0 "$R" --no-lexicon --kb piped.db import records.tsv
$py - k.db piped.db <<'PY'
import sqlite3, sys
def dates(p):
    return sorted(sqlite3.connect(p).execute("select path, date from articles"))
added, piped = dates(sys.argv[1]), dates(sys.argv[2])
assert added == piped, (added, piped)
assert ("pages/week.txt", "2021-03-05") in piped, piped
PY
# a malformed article_date is an error with file:line, and the row is not stored
$py - records.tsv bad.tsv <<'PY'
import sys
rows = open(sys.argv[1]).read().splitlines()
rows[1] = rows[1].rsplit("\t", 1)[0] + "\t5 March 2021"
open(sys.argv[2], "w").write("\n".join(rows[:2]) + "\n")
PY
run 1 "$R" --no-lexicon --kb bad.db import --strict bad.tsv
has err.txt "bad.tsv:2: article_date '5 March 2021' is not YYYY-MM-DD"
echo ok
