# common.sh - what every command test shares; source it first. (It lives in
# a subdirectory so CMake's tests/cli/*.sh glob does not take it for a test.)
#
#   R         the relnet binary under test ($RELNET_BIN)
#   T         a scratch directory, removed on exit
#   py        Debian's python3 when there is one (it has NetworkX), else python3
#   fail MSG  stop the test
#   run CODE CMD...   run CMD with stdout/stderr in $T/out.txt and $T/err.txt
#                     and fail unless it exits with CODE
#   has FILE TEXT / hasnt FILE TEXT   TEXT (literal) is / is not in FILE
#   well_formed FILE  FILE parses as XML
#   kb_dump KB        every row of every table of a knowledge base, ids
#                     included (times of adding left out), on stdout
set -euo pipefail
R=${RELNET_BIN:?set RELNET_BIN to the relnet binary}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
py=/usr/bin/python3
[[ -x $py ]] || py=python3

fail() { echo "FAIL: $*" >&2; exit 1; }
run() {
    local want=$1; shift
    set +e; "$@" >"$T/out.txt" 2>"$T/err.txt"; local got=$?; set -e
    [ "$got" -eq "$want" ] || { cat "$T/err.txt" >&2; fail "exit $got, wanted $want: $*"; }
}
has() { grep -qF -- "$2" "$1" || { echo "--- $1:" >&2; cat "$1" >&2; fail "'$2' not in $1"; }; }
hasnt() { ! grep -qF -- "$2" "$1" || fail "'$2' unexpectedly in $1"; }
kb_dump() {
    "$py" - "$1" <<'EOF'
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
stamp = re.compile(r"'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'")
for (t,) in db.execute("select name from sqlite_master where type='table' order by name"):
    for row in sorted(repr(r) for r in db.execute("select * from %s" % t)):
        print(t, stamp.sub("'(time)'", row))
EOF
}
well_formed() {
    if command -v xmllint >/dev/null; then
        xmllint --noout --nonet "$1" || fail "$1 is not well-formed XML"
    else
        $py -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$1" ||
            fail "$1 is not well-formed XML"
    fi
}
