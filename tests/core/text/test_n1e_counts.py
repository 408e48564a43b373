"""N1e: a count equals the names it lists, and the same count stated elsewhere (text or 基本情况)."""
from __future__ import annotations

import pytest
from tests.core.text.textkit import cell, check, codes, facts

SEED = ("衡山县科技和工业信息化局座落于衡山县开云镇五一中路112号。下设办公室、经济运行监测股、中小企业股、产业政策与法规股、"
        "技改与投资股、安全生产指导股、科技发展股、信息产业股、行政审批服务股{n}个股室，另外还有中小企业事务中心、科技情报站"
        "{m}个二级机构。总共在职31人，退休人员73人。")


@pytest.mark.parametrize("n, m, expected", [
    ("9", "2", []),
    ("8", "2", [("text-count-list-mismatch", "B3")]),
    ("9", "3", [("text-count-list-mismatch", "B3")]),
])
def test_list_then_count(n, m, expected):
    assert codes(cell("text_staffing", SEED.format(n=n, m=m))) == expected


@pytest.mark.parametrize("text, expected", [
    ("直属单位2个，即甲中心、乙站。", []),
    ("直属单位3个，即甲中心、乙站。", [("text-count-list-mismatch", "B3")]),
    ("内设五个处室，分别为办公室、教务处、政教处、总务处、财务室。", []),
    ("内设四个处室，分别为办公室、教务处、政教处、总务处、财务室。", [("text-count-list-mismatch", "B3")]),
    ("下设两个二级机构（甲中心、乙站）。", []),
    ("下设甲股、乙股和丙股3个股室。", []),  # 和 joins the last two names
    ("下设甲股、乙股和丙股2个股室。", []),  # … or is part of a name: either reading is accepted
    ("下设甲股、乙股和丙股5个股室。", [("text-count-list-mismatch", "B3")]),
    ("内设甲股、乙股等5个股室。", []),  # 等: the list need not be complete
    ("内设甲股、乙股、丙股等2个股室。", [("text-count-list-mismatch", "B3")]),
    ("下设9个股室，负责全县工作。", []),  # no list
])
def test_counts_and_lists(text, expected):
    assert codes(cell("text_staffing", text)) == expected


def test_the_count_message():
    [f] = check(cell("text_staffing", "直属单位3个，即甲中心、乙站。"))
    assert (f.rule, f.expected, f.actual) == ("N1e", 2, 3)
    assert f.message == "人员编制情况：“直属单位【3个】，即甲中心、乙站” 列出 2 个名称（甲中心、乙站），数量却写为 3个，相差 1。"


@pytest.mark.parametrize("text, departments, expected", [
    ("内设7个股室。", "甲、乙、丙、丁、戊、己、庚", []),
    ("内设8个股室。", "甲、乙、丙、丁、戊、己、庚", [("text-count-inconsistent", "B3")]),
    ("内设8个股室。", None, []),
    ("内设6个股室和1个办公室。", "甲、乙、丙、丁、戊、己、庚", []),  # each count is a part of the list
])
def test_a_count_vs_the_list_in_the_table(text, departments, expected):
    assert codes(cell("text_staffing", text), facts(departments=departments)) == expected


def test_a_count_vs_the_same_count_elsewhere_in_the_text():
    cells = [cell("text_staffing", "内设7个股室。"), cell("text_overall", "局机关8个股室均完成了年度目标。")]
    found = check(cells)
    assert [(f.code, f.where.cell) for f in found] == [("text-count-inconsistent", "B9")]
    assert "人员编制情况“内设【7个】股室”为 7" in found[0].message


def test_a_wrong_count_with_its_list_is_reported_once():
    assert codes(cell("text_staffing", "直属单位3个，即甲中心、乙站。"), facts(subunits="甲中心、乙站")) == [
        ("text-count-list-mismatch", "B3")]
