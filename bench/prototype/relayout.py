#!/usr/bin/env python3
"""Rewrites a journal's history into another task layout: a `git fast-export` stream in, a `git fast-import` stream out.

    git fast-export --all --reencode=no | python3 bench/prototype/relayout.py LAYOUT | git fast-import

LAYOUT says where `tasks/<id>.md` lives in every commit of the rewritten history:

- `flat`:      `tasks/<id>.md` (today's layout; the stream passes through unchanged)
- `shard2`:    `tasks/<id[0:2]>/<id>.md` (961 folders for baton's 31-character alphabet)
- `shard1`:    `tasks/<id[0]>/<id>.md` (31 folders)
- `shard1x1`:  `tasks/<id[0]>/<id[1]>/<id>.md` (two levels of 31)
- `archive`:   `tasks/<id>.md` while the task is open; the commit that makes it `done` or `dropped` moves it to
               `archive/<yyyy>/<mm>/<id>.md` (year and month of that commit, in its author's offset), where it
               stays for later edits; a commit that reopens it moves it back to `tasks/`.
- `archive-shard1`: as `archive`, with the open tasks in `tasks/<id[0]>/<id>.md`.

Only paths change: blobs, authors, dates and messages are copied, so the histories differ in their trees only.
"""
import datetime as dt
import re
import sys

CLOSED = re.compile(rb"^status: (done|dropped)[ \t]*$", re.M)
TASK = re.compile(rb"^tasks/([a-z0-9][a-z0-9_-]{0,39})\.md$")


def sharded(task_id, widths):
    parts, at = [], 0
    for width in widths:
        parts.append(task_id[at:at + width])
        at += width
    return b"tasks/" + b"".join(p + b"/" for p in parts) + task_id + b".md"


class Relayout:
    def __init__(self, layout):
        self.layout = layout
        self.widths = {"flat": [], "shard1": [1], "shard2": [2], "shard1x1": [1, 1], "archive": [],
                       "archive-shard1": [1]}[layout]
        self.archive = layout.startswith("archive")
        self.closed_marks = set()  # blob marks whose text is a closed task
        self.where = {}  # task id -> its path now (archive layouts)
        self.month = b""  # yyyy/mm of the commit being copied

    def open_path(self, task_id):
        return sharded(task_id, self.widths)

    def modify(self, mode, ref, path):
        """The file commands for `M mode ref path`."""
        match = TASK.match(path)
        if not match:
            return [b"M %s %s %s\n" % (mode, ref, path)]
        task_id = match.group(1)
        if not self.archive:
            return [b"M %s %s %s\n" % (mode, ref, self.open_path(task_id))]
        old = self.where.get(task_id)
        if ref in self.closed_marks:
            new = old if old and old.startswith(b"archive/") else b"archive/%s/%s.md" % (self.month, task_id)
        else:
            new = self.open_path(task_id)
        self.where[task_id] = new
        out = [b"D %s\n" % old] if old and old != new else []
        return out + [b"M %s %s %s\n" % (mode, ref, new)]

    def delete(self, path):
        match = TASK.match(path)
        if not match:
            return [b"D %s\n" % path]
        task_id = match.group(1)
        if not self.archive:
            return [b"D %s\n" % self.open_path(task_id)]
        old = self.where.pop(task_id, None)
        return [b"D %s\n" % old] if old else []

    def run(self, src, dst):
        kind, mark = None, None
        while True:
            line = src.readline()
            if not line:
                break
            if line.startswith(b"data "):
                size = int(line[5:])
                data = src.read(size)
                if kind == b"blob" and mark and data.startswith(b"---\nid: ") and CLOSED.search(data):
                    self.closed_marks.add(mark)
                dst.write(line)
                dst.write(data)
                continue
            if line in (b"blob\n",) or line.startswith(b"commit "):
                kind, mark = line.split()[0], None
            elif line.startswith(b"mark "):
                mark = line[5:].strip()
            elif line.startswith(b"author ") and kind == b"commit":
                epoch, offset = line.rsplit(b" ", 2)[1:]
                sign = -1 if offset.startswith(b"-") else 1
                minutes = sign * (int(offset[1:3]) * 60 + int(offset[3:5]))
                day = dt.datetime.fromtimestamp(int(epoch) + minutes * 60, dt.timezone.utc)
                self.month = b"%04d/%02d" % (day.year, day.month)
            elif line.startswith(b"M ") and kind == b"commit":
                _, mode, ref, path = line.rstrip(b"\n").split(b" ", 3)
                dst.writelines(self.modify(mode, ref, path))
                continue
            elif line.startswith(b"D ") and kind == b"commit":
                dst.writelines(self.delete(line[2:].rstrip(b"\n")))
                continue
            dst.write(line)


if __name__ == "__main__":
    Relayout(sys.argv[1]).run(sys.stdin.buffer, sys.stdout.buffer)
