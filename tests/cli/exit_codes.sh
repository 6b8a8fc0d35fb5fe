#!/usr/bin/env bash
# One exit-code rule for every command (README, DESIGN.md): a file relnet is
# asked to read that is missing, unreadable or a directory where a file is
# expected is bad input, exit 1, "cannot open FILE: reason"; a file it cannot
# write is exit 3. Checked for every command that reads a file: the inputs
# (CSV, articles, gold, predictions, aliases, lexicon files and directories)
# and the knowledge base of --kb. The unreadable case needs a user who may
# not read the file: as root it runs as nobody (setpriv); without a way to
# drop rights the rest is checked and the test then exits 77 (skipped).
source "$(dirname "$0")/lib/common.sh"
chmod 1777 "$T" # nobody writes the knowledge bases of the writing commands
cd "$T"

printf 'source,target,relation\nKlow,Lind,accuses\n' > ok.csv
printf 'Klow accused Lind of fraud.\n' > ok.txt
printf 'article\tsource\trelation\ttarget\n' > gold.tsv
mkdir dir
"$R" --quiet --no-lexicon --kb kb.db import ok.csv
chmod 666 kb.db

as_user() { "$@"; }
unreadable=yes
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv > /dev/null &&
        setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$R"; then
        as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
    else
        unreadable=
    fi
fi
for f in ok.csv ok.txt gold.tsv kb.db; do
    cp "$f" "secret.${f#*.}"
    chmod 000 "secret.${f#*.}"
done

# expect_open_fails EXT ARGS...: ARGS with @F@ replaced by a missing file, an
# unreadable one and a directory (or those named in $KINDS) each exit 1
# naming the file.
expect_open_fails() {
    local ext=$1; shift
    local kinds=${KINDS:-missing unreadable dir} kind f args a
    [ -n "$unreadable" ] || kinds=${kinds/unreadable/}
    for kind in $kinds; do
        case $kind in
        missing) f=$T/nope.$ext ;;
        unreadable) f=$T/secret.$ext ;;
        dir) f=$T/dir ;;
        esac
        args=()
        for a in "$@"; do args+=("${a//@F@/$f}"); done
        run 1 as_user "$R" "${args[@]}"
        has "$T/err.txt" "$f"
        hasnt "$T/err.txt" "unable to open database file"
    done
}

# CSV/TSV edge lists
expect_open_fails csv --kb "$T/w1.db" import @F@
expect_open_fails csv stats @F@
expect_open_fails csv centrality @F@
expect_open_fails csv render @F@ -o "$T/o.svg"
expect_open_fails csv export --format csv @F@
expect_open_fails csv report @F@ -o "$T/r.html"
expect_open_fails csv query Klow @F@
expect_open_fails csv build ok.txt @F@ -o "$T/out1"
# articles (the directory case: "no article files")
expect_open_fails txt --kb "$T/w2.db" add @F@
expect_open_fails txt extract @F@
expect_open_fails txt build @F@ -o "$T/out2"
expect_open_fails txt eval --gold gold.tsv @F@
# the other files a command reads
expect_open_fails tsv eval --gold @F@ ok.txt
expect_open_fails tsv eval --gold gold.tsv --pred @F@
expect_open_fails tsv eval --gold gold.tsv --aliases @F@ ok.txt
expect_open_fails tsv extract --lexicon @F@ ok.txt
# (a directory given as --lexicon-dir without words.tsv or relations.tsv)
expect_open_fails tsv extract --lexicon-dir @F@ ok.txt
# the knowledge base
for cmd in stats centrality "query Klow" "export --format csv" "render -o $T/o2.svg" \
    "report -o $T/r2.html" "list imports" "remove --article ok.txt"; do
    # shellcheck disable=SC2086
    expect_open_fails db --kb @F@ $cmd
done
# (import and add create a knowledge base that does not exist yet)
KINDS="unreadable dir" expect_open_fails db --kb @F@ import "$T/ok.csv"
KINDS="unreadable dir" expect_open_fails db --kb @F@ add "$T/ok.txt"
# missing and existing files together: the good ones are read, the exit is 1
run 1 "$R" --kb "$T/w3.db" import ok.csv nope.csv
has "$T/err.txt" "ok.csv: 1 rows read"
has "$T/err.txt" "cannot open nope.csv: No such file or directory"
run 1 "$R" extract ok.txt nope.txt
has "$T/out.txt" "Klow"

# a file that cannot be written is an I/O error: exit 3
run 3 "$R" render ok.csv -o "$T/nodir/g.svg"
has "$T/err.txt" "cannot write"
run 3 "$R" export --format csv ok.csv -o "$T/nodir/e.csv"
has "$T/err.txt" "cannot write"

if [ -z "$unreadable" ]; then
    echo "skip: unreadable files not checked (root without setpriv)"
    exit 77
fi
echo ok
