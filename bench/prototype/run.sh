#!/usr/bin/env bash
# The layout prototype of docs/PERFORMANCE.md ("Format-level answer"): the same journal history rewritten into other
# task layouts, measured side by side with the git CLI (and baton where it reads the layout as it is).
#
#   bench/prototype/run.sh                              # large and limits journals, every layout
#   PROTO_SIZES=small PROTO_RUNS=3 bench/prototype/run.sh   # a quick check of the script itself
#   PROTO_LAYOUTS="flat archive" PROTO_SIZES=large bench/prototype/run.sh
#   PROTO_ONLY="git-task-done baton-task-done" bench/prototype/run.sh   # some measurements (names: results/*.json)
#
# Sources: `small` and `large` are the bench's generated journals (bench/gen_journal.py, cached by bench/run.sh in
# ${BATON_BENCH_DIR:-/tmp/baton-bench}/journals, read only); `limits` is bench/prototype/gen_limits.py (100,000
# tasks, 2,500 working days, 200 people; the last 100 days one commit a day). Each history goes through
# `git fast-export | relayout.py LAYOUT | git fast-import` once per layout (cached in
# ${PROTO_DIR:-/tmp/i14-proto}/repos), so every layout's pack is made the same way. Results: $PROTO_DIR/results/*.tsv
# and table.md (bench/prototype/report.py).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/prototype"
PROTO=${PROTO_DIR:-/tmp/i14-proto}
BENCH=${BATON_BENCH_DIR:-/tmp/baton-bench}
SIZES=${PROTO_SIZES:-large limits}
LAYOUTS=${PROTO_LAYOUTS:-flat shard2 shard1x1 archive}
RUNS=${PROTO_RUNS:-15}
SLOW_RUNS=${PROTO_SLOW_RUNS:-3}
BATON=${BATON_BIN:-$ROOT/.build-bench/release/baton}
# The limits journal's first 2,400 days are one commit, the last 100 one commit a day: a flat history of 2,500
# multi-megabyte trees takes fast-import about an hour on this machine (PROTO_LIMITS_SQUASH=0 for all of it).
LIMITS_SQUASH=${PROTO_LIMITS_SQUASH:-2400}
TODAY=$(date +%F)
MONTH=$(date +%Y/%m)
export GIT_AUTHOR_DATE="${TODAY}T12:00:00+0000" GIT_COMMITTER_DATE="${TODAY}T12:00:00+0000"

for tool in hyperfine git python3; do
    command -v "$tool" >/dev/null || { echo "prototype: $tool is missing (run: make bench-deps)" >&2; exit 1; }
done
RESULTS="$PROTO/results"
mkdir -p "$RESULTS"

# stream SIZE: the flat fast-import stream of a journal (cached).
stream() {
    local size=$1 out="$PROTO/streams/$1.fi"
    mkdir -p "$PROTO/streams"
    local stamp
    case $size in
    small | large) stamp="$(cat "$BENCH/journals/$size/stamp")" ;;
    limits) stamp="100000 2500 200 $LIMITS_SQUASH $TODAY $(sha1sum "$HERE/gen_limits.py" | cut -c1-12)" ;;
    *) echo "prototype: unknown size $size (small, large, limits)" >&2; exit 64 ;;
    esac
    if [ ! -f "$out.stamp" ] || [ "$(cat "$out.stamp")" != "$stamp" ]; then
        echo "== $size: writing the history as a fast-import stream" >&2
        case $size in
        limits) python3 "$HERE/gen_limits.py" --tasks 100000 --days 2500 --people 200 --squash "$LIMITS_SQUASH" \
            --end "$TODAY" >"$out" ;;
        *) git -C "$BENCH/journals/$size/seed.git" fast-export --all --reencode=no --signed-tags=strip >"$out" ;;
        esac
        echo "$stamp" >"$out.stamp"
    fi
    echo "$out"
}

# repo SIZE LAYOUT: the bare repository of that journal in that layout (cached).
repo() {
    local size=$1 layout=$2 src dir
    src=$(stream "$size")
    dir="$PROTO/repos/$size/$layout.git"
    local stamp
    stamp="$(cat "$src.stamp") $(sha1sum "$HERE/relayout.py" | cut -c1-12)"
    if [ ! -f "$dir.stamp" ] || [ "$(cat "$dir.stamp")" != "$stamp" ]; then
        echo "== $size: importing the $layout layout" >&2
        rm -rf "$dir"
        git init -q -b main --bare "$dir"
        python3 "$HERE/relayout.py" "$layout" <"$src" | git -C "$dir" fast-import --quiet
        git -C "$dir" fsck --no-progress --connectivity-only >&2
        echo "$stamp" >"$dir.stamp"
    fi
    echo "$dir"
}

