#!/usr/bin/env bash
# lexicon_actors.sh - validate data/lexicon/actors.tsv (the actor gazetteer).
#
# The extractor trusts this file's shape, and a surface form claimed by two
# actors would make it resolve names at random, so the checks here are the
# file's contract:
#   - header line first, exactly `name type affiliation aliases demonyms`;
#   - valid UTF-8, no CR, no double quotes (the file is never quoted);
#   - every row has 5 tab-separated fields, a non-empty name and a known type;
#   - no field, alias or demonym is empty inside a list or padded with spaces;
#   - every affiliation is a row above the one that names it (so a loader
#     reading top-down can resolve it, and chains cannot loop); companies
#     have no affiliation;
#   - demonyms only on countries, organizations and groups;
#   - no key (name, alias or demonym after folding case, accents, dots,
#     apostrophes, symbols and a leading "the", as rn_text_key does) belongs
#     to two actors;
#   - no surname-only alias for a person;
#   - the actors the rest of relnet relies on are present, and all 193 UN
#     members are there (at least 193 country rows).
# The checker is also run on small broken files, each of which must fail.
set -euo pipefail

src_dir=${RELNET_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
actors=$src_dir/data/lexicon/actors.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check FILE: print "FILE:LINE: problem" lines and return non-zero on any.
check() {
    local file=$1
    [[ -r $file ]] || { echo "$file: cannot read"; return 1; }
    iconv -f UTF-8 -t UTF-8 "$file" >/dev/null 2>&1 || { echo "$file: not valid UTF-8"; return 1; }
    LC_ALL=C awk -F'\t' -v file="$file" '
    function bad(msg) { printf "%s:%d: %s\n", file, FNR, msg; errors++ }

    # The key of a name, mirroring rn_text_key in src/text.c for the
    # characters this file uses: accents stripped, case folded, dashes,
    # slashes, commas, brackets, plus and bar become spaces, every other
    # symbol is dropped, spaces collapse, a leading "the" goes.
    function key(s,    i, n) {
        s = tolower(s)
        for (i = 1; i <= nfold; i++)
            gsub(fold_from[i], fold_to[i], s)
        gsub(/\xe2\x80[\x90-\x95]/, " ", s)     # Unicode hyphens and dashes
        gsub(/[-_\/,;:()\[\]{}+| \t]/, " ", s)
        gsub(/[^a-z0-9 ]/, "", s)
        gsub(/ +/, " ", s)
        sub(/^ /, "", s)
        sub(/ $/, "", s)
        if (substr(s, 1, 4) == "the " && length(s) > 4)
            s = substr(s, 5)
        return s
    }

    function claim(form, what,    k) {
        if (form == "") {
            bad("empty " what " in list")
            return
        }
        if (form ~ /^ / || form ~ / $/)
            bad(what " \"" form "\" has leading or trailing spaces")
        k = key(form)
        if (k == "") {
            bad(what " \"" form "\" folds to an empty key")
            return
        }
        if ((k in owner) && owner[k] != name)
            bad(what " \"" form "\" (key \"" k "\") also belongs to \"" owner[k] "\" (line " owner_line[k] ")")
        else if (!(k in owner)) {
            owner[k] = name
            owner_line[k] = FNR
        }
    }

    BEGIN {
        split("country organization company person group", t, " ")
        for (i in t) known_type[t[i]] = 1
        # UTF-8 accented letters (lower and upper case) to their base letter.
        nfold = split("á à â ä ã å ā Á À Â Ä Å ç ć č Ç Č é è ê ë ē ě É È Ê Ë í ì î ï ī ı Í Î ñ ń Ñ ó ò ô ö õ ø ō ő Ó Ö Ø ú ù û ü ū ů ű Ú Ü ý ÿ Ý ś š ş ș Ś Š Ş ź ž ż Ž ř Ř ł Ł ğ ț ţ đ", fold_from, " ")
        split("a a a a a a a a a a a a c c c c c e e e e e e e e e e i i i i i i i i n n n o o o o o o o o o o o u u u u u u u u u y y y s s s s s s s z z z z r r l l g t t d", fold_to, " ")
        # ʼ ʻ ’ ‘ are symbols: dropped like the ASCII apostrophe.
        fold_from[++nfold] = "\xca\xbc|\xca\xbb|\xe2\x80\x99|\xe2\x80\x98"; fold_to[nfold] = ""
    }

    /\r/ { bad("carriage return (use LF line ends)") }

    FNR == 1 {
        if ($0 != "name\ttype\taffiliation\taliases\tdemonyms")
            bad("expected the header \"name<TAB>type<TAB>affiliation<TAB>aliases<TAB>demonyms\"")
        next
    }
    /^#/ || /^[ \t]*$/ { next }
    /"/ { bad("double quote (the file is never quoted)") }

    {
        if (NF != 5) {
            bad("expected 5 tab-separated fields, found " NF)
            next
        }
        name = $1
        for (i = 1; i <= 5; i++)
            if ($i ~ /^ / || $i ~ / $/)
                bad("field " i " has leading or trailing spaces")
        if (name == "") {
            bad("empty name")
            next
        }
        if (!($2 in known_type))
            bad("unknown type \"" $2 "\" (expected country, organization, company, person or group)")
        if (name in row_line)
            bad("duplicate name \"" name "\" (first on line " row_line[name] ")")
        if ($3 == name)
            bad("\"" name "\" is affiliated with itself")
        else if ($3 != "" && !($3 in row_line))
            bad("affiliation \"" $3 "\" is not a row above this one")
        row_line[name] = FNR
        if ($2 == "company" && $3 != "")
            bad("company \"" name "\" has an affiliation (companies stay unaffiliated)")
        if ($5 != "" && $2 != "country" && $2 != "organization" && $2 != "group")
            bad("demonyms on a " $2 " row")

        claim(name, "name")
        n = ($4 == "") ? 0 : split($4, a, "|")
        for (i = 1; i <= n; i++)
            claim(a[i], "alias")
        m = ($5 == "") ? 0 : split($5, d, "|")
        for (i = 1; i <= m; i++)
            claim(d[i], "demonym")

        if ($2 == "person") {
            # A one-word alias that is the last word of a full form is a
            # bare surname; the extractor derives those itself.
            nsur = 0
            c = split(name, w, " ")
            surname[++nsur] = tolower(w[c])
            for (i = 1; i <= n; i++)
                if (index(a[i], " ")) {
                    c = split(a[i], w, " ")
                    surname[++nsur] = tolower(w[c])
                }
            for (i = 1; i <= n; i++) {
                if (index(a[i], " "))
                    continue
                for (j = 1; j <= nsur; j++)
                    if (tolower(a[i]) == surname[j])
                        bad("person alias \"" a[i] "\" is a bare surname")
            }
        }
        if ($2 == "country")
            countries++
    }

    END {
        if (need_all) {
            nreq = split("United States|United Kingdom|China|Russia|India|Japan|Australia|Canada|New Zealand|South Korea|North Korea|Taiwan|Hong Kong|European Union|European Commission|United Nations|NATO|Five Eyes|Chinese Foreign Ministry|Ministry of Electronics and Information Technology|National Cyber Security Centre|GRU|Huawei|ZTE|TikTok|ByteDance|WeChat|Xi Jinping|Wang Yi|Zhao Lijian|Donald Trump|Mike Pompeo", req, "|")
            for (i = 1; i <= nreq; i++)
                if (!(req[i] in row_line)) {
                    printf "%s: required actor \"%s\" is missing\n", file, req[i]
                    errors++
                }
            if (countries < 193) {
                printf "%s: only %d country rows (all 193 UN members are expected)\n", file, countries
                errors++
            }
        }
        exit errors > 0
    }' need_all="${2:-0}" "$file"
}

# The real file must pass, with the coverage checks on.
if ! check "$actors" 1; then
    echo "FAIL: $actors does not validate" >&2
    exit 1
fi

# Each broken file must be rejected, and for the stated reason.
header=$'name\ttype\taffiliation\taliases\tdemonyms'
expect_reject() {
    local label=$1 pattern=$2 out
    shift 2
    printf '%s\n' "$@" > "$tmp/$label.tsv"
    if out=$(check "$tmp/$label.tsv"); then
        echo "FAIL: broken file '$label' was accepted" >&2
        exit 1
    fi
    if ! grep -q -- "$pattern" <<<"$out"; then
        echo "FAIL: broken file '$label' rejected for the wrong reason:" >&2
        echo "$out" >&2
        exit 1
    fi
}
expect_reject no-header "expected the header" \
    $'China\tcountry\t\tBeijing\tChinese'
expect_reject columns "expected 5 tab-separated fields" \
    "$header" $'China\tcountry\tBeijing\tChinese'
expect_reject type "unknown type" \
    "$header" $'China\tnation\t\tBeijing\tChinese'
expect_reject duplicate "duplicate name" \
    "$header" $'China\tcountry\t\t\t' $'China\tcountry\t\t\t'
expect_reject affiliation "is not a row above" \
    "$header" $'Wang Yi\tperson\tChina\t\t'
expect_reject affiliation-order "is not a row above" \
    "$header" $'Wang Yi\tperson\tChina\t\t' $'China\tcountry\t\t\t'
expect_reject self "affiliated with itself" \
    "$header" $'China\tcountry\tChina\t\t'
expect_reject shared-alias "also belongs to" \
    "$header" $'United States\tcountry\t\tU.S.\tAmerican' $'Mauritius\tcountry\t\tUS\t'
expect_reject folded-alias "also belongs to" \
    "$header" $'Turkey\tcountry\t\tTürkiye\tTurkish' $'Turkiye Bank\tcompany\t\tthe TURKIYE\t'
expect_reject empty-alias "empty alias" \
    "$header" $'China\tcountry\t\tBeijing||PRC\tChinese'
expect_reject surname "bare surname" \
    "$header" $'United States\tcountry\t\t\t' $'Joe Biden\tperson\tUnited States\tBiden\t'
expect_reject company-aff "companies stay unaffiliated" \
    "$header" $'China\tcountry\t\t\t' $'Huawei\tcompany\tChina\t\t'
expect_reject quoted "double quote" \
    "$header" $'"China"\tcountry\t\t\t'
# The coverage checks run only when asked (the broken files above are small).
printf '%s\n' "$header" $'China\tcountry\t\t\tChinese' > "$tmp/small.tsv"
if check "$tmp/small.tsv" 1 >/dev/null; then
    echo "FAIL: a file without the required actors passed the coverage check" >&2
    exit 1
fi
check "$tmp/small.tsv" >/dev/null || { echo "FAIL: a small valid file was rejected" >&2; exit 1; }

echo "ok: $actors"
