"""The standard template, as data: sheets, cells, defined names, kinds and formats.

This module is the single source of truth for where everything lives. The workbook in
``workbooks/perfxl-template.xlsx`` is built from it (``perfxl template -o PATH``), the readers find
cells through the defined names it declares (falling back to the addresses here), and the writers
put derived values where it says. Standard library only.
"""
from __future__ import annotations

from dataclasses import dataclass

TEMPLATE_ID = "perfxl.dept-selfeval"
TEMPLATE_VERSION = "1.0"

SHEET_GUIDE = "填表说明"
SHEET_BASIC = "基本情况"
SHEET_FIN = "预决算"
SHEET_PROJECT = "项目自评表"
SHEET_TEXT = "报告正文"
SHEET_META = "_perfxl"
PROJECT_TITLE = "项目支出绩效自评表"

INPUT, DERIVED = "input", "derived"
TEXT, LONGTEXT, MONEY, RATE, INT, SCORE, CHOICE, YEAR = (
    "text", "longtext", "money", "rate", "int", "score", "choice", "year")

NUMBER_FORMATS = {MONEY: "#,##0.00", RATE: "0.00%", INT: "0", SCORE: "0.00", YEAR: "0"}


@dataclass(frozen=True, slots=True)
class CellSpec:
    key: str  # English key used by the model and the checks
    name: str  # the defined name in the workbook (Chinese, no punctuation)
    label: str  # the Chinese label printed beside or above the cell
    sheet: str
    ref: str  # "B3"; for a merged value cell, its top-left
    kind: str = INPUT
    type: str = TEXT
    span: str = ""  # merge range of the value cell, e.g. "B2:I2"
    choices: tuple[str, ...] = ()

    @property
    def number_format(self) -> str:
        return NUMBER_FORMATS.get(self.type, "@" if self.type in (TEXT, LONGTEXT) else "General")


def _c(key, name, label, sheet, ref, kind=INPUT, type=TEXT, span="", choices=()):
    return CellSpec(key, name, label, sheet, ref, kind, type, span, tuple(choices))


# ---------------------------------------------------------------- 基本情况
B = SHEET_BASIC
BASIC_CELLS = (
    _c("unit_name", "单位名称", "单位名称", B, "B3", span="B3:D3"),
    _c("year", "年度", "年度", B, "B4", type=YEAR),
    _c("address", "地址", "地址", B, "B5", span="B5:D5"),
    _c("departments", "内设机构", "内设机构", B, "B6", type=LONGTEXT, span="B6:D6"),
    _c("subunits", "二级机构", "二级机构", B, "B7", type=LONGTEXT, span="B7:D7"),
    _c("staff_quota", "编制数", "编制数（人）", B, "B8", type=INT),
    _c("staff_active", "在职人数", "在职人数（人）", B, "B9", type=INT),
    _c("staff_retired", "退休人数", "退休人数（人）", B, "B10", type=INT),
    _c("projects_cover_all", "自评表覆盖全部项目支出", "项目自评表是否覆盖部门全部项目支出", B, "B11",
       type=CHOICE, choices=("是", "否")),
)
DUTIES_HEADER_ROW = 13
DUTIES_FIRST_ROW = 14
DUTIES_ROWS = 20
DUTIES_BLOCK_NAME = "主要职责"
DUTIES_BLOCK = f"A{DUTIES_FIRST_ROW}:D{DUTIES_FIRST_ROW + DUTIES_ROWS - 1}"  # A 序号, B:D 内容

