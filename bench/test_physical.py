#!/usr/bin/env python3
"""Checks bench/physical.py's strace tally and index reader: python3 bench/test_physical.py"""
import os
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True  # no __pycache__ in bench/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import physical  # noqa: E402

TRACE = """\
100 openat(AT_FDCWD</r>, "/r/.git/index", O_RDONLY|O_CLOEXEC) = 3</r/.git/index>
100 read(3</r/.git/index>, ""..., 4096) = 4096
100 read(3</r/.git/index>, <unfinished ...>
101 newfstatat(5</r/notes>, "a.md", {st_mode=S_IFREG|0644, st_size=3, ...}, AT_SYMLINK_NOFOLLOW) = 0
100 <... read resumed>""..., 4096) = 100
101 getdents64(5</r/notes>, 0x55 /* 4 entries */, 32768) = 112
100 mmap(NULL, 1048576, PROT_READ, MAP_PRIVATE, 4</r/.git/objects/pack/pack-1.pack>, 0) = 0x7f0000000000
100 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 3</r/.git/index>, 0) = 0x7f0000100000
100 write(6</r/.git/objects/ab/cdef>, ""..., 70) = 70
100 fsync(6</r/.git/objects/ab/cdef>) = 0
100 write(7<pipe:[123]>, ""..., 9) = 9
100 read(8</usr/lib/libc.so.6>, ""..., 832) = 832
100 read(3</r/.git/index>, ""..., 4096) = -1 EINTR (Interrupted system call)
100 fsync(9</r/.git/refs/heads/main.lock>) = 0
100 rename("/r/.git/refs/heads/main.lock", "/r/.git/refs/heads/main") = 0
100 +++ exited with 0 +++
"""


class TallyTests(unittest.TestCase):
    def setUp(self):
        fd, self.path = tempfile.mkstemp()
        os.write(fd, TRACE.encode())
        os.close(fd)

    def tearDown(self):
        os.unlink(self.path)

    def test_bytes_and_counts_by_kind(self):
        t = physical.tally(self.path, ["/r"])
        self.assertEqual(t["by_kind"]["index"]["read"], 4196)  # the resumed read counts, the failed one not
        self.assertEqual(t["by_kind"]["index"]["opens"], 1)
        self.assertEqual(t["by_kind"]["work tree"]["stats"], 1)
        self.assertEqual(t["by_kind"]["work tree"]["getdents"], 1)
        self.assertEqual(t["by_kind"]["objects"]["mapped"], 1048576)
        self.assertEqual(t["by_kind"]["index"]["mapped"], 4096)
        self.assertEqual(t["by_kind"]["objects"]["written"], 70)
        self.assertEqual(t["by_kind"]["refs"]["fsyncs"], 1)
        self.assertEqual(t["by_kind"]["refs"]["renames"], 1)
        self.assertEqual(t["total"]["fsyncs"], 2)
        self.assertEqual(t["total"]["written"], 70)  # the pipe and the library are not the repository's
        self.assertEqual(t["total"]["read"], 4196)


class IndexTests(unittest.TestCase):
    def test_reads_what_git_wrote(self):
        with tempfile.TemporaryDirectory() as repo:
            env = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")
            subprocess.run(["git", "init", "-q", repo], check=True, env=env)
            os.makedirs(os.path.join(repo, "notes", "priya"))
            for name in ("baton.yml", "notes/priya/2026-12-01.md"):
                with open(os.path.join(repo, name), "w") as f:
                    f.write("x\n")
            subprocess.run(["git", "-C", repo, "add", "."], check=True, env=env)
            index = physical.parse_index(os.path.join(repo, ".git", "index"))
            self.assertEqual([e[0] for e in index["entries"]], ["baton.yml", "notes/priya/2026-12-01.md"])
            self.assertFalse(index["tree_valid"])  # `git add` leaves no cache-tree
            self.assertEqual(physical.tracked_dirs(index), {"", "notes", "notes/priya"})
            subprocess.run(["git", "-C", repo, "write-tree"], check=True, env=env, stdout=subprocess.DEVNULL)
            self.assertTrue(physical.parse_index(os.path.join(repo, ".git", "index"))["tree_valid"])


if __name__ == "__main__":
    unittest.main()
