"""The field catalogue: what each field of a department's report is — its Chinese label, the kind of
value it holds (money, rate, score …) and whether the user types it or perfxl derives it.

This is domain knowledge, so it lives in the core; ``perfxl.template.layout`` only says *where* each
field sits in the workbook (sheet, cell, defined name). Keys are stable English ids used by the model,
the checks, the summary and the template alike.
"""
from __future__ import annotations

from dataclasses import dataclass

INPUT, DERIVED = "input", "derived"
TEXT, LONGTEXT, MONEY, RATE, INT, SCORE, CHOICE, YEAR = (
    "text", "longtext", "money", "rate", "int", "score", "choice", "year")
NUMERIC_TYPES = frozenset({MONEY, RATE, INT, SCORE, YEAR})


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    label: str  # how messages name it, unambiguous out of its table ("决算总支出")
    type: str = TEXT
    kind: str = INPUT

    @property
    def derived(self) -> bool:
        return self.kind == DERIVED


def _f(key: str, label: str, type: str = TEXT, kind: str = INPUT) -> FieldSpec:
    return FieldSpec(key, label, type, kind)


# ---------------------------------------------------------------- 基本情况
BASIC = (
    _f("unit_name", "单位名称"),
    _f("year", "年度", YEAR),
    _f("address", "地址"),
    _f("departments", "内设机构", LONGTEXT),
    _f("subunits", "二级机构", LONGTEXT),
    _f("staff_quota", "编制数", INT),
    _f("staff_active", "在职人数", INT),
    _f("staff_retired", "退休人数", INT),
    _f("projects_cover_all", "项目自评表是否覆盖部门全部项目支出", CHOICE),
)

# ---------------------------------------------------------------- 预决算
FINANCE = (
    _f("budget_income_total", "年初预算收入合计", MONEY),
    _f("budget_income_general", "一般公共预算拨款", MONEY),
    _f("budget_income_fund", "政府性基金预算拨款", MONEY),
    _f("budget_income_other", "其他收入", MONEY),
    _f("budget_expense_total", "年初预算支出合计", MONEY),
    _f("budget_basic", "年初预算基本支出", MONEY),
    _f("budget_project", "年初预算项目支出", MONEY),
    _f("budget_basic_salary", "工资福利支出", MONEY),
    _f("budget_basic_goods", "商品和服务支出", MONEY),
    _f("budget_basic_subsidy", "对个人和家庭的补助", MONEY),
    _f("final_income_total", "决算总收入", MONEY),
    _f("final_income_increase", "决算收入较年初预算增加额", MONEY, DERIVED),
    _f("final_expense_total", "决算总支出", MONEY),
    _f("final_basic", "决算基本支出", MONEY),
    _f("final_basic_share", "基本支出占总支出比例", RATE, DERIVED),
    _f("final_project", "决算项目支出", MONEY),
    _f("final_project_share", "项目支出占总支出比例", RATE, DERIVED),
    _f("final_personnel", "人员经费", MONEY),
    _f("final_personnel_share", "人员经费占总支出比例", RATE, DERIVED),
    _f("final_public", "公用经费", MONEY),
    _f("final_public_share", "公用经费占总支出比例", RATE, DERIVED),
    _f("final_reason", "预决算差异主要原因", LONGTEXT),
    _f("sangong_budget_total", "“三公”经费预算数合计", MONEY),
    _f("sangong_final_total", "“三公”经费决算数合计", MONEY),
    _f("sangong_diff_total", "“三公”经费合计增减", MONEY, DERIVED),
    _f("sangong_budget_abroad", "因公出国（境）费", MONEY),
    _f("sangong_final_abroad", "因公出国（境）费", MONEY),
    _f("sangong_diff_abroad", "因公出国（境）费增减", MONEY, DERIVED),
    _f("sangong_budget_car", "公务用车购置及运行维护费", MONEY),
    _f("sangong_final_car", "公务用车购置及运行维护费", MONEY),
    _f("sangong_diff_car", "公务用车购置及运行维护费增减", MONEY, DERIVED),
    _f("sangong_budget_reception", "公务接待费", MONEY),
    _f("sangong_final_reception", "公务接待费", MONEY),
    _f("sangong_diff_reception", "公务接待费增减", MONEY, DERIVED),
    _f("procurement_total", "政府采购支出合计", MONEY),
    _f("procurement_goods", "货物", MONEY),
    _f("procurement_works", "工程", MONEY),
    _f("procurement_services", "服务", MONEY),
    _f("assets_total", "资产总额", MONEY),
    _f("liabilities_total", "负债总额", MONEY),
    _f("net_assets", "净资产", MONEY, DERIVED),
    _f("fixed_assets_original", "固定资产账面原值", MONEY),
    _f("fixed_assets_in_use", "在用固定资产", MONEY),
)

