#!/usr/bin/env python3
"""Builds a synthetic baton journal with real git history, for the benchmarks.

Writes a `git fast-import` stream for a team of PEOPLE working DAYS working days (Mon-Fri) that end
on END (default: today), and pipes it into `git fast-import` in a new bare repository OUT:

- one commit per change, in time order, authored by the person who made it in their own UTC offset;
- a daily note per person per working day (1 to 3 bullets, each its own commit, as `baton note` does);
- tasks that are created, started, sometimes blocked, handed on, and mostly finished;
- asks between people, answered within a day or two.

Files follow docs/FORMAT.md exactly as baton renders them, so baton reads and extends them.

    python3 bench/gen_journal.py --people 50 --days 500 --out /tmp/large.git

Other shapes of history (the files are the same journal, the commits are not):

- `--style git`: a history the git CLI and hand edits made (bench/git_style.py): a person's day in one
  commit with a message as people write them, merge commits where two people committed in parallel and
  the second ran `git pull`, renamed files (a task given a new id, a note moved to its right day), and
  front matter written by hand in the variations baton still reads.
- `--commits day` or `week`: one commit per day or week for the whole team (its changes squashed), for
  journals too large to import change by change (the `limits` shape: fast-import rewrites the whole
  `tasks/` tree, 130,000 entries, for every commit that touches a task).

`--fingerprint` prints what identifies the output of these options (the bench's cache key): bump
STYLE_VERSION of a style whenever a change alters what that style generates.
"""
import argparse
import datetime as dt
import os
import random
import subprocess
import sys

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
FIRST_NAMES = [
    "priya", "tom", "lee", "ana", "omar", "mei", "jonas", "sara", "ravi", "lena", "kofi", "ines", "yuki", "marc",
    "dana", "ivan", "noor", "paul", "rosa", "tariq", "emma", "hugo", "aiko", "femi", "nina", "sven", "zoe",
    "arjun", "clara", "diego", "elif", "farah", "gil", "hana", "ilya", "jade", "kai", "lucia", "milo", "nadia",
    "oscar", "pia", "quinn", "rafael", "sofia", "theo", "uma", "vera", "wes", "xena", "yara", "zane",
]
SURNAMES = ["Shah", "Berg", "Okafor", "Silva", "Tanaka", "Novak", "Haddad", "Kim", "Moreau", "Fischer", "Rossi", "Diaz"]
# (UTC offset in minutes) of each person's home zone; fixed offsets keep the generator free of tz data.
OFFSETS = [330, 60, -300, 0, -480, 540, 120, -180, 480, 60]
VERBS = ["reviewed", "fixed", "wrote", "paired on", "deployed", "tested", "refactored", "documented", "profiled",
         "debugged", "planned", "cleaned up", "migrated", "measured", "sketched"]
OBJECTS = ["the retry bug", "orders backfill", "the billing API", "staging config", "the release notes",
           "flaky login test", "the search index", "cache eviction", "the onboarding doc", "CSV export",
           "rate limits", "the nightly job", "webhook signatures", "the dashboard", "schema migration",
           "mobile push", "audit log", "error budget", "the invoice PDF", "SSO callback"]
BLOCKERS = ["staging is read-only", "waiting on API keys", "CI is red on main", "need design sign-off",
            "vendor sandbox down", "no access to prod logs"]
TAGS = ["db", "api", "ops", "ui", "docs", "billing", "search", "infra"]
# Bump a style's version when a change alters its output: bench/run.sh regenerates cached journals then.
STYLE_VERSION = {"baton": 1, "git": 1}
BATON_YML = (
    "team: Relay                 # team name, shown in views\n"
    "timezone: Europe/Berlin     # default IANA zone, used when a reader's zone is unknown\n"
    "ask_window_hours: 24        # default response window of `baton ask`\n"
    "workdays: [mon, tue, wed, thu, fri]   # \"yesterday\" skips the other days\n"
    "stale_days: 7               # a task not updated for this many days is stale\n"
)
GITIGNORE = "# Editor and system leftovers that never belong in the journal.\n*.swp\n*.swo\n*~\n.#*\n.DS_Store\n.*.baton-*.tmp\n"


class Person:
    def __init__(self, index, rng):
        base = FIRST_NAMES[index % len(FIRST_NAMES)]
        self.handle = base if index < len(FIRST_NAMES) else f"{base}{index // len(FIRST_NAMES)}"
        self.name = f"{base.capitalize()} {SURNAMES[index % len(SURNAMES)]}"
        self.email = f"{self.handle}@example.com"
        self.offset = OFFSETS[index % len(OFFSETS)] * 60
        self.rng = rng


