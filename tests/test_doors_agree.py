"""Every door gives the same answer: for every example workbook (and the same workbooks saved by
LibreOffice), the findings — (code, sheet, cell, severity) — from ``perfxl check --format json``, from
``perfxl.check``, from the summary's 校验问题 rows, and from the ribbon's 校验 (through the io protocol, on
the openpyxl book and on the xlwings book over a stand-in for Excel) are the same set."""
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

import perfxl
import perfxl.excel.ribbon as ribbon
from tests.excel.ribbon_backends import Clicks
from tests.excel.xlremote_stand_in import patch_sync_reads

ROOT = Path(__file__).resolve().parents[1]
FILES = [*sorted((ROOT / "workbooks" / "examples").glob("*.xlsx")),
         *sorted((ROOT / "tests" / "data" / "libreoffice").glob("*.xlsx"))]
SEVERITY = {"错误": "error", "警告": "warning", "提示": "info"}


def _key(code, sheet, cell, severity):
    return (code, sheet or "", cell or "", severity)


@pytest.fixture(scope="module")
def cli_findings():
    """One `perfxl check --format json` over every file (one process, as a bureau would run it)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    res = subprocess.run([sys.executable, "-m", "perfxl", "check", *map(str, FILES), "--format", "json"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode in (0, 1), res.stderr
    out: dict[str, set] = {str(p): set() for p in FILES}
    for f in json.loads(res.stdout):
        out[f["path"]].add(_key(f["code"], f["sheet"], f["cell"], f["severity"]))
    return out


@pytest.fixture(autouse=True)
def _excel(monkeypatch, tmp_path):
    monkeypatch.setenv("PERFXL_LOG_DIR", str(tmp_path / "log"))
    patch_sync_reads(monkeypatch)
    yield
    for h in list(logging.getLogger("perfxl.excel").handlers):
        logging.getLogger("perfxl.excel").removeHandler(h)
        h.close()


def _ribbon(backend: str, path: Path, tmp_path: Path) -> set:
    copy = tmp_path / f"{backend}-{path.name}"
    shutil.copy(path, copy)
    Clicks(backend, copy).click(ribbon.validate)
    ws = load_workbook(copy)["校验结果"]
    return {_key(r[2], r[3], r[4], SEVERITY[r[1]]) for r in ws.iter_rows(min_row=2, values_only=True)}


def test_the_files_have_findings_to_agree_on(cli_findings):
    assert sum(len(v) for v in cli_findings.values()) > 50 and len(cli_findings) >= 9


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_door_gives_the_same_findings(path, cli_findings, tmp_path):
    api = {_key(f.code, f.where.sheet, f.where.cell, f.severity.value) for f in perfxl.check(path).findings}
    summary = perfxl.consolidate([path], jobs=1)
    rows = {_key(r.code, r.sheet, r.cell, r.severity) for r in summary.rows("findings")}
    assert cli_findings[str(path)] == api
    assert rows == api
    assert _ribbon("openpyxl", path, tmp_path) == api
    assert _ribbon("xlwings-remote", path, tmp_path) == api
