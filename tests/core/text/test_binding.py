"""Binding: which field a figure restates — term before it, phase words, section; and what is never
compared with this year's table (plans, last year, another year, another unit, approximations)."""
from __future__ import annotations

import pytest
from tests.core.text.textkit import cell

from perfxl.core.text import extract_claims


def claims(text: str, key: str = "text_final"):
    return extract_claims(cell(key, text))


def field_of(text: str, figure: str, key: str = "text_final"):
    found = [c for c in claims(text, key) if c.printed == figure]
    assert found, f"{figure} not bound in {text!r}: {[c.printed for c in claims(text, key)]}"
    c = found[0]
    return c.field or c.candidates or c.role


@pytest.mark.parametrize("text, figure, field, key", [
    # 年初预算 vs 决算, by the sentence's own words
    ("2022年年初预算安排收入482.33万元，其中一般公共财政拨款收入482.33万元", "482.33万元", "budget_income_total", "text_overall"),
    ("县财政年初批复我局2022年度部门预算支出总计482.33万元", "482.33万元", "budget_expense_total", "text_overall"),
    ("部门决算支出总计4602.31万元，其中基本支出504.17万元", "4602.31万元", "final_expense_total", "text_overall"),
    ("部门决算支出总计4602.31万元，其中基本支出504.17万元", "504.17万元", "final_basic", "text_overall"),
    ("2022年决算总收入4600.92万元，较预算增加4118.59万元，总支出4601万元", "4601万元", "final_expense_total", "text_overall"),
    ("决算收入1000.00万元，比年初预算增加20.00万元", "20.00万元", "change", "text_final"),
    # the section decides when the sentence does not
    ("基本支出448.33万元，项目支出34万元。", "34万元", "budget_project", "text_budget"),
    ("基本支出448.33万元，项目支出34万元。", "34万元", "final_project", "text_final"),
    ("基本支出448.33万元，项目支出34万元。", "34万元", ("budget_project", "final_project"), "text_overall"),
    # synonyms
    ("其中一般公共预算拨款收入100万元", "100万元", "budget_income_general", "text_budget"),
    ("其中一般商品和服务支出70.44万元", "70.44万元", "budget_basic_goods", "text_budget"),
    ("对个人和家庭的补助42.64万元", "42.64万元", "budget_basic_subsidy", "text_budget"),
    ("其中人员经费432.4万元，公用经费71.77万元", "71.77万元", "final_public", "text_overall"),
    ("“三公”经费预算数16.6万元", "16.6万元", "sangong_budget_total", "text_sangong"),
    ("“三公”经费决算数7.47万元", "7.47万元", "sangong_final_total", "text_sangong"),
    ("\"三公\"经费预算11.50万元，决算数8.60万元", "8.60万元", "sangong_final_total", "text_sangong"),
    ("因公出国（境）费0万元", "0万元", ("sangong_budget_abroad", "sangong_final_abroad"), "text_sangong"),
    ("公务用车购置及运行维护费决算数3.54万元", "3.54万元", "sangong_final_car", "text_sangong"),
    ("“三公”经费年初预算10.00万元，全年实际支出8.18万元", "8.18万元", "sangong_final_total", "text_sangong"),
    ("政府采购支出172.24万元，其中：货物0万元，工程0万元，服务172.24万元", "0万元", "procurement_goods", "text_procurement"),
    ("年末资产总额192.76万元，负债232.64万元，净资产-39.88万元", "232.64万元", "liabilities_total", "text_assets"),
    ("年末资产总额192.76万元，负债232.64万元，净资产\n\n-39.88万元", "-39.88万元", "net_assets", "text_assets"),
    ("固定资产账面原值92.99万元，在用资产92.99万元", "92.99万元", "fixed_assets_original", "text_assets"),
    ("总共在职31人，退休人员73人", "73人", "staff_retired", "text_staffing"),
    ("年末在职教职工178人", "178人", "staff_active", "text_staffing"),
    ("核定编制62人", "62人", "staff_quota", "text_staffing"),
    ("下设办公室、财务股9个股室", "9个", "departments_count", "text_staffing"),
    ("本单位共有内设机构4个，分别为甲股、乙股、丙股、丁股", "4个", "departments_count", "text_staffing"),
    ("另有二级机构2个，即甲中心、乙站", "2个", "subunits_count", "text_staffing"),
    ("公务接待费39,300元", "39,300元", ("sangong_budget_reception", "sangong_final_reception"), "text_sangong"),
    ("年初预算482.33万元", "482.33万元", ("budget_income_total", "budget_expense_total"), "text_overall"),
    # a project's own texts: 支出 is the project's money
    ("全年预算数52.00万元，实际支出45.50万元，预算执行率为87.50%", "45.50万元", "fund_total_executed", "goal_actual"),
    ("全年预算数52.00万元，实际支出45.50万元，预算执行率为87.50%", "87.50%", "exec_rate", "goal_actual"),
    ("该项目自评得分88分，评价等级为“良”", "88分", "total_score", "goal_actual"),
    ("该项目自评得分88分，评价等级为“良”", "良", "grade", "goal_actual"),
    ("产出指标50分、效益指标30分、满意度指标10分", "30分", "cap:效益指标", "goal_actual"),
    ("预算执行率10分", "10分", "exec_weight", "goal_actual"),
])
def test_binding(text, figure, field, key):
    assert field_of(text, figure, key) == field


