"""The seed report (shared/seed/000_08dc60a1797c69cf.txt) as published: its prose states 4602.31 and
4098.14 where its own 部门决算情况 (and the tables) say 4601 and 4096.83, and "占总支出的893.04%". Those
three — and nothing else: every other figure of the prose adds up."""
from __future__ import annotations

from decimal import Decimal

import make_examples as mk
from examples_text import table_facts, text_cells

from perfxl.core.text import check_texts
from perfxl.core.text.analyze import analyze
from perfxl.core.text.model import ChangeOf, ListOf, ShareOf, SumOf

D = Decimal
DEPT = mk.seed()
CELLS = text_cells(DEPT)
FACTS = table_facts(DEPT)


def findings():
    return check_texts(DEPT.file, CELLS, FACTS)


def test_the_seed_texts_are_the_published_paragraphs():
    texts = DEPT.texts
    assert "净资产\n\n-39.88万元" in texts["text_assets"]
    assert "截止到2022年12月31融" in texts["text_assets"]
    assert texts["text_overall"].startswith("县财政年初批复我局2022年度部门预算支出总计482.33万元")
    assert "部门决算支出总计4602.31万元" in texts["text_overall"] and "项目支出4098.14万元" in texts["text_overall"]
    assert "占总支出的893.04%" in texts["text_final"]
    assert texts["text_projects"] == "无"


def test_exactly_the_three_published_mistakes():
    found = [(f.code, f.rule, f.where.sheet, f.where.cell, f.expected, f.actual) for f in findings()]
    assert found == [
        ("text-share-mismatch", "N1d", "报告正文", "B5", D("0.8904"), D("8.9304")),
        ("text-figure-inconsistent", "N1b", "报告正文", "B9", D("4601"), D("4602.31")),
        ("text-figure-inconsistent", "N1b", "报告正文", "B9", D("4096.83"), D("4098.14")),
    ]
    assert all(f.severity.value == "error" for f in findings())


def test_the_messages():
    share, total, project = (f.message for f in findings())
    assert share == ("部门决算情况：“…项目支出4096.83万元，占总支出的【893.04%】…” 占比应为 89.04%（4096.83 ÷ 4601.00），"
                     "实为 893.04%，相差 804.00 个百分点。")
    assert total.startswith("整体绩效目标完成情况：“…部门决算支出总计【4602.31万元】…” 决算总支出为 4602.31万元，而部门决算情况：")
    assert "总支出【4601万元】" in total and total.endswith("相差 1.31 万元。")
    assert "项目支出【4098.14万元】" in project and "项目支出【4096.83万元】" in project


def _structures():
    out = []
    names = tuple(p.name for p in FACTS.projects)
    for c in CELLS:
        a = analyze(c, names, 2022)
        for st in a.structures:
            out.append((c.key, st, a.claims))
    return out


def _figure(claims, i):
    return claims[i].printed if isinstance(i, int) else i


def test_the_figures_that_add_up_are_read_as_arithmetic():
    sums, shares, changes, lists = set(), set(), set(), set()
    for key, st, claims in _structures():
        if isinstance(st, SumOf):
            sums.add((claims[st.total].printed, tuple(claims[p].printed for p in st.parts)))
        elif isinstance(st, ShareOf):
            shares.add((claims[st.ratio].printed, _figure(claims, st.part), _figure(claims, st.whole)))
        elif isinstance(st, ChangeOf):
            changes.add((claims[st.change].printed, claims[st.subject].printed, st.base))
        elif isinstance(st, ListOf):
            lists.add((claims[st.count].printed, len(st.items)))
    assert ("16.6万元", ("0万元", "11.3万元", "5.3万元")) in sums
    assert ("7.47万元", ("0万元", "3.54万元", "3.93万元")) in sums
    assert ("448.33万元", ("335.25万元", "70.44万元", "42.64万元")) in sums
    assert ("504.17万元", ("432.4万元", "71.77万元")) in sums
    assert ("482.33万元", ("448.33万元", "34万元")) in sums
    assert ("172.24万元", ("0万元", "0万元", "172.24万元")) in sums
    assert ("4601万元", ("504.17万元", "4096.83万元")) in sums
    assert ("4602.31万元", ("504.17万元", "4098.14万元")) in sums
    assert ("4118.59万元", "4600.92万元", ("field", "budget_income_total")) in changes
    assert ("10.96%", "504.17万元", ("field", "final_expense_total")) in shares
    assert ("893.04%", "4096.83万元", ("field", "final_expense_total")) in shares
    assert lists == {("9个", 9), ("2个", 2)}


def test_net_assets_over_a_line_break_is_read_and_agrees():
    [assets] = [c for c in CELLS if c.key == "text_assets"]
    claims = {c.printed.strip(): c.field for c in analyze(assets).claims}
    assert claims["-39.88万元"] == "net_assets"
    assert not [f for f in findings() if f.where.cell == "B8"]
