#!/usr/bin/env python3
"""The physical limit of each benchmarked command, and how far baton (and the git CLI) is from it.

    python3 bench/physical.py prepare --seed SEED --dir D [--reset-hard]
    python3 bench/physical.py run --baton BIN --repo B --peer-repo BP [--git-repo G --git-peer-repo GP]
                                  [--task ID] [--me priya] [--peer tom] [--only "note status"] [--runs 3]
                                  --out DIR --shape NAME
    python3 bench/physical.py report DIR

`prepare` makes, from SEED (a bare journal or a work clone), what `run` needs, as bench/run.sh does:
D/remote-baton.git and D/remote-git.git (bare clones of SEED), D/baton, D/baton-peer, D/git, D/git-peer
(clones of them, set up for priya and tom, index settled by `git status`). With --reset-hard, D/baton's files
and index are then written again by `git reset --hard` (every file removed first): the state of a clone after
`git pull`, `git checkout` or `git reset`, with many entries as recent as the index ("racily clean"). It prints
the id of the task `run` should use (an open task with the longest log, as bench/run.sh picks it).

`run` measures, in this order, status, digest, history, search (read-only: the index is put back, bytes and
times, before each, so each sees the state it was given), then note, task-done, sync, each with the prepare
step of bench/run.sh (task-done: `baton task start ID` first; sync: the peer pushes one commit and the clone
makes one local commit). For each command it writes into DIR/NAME-physical.json:

  (a) the limit: the bytes that must be read, hashed (SHA-1), deflated, written and fsynced for that change or
      query, given git's formats and this repository's shape, computed from the repository (the index's size
      and entries, the objects the command's commit made, the trees and commits the query needs);
  (b) what baton did, from one run under `strace -f -y` (read/pread64/readv, write/pwrite64/writev,
      fsync/fdatasync, openat, lstat/newfstatat/statx, getdents64, mmap of pack files and of the index: git
      maps both, and a mapping counts its whole length, not the pages touched), summed over the
      files of the repositories involved (the clone, its remote): system files, pipes and sockets are counted
      apart and left out of the totals; and the same for the git CLI doing the same work (in G, GP, when given);
  (c) baton's wall time (the fastest of --runs runs without strace, default 3, same prepare steps; digest:
      one run; history, seconds on the large journal and few system calls: its traced run) and the
      time the limit would take on one core of this machine, from a calibration made once per run in CPU
      time: SHA-1, zlib deflate and inflate rates, sequential read and write rates (page cache), the cost of
      one lstat, one open+read+close of a small file and one folder listing (from Python: an upper bound of
      the system call's own cost), and fsync latency (wall time).

Assumptions of the limit (what git's formats force; anything cheaper would need another format):
  - The index is one file with a SHA-1 of all of it at its end: a commit must read it whole, hash the new one
    whole and write it whole (a lock file renamed over the old one). Its cache-tree lets a commit build the
    new trees from the index alone, so old trees need not be read; HEAD-vs-index in status needs only HEAD's
    commit when the cache-tree's root is valid, every tree of HEAD otherwise.
  - A new object is hashed over its header and content, deflated (loose objects: zlib level 1, git's
    core.looseCompression) and written; a fetched or pushed object is written once into a pack (zlib level 6,
    no deltas counted) plus its .idx, and hashed once by the side that indexes the pack.
  - A changed work-tree file is read whole (its blob is hashed whole) and written from its first changed
    byte to its end (an append writes only what it appends).
  - A crash-safe commit makes its objects (and the work-tree file) durable before the ref that names them,
    then the ref: at least 2 fsyncs with batching (one barrier for the data, one for the ref; git's
    core.fsyncMethod=batch), or one per object file plus one per ref with one fsync per file. A sync does
    that on both sides (the clone and the remote): 4, or one per pack/index/loose object/ref.
  - status must lstat every tracked file and list every folder (new files), and read and hash every entry
    whose stat data differ from the file's or that is as recent as the index (git's racy-clean rule).
  - digest must inflate the period's commits and the first one before it, compare `tasks/` (and the notes'
    folders) between the two ends of the period (one tree diff: the trees on the changed paths, both
    versions), read every current task file (overdue, stale and blocked tasks are about all open tasks) and
    the notes of the period.
  - history must inflate every commit reachable from HEAD, every distinct root tree, every distinct version
    of the folders on the task's path, and every version of the task's file.
  - search must list notes/ and tasks/ and read every file in them.
  - sync (baton's contract): a full status scan for hand edits, the fetch (the remote's new objects read on
    the remote, written and hashed locally), the merge (the trees on the paths both sides changed, read in
    the three versions; the merge commit's new objects hashed, deflated, written), the changed work-tree
    files and the index rewritten, the push (the objects the remote lacks, read locally, written and hashed
    on the remote), three refs and their logs (the branch, the remote-tracking branch, the remote's branch).
  Reads count inflated bytes (what must be produced), not the compressed bytes on disk.

Needs: Python 3 (standard library only), git, strace. Runs in well under a minute per shape.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import textwrap
import time
import zlib

COMMANDS = ["status", "digest", "history", "search", "note", "task-done", "sync"]
READ_ONLY = {"status", "digest", "history", "search"}
SLOW = {"digest", "history"}  # timed once (seconds a run on the large journal); history by its traced run
TRACE = ("read,pread64,readv,preadv,preadv2,write,pwrite64,writev,pwritev,pwritev2,fsync,fdatasync,"
         "sync_file_range,syncfs,openat,open,lstat,stat,newfstatat,statx,fstat,getdents64,mmap,"
         "rename,renameat,renameat2")
READS = {"read", "pread64", "readv", "preadv", "preadv2"}
WRITES = {"write", "pwrite64", "writev", "pwritev", "pwritev2"}
FSYNCS = {"fsync", "fdatasync", "sync_file_range", "syncfs"}
STATS = {"lstat", "stat", "newfstatat", "statx", "fstat"}
OPENS = {"openat", "open"}
RENAMES = {"rename", "renameat", "renameat2"}


# ---------------------------------------------------------------- helpers

def slurp(path, mode="rb"):
    """The whole content of a file (bytes, or text with mode "r")."""
    with open(path, mode, **({} if "b" in mode else {"errors": "replace"})) as f:
        return f.read()


def slurp_reset(path):
    """Empties (or makes) a file."""
    with open(path, "w"):
        pass


def git(repo, *args, input=None):
    """Runs git in REPO and returns its stdout (bytes)."""
    return subprocess.run(["git", "-C", repo, *args], input=input, stdout=subprocess.PIPE, check=True).stdout


def git_text(repo, *args):
    return git(repo, *args).decode().strip()


def git_dir(repo):
    d = git_text(repo, "rev-parse", "--git-dir")
    return d if os.path.isabs(d) else os.path.join(repo, d)


def batch_sizes(repo, names):
    """{name: (id, type, size, size on disk)} for objects (ids or rev:path names); None if missing."""
    if not names:
        return {}
    out = git(repo, "cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize) %(objectsize:disk)",
              input=("\n".join(names) + "\n").encode()).decode().splitlines()
    result = {}
    for name, line in zip(names, out):
        parts = line.split()
        result[name] = (parts[0], parts[1], int(parts[2]), int(parts[3])) if len(parts) == 4 else None
    return result


def batch_contents(repo, ids):
    """{id: (type, content)} for object ids."""
    if not ids:
        return {}
    data = git(repo, "cat-file", "--batch", input=("\n".join(ids) + "\n").encode())
    result, pos = {}, 0
    for oid in ids:
        nl = data.index(b"\n", pos)
        header = data[pos:nl].decode().split()
        size = int(header[2])
        result[oid] = (header[1], data[nl + 1:nl + 1 + size])
        pos = nl + 1 + size + 1
    return result


class Cost:
    """Bytes and counts of one command's work (the limit, or a tally of what a process did)."""

    def __init__(self):
        self.read = 0          # bytes read (limit: inflated object bytes and file bytes)
        self.hash = 0          # bytes SHA-1 hashed
        self.deflate = 0       # bytes deflated (objects written)
        self.objects = 0       # of `read`, the bytes of objects (inflated)
        self.inflate = 0       # compressed bytes inflated (objects read: their size on disk, a delta's own size)
        self.write = 0         # bytes written
        self.fsync = 0         # fsyncs with batching
        self.fsync_per_file = 0
        self.lstat = 0
        self.opens = 0         # files opened and read (small files: counted apart from their bytes)
        self.dirs = 0          # folders listed
        self.parts = {}        # what the bytes are: name -> bytes

    def add(self, part, read=0, hash=0, deflate=0, write=0):
        self.read += read
        self.hash += hash
        self.deflate += deflate
        self.write += write
        self.parts[part] = self.parts.get(part, 0) + read + hash + write

    def objects_read(self, part, sizes):
        """Objects that must be read (each distinct object once): produced whole, inflated from their disk form."""
        distinct = {s[0]: s for s in sizes.values() if s}
        self.read += sum(s[2] for s in distinct.values())
        self.objects += sum(s[2] for s in distinct.values())
        self.inflate += sum(s[3] for s in distinct.values())
        self.parts[part] = self.parts.get(part, 0) + sum(s[2] for s in distinct.values())

    def objects_written(self, repo, ids, level=1, label="objects"):
        """New objects: hashed (header + content), deflated and written (loose at level 1)."""
        contents = batch_contents(repo, sorted(ids))
        for oid, (kind, body) in contents.items():
            raw = f"{kind} {len(body)}\0".encode() + body
            self.add(label, hash=len(raw), deflate=len(raw), write=len(zlib.compress(raw, level)))
        return len(contents)

    def to_json(self):
        return dict(vars(self))


