"""What the report-text checks (perfxl.core.text, RULES.md §6 N1a–N1g) cost per department.

    /work/main/.venv/bin/python benchmarks/text_checks.py                        # this tree
    /work/main/.venv/bin/python benchmarks/text_checks.py --baseline /tmp/base   # this tree vs another
    /work/main/.venv/bin/python benchmarks/text_checks.py --profile              # cProfile, this tree

1. Every workbook of ``workbooks/examples/`` is read once (python-calamine) and evaluated; then
   ``perfxl.core.checks.text.check(ev)`` runs over all of them, ``--reps`` times: ms per department
   (median of the repetitions). For scale, the same for all the other check families together.
2. A synthetic long report: the seed department's texts (衡山县科技和工业信息化局, ≈ 1,200 characters of
   prose), every cell repeated ``copies`` times in the same cell, each copy after the first with its
   figures varied (one digit of a figure changed with probability 0.3, fixed seed) — ≈ 10,000
   characters at 8 copies. If the time per 1,000 characters stays flat the checks scale linearly.

Each tree runs in its own subprocess with that tree first on ``sys.path`` (the script checks that
``perfxl`` was imported from it); the inputs are always this tree's example workbooks. With
``--baseline`` the two trees alternate (A B, B A, A B …) for ``--runs`` rounds, so machine drift hits
both alike; the table gives the median over rounds of each round's median. Results:
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


def _time(fn, reps: int, per: int = 1) -> list[float]:
    out = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000 / per)
    return out


def worker(tree: Path, reps: int, copies: list[int]) -> dict:
    _import_tree(tree)
    from perfxl.core import checks
    from perfxl.core.checks import text
    from perfxl.core.checks.text import table_facts, text_cells
    from perfxl.core.evaluate import evaluate
    from perfxl.core.text import check_texts
    from perfxl.io.extract import load

    evs = [evaluate(load(p, backend="calamine")) for p in sorted(EXAMPLES.glob("*.xlsx"))]
    others = [f for f in checks.FAMILIES if f is not text]
    n_findings = sum(len(list(text.check(ev))) for ev in evs)  # also warms up

    def texts():
        for ev in evs:
            text.check(ev)

    def rest():
        for ev in evs:
            for f in others:
                list(f.check(ev))

    out = {"departments": len(evs), "chars": sum(len(c.text) for ev in evs for c in text_cells(ev)),
           "findings": n_findings, "text_ms": _time(texts, reps, len(evs)), "rest_ms": _time(rest, reps, len(evs)),
           "long": {}}
    seed = next(ev for ev in evs if Path(ev.file).name == SEED)
    base = text_cells(seed)
    for k in copies:
        cells = long_cells(base, k)
        found = check_texts(seed.file, cells, table_facts(seed))
        out["long"][str(k)] = {"chars": sum(len(c.text) for c in cells), "findings": len(found),
                               "ms": _time(lambda: check_texts(seed.file, cells, table_facts(seed)),
                                           max(3, reps // max(1, k // 2)))}
    return out


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


def run_worker(tree: Path, reps: int, copies: list[int]) -> dict:
    cmd = [PY, str(Path(__file__).resolve()), "--worker", str(tree), "--reps", str(reps),
           "--copies", *map(str, copies)]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0"}
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd="/")
    if res.returncode:
        raise SystemExit(f"worker for {tree} failed:\n{res.stderr}")
    return json.loads(res.stdout)


def med(xs) -> float:
    return statistics.median(xs)


def report(trees: dict[str, Path], results: dict[str, list[dict]], copies: list[int]) -> None:
    names = list(trees)
    first = results[names[0]][0]
    print(f"Machine: {machine()}; {len(results[names[0]])} rounds (medians of the rounds' medians)\n")
    print(f"Examples: {first['departments']} departments, {first['chars']} characters of prose, "
          f"{first['findings']} text findings\n")
    for name in names:
        r = results[name][0]
        if r["findings"] != first["findings"]:
            print(f"**{name}: {r['findings']} findings — not the same number as {names[0]}**\n")

    def m(name, pick):
        return med([med(pick(r)) for r in results[name]])

    head = "| input | chars / dept | " + " | ".join(f"{n} ms / dept" for n in names)
    head += " | speed-up |" if len(names) == 2 else " |"
    print(head)
    print("|---|---:|" + "---:|" * len(names) + ("---:|" if len(names) == 2 else ""))

    def row(label, chars, pick):
        vals = [m(n, pick) for n in names]
        cells = " | ".join(f"{v:.2f}" for v in vals)
        extra = f" | ×{vals[0] / vals[1]:.2f} |" if len(vals) == 2 else " |"
        print(f"| {label} | {chars} | {cells}{extra}")
        return vals

    row("examples: text checks", round(first["chars"] / first["departments"]), lambda r: r["text_ms"])
    row("examples: all other checks", "", lambda r: r["rest_ms"])
    per_k = {}
    for k in copies:
        lr = first["long"][str(k)]
        per_k[k] = row(f"seed × {k} ({lr['findings']} findings)", lr["chars"], lambda r, k=k: r["long"][str(k)]["ms"])
    print("\nLong report, ms per 1,000 characters (flat = linear):\n")
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
    ap.add_argument("--runs", type=int, default=5, help="rounds (each runs every tree once, in a new process)")
    ap.add_argument("--reps", type=int, default=20, help="repetitions within a round")
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 2, 4, 8, 16], help="long-report sizes")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--profile", action="store_true", help="cProfile the examples in this tree")
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.reps, args.copies)))
        return
    if args.profile:
        profile(args.reps)
        return
    trees = {"this tree": ROOT}
    if args.baseline:
        trees = {"baseline": args.baseline.resolve(), "this tree": ROOT}
    results: dict[str, list[dict]] = {n: [] for n in trees}
    order = list(trees)
    for i in range(args.runs):
        for name in (order if i % 2 == 0 else order[::-1]):
            results[name].append(run_worker(trees[name], args.reps, args.copies))
        print(f"round {i + 1}/{args.runs} done", file=sys.stderr)
    report(trees, results, args.copies)


if __name__ == "__main__":
    main()
