#!/bin/bash
# WordNet's open word classes (relnet/pos.h) as the command sees them: a
# directory named in RELNET_WORDNET must hold WordNet (clear error, exit 1),
# RELNET_WORDNET=none goes without, and with it a capitalised sentence
# opener English does not know is taken as a name.
. "$(dirname "$0")/lib/common.sh"

printf 'Quorvane, which the Chilean government accused of fraud, denied it.\n' > "$T/a.txt"

run 1 env RELNET_WORDNET="$T/nowhere" "$R" extract "$T/a.txt"
has "$T/err.txt" "$T/nowhere: no WordNet there (index.noun is missing)"
[ -s "$T/out.txt" ] && fail "records written although the lexicon failed"

# a malformed index names its file and line
mkdir "$T/wn"
printf 'ban n 5 4 @ ~ #p + 5 1 06542047\nbroken n\n' > "$T/wn/index.noun"
run 1 env RELNET_WORDNET="$T/wn" "$R" extract "$T/a.txt"
has "$T/err.txt" "$T/wn/index.noun:2: expected a WordNet index line"

run 0 env RELNET_WORDNET=none "$R" extract "$T/a.txt"
hasnt "$T/out.txt" "Quorvane"

[ -r "${RELNET_WORDNET_DIR:-/usr/share/wordnet}/index.noun" ] || {
    echo "SKIP: WordNet is not installed (Debian: wordnet-base)"
    exit 77
}
run 0 env RELNET_WORDNET="${RELNET_WORDNET_DIR:-/usr/share/wordnet}" "$R" extract "$T/a.txt"
has "$T/out.txt" "Chile"
has "$T/out.txt" "Quorvane"
echo PASS
