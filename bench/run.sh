#!/usr/bin/env bash
# Benchmarks baton against the git CLI doing the same work, on journals and clones of several shapes.
#
#   bench/run.sh                                   # every shape, every command (make bench)
#   BENCH_SHAPES=small,small-reset bench/run.sh    # some shapes (comma or space separated)
#   BENCH_ONLY="note status" bench/run.sh          # some commands
#   BENCH_QUICK=1 bench/run.sh                     # make bench-quick: small shapes, 3 runs, checks the bench
#   BENCH_BIN=.build/release/baton bench/run.sh    # time that binary (built as `make release`) instead
#
# Shapes (docs/PERFORMANCE.md): small, large (fresh clones of the generated journals), small-reset,
# large-reset (clone --no-checkout + reset --hard: files and index written by git in the same seconds),
# large-pull (index last written by a merging `git pull`), large-checkout (checkout of an old commit and
# back), large-gc (after `git gc`), git-made (history made by the git CLI and hand edits), limits (the
# journal at the limits baton promises; generated and cloned once, reset at the start of a run).
#
# Both sides of a row get the same state, made by the git CLI: baton's clone B and git's clone G, each
# with its own bare remote and a teammate's clone for sync, and the same racily clean index entries
# (settle). Every measured run of a command starts from
# that state: read commands get the shape's index back (cp -p keeps its time), write commands are reset
# to the shape's commit first (sync keeps going: its prepare pushes a teammate's commit and makes a local
# one, with the git CLI). Journals are generated once into ${BATON_BENCH_DIR:-/tmp/baton-bench}.
set -euo pipefail

START=$(date +%s)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BATON_BENCH_DIR:-/tmp/baton-bench}
QUICK=${BENCH_QUICK:-0}
ALL_SHAPES="small small-reset large large-reset large-pull large-checkout large-gc git-made limits"
if [ "$QUICK" = 1 ]; then DEFAULT_SHAPES="small small-reset"; else DEFAULT_SHAPES=$ALL_SHAPES; fi
SHAPES=$(echo "${BENCH_SHAPES:-${BENCH_SIZES:-$DEFAULT_SHAPES}}" | tr ',' ' ')
ONLY=${BENCH_ONLY:-}
# Measured runs: fresh-clone shapes get the most, the derived shapes and the slow row (history) fewer, so
# `make bench` stays under 20 minutes on 2 cores. history on the large journal takes 8 to 10 s a run on
# each side and does the same work on every large shape (the same commits and objects): one run on the
# derived shapes, three on large.
if [ "$QUICK" = 1 ]; then
    RUNS=${BENCH_RUNS:-3} WARMUP=${BENCH_WARMUP:-1} SLOW_RUNS=${BENCH_SLOW_RUNS:-3}
    DERIVED_RUNS=${BENCH_DERIVED_RUNS:-3} DERIVED_SLOW_RUNS=${BENCH_DERIVED_SLOW_RUNS:-3} RSS_RUNS=${BENCH_RSS_RUNS:-1}
else
    RUNS=${BENCH_RUNS:-15} WARMUP=${BENCH_WARMUP:-3} SLOW_RUNS=${BENCH_SLOW_RUNS:-3}
    DERIVED_RUNS=${BENCH_DERIVED_RUNS:-7} DERIVED_SLOW_RUNS=${BENCH_DERIVED_SLOW_RUNS:-1} RSS_RUNS=${BENCH_RSS_RUNS:-3}
fi
LIMITS_RUNS=${BENCH_LIMITS_RUNS:-3}
TODAY=$(date +%F)
ME=priya
PEER=tom

for tool in hyperfine git python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (run: make bench-deps)" >&2; exit 1; }
done
for shape in $SHAPES; do
    [[ " $ALL_SHAPES " == *" $shape "* ]] || { echo "bench: unknown shape $shape ($ALL_SHAPES)" >&2; exit 64; }
done

if [ -n "${BENCH_BIN:-}" ]; then
    BATON=$(cd "$(dirname "$BENCH_BIN")" && pwd)/$(basename "$BENCH_BIN")
    echo "== timing $BATON (BENCH_BIN)"
