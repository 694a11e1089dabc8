#!/usr/bin/env bash
# Times baton's writing commands (note, task done, sync) against the git CLI doing the same work on one
# journal in one clone shape, side by side in one hyperfine run (see "Writing commands on every shape"
# in docs/PERFORMANCE.md).
#
#   bench/write_shapes.sh SHAPE SEED.git     # SHAPE: fresh racy pull checkout gc copy=PATH
#   BENCH_RUNS=7 BENCH_ONLY="note sync" bench/write_shapes.sh racy /tmp/baton-bench/journals/large/seed.git
#
# Shapes (both sides get the same one; every clone has its own bare remote and a teammate's clone):
#   fresh     git clone, then git status (the bench's own clones)
#   racy      git clone --no-checkout, then git reset --hard: files and index written in the same second
#   pull      a teammate pushed, a local commit, then a merging git pull
#   checkout  git checkout of a branch 200 commits back, and back to main
#   gc        git gc (one pack, packed refs, a commit-graph)
#   copy=PATH baton's side is a copy (cp -a) of the non-bare repository PATH, e.g. one grown with
#             git fast-import and git reset --hard; git's side is a fresh clone of it
# baton must be built (BATON_BIN, default .build-bench/release/baton). Prints one line per command:
# shape, command, baton ms, git ms, baton/git (medians).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHAPE=${1:?shape} SEED=${2:?seed repository}
BATON=${BATON_BIN:-$ROOT/.build-bench/release/baton}
RUNS=${BENCH_RUNS:-10}
ONLY=${BENCH_ONLY:-"note task-done sync"}
WORK=${BATON_BENCH_DIR:-/tmp/baton-bench}/shapes/${SHAPE%%=*}
TODAY=$(date +%F)
ME=priya
PEER=tom
[ -x "$BATON" ] || { echo "write_shapes: build baton first ($BATON)" >&2; exit 1; }
rm -rf "$WORK"
mkdir -p "$WORK"

# setup SIDE: WORK/SIDE (my clone) and WORK/SIDE-peer (a teammate's), in SHAPE.
setup() {
    local side=$1 dir="$WORK/$1"
    case $SHAPE in
    copy=*) git clone -q --bare "${SHAPE#copy=}" "$WORK/remote-$side.git" ;;
    *) git clone -q --bare "$SEED" "$WORK/remote-$side.git" ;;
    esac
    case $SHAPE in
    copy=*)
        if [ "$side" = baton ]; then
            cp -a "${SHAPE#copy=}" "$dir"
            git -C "$dir" remote add origin "$WORK/remote-$side.git"
            git -C "$dir" fetch -q origin
            git -C "$dir" branch -q -u origin/main main
        else
            git clone -q "$WORK/remote-$side.git" "$dir"
        fi
        ;;
    racy) git clone -q --no-checkout "$WORK/remote-$side.git" "$dir" && git -C "$dir" reset -q --hard ;;
    *) git clone -q "$WORK/remote-$side.git" "$dir" ;;
    esac
    git clone -q "$WORK/remote-$side.git" "$dir-peer"
    for d in "$dir" "$dir-peer"; do
        git -C "$d" config user.name "Priya Shah"
        git -C "$d" config user.email priya@example.com
        git -C "$d" config baton.me "$ME"
    done
    git -C "$dir-peer" config user.name "Tom Berg"
    git -C "$dir-peer" config user.email tom@example.com
    local year=${TODAY:0:4}
    case $SHAPE in
    pull)
        (cd "$dir-peer" && echo "- 08:00 peer" >>"notes/$PEER/$year/$TODAY.md" && git add -A &&
            git commit -qm "note: $PEER $TODAY" && git push -q)
        (cd "$dir" && echo "- 08:00 mine" >>"notes/$ME/$year/$TODAY.md" && git add -A &&
            git commit -qm "note: $ME $TODAY" && git pull -q --no-rebase --no-edit && git push -q)
        ;;
    checkout) git -C "$dir" checkout -q -b away HEAD~200 && git -C "$dir" checkout -q main ;;
    gc) git -C "$dir" gc -q ;;
    fresh) git -C "$dir" status >/dev/null ;;
    esac
}
# The git CLI's commits while shaping get a fixed date, so every run shapes the same history.
export GIT_AUTHOR_DATE="$TODAY 09:00:00 +0000" GIT_COMMITTER_DATE="$TODAY 09:00:00 +0000"
setup baton
setup git
unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE
B=$WORK/baton G=$WORK/git
year=${TODAY:0:4}
mynote="notes/$ME/$year/$TODAY.md" peernote="notes/$PEER/$year/$TODAY.md"
# An open task (not an ask) with the longest log, as bench/run.sh picks it.
task=$(python3 - "$B/tasks" <<'PY'
import os, re, sys
best = (0, "")
for name in sorted(os.listdir(sys.argv[1])):
    text = open(os.path.join(sys.argv[1], name)).read()
    if re.search(r"^status: (doing|todo|blocked)$", text, re.M) and "kind: ask" not in text:
        best = max(best, (text.count("\n- "), name[:-3]))
print(best[1])
PY
)
wanted() { [[ " $ONLY " == *" $1 "* ]]; }
row() {
    python3 - "$WORK/$1.json" "$SHAPE" "$1" <<'PY'
import json, sys
b, g = (r["median"] * 1000 for r in json.load(open(sys.argv[1]))["results"])
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{b:.1f}\t{g:.1f}\t{b / g:.2f}")
PY
}
H=(--warmup 2 --runs "$RUNS" --style none)
if wanted note; then
    hyperfine "${H[@]}" --export-json "$WORK/note.json" -n baton "cd $B && $BATON note 'bench bullet'" \
        -n git "cd $G && printf -- '- 12:00 bench bullet\n' >> $mynote && git add $mynote && git commit -q -m 'note: $ME $TODAY'" \
        >/dev/null 2>&1
    row note
fi
tpath=tasks/$task.md
if wanted task-done; then
    hyperfine "${H[@]}" --export-json "$WORK/task-done.json" \
        --prepare "cd $B && $BATON task start $task >/dev/null" -n baton "cd $B && $BATON task done $task" \
        --prepare "cd $G && sed -i 's/^status: .*\$/status: doing/' $tpath && printf -- '- ${TODAY}T11:00:00+05:30 $ME: started\n' >> $tpath && git commit -q -a -m 'task $task: $ME started'" \
        -n git "cd $G && sed -i 's/^status: doing\$/status: done/' $tpath && printf -- '- ${TODAY}T12:00:00+05:30 $ME: done\n' >> $tpath && git commit -q -a -m 'task $task: $ME done'" \
        >/dev/null 2>&1
    row task-done
fi
peer_step="git pull -q --rebase && printf -- '- 10:00 peer bullet\n' >> $peernote && git add $peernote && git commit -q -m 'note: $PEER $TODAY' && git push -q"
local_step="printf -- '- 11:00 local bullet\n' >> $mynote && git add $mynote && git commit -q -m 'note: $ME $TODAY'"
if wanted sync; then
    hyperfine "${H[@]}" --export-json "$WORK/sync.json" \
        --prepare "cd $B-peer && $peer_step && cd $B && $local_step" -n baton "cd $B && $BATON sync >/dev/null" \
        --prepare "cd $G-peer && $peer_step && cd $G && $local_step" -n git "cd $G && git pull -q --rebase && git push -q" \
        >/dev/null 2>&1
    row sync
fi
git -C "$B" fsck --no-progress >&2
