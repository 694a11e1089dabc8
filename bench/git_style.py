"""The `--style git` history of bench/gen_journal.py: the journal the git CLI and hand edits make.

The same planned events as baton's style (notes, tasks, asks), committed the way people commit by hand:

- a person's working day in one commit, made at the end of their day (notes and task edits together), with
  a message as people write them; a commit is made earlier when a teammate needs a file it holds (a task
  they are about to change), as if it had been pushed before they pulled;
- about one commit in ten made in parallel: based on the tip a few commits back, then merged as
  `git pull --no-rebase` does (first parent the local commit, second the remote tip, git's message), when
  the two sides changed different files;
- renamed files: a task given a new id (its `id:` changed with it), a Monday note first written under
  Sunday's date and moved to its right day the next day;
- front matter written by hand in the variations baton still reads (docs/FORMAT.md): block-style tag
  lists, quoted titles, unknown fields and comments, an explicit `kind: task`, the `id` field last;
  notes with a bullet continued on an indented line or a paragraph written outside the bullets.
"""
import datetime as dt

NOTE_MESSAGES = ["notes", "standup notes", "update notes", "daily update", "wip", "Notes for today", "notes {day}",
                 "{handle}: notes", "standup"]
TASK_MESSAGES = ["update tasks", "notes + tasks", "tasks and notes", "Update {tid}", "{verb} {tid}", "wip",
                 "daily update", "{title}"]
VERBS = {"created": "Add", "started": "Start", "done": "Close", "dropped": "Drop", "blocked": "Block",
         "assigned": "Hand over", "replied": "Answer"}
PRIORITIES = ["p1", "p2", "p3"]


class Group:
    """One person's uncommitted work of one local day."""

    def __init__(self, person, day):
        self.person, self.day = person, day
        self.paths = {}  # path -> ("note", key) or ("task", tid)
        self.tasks_created, self.task_words = set(), []


