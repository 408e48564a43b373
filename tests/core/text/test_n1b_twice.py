"""N1b: the same quantity stated twice in the text has the same value (at the coarser precision)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from tests.core.text.textkit import cell, check, codes, facts

D = Decimal


def two(a: str, b: str):
    return [cell("text_final", f"2022年决算总支出{a}。"), cell("text_overall", f"部门决算支出总计{b}。")]


@pytest.mark.parametrize("a, b, expected", [
    ("4601万元", "4601.00万元", []),
    ("4601万元", "4600.50万元", []),  # 4600.50 printed as a whole number is 4601
    ("4601万元", "4600.49万元", [("text-figure-inconsistent", "B9")]),
    ("4601万元", "4602.31万元", [("text-figure-inconsistent", "B9")]),
    ("46,010,000元", "4601.00万元", []),
])
def test_without_a_table_the_later_statement_is_questioned(a, b, expected):
    assert codes(two(a, b)) == expected


def test_with_a_table_the_statement_that_differs_from_it_is_questioned():
    found = check(two("4602.31万元", "4601.00万元"), facts(final_expense_total=D("4601")))
    assert [(f.code, f.where.cell) for f in found] == [("text-figure-inconsistent", "B5")]
    assert (found[0].expected, found[0].actual) == (D("4601"), D("4602.31"))
    assert "整体绩效目标完成情况：“部门决算支出总计【4601.00万元】”" in found[0].message
    assert "与表中 4601.00 万元 一致" in found[0].message


def test_when_both_differ_from_the_table_each_is_a_figure_mismatch():
    found = codes(two("4602万元", "4603.00万元"), facts(final_expense_total=D("4601")))
    assert found == [("text-figure-mismatch", "B5"), ("text-figure-mismatch", "B9")]


def test_budget_and_final_figures_are_different_quantities():
    texts = [cell("text_budget", "2022年年初预算安排支出482.33万元。"), cell("text_overall", "部门决算支出总计4602.31万元。")]
    assert codes(texts) == []
