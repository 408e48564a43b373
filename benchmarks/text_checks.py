"""What the report-text checks (perfxl.core.text, RULES.md §6 N1a–N1g) cost per department.

    /work/main/.venv/bin/python benchmarks/text_checks.py                        # this tree
    /work/main/.venv/bin/python benchmarks/text_checks.py --baseline /tmp/base   # this tree vs another
    /work/main/.venv/bin/python benchmarks/text_checks.py --profile              # cProfile, this tree

1. Every workbook of ``workbooks/examples/`` is read once (python-calamine) and evaluated; a job is
   one pass of ``perfxl.core.checks.text.check(ev)`` over all of them: ms per department. For scale,
   the same for all the other check families together.
2. A synthetic long report: the seed department's texts (衡山县科技和工业信息化局, ≈ 1,200 characters of
   prose), every cell repeated ``copies`` times in the same cell, each copy after the first with its
   figures varied (one digit of a figure changed with probability 0.3, fixed seed) — ≈ 10,000
   characters at 8 copies; a job is one ``check_texts`` of it. If the time per 1,000 characters stays
   flat the checks scale linearly.

Each tree runs in its own long-lived subprocess with that tree first on ``sys.path`` (the script checks
that ``perfxl`` was imported from it) and sets up once; the inputs are always this tree's example
workbooks. The parent then asks for the jobs round by round, every job in every tree in turn, the
order of the trees alternating (A B, B A …), so machine drift hits both alike. Each job is timed by
the wall clock and by the process's CPU time (the machine is shared: CPU time is what other work on it
disturbs least); the table gives the medians over ``--runs`` rounds. Results:
benchmarks/README_text.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
EXAMPLES = ROOT / "workbooks" / "examples"
SEED = "衡山县科技和工业信息化局-2022.xlsx"


# ------------------------------------------------------------------------------ in the worker


def _import_tree(tree: Path):
    sys.path.insert(0, str(tree))
    import perfxl

    where = Path(perfxl.__file__).resolve()
    if tree.resolve() not in where.parents:
        raise SystemExit(f"perfxl imported from {where}, not from {tree}")


def _vary(text: str, rng: random.Random, p: float) -> str:
    def one(m):
        s = m.group()
        if rng.random() >= p:
            return s
        i = rng.randrange(len(s))
        return s[:i] + rng.choice("0123456789") + s[i + 1:]
    return re.sub(r"\d+", one, text)


def long_cells(cells, copies: int):
    """Each cell's text repeated ``copies`` times in the same cell (later copies with varied figures)."""
    from perfxl.core.text import TextCell

    rng = random.Random(f"long:{copies}")
    return [TextCell(c.sheet, c.cell, c.key, "\n".join([c.text] + [_vary(c.text, rng, 0.3) for _ in range(copies - 1)]))
            for c in cells]


def _timed(fn, per: int) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call, divided by ``per``."""
    w, c = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - w) * 1000 / per, (time.process_time() - c) * 1000 / per


def worker(tree: Path, copies: list[int]) -> None:
    """Set up, say what was set up, then run one timed job per line of stdin ("examples", "rest", "long K")."""
    _import_tree(tree)
    from perfxl.core import checks
    from perfxl.core.checks import text
    from perfxl.core.checks.text import table_facts, text_cells
    from perfxl.core.evaluate import evaluate
    from perfxl.core.text import check_texts
    from perfxl.io.extract import load

    evs = [evaluate(load(p, backend="calamine")) for p in sorted(EXAMPLES.glob("*.xlsx"))]
    others = [f for f in checks.FAMILIES if f is not text]
    seed = next(ev for ev in evs if Path(ev.file).name == SEED)
    long = {k: long_cells(text_cells(seed), k) for k in copies}

    def texts():
        for ev in evs:
            text.check(ev)

    def rest():
        for ev in evs:
            for f in others:
                list(f.check(ev))

    jobs = {"examples": (texts, len(evs)), "rest": (rest, len(evs))}
    for k, cells in long.items():
        jobs[f"long {k}"] = (lambda cells=cells: check_texts(seed.file, cells, table_facts(seed)), 1)
    info = {"departments": len(evs), "chars": sum(len(c.text) for ev in evs for c in text_cells(ev)),
            "findings": sum(len(list(text.check(ev))) for ev in evs),  # also warms up
            "long": {str(k): {"chars": sum(len(c.text) for c in cells),
                              "findings": len(check_texts(seed.file, cells, table_facts(seed)))}
                     for k, cells in long.items()}}
    print(json.dumps(info), flush=True)
    for line in sys.stdin:
        fn, per = jobs[line.strip()]
        print(json.dumps(_timed(fn, per)), flush=True)


# ------------------------------------------------------------------------------ in the parent


def machine() -> str:
    model = ""
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        model = platform.processor()
    return f"{model or '?'}, nproc {os.cpu_count()}, Python {platform.python_version()}, {platform.system()}"


class Worker:
    """One tree's subprocess: set up once, then timed jobs on request."""

    def __init__(self, tree: Path, copies: list[int]):
        cmd = [PY, str(Path(__file__).resolve()), "--worker", str(tree), "--copies", *map(str, copies)]
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0"}
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd="/")
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"worker for {tree} failed")
        self.info = json.loads(line)

    def run(self, job: str) -> tuple[float, float]:
        self.proc.stdin.write(job + "\n")
        self.proc.stdin.flush()
        return tuple(json.loads(self.proc.stdout.readline()))

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


