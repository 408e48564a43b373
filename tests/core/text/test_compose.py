"""Composed figure sentences: the seed's style, blanks left out, and the checks accept them — also for
random consistent figures (hypothesis); changing one digit of one bound figure gives exactly one finding."""
from __future__ import annotations

import re
from decimal import Decimal

import examples_text as ET
import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfxl.core.text import ProjectFacts, TableFacts, TextCell, check_texts
from perfxl.core.text import compose as C
from perfxl.core.text.analyze import analyze

D = Decimal
SEED = {"year": 2022, "budget_income_total": D("482.33"), "budget_income_general": D("482.33"),
        "budget_expense_total": D("482.33"), "budget_basic": D("448.33"), "budget_project": D(34),
        "budget_basic_salary": D("335.25"), "budget_basic_goods": D("70.44"), "budget_basic_subsidy": D("42.64"),
        "final_income_total": D("4600.92"), "final_expense_total": D(4601), "final_basic": D("504.17"),
        "final_project": D("4096.83"), "final_personnel": D("432.4"), "final_public": D("71.77"),
        "sangong_budget_total": D("16.6"), "sangong_budget_abroad": D(0), "sangong_budget_car": D("11.3"),
        "sangong_budget_reception": D("5.3"), "sangong_final_total": D("7.47"), "sangong_final_abroad": D(0),
        "sangong_final_car": D("3.54"), "sangong_final_reception": D("3.93"), "procurement_total": D("172.24"),
        "procurement_goods": D(0), "procurement_works": D(0), "procurement_services": D("172.24"),
        "assets_total": D("192.76"), "liabilities_total": D("232.64"), "fixed_assets_original": D("92.99"),
        "fixed_assets_in_use": D("92.99")}


def test_the_seeds_figures_in_the_seeds_style():
    assert C.budget_sentence(SEED) == (
        "2022年年初预算安排收入482.33万元，其中一般公共预算拨款收入482.33万元；2022年年初预算安排支出482.33万元，其中："
        "基本支出448.33万元（工资福利支出335.25万元，商品和服务支出70.44万元，对个人和家庭的补助42.64万元），项目支出34.00万元。")
    assert C.final_sentence(SEED) == (
        "2022年决算总收入4600.92万元，较年初预算增加4118.59万元；2022年决算总支出4601.00万元，其中：基本支出504.17万元"
        "（人员经费432.40万元，公用经费71.77万元），占总支出的10.96%；项目支出4096.83万元，占总支出的89.04%。")
    assert C.assets_sentence(SEED) == ("2022年末资产总额192.76万元，负债总额232.64万元，净资产-39.88万元；"
                                       "固定资产账面原值92.99万元，在用固定资产92.99万元。")
    assert C.procurement_sentence(SEED) == ("2022年政府采购支出172.24万元，其中：货物0.00万元，工程0.00万元，"
                                            "服务172.24万元。")
    assert "“三公”经费决算数7.47万元，较预算减少9.13万元，其中：" in C.sangong_sentence(SEED)
    assert C.project_sentence("项目支出专项资金", {"fund_total_initial": D(34), "fund_total_full_year": D(34),
                                                "total_score": D(88), "grade": "良"}) == (
        "项目支出专项资金：年初预算数34.00万元，全年预算数34.00万元，自评得分88分，评价等级为“良”。")
    assert C.weights_sentence({"产出指标": 50, "效益指标": 30, "满意度指标": 10}, 10) == (
        "本项目绩效指标分值为：预算执行率10分、产出指标50分、效益指标30分、满意度指标10分。")


def test_blank_values_are_left_out_never_written_as_zero():
    v = {"final_expense_total": D("100"), "final_basic": D("60"), "final_project": None}
    assert C.final_sentence(v) == "决算总支出100.00万元，其中：基本支出60.00万元，占总支出的60.00%。"
    assert C.budget_sentence({}) == "" and C.assets_sentence({"assets_total": None}) == ""
    assert C.project_sentence("甲项目", {"fund_total_full_year": D(10)}) == "甲项目：全年预算数10.00万元。"
    assert "0.00" not in C.sangong_sentence({"sangong_final_total": D("2.00"), "sangong_final_car": D("2.00")})


def compose_all(values: dict, projects: list[ProjectFacts]) -> list[TextCell]:
    texts = {"text_budget": C.budget_sentence(values), "text_final": C.final_sentence(values),
             "text_sangong": C.sangong_sentence(values), "text_procurement": C.procurement_sentence(values),
             "text_assets": C.assets_sentence(values), "text_overall": C.overall_sentence(values, "衡山县某局"),
             "text_projects": "\n".join(C.project_sentence(p.name, p.values) for p in projects)}
    cells = [TextCell("报告正文", f"B{3 + i}", k, v) for i, (k, v) in enumerate(texts.items()) if v]
    cells += [TextCell(p.sheet, "F10", "goal_actual", C.project_sentence(p.name, p.values) + C.weights_sentence(
        p.caps, p.values.get("exec_weight"))) for p in projects]
    return cells