# clone SIZE LAYOUT: a fresh work clone, its index settled as any used clone's is.
clone() {
    local dir="$PROTO/work/$1/$2"
    rm -rf "$dir"
    mkdir -p "$(dirname "$dir")"
    git clone -q "$(repo "$1" "$2")" "$dir"
    git -C "$dir" config user.name "Priya Shah"
    git -C "$dir" config user.email "priya@example.com"
    git -C "$dir" config baton.me priya
    git -C "$dir" status >/dev/null
    echo "$dir"
}

# task_path LAYOUT ID [closed]: where the task lives in that layout's HEAD.
task_path() {
    git -C "$PROTO/work/$SIZE/$1" ls-files |
        awk -v want="/$2.md" 'substr($0, length($0) - length(want) + 1) == want && !found {print; found = 1}'
}

# pick STATE: the task with the longest log that is open ("open") or closed ("closed") in the flat clone.
pick() {
    python3 - "$PROTO/work/$SIZE/flat/tasks" "$1" <<'PY'
import os, re, sys
best = (0, "")
want_open = sys.argv[2] == "open"
for name in sorted(os.listdir(sys.argv[1])):
    text = open(os.path.join(sys.argv[1], name)).read()
    if bool(re.search(r"^status: (doing|todo|blocked)$", text, re.M)) == want_open and "kind: ask" not in text:
        best = max(best, (text.count("\n- "), name[:-3]))
print(best[1])
PY
}

# close_cmd LAYOUT ID / reopen_cmd LAYOUT ID: the git CLI doing `baton task done` / `baton task start`, as bench/run.sh
# does, plus the move into and out of archive/ in the archive layouts.
close_cmd() {
    local path dir="$PROTO/work/$SIZE/$1"
    path=$(task_path "$1" "$2")
    local edit="sed -i 's/^status: .*\$/status: done/' $path"
    edit+=" && printf -- '- ${TODAY}T12:00:00+05:30 priya: done\n' >> $path"
    case $1 in
    archive*) echo "cd $dir && $edit && mkdir -p archive/$MONTH && git mv $path archive/$MONTH/$2.md &&" \
        "git commit -q -a -m 'task $2: priya done'" ;;
    *) echo "cd $dir && $edit && git commit -q -a -m 'task $2: priya done'" ;;
    esac
}
reopen_cmd() {
    local path dir="$PROTO/work/$SIZE/$1"
    path=$(task_path "$1" "$2")
    local back="$path"
    case $1 in archive*) back="archive/$MONTH/$2.md" ;; esac
    local edit="sed -i 's/^status: .*\$/status: doing/' $path"
    edit+=" && printf -- '- ${TODAY}T11:00:00+05:30 priya: started\n' >> $path"
    case $1 in
    archive*) echo "cd $dir && { [ ! -e $back ] || git mv $back $path; } && $edit &&" \
        "git commit -q -a -m 'task $2: priya started'" ;;
    *) echo "cd $dir && $edit && git commit -q -a -m 'task $2: priya started'" ;;
    esac
}

# instructions CMD...: the instructions CMD runs (valgrind's callgrind: repeatable on a loaded machine).
instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected :/ {print $4}'
}

# written_trees LAYOUT ID: a real task-done commit made with the git CLI: the instructions of its `git commit` (the
# edit, and the move to archive/, staged before), the tree objects it writes (count, bytes, root included) and the
# task's blob bytes. The commit is undone afterwards.
written_trees() {
    local dir="$PROTO/work/$SIZE/$1" path
    path=$(task_path "$1" "$2")
    (
        cd "$dir"
        sed -i 's/^status: .*$/status: done/' "$path"
        printf -- '- %sT12:00:00+05:30 priya: done\n' "$TODAY" >>"$path"
        case $1 in
        archive*) mkdir -p "archive/$MONTH" && git mv "$path" "archive/$MONTH/$2.md" ;;
        *) git add "$path" ;;
        esac
    )
    local ir
    ir=$(cd "$dir" && instructions git -c gc.auto=0 commit -q -m "task $2: priya done")
    local trees
    trees=$(git -C "$dir" diff-tree -r -t --no-commit-id HEAD~ HEAD | awk '$2 == "040000" {print $4}' |
        { echo "HEAD^{tree}"; cat; } | git -C "$dir" cat-file --batch-check='%(objectsize)' |
        awk '{n++; s+=$1} END {printf "%d\t%d", n, s}')
    local blob
    blob=$(git -C "$dir" diff-tree -r --no-commit-id HEAD~ HEAD | awk '$2 == "100644" {print $4}' | awk 'NR == 1')
    printf '%s\t%s\t%s\n' "$ir" "$trees" "$(git -C "$dir" cat-file -s "$blob")"
    git -C "$dir" reset -q --hard HEAD~
    git -C "$dir" status >/dev/null
}