def med(xs) -> float:
    return statistics.median(xs)


def report(names: list[str], infos: dict, times: dict, runs: int, copies: list[int]) -> None:
    """``times[name][job]``: the (wall, CPU) ms of each round."""
    first = infos[names[0]]
    print(f"Machine: {machine()}; {runs} rounds, the trees alternating job by job; medians of the rounds\n")
    print(f"Examples: {first['departments']} departments, {first['chars']} characters of prose, "
          f"{first['findings']} text findings\n")
    for name in names[1:]:
        if infos[name]["findings"] != first["findings"] or infos[name]["long"] != first["long"]:
            print(f"**{name} does not find as many findings as {names[0]}**\n")

    two = len(names) == 2
    head = "| input | chars / dept | " + " | ".join(f"{n}: CPU ms (wall)" for n in names)
    print(head + (" | speed-up CPU (wall) |" if two else " |"))
    print("|---|---:|" + "---:|" * len(names) + ("---:|" if two else ""))
    per_k = {}

    def row(label, chars, job):
        cpu = [med([t[1] for t in times[n][job]]) for n in names]
        wall = [med([t[0] for t in times[n][job]]) for n in names]
        cells = " | ".join(f"{c:.2f} ({w:.2f})" for c, w in zip(cpu, wall))
        extra = f" | ×{cpu[0] / cpu[1]:.2f} (×{wall[0] / wall[1]:.2f}) |" if two else " |"
        print(f"| {label} | {chars} | {cells}{extra}")
        return cpu

    row("examples: text checks", round(first["chars"] / first["departments"]), "examples")
    row("examples: all other checks", "", "rest")
    for k in copies:
        lr = first["long"][str(k)]
        per_k[k] = row(f"seed × {k} ({lr['findings']} findings)", lr["chars"], f"long {k}")
    print("\nLong report, CPU ms per 1,000 characters (flat = linear):\n")
    print("| copies | chars | " + " | ".join(names) + " |")
    print("|---:|---:|" + "---:|" * len(names))
    for k in copies:
        chars = first["long"][str(k)]["chars"]
        print(f"| {k} | {chars} | " + " | ".join(f"{v / chars * 1000:.2f}" for v in per_k[k]) + " |")


def profile(reps: int) -> None:
    import cProfile
    import pstats

    _import_tree(ROOT)
    from perfxl.core.checks import text
    from perfxl.core.evaluate import evaluate
    from perfxl.io.extract import load

    evs = [evaluate(load(p, backend="calamine")) for p in sorted(EXAMPLES.glob("*.xlsx"))]
    for ev in evs:
        text.check(ev)
    pr = cProfile.Profile()
    pr.enable()
    for _ in range(reps):
        for ev in evs:
            text.check(ev)
    pr.disable()
    st = pstats.Stats(pr)
    st.sort_stats("tottime").print_stats(30)
    st.sort_stats("cumtime").print_stats(30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", type=Path, help="another tree (e.g. an export of main) to compare with")
    ap.add_argument("--tree", type=Path, default=ROOT, help="the tree to measure (default: this one)")
    ap.add_argument("--runs", type=int, default=40, help="rounds (each runs every job once in every tree)")
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 2, 4, 8, 16], help="long-report sizes")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--profile", action="store_true", help="cProfile the examples in this tree")
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.copies)
        return
    if args.profile:
        profile(20)
        return
    tree = args.tree.resolve()
    trees = {"baseline": args.baseline.resolve(), "this tree": tree} if args.baseline else {"this tree": tree}
    names = list(trees)
    workers = {n: Worker(t, args.copies) for n, t in trees.items()}
    jobs = ["examples", "rest", *(f"long {k}" for k in args.copies)]
    times = {n: {j: [] for j in jobs} for n in names}
    for i in range(args.runs):
        for job in jobs:
            for n in (names if i % 2 == 0 else names[::-1]):
                times[n][job].append(workers[n].run(job))
        if (i + 1) % 10 == 0:
            print(f"round {i + 1}/{args.runs}", file=sys.stderr)
    for w in workers.values():
        w.close()
    report(names, {n: w.info for n, w in workers.items()}, times, args.runs, args.copies)


if __name__ == "__main__":
    main()
