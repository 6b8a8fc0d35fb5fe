#!/usr/bin/env bash
# Nothing to work on is not a crash: every analysis command and output
# format on an empty selection (a header-only CSV, a knowledge base without
# relations, a graph of one self-loop), and the extractor with a lexicon of
# relations only, run in the sanitizer build, where qsort, bsearch, memcpy
# or memmove given a NULL array (even with zero items) aborts (UBSan's
# nonnull-attribute check, -fno-sanitize-recover). Each run ends with 0, or
# 1 and a message; never a signal or a sanitizer report.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
printf 'source,target,relation\n' > none.csv
printf 'source,target,relation\nKlow,Klow,accuses\n' > self.csv
"$R" --quiet --no-lexicon --kb empty.db import none.csv

# calm CMD...: exit 0, or 1 saying why; no sanitizer report
calm() {
    set +e
    "$@" > "$T/out.txt" 2> "$T/err.txt"
    local rc=$?
    set -e
    if grep -q "runtime error\|AddressSanitizer" "$T/err.txt" || [ "$rc" -gt 1 ] ||
        { [ "$rc" = 1 ] && [ ! -s "$T/err.txt" ]; }; then
        cat "$T/err.txt" >&2
        fail "exit $rc: $*"
    fi
}

for src in none.csv self.csv "--kb empty.db"; do
    # shellcheck disable=SC2086
    set -- $src
    for table in actors relations mutual totals matrix; do
        calm "$R" stats --format csv --table "$table" --relation all "$@"
    done
    calm "$R" stats --format json --table matrix "$@"
    calm "$R" centrality --format json "$@"
    for fmt in csv json graphml gexf dot; do
        calm "$R" export --format "$fmt" "$@" -o "$T/e.$fmt"
    done
    calm "$R" export --format neo4j "$@" -o "$T/neo4j-${src//[^a-z]/}"
    calm "$R" render "$@" -o "$T/g.dot"
    calm "$R" render --ego Klow "$@" -o "$T/ego.dot"
    calm "$R" query Klow "$@"
done

# a lexicon directory with only the files it needs (the closed word
# classes and the relation triggers): no actors, no cues
mkdir lex
cp "${RELNET_SOURCE_DIR:?}/data/lexicon/relations.tsv" "$RELNET_SOURCE_DIR/data/lexicon/words.tsv" lex/
printf 'Klow accused Lind of fraud.\n' > a.txt
calm "$R" extract --lexicon-dir lex a.txt
calm "$R" --kb kb2.db add --lexicon-dir lex a.txt
echo ok
