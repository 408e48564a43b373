"""D7: Σ projects' 年初预算数 / 全年执行数 vs the department's 项目支出 (warning)."""
import pytest

from tests.core.checks.builders import find, funds, good_department, good_project, run

CASES = [
    ({}, {}, []),
    ({"budget_project": 101}, {}, [("projects-budget-mismatch", "B11")]),
    ({"budget_project": 100.01}, {}, []),
    ({"budget_project": 100.02}, {}, [("projects-budget-mismatch", "B11")]),
    ({"final_project": 120}, {}, [("projects-executed-mismatch", "B22")]),
    ({"final_project": 120, "projects_cover_all": "否"}, {}, []),
    ({"final_project": 120, "projects_cover_all": None}, {}, [("projects-executed-mismatch", "B22")]),
    ({"budget_project": None}, {}, []),  # one side unknown
    ({}, funds(total=(None, 120, None)), []),
    ({"budget_project": "x"}, {}, []),
]


@pytest.mark.parametrize("values,project_values,expected", CASES)
def test_d7(values, project_values, expected):
    assert find(run("cross", good_department(values, project_values))) == expected


def test_d7_sums_several_projects_with_per_project_tolerance():
    projs = [good_project(funds(total=(50, 60, 57)), sheet="项目自评表"),
             good_project(funds(total=(50.02, 60, 57)), sheet="项目自评表(2)")]
    assert find(run("cross", good_department(projects=projs))) == []  # 100.02 vs 100: within 0.02
    projs[1] = good_project(funds(total=(50.03, 60, 57)), sheet="项目自评表(2)")
    (f,) = run("cross", good_department(projects=projs))
    assert (f.code, f.where.cell, f.severity.value, f.rule) == ("projects-budget-mismatch", "B11", "warning", "D7")


def test_d7_no_projects():
    assert run("cross", good_department(projects=[])) == []
