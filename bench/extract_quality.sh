#!/usr/bin/env bash
# extract_quality.sh - extraction quality on the evaluation data next to the
# repository (../shared), scored by the corpus's own scorer (score.py).
#
#   bench/extract_quality.sh [--show SET]
#
# Prints lenient and strict F1 (with P and R) for: the 22 original
# development articles (seed*, 0*), the 40 newer ones (A*-D*) together and
# batch by batch, all 62, per relation on all 62, and the construction
# suite. With --show SET (old, new, A, B, C, D, all, cons) it also lists the
# misses and false positives of that set. RELNET_BIN names the binary
# (default build/relnet). Exits 77 (skipped) when ../shared is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${RELNET_BIN:-build/relnet}
shared=${RELNET_SHARED:-../shared}
C=$shared/corpus
K=$shared/constructions
[ -f "$C/score.py" ] || { echo "skip: no corpus at $C"; exit 77; }
show=${2:-}
[ "${1:-}" = --show ] || show=
work=$(mktemp -d /tmp/relnet-quality-XXXXXX)
trap 'rm -rf "$work"' EXIT

"$bin" extract --format tsv "$C"/dev/*.txt > "$work/pred.tsv" 2> "$work/err.txt" || true
ids() { (cd "$C/dev" && ls $1 2>/dev/null) | sed 's/\.txt$//' | paste -sd, -; }
declare -A sets=(
    [old]="$(ids 'seed*.txt') $(ids '0*.txt')"
    [new]="$(ids '[A-D]*.txt')"
    [A]="$(ids 'A*.txt')" [B]="$(ids 'B*.txt')" [C]="$(ids 'C*.txt')" [D]="$(ids 'D*.txt')"
    [all]="$(ids '*.txt')"
)
score() { # set-name mode...
    local list=${sets[$1]// /,}; shift
    python3 "$C/score.py" "$C/gold-dev.tsv" "$work/pred.tsv" --articles "$list" "$@"
}
printf '%-6s %-28s %-28s\n' set lenient strict
for s in old new A B C D all; do
    printf '%-6s %-28s %-28s\n' "$s" "$(score $s | tail -1)" "$(score $s --strict | tail -1)"
done
echo
echo "all 62, per relation (lenient):"
score all > "$work/rel.txt"; head -7 "$work/rel.txt"
if [ -d "$K/cases" ]; then
    "$bin" extract --format tsv "$K"/cases/*.txt > "$work/cons.tsv" 2>/dev/null || true
    echo
    printf 'constructions: %s\n' "$(python3 "$C/score.py" "$K/gold.tsv" "$work/cons.tsv" | tail -1)"
    if [ "$show" = cons ]; then python3 "$K/by_template.py" "$work/cons.tsv" > "$work/t.txt"; head -60 "$work/t.txt"; fi
fi
if [ -n "$show" ] && [ "$show" != cons ]; then
    echo; score "$show" --show
fi