else
    echo "== building baton (release)"
    # Built as `make release` builds (the Makefile passes its RELEASE_FLAGS), in its own scratch folder.
    read -r -a flags <<<"${BENCH_RELEASE_FLAGS:---static-swift-stdlib -Xlinker -no-pie}"
    (bash "$ROOT/scripts/build-release.sh" "${BENCH_SCRATCH:-.build-bench}" "${flags[@]}" 2>&1 |
        grep -Ev '^\[[0-9]+/[0-9]+\]' || true)
    BATON="$ROOT/${BENCH_SCRATCH:-.build-bench}/release/baton"
fi
[ -x "$BATON" ] || { echo "bench: no baton binary at $BATON" >&2; exit 1; }

RESULTS="$BENCH/results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
# A baton that knows BATON_PATH_REPORT: a row without a report then made no fast-path decision at all.
if grep -q BATON_PATH_REPORT "$BATON"; then touch "$RESULTS/path-report"; fi

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "git: $(git --version | cut -d' ' -f3), hyperfine: $(hyperfine --version | cut -d' ' -f2)"
    echo "runs: $RUNS (history: $SLOW_RUNS) on small and large, $DERIVED_RUNS ($DERIVED_SLOW_RUNS) on the" \
        "other shapes, $LIMITS_RUNS on limits; warm-up $WARMUP; peak memory: largest of $RSS_RUNS"
} >"$RESULTS/machine.txt"

# journal NAME PEOPLE DAYS [GENERATOR OPTIONS...]: the generated bare repository, reused while its
# fingerprint (bench/gen_journal.py --fingerprint: sizes, last day, style and its version) is the same.
# limits is not tied to today (generating it takes long): its last day stays that of its generation.
journal() {
    local name=$1 people=$2 days=$3
    shift 3
    [ "$name" = limits ] && { limits_journal "$people" "$days" "$@"; return; }
    local dir="$BENCH/journals/$name" end=$TODAY
    if [ "$name" = limits ] && [ -f "$dir/stamp" ]; then end=$(sed -n 's/.* end=\([0-9-]*\) .*/\1/p' "$dir/stamp"); fi
    local stamp
    stamp=$(python3 "$ROOT/bench/gen_journal.py" --people "$people" --days "$days" --end "$end" "$@" \
        --out - --fingerprint)
    if [ "$name" = limits ] && [ -f "$dir/stamp" ] && [ "$(cat "$dir/stamp")" != "$stamp" ]; then
        end=$TODAY
        stamp=$(python3 "$ROOT/bench/gen_journal.py" --people "$people" --days "$days" --end "$end" "$@" \
            --out - --fingerprint)
    fi
    if [ ! -f "$dir/stamp" ] || [ "$(cat "$dir/stamp")" != "$stamp" ]; then
        echo "== generating the $name journal ($people people x $days working days $*)" >&2
        local t0
        t0=$(date +%s)
        rm -rf "$dir"
        mkdir -p "$dir"
        python3 "$ROOT/bench/gen_journal.py" --people "$people" --days "$days" --end "$end" "$@" \
            --out "$dir/seed.git" >&2
        git -C "$dir/seed.git" fsck --no-progress >&2
        echo "$stamp" >"$dir/stamp"
        echo "== generated $name in $(($(date +%s) - t0)) s" >&2
    fi
    echo "$end" >"$dir/day"
    echo "$dir/seed.git"
}

# limits_journal PEOPLE DAYS TASKS SQUASH: the journal at the limits baton promises (bench/prototype/gen_limits.py:
# every person's daily note and TASKS tasks over DAYS working days, the first SQUASH days as one commit, then a
# commit per day), generated once and kept while the generator is the same; its last day stays that of its
# generation.
limits_journal() {
    local people=$1 days=$2 tasks=$3 squash=$4
    local dir="$BENCH/journals/limits" gen="$ROOT/bench/prototype/gen_limits.py"
    local stamp="limits people=$people days=$days tasks=$tasks squash=$squash $(sha1sum "$gen" | cut -c1-12)"
    if [ ! -f "$dir/stamp" ] || [ "$(sed 's/ end=.*//' "$dir/stamp")" != "$stamp" ]; then
        echo "== generating the limits journal ($people people x $days working days, $tasks tasks)" >&2
        local t0
        t0=$(date +%s)
        rm -rf "$dir"
        mkdir -p "$dir"
        git init -q --bare --initial-branch=main "$dir/seed.git"
        python3 "$gen" --people "$people" --days "$days" --tasks "$tasks" --squash "$squash" --notes --end "$TODAY" |
            git -C "$dir/seed.git" fast-import --quiet
        git -C "$dir/seed.git" fsck --connectivity-only --no-progress >&2
        echo "$stamp end=$TODAY" >"$dir/stamp"
        echo "== generated limits in $(($(date +%s) - t0)) s" >&2
    fi
    sed 's/.* end=//' "$dir/stamp" >"$dir/day"
    echo "$dir/seed.git"
}

