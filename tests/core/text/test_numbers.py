"""Sentences and figures: offsets into the original text, units, printed precision."""
from __future__ import annotations

from decimal import Decimal

import pytest

from perfxl.core.text.lexicon import ends_with_term
from perfxl.core.text.numbers import cn_number, find_numbers, fold, split_sentences

D = Decimal


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text, ends_with_term)]


def test_fold_keeps_offsets():
    text = "收入４６０１．５万元，占８９％"
    assert len(fold(text)) == len(text)
    assert fold(text) == "收入4601.5万元，占89%"


@pytest.mark.parametrize("text, expected", [
    ("甲1万元。乙2万元！丙3万元？丁4万元", ["甲1万元。", "乙2万元！", "丙3万元？", "丁4万元"]),
    ("收入5万元；支出4万元。", ["收入5万元；", "支出4万元。"]),
    ("问题：\n1、核算不细。\n2、指标不全。", ["问题：\n1、核算不细。", "2、指标不全。"]),
    ("1.部门预算情况\n2022年年初预算安排收入5万元。", ["1.部门预算情况", "2022年年初预算安排收入5万元。"]),
    ("年末资产总额1万元，负债2万元，净资产\n\n-1.00万元。截止", ["年末资产总额1万元，负债2万元，净资产\n\n-1.00万元。", "截止"]),
    ("基本支出5万元，\n项目支出4万元。", ["基本支出5万元，\n项目支出4万元。"]),
    ("“三公”经费决算数7万元。”下文", ["“三公”经费决算数7万元。”", "下文"]),
])
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def test_sentences_of_one_period_share_it():
    spans = split_sentences("甲1万元；乙2万元。丙3万元。")
    assert [s.period for s in spans] == [0, 0, 1]


def only(text: str):
    found = [n for n in find_numbers(text) if n.kind not in ("year", "date", "plain")]
    assert len(found) == 1, found
    n = found[0]
    assert text[n.start:n.end] == text[n.start:n.end].strip()
    return n


@pytest.mark.parametrize("text, kind, value, places, quantum, printed", [
    ("总支出4601万元", "amount", D("4601"), 0, D(1), "4601万元"),
    ("总支出4601.00万元", "amount", D("4601.00"), 2, D("0.01"), "4601.00万元"),
    ("公务接待费39,300元", "amount", D("3.93"), 0, D("0.0001"), "39,300元"),
    ("总支出４６０１．５万元", "amount", D("4601.5"), 1, D("0.1"), "４６０１．５万元"),
    ("资金1.2亿元", "amount", D("12000"), 1, D("1000"), "1.2亿元"),
    ("资金150万", "amount", D(150), 0, D(1), "150万"),
    ("资金3 500 元", "amount", D("0.05"), 0, D("0.0001"), "500 元"),
    ("净资产-39.88万元", "amount", D("-39.88"), 2, D("0.01"), "-39.88万元"),
    ("净资产－39.88万元", "amount", D("-39.88"), 2, D("0.01"), "－39.88万元"),
    ("占总支出的89.04%", "percent", D("0.8904"), 2, D("0.0001"), "89.04%"),
    ("占总支出的８９％", "percent", D("0.89"), 0, D("0.01"), "８９％"),
    ("提高3.2个百分点", "points", D("0.032"), 1, D("0.001"), "3.2个百分点"),
    ("下设9个股室", "count", D(9), 0, D(1), "9个"),
    ("内设五个处室", "count", D(5), 0, D(1), "五个"),
    ("下设两个二级机构", "count", D(2), 0, D(1), "两个"),
    ("自评得分88.5分", "score", D("88.5"), 1, D("0.1"), "88.5分"),
    ("惠及1.2万人次", "count", D(12000), 1, D(1000), "1.2万人次"),
    ("维修12000亩", "quantity", D(12000), 0, D(1), "12000亩"),
    ("发放12个月", "quantity", D(12), 0, D(1), "12个月"),
])
def test_figures(text, kind, value, places, quantum, printed):
    n = only(text)
    assert (n.kind, n.value, n.places, n.quantum) == (kind, value, places, quantum)
    assert text[n.start:n.end] == printed


def test_count_knows_its_noun():
    n = only("另外还有A站、B所2个二级机构。")
    assert n.noun == "二级机构"


@pytest.mark.parametrize("text", ["约50万元", "50万元左右", "100余人", "100多人", "近300万元", "50万元以上的项目",
                                  "不低于95%", "超过200万元"])
def test_approximate_figures(text):
    assert only(text).approx


@pytest.mark.parametrize("text", ["1、会计核算不细", "2.项目绩效", "（3）加强培训", "第4季度"])
def test_numbering_is_not_a_figure(text):
    assert [n for n in find_numbers(text) if n.kind != "plain"] == []


def test_years_and_dates_are_not_amounts():
    kinds = [(n.kind, n.value) for n in find_numbers("截止到2022年12月31日，2021年度")]
    assert kinds == [("year", 2022), ("date", 12), ("date", 31), ("year", 2021)]


def test_a_range_is_not_a_negative():
    assert [n.value for n in find_numbers("2021-2023年") if n.kind == "year"] == [2023]


@pytest.mark.parametrize("text, value", [("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("两", 2), ("二十三", 23),
                                         ("百", None), ("三十四五", None)])
def test_chinese_numerals(text, value):
    assert cn_number(text) == value


def test_score_needs_a_score():
    assert [n.kind for n in find_numbers("分为3分别")] == ["plain"]
