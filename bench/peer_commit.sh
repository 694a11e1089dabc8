#!/usr/bin/env bash
# bench/peer_commit.sh REMOTE PATH LINE MESSAGE: a teammate's commit on the bare REMOTE's main that appends
# LINE to PATH, made with git's plumbing in a temporary index (no clone and no work tree: on the limits
# journal a teammate's `git pull --rebase` in a clone of 600,000 files takes seconds). The same commit a
# teammate's clone would push; sync's prepare step runs it before each measured run.
set -euo pipefail
remote=$1 path=$2 line=$3 message=$4
export GIT_DIR=$remote
export GIT_INDEX_FILE
GIT_INDEX_FILE=$(mktemp "${TMPDIR:-/tmp}/bench-peer-index.XXXXXX")
trap 'rm -f "$GIT_INDEX_FILE"' EXIT
export GIT_AUTHOR_NAME="Tom Berg" GIT_AUTHOR_EMAIL=tom@example.com
export GIT_COMMITTER_NAME="Tom Berg" GIT_COMMITTER_EMAIL=tom@example.com
parent=$(git rev-parse main)
blob=$({
    git cat-file blob "main:$path" 2>/dev/null || true
    printf '%s\n' "$line"
} | git hash-object -w --stdin)
git read-tree main
git update-index --add --cacheinfo "100644,$blob,$path"
tree=$(git write-tree)
commit=$(git commit-tree "$tree" -p "$parent" -m "$message")
git update-ref refs/heads/main "$commit" "$parent"
