#!/usr/bin/env bash
# What the index costs a commit as the journal grows, and what git's split index (core.splitIndex, the `link`
# extension) would change: index-only repositories (no work tree) with the large journal's entry count and the
# limits' (200 people x 2,500 days of notes + 100,000 tasks), timed on `git update-index --cacheinfo` of one path,
# which reads, edits, hashes and writes the whole index as every commit does (median wall time, mean CPU time, and
# instructions counted by callgrind). Prints name, split, entries, index bytes, shared index bytes, wall s, CPU s,
# instructions.
set -euo pipefail
PROTO=${PROTO_DIR:-/tmp/i14-proto}
RUNS=${PROTO_RUNS:-15}
OUT="$PROTO/results/index.tsv"
mkdir -p "$PROTO/results"
: >"$OUT"
BLOB=$(printf -- "- 09:00 a bullet\n" | git hash-object --stdin)

# entries BLOB PEOPLE DAYS TASKS: index lines for the notes of PEOPLE x DAYS and TASKS task files, all BLOB.
entries() {
    python3 - "$@" <<'PY'
import sys
blob = sys.argv[1]
people, days, tasks = map(int, sys.argv[2:])
alphabet = "23456789abcdefghjkmnpqrstuvwxyz"
out = sys.stdout
paths = []
for p in range(people):
    for d in range(days):
        year = 2017 + d // 250
        paths.append(f"notes/p{p:03d}/{year}/{year}-{1 + d % 250 // 21:02d}-{1 + d % 21:02d}.md")
for t in range(tasks):
    paths.append("tasks/" + "".join(alphabet[(t * 7919 // 31 ** k) % 31] for k in range(6)) + ".md")
for path in sorted(set(paths)):
    out.write(f"100644 {blob}\t{path}\n")
PY
}

for shape in "large 50 500 6278" "limits 200 2500 100000"; do
    read -r name people days tasks <<<"$shape"
    for split in false true; do
        dir="$PROTO/index/$name-split-$split"
        rm -rf "$dir"
        git init -q -b main "$dir"
        printf -- "- 09:00 a bullet\n" | git -C "$dir" hash-object -w --stdin >/dev/null
        git -C "$dir" config core.splitIndex "$split"
        git -C "$dir" config splitIndex.maxPercentChange 20
        entries "$BLOB" "$people" "$days" "$tasks" | git -C "$dir" update-index --index-info
        git -C "$dir" write-tree >/dev/null
        [ "$split" = true ] && git -C "$dir" update-index --split-index
        count=$(git -C "$dir" ls-files | wc -l)
        hyperfine --style basic -N --warmup 2 --runs "$RUNS" --export-json "$dir.json" \
            "git -C $dir update-index --add --cacheinfo 100644,$BLOB,notes/p000/2026/2026-12-01.md" >&2
        times=$(python3 -c "import json,sys; r = json.load(open(sys.argv[1]))['results'][0]
print(r['median'], r['user'] + r['system'], sep='\t')" "$dir.json")
        ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null git -C "$dir" update-index --add \
            --cacheinfo "100644,$BLOB,notes/p000/2026/2026-12-02.md" 2>&1 | awk '/Collected :/ {print $4}')
        shared=$(find "$dir/.git" -maxdepth 1 -name 'sharedindex.*' -printf '%s\n' | sort -n | tail -1)
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$split" "$count" "$(stat -c %s "$dir/.git/index")" \
            "${shared:-0}" "$times" "$ir" >>"$OUT"
    done
done
# SHA-1 throughput, the floor of hashing an index of either size.
head -c 50000000 /dev/zero >"$PROTO/index/50MB"
hyperfine --style basic -N --warmup 1 --runs 5 --export-json "$PROTO/index/sha1.json" "sha1sum $PROTO/index/50MB" >&2
python3 -c "import json,sys; r = json.load(open(sys.argv[1]))['results'][0]
print('sha1', 50000000, r['median'], r['user'] + r['system'], sep='\t')" \
    "$PROTO/index/sha1.json" >>"$OUT"
cat "$OUT"
