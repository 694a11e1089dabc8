#!/usr/bin/env python3
"""A journal at the limits baton promises, for the layout prototype: tasks only, one commit per working day.

    python3 bench/prototype/gen_limits.py --tasks 100000 --days 2500 --people 200 | git fast-import

Writes a `git fast-import` stream (flat layout, `tasks/<id>.md`, files as baton renders them, docs/FORMAT.md):
TASKS tasks created evenly over DAYS working days ending on END by PEOPLE people, each started, sometimes
blocked, and done (90%) or dropped (5%) within three weeks, or left open (5%). All of a day's changes are one
commit, so the history has DAYS commits and every commit rewrites the `tasks/` tree; notes are left out (they
live in their own folders and do not change the `tasks/` trees; the index they add is measured separately).
`--squash N` makes the first N days one commit (the state they leave), so only the last DAYS - N days are
daily commits: fast-import then writes N times fewer multi-megabyte flat trees.
"""
import argparse
import datetime as dt
import random
import sys

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
OBJECTS = ["the retry bug", "orders backfill", "the billing API", "staging config", "the release notes",
           "flaky login test", "the search index", "cache eviction", "the onboarding doc", "CSV export"]
VERBS = ["Fix", "Review", "Write", "Deploy", "Test", "Refactor", "Document", "Profile", "Migrate", "Measure"]
TAGS = ["db", "api", "ops", "ui", "docs", "billing", "search", "infra"]


def workdays(end, count):
    days, day = [], end
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= dt.timedelta(days=1)
    return days[::-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", type=int, default=100000)
    ap.add_argument("--days", type=int, default=2500)
    ap.add_argument("--people", type=int, default=200)
    ap.add_argument("--end", default=dt.date.today().isoformat())
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--squash", type=int, default=0, help="make the first SQUASH days one commit")
    ap.add_argument("--notes", action="store_true", help="a daily note per person per day too (the bench's limits)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    days = workdays(dt.date.fromisoformat(args.end), args.days)
    people = [f"p{i:03d}" for i in range(args.people)]
    if args.notes:
        people[:2] = ["priya", "tom"]  # the bench's me and teammate write like everyone else
    events = [[] for _ in days]  # per day: (seconds, task index, status, log text)
    tasks, ids = [], set()
    for n in range(args.tasks):
        while True:
            task_id = "".join(rng.choice(ALPHABET) for _ in range(6))
            if task_id not in ids:
                ids.add(task_id)
                break
        created = min(len(days) - 1, n * len(days) // args.tasks)
        owner = rng.choice(people)
        title = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        tasks.append({"id": task_id, "owner": owner, "title": title, "tag": rng.choice(TAGS), "log": [],
                      "created_day": created})
        steps = [(created, "todo", "created")]
        day = created + rng.randint(0, 2)
        steps.append((day, "doing", "started"))
        if rng.random() < 0.2:
            day += rng.randint(1, 3)
            steps.append((day, "blocked", "blocked: waiting on API keys"))
            day += rng.randint(1, 4)
            steps.append((day, "doing", "started"))
        end = rng.random()
        if end < 0.90:
            steps.append((day + rng.randint(1, 8), "done", "done"))
        elif end < 0.95:
            steps.append((day + rng.randint(1, 8), "dropped", "dropped: not needed"))
        for step_day, status, text in steps:
            if step_day < len(days):
                events[step_day].append((rng.randint(9 * 3600, 18 * 3600), n, status, text))
    out = sys.stdout.buffer
    mark = 0
    pending = {}  # squashed days: task index -> task, written as one commit on the last squashed day
    pending_notes = []  # squashed days' notes: (mark, path)

    def data(payload):
        out.write(b"data %d\n" % len(payload))
        out.write(payload)
        out.write(b"\n")

    for index, day in enumerate(days):
        midnight = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())
        changes = {}
        for seconds, n, status, text in sorted(events[index]):
            task = tasks[n]
            stamp = dt.datetime.fromtimestamp(midnight + seconds, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
            task["log"].append(f"- {stamp}+00:00 {task['owner']}: {text}")
            if "created" not in task:
                task["created"] = stamp
            task["status"], task["updated"] = status, stamp
            changes[n] = task
        notes = []
        if args.notes:
            for person in people:
                text = (f"---\nauthor: {person}\ndate: {day.isoformat()}\nutc_offset: \"+00:00\"\n---\n\n"
                        f"## Yesterday\n\n- {rng.choice(VERBS).lower()}ed {rng.choice(OBJECTS)}\n\n"
                        f"## Today\n\n- {rng.choice(VERBS)} {rng.choice(OBJECTS)} ({rng.randint(1, 99999)})\n\n"
                        f"## Blockers\n")
                mark += 1
                out.write(b"blob\nmark :%d\n" % mark)
                data(text.encode())
                notes.append((mark, f"notes/{person}/{day.year}/{day.isoformat()}.md"))
        if index < args.squash - 1:
            pending.update(changes)
            pending_notes += notes
            continue
        if pending_notes:
            notes, pending_notes = pending_notes + notes, []
        if pending:
            pending.update(changes)
            changes, pending = pending, {}
        files = []
        if index == 0 or index == args.squash - 1:
            mark += 1
            out.write(b"blob\nmark :%d\n" % mark)
            data(b"team: Limits\ntimezone: Europe/Berlin\nask_window_hours: 24\n"
                 b"workdays: [mon, tue, wed, thu, fri]\nstale_days: 7\n")
            files.append((mark, "baton.yml"))
        for n, task in sorted(changes.items()):
            text = (f"---\nid: {task['id']}\ntitle: {task['title']}\nstatus: {task['status']}\nowner: {task['owner']}\n"
                    f"created: {task['created']}+00:00\nupdated: {task['updated']}+00:00\n"
                    f"tags: [{task['tag']}]\n---\n\n"
                    f"Context: {task['title'].lower()}.\n\n## Log\n\n" + "\n".join(task["log"]) + "\n")
            mark += 1
            out.write(b"blob\nmark :%d\n" % mark)
            data(text.encode())
            files.append((mark, f"tasks/{task['id']}.md"))
        files += notes
        if not files:
            continue
        person = people[index % len(people)]
        when = midnight + 18 * 3600
        mark += 1
        out.write(b"commit refs/heads/main\nmark :%d\n" % mark)
        out.write(f"author {person} <{person}@example.com> {when} +0000\n".encode())
        out.write(f"committer {person} <{person}@example.com> {when} +0000\n".encode())
        data(f"tasks: {len(files)} changes on {day}".encode())
        for blob, path in files:
            out.write(f"M 100644 :{blob} {path}\n".encode())
        out.write(b"\n")
    out.write(b"done\n")


if __name__ == "__main__":
    main()
