#!/usr/bin/env bash
# options.sh - every command's --help comes from its option table: each
# option listed exactly once, every listed option accepted, a mistyped one
# answered with "did you mean" and exit 2, and the defaults it shows are the
# command's own (export and query keep every polarity, stats counts accuses).
source "$(dirname "$0")/lib/common.sh"

commands=$("$R" --help | sed -n '/^commands:/,/^$/p' | awk 'NF && !/^commands:/ {print $1}')
[[ $(wc -w <<<"$commands") -ge 10 ]] || fail "command list: $commands"

# The long options a help text lists, one per line, in order.
long_options() { grep -oE '^(  -[[:alnum:]], |      )--[a-z][a-z-]*' "$1" | grep -oE -- '--[a-z-]+'; }
# The help text on one line, so a wrapped line reads as written.
flat() { tr '\n' ' ' <"$1" | tr -s ' '; }

for cmd in $commands; do
    run 0 "$R" "$cmd" --help
    cp "$T/out.txt" "$T/$cmd.help"
    has "$T/$cmd.help" "usage: relnet $cmd"
    long_options "$T/$cmd.help" >"$T/$cmd.opts"
    [[ -s $T/$cmd.opts ]] || fail "$cmd --help lists no options"
    dup=$(sort "$T/$cmd.opts" | uniq -d)
    [[ -z $dup ]] || fail "$cmd --help lists $dup more than once"
    for opt in --kb --quiet --no-lexicon --help; do
        grep -qx -- "$opt" "$T/$cmd.opts" || fail "$cmd --help lacks global option $opt"
    done
    # 'relnet help CMD' is the same text.
    run 0 "$R" help "$cmd"
    cmp -s "$T/out.txt" "$T/$cmd.help" || fail "relnet help $cmd differs from $cmd --help"
    # Every option listed is one the command takes (getopt knows it), and
    # the same name with a letter slipped in gets it suggested.
    while read -r opt; do
        name=${opt#--}
        typo="--${name:0:2}x${name:2}"
        run 2 "$R" "$cmd" "$typo"
        has "$T/err.txt" "relnet $cmd: unknown option '$typo'; did you mean"
        has "$T/err.txt" "'$opt'"
        has "$T/err.txt" "see 'relnet $cmd --help'"
    done <"$T/$cmd.opts"
done

# A long option with no near name gets no suggestion, still exit 2.
run 2 "$R" stats --zzzzzzzz
has "$T/err.txt" "unknown option '--zzzzzzzz'"
hasnt "$T/err.txt" "did you mean"
# Values: missing, given to a flag, and rejected by the option's own check.
run 2 "$R" stats --top
has "$T/err.txt" "option '--top' needs a value"
run 2 "$R" stats --matrix=yes
has "$T/err.txt" "option '--matrix' takes no value"
run 2 "$R" stats --count often
has "$T/err.txt" "unknown count 'often' (expected relations or events)"
run 2 "$R" stats --min-count 0
has "$T/err.txt" "--min-count needs a whole number >= 1, not '0'"
run 2 "$R" render --depth 101
has "$T/err.txt" "--depth needs a whole number from 1 to 100, not '101'"

# relnet's own options, before the command, come from the same global table.
run 0 "$R" --help
long_options "$T/out.txt" | sort | uniq -d >"$T/dup"
[[ ! -s $T/dup ]] || fail "relnet --help lists $(cat "$T/dup") twice"
run 2 "$R" --quite stats
has "$T/err.txt" "relnet: unknown option '--quite'; did you mean '--quiet'?"
run 0 "$R" --version
has "$T/out.txt" "relnet "

# The defaults shown are each command's own.
[[ $(flat "$T/stats.help") == *"--relation R[,R...] only these relations, or all (default: accuses)"* ]] ||
    fail "stats --relation default"
[[ $(flat "$T/query.help") == *"asserted, hedged, negated or all (default: all)"* ]] ||
    fail "query --polarity default"
[[ $(flat "$T/export.help") == *"asserted, hedged, negated or all (default: all; asserted for neo4j)"* ]] ||
    fail "export --polarity default"
for cmd in stats centrality render; do
    [[ $(flat "$T/$cmd.help") == *"asserted, hedged, negated or all (default: asserted)"* ]] ||
        fail "$cmd --polarity default"
    [[ $(flat "$T/$cmd.help") == *"only these relations, or all (default: "* ]] || fail "$cmd --relation"
done
echo ok
