#!/usr/bin/python3
"""Peer for bench/run.sh (centrality-*): python3-networkx doing what
`relnet centrality FILE.csv --measure pagerank --top 20` does.

Reads the CSV with the csv module, sums the weights of parallel edges into
one DiGraph edge (PageRank on a weighted multigraph equals PageRank on the
graph with summed weights), runs networkx.pagerank (scipy power iteration,
weight="weight", alpha 0.85) and prints the top 20 as "name<TAB>score".

usage: centrality_peer_networkx.py FILE.csv
"""
import csv
import sys

import networkx as nx


def main():
    g = nx.DiGraph()
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        for r in rows:
            s, t, w = r[0], r[1], float(r[3])
            d = g.get_edge_data(s, t)
            if d is None:
                g.add_edge(s, t, weight=w)
            else:
                d["weight"] += w
    pr = nx.pagerank(g, alpha=0.85, weight="weight")
    top = sorted(pr.items(), key=lambda kv: -kv[1])[:20]
    for name, score in top:
        print("%s\t%.6g" % (name, score))


if __name__ == "__main__":
    main()
