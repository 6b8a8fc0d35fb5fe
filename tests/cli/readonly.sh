#!/usr/bin/env bash
# A knowledge base in a directory the user cannot write (WAL mode needs a
# -shm file even for reading) can still be read; when it cannot (a -wal file
# holds changes not yet in the file, or a killed commit's journal must be
# rolled back first), relnet says exactly why. Writing to it
# fails with a clear message. As root the reads run as nobody (setpriv);
# without a way to drop rights the test is skipped (exit 77).
source "$(dirname "$0")/lib/common.sh"
if [ "$(id -u)" = 0 ]; then
    command -v setpriv > /dev/null || { echo "skip: root without setpriv"; exit 77; }
    as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
    setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$R" ||
        { echo "skip: nobody cannot run $R"; exit 77; }
else
    as_user() { "$@"; }
fi
chmod 755 "$T"
printf 'source,target,relation\nKlow,Lind,accuses\nLind,Klow,accuses\n' > "$T/e.csv"
mkdir "$T/ro"
run 0 "$R" --no-lexicon --kb "$T/ro/kb.db" import "$T/e.csv"
[ ! -s "$T/ro/kb.db-wal" ] || fail "a -wal file is left after the import"
chmod 555 "$T/ro"
chmod 444 "$T/ro/kb.db"

run 0 as_user "$R" --kb "$T/ro/kb.db" stats --format csv
has "$T/out.txt" "Klow,"
run 0 as_user "$R" --kb "$T/ro/kb.db" export --format csv
has "$T/out.txt" "Lind,unknown,,Klow"
run 0 as_user "$R" --kb "$T/ro/kb.db" query Klow
[ ! -e "$T/ro/kb.db-shm" ] || fail "a reader made a -shm file"

# writing is refused, with the reason
set +e
as_user "$R" --kb "$T/ro/kb.db" import "$T/e.csv" 2> "$T/err.txt"
rc=$?
set -e
[ "$rc" = 3 ] || fail "import into a read-only knowledge base: exit $rc, wanted 3"
has "$T/err.txt" "kb.db"

# a -wal with changes not in the file: say why it cannot be read
chmod 755 "$T/ro"
printf 'not empty' > "$T/ro/kb.db-wal"
chmod 555 "$T/ro"
run 3 as_user "$R" --kb "$T/ro/kb.db" stats
has "$T/err.txt" "holds changes not yet in the file"
chmod 755 "$T/ro"
rm "$T/ro/kb.db-wal"

# A writer killed while it committed through a rollback journal (build
# fills its knowledge base so) leaves a hot journal, and the file holds the
# commit half written: a reader must roll the journal back (as a writer's
# open would), never read past it; where it may not, it says why.
chmod 644 "$T/ro/kb.db"
"$py" - "$T/ro/kb.db" <<'EOF'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("pragma journal_mode=truncate")
c.execute("pragma cache_size=1")  # the transaction spills into the file
c.execute("begin")
c.execute("update relations set evidence = 'half' where id <= 2")
c.execute("insert into relations(source_id, target_id, type_id, origin, evidence)"
          " select source_id, target_id, type_id, origin, randomblob(30000)"
          " from relations, (select 1 union select 2 union select 3)")
os._exit(0)  # killed: no commit, no rollback
EOF
[ -s "$T/ro/kb.db-journal" ] || fail "no hot journal was left"
"$py" -c 'import sys; sys.exit(open(sys.argv[1], "rb").read(4) != b"\xd9\xd5\x05\xf9")' \
    "$T/ro/kb.db-journal" || fail "the journal left is not hot"
chmod 444 "$T/ro/kb.db"
chmod 555 "$T/ro"
run 3 as_user "$R" --kb "$T/ro/kb.db" export --format csv
has "$T/err.txt" "must be rolled back first"
chmod 755 "$T/ro"
chmod 644 "$T/ro/kb.db"
run 0 "$R" --kb "$T/ro/kb.db" export --format csv
[ "$(wc -l < "$T/out.txt")" = 3 ] || fail "read past a hot journal: $(cat "$T/out.txt")"
hasnt "$T/out.txt" "half"
echo ok