# me DIR: a clone set up for me; peer DIR: for the teammate.
me() {
    git -C "$1" config user.name "Priya Shah"
    git -C "$1" config user.email "priya@example.com"
    git -C "$1" config baton.me "$ME"
}
peer() {
    git -C "$1" config user.name "Tom Berg"
    git -C "$1" config user.email "tom@example.com"
}

# The commits that make a shape are dated, so baton's and git's sides get the same objects.
pinned() { GIT_AUTHOR_DATE="$DAY 10:00:00 +0000" GIT_COMMITTER_DATE="$DAY 10:00:00 +0000" "$@"; }

# make_side SHAPE SIDE: baton's (SIDE=baton) or git's clone, its remote and its teammate, in the shape's state.
make_side() {
    local shape=$1 side=$2
    local remote="$WORK/remote-$side.git" dir="$WORK/$side" mate="$WORK/$side-peer"
    git clone -q --bare "$SEED" "$remote"
    if [[ $shape == *-reset ]]; then
        git clone -q --no-checkout "$remote" "$dir"
        me "$dir"
        git -C "$dir" reset -q --hard
    else
        git clone -q "$remote" "$dir"
        me "$dir"
        git -C "$dir" status >/dev/null # settle the index's stat data, as any used clone has
    fi
    # A teammate's clone only where bench/physical.py runs (its sync pushes from it); elsewhere the teammate's
    # commits are made in the remote with plumbing (bench/peer_commit.sh).
    if traced "$shape"; then
        git clone -q "$remote" "$mate"
        peer "$mate"
    fi
    case $shape in
    large-pull)
        pinned bash "$ROOT/bench/peer_commit.sh" "$remote" "$PEERNOTE" '- 09:00 teammate bullet before the pull' \
            "note: $PEER $DAY"
        (cd "$dir" && printf -- '- 09:30 my bullet before the pull\n' >>"$MYNOTE" && git add "$MYNOTE" &&
            pinned git commit -q -m "note: $ME $DAY" && pinned git pull -q --no-rebase --no-edit)
        ;;
    large-checkout)
        git -C "$dir" checkout -q -b away main~300
        git -C "$dir" checkout -q main
        ;;
    large-gc) git -C "$dir" gc -q ;;
    esac
}

# cached_side SIDE: limits' clone and remote are made once and reset to the seed's state at the start of a run.
# limits has no teammate's clone: sync's prepare commits for the teammate with plumbing (bench/peer_commit.sh),
# and bench/physical.py, which needs one, does not run on limits.
cached_side() {
    local side=$1 head
    local remote="$WORK/remote-$side.git" dir="$WORK/$side"
    head=$(git -C "$SEED" rev-parse main)
    if [ ! -d "$remote" ] || [ "$(cat "$WORK/seed-head-$side" 2>/dev/null)" != "$head" ]; then
        echo "== cloning the limits journal for $side (once)" >&2
        rm -rf "$remote" "$dir" "$WORK/$side-peer"
        git clone -q --bare "$SEED" "$remote"
        git clone -q "$remote" "$dir"
        echo "$head" >"$WORK/seed-head-$side"
    fi
    rm -rf "$WORK/$side-peer"
    git -C "$remote" update-ref refs/heads/main "$head"
    git -C "$dir" fetch -q origin
    git -C "$dir" checkout -q -f main
    git -C "$dir" reset -q --hard origin/main
    git -C "$dir" clean -q -fdx
    rm -rf "$dir/.git/baton"
    me "$dir"
    git -C "$dir" status >/dev/null
}