def offset_text(seconds, colon=True):
    sign = "-" if seconds < 0 else "+"
    minutes = abs(seconds) // 60
    return f"{sign}{minutes // 60:02d}{':' if colon else ''}{minutes % 60:02d}"


def stamp(epoch, offset):
    """ISO 8601 with the author's offset, as baton writes it."""
    local = dt.datetime.fromtimestamp(epoch + offset, dt.timezone.utc).replace(tzinfo=None)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + offset_text(offset)


def local_epoch(day, seconds_of_day, offset):
    """Epoch of `seconds_of_day` local time on `day` at `offset`."""
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()
    return int(midnight) + seconds_of_day - offset


class Note:
    """A daily note, rendered as `DailyNote.append` leaves it after appending to the template."""

    def __init__(self, person, day):
        self.person, self.day = person, day
        self.sections = {"yesterday": [], "today": [], "blockers": []}

    def render(self):
        out = f"---\nauthor: {self.person.handle}\ndate: {self.day.isoformat()}\nutc_offset: \"{offset_text(self.person.offset)}\"\n---\n"
        titles = [("yesterday", "Yesterday"), ("today", "Today"), ("blockers", "Blockers")]
        for i, (key, title) in enumerate(titles):
            out += f"\n## {title}\n"
            if self.sections[key]:
                out += "\n" + "".join(f"- {b}\n" for b in self.sections[key])
        return out


class Task:
    """A task or ask, rendered like `TaskDocument.render()`."""

    def __init__(self, tid, title, owner, created, due=None, tags=(), description="", ask_from=None, respond_by=None):
        self.id, self.title, self.owner, self.created, self.updated = tid, title, owner, created, created
        self.status, self.due, self.tags, self.description = "todo", due, list(tags), description
        self.blocked_reason, self.ask_from, self.respond_by = None, ask_from, respond_by
        self.log = []

    def render(self):
        lines = [f"id: {self.id}"]
        if self.ask_from:
            lines.append("kind: ask")
        lines += [f"title: {self.title}", f"status: {self.status}", f"owner: {self.owner}"]
        if self.ask_from:
            lines += [f"from: {self.ask_from}", f"to: {self.owner}", f"respond_by: {self.respond_by}"]
        lines += [f"created: {self.created}", f"updated: {self.updated}"]
        if self.due:
            lines.append(f"due: {self.due}")
        if self.tags:
            lines.append(f"tags: [{', '.join(self.tags)}]")
        if self.blocked_reason:
            lines.append(f"blocked_reason: {self.blocked_reason}")
        out = "---\n" + "".join(l + "\n" for l in lines) + "---\n\n"
        if self.description:
            out += self.description + "\n\n"
        out += "## Log\n"
        if self.log:
            out += "\n" + "".join(f"- {at} {who}: {text}\n" for at, who, text in self.log)
        return out


