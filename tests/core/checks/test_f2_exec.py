"""F2: 执行率 and 预算执行得分 cells equal the recomputed values; what blocks the computation is said."""
from decimal import Decimal

import pytest

from tests.core.checks.builders import find, funds, good_department, run
from perfxl.core.policy import ScoringPolicy

NO_F1 = funds(appropriation=(None,) * 3, carryover=(None,) * 3, other=(None,) * 3)

CASES = [
    ({}, []),
    ({"exec_rate": 0.9501}, []),  # 0.01 pp
    ({"exec_rate": 0.9502}, [("exec-rate-mismatch", "H5")]),
    ({"exec_rate": "95%"}, []),
    ({"exec_rate": 95}, [("exec-rate-mismatch", "H5")]),
    ({"exec_score": 9.51}, []),
    ({"exec_score": 9.52}, [("exec-score-mismatch", "I5")]),
    ({"exec_score": 10}, [("exec-score-mismatch", "I5")]),
    ({"exec_rate": None, "exec_score": None}, []),  # blank derived: the derived family says so
    # over-execution: the score is capped at the 分值
    ({**NO_F1, **funds(total=(100, 100, 110)), "exec_rate": 1.1, "exec_score": 10}, []),
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
