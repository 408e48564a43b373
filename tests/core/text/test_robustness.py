"""Any text is read without an exception: jumbled budget words, figures, brackets and punctuation."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from tests.core.text.textkit import CELLS, facts, project

from perfxl.core.text import TextCell, check_texts, extract_claims

TOKENS = ["其中", "合计", "共计", "占", "总支出", "的", "较", "比上年", "年初预算", "增加", "减少", "决算", "基本支出",
          "项目支出", "“三公”经费", "因公出国（境）费", "公务接待费", "政府采购", "货物", "资产总额", "负债", "净资产",
          "在职", "退休", "下设", "个股室", "个", "即", "、", "，", "。", "；", "（", "）", "：", "\n", "\n\n", "-", "－",
          "万元", "元", "亿元", "%", "％", "分", "人", "每人每月", "名", "个月", "亩", "每亩", "执行率", "自评得分", "等级为",
          "优", "良", "产出指标", "效益指标", "2022年", "2021年", "上年", "计划", "约", "等", "项目", "甲项目：", "中心",
          "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "12", "３", ".", ",", "100", "0.00", "4601", "89.04"]


@given(st.lists(st.sampled_from(TOKENS), max_size=60), st.sampled_from(sorted(CELLS) + ["goal_actual", "reason"]))
def test_never_raises(tokens, key):
    text = "".join(tokens)
    sheet, ref = ("报告正文", CELLS[key]) if key in CELLS else ("项目自评表", "F10")
    cell = TextCell(sheet, ref, key, text)
    for c in extract_claims(cell):
        assert text[c.span[0]:c.span[1]] == c.printed
        assert c.sentence_span[0] <= c.span[0] <= c.span[1] <= c.sentence_span[1]
    table = facts([project("甲项目", exec_rate="0.9", total_score="88", grade="良")], final_expense_total=Decimal("4601"),
                  budget_income_total=Decimal(100), staff_active=3, departments="甲、乙", unit_name="某局")
    for f in check_texts("x.xlsx", [cell], table):
        assert f.code and f.message and f.where.cell == ref


def test_blank_and_none_texts():
    assert check_texts("x.xlsx", [TextCell("报告正文", "B3", "text_staffing", ""),
                                  TextCell("报告正文", "B4", "text_budget", None)], facts()) == []
