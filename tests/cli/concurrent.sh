#!/usr/bin/env bash
# Writers wait their turn: two `relnet add` (or `import`) on one knowledge
# base at the same time both succeed, and two imports of the same file give
# one import and one "already present", both exit 0. Repeated, because a
# race shows only sometimes.
source "$(dirname "$0")/lib/common.sh"
articles=${RELNET_SOURCE_DIR:?}/data/articles
edges=${RELNET_SOURCE_DIR:?}/data/edges/tech_disputes.csv
tsv=${RELNET_SOURCE_DIR:?}/data/edges/ai_declarations.tsv
ls "$articles"/*.txt "$articles"/*.html "$edges" "$tsv" > /dev/null || fail "sample data missing"

# both at once; waits for both and fails unless each exited 0
both() {
    "$@" 2> "$T/e1" & local p1=$!
    "$@" 2> "$T/e2" & local p2=$!
    wait "$p1" || { cat "$T/e1" >&2; fail "first of two concurrent runs failed: $*"; }
    wait "$p2" || { cat "$T/e2" >&2; fail "second of two concurrent runs failed: $*"; }
}

# three writers creating one new knowledge base at once, many times: each
# waits for the one that sets the file up (WAL mode, schema), none gives up
# with "database is locked" or takes the half-made file for a foreign one
for i in $(seq 1 12); do
    rm -f "$T"/new.db*
    "$R" --kb "$T/new.db" --quiet import "$tsv" 2> "$T/n3" & p3=$!
    "$R" --kb "$T/new.db" --quiet add "$articles"/*.txt 2> "$T/n1" & p1=$!
    "$R" --kb "$T/new.db" --quiet add "$articles"/*.html 2> "$T/n2" & p2=$!
    for p in "$p1:n1" "$p2:n2" "$p3:n3"; do
        wait "${p%%:*}" || { cat "$T/${p#*:}" >&2; fail "creation round $i: a writer failed"; }
    done
done

# one add of everything, for comparison
run 0 "$R" --kb "$T/one.db" --quiet import "$tsv"
run 0 "$R" --kb "$T/one.db" --quiet add "$articles"
run 0 "$R" --kb "$T/one.db" stats --format csv
sort "$T/out.txt" > "$T/one.txt"

for i in 1 2 3 4 5; do
    rm -f "$T"/kb.db*
    # two adds of different articles and an import, into a new knowledge
    # base (odd rounds) or one that exists (even rounds)
    p3=
    if (( i % 2 == 0 )); then
        run 0 "$R" --kb "$T/kb.db" --quiet import "$tsv"
    else
        "$R" --kb "$T/kb.db" --quiet import "$tsv" 2> "$T/e3" & p3=$!
    fi
    "$R" --kb "$T/kb.db" --quiet add "$articles"/*.txt 2> "$T/e1" & p1=$!
    "$R" --kb "$T/kb.db" --quiet add "$articles"/*.html 2> "$T/e2" & p2=$!
    wait "$p1" || { cat "$T/e1" >&2; fail "round $i: add of the .txt articles failed"; }
    wait "$p2" || { cat "$T/e2" >&2; fail "round $i: add of the .html articles failed"; }
    [ -z "$p3" ] || wait "$p3" || { cat "$T/e3" >&2; fail "round $i: import failed"; }
    run 0 "$R" --kb "$T/kb.db" stats --format csv
    sort "$T/out.txt" | cmp - "$T/one.txt" || fail "round $i: two adds differ from one"

    # the same file imported twice at once: one import, one 'already present'
    both "$R" --kb "$T/kb.db" import "$edges"
    cat "$T/e1" "$T/e2" > "$T/both.txt"
    [ "$(grep -c 'already present' "$T/both.txt")" = 1 ] ||
        { cat "$T/both.txt" >&2; fail "round $i: expected one 'already present'"; }
    # the same articles added twice at once: everything already present once
    both "$R" --kb "$T/kb.db" add "$articles"
done
echo ok
