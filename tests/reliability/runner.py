"""Helpers of the reliability tests: the bad-file corpus (built once per session in a tmp folder)
and a runner that runs a perfxl command as a subprocess under a wall-time and a memory limit."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest


from tests.reliability import corpus as C
from tests.tests_helpers import make_workbook

ROOT = Path(__file__).resolve().parents[2]
WALL_SECONDS = 60  # per command; a healthy run takes about one second
MEMORY_KB = 1_500_000  # ulimit -v around each command (virtual memory, so generous)
PEAK_RSS_KB = 600_000  # what a command may really use (a healthy run uses ~60 MB)
TIME = "/usr/bin/time"


@dataclass
class Run:
    args: list
    returncode: int
    stdout: str
    stderr: str
    peak_kb: int  # peak RSS from /usr/bin/time, 0 when not measured

    @property
    def both(self) -> str:
        return self.stdout + self.stderr


def run_perfxl(*args, cwd: Path | None = None, module: str = "perfxl", script: str | None = None,
               timeout: int = WALL_SECONDS, memory_kb: int = MEMORY_KB) -> Run:
    """``python -m perfxl ARGS`` (or ``python -c SCRIPT``) under ``timeout`` and ``ulimit -v``,
    with its peak RSS measured when /usr/bin/time is there."""
    py = [sys.executable, "-m", module, *map(str, args)] if script is None else [sys.executable, "-c", script,
                                                                                 *map(str, args)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "COLUMNS": "400"}
    rss_file = None
    if os.path.exists(TIME):
        import tempfile

        fd, rss_file = tempfile.mkstemp(prefix="rss-", dir=os.environ.get("TMPDIR", "/tmp"))
        os.close(fd)
        py = [TIME, "-f", "%M", "-o", rss_file, *py]
    cmd = ["bash", "-c", f'ulimit -v {memory_kb}; exec timeout -s KILL {timeout} "$@"', "bash", *py]
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd or ROOT, timeout=timeout + 30)
    peak = 0
    if rss_file:
        try:
            lines = [ln for ln in Path(rss_file).read_text().splitlines() if ln.strip().isdigit()]
            peak = int(lines[-1]) if lines else 0
        finally:
            os.unlink(rss_file)
    return Run(list(args), res.returncode, res.stdout, res.stderr, peak)


def run_many(jobs: list[tuple], workers: int = 2) -> list[Run]:
    """Run several commands (tuples of run_perfxl arguments, or (args, kwargs)) two at a time."""
    def one(job):
        if len(job) == 2 and isinstance(job[1], dict):
            return run_perfxl(*job[0], **job[1])
        return run_perfxl(*job)

    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(one, jobs))


def fork_many(commands: list[list], timeout: int = WALL_SECONDS, memory_kb: int = MEMORY_KB,
              workers: int = 2) -> list[Run]:
    """Run many perfxl command lines, each in its own forked process (see forkrun.py), ``workers``
    at a time. A child killed by its alarm or by a signal has a negative return code."""
    job = {"commands": [[str(a) for a in c] for c in commands], "timeout": timeout, "memory_kb": memory_kb,
           "workers": workers}
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "COLUMNS": "400"}
    res = subprocess.run([sys.executable, str(Path(__file__).with_name("forkrun.py"))], input=json.dumps(job),
                         capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=timeout * (len(commands) // workers + 2) + 60)
    assert res.returncode == 0, res.stderr[-3000:]
    return [Run(r["argv"], r["returncode"], r["stdout"], r["stderr"], r["peak_kb"]) for r in json.loads(res.stdout)]


# ---------------------------------------------------------------------------------- the corpus

def _numbers():
    return {
        "num-decimal-1e26": Decimal("1e26"), "num-float-1e26": 1e26, "num-text-1e26": "1e26",
        "num-int-1e26": 10 ** 26, "num-float-1e-30": 1e-30, "num-text-tiny": "0." + "0" * 29 + "1",
        "num-negative-zero": -0.0, "num-float-1e308": 1e308, "num-subnormal": 5e-324,
        "num-400-digits": "9" * 400, "num-huge-yuan": "9" * 20 + "元", "num-huge-percent": "≥" + "9" * 25 + "%",
    }


def build_corpus(folder: Path) -> dict[str, Path]:
    """Every bad file of the corpus (the zip bomb is separate: see ``zip_bomb``), by name."""
    folder.mkdir(parents=True, exist_ok=True)
    src = make_workbook(folder / "_good.xlsx")
    members = C.parts(src)
    sheet = C.sheet_part(members, "项目自评表")
    out: dict[str, Path] = {}

    def add(name: str, fn, *args) -> None:
        path = folder / f"{name}.xlsx"
        fn(src, path, *args)
        out[name] = path

    for fraction in (0.1, 0.5, 0.99):
        add(f"truncated-{int(fraction * 100)}", C.truncated, fraction)
    for member in sorted(members):
        add("flipped-" + member.replace("/", "_").strip("[]").replace("]", ""), C.flipped, member)
    add("method-bzip2", C.method, zipfile.ZIP_BZIP2)
    add("method-lzma", C.method, zipfile.ZIP_LZMA)
    add("method-99", C.method, 99)
    add("bad-crc-sheet", C.bad_crc, sheet)
    add("bad-crc-workbook", C.bad_crc, "xl/workbook.xml")
    add("declared-3GiB", C.declared_size, sheet, 3 << 30)
    add("declared-too-small", C.declared_size, sheet, 100)
    add("encrypted-member", C.encrypted_flag, sheet)
    add("duplicate-member", C.duplicate_member, sheet)
    for member in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", sheet, "xl/styles.xml",
                   "_rels/.rels"):
        add("without-" + member.replace("/", "_").strip("[]").replace("]", ""), C.without, member)
    for member in ("xl/workbook.xml", sheet, "[Content_Types].xml", "xl/styles.xml"):
        add("laughs-" + member.split("/")[-1].strip("[]").replace("]", ""), C.laughs, member)
    add("late-dtd-sheet", C.late_dtd, sheet)
    add("late-dtd-workbook", C.late_dtd, "xl/workbook.xml")
    add("external-entity", C.external_entity, sheet)
    add("chart-sheet", C.chart_sheet)
    add("chart-sheet-named-like-ours", C.chart_sheet, "_perfxl_marks")
    add("far-XFD1048576", C.stray_cell, "XFD1048576")
    add("far-AZ1048576", C.stray_cell, "AZ1048576")
    add("far-total-in-A1048576", C.stray_cell, "A1048576", "项目自评表", "总分")
    add("far-on-basic-sheet", C.stray_cell, "XFD1048576", "基本情况")
    add("name-empty", C.defined_name, "绩效指标", None)
    add("name-REF", C.defined_name, "绩效指标", "#REF!")
    add("name-sheet-REF", C.defined_name, "绩效指标", "'项目自评表'!#REF!")
    add("name-huge", C.defined_name, "绩效指标", "'项目自评表'!$B$12:$J$1048576")
    add("name-whole-sheet", C.defined_name, "绩效指标", "'项目自评表'!$A$1:$XFD$1048576")
    add("name-whole-rows", C.defined_name, "绩效指标", "'项目自评表'!$1:$1048576")
    add("name-far", C.defined_name, "绩效指标", "'项目自评表'!$B$20000:$J$20010")
    add("name-two-areas", C.defined_name, "绩效指标", "'项目自评表'!$B$12:$J$20,'项目自评表'!$B$22:$J$29")
    add("name-unit-empty", C.defined_name, "单位名称", None, None)
    add("name-unit-REF", C.defined_name, "单位名称", "#REF!", None)
    add("name-unit-missing-sheet", C.defined_name, "单位名称", "'没有这张表'!$B$3", None)
    add("name-duties-whole-sheet", C.defined_name, "主要职责", "'基本情况'!$A$14:$XFD$1048576", None)
    add("name-local-sheet-id", C.bad_local_sheet_id)
    for name, value in _numbers().items():
        add(name, C.absurd_numbers, value)
    add("num-xml-inf-nan", C.huge_float_cells, {("项目自评表", "E5"): "1e400", ("项目自评表", "G12"): "INF",
                                                ("项目自评表", "F5"): "NaN", ("预决算", "B5"): "-1e-400"})
    n = 32767
    for name, text in (("digits", "1" * n), ("commas", ("1," * n)[:n]), ("junk", ("1a.,%≥万元-—12月(分)" * n)[:n])):
        add(f"long-{name}", C.absurd_numbers, text)
    add("merged-whole-sheet", C.merged, "A200:XFD1048576")
    add("many-cells", C.many_cells, 300_000)
    os.unlink(src)
    return out


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def zip_bomb(tmp_path_factory) -> Path:
    """1 GiB of whitespace in a sheet, compressed to ~1 MB; built once per session."""
    folder = tmp_path_factory.mktemp("bomb")
    src = make_workbook(folder / "_good.xlsx")
    path = C.zip_bomb(src, folder / "bomb.xlsx", 1.0)
    os.unlink(src)
    return path


def json_rows(run: Run) -> list[dict]:
    try:
        return json.loads(run.stdout)
    except ValueError:
        return []
