#!/usr/bin/env bash
# import --jobs: with a second thread writing the knowledge base (the
# default on a machine with more than one core), import stores what one
# thread stores, row for row and id for id, and says the same; a strict
# import stopped by a bad row part way (the writer at work) leaves the
# knowledge base as it was. The ThreadSanitizer build runs this test too.
source "$(dirname "$0")/lib/common.sh"
cd "$T"

# 20,000 rows (several of the writer's chunks of 4,096): types,
# affiliations, evidence, dates, article paths, relation types first seen
# part way, quoted names, and two bad rows.
"$py" - big.csv <<'EOF2'
import sys
types = ["person", "organization", "", "country"]
with open(sys.argv[1], "w", newline="") as f:
    f.write("source,target,relation,weight,source_type,target_affiliation,evidence,date,path\n")
    for i in range(20000):
        if i == 15000:
            f.write("too,few\n")
        if i == 17000:
            f.write('"..",Target,accuses,1,,,,,\n')
        rel = "rel%d" % (i // 1000) if i % 1000 == 999 else "accuses"
        f.write('"Actor %d, Jr.",Target %d,%s,%d,%s,%s,%s,%s,%s\n'
                % (i % 3001, i * 7 % 2003, rel, i % 10, types[i % 4],
                   "Agency %d" % (i % 13) if i % 5 == 0 else "",
                   "sentence %d" % i if i % 2 else "",
                   "2024-03-01" if i % 4 == 1 else "",
                   "doc%d.txt" % (i % 50) if i % 3 == 0 else ""))
EOF2
head -1000 big.csv > first.csv

for j in 1 2 3; do
    # a first import, so the second one's new entities follow existing ids
    run 0 "$R" --kb "kb$j.db" import --jobs "$j" first.csv
    run 1 "$R" --kb "kb$j.db" import --jobs "$j" big.csv
    cp err.txt "import$j.err"
    kb_dump "kb$j.db" > "kb$j.dump"
done
has import1.err "20002 rows read, 20000 records imported, 2 skipped"
[ "$(grep -c '^relations ' kb1.dump)" -eq 20999 ] || fail "expected 20999 relations"
for j in 2 3; do
    cmp kb1.dump "kb$j.dump" || fail "import --jobs $j stores another knowledge base than --jobs 1"
    cmp import1.err "import$j.err" || fail "import --jobs $j reports differently"
done

# strict: the bad row at line 15002 stops the import; nothing of big.csv stays
run 1 "$R" --kb kb2.db import --jobs 2 --replace --strict big.csv
has err.txt "big.csv:15002: expected 9 fields, got 2"
kb_dump kb2.db | cmp - kb1.dump || fail "a failed strict import changed the knowledge base"

run 2 "$R" --kb kb2.db import --jobs 0 big.csv
has err.txt "--jobs needs a number from 1 to 256"
