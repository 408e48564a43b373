"""The seed department (shared/seed/000_08dc60a1797c69cf.txt) as a model at the template's addresses."""
from __future__ import annotations

from decimal import Decimal as D

from tests.core.checks.builders import department, funds, project

FILE = "衡山县科技和工业信息化局-2022.xlsx"
LEVEL1 = {"产出指标": "产出\n指标\n(50分)", "效益指标": "效益\n指标\n(30分)", "满意度指标": "满意度 指标  (10分)"}
INDICATORS = (
    # 二级, 三级, 年度指标值, 实际完成值, 分值, 得分
    ("数量指标", "无", "34万元", "34万元", None, 12),
    ("质量指标", "重点工作任务完成", "完成", "完成", None, 12),
    ("时效指标", "无", None, None, None, 14),
    ("成本指标", None, None, None, None, 12),
    ("经济效益指标", "无", None, None, None, 7),
    ("社会效益指标", "履职目标实现", None, None, None, 7),
    ("生态效益指标", "无", None, None, None, 6),
    ("可持续影响指标", "无", None, None, None, 8),
    ("服务对象满意度指标", "满意", "100%", "100%", None, 10),
)


def seed_project():
    values = {
        "project_name": "项目支出专项资金",
        "competent_dept": "衡山县科技和工业信息化局",
        **funds(total=("34万元", "34万元", None), other=("34万元", "34万元", None)),
        "exec_weight": 10,
        "total_weight": 100,
        "total_score": 88,
    }
    inds = [dict(level2=l2, name=n, target=t, actual=a, weight=w, score=s) for l2, n, t, a, w, s in INDICATORS]
    return project(values, inds, level1_labels=LEVEL1, file=FILE)


def seed_department():
    values = {
        "unit_name": "衡山县科技和工业信息化局",
        "year": 2022,
        "address": "衡山县开云镇五一中路112号",
        "staff_active": 31,
        "staff_retired": 73,
        "budget_income_total": D("482.33"),
        "budget_income_general": D("482.33"),
        "budget_expense_total": D("482.33"),
        "budget_basic": D("448.33"),
        "budget_project": 34,
        "budget_basic_salary": D("335.25"),
        "budget_basic_goods": D("70.44"),
        "budget_basic_subsidy": D("42.64"),
        "final_income_total": 4600.92,
        "final_income_increase": 4118.59,
        "final_expense_total": 4601,
        "final_basic": 504.17,
        "final_basic_share": 0.1096,
        "final_project": 4096.83,
        "final_project_share": 8.9304,
        "final_personnel": 432.4,
        "final_public": 71.77,
        "final_reason": "差异产生的主要原因是由于企业的项目资金在本单位支出，年初未纳入部门预算。",
        "sangong_budget_total": 16.6, "sangong_budget_abroad": 0, "sangong_budget_car": 11.3,
        "sangong_budget_reception": 5.3,
        "sangong_final_total": 7.47, "sangong_final_abroad": 0, "sangong_final_car": 3.54,
        "sangong_final_reception": 3.93,
        "procurement_total": 172.24, "procurement_goods": 0, "procurement_works": 0, "procurement_services": 172.24,
        "assets_total": 192.76, "liabilities_total": 232.64, "net_assets": -39.88,
        "fixed_assets_original": 92.99, "fixed_assets_in_use": 92.99,
    }
    return department(values, [seed_project()], file=FILE)