# settle SHAPE: both clones' indexes in the same racy state, so both sides do the same work; which entries
# git's one-second rule counts as racily clean (hashed again by every command that reads or writes the index)
# was otherwise chance: when each clone's checkout crossed a second (10,140 of 31,280 entries in baton's
# clone against 207 in git's, one run). A used clone's index is newer than its files: after the second its
# files were written in, `git status` writes it again, and no entry is racy. After `reset --hard` every entry
# is: the index is dated to the second of the oldest file, as if files and index were written in one second.
settle() {
    local shape=$1 dir
    if [[ $shape == *-reset ]]; then
        for dir in "$WORK/baton" "$WORK/git"; do
            python3 - "$dir" <<'PY'
import os, subprocess, sys
root = sys.argv[1]
files = subprocess.run(["git", "-C", root, "ls-files", "-z"], capture_output=True, check=True).stdout.split(b"\0")
oldest = min(int(os.lstat(os.path.join(root.encode(), f)).st_mtime) for f in files if f)
os.utime(os.path.join(root, ".git", "index"), (oldest, oldest))
PY
        done
    else
        python3 -c 'import time; time.sleep(1.05 - time.time() % 1)'
        for dir in "$WORK/baton" "$WORK/git"; do git -C "$dir" status >/dev/null; done
    fi
    local counts=()
    for dir in "$WORK/baton" "$WORK/git"; do counts+=("$(racy_entries "$dir")"); done
    echo "== $shape: racily clean index entries: baton's clone ${counts[0]}, git's ${counts[1]}"
    [ "${counts[0]}" = "${counts[1]}" ] || { echo "bench: $shape: the clones' racy entries differ" >&2; exit 1; }
}

# racy_entries DIR: how many index entries git's one-second rule counts as racily clean.
racy_entries() { python3 "$ROOT/bench/physical.py" racy "$1"; }

# state SHAPE DIR: how many tracked files share the second the index was written in (racily clean).
state() {
    python3 - "$2" "$1" <<'PY' >>"$RESULTS/state.tsv"
import os, subprocess, sys
root, shape = sys.argv[1], sys.argv[2]
index = int(os.stat(os.path.join(root, ".git", "index")).st_mtime)
files = subprocess.run(["git", "-C", root, "ls-files", "-z"], capture_output=True, check=True).stdout.split(b"\0")
seconds = [int(os.lstat(os.path.join(root.encode(), f)).st_mtime) for f in files if f]
same = sum(1 for s in seconds if s == index)
newer = sum(1 for s in seconds if s > index)
print(f"{shape}\t{len(seconds)}\t{same}\t{newer}\t{len(set(seconds))}")
PY
}

wanted() { [ -z "$ONLY" ] || [[ " $ONLY " == *" $1 "* ]]; }

# runs_for SHAPE NAME: sets runs, warmup and slow (history: seconds a run on large journals).
# The derived shapes share the large journal's objects (clones of one seed hardlink its pack), so its
# history is warm already: no warm-up there.
runs_for() {
    slow=0
    [ "$2" = history ] && slow=1
    case $1 in
    small | large) if [ $slow = 1 ]; then runs=$SLOW_RUNS warmup=1; else runs=$RUNS warmup=$WARMUP; fi ;;
    limits) runs=$LIMITS_RUNS warmup=0 ;;
    *) if [ $slow = 1 ]; then runs=$DERIVED_SLOW_RUNS warmup=0; else runs=$DERIVED_RUNS warmup=$WARMUP; fi ;;
    esac
    [ "$QUICK" = 1 ] && warmup=$WARMUP
    return 0
}

# measure SHAPE NAME MODE BATON_CMD GIT_CMD [BATON_PREPARE GIT_PREPARE]
# MODE is "shell" (commands need a shell) or "direct" (no shell: hyperfine -N).
measure() {
    local shape=$1 name=$2 mode=$3 bcmd=$4 gcmd=$5 bprep=${6:-} gprep=${7:-}
    wanted "$name" || return 0
    echo "== $shape: $name (at $(($(date +%s) - START)) s)" >&2
    printf '%s\t%s\n' "$shape" "$name" >>"$RESULTS/expected.tsv"
    local runs warmup slow
    runs_for "$shape" "$name"
    local args=(--warmup "$warmup" --runs "$runs" --style basic --export-json "$RESULTS/$shape.$name.json")
    [ "$mode" = direct ] && args+=(-N)
    if [ -n "$bprep" ]; then
        hyperfine "${args[@]}" --prepare "$bprep" -n baton "$bcmd" --prepare "$gprep" -n git "$gcmd" >&2
    else
        hyperfine "${args[@]}" -n baton "$bcmd" -n git "$gcmd" >&2
    fi
    local rss_runs=$RSS_RUNS
    [ "$slow" = 1 ] || [ "$shape" = limits ] && rss_runs=1
    rss "$shape" "$name" baton "$bcmd" "$bprep" "$rss_runs"
    rss "$shape" "$name" git "$gcmd" "$gprep" "$rss_runs"
    return 0
}

