#!/usr/bin/env bash
# relnet eval: scores small gold/pred files (agreement with the corpus's
# score.py is tests/cli/eval_corpus.sh).
source "$(dirname "$0")/lib/common.sh"

printf 'article\tsource\tsource_affiliation\trelation\ttarget\ttarget_affiliation\twith\tpolarity\tevidence\n' > "$T/gold.tsv"
printf 'a\tNorway\t\tBANS\tHuawei\t\t\tasserted\tx\n' >> "$T/gold.tsv"
printf 'a\tChile\t\tSIGNS\tLima Pact\t\t\tasserted\tx\n' >> "$T/gold.tsv"
printf 'Norway banned Huawei last year.\n' > "$T/a.txt"
"$R" eval --gold "$T/gold.tsv" "$T/a.txt" > "$T/out"
grep -Eq '^BANS +1 +1 +1.000 +1.000 +1.000' "$T/out" || { cat "$T/out"; exit 1; }
grep -Eq '^micro +2 +1 +1.000 +0.500 +0.667' "$T/out"
tail -1 "$T/out" | grep -q '^F1=0.667 P=1.000 R=0.500'
"$R" eval --gold "$T/gold.tsv" --format json "$T/a.txt" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["micro"]["gold"]==2'
"$R" eval --gold "$T/gold.tsv" --show "$T/a.txt" | grep -q $'^a\tChile \\[\\]\tSIGNS'
set +e
"$R" eval "$T/a.txt" 2>/dev/null; [ $? = 2 ] || exit 1
set -e

echo ok
