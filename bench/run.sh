#!/usr/bin/env bash
# Benchmarks baton against the git CLI doing the same work, on a small and a large synthetic journal.
#
#   bench/run.sh                  # both journals, every command
#   BENCH_SIZES=small bench/run.sh
#   BENCH_ONLY="note status" bench/run.sh
#
# Builds baton in release mode (.build-bench), generates the journals once into
# ${BATON_BENCH_DIR:-/tmp/baton-bench} (regenerated when the generator changes or the journal's last
# day is not today, so `--since 7d` keeps meaning the same thing), makes fresh clones and bare remotes
# for every run, times each pair with hyperfine (warm-up runs, a prepare step so every measured run does
# the same work), measures peak memory with /usr/bin/time, and prints the table (bench/report.py).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BATON_BENCH_DIR:-/tmp/baton-bench}
SIZES=${BENCH_SIZES:-small large}
ONLY=${BENCH_ONLY:-}
RUNS=${BENCH_RUNS:-15}       # measured runs per command (BENCH_SLOW_RUNS for digest and history)
WARMUP=${BENCH_WARMUP:-3}
RSS_RUNS=${BENCH_RSS_RUNS:-3}
TODAY=$(date +%F)
ME=priya
PEER=tom

for tool in hyperfine git python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (run: make bench-deps)" >&2; exit 1; }
done

echo "== building baton (release)"
# The same flags as `make release`.
(cd "$ROOT" && swift build -c release --product baton --static-swift-stdlib -Xlinker -no-pie --scratch-path "${BENCH_SCRATCH:-.build-bench}" 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' || true)
BATON="$ROOT/${BENCH_SCRATCH:-.build-bench}/release/baton"
[ -x "$BATON" ] || { echo "bench: build failed" >&2; exit 1; }

RESULTS="$BENCH/results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "git: $(git --version | cut -d' ' -f3), hyperfine: $(hyperfine --version | cut -d' ' -f2)"
} >"$RESULTS/machine.txt"

# journal SIZE PEOPLE DAYS: the generated bare repository, reused when still valid.
journal() {
    local size=$1 people=$2 days=$3
    local dir="$BENCH/journals/$size"
    local stamp="$people $days $TODAY $(sha1sum "$ROOT/bench/gen_journal.py" | cut -c1-12)"
    if [ ! -f "$dir/stamp" ] || [ "$(cat "$dir/stamp")" != "$stamp" ]; then
        echo "== generating the $size journal ($people people x $days working days)" >&2
        rm -rf "$dir"
        mkdir -p "$dir"
        python3 "$ROOT/bench/gen_journal.py" --people "$people" --days "$days" --end "$TODAY" --out "$dir/seed.git" >&2
        git -C "$dir/seed.git" fsck --no-progress >&2
        echo "$stamp" >"$dir/stamp"
    fi
    echo "$dir/seed.git"
}

# clone REMOTE DIR: a work clone set up for me.
clone() {
    git clone -q "$1" "$2"
    git -C "$2" config user.name "Priya Shah"
    git -C "$2" config user.email "priya@example.com"
    git -C "$2" config baton.me "$ME"
    git -C "$2" status >/dev/null # settle the index's stat data, as any used clone has
}

wanted() { [ -z "$ONLY" ] || [[ " $ONLY " == *" $1 "* ]]; }

# measure SIZE NAME MODE BATON_CMD GIT_CMD [BATON_PREPARE GIT_PREPARE]
# MODE is "shell" (commands need a shell) or "direct" (no shell: hyperfine -N).
measure() {
    local size=$1 name=$2 mode=$3 bcmd=$4 gcmd=$5 bprep=${6:-} gprep=${7:-}
    wanted "$name" || return 0
    echo "== $size: $name" >&2
    local runs=$RUNS warmup=$WARMUP
    # The report commands can take seconds a run on the large journal: fewer runs.
    if [ "$name" = digest ] || [ "$name" = history ]; then runs=${BENCH_SLOW_RUNS:-5}; warmup=1; fi
    local args=(--warmup "$warmup" --runs "$runs" --style basic --export-json "$RESULTS/$size-$name.json")
    [ "$mode" = direct ] && args+=(-N)
    local b=(-n baton "$bcmd") g=(-n git "$gcmd")
    if [ -n "$bprep" ]; then
        hyperfine "${args[@]}" --prepare "$bprep" -n baton "$bcmd" --prepare "$gprep" -n git "$gcmd" >&2
    elif [ -n "$gcmd" ]; then
        hyperfine "${args[@]}" "${b[@]}" "${g[@]}" >&2
    else
        hyperfine "${args[@]}" "${b[@]}" >&2
    fi
    rss "$size" "$name" baton "$bcmd" "$bprep"
    [ -n "$gcmd" ] && rss "$size" "$name" git "$gcmd" "$gprep"
    return 0
}

