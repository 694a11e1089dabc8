#!/usr/bin/env bash
# bench/restore_state.sh DIR START PATH...: puts a bench clone back in its shape's state after a write
# command, without `git reset --hard` (which stats every tracked file: seconds on the limits journal).
#
# The branch goes back to START and the index to the shape's copy (.git/index.bench, its time kept). Each
# file the runs changed (the PATHs given, and every path that differs between START and the branch's
# commit) comes back from .git/bench-saved (copied with its times when the shape was set up), or from
# START, or is removed when START did not have it. The rest of the work tree is left as the shape made it.
set -euo pipefail
dir=$1 start=$2
shift 2
cd "$dir"
saved=.git/bench-saved
restore() {
    local path=$1
    if [ -e "$saved/$path" ]; then
        cp -p "$saved/$path" "$path"
    elif git cat-file -e "$start:$path" 2>/dev/null; then
        git cat-file blob "$start:$path" >"$path"
    else
        rm -f "$path"
    fi
}
for path in "$@"; do restore "$path"; done
if [ "$(git rev-parse HEAD)" != "$start" ]; then
    while IFS= read -r -d '' path; do restore "$path"; done < <(git diff --no-renames --name-only -z "$start" HEAD)
    git update-ref HEAD "$start"
fi
cp -p .git/index.bench .git/index
