"""cells: unreadable input cells, Excel error values, negative and absurd amounts, required fields."""
import datetime

import pytest

from tests.core.checks.builders import GOOD_INDICATORS, change, find, good_department, run
from perfxl.core.values import ErrorValue
from perfxl.io.xlsx import FormulaWithoutValue

CASES = [
    ({}, {}, []),
    ({"budget_basic": "四百万"}, {}, [("cell-unreadable", "B10")]),
    ({"budget_basic": "400万元"}, {}, []),
    ({"budget_basic": "４００万元"}, {}, []),
    ({"budget_basic": "4,000,000元"}, {}, []),
    ({"budget_basic": "40%"}, {}, [("cell-unreadable", "B10")]),
    ({"budget_basic": True}, {}, [("cell-unreadable", "B10")]),
    ({"budget_basic": datetime.datetime(2022, 1, 1)}, {}, [("cell-unreadable", "B10")]),
    ({"budget_basic": ErrorValue("#REF!")}, {}, [("cell-error-value", "B10")]),
    ({"unit_name": ErrorValue("#N/A")}, {}, [("cell-error-value", "B3")]),
    ({"final_basic_share": ErrorValue("#DIV/0!")}, {}, [("cell-error-value", "C21")]),
    ({"final_basic_share": FormulaWithoutValue("=B21/B20")}, {}, [("cell-unreadable", "C21")]),
    ({"staff_active": "31人"}, {}, []),
    ({"staff_active": "31.5"}, {}, [("cell-unreadable", "B9")]),
    ({"year": "二〇二二"}, {}, [("cell-unreadable", "B4")]),
    # negative amounts: impossible for inputs; fine for 净资产 / 增减 / 增加额
    ({"budget_basic_goods": -1}, {}, [("amount-negative", "B13")]),
    ({"budget_basic_goods": 0}, {}, []),
    ({"net_assets": -39.88}, {}, []),
    ({"sangong_diff_total": -9.13}, {}, []),
    # absurd: more than 1e7 万元
    ({"procurement_services": 10 ** 7, "procurement_total": 10 ** 7}, {}, []),
    ({"procurement_services": 10 ** 7 + 0.01, "procurement_total": 10 ** 7}, {}, [("amount-absurd", "B39")]),
    # required header fields
    ({"unit_name": None}, {}, [("required-blank", "B3")]),
    ({"unit_name": "  "}, {}, [("required-blank", "B3")]),
    ({"year": None}, {}, [("required-blank", "B4")]),
    # project sheet cells
    ({}, {"fund_total_executed": "一百"}, [("cell-unreadable", "F5")]),
    ({}, {"fund_other_initial": -5}, [("amount-negative", "D8")]),
    ({}, {"exec_weight": "十分"}, [("cell-unreadable", "G5")]),
    ({}, {"total_score": "88分"}, []),
    ({}, {"exec_rate": "九成"}, [("cell-unreadable", "H5")]),
]


@pytest.mark.parametrize("values,project_values,expected", CASES)
def test_cells(values, project_values, expected):
    assert find(run("cells", good_department(values, project_values))) == expected


def test_indicator_cells():
    dept = good_department(indicators=change(GOOD_INDICATORS, 1, weight="十五", score=ErrorValue("#VALUE!")))
    assert find(run("cells", dept)) == [("cell-unreadable", "G14"), ("cell-error-value", "H14")]


def test_unreadable_message_names_the_cell_and_reason():
    (f,) = run("cells", good_department({"budget_basic": "四百万"}))
    assert f.severity.value == "error"
    assert f.message == "年初预算基本支出无法识别：无法识别为数字：“四百万”。"
    (f,) = run("cells", good_department({"final_basic_share": FormulaWithoutValue("=B21/B20")}))
    assert "没有保存的计算结果" in f.message
