"""P1 and X9: a scored indicator whose target or actual cannot be read is a finding on that cell; an
actual that repeats the target's sign is not an actual; never a silently unscored row."""
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from tests.core.checks.builders import GOOD_INDICATORS, change, find, good_department, run


def p1(index, **kw):
    return find(run("indicators", good_department(indicators=change(GOOD_INDICATORS, index, **kw))))


CASES = [
    (0, {}, []),
    # X9: the actual repeats the target with its sign
    (0, {"actual": "≥100人次"}, [("actual-repeats-target", "F12")]),
    (1, {"actual": "不低于95%"}, [("actual-repeats-target", "F14")]),
    (1, {"actual": "达到96%"}, []),  # an achievement word before a number is an actual
    # P1: a target that cannot be read, a unit that does not compare
    (0, {"target": "≥100人次以上以下"}, [("target-unreadable", "E12")]),
    (1, {"actual": "96分"}, [("actual-unreadable", "F14")]),  # % against 分: no comparison
    # a look-alike of "=" is said on its cell
    (1, {"target": "═95%"}, [("lookalike-sign", "E14"), ("target-unreadable", "E14")]),
    # not the user's fault: a phrase the rules do not know is info, on the score
    (5, {"actual": "正在推进中"}, [("indicator-unscored", "H22")]),
    # unscored rows without a 分值, blank targets (S4 speaks) and 不适用 say nothing here
    (0, {"weight": None, "target": "≥100人次以上以下"}, []),
    (0, {"target": None}, []),
    (0, {"target": "不适用", "actual": "不适用", "score": None}, []),
]


@pytest.mark.parametrize("index,kw,expected", CASES)
def test_p1_x9(index, kw, expected):
    assert [c for c in p1(index, **kw) if not c[0].startswith(("cost-", "exec-"))] == expected


def test_severities_and_rules():
    got = {f.code: (f.severity.value, f.rule) for f in run("indicators", good_department(
        indicators=change(change(GOOD_INDICATORS, 0, actual="≥100人次"), 1, target="═95%")))}
    assert got["actual-repeats-target"] == ("warning", "X9")
    assert got["lookalike-sign"] == ("warning", "P1") and got["target-unreadable"] == ("warning", "P1")


def test_r1_reproducer_gives_a_p1_warning_at_e12(tmp_path):
    """perfxl template; 政策知晓率 target ═100%, actual 50%, 50 of 50 points."""
    path = tmp_path / "r1.xlsx"
    assert subprocess.run([sys.executable, "-m", "perfxl", "template", "-o", str(path)]).returncode == 0
    wb = load_workbook(path)
    ws = wb["项目自评表"]
    wb["基本情况"]["B3"], wb["基本情况"]["B4"] = "x", 2022
    ws["E5"], ws["F5"] = 10, 10
    ws["D12"], ws["E12"], ws["F12"], ws["G12"], ws["H12"] = "政策知晓率", "═100%", "50%", 50, 50
    wb.save(path)
    res = subprocess.run([sys.executable, "-m", "perfxl", "check", str(path), "--format", "json"],
                         capture_output=True, text=True)
    import json

    at_e12 = [f for f in json.loads(res.stdout) if f["cell"] == "E12"]
    assert at_e12 and all(f["severity"] == "warning" and f["rule"] == "P1" for f in at_e12)
