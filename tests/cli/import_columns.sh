#!/usr/bin/env bash
# Imports never guess silently: a header with no known column name fails
# with the cells found and --map's syntax; Gephi's edge table takes Label
# as the relation; unknown columns are listed; day-first, month-name and
# --date-format dates, and the summary says which layouts were read;
# decimal commas with thousands dots; the analysis commands take --map,
# --delimiter and --date-format for the files they read.
source "$(dirname "$0")/lib/common.sh"
cd "$T"

# --- no recognised header: fail, nothing imported ------------------------------
printf 'Quelle;Ziel;Beziehung\nDeutschland;Huawei;verbietet\n' > de.csv
run 1 "$R" --no-lexicon --kb k.db import de.csv
has err.txt "de.csv:1: no column name recognised in the header (found: 'Quelle', 'Ziel', 'Beziehung')"
has err.txt "--map source=COL,target=COL"
has err.txt "--no-header"
printf 'GLOBALEVENTID,SQLDATE,Actor1Code\n1,20200101,USA\n' > gdelt.csv
run 1 "$R" --no-lexicon --kb k.db import gdelt.csv
has err.txt "found: 'GLOBALEVENTID', 'SQLDATE', 'Actor1Code'"
run 0 "$R" --no-lexicon --kb k.db import --map source=Quelle,target=Ziel,relation=Beziehung de.csv
run 0 "$R" --no-lexicon --kb k.db export --format csv
has out.txt "Deutschland,unknown,,Huawei,unknown,,verbietet"
hasnt out.txt "Quelle"

# --- Gephi's edge table ----------------------------------------------------------
printf 'Source,Target,Type,Id,Label,Weight\nTrump,TikTok,Directed,0,bans,2\nA,B,Directed,1,,1\n' > gephi.csv
run 0 "$R" --no-lexicon --kb g.db import gephi.csv
has err.txt "relation=Label"
has err.txt "not imported (unknown columns): Type (Gephi's edge direction), Id"
run 0 "$R" --no-lexicon --kb g.db export --format csv
has out.txt "Trump,unknown,,TikTok,unknown,,bans,2,1"
has out.txt "A,unknown,,B,unknown,,related,1,1"
hasnt out.txt "Directed"

# --- unknown columns are named; 1.234,5 with ';' ----------------------------------
printf 'source;target;relation;weight;note;scope\nA;B;bans;1.234,5;x;y\n' > eu.csv
run 0 "$R" --no-lexicon --kb e.db import eu.csv
has err.txt "not imported (unknown columns): note, scope"
run 0 "$R" --no-lexicon --kb e.db export --format csv
has out.txt "A,unknown,,B,unknown,,bans,1234.5,1"

# --- dates ----------------------------------------------------------------------------
cat > d.csv <<'EOF'
source,target,relation,date
A,B,bans,03.04.2020
A,B,bans,3 March 2020
A,B,bans,"March 5, 2020"
A,C,bans,04/05/2020
A,C,bans,13/05/2020
A,C,bans,04/06/2020
A,D,bans,the third of March
EOF
run 1 "$R" --no-lexicon --kb d.db import d.csv
has err.txt "dates read as: DD.MM.YYYY, DD/MM/YYYY, month names"
has err.txt "d.csv:5: date '04/05/2020' is ambiguous (day or month first?): give --date-format %d/%m/%Y or %m/%d/%Y"
has err.txt "d.csv:8: date 'the third of March' is not a date"
run 0 "$R" --no-lexicon --kb d.db export --format csv
for want in 2020-04-03 2020-03-03 2020-03-05 2020-05-13 2020-06-04; do has out.txt ",$want,"; done
printf 'source,target,relation,date\nA,B,bans,04/05/2020\n' > us.csv
run 0 "$R" --no-lexicon --kb u.db import --date-format %m/%d/%Y us.csv
has err.txt "dates read as: %m/%d/%Y (--date-format)"
run 0 "$R" --no-lexicon --kb u.db export --format csv
has out.txt ",2020-04-05,"
run 1 "$R" --no-lexicon --kb u2.db import --date-format %d.%m.%Y us.csv
has err.txt "does not match --date-format '%d.%m.%Y'"

# --- analysis commands reading files take the same options --------------------------
run 0 "$R" --no-lexicon stats --relation verbietet --map source=Quelle,target=Ziel,relation=Beziehung --delimiter ';' de.csv
has out.txt "Deutschland"
run 0 "$R" --no-lexicon export --format csv --date-format %m/%d/%Y us.csv
has out.txt ",2020-04-05,"
run 1 "$R" --no-lexicon centrality de.csv
has err.txt "no column name recognised"
echo ok