class GitStyle:
    def __init__(self, gen, note_class, task_class, stamp, local_epoch, first_files):
        self.gen, self.rng, self.first_files = gen, gen.rng, first_files
        self.Note, self.Task, self.stamp, self.local_epoch = note_class, task_class, stamp, local_epoch
        self.notes, self.tasks, self.alias = {}, {}, {}
        self.tree = {}  # path -> text, as of main's tip
        self.tips = []  # (mark, paths changed against the previous tip), in order
        self.pending, self.holder = {}, {}  # handle -> Group; path -> handle of the group holding it
        self.misplaced = {}  # handle -> [note key]
        self.variant = {}  # tid -> front matter variation
        self.mark = 0
        self.commits = self.merges = self.renames = 0

    # -- events ---------------------------------------------------------------------------------------

    def emit(self, out):
        gen, rng = self.gen, self.rng
        first = gen.people[0]
        start = self.local_epoch(gen.days[0], 8 * 3600, first.offset)
        events = list(gen.events)
        for p in gen.people:
            for day in gen.days:
                at = self.local_epoch(day, 18 * 3600 + rng.randrange(3 * 3600), p.offset)
                events.append((at, 0, p, "flush", (day,)))
        events.sort(key=lambda e: (e[0], e[1]))
        self.write(out, first, start, "Start the team journal", self.first_files, [], None, None)
        self.tree.update(self.first_files)
        for epoch, _, p, action, args in events:
            local_day = dt.datetime.fromtimestamp(epoch + p.offset, dt.timezone.utc).date()
            group = self.pending.get(p.handle)
            if action == "flush":
                if group is not None:
                    self.flush(out, group, epoch)
                continue
            if group is not None and group.day != local_day:
                self.flush(out, group, epoch)
                group = None
            path, ref = self.path_of(p, action, args)
            holder = self.holder.get(path)
            if holder is not None and holder != p.handle:
                self.flush(out, self.pending[holder], epoch)
            if group is None:
                group = self.pending[p.handle] = Group(p, local_day)
            self.apply(epoch, p, action, args, group)
            path, ref = self.path_of(p, action, args)
            group.paths[path] = ref
            self.holder[path] = p.handle
        for group in sorted(self.pending.values(), key=lambda g: g.day):
            self.flush(out, group, self.last_epoch + 60)
        out.write(b"done\n")

    def path_of(self, p, action, args):
        if action == "note":
            key = (p.handle, args[0])
            note = self.notes.get(key)
            return (note.path if note is not None else self.note_path(p.handle, args[0])), ("note", key)
        tid = self.alias.get(args[0], args[0])
        return f"tasks/{tid}.md", ("task", tid)

    @staticmethod
    def note_path(handle, day):
        return f"notes/{handle}/{day.year:04d}/{day.isoformat()}.md"

    def apply(self, epoch, p, action, args, group):
        ts = self.stamp(epoch, p.offset)
        if action == "note":
            day, section, text = args
            key = (p.handle, day)
            note = self.notes.get(key)
            if note is None:
                note = self.notes[key] = self.Note(p, day)
                note.path, note.shown_day = self.note_path(p.handle, day), day
                sunday = day - dt.timedelta(days=1)
                if day.weekday() == 0 and self.rng.random() < 0.1:
                    note.path, note.shown_day = self.note_path(p.handle, sunday), sunday
                    self.misplaced.setdefault(p.handle, []).append(key)
                note.extra = self.rng.random()
                self.notes.pop((p.handle, day - dt.timedelta(days=7)), None)
            note.sections[section].append(f"{ts[11:16]} {text}")
            return
        tid = self.alias.get(args[0], args[0])
        if action == "task_create":
            _, title, owner, due, tags, description = args
            t = self.tasks[tid] = self.Task(tid, title, owner.handle, ts, due.isoformat() if due else None, tags,
                                            description)
            t.log.append((ts, p.handle, "created"))
            self.variant[tid] = self.rng.choices(range(6), [50, 10, 10, 10, 10, 10])[0]
            group.tasks_created.add(tid)
            group.task_words.append(("created", tid, title))
            return
        if action == "ask_create":
            _, to, text = args
            respond = self.stamp(epoch + 24 * 3600, p.offset)
            t = self.tasks[tid] = self.Task(tid, text, to, ts, description=text, ask_from=p.handle, respond_by=respond)
            t.log.append((ts, p.handle, "created"))
            self.variant[tid] = self.rng.choice([0, 0, 2])
            group.task_words.append(("created", tid, text))
            return
        t = self.tasks[tid]
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
        else:  # ask_reply
            t.status = "done"
            line = f"replied: {args[1]} (done)"
        t.log.append((ts, p.handle, line))
        t.updated = ts
        group.task_words.append((line.split(":")[0].split(" ")[0], tid, t.title))

    # -- commits --------------------------------------------------------------------------------------

    def flush(self, out, group, epoch):
        rng, handle = self.rng, group.person.handle
        del self.pending[handle]
        files, renames = {}, []
        # A Monday note written under Sunday's date moves to its day in the person's next commit.
        for key in list(self.misplaced.get(handle, [])):
            note = self.notes.get(key)
            if note is None or key[1] == group.day:
                continue
            self.misplaced[handle].remove(key)
            old, right = note.path, self.note_path(handle, key[1])
            if old not in self.tree or right in self.tree:
                continue
            note.path, note.shown_day = right, key[1]
            renames.append((old, right))
            group.paths.pop(old, None)
            group.paths[right] = ("note", key)
        # Now and then a task already committed is given a new id (its file renamed).
        for path, (kind, ref) in list(group.paths.items()):
            if kind == "task" and ref not in group.tasks_created and path in self.tree and rng.random() < 0.02:
                new = self.gen.new_id()
                self.alias[ref] = new
                for old_id, now in self.alias.items():
                    if now == ref:
                        self.alias[old_id] = new
                t = self.tasks.pop(ref)
                t.id = new
                self.tasks[new] = t
                self.variant[new] = self.variant.pop(ref)
                renames.append((path, f"tasks/{new}.md"))
                del group.paths[path]
                group.paths[f"tasks/{new}.md"] = ("task", new)
        for path, (kind, ref) in group.paths.items():
            files[path] = self.render_note(self.notes[ref]) if kind == "note" else self.render_task(self.tasks[ref])
            self.holder.pop(path, None)
        for old, _ in renames:
            self.holder.pop(old, None)
        message = self.message(group)
        changed = set(files) | {old for old, _ in renames}
        # Made in parallel: based a few tips back, then merged as `git pull --no-rebase` does.
        base = None
        if len(self.tips) > 5 and rng.random() < 0.1:
            back = rng.randint(1, 4)
            since = set().union(*(paths for _, paths in self.tips[-back:]))
            if not since & changed:
                base, merged = self.tips[-back - 1][0], since
        if base is None:
            self.write(out, group.person, epoch, message, files, renames, None, None)
            self.tips.append((self.mark, changed))
        else:
            tip = self.tips[-1][0]
            self.write(out, group.person, epoch, message, files, renames, base, None)
            local = self.mark
            theirs = {path: self.tree.get(path) for path in merged}
            merge_message = "Merge branch 'main' of git.example.com:relay/journal"
            self.write(out, group.person, epoch + 30, merge_message, theirs, [], local, tip)
            self.merges += 1
            self.tips.append((self.mark, changed))
        for old, new in renames:
            self.tree[new] = self.tree.pop(old)
        self.tree.update(files)
        self.renames += len(renames)

    def message(self, group):
        rng = self.rng
        if not group.task_words:
            return rng.choice(NOTE_MESSAGES).format(day=group.day.isoformat(), handle=group.person.handle)
        word, tid, title = rng.choice(group.task_words)
        tid = self.alias.get(tid, tid)
        text = rng.choice(TASK_MESSAGES)
        return text.format(tid=tid, verb=VERBS.get(word, "Update"), title=title)

    def write(self, out, person, epoch, message, files, renames, parent, merge):
        """One fast-import commit on main; `parent` resets main to that mark first, `merge` adds a parent."""
        self.mark += 1
        self.last_epoch = epoch
        who = f"{person.name} <{person.email}> {epoch} {offset(person.offset)}"
        msg = message.encode() + b"\n"
        parts = [f"commit refs/heads/main\nmark :{self.mark}\nauthor {who}\ncommitter {who}\n"
                 f"data {len(msg)}\n".encode(), msg]
        if parent is not None:
            parts.append(f"from :{parent}\n".encode())
        if merge is not None:
            parts.append(f"merge :{merge}\n".encode())
        for old, new in renames or []:
            parts.append(f'R "{old}" "{new}"\n'.encode())
        for path, text in files.items():
            if text is None:
                parts.append(f"D {path}\n".encode())
                continue
            data = text.encode()
            parts += [f"M 100644 inline {path}\ndata {len(data)}\n".encode(), data, b"\n"]
        parts.append(b"\n")
        out.write(b"".join(parts))
        self.commits += 1

    # -- files as people edit them --------------------------------------------------------------------

    def render_note(self, note):
        text = note.render()
        if note.shown_day != note.day:
            text = text.replace(f"date: {note.day.isoformat()}\n", f"date: {note.shown_day.isoformat()}\n", 1)
        if note.extra < 0.1 and note.sections["today"]:
            first = f"- {note.sections['today'][0]}\n"
            text = text.replace(first, first + "  and wrote down what is left for tomorrow\n", 1)
        elif note.extra < 0.15:
            text += "\nPlanning moved to Thursday; agenda in the team doc.\n"
        return text

    def render_task(self, t):
        text = t.render()
        variant = self.variant.get(t.id, 0)
        head, body = text[4:].split("---\n", 1)
        lines = head.splitlines()
        if variant == 1 and t.tags:
            lines = [l for l in lines if not l.startswith("tags: ")] + ["tags:"] + [f"  - {tag}" for tag in t.tags]
        elif variant == 2:
            lines = [f'title: "{t.title}"' if l.startswith("title: ") else l for l in lines]
        elif variant == 3:
            at = next(i for i, l in enumerate(lines) if l.startswith("owner: ")) + 1
            lines[at:at] = [f"priority: {PRIORITIES[sum(map(ord, t.id)) % 3]}", "# estimate: two days"]
        elif variant == 4:
            lines.insert(1, "kind: task")
        elif variant == 5:
            lines = lines[1:] + [lines[0]]
        return "---\n" + "".join(l + "\n" for l in lines) + "---\n" + body


def offset(seconds):
    sign = "-" if seconds < 0 else "+"
    minutes = abs(seconds) // 60
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"
