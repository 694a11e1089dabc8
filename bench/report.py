#!/usr/bin/env python3
"""Prints the benchmark tables (Markdown) from what bench/run.sh leaves in RESULTS.

One table per shape. Each row: median time of baton and of the git CLI doing the same work, their ratio,
the target and whether it is met, the peak RSS of each (largest of a few runs, /usr/bin/time -f %M), and
the path baton took (BATON_PATH_REPORT: each step's fast path or libgit2, and why). Then the growth
tables (write commands, large against small, large-reset against small-reset) and the wall time.

    bench/report.py [--check] RESULTS

--check (make bench-quick) exits 1 when the bench itself did not work: a command that was to be measured
has no timing for baton or git or no peak memory, or a shape's table is empty. It checks nothing about
the numbers.
"""
import json
import os
import sys

SHAPES = {
    "small": "10 people x 60 working days, fresh clone",
    "small-reset": "small, clone --no-checkout + git reset --hard (files and index written by git together: every index entry racily clean on both sides)",
    "large": "50 people x 500 working days, fresh clone",
    "large-reset": "large, clone --no-checkout + git reset --hard (files and index written by git together: every index entry racily clean on both sides)",
    "large-pull": "large, index last written by a git pull --no-rebase that merged",
    "large-checkout": "large, git checkout -b away main~300, then git checkout main",
    "large-gc": "large, after git gc (one pack, packed-refs, commit-graph)",
    "git-made": "30 people x 300 working days, history made by the git CLI and hand edits",
    "limits": "200 people x 2,500 working days (ten years), gen_limits.py --notes, cached clones",
}
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
GROWTH_TARGET = {"note": 1.5, "task-done": 1.5, "sync": 2.0}
GROWTH_PAIRS = [("small", "large"), ("small-reset", "large-reset")]
HELP_TARGET_MS = 10.0
RSS_TARGET_MB = 100.0


def tsv(results, name):
    path = os.path.join(results, name)
    if not os.path.exists(path):
        return []
    return [line.rstrip("\n").split("\t") for line in open(path) if line.strip()]


def load(results):
    medians = {}
    for name in os.listdir(results):
        if name.endswith(".json") and not name.endswith("-physical.json"):
            shape, command = name[:-5].split(".", 1)
            with open(os.path.join(results, name)) as f:
                for r in json.load(f)["results"]:
                    medians[(shape, command, r["command"])] = r["median"] * 1000
    rss = {(s, c, t): int(kb) / 1024 for s, c, t, kb in tsv(results, "rss.tsv")}
    return medians, rss