# ---------------------------------------------------------------- 预决算
F = SHEET_FIN
FIN_SECTIONS = (  # (row, title, header columns)
    (3, "一、年初预算", ("项目", "金额（万元）")),
    (16, "二、部门决算", ("项目", "金额（万元）", "占总支出比例")),
    (27, "三、“三公”经费", ("项目", "预算数（万元）", "决算数（万元）", "决算较预算增减")),
    (34, "四、政府采购", ("项目", "金额（万元）")),
    (41, "五、资产", ("项目", "金额（万元）")),
)
FIN_CELLS = (
    _c("budget_income_total", "年初预算_收入合计", "收入合计", F, "B5", type=MONEY),
    _c("budget_income_general", "年初预算_一般公共预算拨款", "其中：一般公共预算拨款", F, "B6", type=MONEY),
    _c("budget_income_fund", "年初预算_政府性基金", "政府性基金预算拨款", F, "B7", type=MONEY),
    _c("budget_income_other", "年初预算_其他收入", "其他收入", F, "B8", type=MONEY),
    _c("budget_expense_total", "年初预算_支出合计", "支出合计", F, "B9", type=MONEY),
    _c("budget_basic", "年初预算_基本支出", "其中：基本支出", F, "B10", type=MONEY),
    _c("budget_project", "年初预算_项目支出", "项目支出", F, "B11", type=MONEY),
    _c("budget_basic_salary", "年初预算_工资福利支出", "基本支出中：工资福利支出", F, "B12", type=MONEY),
    _c("budget_basic_goods", "年初预算_商品和服务支出", "商品和服务支出", F, "B13", type=MONEY),
    _c("budget_basic_subsidy", "年初预算_对个人和家庭的补助", "对个人和家庭的补助", F, "B14", type=MONEY),
    _c("final_income_total", "决算_总收入", "总收入", F, "B18", type=MONEY),
    _c("final_income_increase", "决算_收入增加额", "较年初预算增加额", F, "B19", DERIVED, MONEY),
    _c("final_expense_total", "决算_总支出", "总支出", F, "B20", type=MONEY),
    _c("final_basic", "决算_基本支出", "其中：基本支出", F, "B21", type=MONEY),
    _c("final_basic_share", "决算_基本支出占比", "基本支出占总支出比例", F, "C21", DERIVED, RATE),
    _c("final_project", "决算_项目支出", "项目支出", F, "B22", type=MONEY),
    _c("final_project_share", "决算_项目支出占比", "项目支出占总支出比例", F, "C22", DERIVED, RATE),
    _c("final_personnel", "决算_人员经费", "基本支出中：人员经费", F, "B23", type=MONEY),
    _c("final_personnel_share", "决算_人员经费占比", "人员经费占总支出比例", F, "C23", DERIVED, RATE),
    _c("final_public", "决算_公用经费", "公用经费", F, "B24", type=MONEY),
    _c("final_public_share", "决算_公用经费占比", "公用经费占总支出比例", F, "C24", DERIVED, RATE),
    _c("final_reason", "决算_差异原因", "预决算差异主要原因", F, "B25", type=LONGTEXT, span="B25:D25"),
    _c("sangong_budget_total", "三公预算_合计", "“三公”经费合计", F, "B29", type=MONEY),
    _c("sangong_final_total", "三公决算_合计", "“三公”经费合计", F, "C29", type=MONEY),
    _c("sangong_diff_total", "三公增减_合计", "“三公”经费合计增减", F, "D29", DERIVED, MONEY),
    _c("sangong_budget_abroad", "三公预算_因公出国境费", "因公出国（境）费", F, "B30", type=MONEY),
    _c("sangong_final_abroad", "三公决算_因公出国境费", "因公出国（境）费", F, "C30", type=MONEY),
    _c("sangong_diff_abroad", "三公增减_因公出国境费", "因公出国（境）费增减", F, "D30", DERIVED, MONEY),
    _c("sangong_budget_car", "三公预算_公务用车", "公务用车购置及运行维护费", F, "B31", type=MONEY),
    _c("sangong_final_car", "三公决算_公务用车", "公务用车购置及运行维护费", F, "C31", type=MONEY),
    _c("sangong_diff_car", "三公增减_公务用车", "公务用车购置及运行维护费增减", F, "D31", DERIVED, MONEY),
    _c("sangong_budget_reception", "三公预算_公务接待费", "公务接待费", F, "B32", type=MONEY),
    _c("sangong_final_reception", "三公决算_公务接待费", "公务接待费", F, "C32", type=MONEY),
    _c("sangong_diff_reception", "三公增减_公务接待费", "公务接待费增减", F, "D32", DERIVED, MONEY),
    _c("procurement_total", "政府采购_合计", "政府采购支出合计", F, "B36", type=MONEY),
    _c("procurement_goods", "政府采购_货物", "其中：货物", F, "B37", type=MONEY),
    _c("procurement_works", "政府采购_工程", "工程", F, "B38", type=MONEY),
    _c("procurement_services", "政府采购_服务", "服务", F, "B39", type=MONEY),
    _c("assets_total", "资产_资产总额", "资产总额", F, "B43", type=MONEY),
    _c("liabilities_total", "资产_负债总额", "负债总额", F, "B44", type=MONEY),
    _c("net_assets", "资产_净资产", "净资产", F, "B45", DERIVED, MONEY),
    _c("fixed_assets_original", "资产_固定资产原值", "固定资产账面原值", F, "B46", type=MONEY),
    _c("fixed_assets_in_use", "资产_在用固定资产", "在用固定资产", F, "B47", type=MONEY),
)

