#!/usr/bin/env python3
"""Prints the benchmark table (Markdown) from the hyperfine JSON files bench/run.sh leaves in RESULTS.

Each row: median time of baton and of the git CLI doing the same work, their ratio, the target, and
the peak RSS of each (largest of a few runs, /usr/bin/time -f %M). A second table shows how the
write commands grow from the small to the large journal.
"""
import json
import os
import sys

ORDER = ["note", "task-done", "sync", "status", "digest", "history", "search", "help"]
LABELS = {
    "note": ("baton note TEXT", "git add + git commit"),
    "task-done": ("baton task done ID", "edit + git commit -a"),
    "sync": ("baton sync", "git pull --rebase + git push"),
    "status": ("baton status", "git status"),
    "digest": ("baton digest --since 7d", "git log --since=7.days --stat"),
    "history": ("baton history ID", "git log -p -- tasks/ID.md"),
    "search": ("baton search retry bug", "git grep -i -w -e retry --and -e bug"),
    "help": ("baton --help", "git --help"),
}
RATIO_TARGET = {"note": 0.7, "task-done": 0.7, "sync": 0.7, "status": 1.0, "digest": 1.0, "history": 1.0, "search": 1.0}
GROWTH_TARGET = 1.5
HELP_TARGET_MS = 10.0
RSS_TARGET_MB = 100.0


def load(results):
    medians, rss, missing = {}, {}, set()
    for name in os.listdir(results):
        if name.endswith(".json"):
            size, command = name[:-5].split("-", 1)
            with open(os.path.join(results, name)) as f:
                for r in json.load(f)["results"]:
                    medians[(size, command, r["command"] if r["command"] in ("baton", "git") else "baton")] = r["median"] * 1000
    path = os.path.join(results, "rss.tsv")
    if os.path.exists(path):
        for line in open(path):
            size, command, tool, kb = line.rstrip("\n").split("\t")
            rss[(size, command, tool)] = int(kb) / 1024
    path = os.path.join(results, "missing.tsv")
    if os.path.exists(path):
        for line in open(path):
            size, command, _ = line.rstrip("\n").split("\t")
            missing.add((size, command))
    return medians, rss, missing


def fmt_ms(v):
    return "-" if v is None else (f"{v:.1f}" if v < 100 else f"{v:.0f}")


def fmt_mb(v):
    return "-" if v is None else f"{v:.1f}"


def main():
    results = sys.argv[1]
    medians, rss, missing = load(results)
    machine = os.path.join(results, "machine.txt")
    if os.path.exists(machine):
        print("".join(f"    {l}" for l in open(machine)))
    print("| journal | command | baton ms | git CLI ms | baton/git | target | met | baton peak MB | git peak MB |")
    print("|---|---|---:|---:|---:|---|---|---:|---:|")
    sizes = [s for s in ("small", "large") if any(k[0] == s for k in medians) or any(k[0] == s for k in missing)]
    for size in sizes:
        for command in ORDER:
            label, git_label = LABELS[command]
            if (size, command) in missing:
                print(f"| {size} | {label} | not available | | | | | | |")
                continue
            b = medians.get((size, command, "baton"))
            if b is None:
                continue
            g = medians.get((size, command, "git"))
            ratio = b / g if g else None
            rb, rg = rss.get((size, command, "baton")), rss.get((size, command, "git"))
            if command == "help":
                target, ok = f"<= {HELP_TARGET_MS:.0f} ms", b <= HELP_TARGET_MS
            else:
                target = f"<= {RATIO_TARGET[command]}x"
                ok = ratio is not None and ratio <= RATIO_TARGET[command]
            ok = ok and (rb is None or rb < RSS_TARGET_MB)
            met = ("yes" if ok else "**no**") if size == "large" else ""
            print(f"| {size} | {label} (vs {git_label}) | {fmt_ms(b)} | {fmt_ms(g)} | "
                  f"{'-' if ratio is None else f'{ratio:.2f}'} | {target if size == 'large' else ''} | {met} | "
                  f"{fmt_mb(rb)} | {fmt_mb(rg)} |")
    if "small" in sizes and "large" in sizes:
        print()
        print("| command | small ms | large ms | large/small | target | met |")
        print("|---|---:|---:|---:|---|---|")
        for command in ("note", "task-done", "sync"):
            s, l = medians.get(("small", command, "baton")), medians.get(("large", command, "baton"))
            if s and l:
                growth = l / s
                met = "yes" if growth <= GROWTH_TARGET else "**no**"
                print(f"| {LABELS[command][0]} | {fmt_ms(s)} | {fmt_ms(l)} | {growth:.2f} | <= {GROWTH_TARGET}x | {met} |")


if __name__ == "__main__":
    main()