class Generator:
    def __init__(self, people, days, end, seed, commits="change"):
        self.grouping = commits
        self.pending, self.pending_day, self.pending_epoch = {}, None, 0
        self.rng = random.Random(seed)
        self.people = [Person(i, self.rng) for i in range(people)]
        self.days = self.working_days(days, end)
        self.events = []  # (epoch, seq, person, action, args)
        self.seq = 0
        self.used_ids = set()

    @staticmethod
    def working_days(count, end):
        days, day = [], end
        while len(days) < count:
            if day.weekday() < 5:
                days.append(day)
            day -= dt.timedelta(days=1)
        return days[::-1]

    def add(self, epoch, person, action, *args):
        self.seq += 1
        self.events.append((epoch, self.seq, person, action, args))

    def new_id(self):
        while True:
            tid = "".join(self.rng.choice(ALPHABET) for _ in range(6))
            if tid not in self.used_ids:
                self.used_ids.add(tid)
                return tid

    def phrase(self):
        return f"{self.rng.choice(VERBS)} {self.rng.choice(OBJECTS)}"

    def plan(self):
        rng, days = self.rng, self.days
        for di, day in enumerate(days):
            for p in self.people:
                # Notes: 1 to 3 bullets during the working day.
                for n in range(rng.choice([1, 1, 2, 2, 2, 3])):
                    section = rng.choices(["today", "yesterday", "blockers"], [80, 12, 8])[0]
                    at = local_epoch(day, 9 * 3600 + rng.randrange(9 * 3600), p.offset)
                    text = rng.choice(BLOCKERS) if section == "blockers" else self.phrase()
                    self.add(at, p, "note", day, section, text)
                if rng.random() < 0.2:
                    self.plan_task(di, p)
                if rng.random() < 0.05:
                    self.plan_ask(di, p)

    def times_on(self, di, p, count):
        """`count` increasing epochs on working days from index di on; None once past the last day."""
        out, index = [], di
        for _ in range(count):
            index += self.rng.choice([0, 1, 1, 2, 3])
            if index >= len(self.days):
                out.append(None)
                continue
            out.append(local_epoch(self.days[index], 9 * 3600 + self.rng.randrange(9 * 3600), p.offset))
        # Same-day steps keep their order: sort, keeping the Nones at the end.
        known = sorted(t for t in out if t is not None)
        return known + [None] * (len(out) - len(known))

    def plan_task(self, di, creator):
        rng = self.rng
        owner = creator if rng.random() < 0.7 else rng.choice(self.people)
        tid = self.new_id()
        steps = ["start"]
        if rng.random() < 0.3:
            steps += ["block", "start"]
        if rng.random() < 0.2:
            steps.append("assign")
        steps.append(rng.choices(["done", "drop", "open"], [82, 5, 13])[0])
        if steps[-1] == "open":
            steps.pop()
        times = self.times_on(di, creator, len(steps) + 1)
        if times[0] is None:
            return
        due = self.days[min(len(self.days) - 1, di + rng.randrange(2, 15))] if rng.random() < 0.5 else None
        tags = rng.sample(TAGS, rng.choice([0, 1, 1, 2]))
        title = f"{self.phrase().capitalize()}"
        description = f"Context: {self.phrase()} before {self.phrase()}." if rng.random() < 0.6 else ""
        self.add(times[0], creator, "task_create", tid, title, owner, due, tags, description)
        current = owner
        for step, at in zip(steps, times[1:]):
            if at is None:
                break
            if step == "assign":
                new_owner = rng.choice(self.people)
                self.add(at, current, "task_assign", tid, new_owner.handle, self.phrase())
                current = new_owner
            else:
                self.add(at, current, "task_" + step, tid, rng.choice(BLOCKERS))

    def plan_ask(self, di, asker):
        rng = self.rng
        target = rng.choice([p for p in self.people if p is not asker] or self.people)
        times = self.times_on(di, asker, 2)
        if times[0] is None:
            return
        tid = self.new_id()
        self.add(times[0], asker, "ask_create", tid, target.handle, f"Can you look at {rng.choice(OBJECTS)}?")
        if times[1] is not None:
            reply_at = max(times[1], times[0] + 600)
            self.add(reply_at, target, "ask_reply", tid, f"done, {self.phrase()}")

    # -- emitting -------------------------------------------------------------------------------------

    def emit(self, out):
        notes, tasks = {}, {}
        first = self.people[0]
        start = local_epoch(self.days[0], 8 * 3600, first.offset)
        self.write_commit(out, first, start, "journal: created for team Relay",
                          {"baton.yml": BATON_YML, ".gitignore": GITIGNORE})
        self.events.sort(key=lambda e: (e[0], e[1]))
        for epoch, _, p, action, args in self.events:
            ts = stamp(epoch, p.offset)
            if action == "note":
                day, section, text = args
                key = (p.handle, day)
                note = notes.get(key)
                if note is None:
                    note = notes[key] = Note(p, day)
                    notes.pop((p.handle, day - dt.timedelta(days=7)), None)
                hhmm = ts[11:16]
                note.sections[section].append(f"{hhmm} {text}")
                path = f"notes/{p.handle}/{day.year:04d}/{day.isoformat()}.md"
                label = "" if section == "today" else f" {section}"
                self.commit(out, p, epoch, f"note: {p.handle} {day.isoformat()}{label}", {path: note.render()})
                continue
            tid = args[0]
            if action == "task_create":
                _, title, owner, due, tags, description = args
                t = tasks[tid] = Task(tid, title, owner.handle, ts, due.isoformat() if due else None, tags, description)
                t.log.append((ts, p.handle, "created"))
                msg = f'task {tid}: created "{title}" (owner {owner.handle})'
            elif action == "ask_create":
                _, to, text = args
                respond = stamp(epoch + 24 * 3600, p.offset)
                t = tasks[tid] = Task(tid, text, to, ts, description=text, ask_from=p.handle, respond_by=respond)
                t.log.append((ts, p.handle, "created"))
                shown = respond[:10] + " " + respond[11:16] + " " + respond[19:]
                msg = f"ask {tid}: {p.handle} asks {to}, respond by {shown}"
            else:
                t = tasks[tid]
                noun = "ask" if t.ask_from else "task"
                if action == "task_start":
                    t.status, t.blocked_reason, line = "doing", None, "started"
                elif action == "task_block":
                    t.status, t.blocked_reason = "blocked", args[1]
                    line = f"blocked: {args[1]}"
                elif action == "task_done":
                    t.status, t.blocked_reason, line = "done", None, "done"
                elif action == "task_drop":
                    t.status, t.blocked_reason, line = "dropped", None, "dropped"
                elif action == "task_assign":
                    t.owner = args[1]
                    line = f"assigned to {args[1]}: {args[2]}"
                elif action == "ask_reply":
                    t.status = "done"
                    line = f"replied: {args[1]} (done)"
                t.log.append((ts, p.handle, line))
                t.updated = ts
                msg = f"{noun} {tid}: {p.handle} {line}"
            self.commit(out, p, epoch, msg, {f"tasks/{tid}.md": t.render()})
        self.flush_day(out)
        out.write(b"done\n")

    def commit(self, out, person, epoch, message, files):
        """One commit per change, or with `--commits day` the change kept for its day's commit."""
        if self.grouping == "change":
            return self.write_commit(out, person, epoch, message, files)
        day = dt.datetime.fromtimestamp(epoch, dt.timezone.utc).date()
        if self.grouping == "week":
            day -= dt.timedelta(days=day.weekday())
        if self.pending_day is not None and day != self.pending_day:
            self.flush_day(out)
        self.pending_day, self.pending_epoch = day, epoch
        self.pending.update(files)

    def flush_day(self, out):
        if not self.pending:
            return
        team = self.people[0]
        period = "week of " if self.grouping == "week" else ""
        message = f"journal: {period}{self.pending_day.isoformat()}, {len(self.pending)} files changed"
        files, self.pending = self.pending, {}
        self.write_commit(out, team, self.pending_epoch, message, files)

    def write_commit(self, out, person, epoch, message, files):
        who = f"{person.name} <{person.email}> {epoch} {offset_text(person.offset, colon=False)}"
        msg = message.encode() + b"\n"
        parts = [f"commit refs/heads/main\nauthor {who}\ncommitter {who}\ndata {len(msg)}\n".encode(), msg]
        for path, text in files.items():
            data = text.encode()
            parts.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode())
            parts.append(data)
            parts.append(b"\n")
        parts.append(b"\n")
        out.write(b"".join(parts))
        self.commits = getattr(self, "commits", 0) + 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--people", type=int, required=True)
    ap.add_argument("--days", type=int, required=True, help="working days (Mon-Fri)")
    ap.add_argument("--end", default=dt.date.today().isoformat(), help="last day, YYYY-MM-DD (default: today)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True, help="bare repository to create")
    ap.add_argument("--stream", action="store_true", help="write the fast-import stream to stdout instead")
    ap.add_argument("--style", choices=sorted(STYLE_VERSION), default="baton",
                    help="who made the history: baton (one commit per change) or git (the git CLI and hand edits)")
    ap.add_argument("--commits", choices=["change", "day", "week"], default="change",
                    help="day, week: one commit per day or week for the whole team (baton style only)")
    ap.add_argument("--fingerprint", action="store_true", help="print the cache key of these options and stop")
    args = ap.parse_args()
    if args.fingerprint:
        print(f"people={args.people} days={args.days} end={args.end} seed={args.seed} style={args.style}"
              f"-v{STYLE_VERSION[args.style]} commits={args.commits}")
        return
    if args.style == "git" and args.commits != "change":
        sys.exit("--commits day and week are for --style baton")

    gen = Generator(args.people, args.days, dt.date.fromisoformat(args.end), args.seed, args.commits)
    gen.plan()
    emitter = gen
    if args.style == "git":
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from git_style import GitStyle

        emitter = GitStyle(gen, Note, Task, stamp, local_epoch, {"baton.yml": BATON_YML, ".gitignore": GITIGNORE})
    if args.stream:
        emitter.emit(sys.stdout.buffer)
        return
    if os.path.exists(args.out):
        sys.exit(f"{args.out} exists")
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", args.out], check=True)
    proc = subprocess.Popen(["git", "-C", args.out, "fast-import", "--quiet", "--done"], stdin=subprocess.PIPE)
    emitter.emit(proc.stdin)
    proc.stdin.close()
    if proc.wait() != 0:
        sys.exit("git fast-import failed")
    if emitter is not gen:
        print(f"{args.out}: {emitter.commits} commits ({emitter.merges} merges, {emitter.renames} renames), "
              f"{len(gen.people)} people, {len(gen.days)} working days ending {gen.days[-1]}")
        return
    tasks = sum(1 for e in gen.events if e[3] == "task_create")
    asks = sum(1 for e in gen.events if e[3] == "ask_create")
    notes = len({(e[2].handle, e[4][0]) for e in gen.events if e[3] == "note"})
    print(f"{args.out}: {gen.commits} commits, {notes} notes, {tasks} tasks, {asks} asks, "
          f"{len(gen.people)} people, {len(gen.days)} working days ending {gen.days[-1]}")


if __name__ == "__main__":
    main()
