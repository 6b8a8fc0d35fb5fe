#!/usr/bin/env bash
# relnet add: articles into the knowledge base with provenance; idempotent
# per article; bad files reported while the others are still added.
source "$(dirname "$0")/lib/common.sh"
cd "$T"

mkdir -p news/more
cat > news/ban.txt <<'EOF'
URL: https://news.example.test/ban

 date 2021-03-04 Kenya bans the Chatterly app
The app has been popular with students, the interior ministry said on Thursday.
Advertisement
EOF
cat > news/more/pact.html <<'EOF'
<html><head><title>Pact signed</title>
<meta property="article:published_time" content="2022-05-06T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<p>India and Japan signed the Tokyo Accord on data flows on Friday.</p>
<footer>Copyright 2022 Example News</footer></body></html>
EOF
printf 'PK\x03\x04\x00\x00binary' > news/broken.txt
: > news/empty.txt
printf 'India accused Kenya of spying \xff\xfe on its networks.\n' > news/bad-utf8.txt

run 1 "$R" --kb k.db add news
has err.txt "news/ban.txt: 1 relations added"
has err.txt "news/more/pact.html: 2 relations added"
has err.txt "news/broken.txt: binary file"
has err.txt "news/empty.txt: empty article"
has err.txt "news/bad-utf8.txt: invalid UTF-8 at byte 30"

run 0 "$R" --kb k.db export --format csv
has out.txt 'Kenya,country,,Chatterly'
has out.txt ',bans,1,1,asserted,'
has out.txt '2021-03-04,https://news.example.test/ban,Kenya bans the Chatterly app,1,0,'
has out.txt 'India,country,,Tokyo Accord'
has out.txt 'Japan,country,,Tokyo Accord'
has out.txt '2022-05-06,news/more/pact.html,Pact signed,1,0,India and Japan signed the Tokyo Accord'
has out.txt ',extracted'


# Idempotent: the same articles again add nothing.
before=$("$R" --kb k.db export --format csv | md5sum)
run 1 "$R" --kb k.db add news
has err.txt "news/ban.txt: already present, nothing added"
after=$("$R" --kb k.db export --format csv | md5sum)
[ "$before" = "$after" ] || fail "a second add changed the knowledge base"

# stdin
printf 'Kenya accused Uganda of election meddling.\n' | run 0 "$R" --kb k.db add -
has err.txt "-: 1 relations added"
run 2 "$R" --kb k.db add
has err.txt "no article given"
echo ok
