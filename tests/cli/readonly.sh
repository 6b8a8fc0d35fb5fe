#!/usr/bin/env bash
# A knowledge base in a directory the user cannot write (WAL mode needs a
# -shm file even for reading) can still be read; when it cannot (a -wal file
# holds changes not yet in the file), relnet says exactly why. Writing to it
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
echo ok