# ---------------------------------------------------------------- the index

def parse_index(path):
    """Entries (path, ctime, mtime, ino, size) and whether the cache-tree's root is valid."""
    data = slurp(path)
    sig, version, count = struct.unpack(">4sII", data[:12])
    if sig != b"DIRC" or version not in (2, 3):
        sys.exit(f"physical: {path} is an index of version {version}; only versions 2 and 3 are read "
                 "(run `git update-index --index-version 2` in a copy)")
    entries, pos = [], 12
    for _ in range(count):
        (cs, cn, ms, mn, dev, ino, mode, uid, gid, size) = struct.unpack(">10I", data[pos:pos + 40])
        flags = struct.unpack(">H", data[pos + 60:pos + 62])[0]
        start = pos + 62 + (2 if version == 3 and flags & 0x4000 else 0)
        end = data.index(b"\0", start)
        entries.append((data[start:end].decode("utf-8", "replace"), cs, cn, ms, mn, ino, size, mode))
        pos += ((end - pos) // 8 + 1) * 8
    tree_valid = False
    while pos + 8 <= len(data) - 20:
        ext, length = struct.unpack(">4sI", data[pos:pos + 8])
        if ext == b"TREE":
            body = data[pos + 8:pos + 8 + length]
            nul = body.index(b"\0")
            tree_valid = not body[nul + 1:].startswith(b"-1")
        pos += 8 + length
    return {"size": len(data), "entries": entries, "tree_valid": tree_valid}


def stale_entries(repo, index_path, index):
    """Entries that must be read and hashed: stat data differ from the file's, or as recent as the index."""
    st_index = os.stat(index_path)
    racy_limit = (int(st_index.st_mtime), st_index.st_mtime_ns % 1_000_000_000)
    stale, stale_bytes, racy, racy_seconds, racy_seconds_bytes = 0, 0, 0, 0, 0
    for (path, cs, cn, ms, mn, ino, size, mode) in index["entries"]:
        try:
            st = os.lstat(os.path.join(repo, path))
        except OSError:
            continue
        differs = (size != st.st_size or ms != int(st.st_mtime) or mn != st.st_mtime_ns % 1_000_000_000
                   or cs != int(st.st_ctime) or cn != st.st_ctime_ns % 1_000_000_000 or ino != st.st_ino)
        is_racy = (ms, mn) >= racy_limit
        if not differs and ms >= racy_limit[0]:
            racy_seconds += 1
            racy_seconds_bytes += st.st_size
        if differs or is_racy:
            stale += 1
            stale_bytes += st.st_size
            racy += 1 if is_racy else 0
    return stale, stale_bytes, racy, racy_seconds, racy_seconds_bytes


def racy(a):
    """Prints how many entries of a clone's index git's one-second rule counts as racily clean."""
    index_path = os.path.join(a.repo, ".git", "index")
    since = int(os.stat(index_path).st_mtime)
    print(sum(1 for entry in parse_index(index_path)["entries"] if entry[3] >= since))


def tracked_dirs(index):
    dirs = {""}
    for e in index["entries"]:
        parts = e[0].split("/")[:-1]
        for i in range(1, len(parts) + 1):
            dirs.add("/".join(parts[:i]))
    return dirs


# ---------------------------------------------------------------- the limits

def limit_commit(repo, before, after, index_before):
    """The limit of one commit (note, task done): what `after` added to `before`'s history."""
    c = Cost()
    gd = git_dir(repo)
    c.add("config", read=os.path.getsize(os.path.join(gd, "config")))
    if os.path.exists(os.path.join(repo, "baton.yml")):
        c.add("config", read=os.path.getsize(os.path.join(repo, "baton.yml")))
    c.add("index", read=index_before, hash=os.path.getsize(os.path.join(gd, "index")),
          write=os.path.getsize(os.path.join(gd, "index")))
    changed = git_text(repo, "diff-tree", "-r", "--name-only", "--no-commit-id", before, after).splitlines()
    for path in changed:
        old, new = committed(repo, before, path), slurp(os.path.join(repo, path))
        c.add("work-tree file", read=len(old), write=len(new) - first_change(old, new))
    new_ids = git_text(repo, "rev-list", "--objects", after, "--not", before).split("\n")
    n = c.objects_written(repo, [line.split()[0] for line in new_ids if line])
    c.add("ref and reflog", read=41 + 21, write=41 + reflog_line(gd, "HEAD") + reflog_line(gd, branch_ref(repo)))
    c.fsync, c.fsync_per_file = 2, n + 1
    return c, {"changed": changed, "new_objects": n}


def branch_ref(repo):
    return git_text(repo, "symbolic-ref", "HEAD")


def reflog_line(gd, ref):
    path = os.path.join(gd, "logs", ref)
    if not os.path.exists(path):
        return 0
    lines = slurp(path).splitlines()
    return len(lines[-1]) + 1 if lines else 0


def limit_status(repo):
    c = Cost()
    gd = git_dir(repo)
    index = parse_index(os.path.join(gd, "index"))
    c.add("index", read=os.path.getsize(os.path.join(gd, "index")))
    c.lstat = len(index["entries"])
    c.dirs = len(tracked_dirs(index))
    stale, stale_bytes, racy, racy_s, racy_s_bytes = stale_entries(repo, os.path.join(gd, "index"), index)
    c.add("stale entries re-hashed", read=stale_bytes, hash=stale_bytes + 16 * stale)
    c.opens = stale
    c.objects_read("HEAD", batch_sizes(repo, ["HEAD"]))
    if not index["tree_valid"]:
        trees = git_text(repo, "ls-tree", "-r", "-t", "HEAD").splitlines()
        ids = [line.split()[2] for line in trees if line.split()[1] == "tree"] + ["HEAD^{tree}"]
        c.objects_read("HEAD's trees (no valid cache-tree)", batch_sizes(repo, ids))
    return c, {"entries": len(index["entries"]), "stale": stale, "racy": racy, "tree_valid": index["tree_valid"],
               "same_second_as_index": racy_s, "same_second_bytes": racy_s_bytes}


def limit_digest(repo, days=7):
    c = Cost()
    commits = git_text(repo, "rev-list", f"--since={days}.days", "HEAD").split()
    boundary = git_text(repo, "rev-list", "-n1", f"--until={days}.days", "HEAD")
    walked = commits + ([boundary] if boundary else [])
    c.objects_read("commits of the period", batch_sizes(repo, walked))
    if boundary:
        changed = git_text(repo, "diff-tree", "-r", "--name-only", boundary, "HEAD", "--", "tasks", "notes")
        dirs = {""}
        for path in changed.splitlines():
            parts = path.split("/")[:-1]
            for i in range(1, len(parts) + 1):
                dirs.add("/".join(parts[:i]))
        names = [f"{rev}:{d}" for rev in (boundary, "HEAD") for d in sorted(dirs)]
        c.objects_read("trees on the changed paths, both ends", batch_sizes(repo, names))
    tasks = [os.path.join(repo, "tasks", n) for n in os.listdir(os.path.join(repo, "tasks"))]
    c.add("current task files", read=sum(os.path.getsize(p) for p in tasks))
    since = time.time() - days * 86400
    notes, nbytes, ndirs = 0, 0, 0
    for root, dirnames, files in os.walk(os.path.join(repo, "notes")):
        ndirs += 1
        for f in files:
            p = os.path.join(root, f)
            m = re.match(r"(\d{4}-\d{2}-\d{2})\.md$", f)
            if m and time.mktime(time.strptime(m.group(1), "%Y-%m-%d")) >= since - 86400:
                notes += 1
                nbytes += os.path.getsize(p)
    c.add("notes of the period", read=nbytes)
    c.opens = len(tasks) + notes
    c.dirs = ndirs + 1
    return c, {"commits": len(walked), "tasks": len(tasks), "notes": notes}


def limit_history(repo, task):
    c = Cost()
    log = git_text(repo, "log", "--format=%H %T").splitlines()
    commits = [line.split()[0] for line in log]
    roots = sorted({line.split()[1] for line in log})
    c.objects_read("every commit", batch_sizes(repo, commits))
    c.objects_read("every root tree", batch_sizes(repo, roots))
    path = f"tasks/{task}.md"
    folders = batch_sizes(repo, [f"{r}:tasks" for r in roots])
    distinct = {s[0] for s in folders.values() if s}
    c.objects_read("every version of tasks/", folders)
    versions = batch_sizes(repo, [f"{t}:{task}.md" for t in sorted(distinct)])
    blobs = {s[0] for s in versions.values() if s}
    c.objects_read(f"every version of {path}", versions)
    return c, {"commits": len(commits), "tasks_versions": len(distinct), "file_versions": len(blobs)}


def limit_search(repo):
    c = Cost()
    files, nbytes, ndirs = 0, 0, 0
    for top in ("notes", "tasks"):
        for root, _, names in os.walk(os.path.join(repo, top)):
            ndirs += 1
            for n in names:
                files += 1
                nbytes += os.path.getsize(os.path.join(root, n))
    c.add("every note and task file", read=nbytes)
    c.opens, c.dirs = files, ndirs
    return c, {"files": files}


def pack_bytes(repo, ids, side_repo=None):
    """Bytes of a pack (level 6, no deltas) and its .idx holding IDS, and their hashed size."""
    contents = batch_contents(side_repo or repo, sorted(ids))
    raw_total, packed = 0, 12 + 20
    for kind, body in contents.values():
        raw = f"{kind} {len(body)}\0".encode() + body
        raw_total += len(raw)
        packed += 3 + len(zlib.compress(body, 6))
    idx = 8 + 1024 + 28 * len(contents) + 40
    return len(contents), raw_total, packed, idx


def limit_sync(repo, c, before_head, before_tracking, peer_tip):
    """The limit of the sync that took the clone from BEFORE_HEAD (its remote at PEER_TIP) to HEAD.

    C is the limit of the status scan, computed before the sync ran: the hand-edit check baton makes."""
    c.parts = {"hand-edit scan: " + k: v for k, v in c.parts.items()}
    gd = git_dir(repo)
    after = git_text(repo, "rev-parse", "HEAD")
    fetched = [l.split()[0] for l in git_text(repo, "rev-list", "--objects", peer_tip, "--not",
                                               before_tracking).splitlines() if l]
    n_f, raw_f, pack_f, idx_f = pack_bytes(repo, fetched)
    c.objects_read("fetch: objects read on the remote", batch_sizes(repo, fetched))
    c.add("fetch: pack written and indexed here", hash=raw_f + pack_f, write=pack_f + idx_f)
    merged = [l.split()[0] for l in git_text(repo, "rev-list", "--objects", after, "--not", peer_tip,
                                              before_head).splitlines() if l]
    n_m = c.objects_written(repo, merged, label="merge: new objects")
    base = git_text(repo, "merge-base", before_head, peer_tip)
    changed = set()
    for a, b in ((base, before_head), (base, peer_tip)):
        changed.update(git_text(repo, "diff-tree", "-r", "--name-only", a, b).splitlines())
    dirs = {""}
    for p in changed:
        parts = p.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            dirs.add("/".join(parts[:i]))
    names = [f"{rev}:{d}" for rev in (base, before_head, peer_tip) for d in sorted(dirs)]
    c.objects_read("merge: trees on the changed paths, three versions", batch_sizes(repo, names))
    for path in git_text(repo, "diff-tree", "-r", "--name-only", before_head, after).splitlines():
        full = os.path.join(repo, path)
        old, new = committed(repo, before_head, path), slurp(full) if os.path.exists(full) else b""
        c.add("work tree: merged files", read=len(old), write=len(new) - first_change(old, new))
    size = os.path.getsize(os.path.join(gd, "index"))
    c.add("index rewritten (read by the scan)", hash=size, write=size)
    pushed = [l.split()[0] for l in git_text(repo, "rev-list", "--objects", after, "--not",
                                              peer_tip).splitlines() if l]
    n_p, raw_p, pack_p, idx_p = pack_bytes(repo, pushed)
    c.objects_read("push: objects read here", batch_sizes(repo, pushed))
    c.add("push: pack written and indexed on the remote", hash=raw_p + pack_p, write=pack_p + idx_p)
    c.add("refs and reflogs (branch, tracking branch, remote's branch)", read=3 * 41, write=3 * (41 + 200))
    c.fsync = 4
    c.fsync_per_file = 2 + n_m + 2 + 2 + 1
    return c, {"fetched": n_f, "merge_objects": n_m, "pushed": n_p}


# ---------------------------------------------------------------- strace

LINE = re.compile(r"^(\d+)\s+(.*)$")
CALL = re.compile(r"^(\w+)\((.*)\)\s+=\s+(-?\d+|0x[0-9a-f]+|\?)")
FD = re.compile(r"^(?:-?\d+|AT_FDCWD)<([^>]*)>")


def classify(path, roots):
    if path is None:
        return "other"
    if path.startswith(("pipe:", "socket:", "anon_inode:")):
        return "ipc"
    for root in roots:
        if path == root or path.startswith(root + "/"):
            rel = path[len(root):]
            if "/objects/" in rel or rel.endswith("/objects"):
                return "objects"
            if re.search(r"/index(\.lock)?$", rel):
                return "index"
            if re.search(r"/(refs|logs)/|/(HEAD|packed-refs|FETCH_HEAD|ORIG_HEAD)(\.lock)?$", rel):
                return "refs"
            if "/.git/" in rel or rel.endswith(".git") or root.endswith(".git"):
                return "git other"
            return "work tree"
    return "system"


def call_path(name, args):
    """The file a call is about: its fd's path, or its path argument (resolved against its dir fd)."""
    if name == "mmap":
        fields = args.split(", ")
        m = FD.match(fields[4]) if len(fields) > 5 else None
        return m.group(1) if m else None
    m = FD.match(args)
    base = m.group(1) if m else None
    if name in OPENS | RENAMES | {"lstat", "stat", "newfstatat", "statx"}:
        s = re.search(r'"((?:[^"\\]|\\.)*)"', args)
        if s:
            p = s.group(1)
            if p.startswith("/"):
                return p
            return os.path.normpath(os.path.join(base, p)) if base else p
    return base


def tally(trace_path, roots):
    """Sums one strace -f -y log: bytes and counts per kind of file."""
    pending, t = {}, {}

    def bump(cat, key, v=1):
        t.setdefault(cat, {}).setdefault(key, 0)
        t[cat][key] += v

    for raw in slurp(trace_path, "r").splitlines():
        m = LINE.match(raw.rstrip("\n"))
        if not m:
            continue
        pid, text = m.groups()
        if text.endswith("<unfinished ...>"):
            pending[pid] = text[:-len("<unfinished ...>")]
            continue
        r = re.match(r"^<\.\.\. \w+ resumed>(.*)$", text)
        if r:
            text = pending.pop(pid, "") + r.group(1)
        c = CALL.match(text)
        if not c:
            continue
        name, args, ret = c.groups()
        ok = ret.isdigit() or ret.startswith("0x")
        cat = classify(call_path(name, args), roots)
        if name in READS and ok:
            bump(cat, "read", int(ret))
            bump(cat, "reads")
        elif name in WRITES and ok:
            bump(cat, "written", int(ret))
            bump(cat, "writes")
        elif name in FSYNCS:
            bump(cat, "fsyncs")
        elif name in OPENS:
            bump(cat, "opens")
        elif name in STATS:
            bump(cat, "stats")
        elif name == "getdents64":
            bump(cat, "getdents")
            if ok:
                bump(cat, "dirent bytes", int(ret))
        elif name == "mmap" and cat in ("objects", "index") and ok:
            bump(cat, "mapped", int(args.split(",")[1]))
        elif name in RENAMES:
            bump(cat, "renames")
    total = {}
    for cat, v in t.items():
        if cat in ("system", "ipc", "other"):
            continue
        for k, n in v.items():
            total[k] = total.get(k, 0) + n
    return {"total": total, "by_kind": t}


def traced(cmd, cwd, roots, env, shell=False):
    with tempfile.NamedTemporaryFile(prefix="physical-", suffix=".strace", delete=False) as f:
        out = f.name
    # --seccomp-bpf: the calls not traced no longer stop the process (a third faster on 31k files).
    argv = ["strace", "-f", "--seccomp-bpf", "-y", "-s", "0", "-qq", "-o", out, "-e", f"trace={TRACE}"]
    argv += ["bash", "-c", cmd] if shell else cmd
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    result = tally(out, roots)
    result["traced_ms"] = elapsed * 1000
    os.unlink(out)
    return result


def timed(cmd, cwd, env, shell=False):
    start = time.perf_counter()
    subprocess.run(["bash", "-c", cmd] if shell else cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def sh(cmd, cwd, env):
    subprocess.run(["bash", "-c", cmd], cwd=cwd, env=env, stdout=subprocess.DEVNULL, check=True)


# ---------------------------------------------------------------- calibration

def calibrate(repo, scratch):
    """Rates of this machine: bytes/s of SHA-1, deflate, inflate, read, write; seconds per fsync, lstat...

    Everything but fsync is timed in CPU time of this process (best of a few runs), so a loaded machine
    does not make the limit look slower than it is; fsync is wall time (the disk's latency)."""
    cal = {}
    sample = slurp(os.path.join(git_dir(repo), "index"))
    block = (sample * (1 + (16 << 20) // max(1, len(sample))))[:16 << 20]

    def rate(fn, nbytes, repeat=5):
        return nbytes / max(1e-9, min(_cpu(fn) for _ in range(repeat)))

    cal["sha1_bps"] = rate(lambda: hashlib.sha1(block).digest(), len(block))
    cal["deflate_bps"] = rate(lambda: zlib.compress(block, 1), len(block))
    packed = zlib.compress(block, 6)
    cal["inflate_bps"] = rate(lambda: zlib.decompress(packed), len(block))
    cal["inflate_in_bps"] = cal["inflate_bps"] * len(packed) / len(block)  # compressed bytes a second
    path = os.path.join(scratch, "calibration.bin")
    with open(path, "wb") as f:
        f.write(block)

    def write():
        with open(path, "wb") as f:
            f.write(block)

    def read():
        with open(path, "rb") as f:
            while f.read(1 << 20):
                pass

    cal["write_bps"] = rate(write, len(block))
    cal["read_bps"] = rate(read, len(block))
    lat = []
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    for _ in range(15):
        os.write(fd, b"x" * 4096)
        start = time.perf_counter()
        os.fsync(fd)
        lat.append(time.perf_counter() - start)
    os.close(fd)
    os.unlink(path)
    cal["fsync_s"] = statistics.median(lat)
    files = git_text(repo, "ls-files").splitlines()[:5000]
    paths = [os.path.join(repo, p) for p in files]
    cal["lstat_s"] = min(_cpu(lambda: [os.lstat(p) for p in paths]) for _ in range(3)) / max(1, len(paths))

    def open_read():
        for p in paths[:2000]:
            fd = os.open(p, os.O_RDONLY)
            os.read(fd, 1 << 16)
            os.close(fd)

    cal["open_read_s"] = min(_cpu(open_read) for _ in range(3)) / max(1, min(2000, len(paths)))
    dirs = sorted({os.path.dirname(p) for p in paths})
    cal["listdir_s"] = min(_cpu(lambda: [os.listdir(d) for d in dirs]) for _ in range(3)) / max(1, len(dirs))
    return cal


def _cpu(fn):
    start = time.process_time()
    fn()
    return time.process_time() - start


def minimum_ms(c, cal):
    """The time the limit would take on this machine (one core, page cache warm)."""
    s = (c["read"] / cal["read_bps"] + c["inflate"] / cal["inflate_in_bps"] + c["hash"] / cal["sha1_bps"]
         + c["deflate"] / cal["deflate_bps"] + c["write"] / cal["write_bps"] + c["fsync"] * cal["fsync_s"]
         + c["lstat"] * cal["lstat_s"]
         + c["opens"] * cal["open_read_s"] + c["dirs"] * cal["listdir_s"])
    return s * 1000


# ---------------------------------------------------------------- run

def pick_task(repo):
    best = (0, "")
    for name in sorted(os.listdir(os.path.join(repo, "tasks"))):
        text = slurp(os.path.join(repo, "tasks", name), "r")
        if re.search(r"^status: (doing|todo|blocked)$", text, re.M) and "kind: ask" not in text:
            best = max(best, (text.count("\n- "), name[:-3]))
    return best[1]


def committed(repo, rev, path):
    """The bytes of PATH at REV (empty when it has none): the work tree's file before a clean clone's change."""
    r = subprocess.run(["git", "-C", repo, "cat-file", "blob", f"{rev}:{path}"], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL)
    return r.stdout if r.returncode == 0 else b""


def first_change(old, new):
    """How many leading bytes OLD and NEW share."""
    same, n = 0, min(len(old), len(new))
    while same < n and old[same] == new[same]:
        same += 1
    return same


def plan(a):
    """Each command: baton's argv (run in B), git's shell step (run in G), and the prepare steps of both."""
    today = time.strftime("%Y-%m-%d", time.gmtime())
    year = today[:4]
    mynote, peernote = f"notes/{a.me}/{year}/{today}.md", f"notes/{a.peer}/{year}/{today}.md"
    tpath = f"tasks/{a.task}.md"
    peer_step = (f"git pull -q --rebase && printf -- '- 10:00 peer bullet\\n' >> {peernote} && git add {peernote}"
                 f" && git commit -q -m 'note: {a.peer} {today}' && git push -q")
    local_step = (f"printf -- '- 11:00 local bullet\\n' >> {mynote} && git add {mynote} && "
                  f"git commit -q -m 'note: {a.me} {today}'")
    return {
        "status": ([a.baton, "status"], "git status", None, None),
        "digest": ([a.baton, "digest", "--since", "7d"], "git log --since=7.days --stat", None, None),
        "history": ([a.baton, "history", a.task], f"git log -p -- {tpath}", None, None),
        "search": ([a.baton, "search", "--no-pager", "retry", "bug"], "git grep -i -w -e retry --and -e bug",
                   None, None),
        "note": ([a.baton, "note", "bench bullet"],
                 f"printf -- '- 12:00 bench bullet\\n' >> {mynote} && git add {mynote} && "
                 f"git commit -q -m 'note: {a.me} {today}'", None, None),
        "task-done": ([a.baton, "task", "done", a.task],
                      f"sed -i 's/^status: doing$/status: done/' {tpath} && printf -- '- {today}T12:00:00+05:30 "
                      f"{a.me}: done\\n' >> {tpath} && git commit -q -a -m 'task {a.task}: {a.me} done'",
                      (f"{a.baton} task start {a.task}", None),
                      (f"sed -i 's/^status: .*$/status: doing/' {tpath} && printf -- '- {today}T11:00:00+05:30 "
                       f"{a.me}: started\\n' >> {tpath} && git commit -q -a -m 'task {a.task}: {a.me} started'",
                       None)),
        "sync": ([a.baton, "sync"], "git pull -q --rebase && git push -q",
                 (local_step, peer_step), (local_step, peer_step)),
    }


def prepare_side(repo, peer, steps, env):
    """Runs a write command's prepare: the peer's step (in PEER), then the local one (in REPO)."""
    if steps is None:
        return
    local, peer_step = steps
    if peer_step:
        sh(peer_step, peer, env)
    if local:
        sh(local, repo, env)


def remote_path(repo):
    url = git_text(repo, "remote", "get-url", "origin")
    return os.path.realpath(url if os.path.isabs(url) else os.path.join(repo, url))


def run(a):
    a.repo, a.peer_repo = os.path.realpath(a.repo), os.path.realpath(a.peer_repo)
    a.baton = os.path.realpath(a.baton)
    a.task = a.task or pick_task(a.repo)
    os.makedirs(a.out, exist_ok=True)
    env = dict(os.environ)
    scratch = tempfile.mkdtemp(prefix="physical-")
    env["BATON_PATH_REPORT"] = os.path.join(scratch, "path-report")
    cal = calibrate(a.repo, scratch)
    steps = plan(a)
    only = a.only.split() if a.only else COMMANDS
    gd = git_dir(a.repo)
    index_path = os.path.join(gd, "index")
    saved_index = os.path.join(scratch, "index")
    shutil.copy2(index_path, saved_index)
    index = parse_index(index_path)
    shape = {
        "index_bytes": os.path.getsize(index_path), "entries": len(index["entries"]),
        "commits": int(git_text(a.repo, "rev-list", "--count", "HEAD")),
        "tasks_tree_bytes": (batch_sizes(a.repo, ["HEAD:tasks"])["HEAD:tasks"] or (0, 0, 0))[2],
    }
    out = {"shape": a.shape, "task": a.task, "calibration": cal, "repo": shape, "commands": {}}
    roots = [a.repo, remote_path(a.repo)]
    g_roots = [os.path.realpath(a.git_repo), remote_path(a.git_repo)] if a.git_repo else []
    t0 = time.time()
    for name in COMMANDS:
        if name not in only:
            continue
        bcmd, gcmd, bprep, gprep = steps[name]
        print(f"physical: {a.shape}: {name} ({time.time() - t0:.1f} s)", file=sys.stderr)
        row = {}
        if name in READ_ONLY:
            shutil.copy2(saved_index, index_path)
            if name == "status":
                row["limit"], row["facts"] = limit_status(a.repo)
            elif name == "digest":
                row["limit"], row["facts"] = limit_digest(a.repo)
            elif name == "history":
                row["limit"], row["facts"] = limit_history(a.repo, a.task)
            else:
                row["limit"], row["facts"] = limit_search(a.repo)
            slurp_reset(env["BATON_PATH_REPORT"])
            row["baton"] = traced(bcmd, a.repo, roots, env)
            row["path_report"] = slurp(env["BATON_PATH_REPORT"], "r").splitlines()
            times = []
            for _ in range(0 if name == "history" else min(1, a.runs) if name in SLOW else a.runs):
                shutil.copy2(saved_index, index_path)
                times.append(timed(bcmd, a.repo, env))
            if not times:
                times, row["timed_under_strace"] = [row["baton"]["traced_ms"]], True
            row["baton_runs_ms"] = times
            row["baton_ms"] = min(times)
            shutil.copy2(saved_index, index_path)
            if a.git_repo:
                row["git"] = traced(gcmd, a.git_repo, g_roots, env, shell=True)
        else:
            remote = remote_path(a.repo)
            if name == "sync":
                # Deliver what the earlier commands committed first, so the measured sync moves one commit
                # each way (as bench/run.sh's warm-up runs do).
                timed(bcmd, a.repo, env)
                if a.git_repo:
                    sh(gcmd, a.git_repo, env)

            def prepare_baton():
                if name == "task-done":
                    sh(bprep[0], a.repo, env)
                elif bprep:
                    prepare_side(a.repo, a.peer_repo, bprep, env)

            prepare_baton()
            before = git_text(a.repo, "rev-parse", "HEAD")
            tracking = git_text(a.repo, "rev-parse", "@{upstream}")
            peer_tip = git_text(remote, "rev-parse", "HEAD")
            size_before = os.path.getsize(index_path)
            scan = limit_status(a.repo)[0] if name == "sync" else None
            racy = stale_entries(a.repo, index_path, parse_index(index_path))
            slurp_reset(env["BATON_PATH_REPORT"])
            row["baton"] = traced(bcmd, a.repo, roots, env)
            row["path_report"] = slurp(env["BATON_PATH_REPORT"], "r").splitlines()
            after = git_text(a.repo, "rev-parse", "HEAD")
            if after == before:
                row["error"] = "baton made no commit"
            elif name == "sync":
                row["limit"], row["facts"] = limit_sync(a.repo, scan, before, tracking, peer_tip)
            else:
                row["limit"], row["facts"] = limit_commit(a.repo, before, after, size_before)
            if "facts" in row:
                # Entries as recent as the index (to the second) before the command: git's rule re-hashes them.
                row["facts"].update(same_second_as_index=racy[3], same_second_bytes=racy[4])
            times = []
            for _ in range(a.runs):
                prepare_baton()
                times.append(timed(bcmd, a.repo, env))
            if not times:
                times, row["timed_under_strace"] = [row["baton"]["traced_ms"]], True
            row["baton_runs_ms"] = times
            row["baton_ms"] = min(times)
            if a.git_repo:
                if gprep:
                    prepare_side(a.git_repo, a.git_peer_repo, gprep, env)
                row["git"] = traced(gcmd, a.git_repo, g_roots, env, shell=True)
        if "limit" in row:
            row["limit"] = row["limit"].to_json()
            row["min_ms"] = minimum_ms(row["limit"], cal)
        out["commands"][name] = row
    shutil.rmtree(scratch, ignore_errors=True)
    path = os.path.join(a.out, f"{a.shape}-physical.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print(path)


# ---------------------------------------------------------------- prepare

def prepare(a):
    d = os.path.realpath(a.dir)
    os.makedirs(d, exist_ok=True)
    for side in ("baton", "git"):
        remote = os.path.join(d, f"remote-{side}.git")
        subprocess.run(["git", "clone", "-q", "--bare", a.seed, remote], check=True)
        for clone, (name, email, handle) in ((side, ("Priya Shah", "priya@example.com", a.me)),
                                             (f"{side}-peer", ("Tom Berg", "tom@example.com", a.peer))):
            path = os.path.join(d, clone)
            subprocess.run(["git", "clone", "-q", remote, path], check=True)
            git(path, "config", "user.name", name)
            git(path, "config", "user.email", email)
            git(path, "config", "baton.me", handle)
            git(path, "status")
    if a.reset_hard:
        b = os.path.join(d, "baton")
        for entry in os.listdir(b):
            if entry != ".git":
                p = os.path.join(b, entry)
                shutil.rmtree(p) if os.path.isdir(p) else os.unlink(p)
        os.unlink(os.path.join(b, ".git", "index"))
        git(b, "reset", "-q", "--hard", "HEAD")
    print(pick_task(os.path.join(d, "baton")))


# ---------------------------------------------------------------- report

def human(n):
    for unit, div in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= div:
            return f"{n / div:.1f} {unit}"
    return f"{n:.0f} B"


def io(t):
    tot = t["total"]
    s = f"{human(tot.get('read', 0))} / {human(tot.get('written', 0))}"
    if tot.get("mapped"):
        s += f" (+{human(tot['mapped'])} mapped)"
    return s


def report(a):
    names = [n for n in os.listdir(a.dir) if n.endswith("-physical.json")]
    order = {"small-physical.json": 0, "large-physical.json": 1}
    for name in sorted(names, key=lambda n: (order.get(n, 2), n)):
        data = json.loads(slurp(os.path.join(a.dir, name), "r"))
        cal, repo = data["calibration"], data["repo"]
        print(f"### {data['shape']}\n")
        print(textwrap.fill(f"{repo['commits']:,} commits, {repo['entries']:,} index entries, "
              f"index {human(repo['index_bytes'])}, "
              f"`tasks/` tree {human(repo['tasks_tree_bytes'])}. Machine: SHA-1 {cal['sha1_bps'] / 1e6:.0f} MB/s, "
              f"deflate (level 1) {cal['deflate_bps'] / 1e6:.0f} MB/s, inflate {cal['inflate_bps'] / 1e6:.0f} MB/s, "
              f"read {cal['read_bps'] / 1e9:.1f} GB/s, write {cal['write_bps'] / 1e9:.1f} GB/s, fsync "
              f"{cal['fsync_s'] * 1e3:.2f} ms, lstat {cal['lstat_s'] * 1e6:.1f} µs, open+read "
              f"{cal['open_read_s'] * 1e6:.1f} µs, folder listing {cal['listdir_s'] * 1e6:.1f} µs.", 110) + "\n")
        print("| command | must read | must hash | must write | fsyncs | baton read | baton written | baton fsyncs "
              "| git read/written (fsyncs) | how far baton is |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for cmd in COMMANDS:
            row = data["commands"].get(cmd)
            if not row:
                continue
            if "limit" not in row:
                print(f"| {cmd} | {row.get('error', '-')} | | | | | | | | |")
                continue
            lim, bt = row["limit"], row["baton"]["total"]
            extra = []
            if lim["lstat"]:
                extra.append(f"{lim['lstat']:,} lstat")
            if lim["opens"]:
                extra.append(f"{lim['opens']:,} files")
            if lim["dirs"]:
                extra.append(f"{lim['dirs']:,} folders")
            must_read = human(lim["read"]) + (f" + {', '.join(extra)}" if extra else "")
            facts = row.get("facts", {})
            if facts.get("stale"):
                must_read += f" ({facts['stale']:,} stale entries re-hashed)"
            if facts.get("same_second_as_index"):
                must_read += (f" [git's one-second racy rule: +{facts['same_second_as_index']:,} files, "
                              f"{human(facts['same_second_bytes'])}]")
            fs = f"{lim['fsync']} ({lim['fsync_per_file']})" if lim["fsync"] else "0"
            b_read = human(bt.get("read", 0)) + (f" (+{human(bt['mapped'])} mapped)" if bt.get("mapped") else "")
            b_read += f", {bt.get('stats', 0):,} stat, {bt.get('opens', 0):,} open"
            g = row.get("git")
            g_cell = f"{io(g)} ({g['total'].get('fsyncs', 0)})" if g else "-"
            # Like with like: objects as stored (their size on disk), files as read, against what baton's
            # system calls read, wrote and mapped.
            must_bytes = lim["read"] - lim.get("objects", 0) + lim.get("inflate", 0) + lim["write"]
            b_bytes = bt.get("read", 0) + bt.get("written", 0) + bt.get("mapped", 0)
            ratio = f"{b_bytes / must_bytes:.1f}x bytes" if must_bytes else "-"
            traced = " (under strace)" if row.get("timed_under_strace") else ""
            far = f"{ratio}; {row['baton_ms']:.0f} ms{traced} vs {row['min_ms']:.1f} ms minimum"
            print(f"| {cmd} | {must_read} | {human(lim['hash'])} | {human(lim['write'])} | {fs} | {b_read} | "
                  f"{human(bt.get('written', 0))} | {bt.get('fsyncs', 0)} | {g_cell} | {far} |")
        print()
        print("Where baton's I/O goes (index read/written, objects read+mapped/written, work tree read/written, "
              "fsyncs by kind):\n")
        print("| command | index | objects | work tree | refs and logs | fsyncs: objects, refs, work tree, other |")
        print("|---|---:|---:|---:|---:|---|")
        for cmd in COMMANDS:
            row = data["commands"].get(cmd)
            if not row:
                continue
            k = row["baton"]["by_kind"]

            def rw(kind):
                v = k.get(kind, {})
                return f"{human(v.get('read', 0) + v.get('mapped', 0))} / {human(v.get('written', 0))}"

            fs = ", ".join(str(k.get(kind, {}).get("fsyncs", 0)) for kind in ("objects", "refs", "work tree"))
            fs += ", " + str(sum(v.get("fsyncs", 0) for kind, v in k.items()
                                 if kind not in ("objects", "refs", "work tree")))
            print(f"| {cmd} | {rw('index')} | {rw('objects')} | {rw('work tree')} | {rw('refs')} | {fs} |")
        print()
        reasons = sorted({line for row in data["commands"].values() for line in row.get("path_report", [])})
        if reasons:
            print("Paths: " + "; ".join(r.replace("\t", " ") for r in reasons) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="verb", required=True)
    r = sub.add_parser("run", help="measure one shape")
    r.add_argument("--baton", required=True)
    r.add_argument("--repo", required=True, help="baton's clone (B)")
    r.add_argument("--peer-repo", required=True, help="a teammate's clone of the same remote (B-peer)")
    r.add_argument("--git-repo", help="the git CLI's clone (G), for the git columns")
    r.add_argument("--git-peer-repo", help="a teammate's clone of G's remote (G-peer)")
    r.add_argument("--task", help="task id (default: the open task with the longest log)")
    r.add_argument("--me", default="priya")
    r.add_argument("--peer", default="tom")
    r.add_argument("--only", help="some commands, space-separated: " + " ".join(COMMANDS))
    r.add_argument("--runs", type=int, default=3,
                   help="runs of baton without strace per command, for its time (default 3; digest at most 1, "
                        "history 0; 0: the traced run's time)")
    r.add_argument("--out", required=True)
    r.add_argument("--shape", required=True)
    pr = sub.add_parser("prepare", help="make the clones `run` needs from a seed journal")
    pr.add_argument("--seed", required=True)
    pr.add_argument("--dir", required=True)
    pr.add_argument("--reset-hard", action="store_true")
    pr.add_argument("--me", default="priya")
    pr.add_argument("--peer", default="tom")
    rp = sub.add_parser("report", help="print the tables")
    rp.add_argument("dir")
    ra = sub.add_parser("racy", help="count a clone's racily clean index entries (one-second rule)")
    ra.add_argument("repo")
    a = p.parse_args()
    {"run": run, "prepare": prepare, "report": report, "racy": racy}[a.verb](a)


if __name__ == "__main__":
    main()