# ---------------------------------------------------------------- 报告正文
T = SHEET_TEXT
TEXT_FIRST_ROW = 3
_TEXTS = (
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
TEXT_CELLS = tuple(
    _c(key, "正文_" + label, label, T, f"B{TEXT_FIRST_ROW + i}", type=LONGTEXT,
       span=f"B{TEXT_FIRST_ROW + i}:H{TEXT_FIRST_ROW + i}")
    for i, (key, label) in enumerate(_TEXTS)
)

# ---------------------------------------------------------------- 项目自评表 (one sheet per project)
P = SHEET_PROJECT
FUND_ROW_LABELS = {
    "total": "年度资金总额",
    "appropriation": "其中：当年财政拨款",
    "carryover": "上年结转资金",
    "other": "其他资金",
}
FUND_COL_LABELS = {"initial": "年初预算数", "full_year": "全年预算数", "executed": "全年执行数"}
FUND_HEADER_ROW = 4
FUND_FIRST_ROW = 5
_FUND_COLS = {"initial": "D", "full_year": "E", "executed": "F"}
_FUND_NAMES = {"total": "年度资金总额", "appropriation": "当年财政拨款", "carryover": "上年结转资金",
               "other": "其他资金"}

PROJECT_CELLS = (
    _c("project_name", "项目名称", "项目名称", P, "B2", span="B2:J2"),
    _c("competent_dept", "主管部门", "主管部门", P, "B3", span="B3:D3"),
    _c("implementer", "实施单位", "实施单位", P, "F3", span="F3:J3"),
    *(
        _c(f"fund_{row}_{col}", f"资金_{_FUND_NAMES[row]}_{FUND_COL_LABELS[col]}",
           f"{FUND_ROW_LABELS[row]}·{FUND_COL_LABELS[col]}", P, f"{letter}{FUND_FIRST_ROW + i}", type=MONEY)
        for i, row in enumerate(FUND_ROW_LABELS)
        for col, letter in _FUND_COLS.items()
    ),
    _c("exec_weight", "执行率分值", "预算执行率分值", P, "G5", type=SCORE),
    _c("exec_rate", "执行率", "预算执行率", P, "H5", DERIVED, RATE),
    _c("exec_score", "执行率得分", "预算执行率得分", P, "I5", DERIVED, SCORE),
    _c("exec_reason", "执行偏差原因", "执行率偏差原因", P, "J5", type=LONGTEXT),
    _c("goal_expected", "预期目标", "年度总体目标·预期目标", P, "B10", type=LONGTEXT, span="B10:E10"),
    _c("goal_actual", "实际完成情况", "年度总体目标·实际完成情况", P, "F10", type=LONGTEXT, span="F10:J10"),
    _c("total_weight", "总分分值", "总分·分值", P, "G30", DERIVED, SCORE),
    _c("total_score", "总分", "总分·得分", P, "H30", DERIVED, SCORE),
    _c("grade", "等级", "等级", P, "H31", DERIVED, TEXT),
)

INDICATOR_HEADER_ROW = 11
INDICATOR_FIRST_ROW = 12
INDICATOR_BLOCK_NAME = "绩效指标"
# columns of the indicator block, B..J
INDICATOR_COLUMNS = (
    ("level1", "B", "一级指标"),
    ("level2", "C", "二级指标"),
    ("name", "D", "三级指标"),
    ("target", "E", "年度指标值"),
    ("actual", "F", "实际完成值"),
    ("weight", "G", "分值"),
    ("score", "H", "得分"),
    ("reason", "I", "偏差原因分析及改进措施"),
    ("rule_score", "J", "测算得分（perfxl）"),
)
LEVEL1 = (("产出指标", 50), ("效益指标", 30), ("满意度指标", 10))
LEVEL2 = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
}
ROWS_PER_LEVEL2 = 2
INDICATOR_ROWS = ROWS_PER_LEVEL2 * sum(len(v) for v in LEVEL2.values())  # 18
INDICATOR_LAST_ROW = INDICATOR_FIRST_ROW + INDICATOR_ROWS - 1  # 29
INDICATOR_BLOCK = f"B{INDICATOR_FIRST_ROW}:J{INDICATOR_LAST_ROW}"
TOTAL_ROW = INDICATOR_LAST_ROW + 1  # 30
GRADE_ROW = TOTAL_ROW + 1  # 31
EXEC_WEIGHT_DEFAULT = 10

ALL_FIXED = BASIC_CELLS + FIN_CELLS + TEXT_CELLS
BY_KEY = {c.key: c for c in ALL_FIXED}
PROJECT_BY_KEY = {c.key: c for c in PROJECT_CELLS}


def level1_label(name: str, cap: int | float) -> str:
    """The 一级 header as printed in the official table: "产出指标(50分)"."""
    return f"{name}({cap:g}分)"


def project_sheet_name(index: int) -> str:
    """Sheet name for the n-th project sheet (1-based): 项目自评表, 项目自评表(2), …"""
    return SHEET_PROJECT if index <= 1 else f"{SHEET_PROJECT}({index})"


def is_derived(key: str) -> bool:
    spec = BY_KEY.get(key) or PROJECT_BY_KEY.get(key)
    return spec is not None and spec.kind == DERIVED
