#!/usr/bin/env bash
# A real round trip between two teammates through a local bare remote:
# notes, a task hand-off and an ask, each delivered with `baton sync`, then the standup and inboxes.
set -euo pipefail

BATON=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
DEMO=$(mktemp -d "${TMPDIR:-/tmp}/baton-demo.XXXXXX")
export HOME="$DEMO/home" NO_COLOR=${NO_COLOR:-} GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
git config --global user.name "Demo"
git config --global user.email "demo@example.com"
git config --global init.defaultBranch main

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
as() { # as NAME ZONE COMMAND... : run baton in NAME's clone, in NAME's time zone
    local who=$1 zone=$2; shift 2
    step "[$who, $zone] baton $*"
    (cd "$DEMO/$who" && TZ=$zone "$BATON" "$@")
}

echo "Demo folder: $DEMO"
git init -q --bare "$DEMO/team.git"

step "baton init priya --me priya --remote $DEMO/team.git"
(cd "$DEMO" && "$BATON" init priya --me priya --remote "$DEMO/team.git" --team relay)
git -C "$DEMO/priya" config user.name "Priya"
git -C "$DEMO/priya" config user.email "priya@example.com"
step "baton member add: the roster in baton.yml (asks and hand-offs to anyone else are refused)"
as priya Asia/Kolkata member add priya --name Priya --zone Asia/Kolkata
as priya Asia/Kolkata member add tom --name Tom --zone Europe/Berlin
as priya Asia/Kolkata sync

step "baton clone $DEMO/team.git tom --me tom"
(cd "$DEMO" && "$BATON" clone "$DEMO/team.git" tom --me tom)
git -C "$DEMO/tom" config user.name "Tom"
git -C "$DEMO/tom" config user.email "tom@example.com"

as priya Asia/Kolkata note "migrations for the orders table"
as priya Asia/Kolkata note --blocker "staging database is read-only"
task=$(cd "$DEMO/priya" && TZ=Asia/Kolkata "$BATON" task add "Backfill orders" --due 3d --tag db)
echo "task id: $task"
as priya Asia/Kolkata task start "$task"
as priya Asia/Kolkata task assign "$task" tom --note "migrations done, backfill left"
ask=$(cd "$DEMO/priya" && TZ=Asia/Kolkata "$BATON" ask tom "Can you review the backfill script?" --within 24h)
echo "ask id: $ask"
as priya Asia/Kolkata sync

as tom Europe/Berlin sync
as tom Europe/Berlin inbox
as tom Europe/Berlin note "picked up the backfill from Priya"
as tom Europe/Berlin reply "$ask" "Reviewed, two comments on batching" --done
as tom Europe/Berlin task show "$task"
as tom Europe/Berlin sync

as priya Asia/Kolkata sync
as priya Asia/Kolkata standup
as priya Asia/Kolkata inbox

step "git log --oneline --graph (plain git reads the team's history)"
git -C "$DEMO/priya" log --oneline --graph
as tom Europe/Berlin history "$task"
as priya Asia/Kolkata digest --since 7d --format markdown
echo
echo "The demo journal is in $DEMO (remove it with: rm -rf $DEMO)"
