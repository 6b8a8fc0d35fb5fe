#!/usr/bin/python3
"""Peer for the import benchmark: what a user would script instead of
`relnet import FILE.csv` -- Python's csv reader feeding SQLite through
executemany (names mapped to ids in a dict, one transaction, WAL).

usage: import_peer_sqlite.py FILE.csv DB
"""
import csv
import sqlite3
import sys


def main():
    db = sqlite3.connect(sys.argv[2], isolation_level=None)
    db.execute("pragma journal_mode=wal")
    db.execute("pragma synchronous=normal")
    db.execute("create table entities(id integer primary key, name text unique)")
    db.execute("create table relations(id integer primary key, source_id int, target_id int,"
               " relation text, weight real)")
    ids = {}

    def eid(name):
        i = ids.get(name)
        if i is None:
            i = ids[name] = len(ids) + 1
            db.execute("insert into entities values (?, ?)", (i, name))
        return i

    db.execute("begin")
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        db.executemany("insert into relations(source_id, target_id, relation, weight)"
                       " values (?,?,?,?)",
                       ((eid(s), eid(t), rel, float(w)) for s, t, rel, w in rows))
    db.execute("commit")


if __name__ == "__main__":
    main()
