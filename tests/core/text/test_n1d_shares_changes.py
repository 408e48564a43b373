"""N1d: a share (占…的 p%), an 执行率 and a change (较年初预算 / 比上年 增加 d) equal what their amounts
give — amounts from the text first, the tables second — at the printed precision; a last-digit slip
is a warning."""
from __future__ import annotations

from decimal import Decimal

import pytest
from tests.core.text.textkit import cell, check, codes, facts, project

D = Decimal
SEED_FINAL = ("     2022年决算总收入4600.92万元，较预算增加4118.59万元，总支出4601万元，其中：基本支出504.17万元，"
              "占总支出的10.96%；项目支出4096.83万元，占总支出的{p}。差异产生的主要原因是由于企业的项目资金在本单位支出，"
              "年初未纳入部门预算。")
SEED_BUDGET = "2022年年初预算安排收入482.33万元，其中一般公共财政拨款收入482.33万元。"


def test_the_seeds_share_message():
    [f] = check([cell("text_budget", SEED_BUDGET), cell("text_final", SEED_FINAL.format(p="893.04%"))])
    assert (f.code, f.rule, f.severity.value, f.expected, f.actual) == (
        "text-share-mismatch", "N1d", "error", D("0.8904"), D("8.9304"))
    assert f.message == ("部门决算情况：“…项目支出4096.83万元，占总支出的【893.04%】…” 占比应为 89.04%（4096.83 ÷ 4601.00），"
                         "实为 893.04%，相差 804.00 个百分点。")


@pytest.mark.parametrize("printed, expected", [
    ("89.04%", []),
    ("89.0%", []),
    ("89%", []),
    ("89.05%", [("text-share-slip", "B5")]),
    ("89.1%", [("text-share-slip", "B5")]),
    ("89.06%", [("text-share-mismatch", "B5")]),
    ("893.04%", [("text-share-mismatch", "B5")]),
])
def test_printed_precision(printed, expected):
    cells = [cell("text_budget", SEED_BUDGET), cell("text_final", SEED_FINAL.format(p=printed))]
    assert codes(cells, facts(final_expense_total=D("4601.00"))) == expected


def test_a_coarse_whole_widens_the_tolerance():
    # 4601 printed as a whole number may be 4600.5 … 4601.5: 4096.83 ÷ 4601.5 … ÷ 4600.5 = 89.0325% … 89.0522%
    cells = [cell("text_budget", SEED_BUDGET), cell("text_final", SEED_FINAL.format(p="89.05%"))]
    assert codes(cells) == []


@pytest.mark.parametrize("printed, expected", [
    ("86.23%", []), ("86%", []), ("86.2%", []), ("86.24%", [("text-share-slip", "B5")]),
    ("86.3%", [("text-share-slip", "B5")]), ("85%", [("text-share-slip", "B5")]),
    ("84%", [("text-share-mismatch", "B5")]),
])
def test_rules_example_4311_3_of_5000(printed, expected):
    text = f"决算总支出5000.00万元，其中项目支出4311.30万元，占总支出的{printed}。"
    assert codes(cell("text_final", text)) == expected


def test_the_whole_comes_from_the_table_when_the_text_does_not_state_it():
    text = cell("text_final", "项目支出4096.83万元，占总支出的89.04%。")
    assert codes(text, facts(final_expense_total=D("4601"))) == []
    assert codes(text, facts(final_expense_total=D("4501"))) == [("text-share-mismatch", "B5")]
    assert codes(text) == []  # nothing to divide by: not checked


def test_a_share_whose_part_is_a_term():
    text = cell("text_final", "决算总支出812.00万元，项目支出占总支出的29.70%。")
    assert codes(text, facts(final_project=D("241.20"))) == []
    assert codes(text, facts(final_project=D("251.20"))) == [("text-share-mismatch", "B5")]


def test_a_wrong_amount_is_reported_once_not_again_as_its_share():
    text = cell("text_final", "2022年决算总支出4601万元，其中：项目支出4196.83万元，占总支出的89.04%。")
    assert codes(text, facts(final_expense_total=D("4601"), final_project=D("4096.83"))) == [
        ("text-figure-mismatch", "B5")]


@pytest.mark.parametrize("change, expected", [
    ("较预算增加4118.59万元", []),
    ("较年初预算增加4118.59万元", []),
    ("较预算增加4118.60万元", [("text-change-mismatch", "B5")]),
    ("较预算减少4118.59万元", [("text-change-mismatch", "B5")]),
    ("较预算增加4119万元", []),  # printed as a whole number
    ("较预算增长853.89%", []),  # (4600.92 − 482.33) ÷ 482.33 = 853.8946%
    ("较预算增长853.90%", [("text-change-mismatch", "B5")]),
])
def test_changes_against_the_budget(change, expected):
    cells = [cell("text_budget", SEED_BUDGET), cell("text_final", f"2022年决算总收入4600.92万元，{change}。")]
    assert codes(cells) == expected


def test_the_budget_of_a_change_comes_from_the_table_when_the_text_does_not_state_it():
    text = cell("text_final", "2022年决算总收入4600.92万元，较年初预算增加4118.59万元。")
    assert codes(text, facts(budget_income_total=D("482.33"))) == []
    assert codes(text, facts(budget_income_total=D("492.33"))) == [("text-change-mismatch", "B5")]


@pytest.mark.parametrize("text, expected", [
    ("决算支出1203.39万元，比上年的1268.30万元减少64.91万元。", []),
    ("决算支出1203.39万元，比上年的1268.30万元增加64.91万元。", [("text-change-mismatch", "B5")]),
    ("决算支出2376.12万元，比上年决算支出2310.46万元增长2.84%。", []),
    ("决算支出2376.12万元，比上年决算支出2310.46万元增长2.94%。", [("text-change-mismatch", "B5")]),
    ("决算支出2376.12万元，同比增长2.84%。", []),  # last year's amount is nowhere: not checked
    ("“三公”经费决算11.78万元，比预算数15.00万元节约3.22万元。", []),
    ("“三公”经费决算11.78万元，比预算数15.00万元节约3.32万元。", [("text-change-mismatch", "B5")]),
])
def test_changes_with_the_other_amount_in_the_sentence(text, expected):
    assert codes(cell("text_final", text)) == expected


def test_a_changes_subject_may_be_the_term_before_it():
    cells = [cell("text_final", "决算支出1073.60万元。决算支出比上年的1025.30万元增长4.71%。")]
    assert codes(cells) == []
    assert codes([cell("text_final", "决算支出1073.60万元。决算支出比上年的1025.30万元增长6.71%。")]) == [
        ("text-change-mismatch", "B5")]


@pytest.mark.parametrize("text, expected", [
    ("全年预算数52.00万元，实际支出45.50万元，预算执行率为87.50%。", []),
    ("全年预算数52.00万元，实际支出45.50万元，预算执行率为87.5%。", []),
    ("全年预算数52.00万元，实际支出45.50万元，预算执行率为78.50%。", [("text-share-mismatch", "F10")]),
    ("全年预算数52.00万元，实际支出45.50万元，预算执行率为87.51%。", [("text-share-slip", "F10")]),
])
def test_execution_rate_of_a_projects_own_text(text, expected):
    assert codes(cell("goal_actual", text), facts([project()])) == expected


def test_execution_rate_from_the_projects_table():
    text = cell("goal_actual", "项目预算执行率为87.50%。")
    assert codes(text, facts([project(fund_total_full_year="52", fund_total_executed="45.5")])) == []
    assert codes(text, facts([project(fund_total_full_year="52", fund_total_executed="40.5")])) == [
        ("text-share-mismatch", "F10")]