@pytest.mark.parametrize("text, key", [
    ("全县共有乡镇卫生院16所、村卫生室187个。", "text_staffing"),
    ("培训支出12.00万元。", "text_final"),  # 培训支出 is not 总支出
    ("水利工程36.00万元。", "text_procurement"),  # 工程 only right after a list mark
    ("货物运输费用3.00万元。", "text_final"),  # 货物 outside 采购
    ("高考本科上线率达68.5%。", "text_overall"),
    ("居民健康素养水平达到26.8%。", "text_overall"),
    ("政府采购预算142.58万元，实际采购金额136.38万元", "text_procurement"),  # a procurement *budget*: no table field
    ("固定资产净值52.00万元。", "text_assets"),
    ("上年结转资金12.00万元。", "text_final"),
    ("全年预算数52.00万元，实际支出45.50万元", "text_overall"),  # a project's figures, but which project?
    ("2.项目绩效目标完成情况(仅对50万元以上的项目资金进行分项说明)", "text_projects"),
])
def test_unbound(text, key):
    assert [c for c in claims(text, key) if c.field or c.candidates] == []


@pytest.mark.parametrize("text, figure, skip", [
    ("2022年决算支出1000.00万元，上年决算支出为900.00万元。", "900.00万元", "last-year"),
    ("下一年度计划安排项目支出60万元。", "60万元", "plan"),
    ("力争2023年项目支出达到80万元。", "80万元", "plan"),
    ("预计全年决算支出1100万元。", "1100万元", "plan"),
    ("决算总支出约1000万元。", "1000万元", "approx"),
    ("决算总支出1000万元左右。", "1000万元", "approx"),
])
def test_not_this_years_table(text, figure, skip):
    c = [c for c in extract_claims(cell("text_final", text)) if c.printed == figure][0]
    assert c.skip == skip


def test_another_year_is_named_and_not_compared():
    from tests.core.text.textkit import check, facts

    c = [c for c in claims("2021年度决算支出为1203.56万元。") if c.printed == "1203.56万元"][0]
    assert (c.field, c.year) == ("final_expense_total", 2021)
    assert check(cell("text_final", "2021年度决算支出为1203.56万元。"), facts(final_expense_total=1000)) == []
    assert check(cell("text_final", "2022年度决算支出为1203.56万元。"), facts(final_expense_total=1000)) != []


def test_plan_sections_are_plans():
    c = extract_claims(cell("goal_expected", "全年执行数34.00万元"))[0]
    assert (c.field, c.skip) == ("fund_total_executed", "plan")


def test_another_unit_is_named():
    c = [c for c in claims("另外，县人民医院2022年决算支出18653.20万元。") if c.printed == "18653.20万元"][0]
    assert c.org == "县人民医院"


def test_calling_oneself_by_kind_is_not_another_unit():
    c = claims("2022年度学校决算收入2376.12万元。")[0]
    assert c.org == ""


def test_claim_remembers_where_it_is():
    text = "衡山县某局。2022年决算总收入4600.92万元，总支出4601万元。"
    c = [c for c in claims(text) if c.printed == "4601万元"][0]
    assert text[c.span[0]:c.span[1]] == "4601万元"
    assert text[c.sentence_span[0]:c.sentence_span[1]] == c.sentence == "2022年决算总收入4600.92万元，总支出4601万元。"
    assert (c.sheet, c.cell, c.section, c.places, c.quantum, c.year) == ("报告正文", "B5", "text_final", 0, 1, 2022)


def test_a_line_names_the_project():
    text = "1、高标准农田建设项目：全年预算数356.80万元，全年执行数348.26万元，执行率97.61%。"
    c = claims(text, "text_projects")[0]
    assert (c.field, c.scope, c.project) == ("fund_total_full_year", "project", "高标准农田建设项目")
