#!/usr/bin/python3
"""Deterministic synthetic news corpus for the article benchmarks
(bench_extract.sh, run.sh): text pages of about 6 KB built from sentence
templates written for these benchmarks (states, companies and people of the
shipped actors.tsv; triggers, lists, passives, pronouns, filler).

usage: gen_articles.py OUTDIR MB
"""
import os, random, sys
out, mb = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
rnd = random.Random(7)
states = ["Norway", "Chile", "Kenya", "Brazil", "India", "Japan", "Canada", "Australia",
          "the United States", "China", "Russia", "the UK", "France", "Germany", "Nigeria"]
dem = ["Norwegian", "Chilean", "Kenyan", "Brazilian", "Indian", "Japanese", "Canadian",
       "Australian", "American", "Chinese", "Russian", "British", "French", "German"]
firms = ["Huawei", "ZTE", "TikTok", "WeChat", "Telegram", "WhatsApp", "Signal", "Twitter"]
docs = ["the Lima Pact", "the Oslo Accord", "the Data Charter", "a new privacy bill",
        "the Digital Trade Agreement", "a plan on cyber norms"]
T = [
    "{s} banned {f} on {d}, citing security concerns.",
    "{f} has been banned in {s} since last year.",
    "{s}, {s2}, and {s3} signed {doc} at the summit.",
    "The {dm} foreign ministry accused {s2} of spying on its firms.",
    "A {dm} official said the move was a mistake and that it would respond.",
    "It plans to ban {f} before the election, officials said.",
    "{s} proposed {doc} during the talks in the capital.",
    "The ban on {f} by {s} was criticised by industry groups.",
    "{s} declined to sign {doc}, and {s2} did not comment.",
    "Analysts expect the market to recover slowly in the coming months.",
    "Prices rose by 3.5 per cent in the first quarter, the statistics office said.",
    "Twelve countries endorsed {doc}. They include {s2} and {s3}.",
    "{s} blamed the outage on {s2} in a statement on {d}.",
    "Foreign Minister Ana Lopez said {s} would not be bullied by anyone.",
    "The company said it had complied with all local laws and regulations.",
]
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
total, n = 0, 0
target = mb * 1024 * 1024
while total < target:
    lines = ["URL: https://example.org/news/%d" % n, ""]
    size = 0
    while size < 6000:
        para = " ".join(rnd.choice(T).format(
            s=rnd.choice(states), s2=rnd.choice(states), s3=rnd.choice(states),
            dm=rnd.choice(dem), f=rnd.choice(firms), doc=rnd.choice(docs),
            d=rnd.choice(days)) for _ in range(rnd.randint(2, 5)))
        para = para[0].upper() + para[1:]
        lines.append(para)
        lines.append("")
        size += len(para) + 2
    text = "\n".join(lines)
    with open(os.path.join(out, "a%06d.txt" % n), "w") as f:
        f.write(text)
    total += len(text.encode())
    n += 1
print("generated %d articles, %.1f MB" % (n, total / 1048576))
