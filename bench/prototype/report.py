#!/usr/bin/env python3
"""Prints the layout prototype's tables (Markdown) from the results of bench/prototype/run.sh.

    python3 bench/prototype/report.py RESULTS_DIR "large limits"
"""
import json
import os
import sys

COMMANDS = [
    ("git-task-done", "task done, git CLI (edit + `git commit -a`; `git mv` to archive/)"),
    ("git-status", "`git status`"),
    ("baton-status", "`baton status`"),
    ("git-log-stat-7d", "`git log --since=7.days --stat`"),
    ("git-log-p-open", "`git log -p -- <open task>`"),
    ("git-log-p-closed", "`git log -p -- <closed task>` (both paths in archive)"),
    ("baton-task-done", "`baton task done` (archive: stays in tasks/)"),
    ("baton-note", "`baton note TEXT`"),
    ("baton-history-open", "`baton history <open task>`"),
    ("baton-digest-7d", "`baton digest --since 7d`"),
]


def ms(seconds):
    value = seconds * 1000
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def main():
    results, sizes = sys.argv[1], sys.argv[2].split()
    for size in sizes:
        shape_file = os.path.join(results, f"{size}-shape.tsv")
        if not os.path.exists(shape_file):
            continue
        rows = [line.strip().split("\t") for line in open(shape_file)]
        layouts = [row[0] for row in rows]
        print(f"### {size}\n")
        print("| layout | `tasks/` tree KB | folders | task done: trees written | their KB | task blob bytes "
              "| `git commit` instructions (M) | index KB | objects KB | history: tree MB walked (commits) "
              "| last 7 days: tree MB (commits) |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for (layout, tasks_tree, folders, ir, ntrees, tree_bytes, blob, index, pack, hist_kb, hist_commits,
             week_kb, week_commits) in rows:
            print(f"| {layout} | {int(tasks_tree) / 1024:.1f} | {folders} | {ntrees} | {int(tree_bytes) / 1024:.1f} "
                  f"| {blob} | {int(ir) / 1e6:.1f} | {int(index) / 1024:.0f} | {pack} "
                  f"| {int(hist_kb) / 1024:.1f} ({hist_commits}) | {int(week_kb) / 1024:.1f} ({week_commits}) |")
        print()
        migrate_file = os.path.join(results, f"{size}-migrate.txt")
        if os.path.exists(migrate_file):
            print(f"Migration commit ({open(migrate_file).read().strip()})\n")
        ir_file = os.path.join(results, f"{size}-baton-ir.tsv")
        if os.path.exists(ir_file) and os.path.getsize(ir_file):
            print("`baton task done` instructions (callgrind): " + ", ".join(
                f"{layout} {int(ir) / 1e6:.1f} M" for layout, ir in (l.split() for l in open(ir_file))) + "\n")
        print("| command: wall median / CPU mean ms (CPU vs flat) | " + " | ".join(layouts) + " |")
        print("|---|" + "---:|" * len(layouts))
        for key, title in COMMANDS:
            path = os.path.join(results, f"{size}-{key}.json")
            if not os.path.exists(path):
                continue
            runs = {r["command"].removeprefix("baton-"): r for r in json.load(open(path))["results"]}
            cpu = {layout: r["user"] + r["system"] for layout, r in runs.items()}
            cells = []
            for layout in layouts:
                if layout not in runs:
                    cells.append("")
                    continue
                cell = f"{ms(runs[layout]['median'])} / {ms(cpu[layout])}"
                if layout != "flat" and cpu.get("flat"):
                    ratio = cpu[layout] / cpu["flat"]
                    cell += f" ({ratio:.2f}x)" if ratio >= 0.1 else f" ({ratio:.3f}x)"
                cells.append(cell)
            print(f"| {title} | " + " | ".join(cells) + " |")
        print()


if __name__ == "__main__":
    main()