# rss SHAPE NAME TOOL CMD PREPARE RUNS: the largest peak RSS (KiB) over a few runs, into results/rss.tsv.
# baton's first run also reports its path (BATON_PATH_REPORT, into results/SHAPE.NAME.path), so the
# table shows which way each step went (fast path or libgit2, and why); a baton without the variable
# leaves no file and the table says -.
rss() {
    local peak=0 kb i report
    for i in $(seq "$6"); do
        [ -n "$5" ] && bash -c "$5" >/dev/null 2>&1
        report=
        [ "$3" = baton ] && [ "$i" = 1 ] && report="$RESULTS/$1.$2.path"
        if ! kb=$(BATON_PATH_REPORT="$report" /usr/bin/time -f '%x %M' bash -c "$4" 2>&1 >/dev/null | tail -n1); then
            kb="failed"
        fi
        if [[ ! "$kb" =~ ^0\ [0-9]+$ ]]; then
            echo "bench: $1 $2: $3 failed when measuring its memory ($kb)" >&2
            printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$RESULTS/failed.tsv"
            continue
        fi
        kb=${kb#0 }
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$peak" >>"$RESULTS/rss.tsv"
}

# physical_hook SHAPE DIR TASK: the bytes each command must read, hash, write and fsync on this shape, against
# what baton and git did (bench/physical.py, one traced run each), on the shapes in BENCH_PHYSICAL_SHAPES.
# history is left out past the small journals (its traced walk takes minutes there; its limit is computed
# in docs/PERFORMANCE.md).
PHYSICAL_SHAPES=${BENCH_PHYSICAL_SHAPES:-small large-reset git-made}
[ "${BENCH_QUICK:-0}" = 1 ] && PHYSICAL_SHAPES=${BENCH_PHYSICAL_SHAPES:-small}
# traced SHAPE: bench/physical.py runs on SHAPE.
traced() { [[ " $PHYSICAL_SHAPES " == *" $1 "* ]]; }
physical_hook() {
    local shape=$1 dir=$2 task=$3
    traced "$shape" || return 0
    [ "$shape" = limits ] && { echo "== limits: no physical-limit trace (limits has no teammate's clone)" >&2; return 0; }
    local only="note task-done sync status digest history search"
    [[ $shape == small* ]] || only="note task-done sync status digest search"
    echo "== $shape: physical limits (bench/physical.py)" >&2
    python3 "$ROOT/bench/physical.py" run --baton "$BATON" --repo "$dir/baton" --peer-repo "$dir/baton-peer" \
        --git-repo "$dir/git" --git-peer-repo "$dir/git-peer" --task "$task" --me "$ME" --peer "$PEER" \
        --only "$only" --runs 0 --out "$RESULTS" --shape "$shape" >&2 ||
        { echo "bench: bench/physical.py failed on $shape" >&2; return 1; }
}

# verify_new_objects REPO RANGE: every object reachable in RANGE is there and hashes to its id (rev-list
# reports a mismatched blob on stderr and still exits 0: any message fails).
verify_new_objects() {
    local errors
    errors=$(git -C "$1" rev-list --objects --verify-objects "$2" 2>&1 >/dev/null) && [ -z "$errors" ] ||
        { echo "bench: objects in $1 ($2) do not verify: $errors" >&2; return 1; }
}

# The id of an open task (doing; not an ask) in the journal at DIR with the longest log.
pick_task() {
    python3 - "$1/tasks" <<'PY'
import os, re, sys
best = (0, "")
for name in sorted(os.listdir(sys.argv[1])):
    text = open(os.path.join(sys.argv[1], name)).read()
    if re.search(r"^status: doing$", text, re.M) and "kind: ask" not in text:
        best = max(best, (text.count("\n- "), name[:-3]))
print(best[1])
PY
}

run_shape() {
    local shape=$1 shape_start
    shape_start=$(date +%s)
    case $shape in
    small | small-reset) SEED=$(journal small 10 60) ;;
    large | large-*) SEED=$(journal large 50 500) ;;
    git-made) SEED=$(journal git-made 30 300 --style git) ;;
    limits) SEED=$(journal limits 200 2500 100000 2400) ;;
    esac
    DAY=$(cat "$(dirname "$SEED")/day")
    local year=${DAY:0:4}
    MYNOTE="notes/$ME/$year/$DAY.md" PEERNOTE="notes/$PEER/$year/$DAY.md"
    if [ "$shape" = limits ]; then
        WORK="$BENCH/cache/limits"
        mkdir -p "$WORK"
        echo "== resetting the cached clones in $WORK" >&2
        cached_side baton
        cached_side git
        # This machine's kernel reclaims page cache that was not touched for a while (DAMON), and the two
        # clones' 2.4 GB of files are read from disk again at 25 MB/s: the first `search` took 96 s for baton
        # and 55 s for git, the others 7 s. Every file is read once first, in parallel, so every row is
        # measured warm, as on the other shapes (whose clones were just written).
        echo "== reading the cached clones' files once" >&2
        for side in baton git; do
            (cd "$WORK/$side" && git ls-files -z | xargs -0 -P 16 -n 4000 cat >/dev/null) &
        done
        wait
    else
        WORK="$BENCH/work/$shape"
        echo "== setting up clones in $WORK (at $(($(date +%s) - START)) s)" >&2
        # The last run's clones are removed while the new ones are made (deleting 60,000 files takes this
        # disk tens of seconds), and before anything is timed.
        local remover=
        if [ -e "$WORK" ]; then
            local old
            old=$(mktemp -d "$BENCH/work/.removing.XXXXXX")
            mv "$WORK" "$old/"
            rm -rf "$old" &
            remover=$!
        fi
        mkdir -p "$WORK"
        make_side "$shape" baton
        make_side "$shape" git
        settle "$shape"
        [ -z "$remover" ] || wait "$remover"
        # Write the new clones out before timing: otherwise baton's fsyncs (git makes none) wait for the
        # file system to flush what the clones wrote, and the first shape after them times the setup.
        sync
    fi
    local B="$WORK/baton" G="$WORK/git"
    # limits keeps its last day: baton's today is that day's afternoon, git's --since counts from it.
    local since="7.days"
    if [ "$DAY" != "$TODAY" ]; then
        export BATON_NOW="${DAY}T16:00:00Z"
        since=$(date -u -d "$DAY 16:00 UTC - 7 days" '+%Y-%m-%d %H:%M:%S +0000')
    else
        unset BATON_NOW
    fi
    state "$shape" "$B"
    # Each side's own commit: a shape's merge commit names its side's remote, so only the trees are equal.
    local bstart gstart task
    bstart=$(git -C "$B" rev-parse HEAD) gstart=$(git -C "$G" rev-parse HEAD)
    [ "$(git -C "$B" rev-parse HEAD^{tree})" = "$(git -C "$G" rev-parse HEAD^{tree})" ] ||
        { echo "bench: $shape: baton's and git's clones differ" >&2; exit 1; }
    task=$(pick_task "$B")
    printf '%s\t%s\t%s\n' "$shape" "$task" "$(git -C "$B" rev-list --count HEAD)" >>"$RESULTS/tasks.tsv"
    local tpath="tasks/$task.md"
    # The shape's index and the files the write commands change, for bench/restore_state.sh.
    bash "$ROOT/bench/save_state.sh" "$B" "$MYNOTE" "$tpath"
    bash "$ROOT/bench/save_state.sh" "$G" "$MYNOTE" "$tpath"
    export BATON_BIN="$BATON"
    # Read commands start from the shape's index; write commands from its commit, index and files (without
    # `git reset --hard`, which would stat every tracked file before each run).
    local bread="cp -p $B/.git/index.bench $B/.git/index" gread="cp -p $G/.git/index.bench $G/.git/index"
    local bwrite="bash $ROOT/bench/restore_state.sh $B $bstart $MYNOTE $tpath"
    local gwrite="bash $ROOT/bench/restore_state.sh $G $gstart $MYNOTE $tpath"

    # --help reads nothing of the journal: no prepare step (a `cp` just before each run only adds noise).
    measure "$shape" help direct "$BATON --help" "git --help"
    measure "$shape" status direct "$BATON -C $B status" "git -C $G status" "$bread" "$gread"
    measure "$shape" digest direct "$BATON -C $B digest --since 7d" "git -C $G log --since=\"$since\" --stat" \
        "$bread" "$gread"
    measure "$shape" history direct "$BATON -C $B history $task" "git -C $G log -p -- tasks/$task.md" "$bread" "$gread"
    # search: every line of notes/ and tasks/ holding both words, whole words in any case; git grep does the
    # same over every tracked file.
    measure "$shape" search direct "$BATON -C $B search --no-pager retry bug" \
        "git -C $G grep -i -w -e retry --and -e bug" "$bread" "$gread"

    # note: each run appends one bullet to today's note and commits it.
    measure "$shape" note shell \
        "cd $B && $BATON note 'bench bullet'" \
        "cd $G && printf -- '- 12:00 bench bullet\n' >> $MYNOTE && git add $MYNOTE && git commit -q -m 'note: $ME $DAY'" \
        "$bwrite" "$gwrite"

    # task done: the task is open (doing) in the shape's state; the measured run marks it done.
    measure "$shape" task-done shell \
        "cd $B && $BATON task done $task" \
        "cd $G && sed -i 's/^status: doing\$/status: done/' $tpath && printf -- '- ${DAY}T12:00:00+05:30 $ME: done\n' >> $tpath && git commit -q -a -m 'task $task: $ME done'" \
        "$bwrite" "$gwrite"

    # sync: prepare makes one new commit on the remote (a teammate's, bench/peer_commit.sh) and one local commit.
    local local_step="printf -- '- 11:00 local bullet\n' >> $MYNOTE && git add $MYNOTE && git commit -q -m 'note: $ME $DAY'"
    local peer_step="$ROOT/bench/peer_commit.sh $WORK/remote-SIDE.git $PEERNOTE '- 10:00 peer bullet' 'note: $PEER $DAY'"
    measure "$shape" sync shell \
        "cd $B && $BATON sync >/dev/null" \
        "cd $G && git pull -q --rebase && git push -q" \
        "bash ${peer_step/SIDE/baton} && cd $B && $local_step" \
        "bash ${peer_step/SIDE/git} && cd $G && $local_step"

    # What baton wrote is sound: a full fsck on the small journal. Past it (a fsck walks every object: tens of
    # seconds a clone on the large journal, minutes on limits) every object the runs added to the clone and
    # to its remote is there and parses with the id it is stored under (`rev-list --verify-objects` from
    # the shape's commit); the journal's own packs were checked when it was generated.
    if [[ $shape == small* ]]; then
        git -C "$B" fsck --full --no-progress >&2 && git -C "$WORK/remote-baton.git" fsck --full --no-progress >&2
    else
        local seedhead
        seedhead=$(git -C "$SEED" rev-parse main)
        verify_new_objects "$B" "$bstart..HEAD" && verify_new_objects "$WORK/remote-baton.git" "$seedhead..main"
    fi
    physical_hook "$shape" "$WORK" "$task"
    printf '%s\t%s\n' "$shape" "$(($(date +%s) - shape_start))" >>"$RESULTS/wall.tsv"
}