def path_text(results, shape, command):
    """`step path (reason)` for each distinct decision, in the order baton made them; `none` when baton made
    no fast-path decision, `-` when this baton cannot report them."""
    path = os.path.join(results, f"{shape}.{command}.path")
    if not os.path.exists(path):
        return "none" if os.path.exists(os.path.join(results, "path-report")) else "-"
    seen = []
    for line in open(path, errors="replace"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            continue
        step, way, reason = parts[0], parts[1], parts[2] if len(parts) > 2 else "-"
        text = f"{step} {way}" + ("" if reason in ("", "-") else f" ({reason})")
        if text not in seen:
            seen.append(text)
    return "; ".join(seen).replace("|", "\\|") if seen else "no decision reported"


def fmt_ms(v):
    return "-" if v is None else (f"{v:.1f}" if v < 100 else f"{v:.0f}")


def fmt_mb(v):
    return "-" if v is None else f"{v:.1f}"


def row_check(command, b, g, rb):
    """(target text, met) of one row."""
    ratio = b / g if g else None
    if command == "help":
        target, ok = f"<= {HELP_TARGET_MS:.0f} ms", b <= HELP_TARGET_MS
    else:
        target = f"<= {RATIO_TARGET[command]}x"
        ok = ratio is not None and ratio <= RATIO_TARGET[command]
    if rb is not None and rb >= RSS_TARGET_MB:
        ok = False
        target += f", < {RSS_TARGET_MB:.0f} MB"
    return target, ok


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    if len(args) != 1:
        sys.exit(__doc__)
    results = args[0]
    medians, rss = load(results)
    state = {r[0]: r[1:] for r in tsv(results, "state.tsv")}
    tasks = {r[0]: r[1:] for r in tsv(results, "tasks.tsv")}
    physical = {(r[0], r[1]): r[2] for r in tsv(results, "physical.tsv") if len(r) > 2}
    wall = dict(tsv(results, "wall.tsv"))
    expected = [tuple(r) for r in tsv(results, "expected.tsv")]
    problems = [f"{r[0]} {r[1]}: {r[2]} failed in a memory run" for r in tsv(results, "failed.tsv")]
    problems += [f"the {r[0]} shape failed (its setup or a command; see the run's output)"
                 for r in tsv(results, "failed-shapes.tsv")]

    machine = os.path.join(results, "machine.txt")
    if os.path.exists(machine):
        print("".join(f"    {l}" for l in open(machine)))
    shapes = [s for s in SHAPES if any(k[0] == s for k in medians) or any(e[0] == s for e in expected)]
    missed_total = checked_total = 0
    for shape in shapes:
        print(f"### {shape}: {SHAPES[shape]}")
        print()
        facts = []
        if shape in tasks:
            facts.append(f"{int(tasks[shape][1]):,} commits, task {tasks[shape][0]}")
        if shape in state:
            total, same, newer, seconds = (int(x) for x in state[shape])
            facts.append(f"{total:,} tracked files written in {seconds} distinct seconds, {same:,} of them in the "
                         f"second the index was written (racily clean), {newer:,} after it")
        if facts:
            print("; ".join(facts) + ".")
            print()
        columns = "| command | baton ms | git CLI ms | baton/git | target | met | baton peak MB | git peak MB | path |"
        rule = "|---|---:|---:|---:|---|---|---:|---:|---|"
        if physical:
            columns += " physical limit |"
            rule += "---|"
        print(columns)
        print(rule)
        rows = missed = 0
        for command in ORDER:
            label, git_label = LABELS[command]
            b, g = medians.get((shape, command, "baton")), medians.get((shape, command, "git"))
            rb, rg = rss.get((shape, command, "baton")), rss.get((shape, command, "git"))
            if (shape, command) in expected:
                for what, value in (("baton time", b), ("git time", g), ("baton peak memory", rb),
                                    ("git peak memory", rg)):
                    if not value:
                        problems.append(f"{shape} {command}: no {what}")
            if b is None:
                continue
            rows += 1
            ratio = b / g if g else None
            target, ok = row_check(command, b, g, rb)
            missed += 0 if ok else 1
            met = "yes" if ok else "**no**"
            ratio_text = "-" if ratio is None else f"{ratio:.2f}"
            if not ok and ratio is not None and command != "help":
                ratio_text = f"**{ratio_text}**"
            line = (f"| {label} (vs {git_label}) | {fmt_ms(b)} | {fmt_ms(g)} | {ratio_text} | {target} | {met} | "
                    f"{fmt_mb(rb)} | {fmt_mb(rg)} | {path_text(results, shape, command)} |")
            if physical:
                line += f" {physical.get((shape, command), '-')} |"
            print(line)
        if rows == 0:
            problems.append(f"{shape}: the table is empty")
        missed_total += missed
        checked_total += rows
        summary = f"{rows - missed} of {rows} targets met" if rows else "nothing measured"
        seconds = f", measured in {int(wall[shape]) // 60} min {int(wall[shape]) % 60} s" if shape in wall else ""
        print()
        print(f"{shape}: {summary}{seconds}.")
        print()

    for small, large in GROWTH_PAIRS:
        if small not in shapes or large not in shapes:
            continue
        print(f"### growth: {large} against {small} (baton)")
        print()
        print(f"| command | {small} ms | {large} ms | {large}/{small} | target | met |")
        print("|---|---:|---:|---:|---|---|")
        printed = 0
        for command in GROWTH_TARGET:
            s, l = medians.get((small, command, "baton")), medians.get((large, command, "baton"))
            if s and l:
                growth, limit = l / s, GROWTH_TARGET[command]
                ok = growth <= limit
                met = "yes" if ok else "**no**"
                shown = f"{growth:.2f}" if ok else f"**{growth:.2f}**"
                print(f"| {LABELS[command][0]} | {fmt_ms(s)} | {fmt_ms(l)} | {shown} | <= {limit}x | {met} |")
                printed += 1
        if printed == 0 and check:
            problems.append(f"growth {large}/{small}: the table is empty")
        print()

    for r in tsv(results, "failed-shapes.tsv"):
        print(f"**The {r[0]} shape failed** (its setup or a command; see the run's output).")
    if checked_total:
        print(f"Targets met: {checked_total - missed_total} of {checked_total} rows.")
    if "total" in wall:
        total = int(wall["total"])
        print(f"Bench wall time: {total // 60} min {total % 60} s.")
    if check:
        if not shapes:
            problems.append("no shape was measured")
        for problem in problems:
            print(f"bench check: {problem}", file=sys.stderr)
        if problems:
            sys.exit(1)
        print("bench check: every row measured on every shape.", file=sys.stderr)


if __name__ == "__main__":
    main()
