#!/usr/bin/env bash
# bench/save_state.sh DIR PATH...: keeps the shape's index (.git/index.bench) and copies of the PATHs the
# write commands change (.git/bench-saved, times kept), for bench/restore_state.sh.
set -euo pipefail
dir=$1
shift
cd "$dir"
cp -p .git/index .git/index.bench
rm -rf .git/bench-saved
mkdir -p .git/bench-saved
for path in "$@"; do
    [ -e "$path" ] || continue
    mkdir -p ".git/bench-saved/$(dirname "$path")"
    cp -p "$path" ".git/bench-saved/$path"
done
