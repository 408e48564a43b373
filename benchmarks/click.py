"""What one ribbon click costs, measured the way Excel pays it: whole Python processes.

    .venv/bin/python benchmarks/click.py [--runs 15] [--loops 200000]

1. ``python -c "import perfxl.excel.ribbon"`` vs ``python -c "import openpyxl"`` (goal: within 2×);
   also ``import xlwings`` and bare ``python -c pass``, because RunPython imports xlwings.utils (and
   with it xlwings and pandas) before it runs the ribbon command.
2. One fill + check of an example workbook as processes (``python -m perfxl fill … -o …`` then
   ``python -m perfxl check …``).
3. The pure-Python cost of one ``PERF_SCORE`` call (goal ≤ 10 µs), with timeit.

Medians of interleaved runs (each round runs every command once, so drift hits all alike).
Prints a Markdown table; the machine is in the header. Results: benchmarks/README_click.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def machine() -> str:
    model = ""
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        model = platform.processor()
    return f"{model or '?'}, nproc {os.cpu_count()}, Python {platform.python_version()}, {platform.system()}"


def run_interleaved(commands: dict[str, list[str]], runs: int, env=None) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            t = time.perf_counter()
            subprocess.run(cmd, check=False, capture_output=True, env=env, cwd=ROOT)
            times[name].append(time.perf_counter() - t)
    return times


def example_workbook(folder: Path) -> Path:
    examples = sorted((ROOT / "workbooks" / "examples").glob("*.xlsx"))
    if examples:
        return examples[0]
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import make_workbook  # the tests' small department

    return make_workbook(folder / "测试局-2022.xlsx")


def perf_score_us(loops: int) -> float | None:
    try:
        from perfxl.excel.udfs import PERF_SCORE
    except ImportError:
        return None
    PERF_SCORE("≥95%", "96%", 10)  # warm caches
    best = min(timeit.repeat(lambda: PERF_SCORE("≥95%", "96%", 10), number=loops, repeat=5))
    return best / loops * 1e6


def perf_score_distinct_us(n: int = 20_000) -> float | None:
    """Every call with texts never seen before: the parsers' memo does not help (worst case)."""
    try:
        from perfxl.excel.udfs import PERF_SCORE
    except ImportError:
        return None
    cases = [(f"≥{80 + i / 1000:.3f}%", f"{90 + (i % 997) / 100:.2f}%", 10) for i in range(n)]
    t0 = time.perf_counter()
    for target, actual, weight in cases:
        PERF_SCORE(target, actual, weight)
    return (time.perf_counter() - t0) / n * 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--loops", type=int, default=200_000)
    args = ap.parse_args()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}

    print(f"Machine: {machine()}; runs: {args.runs} (medians)\n")
    imports = run_interleaved({
        "python -c pass": [PY, "-c", "pass"],
        "import openpyxl": [PY, "-c", "import openpyxl"],
        "import perfxl.excel.ribbon": [PY, "-c", "import perfxl.excel.ribbon"],
        "import xlwings": [PY, "-c", "import xlwings"],
    }, args.runs, env)
    med = {k: statistics.median(v) for k, v in imports.items()}
    print("| process | median s | vs import openpyxl |")
    print("|---|---:|---:|")
    for k, v in med.items():
        print(f"| `{k}` | {v:.3f} | {v / med['import openpyxl']:.2f}× |")

    with tempfile.TemporaryDirectory() as tmp:
        src = example_workbook(Path(tmp))
        out = Path(tmp) / "filled.xlsx"
        procs = run_interleaved({
            "perfxl fill": [PY, "-m", "perfxl", "fill", str(src), "-o", str(out)],
            "perfxl check": [PY, "-m", "perfxl", "check", str(out)],
        }, args.runs, env)
        print(f"\nExample workbook: {src.name}\n")
        print("| process | median s |")
        print("|---|---:|")
        for k, v in procs.items():
            print(f"| `python -m {k}` | {statistics.median(v):.3f} |")
        total = statistics.median(a + b for a, b in zip(procs["perfxl fill"], procs["perfxl check"]))
        print(f"| fill + check | {total:.3f} |")

    us = perf_score_us(args.loops)
    if us is None:
        print("\nPERF_SCORE: perfxl.excel.udfs not available")
    else:
        print(f'\nPERF_SCORE("≥95%", "96%", 10): {us:.2f} µs per call (best of 5 × {args.loops} loops; '
              "texts recur, as in a sheet that recalculates)")
        print(f"PERF_SCORE with a new target and actual text on every call: {perf_score_distinct_us():.2f} µs per call")


if __name__ == "__main__":
    main()
