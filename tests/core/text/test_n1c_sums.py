"""N1c: a total and its parts in one sentence (其中 lists, （…） breakdowns, 合计 after a list); 元 and
万元 are converted; 0.01 万元 per addend (RULES.md §4), half a unit for coarser figures."""
from __future__ import annotations

from decimal import Decimal

import pytest
from tests.core.text.textkit import cell, check, codes, facts

D = Decimal
SANGONG = "2022年“三公”经费预算数{t}万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费11.3万元，公务接待费5.3万元。"


@pytest.mark.parametrize("total, expected", [
    ("16.6", []),
    ("16.60", []),
    ("17", []),  # 16.6 printed as a whole number is 17
    ("16.7", []),  # 11.3 and 5.3 may each hide 0.05: 16.6 ± 0.1 reaches 16.7
    ("16.8", [("text-sum-mismatch", "B6")]),
    ("18", [("text-sum-mismatch", "B6")]),
])
def test_complete_partition(total, expected):
    assert codes(cell("text_sangong", SANGONG.format(t=total))) == expected


@pytest.mark.parametrize("total, expected", [
    ("10.00", []),
    ("10.02", []),  # 0.01 per addend
    ("10.03", [("text-sum-mismatch", "B9")]),
    ("9.97", [("text-sum-mismatch", "B9")]),
])
def test_tolerance_is_a_cent_per_addend(total, expected):
    text = f"发放甲补贴5.00万元、乙补贴5.00万元，合计{total}万元。"
    assert codes(cell("text_overall", text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("2022年决算支出834.98万元，其中：基本支出7,917,800元，项目支出43.20万元。", []),
    ("2022年决算支出834.98万元，其中：基本支出7,927,800元，项目支出43.20万元。", [("text-sum-mismatch", "B5")]),
    ("全年发放补贴2,862,000元、补助856,400元，合计371.84万元。", []),
    ("全年发放补贴2,862,000元、补助856,400元，合计370.84万元。", [("text-sum-mismatch", "B5")]),
])
def test_yuan_and_wan_mixed(text, expected):
    assert codes(cell("text_final", text)) == expected


def test_the_sum_message():
    [f] = check(cell("text_final", "全年发放补贴2,862,000元、补助856,400元，合计370.84万元。"))
    assert (f.expected, f.actual, f.rule) == (D("371.84"), D("370.84"), "N1c")
    assert f.message.endswith("合计应为 371.84 万元（2,862,000元 + 856,400元），实为 370.84万元，相差 1.00 万元。")


@pytest.mark.parametrize("text, expected", [
    # a 其中 list may name only some parts: it can fall short of the total, never exceed it
    ("年初预算收入482.33万元，其中一般公共预算拨款收入400.00万元。", []),
    ("项目总投入85.60万元，其中省级补助资金500,000元、县级配套资金306,000元。", []),
    ("项目总投入85.60万元，其中省级补助资金500,000元、县级配套资金406,000元。", [("text-parts-exceed", "F10")]),
])
def test_partial_lists(text, expected):
    assert codes(cell("goal_actual", text)) == expected


@pytest.mark.parametrize("text, expected", [
    # the seed's paragraph: 482.33 = 448.33 + 34, 448.33 = 335.25 + 70.44 + 42.64, 4602.31 = 504.17 + 4098.14 …
    ("县财政年初批复我局2022年度部门预算支出总计482.33万元，其中基本支出448.33万元（工资福利支出335.25万元、"
     "一般商品和服务支出70.44万元、对个人和家庭的补助42.64万元），项目支出34万元。部门决算支出总计4602.31万元，"
     "其中基本支出504.17万元（人员经费432.4万元，公用经费71.77万元），项目支出4098.14万元。", []),
    ("部门决算支出总计4602.31万元，其中基本支出504.17万元（人员经费432.4万元，公用经费81.77万元），项目支出4098.14万元。",
     [("text-sum-mismatch", "B9")]),
    ("部门决算支出总计4612.31万元，其中基本支出504.17万元（人员经费432.4万元，公用经费71.77万元），项目支出4098.14万元。",
     [("text-sum-mismatch", "B9")]),
])
def test_breakdowns_in_brackets(text, expected):
    assert codes(cell("text_overall", text)) == expected


def test_a_list_goes_on_after_a_semicolon():
    text = ("2022年决算总收入4600.92万元，较预算增加4118.59万元，总支出4601万元，其中：基本支出504.17万元，"
            "占总支出的10.96%；项目支出4096.83万元，占总支出的89.04%。")
    assert codes(cell("text_final", text)) == []
    assert codes(cell("text_final", text.replace("4096.83", "4196.83").replace("89.04%", "91.21%"))) == [
        ("text-sum-mismatch", "B5")]


@pytest.mark.parametrize("text", [
    "实际采购金额136.38万元，其中货物类62.40万元、工程类55.68万元、服务类18.30万元，节约资金6.20万元。",
    "决算支出1000.00万元，其中基本支出800.00万元，比上年增加300.00万元。",
    "资产总额5862.37万元，其中固定资产账面原值5410.22万元；负债总额126.45万元。",
    "决算总收入4600.92万元，其中财政拨款4500.00万元，总支出4601.00万元。",
])
def test_figures_that_are_not_parts(text):
    assert codes(cell("text_final", text)) == []


def test_a_part_that_differs_from_its_table_is_reported_once():
    text = "2022年“三公”经费预算数16.6万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费12.3万元，公务接待费5.3万元。"
    table = facts(sangong_budget_total=D("16.6"), sangong_budget_abroad=D(0), sangong_budget_car=D("11.3"),
                  sangong_budget_reception=D("5.3"))
    assert codes(cell("text_sangong", text), table) == [("text-figure-mismatch", "B6")]
