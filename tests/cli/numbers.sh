#!/usr/bin/env bash
# Numbers print as people write them: floating-point residue (1e-17) is 0
# and sums such as 0.1 + 0.2 print as 0.3, in tables, CSV and JSON.
source "$(dirname "$0")/lib/common.sh"
cd "$T"
printf 'source,target,relation,weight\nA,B,bans,0.1\nA,B,bans,0.2\nB,A,bans,1e-17\n' > n.csv
run 0 "$R" --no-lexicon centrality --format csv n.csv
has out.txt "A,unknown,1,1,0,0.3,"
has out.txt "B,unknown,1,1,0.3,0,"
hasnt out.txt "e-17"
hasnt out.txt "0.30000000000000004"
run 0 "$R" --no-lexicon centrality --format json n.csv
hasnt out.txt "e-17"
hasnt out.txt "0.30000000000000004"
run 0 "$R" --no-lexicon centrality n.csv
hasnt out.txt "e-17"
echo ok
