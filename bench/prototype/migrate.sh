#!/usr/bin/env bash
# The migration a sharded layout needs, as one commit made with git plumbing (what `baton migrate` would write):
# every tasks/<id>.md of the index moves to tasks/<id[0]>/<id[1]>/<id>.md (or tasks/<id[0:2]>/<id>.md with
# `shard2`), blobs unchanged, so git sees exact renames.
#
#   bench/prototype/migrate.sh CLONE [shard1x1|shard2]
#
# Prints the seconds it took, the renames git detects in the commit, and the bytes of the tree objects it wrote.
set -euo pipefail
dir=$1 layout=${2:-shard1x1}
cd "$dir"
[ -z "$(git status --porcelain -- tasks)" ] || { echo "migrate: tasks/ has changes; commit them first" >&2; exit 65; }
start=$(date +%s.%N)
git ls-files -s -- 'tasks/*.md' | awk -v layout="$layout" -F '\t' '
    $2 ~ /^tasks\/[a-z0-9][a-z0-9_-]*\.md$/ {
        split($1, meta, " ")
        id = substr($2, 7, length($2) - 9)
        if (length(id) < 2) next
        shard = layout == "shard2" ? substr(id, 1, 2) : substr(id, 1, 1) "/" substr(id, 2, 1)
        printf "0 0000000000000000000000000000000000000000\t%s\n", $2
        printf "%s %s\ttasks/%s/%s.md\n", meta[1], meta[2], shard, id
        print $2 "\t" "tasks/" shard "/" id ".md" > "/dev/stderr"
    }' 2>.git/migrate-moves | git update-index --index-info
python3 -c '
import os, sys
for line in open(sys.argv[1]):
    old, new = line.rstrip("\n").split("\t")
    os.makedirs(os.path.dirname(new), exist_ok=True)
    os.rename(old, new)
' .git/migrate-moves
git commit -q -m "journal: tasks move to tasks/<c>/<c>/<id>.md (layout 2)"
end=$(date +%s.%N)
moves=$(wc -l <.git/migrate-moves)
renames=$(git diff --name-status -M100% HEAD~ HEAD | awk '$1 == "R100"' | wc -l)
trees=$(git diff-tree -r -t --no-commit-id HEAD~ HEAD | awk '$2 == "040000" {print $4}' |
    { echo "HEAD^{tree}"; cat; } | git cat-file --batch-check='%(objectsize)' | awk '{n++; s+=$1} END {print n, s}')
printf 'seconds %.2f, moved %s, exact renames %s, trees written %s bytes\n' "$(echo "$end - $start" | bc)" \
    "$moves" "$renames" "$trees"
rm -f .git/migrate-moves
