#!/usr/bin/python3
"""Peer for bench/run.sh (centrality-*): python3-igraph doing what
`relnet centrality FILE.csv --measure pagerank --top 20` does.

Reads the CSV with the csv module (header source,target,relation,weight),
streams the rows into Graph.TupleList as a generator (names -> vertex ids,
parallel edges kept, weights as an edge attribute; no Python list of all
edges, which would cost 404 MB instead of 233 MB on 1M edges), runs weighted directed PageRank and
prints the top 20 as "name<TAB>score".

usage: centrality_peer_igraph.py FILE.csv
"""
import csv
import sys

import igraph


def main():
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        g = igraph.Graph.TupleList(((r[0], r[1], float(r[3])) for r in rows),
                                   directed=True, weights=True)
    pr = g.pagerank(weights="weight", directed=True, damping=0.85)
    top = sorted(range(len(pr)), key=lambda i: (-pr[i], i))[:20]
    names = g.vs["name"]
    for i in top:
        print("%s\t%.6g" % (names[i], pr[i]))


if __name__ == "__main__":
    main()