# rss SIZE NAME TOOL CMD PREPARE: the largest peak RSS (KiB) over a few runs, into results/rss.tsv.
rss() {
    local peak=0 kb
    for _ in $(seq "$RSS_RUNS"); do
        [ -n "$5" ] && bash -c "$5" >/dev/null 2>&1
        kb=$(/usr/bin/time -f %M bash -c "$4" 2>&1 >/dev/null | tail -n1)
        [[ "$kb" =~ ^[0-9]+$ ]] && [ "$kb" -gt "$peak" ] && peak=$kb
    done
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$peak" >>"$RESULTS/rss.tsv"
}

# The id of an open task (doing, todo or blocked) in the journal at DIR with the longest log.
pick_task() {
    python3 - "$1/tasks" <<'PY'
import os, re, sys
best = (0, "")
for name in sorted(os.listdir(sys.argv[1])):
    text = open(os.path.join(sys.argv[1], name)).read()
    if re.search(r"^status: (doing|todo|blocked)$", text, re.M) and "kind: ask" not in text:
        best = max(best, (text.count("\n- "), name[:-3]))
print(best[1])
PY
}

run_size() {
    local size=$1 people=$2 days=$3
    local seed work
    seed=$(journal "$size" "$people" "$days")
    work="$BENCH/work/$size"
    echo "== setting up clones in $work" >&2
    rm -rf "$work"
    mkdir -p "$work"
    git clone -q --bare "$seed" "$work/remote-baton.git"
    git clone -q --bare "$seed" "$work/remote-git.git"
    for side in baton git; do
        clone "$work/remote-$side.git" "$work/$side"
        clone "$work/remote-$side.git" "$work/$side-peer"
        git -C "$work/$side-peer" config user.name "Tom Berg"
        git -C "$work/$side-peer" config user.email "tom@example.com"
    done
    local year=${TODAY:0:4}
    local mynote="notes/$ME/$year/$TODAY.md" peernote="notes/$PEER/$year/$TODAY.md"
    local B="$work/baton" G="$work/git"
    local task
    task=$(pick_task "$B")
    echo "$task" >"$RESULTS/$size-task-id"
    export BATON_BIN="$BATON"

    measure "$size" help direct "$BATON --help" "git --help"

    measure "$size" status direct "$BATON -C $B status" "git -C $B status"

    if "$BATON" digest --help >/dev/null 2>&1; then
        measure "$size" digest direct "$BATON -C $B digest --since 7d" "git -C $B log --since=7.days --stat"
    else
        wanted digest && printf '%s\tdigest\tnot available\n' "$size" >>"$RESULTS/missing.tsv"
    fi
    if "$BATON" history --help >/dev/null 2>&1; then
        measure "$size" history direct "$BATON -C $B history $task" "git -C $B log -p -- tasks/$task.md"
    else
        wanted history && printf '%s\thistory\tnot available\n' "$size" >>"$RESULTS/missing.tsv"
    fi

    # search: every line of notes/ and tasks/ holding both words, whole words in any case; git grep does the
    # same over every tracked file.
    measure "$size" search direct "$BATON -C $B search --no-pager retry bug" "git -C $B grep -i -w -e retry --and -e bug"

    # note: each run appends one bullet to today's note and commits it.
    measure "$size" note shell \
        "cd $B && $BATON note 'bench bullet'" \
        "cd $G && printf -- '- 12:00 bench bullet\n' >> $mynote && git add $mynote && git commit -q -m 'note: $ME $TODAY'"

    # task done: prepare reopens the task (doing), the measured run marks it done.
    local tpath="tasks/$task.md"
    measure "$size" task-done shell \
        "cd $B && $BATON task done $task" \
        "cd $G && sed -i 's/^status: doing\$/status: done/' $tpath && printf -- '- ${TODAY}T12:00:00+05:30 $ME: done\n' >> $tpath && git commit -q -a -m 'task $task: $ME done'" \
        "cd $B && $BATON task start $task >/dev/null" \
        "cd $G && sed -i 's/^status: .*\$/status: doing/' $tpath && printf -- '- ${TODAY}T11:00:00+05:30 $ME: started\n' >> $tpath && git commit -q -a -m 'task $task: $ME started'"

    # sync: prepare makes one new commit on the remote (through the peer clone) and one local commit.
    local peer_step="git pull -q --rebase && printf -- '- 10:00 peer bullet\n' >> $peernote && git add $peernote && git commit -q -m 'note: $PEER $TODAY' && git push -q"
    local local_step="printf -- '- 11:00 local bullet\n' >> $mynote && git add $mynote && git commit -q -m 'note: $ME $TODAY'"
    measure "$size" sync shell \
        "cd $B && $BATON sync >/dev/null" \
        "cd $G && git pull -q --rebase && git push -q" \
        "cd $B-peer && $peer_step && cd $B && $local_step" \
        "cd $G-peer && $peer_step && cd $G && $local_step"

    git -C "$B" fsck --no-progress >&2 && git -C "$work/remote-baton.git" fsck --no-progress >&2
}

for size in $SIZES; do
    case $size in
    small) run_size small 10 60 ;;
    large) run_size large 50 500 ;;
    *) echo "bench: unknown size $size (small, large)" >&2; exit 64 ;;
    esac
done

python3 "$ROOT/bench/report.py" "$RESULTS" | tee "$RESULTS/table.md"
