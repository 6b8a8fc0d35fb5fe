#!/usr/bin/env bash
# The scale-out path: a corpus split into shards, each extracted on its own
# (`relnet extract --format tsv`), the shards imported (`relnet import
# --delimiter tab`), gives the knowledge base one `relnet add` of the whole
# corpus gives: `relnet export --format csv` byte for byte, and the same
# rows of articles. Evidence with
# double and single quotes and backslashes must survive the trip.
source "$(dirname "$0")/lib/common.sh"
articles=${RELNET_SOURCE_DIR:?}/data/articles

mkdir "$T/extra"
printf 'Norway accused Sweden of "unfair" tariffs on salmon.\n' > "$T/extra/quotes.txt"
printf 'Chile banned Huawei on Monday, citing a report at C:\\temp\\new\\risk.\n' \
    > "$T/extra/backslash.txt"
printf 'Peru signed the Lima Pact with Mexico on Friday, and said "it is a '"'"'good'"'"' day".\n' \
    > "$T/extra/quotes2.txt"

files=()
while IFS= read -r f; do files+=("$f"); done < <(ls "$articles"/*.txt "$articles"/*.html | sort)
files+=("$T/extra/quotes.txt" "$T/extra/backslash.txt" "$T/extra/quotes2.txt")
n=${#files[@]}
[ "$n" -ge 6 ] || fail "expected the sample articles in $articles"

# one add of everything
run 0 "$R" --kb "$T/all.db" --quiet add "${files[@]}"
run 0 "$R" --kb "$T/all.db" export --format csv -o "$T/all.csv"

# three shards, extracted apart, imported in order (two through stdin)
third=$(( (n + 2) / 3 ))
for s in 0 1 2; do
    run 0 "$R" extract --format tsv "${files[@]:$((s * third)):$third}"
    cp "$T/out.txt" "$T/shard$s.tsv"
done
run 0 "$R" --kb "$T/shards.db" import --delimiter tab "$T/shard0.tsv"
has "$T/err.txt" ", 0 skipped"
for s in 1 2; do
    set +e
    "$R" --kb "$T/shards.db" import --delimiter tab - < "$T/shard$s.tsv" 2> "$T/err.txt"
    rc=$?
    set -e
    [ "$rc" = 0 ] || { cat "$T/err.txt" >&2; fail "import of shard $s: exit $rc"; }
    has "$T/err.txt" ", 0 skipped"
done
run 0 "$R" --kb "$T/shards.db" export --format csv -o "$T/shards.csv"

has "$T/all.csv" '"unfair"'
has "$T/all.csv" 'C:\temp\new\risk.'
cmp "$T/all.csv" "$T/shards.csv" || { diff "$T/all.csv" "$T/shards.csv" >&2 | head -20; \
    fail "sharded extract + import differs from one add"; }

# the articles too: the rows `relnet add` writes (path, URL, title, date and
# content hash), so that adding an imported article again is "already present"
articles() {
    $py - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT path, url, title, date, content_hash FROM articles ORDER BY path"):
    print("\t".join("" if v is None else str(v) for v in row))
PY
}
articles "$T/all.db" > "$T/all.articles"
articles "$T/shards.db" > "$T/shards.articles"
[ "$(wc -l < "$T/all.articles")" = "$n" ] || fail "expected $n articles after one add"
grep -q $'\t[0-9a-f]\{32\}$' "$T/shards.articles" || fail "imported articles lack a content hash"
diff -u "$T/all.articles" "$T/shards.articles" || fail "imported articles differ from added ones"
run 0 "$R" --kb "$T/shards.db" add "${files[0]}"
has "$T/err.txt" "already present"

# jsonl carries the same fields as tsv
run 0 "$R" extract --format jsonl "$T/extra/quotes.txt"
$py - "$T/out.txt" "$T/extra/quotes.txt" <<'PY' || fail "jsonl fields"
import json, sys
rec = json.loads(open(sys.argv[1]).readline())
want = ["article", "sentence_no", "offset", "source", "source_type", "source_affiliation",
        "relation", "target", "target_type", "target_affiliation", "polarity", "confidence",
        "evidence", "date", "url", "title", "path", "origin", "content_hash", "article_date"]
assert list(rec) == want, list(rec)
assert rec["path"] == sys.argv[2] and rec["origin"] == "extracted", rec
assert len(rec["content_hash"]) == 32 and isinstance(rec["offset"], int), rec
PY

# the same shards, read by the analysis commands straight from the files
run 0 "$R" export --format csv "$T/shard0.tsv" "$T/shard1.tsv" "$T/shard2.tsv"
echo ok
