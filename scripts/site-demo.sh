#!/usr/bin/env bash
# Builds a demo journal with three teammates in three zones, writes its dashboard with `baton site`
# into demo/site, and screenshots the overview and a person page into docs/screenshots/.
set -euo pipefail

BATON=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEMO=$(mktemp -d "${TMPDIR:-/tmp}/baton-site-demo.XXXXXX")
trap 'rm -rf "$DEMO"' EXIT
export HOME="$DEMO/home" GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
mkdir -p "$HOME"
git config --global init.defaultBranch main

as() { # as NAME ZONE NOW COMMAND...
    local who=$1 zone=$2 now=$3; shift 3
    (cd "$DEMO/$who" && TZ=$zone BATON_NOW=$now "$BATON" "$@")
}

git init -q --bare "$DEMO/team.git"
(cd "$DEMO" && "$BATON" init priya --me priya --remote "$DEMO/team.git" --team Relay >/dev/null)
git -C "$DEMO/priya" config user.name "Priya"; git -C "$DEMO/priya" config user.email "priya@example.com"
as priya Asia/Kolkata 2026-11-16T09:00:00+05:30 sync >/dev/null
for who in tom maria; do
    (cd "$DEMO" && "$BATON" clone "$DEMO/team.git" $who --me $who >/dev/null)
    git -C "$DEMO/$who" config user.name "${who^}"; git -C "$DEMO/$who" config user.email "$who@example.com"
done

python3 - "$DEMO/chart.png" <<'PY'
import struct, sys, zlib
w, h = 360, 140
rows = []
bars = [30, 55, 42, 80, 95, 70, 110]
for y in range(h):
    row = bytearray([0])
    for x in range(w):
        i = x // 50
        inside = i < len(bars) and x % 50 > 8 and h - y < bars[i]
        row += bytes((37, 99, 235) if inside else (246, 248, 250))
    rows.append(bytes(row))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(data)
PY

day=16
for d in 16 17 18 19 20 23 24; do
    as priya Asia/Kolkata 2026-11-${d}T10:00:00+05:30 note "orders migration, step $d" >/dev/null
    as priya Asia/Kolkata 2026-11-${d}T16:30:00+05:30 note "reviewed **Tom's** retry PR" >/dev/null
done
old=$(as priya Asia/Kolkata 2026-11-02T10:00:00+05:30 task add "Clean up old feature flags" --tag chore)
t1=$(as priya Asia/Kolkata 2026-11-20T11:00:00+05:30 task add "Backfill orders table" --due 2026-11-24 --tag db)
as priya Asia/Kolkata 2026-11-20T11:05:00+05:30 task start "$t1" >/dev/null
as priya Asia/Kolkata 2026-11-24T17:00:00+05:30 note "backfill throughput after the index change" --attach "$DEMO/chart.png" >/dev/null
as priya Asia/Kolkata 2026-11-24T17:10:00+05:30 task block "$t1" --reason "waiting on API keys from payments" >/dev/null
a1=$(as priya Asia/Kolkata 2026-11-23T12:00:00+05:30 ask tom "Can you review the retry PR (#42)?" --within 24h)
as priya Asia/Kolkata 2026-11-24T18:00:00+05:30 sync >/dev/null

as tom Europe/Berlin 2026-11-24T09:00:00+01:00 sync >/dev/null
for d in 17 18 19 20 24; do
    as tom Europe/Berlin 2026-11-${d}T09:30:00+01:00 note "retry queue: day $d" >/dev/null
done
as tom Europe/Berlin 2026-11-24T10:00:00+01:00 note --blocker "staging database is read-only" >/dev/null
t2=$(as tom Europe/Berlin 2026-11-18T10:00:00+01:00 task add "Retry failed webhooks" --due 2026-11-27)
as tom Europe/Berlin 2026-11-18T10:05:00+01:00 task start "$t2" >/dev/null
as tom Europe/Berlin 2026-11-25T10:00:00+01:00 reply "$a1" "Reviewed, two small comments" --done >/dev/null
as tom Europe/Berlin 2026-11-25T10:05:00+01:00 sync >/dev/null

as maria America/Los_Angeles 2026-11-24T08:00:00-08:00 sync >/dev/null
as maria America/Los_Angeles 2026-11-24T08:30:00-08:00 note "planning for the Q1 roadmap" >/dev/null
as maria America/Los_Angeles 2026-11-24T08:40:00-08:00 ask priya "Estimate for the backfill?" --within 48h >/dev/null
as maria America/Los_Angeles 2026-11-24T08:45:00-08:00 sync >/dev/null
as priya Asia/Kolkata 2026-11-25T09:00:00+05:30 sync >/dev/null

mkdir -p "$ROOT/demo" "$ROOT/docs/screenshots"
rm -rf "$ROOT/demo/site"
as priya Asia/Kolkata 2026-11-25T09:00:00+05:30 site "$ROOT/demo/site"

shoot() { # shoot PAGE OUTPUT WIDTH HEIGHT
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$DEMO/chromium" \
        --window-size="$3,$4" --screenshot="$2" "file://$ROOT/demo/site/$1" 2>/dev/null
}
shoot index.html "$ROOT/docs/screenshots/overview.png" 1280 1500
shoot people/priya.html "$ROOT/docs/screenshots/person.png" 1280 1400
shoot index.html "$ROOT/docs/screenshots/overview-phone.png" 390 1400
echo "Dashboard: $ROOT/demo/site/index.html"
echo "Screenshots: docs/screenshots/overview.png, person.png, overview-phone.png"
