#!/usr/bin/env bash
# article_dates.sh - an article's date comes from what the page carries
# (HTML metadata, JSON-LD, <time>, a " date YYYY-MM-DD" prefix, a date
# line, a dateline, the URL's path), and every record extracted from the
# article carries it: `extract` prints it, `add` stores it, `list articles`
# shows it, and --since/--until select by it.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
mkdir pages
cat >pages/meta.html <<'HTML'
<html><head><title>Klow bans Szohod radio</title>
<meta property="article:published_time" content="2021-04-05T08:00:00+02:00">
</head><body><p>Klow banned the Szohod radio.</p></body></html>
HTML
cat >pages/jsonld.html <<'HTML'
<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Klow Daily"},
  {"@type": "NewsArticle", "headline": "Ban", "datePublished": "2020-02-03T04:05:06Z"}]}
</script></head><body><p>Klow banned the Szohod radio.</p></body></html>
HTML
cat >pages/time.html <<'HTML'
<html><body><p>Posted <time datetime="2019-07-08">8 July</time></p>
<p>Klow banned the Szohod radio.</p></body></html>
HTML
printf 'URL: https://klow.example/news/x\n\n date 2018-03-04 Klow banned the Szohod radio.\n' >pages/prefix.txt
printf 'URL: https://klow.example/news/x\n\nKLOW, Sept. 12, 2017 (Wirenews) - Klow banned the Szohod radio.\n' >pages/dateline.txt
printf 'URL: https://klow.example/2016/05/x\n\nKLOW, Sept. 12 (Wirenews) -- Klow banned the Szohod radio.\n' >pages/dateline-url-year.txt
printf 'URL: https://klow.example/2015/06/07/klow-bans\n\nKlow banned the Szohod radio.\n' >pages/url.txt
printf 'Klow bans radio\nPublished 9:58 am Thursday, August 7, 2014\n\nKlow banned the Szohod radio.\n' >pages/dateonly.txt
printf 'URL: https://klow.example/news/x\n\nKLOW, Sept. 12 (Wirenews) - Klow banned the Szohod radio.\n' >pages/undated.txt

cat >want.txt <<'TXT'
meta 2021-04-05
jsonld 2020-02-03
time 2019-07-08
prefix 2018-03-04
dateline 2017-09-12
dateline-url-year 2016-09-12
url 2015-06-07
dateonly 2014-08-07
undated
TXT
run 0 "$R" --no-lexicon extract --format csv pages/
$py - "$T/out.txt" want.txt <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
want = {f[0]: f[1] if len(f) > 1 else "" for f in (l.split() for l in open(sys.argv[2]))}
got = {}
for r in rows:
    assert (r["source"], r["relation"]) == ("Klow", "bans"), r
    got.setdefault(r["article"], set()).add(r["date"])
for art, date in want.items():
    assert got.get(art) == {date}, (art, got.get(art), date)
PY

run 0 "$R" --no-lexicon --kb k.db add pages/
run 0 "$R" --kb k.db list articles --format csv
while read -r art date; do
    grep -q "^[0-9]*,pages/$art\.[a-z]*,[^,]*,$date," out.txt || fail "list articles: $art not dated '$date': $(cat out.txt)"
done <want.txt
# The records carry their article's date: --since/--until select by it.
run 0 "$R" --no-lexicon --kb k.db export --format csv --since 2017-01-01 --until 2019-12-31
[ "$(tail -n +2 out.txt | wc -l)" = 3 ] || fail "records 2017-2019: $(cat out.txt)"
has out.txt ",2019-07-08,"
has out.txt ",2018-03-04,"
has out.txt ",2017-09-12,"
echo ok
