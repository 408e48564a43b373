"""Precision first: real-looking sentences whose figures are not what a nearby word suggests raise
nothing — against a consistent table and against a table that agrees with none of them."""
from __future__ import annotations

from decimal import Decimal

import pytest
from tests.core.text.textkit import cell, check, facts, project

D = Decimal
TABLE = facts(
    [project("信息化建设项目", fund_total_full_year="120", fund_total_executed="112.8", total_score="95.5", grade="优")],
    unit_name="衡山县某某局", budget_income_total=D("1200"), budget_expense_total=D("1200"), final_income_total=D("1523.45"),
    final_expense_total=D("1498.56"), final_basic=D("1203.12"), final_project=D("295.44"), final_personnel=D("1100"),
    final_public=D("103.12"), assets_total=D("1234.56"), liabilities_total=D("100"), staff_active=30, staff_quota=32,
    departments="办公室、业务股、财务股", subunits="无", procurement_total=D("80"),
)
OTHER = facts(unit_name="衡山县某某局", final_expense_total=D("1"), final_income_total=D("1"), budget_expense_total=D("1"),
              assets_total=D("1"), staff_active=1, departments="甲")

SENTENCES = [
    ("text_final", "一般公共预算财政拨款支出1498.56万元，占本年支出合计的100%。"),
    ("text_final", "机关运行经费支出52.36万元，较上年减少2.35万元，下降4.3%。"),
    ("text_final", "“三公”经费支出较上年减少2.35万元，下降23.5%。"),
    ("text_final", "2022年度部门决算收入1523.45万元，支出1498.56万元，年末结转和结余24.89万元。"),
    ("text_final", "人员经费支出1100.00万元，占基本支出的91.43%。"),
    ("text_final", "2022年项目支出295.44万元，主要用于：信息化建设120万元、办案经费80万元、其他95.44万元。"),
    ("text_final", "资金拨付率达100%，群众满意度达98%，项目完成率为96.5%。"),
    ("text_final", "全年共办理案件1,234件，同比增长12.5%；培训干部300人次。"),
    ("text_final", "其中县直单位12家、乡镇18个，共发放补助资金86.40万元。"),
    ("text_final", "全县共投入资金约3500万元，带动社会投资超过1亿元。"),
    ("text_final", "2021年决算支出1388.20万元，2020年决算支出1256.30万元。"),
    ("text_final", "下属县人民医院决算支出18653.20万元，其中基本支出3200万元。"),
    ("text_staffing", "单位现有在职人员在编28人、编外聘用2人；其中行政编制18人，事业编制12人。"),
    ("text_staffing", "内设机构按“三定”方案设置，共设3个股室及若干工作专班。"),
    ("text_staffing", "全县有乡镇卫生院16所、村卫生室187个，乡村医生296人。"),
    ("text_assets", "年末资产总额1,234.56万元，较年初增加123.45万元，增长11.1%。"),
    ("text_assets", "固定资产净值856.30万元，累计折旧378.26万元，无形资产12.00万元。"),
    ("text_procurement", "政府采购预算100.00万元，实际采购80.00万元，节约资金20.00万元，节约率20%。"),
    ("text_overall", "项目资金到位率100%，执行率98.5%，预计2023年完成全部建设任务。"),
    ("text_overall", "按照《项目支出绩效评价管理办法》（财预〔2020〕10号）要求，对50万元以上的项目开展自评。"),
    ("text_overall", "自评得分在90分以上的项目3个，80至90分的项目2个。"),
    ("text_measures", "力争2023年项目支出执行率达到95%以上，决算支出控制在1500万元以内。"),
    ("text_problems", "1、部分项目支出进度偏慢，截至9月底执行率仅为45%。"),
    ("text_projects", "信息化建设项目：全年预算数120.00万元，其中上年结转资金20.00万元。"),
    ("goal_actual", "配套实施的乡村道路项目完成投资200万元，执行率80%。"),
    ("goal_expected", "全年预算数100万元，执行率达到100%，自评得分90分以上。"),
]


# sentences that do restate a table figure (bound right; against an unrelated table they must be found)
RESTATING = {"2022年度部门决算收入1523.45万元，支出1498.56万元，年末结转和结余24.89万元。",
             "内设机构按“三定”方案设置，共设3个股室及若干工作专班。",
             "年末资产总额1,234.56万元，较年初增加123.45万元，增长11.1%。"}


@pytest.mark.parametrize("key, text", SENTENCES)
def test_nothing_to_report_against_a_consistent_table(key, text):
    assert [(f.code, f.message) for f in check(cell(key, text), TABLE) if f.severity.value != "info"] == []


@pytest.mark.parametrize("key, text", [(k, t) for k, t in SENTENCES if t not in RESTATING])
def test_nothing_to_report_against_an_unrelated_table(key, text):
    assert [(f.code, f.message) for f in check(cell(key, text), OTHER) if f.severity.value != "info"] == []


def test_the_restating_sentences_are_bound():
    assert len(RESTATING) == 3
    for key, text in SENTENCES:
        if text in RESTATING:
            assert check(cell(key, text), OTHER), text