# A shape that fails (its setup or a command) is named in results/failed-shapes.tsv and the others still
# run; the report (and --check) says so.
# (errexit holds inside the subshell only outside an `if` or `||`: hence the set +e around it).
for shape in $SHAPES; do
    set +e
    (
        set -e
        run_shape "$shape"
    )
    status=$?
    set -e
    if [ "$status" != 0 ]; then
        echo "bench: the $shape shape failed" >&2
        printf '%s\n' "$shape" >>"$RESULTS/failed-shapes.tsv"
    fi
done

printf 'total\t%s\n' "$(($(date +%s) - START))" >>"$RESULTS/wall.tsv"
check=()
[ "$QUICK" = 1 ] || [ "${BENCH_CHECK:-0}" = 1 ] && check=(--check)
python3 "$ROOT/bench/report.py" "${check[@]}" "$RESULTS" | tee "$RESULTS/table.md"
status=${PIPESTATUS[0]}
if ls "$RESULTS"/*-physical.json >/dev/null 2>&1; then
    echo
    python3 "$ROOT/bench/physical.py" report "$RESULTS" | tee "$RESULTS/physical.md" || status=1
elif [ "$QUICK" = 1 ]; then
    echo "bench: no physical-limit results" >&2
    status=1
fi
exit "$status"
