#!/usr/bin/env python3
"""include_cycles.py - fail when relnet's sources include each other in a cycle.

Data must flow one way (docs/ARCHITECTURE.md). Two levels are checked:

  modules  a module is a .c file with the header of the same name (public in
           include/relnet/ or private beside it): cli.c + cli.h, store.c +
           relnet/store.h. Module A depends on B when a file of A includes
           B's header. A cycle means neither can be understood first.
           A header with no .c of its name (src/extract/internal.h) is no
           module: what it includes counts as included by the files that
           include it.
  folders  the folder of a module (src/core, src/kb, ..., src for
           pipeline.c and lib.c).

Usage: include_cycles.py [ROOT]        (ROOT: the source tree, default ..)
       include_cycles.py --self-test   (a made-up tree with cycles must fail)
Exit 0 when there is no cycle, 1 with the cycles and the #include lines
that make them.
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def source_files(root):
    for top in ("src", "include"):
        for d, _, names in os.walk(os.path.join(root, top)):
            for n in sorted(names):
                if n.endswith((".c", ".h")):
                    yield os.path.relpath(os.path.join(d, n), root)


def resolve(root, path, name):
    """The repository file an #include "name" in path means, or None."""
    for cand in (os.path.join(os.path.dirname(path), name), os.path.join("include", name)):
        if os.path.isfile(os.path.join(root, cand)):
            return os.path.normpath(cand)
    return None  # generated at build time, or a system header


def module_of(path, c_files):
    """(module, folder) of a file: a header joins the .c of its name."""
    stem = os.path.splitext(os.path.basename(path))[0]
    d = os.path.dirname(path)
    if path.startswith("include" + os.sep):
        owners = [c for c in c_files if os.path.splitext(os.path.basename(c))[0] == stem]
        if len(owners) == 1:
            d = os.path.dirname(owners[0])
        else:
            return "include/" + stem, "include/" + stem
    return d + "/" + stem, d


def strongly_connected(graph):
    """Tarjan's algorithm: the components with more than one node."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def check(root):
    files = list(source_files(root))
    c_files = [f for f in files if f.endswith(".c")]
    stems = {(os.path.dirname(c), os.path.splitext(os.path.basename(c))[0]) for c in c_files}
    c_stems = {stem for _, stem in stems}

    def header_only(path):
        stem = os.path.splitext(os.path.basename(path))[0]
        if not path.endswith(".h"):
            return False
        if path.startswith("include" + os.sep):
            return stem not in c_stems
        return (os.path.dirname(path), stem) not in stems

    includes = {}
    for f in files:
        with open(os.path.join(root, f), encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        includes[f] = [(name, t) for name in INCLUDE.findall(text)
                       if (t := resolve(root, f, name))]

    def reached(f, seen):
        """The files f depends on, looking through header-only headers."""
        for name, t in includes[f]:
            if t in seen:
                continue
            seen.add(t)
            if header_only(t):
                for via, u in reached(t, seen):
                    yield f'{name} -> {via}', u
            else:
                yield name, t

    graphs = {"module": {}, "folder": {}}
    why = {"module": {}, "folder": {}}
    for f in files:
        if header_only(f):
            continue
        mod, folder = module_of(f, c_files)
        for name, target in reached(f, {f}):
            tmod, tfolder = module_of(target, c_files)
            for level, a, b in (("module", mod, tmod), ("folder", folder, tfolder)):
                graphs[level].setdefault(a, set())
                graphs[level].setdefault(b, set())
                if a != b:
                    graphs[level][a].add(b)
                    why[level].setdefault((a, b), f'{f}: #include "{name}"')
    cycles = 0
    for level in ("module", "folder"):
        for comp in strongly_connected(graphs[level]):
            cycles += 1
            print(f"{level} cycle: {' <-> '.join(comp)}")
            members = set(comp)
            for (a, b), line in sorted(why[level].items()):
                if a in members and b in members:
                    print(f"  {line}")
    return cycles


def self_test():
    """A tree with a module cycle and a folder cycle must be caught; the
    same tree with the back edge removed must pass."""
    with tempfile.TemporaryDirectory() as root:
        def write(path, text):
            os.makedirs(os.path.join(root, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(root, path), "w") as fh:
                fh.write(text)
        write("include/relnet/a.h", "")
        write("include/relnet/b.h", "")
        write("src/x/a.c", '#include "relnet/a.h"\n#include "relnet/b.h"\n')
        write("src/y/b.c", '#include "relnet/b.h"\n')
        if check(root) != 0:
            return "an acyclic tree was reported"
        write("src/y/b.c", '#include "relnet/b.h"\n#include "relnet/a.h"\n')
        if check(root) != 2:
            return "the module and folder cycle between a and b went unseen"
        # The same back edge through a private header that has no .c.
        write("src/y/b.c", '#include "relnet/b.h"\n#include "shared.h"\n')
        write("src/y/shared.h", '#include "relnet/a.h"\n')
        if check(root) != 2:
            return "the cycle through a header without a .c went unseen"
    return None


def main():
    if sys.argv[1:] == ["--self-test"]:
        err = self_test()
        print("self-test: " + (err or "ok"))
        return 1 if err else 0
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    cycles = check(root)
    if cycles:
        print(f"{cycles} include cycle(s): data must flow one way (docs/ARCHITECTURE.md)")
        return 1
    print("no include cycle between modules or folders")
    return 0


if __name__ == "__main__":
    sys.exit(main())
