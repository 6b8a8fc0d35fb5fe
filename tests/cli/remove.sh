#!/usr/bin/env bash
# remove.sh - relnet list imports|articles, relnet remove --import ID |
# --article PATH, and import --replace: one transaction each, the summary
# says what went, and the knowledge base afterwards is the one that would
# have been built without what was removed (same exports, no entity,
# article or relation type left over).
source "$(dirname "$0")/lib/common.sh"
cd "$T"
export RELNET_KB=$T/kb.db

cat >e1.csv <<'CSV'
source,target,relation,date
Alpha,Beta,accuses,2021-01-02
Beta,Gamma,bans,2021-02-03
CSV
# e2 shares Alpha, brings its own relation type, an article named by URL and
# a person with an affiliation that nothing else names.
cat >e2.csv <<'CSV'
source,target,relation,url,title,source_affiliation
Alpha,Delta,criticizes,https://example.org/a,"A page, titled",
Jo Smith,Alpha,accuses,,,Epsilonia
CSV

# The database invariants: nothing dangling, nothing orphaned.
check_kb() {
    $py - "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
assert c.execute("pragma foreign_key_check").fetchall() == []
orphans = c.execute("""select name from entities where id not in
    (select source_id from relations union select target_id from relations
     union select affiliation_id from entities where affiliation_id is not null)""").fetchall()
assert orphans == [], orphans
assert c.execute("select count(*) from aliases where entity_id not in (select id from entities)").fetchone()[0] == 0
assert c.execute("""select count(*) from relation_types where builtin = 0
    and id not in (select type_id from relations)""").fetchone()[0] == 0
assert c.execute("""select count(*) from articles where content_hash is null
    and id not in (select article_id from relations where article_id is not null)""").fetchone()[0] == 0
PY
}

# ---- remove --import ------------------------------------------------------
run 0 "$R" --no-lexicon --kb only1.db import e1.csv
run 0 "$R" --no-lexicon --kb only1.db export --format csv -o only1.csv
run 0 "$R" --no-lexicon --kb only1.db export --format nodes -o only1-nodes.csv

run 0 "$R" --no-lexicon import e1.csv e2.csv
run 0 "$R" list imports
has out.txt "id  path"
grep -Eq '^1 +e1\.csv +2 +2 +0 +20[0-9-]+T' out.txt || fail "list imports: $(cat out.txt)"
grep -Eq '^2 +e2\.csv +2 +2 +0 ' out.txt || fail "list imports: $(cat out.txt)"
run 0 "$R" list imports --format csv
has out.txt "id,path,relations,rows_read,rows_skipped,imported_at"
has out.txt "2,e2.csv,2,2,0,"
run 0 "$R" list articles --format json
has out.txt '"path": "https://example.org/a"'
has out.txt '"title": "A page, titled"'
has out.txt '"relations": 1'

run 0 "$R" --no-lexicon remove --import 2
has err.txt "removed import 2 (e2.csv): 2 relations, 3 entities no relation names any more, 1 article, 1 relation type"
check_kb kb.db
run 0 "$R" --no-lexicon export --format csv -o after.csv
cmp only1.csv after.csv || fail "export after remove differs from e1.csv alone"
run 0 "$R" --no-lexicon export --format nodes -o after-nodes.csv
cmp only1-nodes.csv after-nodes.csv || fail "nodes after remove differ from e1.csv alone"
run 0 "$R" list articles
has err.txt "no articles in"
run 0 "$R" query Alpha
hasnt out.txt "Jo Smith"
run 1 "$R" query Epsilonia
run 1 "$R" remove --import 2
has err.txt "no import 2 (see 'relnet list imports')"
# Removed, it can come back.
run 0 "$R" --no-lexicon import e2.csv
has err.txt "e2.csv: 2 rows read, 2 records imported"

