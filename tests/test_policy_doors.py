"""The scoring policy reaches every door, with one precedence: the run's --policy, else the workbook's own
(its _perfxl sheet), else the user's config (POLICY FILE), else the national defaults."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

import perfxl
from perfxl.excel import policy as excel_policy
from perfxl.excel.udfs import PERF_GRADE, PERF_SCORE
from perfxl.policy_file import resolve_policy

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ROOT / "workbooks" / "examples" / "衡山县农业农村局-2022.xlsx"
RENAMED = 'grade_bands = [[95, "优秀"], [85, "良好"], [60, "合格"]]\ngrade_below = "不合格"\n'
HIGH_BAR = 'grade_bands = [[99, "优"], [98, "良"], [60, "中"]]\n'


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "perfxl", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


@pytest.fixture
def setup(tmp_path, monkeypatch):
    monkeypatch.setenv("PERFXL_CONFIG", str(tmp_path / "perfxl.conf"))
    excel_policy.forget()
    (tmp_path / "renamed.toml").write_text(RENAMED, encoding="utf-8")
    (tmp_path / "high.toml").write_text(HIGH_BAR, encoding="utf-8")
    filled = tmp_path / "部门.xlsx"
    perfxl.fill(CLEAN, filled)  # graded under the national policy: every project 优
    return tmp_path, filled


def grades(path):
    wb = load_workbook(path)
    return sorted({wb[s]["H31"].value for s in wb.sheetnames if s.startswith("项目自评表")})


def test_the_workbook_carries_its_policy_to_check_fill_and_consolidate(setup):
    tmp, filled = setup
    assert cli("policy", "--policy", tmp / "renamed.toml", "--into", filled).returncode == 0
    res = cli("check", filled, "--format", "json")
    assert res.returncode == 1 and '"grade-mismatch"' in res.stdout and "优秀" in res.stdout
    assert cli("fill", filled, "--in-place").returncode == 0
    assert grades(filled) == ["优秀"]
    assert cli("check", filled).returncode == 0
    s = perfxl.consolidate([filled], jobs=1)
    assert s.totals.grades["优秀"] == 1 and s.totals.ungraded == 0


def test_a_policy_file_with_renamed_grades_counts_every_department_under_its_labels(setup, tmp_path):
    tmp, filled = setup
    inbox = tmp / "inbox"
    inbox.mkdir()
    for i in range(3):
        shutil.copy(filled, inbox / f"部门{i}.xlsx")
        wb = load_workbook(inbox / f"部门{i}.xlsx")
        wb["基本情况"]["B3"] = f"单位{i}"
        wb.save(inbox / f"部门{i}.xlsx")
    out = tmp / "汇总.xlsx"
    res = cli("consolidate", inbox, "-o", out, "--policy", tmp / "renamed.toml")
    assert "优秀 3" in res.stdout, res.stdout
    chart = load_workbook(out)["图表"]
    assert [(chart.cell(r, 1).value, chart.cell(r, 2).value) for r in range(2, 6)] == \
        [("优秀", 3), ("良好", 0), ("合格", 0), ("不合格", 0)]


def test_precedence_run_then_workbook_then_user_then_national(setup):
    tmp, filled = setup
    meta = {}
    assert resolve_policy(meta, filled).source.startswith("国家")
    assert cli("policy", "--policy", tmp / "high.toml", "--user").returncode == 0
    assert "用户配置" in resolve_policy(meta, filled).source
    assert resolve_policy(meta, filled).policy.grade_bands[0][0] == 99
    assert cli("check", filled, "--format", "json").returncode == 1  # 98.x is 良 under the user's bar
    cli("policy", "--policy", tmp / "renamed.toml", "--into", filled)
    assert "工作簿" in perfxl.check(filled).evaluation.policy_source  # the workbook's beats the user's
    from perfxl.core.policy import DEFAULT_POLICY

    assert perfxl.check(filled, DEFAULT_POLICY).evaluation.policy_source.startswith("命令行")  # the run's beats all


def test_ribbon_compute_uses_the_workbook_policy(setup):
    import perfxl.excel.ribbon as ribbon
    from perfxl.io.xlsx import XlsxBook

    tmp, filled = setup
    cli("policy", "--policy", tmp / "renamed.toml", "--into", filled)
    book = XlsxBook(filled)
    msg = ribbon.compute(book=book, alert=lambda *a, **k: None)
    book.save(filled)
    assert grades(filled) == ["优秀"] and "工作簿" in msg


class _Range:
    """What xlwings passes as ``caller``: a range whose sheet's book can be read (a stand-in for COM)."""

    def __init__(self, book):
        self.sheet = type("Sheet", (), {"book": book})()


class _Book:
    def __init__(self, path):
        wb = load_workbook(path)
        self.fullname = str(path)
        self._meta = [[c.value for c in row] for row in wb["_perfxl"]["A1:B40"]]
        self.sheets = _Sheets(self._meta)


class _Sheets(list):
    def __init__(self, meta):
        super().__init__([type("S", (), {"name": "_perfxl"})()])
        self.meta = meta

    def __getitem__(self, key):
        if key == "_perfxl":
            return type("S", (), {"range": lambda _s, ref: type("R", (), {"value": self.meta})()})()
        return super().__getitem__(key)


def test_worksheet_functions_use_the_calling_workbook_policy(setup):
    tmp, filled = setup
    assert PERF_GRADE(96) == "优"  # no caller: the user's (none) or the national
    cli("policy", "--policy", tmp / "renamed.toml", "--into", filled)
    caller = _Range(_Book(filled))
    assert PERF_GRADE(96, caller=caller) == "优秀" and PERF_GRADE(90, caller=caller) == "良好"
    assert PERF_SCORE("≥95%", "96%", 10, caller=caller) == 10.0
    excel_policy.forget()


def test_worksheet_functions_use_the_user_policy_without_a_caller(setup):
    tmp, _ = setup
    cli("policy", "--policy", tmp / "high.toml", "--user")
    excel_policy.forget()
    assert PERF_GRADE(98.5) == "良"


def test_a_broken_workbook_policy_is_one_sentence_and_exit_2(setup):
    _, filled = setup
    from perfxl.io.xlsx import XlsxBook

    book = XlsxBook(filled)
    book.set_meta("评分设置", "grade_bands = 5")
    book.save(filled)
    res = cli("check", filled)
    assert res.returncode == 2 and "评分设置" in res.stderr and "Traceback" not in res.stderr
