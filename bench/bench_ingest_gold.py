#!/usr/bin/env python3
"""Check that ingest keeps every gold evidence sentence, and that the splitter
keeps each one inside a single sentence.

    bench_ingest_gold.py BENCH_INGEST_BINARY GOLD.tsv ARTICLE_DIR

Reads the gold TSV (evidence in column 9, article id in column 1), runs the
driver with --sentences over ARTICLE_DIR, and prints per evidence whether it
survived ingest (its words appear, in order, in the clean text) and whether
one sentence holds it. Matching is approximate: case, quotes, dashes and
white space are folded, and an evidence counts as kept when 90% of its words
are found in order. Exit status 1 when an evidence was lost.
"""
import re
import subprocess
import sys
from collections import defaultdict


def words(s):
    s = s.lower()
    s = re.sub(r"[\u2018\u2019\u201c\u201d'\"`\u2013\u2014\u2026\-]", " ", s)
    return re.findall(r"\w+", s)


def in_order_share(needle, hay):
    """Share of needle's words found in hay in order (greedy)."""
    if not needle:
        return 1.0
    pos, found = 0, 0
    index = defaultdict(list)
    for i, w in enumerate(hay):
        index[w].append(i)
    for w in needle:
        nxt = next((i for i in index.get(w, []) if i >= pos), None)
        if nxt is not None:
            found += 1
            pos = nxt + 1
    return found / len(needle)


def main():
    binary, gold, folder = sys.argv[1:4]
    out = subprocess.run([binary, "--sentences", folder], capture_output=True, text=True,
                         check=True).stdout
    sents = defaultdict(list)
    for line in out.splitlines():
        art, _, text = line.partition("\t")
        sents[art].append(words(text))
    rows = [l.rstrip("\n").split("\t") for l in open(gold, encoding="utf-8")][1:]
    seen = set()
    kept = split_ok = total = 0
    for r in rows:
        art, ev = r[0], r[8]
        if (art, ev) in seen:
            continue
        seen.add((art, ev))
        total += 1
        ew = words(ev)
        alltext = [w for s in sents[art] for w in s]
        ok = in_order_share(ew, alltext) >= 0.9
        kept += ok
        one = any(in_order_share(ew, s) >= 0.9 for s in sents[art])
        split_ok += one
        if not ok or not one:
            print(f"{'LOST' if not ok else 'SPLIT'} {art}: {ev[:100]}")
    print(f"distinct gold evidence sentences: {total}; kept by ingest: {kept}; "
          f"inside one sentence: {split_ok}")
    return 0 if kept == total else 1


if __name__ == "__main__":
    sys.exit(main())
