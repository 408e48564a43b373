"""Benchmark `perfxl consolidate` against a hand-written openpyxl baseline, as whole processes.

    .venv/bin/python benchmarks/consolidate.py                     # N = 100 and 1000, 5 runs each
    .venv/bin/python benchmarks/consolidate.py --n 100 1000 10000 --runs 5 --baseline-max 1000

Workbooks: N realistic department workbooks are generated into ``--dir`` (default
/tmp/perfxl-bench/N) from the example workbooks in ``workbooks/examples`` (the seed department and
the invented ones, with their 1–6 project sheets and their mistakes). Each copy gets its own unit
name, so no two are the same department; the copy is made by rewriting the unit name in
the sheet XML (inline strings) of the real openpyxl-written file, so every copy is a genuine workbook.

Timing: each command runs as a fresh process (interpreter start-up included); the figure is the
median wall time of ``--runs`` runs, with the peak resident memory of the main process
(``/usr/bin/time -f %M``). The baseline (``baseline_openpyxl.py``) runs in the same session on the
same files, ``--baseline-runs`` times (it is slow), and only for N ≤ ``--baseline-max``.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "workbooks" / "examples"
UNIT_RE = re.compile(r"^(.+?)-(\d{4})\.xlsx$")


def _bases() -> list[tuple[str, dict[str, bytes], list[zipfile.ZipInfo]]]:
    bases = []
    for p in sorted(EXAMPLES.glob("*.xlsx")):
        m = UNIT_RE.match(p.name)
        if not m:
            continue
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
            parts = {i.filename: zf.read(i.filename) for i in infos}
        bases.append((m.group(1), parts, infos))
    if not bases:
        raise SystemExit(f"no example workbooks in {EXAMPLES}")
    return bases


def generate(n: int, folder: Path) -> Path:
    """N workbooks in ``folder`` (reused when already complete)."""
    marker = folder / ".complete"
    if marker.exists() and marker.read_text() == str(n):
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    bases = _bases()
    for i in range(n):
        unit, parts, infos = bases[i % len(bases)]
        new_unit = unit.replace("衡山县", f"样本{i:05d}县", 1)
        sub = folder / f"{i // 1000:02d}"  # a few subfolders, as an inbox often has
        sub.mkdir(exist_ok=True)
        target = sub / f"{new_unit}-2022.xlsx"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for info in infos:
                data = parts[info.filename]
                if info.filename.startswith("xl/") and info.filename.endswith(".xml"):
                    data = data.replace(unit.encode(), new_unit.encode())
                out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    marker.write_text(str(n))
    return folder


def _perfxl_cmd(folder: Path, out: Path, jobs: int | None) -> list[str]:
    cmd = [sys.executable, "-m", "perfxl", "consolidate", str(folder), "-o", str(out), "--quiet"]
    return cmd + (["--jobs", str(jobs)] if jobs else [])


def _floor_cmd(folder: Path, jobs: int | None) -> list[str]:
    cmd = [sys.executable, str(ROOT / "benchmarks" / "floor_calamine.py"), str(folder)]
    return cmd + (["--jobs", str(jobs)] if jobs else [])


def timed(cmd: list[str]) -> tuple[float, int, int, float]:
    """(wall seconds, peak RSS of the main process in MB, exit code, CPU seconds of the process and the
    children it waited for — user + system)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t0 = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", tf.name, *cmd], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
        try:
            rss_kb, user, system = tf.read().strip().splitlines()[-1].split()
            rss, cpu = int(rss_kb) // 1024, float(user) + float(system)
        except (ValueError, IndexError):
            rss, cpu = -1, float("nan")
    return wall, rss, proc.returncode, cpu


def machine() -> str:
    cpu = ""
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                cpu = line.split(":", 1)[1].strip()
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as fh:
            mem = f"{int(fh.readline().split()[1]) // 1024 // 1024} GiB RAM"
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, {mem}, " \
           f"Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--baseline-runs", type=int, default=1)
    ap.add_argument("--baseline-max", type=int, default=1000, help="skip the baseline above this N")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "perfxl-bench")
    args = ap.parse_args()
    print(f"machine: {machine()}")
    rows = []
    for n in args.n:
        folder = generate(n, args.dir / str(n))
        out = args.dir / f"summary-{n}.xlsx"
        subprocess.run(_perfxl_cmd(folder, out, args.jobs), cwd=ROOT, capture_output=True)  # warm the page cache
        runs, floors = [], []
        for _ in range(args.runs):  # alternate perfxl and the floor, so both see the same machine
            runs.append(timed(_perfxl_cmd(folder, out, args.jobs)))
            floors.append(timed(_floor_cmd(folder, args.jobs)))
        walls = [r[0] for r in runs]
        med = statistics.median(walls)
        rss = max(r[1] for r in runs)
        cpu, floor_cpu = statistics.median(r[3] for r in runs), statistics.median(r[3] for r in floors)
        floor_wall = statistics.median(r[0] for r in floors)
        base_med = None
        if n <= args.baseline_max and args.baseline_runs > 0:
            bout = args.dir / f"baseline-{n}.xlsx"
            b = [timed([sys.executable, str(ROOT / "benchmarks" / "baseline_openpyxl.py"), str(folder), str(bout)])
                 for _ in range(args.baseline_runs)]
            base_med = statistics.median(r[0] for r in b)
            base_rss = max(r[1] for r in b)
        line = (f"N={n:>6}  perfxl median {med:7.3f} s  (min {min(walls):.3f}, max {max(walls):.3f}, "
                f"{args.runs} runs, exit {runs[0][2]}, peak RSS {rss} MB)  CPU {cpu:.2f} s = {cpu / n * 1000:.2f} ms/file"
                f"  | calamine floor {floor_wall:.3f} s, CPU {floor_cpu:.2f} s  → perfxl CPU ×{cpu / floor_cpu:.2f} the floor")
        if base_med is not None:
            line += f"  baseline {base_med:8.2f} s (RSS {base_rss} MB)  speed-up ×{base_med / med:.1f}"
        print(line, flush=True)
        rows.append(line)


if __name__ == "__main__":
    main()
