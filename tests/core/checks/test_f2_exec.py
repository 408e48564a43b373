"""F2: 执行率 and 预算执行得分 cells equal the recomputed values; what blocks the computation is said."""
from decimal import Decimal

import pytest

from tests.core.checks.builders import GOOD_INDICATORS, find, funds, good_department, run
from perfxl.core.policy import ScoringPolicy

NO_F1 = funds(appropriation=(None,) * 3, carryover=(None,) * 3, other=(None,) * 3)

CASES = [
    ({}, []),
    # compared at the printed precision (RULES.md §4): one unit of the last digit is a slip (warning)
    ({"exec_rate": 0.9501}, [("exec-rate-last-digit", "H5")]),
    ({"exec_rate": 0.9502}, [("exec-rate-mismatch", "H5")]),
    ({"exec_rate": "95%"}, []),
    ({"exec_rate": "95.0%"}, []),
    ({"exec_rate": 95}, [("exec-rate-mismatch", "H5")]),
    ({"exec_score": 9.51}, [("exec-score-last-digit", "I5")]),
    ({"exec_score": 9.52}, [("exec-score-mismatch", "I5")]),
    ({"exec_score": 10}, []),  # 9.5 printed without decimals is 10
    ({"exec_score": 9}, [("exec-score-last-digit", "I5")]),
    ({"exec_score": 8}, [("exec-score-mismatch", "I5")]),
    # a filed table (scored, its total stated) with the 预算执行得分 blank: X7 …
    ({"exec_rate": None, "exec_score": None}, [("exec-score-missing", "I5")]),
    # … but a table waiting for 计算 (no result stated) is only told to run it (derived family)
    ({"exec_rate": None, "exec_score": None, "total_score": None, "total_weight": None, "grade": None}, []),
    # over-execution is 超预算支出 (X3); the score is capped at the 分值
    ({**NO_F1, **funds(total=(100, 100, 110)), "exec_rate": 1.1, "exec_score": 10}, [("over-execution", "F5")]),
    # the seed: 全年执行数 blank
    ({**NO_F1, **funds(total=(34, 34, None)), "exec_rate": None, "exec_score": None},
     [("exec-not-computable", "F5")]),
    ({**NO_F1, **funds(total=(34, None, 30))}, [("exec-not-computable", "E5")]),
    ({**NO_F1, **funds(total=(0, 0, 0)), "exec_rate": None, "exec_score": None}, [("exec-rate-undefined", "E5")]),
    ({**NO_F1, **funds(total=(34, "x", 30))}, []),  # unreadable: the cells family
    # 执行率 < 90% needs a reason
    ({**NO_F1, **funds(total=(100, 100, 89.99)), "exec_rate": 0.8999, "exec_score": 9},
     [("exec-reason-missing", "J5")]),
    ({**NO_F1, **funds(total=(100, 100, 89.99)), "exec_rate": 0.8999, "exec_score": 9, "exec_reason": "项目延期"}, []),
    ({**NO_F1, **funds(total=(100, 100, 90)), "exec_rate": 0.9, "exec_score": 9}, []),
    # blank 分值
    ({"exec_weight": None, "exec_score": None}, [("exec-weight-missing", "G5")]),
]


@pytest.mark.parametrize("values,expected", CASES)
def test_f2(values, expected):
    assert find(run("funds", good_department(project_values=values))) == expected


def test_f2_stated_values_that_cannot_be_checked_are_named():
    values = {**NO_F1, **funds(total=(34, 34, None)), "exec_rate": 1, "exec_score": 10}
    (f,) = run("funds", good_department(project_values=values))
    assert f.severity.value == "error" and f.rule == "F2"
    assert f.message == "全年执行数为空，预算执行率及其得分无法计算（表中填有执行率 100.00%、得分 10，无法核实）。"


def test_f2_reason_threshold_is_policy():
    values = {**NO_F1, **funds(total=(100, 100, 94)), "exec_rate": 0.94, "exec_score": 9.4}
    assert find(run("funds", good_department(project_values=values))) == []
    policy = ScoringPolicy(exec_reason_below=Decimal("0.95"))
    assert find(run("funds", good_department(project_values=values), policy)) == [("exec-reason-missing", "J5")]


def test_f2_zero_below_threshold_policy():
    values = {**NO_F1, **funds(total=(100, 100, 50)), "exec_rate": 0.5, "exec_score": 5, "exec_reason": "延期"}
    policy = ScoringPolicy(exec_zero_below=Decimal("0.6"))
    (f,) = run("funds", good_department(project_values=values), policy)
    assert (f.code, f.expected, f.actual) == ("exec-score-mismatch", Decimal("0.00"), Decimal(5))


def test_x7_a_table_nobody_scored_yet_is_only_told_to_run_fill():
    inds = [{**i, "score": None} for i in GOOD_INDICATORS]
    dept = good_department(project_values={"exec_rate": None, "exec_score": None, "total_score": None, "grade": None},
                           indicators=inds)
    assert find(run("funds", dept)) == []
    assert ("derived-missing", "H5") in find(run("derived", dept))


def test_last_digit_slip_message_gives_the_exact_value_and_its_rounding():
    values = {**NO_F1, **funds(total=(5000, 5000, 4311.3)), "exec_rate": 0.8624, "exec_score": 8.62,
              "exec_reason": "x"}
    (f,) = run("funds", good_department(project_values=values))
    assert (f.code, f.severity.value) == ("exec-rate-last-digit", "warning")
    assert "86.2260%" in f.message and "应写作 86.23%" in f.message and "表中为 86.24%" in f.message
    values["exec_rate"] = "86%"  # printed as a whole percent: right
    assert run("funds", good_department(project_values=values)) == []


def test_x3_over_execution_on_any_row():
    values = funds(total=(100, 120, 114), appropriation=(80, 100, 101), carryover=(10, 10, 6.5), other=(10, 10, 6.5))
    assert find(run("funds", good_department(project_values={**values, "exec_rate": 0.95}))) == [
        ("over-execution", "F6")]


def test_x4_a_wrong_total_row_gives_the_rate_and_score_from_the_parts():
    """年度资金总额 0/0/0 with 执行率 0 and 得分 0, the real amounts under 当年财政拨款."""
    values = {**funds(total=(0, 0, 0), appropriation=(100, 100, 83), carryover=(None,) * 3, other=(None,) * 3),
              "exec_rate": 0, "exec_score": 0, "exec_reason": "x"}
    got = run("funds", good_department(project_values=values))
    assert [f.code for f in got] == ["fund-total-mismatch"] * 3 + ["exec-rate-from-parts"]
    f = got[-1]
    assert f.rule == "X4" and "83.00%" in f.message and "得分应为 8.3" in f.message and f.where.cell == "H5"
