#!/usr/bin/env bash
# relnet extract: header, records, formats, bad files, usage errors.
source "$(dirname "$0")/lib/common.sh"

printf 'Norway banned Huawei last year.\nChile, Peru, and Mexico signed the Lima Pact.\n' > "$T/a.txt"
"$R" extract "$T/a.txt" > "$T/out.tsv"
head -1 "$T/out.tsv" | grep -q $'^article\tsentence_no\toffset\tsource\t' || { echo "bad header"; exit 1; }
grep -q $'^a\t1\t0\tNorway\tcountry\t\tbans\tHuawei\t' "$T/out.tsv" || { echo "missing Norway bans Huawei"; cat "$T/out.tsv"; exit 1; }
[ "$(grep -c $'\tsigns\tLima Pact\t' "$T/out.tsv")" = 3 ] || { echo "list not split"; exit 1; }

# deterministic
"$R" extract "$T/a.txt" | cmp - "$T/out.tsv"

# csv and jsonl
"$R" extract --format csv "$T/a.txt" | head -1 | grep -q '^article,sentence_no,offset,' 
"$R" extract --format jsonl "$T/a.txt" | head -1 | python3 -c 'import json,sys; r=json.loads(sys.stdin.readline()); assert r["relation"]=="bans" and r["source"]=="Norway", r'

# stdin and directories
cat "$T/a.txt" | "$R" extract - | grep -q $'\tNorway\t'
mkdir -p "$T/dir/sub" && cp "$T/a.txt" "$T/dir/sub/b.txt"
"$R" extract "$T/dir" | grep -q $'^b\t1\t'

# bad files: reported, the others processed, exit 1
printf 'a\0b' > "$T/bin.txt"
: > "$T/empty.txt"
set +e
"$R" extract "$T/bin.txt" "$T/empty.txt" "$T/a.txt" > "$T/o2" 2> "$T/e2"
rc=$?
set -e
[ $rc = 1 ] || { echo "expected exit 1, got $rc"; exit 1; }
grep -q bin.txt "$T/e2" && grep -q empty.txt "$T/e2"
grep -q $'\tNorway\t' "$T/o2"

# usage
"$R" extract --help | grep -q '^usage: relnet extract'
set +e
"$R" extract --format xml "$T/a.txt" 2>/dev/null; [ $? = 2 ] || exit 1
"$R" extract 2>/dev/null; [ $? = 2 ] || exit 1
set -e
# an empty directory (or one without article files) is bad input
mkdir "$T/none" && : > "$T/none/notes.md"
run 1 "$R" extract "$T/none"
has "$T/err.txt" "$T/none: no article files"
run 1 "$R" --kb "$T/kb.db" add "$T/none"
has "$T/err.txt" "$T/none: no article files"
# boilerplate rules that remove most of a file say so (here: a page of menus
# around one sentence)
{ for i in $(seq 1 60); do printf 'Home | World | Sport | Weather | Culture %d\n' "$i"; done
  printf 'Norway banned Huawei last year.\n'; } > "$T/menus.txt"
run 0 "$R" extract "$T/menus.txt"
has "$T/err.txt" "menus.txt: "
has "$T/err.txt" "removed as boilerplate"
has "$T/out.txt" $'\tNorway\t'
# --explain tells, sentence by sentence, what was found and why
printf 'Norway banned Quillmail.\nChile praised the move.\n' > "$T/why.txt"
run 0 "$R" extract --explain "$T/why.txt"
has "$T/out.txt" 'sentence 1: Norway banned Quillmail.'
has "$T/out.txt" 'trigger  "banned" bans, read as a verb'
has "$T/out.txt" 'record Norway bans Quillmail (asserted'
has "$T/out.txt" 'no trigger word'
# confidence is written in hundredths (a pronoun source and an unknown target
# take 0.85 - 0.2 - 0.1 and so on, which binary doubles cannot hold exactly)
printf 'Vantrix said it had banned Quillmail.\nIt was accused by Tessen of fraud.\n' > "$T/conf.txt"
run 0 "$R" extract "$T/conf.txt"
awk -F'\t' 'NR > 1 && $12 !~ /^[01]\.[0-9][0-9]$/ { bad = 1 } END { exit bad }' "$T/out.txt" ||
    fail "confidence not in hundredths: $(cut -f12 "$T/out.txt" | tr '\n' ' ')"
[ "$(tail -n +2 "$T/out.txt" | wc -l)" -ge 1 ] || fail "no records to check the confidence of"
echo ok
