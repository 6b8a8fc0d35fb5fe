#!/usr/bin/env bash
# bench_ingest.sh - throughput and memory of ingest + sentence split.
#
#   bench/bench_ingest.sh [SCALE]      (SCALE 1 = ~20 MB of articles; default 1)
#
# Builds librelnet (Release, in build-bench/ unless RELNET_BUILD names a build
# directory), compiles bench/bench_ingest.c against it, generates a synthetic
# corpus with bench/bench_ingest_gen.py (plain-text and HTML pages with menus,
# ads, share buttons, teasers, nav/footer/script), and reports:
#   1. MB/s for the text pages, the HTML pages, and both with the corpus-level
#      repeated-line pass (--corpus, two reads per file);
#   2. peak memory for 1x and 4x the corpus (streaming: it must stay flat);
#   3. a 50 MB single-line file (must be linear, not quadratic);
#   4. if ../shared/corpus exists: how many gold evidence sentences survive.
# Timings are wall-clock on a warm page cache, one core.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1}
build=${RELNET_BUILD:-build-bench}
work=$(mktemp -d /tmp/relnet-bench-ingest-XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$build/librelnet.a" ]; then
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DRELNET_TESTS=OFF > /dev/null
fi
cmake --build "$build" --target relnet_lib -j2 > /dev/null
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude bench/bench_ingest.c "$build/librelnet.a" \
    $(pkg-config --libs libxml-2.0 libutf8proc libxxhash) -lm -o "$work/bench_ingest"
bin="$work/bench_ingest"

python3 bench/bench_ingest_gen.py "$work/txt" $((2000 * scale)) 0 1
python3 bench/bench_ingest_gen.py "$work/html" 0 $((2000 * scale)) 2
echo "corpus: $(du -sh "$work/txt" | cut -f1) text, $(du -sh "$work/html" | cut -f1) html"

"$bin" "$work/txt" > /dev/null # warm the page cache
"$bin" "$work/html" > /dev/null
echo "text:           $("$bin" -r 3 "$work/txt")"
echo "html:           $("$bin" -r 3 "$work/html")"
echo "both, --corpus: $("$bin" --corpus "$work/txt" "$work/html")"

# memory must not grow with the corpus: 4x the files, same peak
mkdir -p "$work/x4"
for i in 1 2 3 4; do
    mkdir -p "$work/x4/$i"
    cp "$work"/txt/* "$work/x4/$i/"
done
echo "1x text:        $("$bin" "$work/txt" | grep -o 'max_rss_MB=.*')"
echo "4x text:        $("$bin" "$work/x4" | grep -o 'max_rss_MB=.*')"

# one 50 MB line: linear time, memory a small multiple of the file
python3 - "$work/oneline.txt" <<'EOF'
import sys
unit = "Klow accuses Szohod of dumping steel on the market and Szohod denies it "
with open(sys.argv[1], "w") as f:
    f.write(unit * (50_000_000 // len(unit)))
EOF
echo "50 MB one line: $("$bin" "$work/oneline.txt")"

gold=../shared/corpus
if [ -f "$gold/gold-dev.tsv" ]; then
    echo "gold evidence:  $(python3 bench/bench_ingest_gold.py "$bin" "$gold/gold-dev.tsv" "$gold/dev" | tail -1)"
    echo "dev corpus:     $("$bin" "$gold/dev")"
    echo "dev --corpus:   $("$bin" --corpus "$gold/dev")"
fi