# walked_trees LAYOUT [SINCE]: the tree bytes under tasks/ and archive/ that the history's commits wrote, which is
# what a walk following those folders (digest, history) must inflate: total KB and the number of commits.
walked_trees() {
    local dir="$PROTO/work/$SIZE/$1"
    git -C "$dir" log ${2:+--since="$2"} --format=tformat:C -r -t --raw --no-abbrev -- tasks archive |
        awk '$1 == "C" {c++} $2 == "040000" {print $4} END {print c > "/dev/stderr"}' 2>"$PROTO/commits.tmp" |
        git -C "$dir" cat-file --batch-check='%(objectsize)' | awk '{s+=$1} END {printf "%d", s / 1024}'
    printf '\t%s' "$(cat "$PROTO/commits.tmp")"
}

# side_by_side NAME RUNS CMD... (one per layout, in LAYOUTS order): one hyperfine run, into results/SIZE-NAME.json.
side_by_side() {
    local name=$1 runs=$2
    shift 2
    [ -z "${PROTO_ONLY:-}" ] || [[ " $PROTO_ONLY " == *" $name "* ]] || return 0
    echo "== $SIZE: $name" >&2
    hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$RESULTS/$SIZE-$name.json" "$@" >&2
}

if [ -n "${PROTO_BUILD_ONLY:-}" ]; then
    for size in $SIZES; do for layout in $LAYOUTS; do repo "$size" "$layout" >/dev/null; done; done
    exit 0
fi