# ---------------------------------------------------------------- 报告正文 (section key, heading)
TEXT_SECTIONS = (
    ("text_staffing", "人员编制情况"),
    ("text_budget", "部门预算情况"),
    ("text_final", "部门决算情况"),
    ("text_sangong", "三公经费执行情况"),
    ("text_procurement", "政府采购执行情况"),
    ("text_assets", "资产管理情况"),
    ("text_overall", "整体绩效目标完成情况"),
    ("text_projects", "项目绩效目标完成情况"),
    ("text_problems", "存在的主要问题"),
    ("text_measures", "改进措施"),
    ("text_other", "其他需要说明的情况"),
)
TEXTS = tuple(_f(key, label, LONGTEXT) for key, label in TEXT_SECTIONS)

DEPARTMENT = BASIC + FINANCE + TEXTS

# ---------------------------------------------------------------- 项目支出绩效自评表
FUND_ROWS = ("total", "appropriation", "carryover", "other")
FUND_COLS = ("initial", "full_year", "executed")
FUND_ROW_LABELS = {"total": "年度资金总额", "appropriation": "当年财政拨款", "carryover": "上年结转资金",
                   "other": "其他资金"}
FUND_COL_LABELS = {"initial": "年初预算数", "full_year": "全年预算数", "executed": "全年执行数"}

PROJECT = (
    _f("project_name", "项目名称"),
    _f("competent_dept", "主管部门"),
    _f("implementer", "实施单位"),
    *(_f(f"fund_{row}_{col}", f"{FUND_ROW_LABELS[row]}·{FUND_COL_LABELS[col]}", MONEY)
      for row in FUND_ROWS for col in FUND_COLS),
    _f("exec_weight", "预算执行率分值", SCORE),
    _f("exec_rate", "预算执行率", RATE, DERIVED),
    _f("exec_score", "预算执行率得分", SCORE, DERIVED),
    _f("exec_reason", "执行率偏差原因", LONGTEXT),
    _f("goal_expected", "年度总体目标·预期目标", LONGTEXT),
    _f("goal_actual", "年度总体目标·实际完成情况", LONGTEXT),
    _f("total_weight", "总分·分值", SCORE, DERIVED),
    _f("total_score", "总分·得分", SCORE, DERIVED),
    _f("grade", "等级", TEXT, DERIVED),
)

# one row of the 绩效指标 block: (attribute of model.Indicator, label, type, kind)
INDICATOR = (
    _f("name", "三级指标"),
    _f("target", "年度指标值"),
    _f("actual", "实际完成值"),
    _f("weight", "分值", SCORE),
    _f("score", "得分", SCORE),
    _f("reason", "偏差原因分析及改进措施", LONGTEXT),
    _f("rule_score", "测算得分", SCORE, DERIVED),
)

LEVEL1 = (("产出指标", 50), ("效益指标", 30), ("满意度指标", 10))  # the national 一级 groups and caps
LEVEL2 = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
}

DEPARTMENT_FIELDS = {f.key: f for f in DEPARTMENT}
PROJECT_FIELDS = {f.key: f for f in PROJECT}
INDICATOR_FIELDS = {f.key: f for f in INDICATOR}
DERIVED_KEYS = frozenset(f.key for f in (*DEPARTMENT, *PROJECT, *INDICATOR) if f.derived)


def spec(key: str) -> FieldSpec | None:
    """The field's spec, whether a department, project or indicator field."""
    return DEPARTMENT_FIELDS.get(key) or PROJECT_FIELDS.get(key) or INDICATOR_FIELDS.get(key)


def label_of(key: str) -> str:
    found = spec(key)
    return found.label if found is not None else key


def canonical_level1(label: str) -> str:
    """"产出\\n指标\\n(50分)" → "产出指标"; another group's label without its cap ("项目决策(20分)" → "项目决策")."""
    flat = "".join((label or "").split())
    for name, _cap in LEVEL1:
        if flat.startswith(name) or flat.startswith(name[:-2]):
            return name
    return flat.split("(")[0].split("（")[0]
