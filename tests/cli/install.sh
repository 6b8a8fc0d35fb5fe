#!/usr/bin/env bash
# install.sh - an installed relnet (cmake --install to a scratch prefix,
# then moved elsewhere) finds its data beside itself, not in the source
# tree, and extracts relations from a sample article; RELNET_DATA still
# overrides it.
source "$(dirname "$0")/lib/common.sh"
command -v cmake >/dev/null || { echo "SKIP: no cmake to install with"; exit 77; }
build=$(dirname "$R")
[[ -f $build/cmake_install.cmake ]] || { echo "SKIP: $build is not a CMake build directory"; exit 77; }

cmake --install "$build" --prefix "$T/prefix" >"$T/install.log" || { cat "$T/install.log" >&2; fail "cmake --install"; }
[[ -x $T/prefix/bin/relnet ]] || fail "no bin/relnet installed"
[[ -f $T/prefix/share/relnet/lexicon/actors.tsv ]] || fail "no share/relnet/lexicon installed"
mv "$T/prefix" "$T/moved" # the data is found from the binary, wherever the prefix is
I=$T/moved/bin/relnet
data=$T/moved/bin/../share/relnet

unset RELNET_DATA
run 0 "$I" --version
has "$T/out.txt" "data: $data"

# A sample article the install ships: relations come out.
article=$(ls "$data"/articles/*.txt | head -1)
run 0 "$I" extract "$article"
[[ $(tail -n +2 "$T/out.txt" | wc -l) -ge 1 ]] || fail "no relation extracted from $article"

# The installed lexicon is the one read: an actor added to it (and only to
# it) names the source.
printf 'Republic of Zorbland\tcountry\t\tZorbland\t\n' >>"$data/lexicon/actors.tsv"
printf 'Zorbland accused Freedonia of spying on its ministries.\n' >"$T/zorbland.txt"
run 0 "$I" extract "$T/zorbland.txt"
has "$T/out.txt" "Republic of Zorbland	country"
# RELNET_DATA wins over the installed data.
RELNET_DATA=$RELNET_SOURCE_DIR/data run 0 "$I" extract "$T/zorbland.txt"
hasnt "$T/out.txt" "Republic of Zorbland"
echo ok