for SIZE in $SIZES; do
    for layout in $LAYOUTS; do clone "$SIZE" "$layout" >/dev/null; done
    OPEN=$(pick open)
    CLOSED=$(pick closed)
    printf '%s\t%s\n' "$OPEN" "$CLOSED" >"$RESULTS/$SIZE-tasks.tsv"
    : >"$RESULTS/$SIZE-shape.tsv"
    : >"$RESULTS/$SIZE-baton-ir.tsv"
    for layout in $LAYOUTS; do
        dir="$PROTO/work/$SIZE/$layout"
        tasks_tree=$(git -C "$dir" cat-file -s HEAD:tasks)
        folders=$(git -C "$dir" ls-tree -r -t HEAD | awk '$2 == "tree"' | wc -l)
        written=$(written_trees "$layout" "$OPEN")
        pack=$(du -sk "$(repo "$SIZE" "$layout")/objects" | cut -f1)
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$layout" "$tasks_tree" "$folders" "$written" \
            "$(stat -c %s "$dir/.git/index")" "$pack" "$(walked_trees "$layout")" \
            "$(walked_trees "$layout" 7.days)" >>"$RESULTS/$SIZE-shape.tsv"
    done

    # The one-time migration commit of the flat journal into a sharded layout measured (shard1x1 first).
    for layout in shard1x1 shard2; do
        case " $LAYOUTS " in *" $layout "*)
            rm -rf "$PROTO/work/$SIZE/migrated"
            git clone -q "$(repo "$SIZE" flat)" "$PROTO/work/$SIZE/migrated"
            git -C "$PROTO/work/$SIZE/migrated" config user.name "Priya Shah"
            git -C "$PROTO/work/$SIZE/migrated" config user.email "priya@example.com"
            printf '%s: %s\n' "$layout" "$(bash "$HERE/migrate.sh" "$PROTO/work/$SIZE/migrated" "$layout")" \
                >"$RESULTS/$SIZE-migrate.txt"
            break ;;
        esac
    done

    # git: the task-done commit (prepare reopens the task), as bench/run.sh does it.
    args=()
    for layout in $LAYOUTS; do
        args+=(--prepare "$(reopen_cmd "$layout" "$OPEN")" -n "$layout" "$(close_cmd "$layout" "$OPEN")")
    done
    side_by_side git-task-done "$RUNS" "${args[@]}"
    for layout in $LAYOUTS; do git -C "$PROTO/work/$SIZE/$layout" reset -q --hard "origin/main"; done

    # What sharding costs: more folders for every status scan (git's and baton's, which reads no task here).
    args=()
    for layout in $LAYOUTS; do args+=(-n "$layout" "git -C $PROTO/work/$SIZE/$layout status"); done
    side_by_side git-status "$RUNS" -N "${args[@]}"
    if [ -x "$BATON" ]; then
        args=()
        for layout in $LAYOUTS; do args+=(-n "baton-$layout" "$BATON -C $PROTO/work/$SIZE/$layout status"); done
        side_by_side baton-status "$RUNS" -N "${args[@]}"
    fi

    args=()
    for layout in $LAYOUTS; do args+=(-n "$layout" "git -C $PROTO/work/$SIZE/$layout log --since=7.days --stat"); done
    side_by_side git-log-stat-7d "$SLOW_RUNS" -N "${args[@]}"

    args=()
    for layout in $LAYOUTS; do
        args+=(-n "$layout" "git -C $PROTO/work/$SIZE/$layout log -p -- $(task_path "$layout" "$OPEN")")
    done
    side_by_side git-log-p-open "$SLOW_RUNS" -N "${args[@]}"

    # A closed task's whole history: in the archive layouts it spans its tasks/ path and its archive/ path.
    args=()
    for layout in $LAYOUTS; do
        paths=$(task_path "$layout" "$CLOSED")
        case $layout in archive*) paths="$paths $(git -C "$PROTO/work/$SIZE/$layout" log --format= --name-only \
            --diff-filter=D -- "tasks/*$CLOSED.md" | awk 'NR == 1')" ;; esac
        args+=(-n "$layout" "git -C $PROTO/work/$SIZE/$layout log -p -- $paths")
    done
    side_by_side git-log-p-closed "$SLOW_RUNS" -N "${args[@]}"

    # baton, where it reads the layout as it is: flat, and archive (its open tasks are still tasks/<id>.md; the
    # prototype's baton does not move a closed task to archive/, so its task-done writes one tree fewer).
    BL=()
    for layout in $LAYOUTS; do case $layout in flat | archive) BL+=("$layout") ;; esac; done
    if [ -x "$BATON" ] && [ "${#BL[@]}" -gt 0 ]; then
        # valgrind cannot read the static binary's debug information: count a copy without it.
        BATON_IR="$PROTO/baton-nodebug"
        strip --strip-debug -o "$BATON_IR" "$BATON"
        args=()
        for layout in "${BL[@]}"; do
            d="$PROTO/work/$SIZE/$layout"
            args+=(--prepare "cd $d && $BATON task start $OPEN >/dev/null")
            args+=(-n "baton-$layout" "cd $d && $BATON task done $OPEN")
        done
        side_by_side baton-task-done "$RUNS" "${args[@]}"
        for layout in "${BL[@]}"; do
            d="$PROTO/work/$SIZE/$layout"
            (cd "$d" && "$BATON" task start "$OPEN" >/dev/null)
            printf '%s\t%s\n' "$layout" "$(cd "$d" && instructions "$BATON_IR" task done "$OPEN")" \
                >>"$RESULTS/$SIZE-baton-ir.tsv"
        done
        args=()
        for layout in "${BL[@]}"; do
            args+=(-n "baton-$layout" "cd $PROTO/work/$SIZE/$layout && $BATON note 'bench bullet'")
        done
        side_by_side baton-note "$RUNS" "${args[@]}"
        args=()
        for layout in "${BL[@]}"; do
            args+=(-n "baton-$layout" "$BATON -C $PROTO/work/$SIZE/$layout history $OPEN")
        done
        side_by_side baton-history-open "$SLOW_RUNS" -N "${args[@]}"
        args=()
        for layout in "${BL[@]}"; do
            args+=(-n "baton-$layout" "$BATON -C $PROTO/work/$SIZE/$layout digest --since 7d")
        done
        side_by_side baton-digest-7d "$SLOW_RUNS" -N "${args[@]}"
    fi
done

python3 "$HERE/report.py" "$RESULTS" "$SIZES" | tee "$RESULTS/table.md"
