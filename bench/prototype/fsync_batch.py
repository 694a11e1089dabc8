#!/usr/bin/env python3
"""Measures what batching a commit's fsyncs would save on this machine's file system.

    python3 bench/prototype/fsync_batch.py [RUNS] [FOLDER]

Replays the durability steps of one `baton note` commit (its lock file, the note, six new loose objects,
the branch and its two reflogs; sizes as on the small journal) with plain files, three ways, alternating
runs:

- per file: what libgit2 does with fsync on (each object fsynced before its rename, then its folder; each
  reflog and its folder; the branch's lock file, then its folder): 20 fsyncs;
- batch, writeout: git's core.fsyncMethod=batch (objects written into a temporary folder with only
  sync_file_range's write-out, one fsync of a dummy file to flush the disk, then renamed into place and the
  objects folder fsynced: like git, it counts on the file system's journal keeping the renames in order
  before the branch's fsync); the branch as before, the reflogs without a flush;
- batch, syncfs: the same with syncfs(2) as the barrier, before and after the renames, which needs no such
  ordering;
- batch, each fsynced (what baton does, `ObjectStaging`): objects written into a temporary folder without a
  flush, the write-back of all of them started with sync_file_range, then each fsynced, renamed into place,
  and objects/ and each fan-out folder fsynced; the reflogs and the branch as in "per file". It needs no
  ordering from the file system either.

The lock file and the note keep their own fsync in every variant. Prints median, minimum and 90th
percentile per variant, in ms. Linux only (sync_file_range, syncfs).
"""
import ctypes
import os
import shutil
import statistics
import sys
import tempfile
import time

OBJECTS = 6
SYNC_FILE_RANGE_WRITE = 2
libc = ctypes.CDLL(None, use_errno=True)
libc.sync_file_range.argtypes = [ctypes.c_int, ctypes.c_longlong, ctypes.c_longlong, ctypes.c_uint]


def create(path, size):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, os.urandom(size))
    return fd


def fsync_path(path):
    fd = os.open(path, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)


def sync_file_system(path):
    fd = os.open(path, os.O_RDONLY)
    libc.syncfs(fd)
    os.close(fd)


def durable_file(path, size):
    fd = create(path, size)
    os.fsync(fd)
    os.close(fd)


def append(path, flush):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.write(fd, b"x" * 160)
    if flush:
        os.fsync(fd)
    os.close(fd)


def lock_and_note(repo):
    durable_file(f"{repo}/baton.lock", 20)
    durable_file(f"{repo}/notes/.tmp", 2000)
    os.rename(f"{repo}/notes/.tmp", f"{repo}/notes/today.md")


def branch(repo):
    durable_file(f"{repo}/refs/main.lock", 41)
    os.rename(f"{repo}/refs/main.lock", f"{repo}/refs/main")
    fsync_path(f"{repo}/refs")


def fan_out(repo, index):
    folder = f"{repo}/objects/{index:02x}"
    os.makedirs(folder, exist_ok=True)
    return folder


def per_file(repo):
    lock_and_note(repo)
    for index in range(OBJECTS):
        folder = fan_out(repo, index)
        durable_file(f"{repo}/objects/tmp_object", 300)
        os.rename(f"{repo}/objects/tmp_object", f"{folder}/object")
        fsync_path(folder)
    for log in ("HEAD", "main"):
        append(f"{repo}/logs/{log}", flush=True)
        fsync_path(f"{repo}/logs")
    branch(repo)


def batched(repo, barrier):
    lock_and_note(repo)
    staging = f"{repo}/objects/tmp_batch"
    os.makedirs(staging)
    for index in range(OBJECTS):
        fd = create(f"{staging}/{index}", 300)
        if barrier == "writeout":
            libc.sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE)
        os.close(fd)
    if barrier == "writeout":
        durable_file(f"{staging}/flush", 0)
    else:
        sync_file_system(repo)
    for index in range(OBJECTS):
        os.rename(f"{staging}/{index}", f"{fan_out(repo, index)}/object")
    if barrier == "writeout":
        fsync_path(f"{repo}/objects")
    else:
        sync_file_system(repo)
    branch(repo)
    for log in ("HEAD", "main"):
        append(f"{repo}/logs/{log}", flush=False)


def batched_each(repo):
    lock_and_note(repo)
    staging = f"{repo}/objects/tmp_batch"
    os.makedirs(staging)
    descriptors = [create(f"{staging}/{index}", 300) for index in range(OBJECTS)]
    for fd in descriptors:
        libc.sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE)
    for fd in descriptors:
        os.fsync(fd)
        os.close(fd)
    folders = []
    for index in range(OBJECTS):
        folder = fan_out(repo, index)
        os.rename(f"{staging}/{index}", f"{folder}/object")
        folders.append(folder)
    fsync_path(f"{repo}/objects")
    for folder in folders:
        fsync_path(folder)
    os.rmdir(staging)
    for log in ("HEAD", "main"):
        append(f"{repo}/logs/{log}", flush=True)
        fsync_path(f"{repo}/logs")
    branch(repo)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    root = tempfile.mkdtemp(prefix="fsync-batch-", dir=sys.argv[2] if len(sys.argv) > 2 else None)
    variants = {
        "per file (20 fsyncs)": per_file,
        "batch, writeout + one flush": lambda repo: batched(repo, "writeout"),
        "batch, syncfs": lambda repo: batched(repo, "syncfs"),
        "batch, each fsynced (baton)": batched_each,
    }
    times = {name: [] for name in variants}
    try:
        for run in range(runs):
            for number, (name, variant) in enumerate(variants.items()):
                repo = f"{root}/{run}-{number}"
                for folder in ("objects", "logs", "refs", "notes"):
                    os.makedirs(f"{repo}/{folder}")
                start = time.perf_counter()
                variant(repo)
                times[name].append((time.perf_counter() - start) * 1000)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    for name, values in times.items():
        values.sort()
        print(f"{name}: median {statistics.median(values):.2f} ms, min {values[0]:.2f}, "
              f"p90 {values[int(len(values) * 0.9)]:.2f}")


if __name__ == "__main__":
    main()