@pytest.mark.parametrize("ex", ET.TEXT_EXAMPLES, ids=lambda ex: ex.file)
def test_composed_from_every_examples_tables_is_clean(ex):
    facts = ET.table_facts(ex.dept)
    assert check_texts(ex.file, compose_all(dict(facts.dept), list(facts.projects)), facts) == []


# ------------------------------------------------------------------------------ properties

cents = st.integers(min_value=0, max_value=10 ** 8).map(lambda c: D(c) / 100)
maybe = st.one_of(st.none(), cents)


@st.composite
def departments(draw):
    g, f, o = draw(cents), draw(maybe), draw(maybe)
    salary, goods, subsidy, project = draw(cents), draw(cents), draw(cents), draw(cents)
    personnel, public, fproject = draw(cents), draw(cents), draw(cents)
    v = {"year": 2022, "budget_income_general": g, "budget_income_fund": f, "budget_income_other": o,
         "budget_income_total": g + (f or 0) + (o or 0), "budget_basic_salary": salary, "budget_basic_goods": goods,
         "budget_basic_subsidy": subsidy, "budget_basic": salary + goods + subsidy, "budget_project": project,
         "budget_expense_total": salary + goods + subsidy + project, "final_income_total": draw(maybe),
         "final_personnel": personnel, "final_public": public, "final_basic": personnel + public,
         "final_project": fproject, "final_expense_total": personnel + public + fproject}
    for side in ("budget", "final"):
        parts = [draw(cents) for _ in range(3)]
        v.update({f"sangong_{side}_{k}": x for k, x in zip(("abroad", "car", "reception"), parts)})
        v[f"sangong_{side}_total"] = sum(parts, D(0))
    parts = [draw(cents) for _ in range(3)]
    v.update(procurement_goods=parts[0], procurement_works=parts[1], procurement_services=parts[2],
             procurement_total=sum(parts, D(0)))
    v.update(assets_total=draw(cents), liabilities_total=draw(cents), fixed_assets_original=draw(maybe),
             fixed_assets_in_use=draw(maybe))
    blank = draw(st.sets(st.sampled_from(sorted(k for k in v if k != "year")), max_size=4))
    v = {k: (None if k in blank else x) for k, x in v.items()}
    projects = []
    for i in range(draw(st.integers(min_value=0, max_value=2))):
        budget = draw(st.integers(min_value=1, max_value=10 ** 7).map(lambda c: D(c) / 100))
        executed = draw(st.integers(min_value=0, max_value=10 ** 7).map(lambda c: D(c) / 100))
        total = draw(st.integers(min_value=0, max_value=10000).map(lambda c: D(c) / 100))
        grade = "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"
        values = {"fund_total_initial": draw(maybe), "fund_total_full_year": budget, "fund_total_executed": executed,
                  "total_score": total, "grade": grade, "exec_weight": D(10)}
        caps = {"产出指标": D(draw(st.integers(20, 60))), "效益指标": D(draw(st.integers(10, 40))), "满意度指标": D(10)}
        projects.append(ProjectFacts("项目自评表" if i == 0 else f"项目自评表({i + 1})", ["道路养护项目", "学生资助项目"][i],
                                     values, caps))
    return v, projects


@given(departments())
def test_sentences_composed_from_consistent_figures_give_no_finding(dept):
    values, projects = dept
    facts = TableFacts(values, tuple(projects))
    assert check_texts("测试局-2022.xlsx", compose_all(values, projects), facts) == []


def _bound_figures(cells, projects):
    names = tuple(p.name for p in projects)
    out = []
    for i, c in enumerate(cells):
        for claim in analyze(c, names, 2022).claims:
            if (claim.field or claim.role in ("share", "change")) and claim.kind != "grade":
                out.append((i, claim))
    return out


@given(departments(), st.data())
def test_changing_one_digit_of_one_bound_figure_gives_exactly_one_finding(dept, data):
    values, projects = dept
    facts = TableFacts(values, tuple(projects))
    cells = compose_all(values, projects)
    figures = _bound_figures(cells, projects)
    if not figures:
        return
    i, claim = data.draw(st.sampled_from(figures))
    text = cells[i].text
    digits = [k for k in range(*claim.span) if text[k].isdigit()]
    k = data.draw(st.sampled_from(digits))
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != text[k]]))
    if k == claim.span[0] and new == "0" and re.match(r"\d", text[k + 1:k + 2] or ""):
        new = "9" if text[k] != "9" else "8"  # keep the figure's leading digit non-zero
    changed = text[:k] + new + text[k + 1:]
    cells = [*cells[:i], TextCell(cells[i].sheet, cells[i].cell, cells[i].key, changed), *cells[i + 1:]]
    found = check_texts("测试局-2022.xlsx", cells, facts)
    assert len(found) == 1, [f.message for f in found]
    assert (found[0].where.sheet, found[0].where.cell) == (cells[i].sheet, cells[i].cell)
