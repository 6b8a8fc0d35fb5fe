#!/usr/bin/env python3
"""Generate a synthetic corpus of scraped-looking articles for bench_ingest.sh.

    bench_ingest_gen.py OUT_DIR N_TEXT N_HTML [SEED]

Every sentence comes from the small grammar below (written for this
benchmark); pages get the kinds of furniture real scrapes have: menus, ad
markers, share buttons, teasers, newsletter boxes, copyright lines, and, for
HTML, nav/footer/aside/script/style and class-marked boxes. Deterministic for
a given seed.
"""
import os
import random
import sys

ACTORS = ["China", "the United States", "India", "the European Commission", "Japan",
          "Australia", "the Foreign Ministry", "Ms. Ortega", "Dr. Lindqvist",
          "the U.K. government", "Acme Corp.", "the regulator", "Gen. Abara",
          "the Five Nations group", "Nordland", "the ministry of trade"]
VERBS = ["accused", "criticised", "banned", "proposed a framework with", "signed a pact with",
         "blamed", "warned", "sanctioned", "praised", "met"]
TAILS = ["of spying on its networks", "over the data rules", "after talks in Geneva",
         "on Sept. 12", "in a statement on Tuesday", "for the 3.5 billion deal",
         "citing security concerns", "despite protests", "at the summit",
         "according to officials"]
MENU = ["Home", "World", "Politics", "Business", "Tech", "Opinion", "Sport", "Video"]
BOILER = ["Advertisement", "Share this article", "Subscribe to our daily newsletter",
          "ALSO READ: Nordland bans imports of tin", "Read more:", "Copyright 2024 Example Media",
          "Photo: Reuters", "We use cookies to improve your experience on our site.",
          "Written by", "Follow us on Twitter"]


def sentence(rng):
    s = f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(ACTORS)} {rng.choice(TAILS)}."
    s = s[0].upper() + s[1:]
    if rng.random() < 0.2:
        s = f"\u201c{s[:-1]},\u201d a spokesperson said."
    return s


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))


def text_article(rng, i):
    lines = [f"URL: https://news.example/{i}", ""]
    lines += rng.sample(MENU, 5)
    lines.append("")
    lines.append(f" date 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} " + paragraph(rng))
    for _ in range(rng.randint(6, 20)):
        lines.append("")
        lines.append(paragraph(rng) if rng.random() > 0.15 else rng.choice(BOILER))
    lines += ["", "Subscribe to our daily newsletter", "\u00a9 2024 Example Media"]
    return "\n".join(lines) + "\n"


def html_article(rng, i):
    body = "".join(f"<p>{paragraph(rng)}</p>\n" for _ in range(rng.randint(6, 20)))
    nav = "".join(f"<li><a href='/{m}'>{m}</a></li>" for m in MENU)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{sentence(rng)[:-1]} | Example News</title>
<meta property="article:published_time" content="2024-03-1{i % 10}T10:00:00Z">
<link rel="canonical" href="https://news.example/a/{i}">
<style>body {{ font: 12px sans-serif }}</style>
<script>var tracker = {{ id: {i} }};</script></head>
<body><nav><ul>{nav}</ul></nav>
<article><h1>{sentence(rng)[:-1]}</h1>
<div class="share-buttons"><a>Facebook</a> <a>Twitter</a></div>
{body}<figure><img src="x.jpg"><figcaption>{sentence(rng)}</figcaption></figure>
<div class="newsletter-signup">Sign up for our newsletter &amp; get news daily</div>
</article>
<aside class="related-articles"><h3>Related</h3><ul><li>{sentence(rng)}</li></ul></aside>
<footer>&copy; 2024 Example Media. All rights reserved.</footer></body></html>
"""


def main():
    out, n_text, n_html = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 42)
    os.makedirs(out, exist_ok=True)
    for i in range(n_text):
        with open(os.path.join(out, f"t{i:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(text_article(rng, i))
    for i in range(n_html):
        with open(os.path.join(out, f"h{i:06d}.html"), "w", encoding="utf-8") as f:
            f.write(html_article(rng, i))


if __name__ == "__main__":
    main()
