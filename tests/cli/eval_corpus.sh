#!/usr/bin/env bash
# relnet eval agrees with the corpus's own scorer (score.py) on the dev
# corpus next to the repository (../shared/corpus). Without the corpus or
# python3 the test is skipped (exit 77), visibly.
source "$(dirname "$0")/lib/common.sh"
C=${RELNET_SHARED:-${RELNET_SOURCE_DIR:-.}/../shared}/corpus
[ -f "$C/score.py" ] || { echo "skip: no corpus at $C"; exit 77; }
command -v python3 > /dev/null || { echo "skip: no python3"; exit 77; }
"$R" extract --format tsv "$C"/dev/*.txt > "$T/pred.tsv"
for mode in "" --strict; do
    "$R" eval --gold "$C/gold-dev.tsv" $mode "$C"/dev/*.txt > "$T/ours"
    python3 "$C/score.py" "$C/gold-dev.tsv" "$T/pred.tsv" $mode > "$T/theirs"
    diff "$T/ours" "$T/theirs"
    "$R" eval --gold "$C/gold-dev.tsv" --pred "$T/pred.tsv" $mode --show > "$T/ours"
    python3 "$C/score.py" "$C/gold-dev.tsv" "$T/pred.tsv" $mode --show > "$T/theirs"
    diff "$T/ours" "$T/theirs"
done
echo ok
