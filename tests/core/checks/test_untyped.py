"""No rule raises an error on a field the user did not type: an untouched project sheet (the template's
own, kept), the template's pre-printed defaults (预算执行率分值 10, the 一级 caps of an empty indicator block),
blanks (RULES.md §4 "Blank is not zero")."""
import subprocess
import sys

from openpyxl import load_workbook

from perfxl.core.evaluate import evaluate
from perfxl.core.findings import Severity
from tests.core.checks.builders import department, funds, good_department, good_project, project


def errors(dept):
    return [(f.code, f.where.sheet, f.where.cell) for f in evaluate(dept).findings if f.severity is Severity.ERROR]


def test_an_untouched_project_sheet_says_nothing():
    untouched = project({"exec_weight": 10, "competent_dept": "测试单位"}, sheet="项目自评表(2)")
    dept = good_department(projects=[good_project(), untouched])
    assert [f for f in evaluate(dept).findings if f.where.sheet == "项目自评表(2)"] == []
    assert len(evaluate(dept).projects) == 1 and len(evaluate(dept).all_projects) == 2


def test_a_department_with_only_the_template_project_sheet():
    dept = department({"unit_name": "测试单位", "year": 2022}, [project({"exec_weight": 10})])
    assert evaluate(dept).findings == []


def test_template_caps_of_an_empty_indicator_block_are_not_the_users():
    """r3: 全年预算数 200, 全年执行数 180, 预算执行率分值 cleared, no indicator typed."""
    p = project({**funds(total=(None, 200, 180)), "exec_weight": None})
    dept = department({"unit_name": "x", "year": 2022}, [p])
    assert errors(dept) == []


def test_r3_reproducer_through_the_cli(tmp_path):
    path = tmp_path / "r3.xlsx"
    assert subprocess.run([sys.executable, "-m", "perfxl", "template", "-o", str(path)]).returncode == 0
    wb = load_workbook(path)
    ws = wb["项目自评表"]
    wb["基本情况"]["B3"], wb["基本情况"]["B4"] = "x", 2022
    ws["E5"], ws["F5"], ws["G5"] = 200, 180, None
    wb.save(path)
    res = subprocess.run([sys.executable, "-m", "perfxl", "check", str(path), "--format", "json"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout
    assert '"severity": "error"' not in res.stdout
