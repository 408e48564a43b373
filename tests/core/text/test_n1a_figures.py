"""N1a: a figure restated from a table equals that cell, at the figure's printed precision."""
from __future__ import annotations

from decimal import Decimal

import pytest
from tests.core.text.textkit import cell, check, codes, facts, project

D = Decimal
MISMATCH = [("text-figure-mismatch", "B5")]


@pytest.mark.parametrize("text, table, expected", [
    ("总支出4601万元。", {"final_expense_total": "4601.00"}, []),
    ("总支出4601万元。", {"final_expense_total": "4600.92"}, []),  # 4600.92 printed as a whole number is 4601
    ("总支出4601万元。", {"final_expense_total": "4601.49"}, []),
    ("总支出4601万元。", {"final_expense_total": "4601.50"}, MISMATCH),  # half up: 4602
    ("总支出4601.00万元。", {"final_expense_total": "4600.99"}, MISMATCH),
    ("总支出4602.31万元。", {"final_expense_total": "4601"}, MISMATCH),
    ("总支出46,010,000元。", {"final_expense_total": "4601"}, []),
    ("总支出0.46亿元。", {"final_expense_total": "4601"}, []),
    ("总支出0.47亿元。", {"final_expense_total": "4601"}, MISMATCH),
    ("总支出4601万元。", {"final_expense_total": None}, []),  # not stated: never compared
    ("总支出4601万元。", {}, []),
])
def test_amounts(text, table, expected):
    assert codes(cell("text_final", text), facts(**{k: (D(v) if v else None) for k, v in table.items()})) == expected


@pytest.mark.parametrize("text, table, expected", [
    ("公务接待费39,300元。", "3.93", []),
    ("公务接待费39,300元。", "3.94", [("text-figure-mismatch", "B6")]),
    ("公务接待费3.93万元。", "3.93", []),
])
def test_yuan_and_wan_are_converted(text, table, expected):
    found = codes(cell("text_sangong", "“三公”经费决算数中，" + text), facts(sangong_final_reception=D(table)))
    assert found == expected


@pytest.mark.parametrize("text, rate, expected", [
    ("项目预算执行率为89.04%。", "0.8904", []),
    ("项目预算执行率为89%。", "0.8904", []),  # 89% is 89.04% at the printed precision
    ("项目预算执行率为89.0%。", "0.89049", []),
    ("项目预算执行率为89.0%。", "0.8905", [("text-figure-mismatch", "F10")]),
    ("项目预算执行率为893.04%。", "0.8904", [("text-figure-mismatch", "F10")]),
])
def test_rates_without_their_amounts_are_compared_with_the_table(text, rate, expected):
    table = facts([project(exec_rate=rate)])
    assert codes(cell("goal_actual", text), table) == expected


@pytest.mark.parametrize("text, score, expected", [
    ("项目自评得分88分。", "88.4", []),
    ("项目自评得分88分。", "88.5", [("text-figure-mismatch", "F10")]),
    ("项目自评得分88.50分。", "88.5", []),
    ("项目自评得分88.5分。", "88.55", [("text-figure-mismatch", "F10")]),
])
def test_scores(text, score, expected):
    assert codes(cell("goal_actual", text), facts([project(total_score=score)])) == expected


@pytest.mark.parametrize("text, grade, expected", [
    ("评价等级为“良”。", "良", []),
    ("评价等级为良好。", "良", []),
    ("评价等级为“优”。", "良", [("text-grade-mismatch", "F10")]),
    ("评价等级为“优”。", None, []),
])
def test_grades(text, grade, expected):
    assert codes(cell("goal_actual", text), facts([project(grade=grade)])) == expected


@pytest.mark.parametrize("text, active, expected", [
    ("总共在职31人，退休人员73人。", 31, []),
    ("总共在职31人，退休人员73人。", 32, [("text-figure-mismatch", "B3")]),
])
def test_head_counts(text, active, expected):
    assert codes(cell("text_staffing", text), facts(staff_active=active, staff_retired=73)) == expected


def test_net_assets_are_assets_minus_liabilities_even_when_the_table_cell_is_stale():
    text = cell("text_assets", "年末资产总额192.76万元，负债232.64万元，净资产\n\n-39.88万元。")
    assert codes(text, facts(assets_total=D("192.76"), liabilities_total=D("232.64"), net_assets=D("-40"))) == []
    wrong = cell("text_assets", "年末资产总额192.76万元，负债232.64万元，净资产-38.88万元。")
    assert codes(wrong, facts(assets_total=D("192.76"), liabilities_total=D("232.64"))) == [("text-figure-mismatch", "B8")]


@pytest.mark.parametrize("income, expense, expected", [
    ("482.33", "500.00", []),
    ("400.00", "500.00", [("text-figure-ambiguous", "B9")]),
])
def test_an_ambiguous_binding_is_at_most_an_info(income, expense, expected):
    found = check(cell("text_overall", "年初预算482.33万元。"),
                  facts(budget_income_total=D(income), budget_expense_total=D(expense)))
    assert [(f.code, f.where.cell) for f in found] == expected
    assert all(f.severity.value == "info" for f in found)


def test_an_ambiguous_binding_whose_meanings_agree_is_an_error():
    [f] = check(cell("text_overall", "年初预算482.33万元。"),
                facts(budget_income_total=D("500"), budget_expense_total=D("500")))
    assert (f.code, f.severity.value, f.expected, f.actual) == ("text-figure-mismatch", "error", D(500), D("482.33"))


def test_other_years_plans_and_other_units_are_not_compared():
    text = ("2021年决算支出3800.00万元。下一年度计划决算支出5000.00万元。上年决算支出为3800.00万元。"
            "县人民医院决算支出18653.20万元。决算支出约4600万元。")
    assert codes(cell("text_final", text), facts(final_expense_total=D("4601"), unit_name="衡山县卫生健康局")) == []


def test_a_project_named_in_the_line_is_that_projects_table():
    a = project("甲项目", "项目自评表", fund_total_executed="30")
    b = project("乙项目", "项目自评表(2)", fund_total_executed="40")
    text = cell("text_projects", "1、甲项目：全年执行数30.00万元。\n2、乙项目：全年执行数40.00万元。")
    assert codes(text, facts([a, b])) == []
    swapped = cell("text_projects", "1、甲项目：全年执行数40.00万元。\n2、乙项目：全年执行数40.00万元。")
    assert codes(swapped, facts([a, b])) == [("text-figure-mismatch", "B10")]


def test_a_project_sheet_text_about_another_project_is_not_compared():
    a = project("甲项目", "项目自评表", fund_total_executed="30")
    b = project("乙项目", "项目自评表(2)", fund_total_executed="40")
    assert codes(cell("goal_actual", "配套的乙项目全年执行数40.00万元。"), facts([a, b])) == []


def test_finding_states_expected_actual_difference_and_marks_the_figure():
    [f] = check(cell("text_final", "2022年决算总收入100万元，总支出4602.31万元。"), facts(final_expense_total=D("4601")))
    assert (f.code, f.severity.value, f.rule, f.where.sheet, f.where.cell) == (
        "text-figure-mismatch", "error", "N1a", "报告正文", "B5")
    assert (f.expected, f.actual) == (D("4601"), D("4602.31"))
    assert f.message == ("部门决算情况：“2022年决算总收入100万元，总支出【4602.31万元】” 决算总支出应为 4601.00 万元（预决算!B20），"
                         "实为 4602.31万元，相差 1.31 万元。")