# ---- import --replace -----------------------------------------------------
printf 'Quelle,Ziel,Art\nAlpha,Omega,proposes\n' >de.csv
run 0 "$R" --no-lexicon import --map source=Quelle,target=Ziel de.csv
run 0 "$R" --no-lexicon import --map source=Quelle,target=Ziel,relation=Art de.csv
has err.txt "de.csv: already present (import de.csv), nothing added; to import it again (say, with another --map), use --replace"
run 0 "$R" list imports
id=$(awk '$2 == "de.csv" {print $1}' out.txt)
run 0 "$R" --no-lexicon import --replace --map source=Quelle,target=Ziel,relation=Art de.csv
has err.txt "removed import $id (de.csv): 1 relation, 0 entities no relation names any more, 1 relation type"
has err.txt "de.csv: 1 rows read, 1 records imported"
check_kb kb.db
run 0 "$R" --no-lexicon export --format csv
has out.txt "Alpha,unknown,,Omega,unknown,,proposes,"
hasnt out.txt ",related,"
run 0 "$R" list imports
[ "$(grep -c ' de\.csv ' out.txt)" = 1 ] || fail "de.csv listed $(grep -c ' de\.csv ' out.txt) times"
# A changed file replaces the import of the same path.
printf 'Quelle,Ziel,Art\nAlpha,Omega,signs\n' >de.csv
run 0 "$R" --no-lexicon import --replace --map source=Quelle,target=Ziel,relation=Art de.csv
has err.txt "(de.csv): 1 relation,"
run 0 "$R" --no-lexicon export --format csv
has out.txt "Alpha,unknown,,Omega,unknown,,signs,"
hasnt out.txt ",proposes,"
# stdin with the same content replaces the file's import.
run 0 "$R" --no-lexicon import --replace - <e1.csv
has err.txt "removed import 1 (e1.csv): 2 relations, 0 entities no relation names any more"
run 0 "$R" list imports
hasnt out.txt "e1.csv"
has out.txt " -  "
check_kb kb.db
# An import replaced in a transaction that fails leaves the earlier one.
printf 'Quelle,Ziel,Art\nAlpha,Omega,signs\n,Omega,bans\n' >de.csv
run 0 "$R" --no-lexicon export --format csv -o before.csv
run 1 "$R" --no-lexicon import --strict --replace --map source=Quelle,target=Ziel,relation=Art de.csv
run 0 "$R" --no-lexicon export --format csv -o after.csv
cmp before.csv after.csv || fail "a failed --replace changed the knowledge base"

# ---- remove --article -----------------------------------------------------
mkdir arts
printf 'Row over spying\n\nChina accused the United States of spying on its companies.\n' >arts/a1.txt
printf 'Apps banned\n\nIndia banned TikTok and WeChat.\n\nFrance signed the Paris Agreement.\n' >arts/a2.txt
run 0 "$R" --kb arts1.db add arts/a1.txt
run 0 "$R" --kb arts1.db export --format csv -o arts1.csv
run 0 "$R" --kb arts.db add arts/a1.txt arts/a2.txt
run 0 "$R" --kb arts.db list articles
grep -Eq '^2 +arts/a2\.txt +3 ' out.txt || fail "list articles: $(cat out.txt)"
run 0 "$R" --kb arts.db remove --article arts/a2.txt
has err.txt "removed article arts/a2.txt: 3 relations, 5 entities no relation names any more, 1 article"
check_kb arts.db
run 0 "$R" --kb arts.db export --format csv -o arts-after.csv
cmp arts1.csv arts-after.csv || fail "export after removing a2 differs from a1 alone"
run 0 "$R" --kb arts.db add arts/a2.txt
hasnt err.txt "already present"
run 1 "$R" --kb arts.db remove --article arts/none.txt
has err.txt "no article arts/none.txt (see 'relnet list articles')"

# ---- usage ------------------------------------------------------------------
run 2 "$R" remove
has err.txt "say what to remove: --import ID or --article PATH"
run 2 "$R" remove --import 1 --article arts/a1.txt
run 2 "$R" remove --import 0
run 2 "$R" list
run 2 "$R" list entities
has err.txt "cannot list 'entities' (expected imports or articles)"
run 1 "$R" --kb missing.db remove --import 1
has err.txt "no knowledge base at missing.db"
[ ! -e missing.db ] || fail "remove created a knowledge base"
echo ok
