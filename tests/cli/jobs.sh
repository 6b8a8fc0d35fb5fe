#!/usr/bin/env bash
# --jobs: extract, eval, add and build on several threads give what one
# thread gives, byte for byte (same order, same ids in the knowledge base),
# and so do centrality and stats of a CSV file read in parts;
# and an add killed with SIGKILL part way keeps whole batches of articles.
# The ThreadSanitizer build (RELNET_TSAN=ON) runs this test too.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
articles=${RELNET_SOURCE_DIR:?}/data/articles

# A corpus of many articles: the samples, and variants of them (one line
# added, so each is a new article), plus a file that cannot be read.
mkdir corpus
i=0
for f in "$articles"/*.txt "$articles"/*.html; do
    for k in 1 2 3 4 5; do
        i=$((i + 1))
        ext=${f##*.}
        { cat "$f"; printf '\nNote %d on the wire.\n' "$k"; } > "corpus/a$(printf %03d $i).$ext"
    done
done
printf 'bad \xff\xfe bytes\n' > corpus/zz-invalid.txt
n=$(ls corpus | wc -l)
[ "$n" -ge 30 ] || fail "expected the sample articles in $articles"

# extract: same TSV and same messages for 1, 2 and 7 threads
for j in 1 2 7; do
    run 1 "$R" extract --jobs "$j" corpus
    cp out.txt "extract$j.tsv"
    cp err.txt "extract$j.err"
done
[ "$(wc -l < extract1.tsv)" -gt 50 ] || fail "too few records extracted"
cmp extract1.tsv extract2.tsv || fail "extract --jobs 2 differs from --jobs 1"
cmp extract1.tsv extract7.tsv || fail "extract --jobs 7 differs from --jobs 1"
cmp extract1.err extract7.err || fail "extract --jobs 7 reports differently"
has extract1.err "zz-invalid.txt"

# centrality and stats of a CSV file read in parts on several threads
# (--jobs with CSV files): the same output and messages as one thread.
# Quoted names with commas, doubled quotes and line breaks, one of 2,000
# lines across the middle of the file, and a row with too few fields.
"$py" - big.csv <<'EOF'
import sys
rels = ["accuses", "bans", "signs"]
with open(sys.argv[1], "w", newline="") as f:
    f.write("source,target,relation,weight\n")
    for i in range(60000):
        if i == 30000:
            f.write('"Multi\n' + 'line, ""name""\n' * 2000 + 'end",Target 1,accuses,1\n')
        if i == 45000:
            f.write("too,few\n")
        f.write('"Actor %d, Jr.","Target ""%d""",%s,%d.5\n'
                % (i % 997, i % 1013, rels[i % 3], i % 7))
EOF
for j in 1 2 3; do
    run 1 "$R" centrality big.csv --measure all --format csv --jobs "$j"
    cp out.txt "centrality$j.csv"
    cp err.txt "centrality$j.err"
    run 1 "$R" stats big.csv --format csv --jobs "$j"
    cp out.txt "stats$j.csv"
done
[ "$(wc -l < centrality1.csv)" -gt 1000 ] || fail "too few entities in the CSV's centrality"
has centrality1.err "big.csv:47004: expected 4 fields, got 2"
for j in 2 3; do
    cmp centrality1.csv "centrality$j.csv" || fail "centrality --jobs $j differs from --jobs 1"
    cmp centrality1.err "centrality$j.err" || fail "centrality --jobs $j reports differently"
    cmp stats1.csv "stats$j.csv" || fail "stats --jobs $j differs from --jobs 1"
done

# add: the same knowledge base, row for row and id for id
for j in 1 3; do
    run 1 "$R" --kb "kb$j.db" --quiet add --jobs "$j" corpus
    kb_dump "kb$j.db" | grep -v '^imports ' > "kb$j.dump"
done
[ "$(grep -c '^relations ' kb1.dump)" -gt 50 ] || fail "too few relations stored"
cmp kb1.dump kb3.dump || fail "add --jobs 3 stores another knowledge base than --jobs 1"
# adding again adds nothing, on any number of threads
run 0 "$R" --kb kb3.db add --jobs 3 corpus/a00*
has err.txt "already present, nothing added"
kb_dump kb3.db | grep -v '^imports ' | cmp - kb3.dump || fail "a second add changed the knowledge base"

# eval and build: the same figures and the same knowledge base
run 0 "$R" eval --jobs 1 --gold "$articles/gold.tsv" --show "$articles"
cp out.txt eval1.txt
has eval1.txt "micro"
run 0 "$R" eval --jobs 2 --gold "$articles/gold.tsv" --show "$articles"
cmp eval1.txt out.txt || fail "eval --jobs 2 differs from --jobs 1"
# build --jobs 1 runs its steps one after the other; with more jobs the
# drawing steps run in a second process meanwhile: every file, and what
# build says (in the same order), are the same.
for j in 1 2; do
    run 0 "$R" build --jobs "$j" -o "build$j" corpus/a0*
    kb_dump "build$j/relnet.db" | grep -v '^imports ' > "build$j.dump"
    sed "s/build$j/buildN/g; s/([0-9.]* s)//" err.txt > "build$j.err"
done
cmp build1.dump build2.dump || fail "build --jobs 2 stores another knowledge base"
for f in stats.txt centrality.csv graph.svg graph.png accuses.svg accuses-by-affiliation.svg timeline.svg \
    report.html; do
    [ -s "build1/$f" ] || fail "build --jobs 1 wrote no $f"
    cmp "build1/$f" "build2/$f" || fail "build --jobs 2: another $f"
done
cmp build1.err build2.err || fail "build --jobs 2 says other things than --jobs 1"
has build2.err "wrote buildN/report.html"

# lines repeated across 3 or more files go, read in the same single pass
mkdir rep
for k in 1 2 3 4; do
    printf 'Subscribe: Norway banned Huawei in a template line.\nChile signed the Lima Pact with Peru on day %d of the talks.\n' "$k" > "rep/r$k.txt"
done
for j in 1 2; do
    run 0 "$R" extract --repeated-lines --jobs "$j" rep
    cp out.txt "rep$j.tsv"
done
cmp rep1.tsv rep2.tsv || fail "--repeated-lines: --jobs 2 differs from --jobs 1"
has rep1.tsv "Lima Pact"
hasnt rep1.tsv "Huawei"
run 0 "$R" extract rep
has out.txt "Huawei"

run 2 "$R" extract --jobs 0 corpus
has err.txt "--jobs needs a number from 1 to 256"

# --- an add killed with SIGKILL keeps whole batches -----------------------------
# 2000 articles make ten batches of 200. Kill the add as soon as the
# knowledge base holds its first batch (read-only polls: WAL readers never
# block the writer), so the kill lands mid-run on any machine; then every
# stored article must have all its relations, and their number must be a
# whole number of batches.
mkdir many
src=$(ls "$articles"/*.txt | head -1)
for ((k = 0; k < 2000; k++)); do
    { cat "$src"; printf '\nWire note %d.\n' "$k"; } > "many/m$(printf %04d $k).txt"
done
run 0 "$R" --kb one.db --quiet add many/m0000.txt
per_article=$("$py" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from relations").fetchone()[0])' one.db)
[ "$per_article" -gt 0 ] || fail "the article gives no relation"
# The same for add and for build (which commits through a rollback journal
# until its close: a killed build leaves the journal of the commit it was
# in, rolled back at the next open; read-only polls then wait for commits).
killed_run() { # DB CMD...: run CMD, kill it once DB holds a batch, check DB
    local db=$1
    shift
    "$@" &
    pid=$!
    "$py" - "$db" "$pid" <<'EOF' || fail "$* ended before it could be killed"
import os, sqlite3, sys, time
path, pid = sys.argv[1], int(sys.argv[2])
def running():
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(") ", 1)[1][0] != "Z"
    except OSError:
        return False
while running():
    try:
        db = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=0.05)
        stored = db.execute("select count(*) from articles").fetchone()[0]
        db.close()
    except sqlite3.Error:
        stored = 0  # not created yet, or its schema not committed yet
    if stored > 0:
        os.kill(pid, 9)
        sys.exit(0)
    time.sleep(0.002)
sys.exit(1)
EOF
    wait "$pid" 2>/dev/null || true
    "$py" - "$db" "$per_article" <<'EOF' || fail "$*: killed, it left more than whole batches"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
per = int(sys.argv[2])
arts = db.execute("select count(*) from articles").fetchone()[0]
assert arts % 200 == 0 and 0 < arts < 2000, "%d articles: not whole batches of 200" % arts
for (aid, n) in db.execute("select a.id, count(r.id) from articles a"
                           " left join relations r on r.article_id = a.id group by a.id"):
    assert n == per, "article %d has %d relations, expected %d" % (aid, n, per)
EOF
}
killed_run killed.db "$R" --kb killed.db --quiet add many
killed_run killedb/relnet.db "$R" --quiet build -o killedb many
