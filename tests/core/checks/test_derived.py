"""derived: stale derived cells that no identity covers (the 测算得分 column), and one info per sheet
listing blank derived cells that can be computed."""
import pytest

from tests.core.checks.builders import GOOD_INDICATORS, change, fill, find, good_department, run


CASES = [
    ({}, {}, None, []),
    ({}, {}, change(GOOD_INDICATORS, 0, rule_score=20), []),
    ({}, {}, change(GOOD_INDICATORS, 0, rule_score=19.99), []),  # 0.01
    ({}, {}, change(GOOD_INDICATORS, 0, rule_score=19.98), [("derived-stale", "J12")]),
    ({}, {}, change(GOOD_INDICATORS, 0, rule_score="20.00"), []),
    # a stated 测算得分 the data no longer supports
    ({}, {}, change(GOOD_INDICATORS, 0, target=None, rule_score=20), [("derived-uncomputable", "J12")]),
    # stale values of covered cells are left to their identity's family
    ({"net_assets": 1}, {"exec_rate": 0.5, "total_score": 1}, None, []),
]


@pytest.mark.parametrize("values,project_values,indicators,expected", CASES)
def test_derived_stale(values, project_values, indicators, expected):
    dept = good_department(values, project_values, indicators)
    filled = fill(good_department())
    # the 测算得分 as perfxl fill wrote them, unless the case sets them
    for ind, base in zip(dept.projects[0].indicators, filled.projects[0].indicators):
        if ind.rule_score.raw is None:
            ind.rule_score.raw = base.rule_score.raw
    assert find(run("derived", dept)) == expected


def test_derived_missing_one_info_per_sheet():
    dept = good_department({"final_personnel_share": None, "net_assets": None},
                           {"exec_rate": None, "grade": None})
    fs = run("derived", dept)
    assert [(f.code, f.where.sheet, f.where.cell, f.severity.value) for f in fs] == [
        ("derived-missing", "预决算", "C23", "info"), ("derived-missing", "项目自评表", "H5", "info")]
    assert "C23、B45" in fs[0].message and "perfxl fill" in fs[0].message
    assert "H5、H31、J12" in fs[1].message


def test_blank_derived_that_cannot_be_computed_is_not_listed():
    dept = good_department({"final_expense_total": None, "final_personnel_share": None})
    fill(dept)
    assert find(run("derived", dept)) == []
