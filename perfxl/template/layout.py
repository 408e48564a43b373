"""The standard template, as data: where each field of ``perfxl.core.fields`` sits (sheet, cell,
defined name, merged span), the printed labels, blocks and formats.

This module is the single source of truth for where everything lives. The workbook in
``workbooks/perfxl-template.xlsx`` is built from it (``perfxl template -o PATH``), the readers find
cells through the defined names it declares (falling back to the addresses here), and the writers
put derived values where it says. It imports only ``perfxl.core``.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import fields as core_fields
from ..core.fields import (  # noqa: F401  (re-exported: the template speaks the core's field types)
    CHOICE, DERIVED, INPUT, INT, LEVEL1, LEVEL2, LONGTEXT, MONEY, RATE, SCORE, TEXT, YEAR,
)

TEMPLATE_ID = "perfxl.dept-selfeval"
TEMPLATE_VERSION = "1.0"

SHEET_GUIDE = "填表说明"
SHEET_BASIC = "基本情况"
SHEET_FIN = "预决算"
SHEET_PROJECT = "项目自评表"
SHEET_TEXT = "报告正文"
SHEET_META = "_perfxl"
PROJECT_TITLE = "项目支出绩效自评表"

NUMBER_FORMATS = {MONEY: "#,##0.00", RATE: "0.00%", INT: "0", SCORE: "0.00", YEAR: "0"}


def number_format(type_: str) -> str:
    """The cell format for a field type: 万元 with 2 decimals, percentages, scores …, text as text."""
    return NUMBER_FORMATS.get(type_, "@" if type_ in (TEXT, LONGTEXT) else "General")


@dataclass(frozen=True, slots=True)
class CellSpec:
    """Where one field of the core's catalogue (``perfxl.core.fields``) sits in the template."""

    key: str  # the field key (perfxl.core.fields)
    name: str  # the defined name in the workbook (Chinese, no punctuation)
    label: str  # the Chinese label printed beside or above the cell
    sheet: str
    ref: str  # "B3"; for a merged value cell, its top-left
    span: str = ""  # merge range of the value cell, e.g. "B2:I2"
    choices: tuple[str, ...] = ()
    row_label: bool = True  # the cell's row label is printed from this cell's label (False: a row's 2nd cell)

    @property
    def field(self) -> core_fields.FieldSpec:
        return core_fields.spec(self.key)

    @property
    def type(self) -> str:
        return self.field.type

    @property
    def kind(self) -> str:
        return self.field.kind

    @property
    def number_format(self) -> str:
        return number_format(self.type)


def _c(key, name, label, sheet, ref, span="", choices=(), row_label=True):
    assert core_fields.spec(key) is not None, f"{key} is not in perfxl.core.fields"
    return CellSpec(key, name, label, sheet, ref, span, tuple(choices), row_label)


# ---------------------------------------------------------------- 基本情况
B = SHEET_BASIC
BASIC_CELLS = (
    _c("unit_name", "单位名称", "单位名称", B, "B3", span="B3:D3"),
    _c("year", "年度", "年度", B, "B4"),
    _c("address", "地址", "地址", B, "B5", span="B5:D5"),
    _c("departments", "内设机构", "内设机构", B, "B6", span="B6:D6"),
    _c("subunits", "二级机构", "二级机构", B, "B7", span="B7:D7"),
    _c("staff_quota", "编制数", "编制数（人）", B, "B8"),
    _c("staff_active", "在职人数", "在职人数（人）", B, "B9"),
    _c("staff_retired", "退休人数", "退休人数（人）", B, "B10"),
    _c("projects_cover_all", "自评表覆盖全部项目支出", "项目自评表是否覆盖部门全部项目支出", B, "B11",
       choices=("是", "否")),
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
    _c("budget_income_total", "年初预算_收入合计", "收入合计", F, "B5"),
    _c("budget_income_general", "年初预算_一般公共预算拨款", "其中：一般公共预算拨款", F, "B6"),
    _c("budget_income_fund", "年初预算_政府性基金", "政府性基金预算拨款", F, "B7"),
    _c("budget_income_other", "年初预算_其他收入", "其他收入", F, "B8"),
    _c("budget_expense_total", "年初预算_支出合计", "支出合计", F, "B9"),
    _c("budget_basic", "年初预算_基本支出", "其中：基本支出", F, "B10"),
    _c("budget_project", "年初预算_项目支出", "项目支出", F, "B11"),
    _c("budget_basic_salary", "年初预算_工资福利支出", "基本支出中：工资福利支出", F, "B12"),
    _c("budget_basic_goods", "年初预算_商品和服务支出", "商品和服务支出", F, "B13"),
    _c("budget_basic_subsidy", "年初预算_对个人和家庭的补助", "对个人和家庭的补助", F, "B14"),
    _c("final_income_total", "决算_总收入", "总收入", F, "B18"),
    _c("final_income_increase", "决算_收入增加额", "较年初预算增加额", F, "B19"),
    _c("final_expense_total", "决算_总支出", "总支出", F, "B20"),
    _c("final_basic", "决算_基本支出", "其中：基本支出", F, "B21"),
    _c("final_basic_share", "决算_基本支出占比", "基本支出占总支出比例", F, "C21", row_label=False),
    _c("final_project", "决算_项目支出", "项目支出", F, "B22"),
    _c("final_project_share", "决算_项目支出占比", "项目支出占总支出比例", F, "C22", row_label=False),
    _c("final_personnel", "决算_人员经费", "基本支出中：人员经费", F, "B23"),
    _c("final_personnel_share", "决算_人员经费占比", "人员经费占总支出比例", F, "C23", row_label=False),
    _c("final_public", "决算_公用经费", "公用经费", F, "B24"),
    _c("final_public_share", "决算_公用经费占比", "公用经费占总支出比例", F, "C24", row_label=False),
    _c("final_reason", "决算_差异原因", "预决算差异主要原因", F, "B25", span="B25:D25"),
    _c("sangong_budget_total", "三公预算_合计", "“三公”经费合计", F, "B29"),
    _c("sangong_final_total", "三公决算_合计", "“三公”经费合计", F, "C29", row_label=False),
    _c("sangong_diff_total", "三公增减_合计", "“三公”经费合计增减", F, "D29", row_label=False),
    _c("sangong_budget_abroad", "三公预算_因公出国境费", "因公出国（境）费", F, "B30"),
    _c("sangong_final_abroad", "三公决算_因公出国境费", "因公出国（境）费", F, "C30", row_label=False),
    _c("sangong_diff_abroad", "三公增减_因公出国境费", "因公出国（境）费增减", F, "D30", row_label=False),
    _c("sangong_budget_car", "三公预算_公务用车", "公务用车购置及运行维护费", F, "B31"),
    _c("sangong_final_car", "三公决算_公务用车", "公务用车购置及运行维护费", F, "C31", row_label=False),
    _c("sangong_diff_car", "三公增减_公务用车", "公务用车购置及运行维护费增减", F, "D31", row_label=False),
    _c("sangong_budget_reception", "三公预算_公务接待费", "公务接待费", F, "B32"),
    _c("sangong_final_reception", "三公决算_公务接待费", "公务接待费", F, "C32", row_label=False),
    _c("sangong_diff_reception", "三公增减_公务接待费", "公务接待费增减", F, "D32", row_label=False),
    _c("procurement_total", "政府采购_合计", "政府采购支出合计", F, "B36"),
    _c("procurement_goods", "政府采购_货物", "其中：货物", F, "B37"),
    _c("procurement_works", "政府采购_工程", "工程", F, "B38"),
    _c("procurement_services", "政府采购_服务", "服务", F, "B39"),
    _c("assets_total", "资产_资产总额", "资产总额", F, "B43"),
    _c("liabilities_total", "资产_负债总额", "负债总额", F, "B44"),
    _c("net_assets", "资产_净资产", "净资产", F, "B45"),
    _c("fixed_assets_original", "资产_固定资产原值", "固定资产账面原值", F, "B46"),
    _c("fixed_assets_in_use", "资产_在用固定资产", "在用固定资产", F, "B47"),
)

# ---------------------------------------------------------------- 报告正文
T = SHEET_TEXT
TEXT_FIRST_ROW = 3
TEXT_CELLS = tuple(
    _c(key, "正文_" + label, label, T, f"B{TEXT_FIRST_ROW + i}",
       span=f"B{TEXT_FIRST_ROW + i}:H{TEXT_FIRST_ROW + i}")
    for i, (key, label) in enumerate(core_fields.TEXT_SECTIONS)
)

# ---------------------------------------------------------------- 项目自评表 (one sheet per project)
P = SHEET_PROJECT
FUND_ROW_LABELS = {
    "total": "年度资金总额",
    "appropriation": "其中：当年财政拨款",
    "carryover": "上年结转资金",
    "other": "其他资金",
}
FUND_COL_LABELS = core_fields.FUND_COL_LABELS
FUND_HEADER_ROW = 4
FUND_FIRST_ROW = 5
_FUND_COLS = {"initial": "D", "full_year": "E", "executed": "F"}
_FUND_NAMES = core_fields.FUND_ROW_LABELS

PROJECT_CELLS = (
    _c("project_name", "项目名称", "项目名称", P, "B2", span="B2:J2"),
    _c("competent_dept", "主管部门", "主管部门", P, "B3", span="B3:D3"),
    _c("implementer", "实施单位", "实施单位", P, "F3", span="F3:J3"),
    *(
        _c(f"fund_{row}_{col}", f"资金_{_FUND_NAMES[row]}_{FUND_COL_LABELS[col]}",
           f"{FUND_ROW_LABELS[row]}·{FUND_COL_LABELS[col]}", P, f"{letter}{FUND_FIRST_ROW + i}")
        for i, row in enumerate(FUND_ROW_LABELS)
        for col, letter in _FUND_COLS.items()
    ),
    _c("exec_weight", "执行率分值", "预算执行率分值", P, "G5"),
    _c("exec_rate", "执行率", "预算执行率", P, "H5"),
    _c("exec_score", "执行率得分", "预算执行率得分", P, "I5"),
    _c("exec_reason", "执行偏差原因", "执行率偏差原因", P, "J5"),
    _c("goal_expected", "预期目标", "年度总体目标·预期目标", P, "B10", span="B10:E10"),
    _c("goal_actual", "实际完成情况", "年度总体目标·实际完成情况", P, "F10", span="F10:J10"),
    _c("total_weight", "总分分值", "总分·分值", P, "G30"),
    _c("total_score", "总分", "总分·得分", P, "H30"),
    _c("grade", "等级", "等级", P, "H31"),
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



def shifted(spec: CellSpec, block_last_row: int) -> str:
    """A project cell's address when the indicator block ends at ``block_last_row`` (rows inserted in it
    move the 总分 and 等级 rows down by as many rows)."""
    shift = block_last_row - INDICATOR_LAST_ROW
    row = int("".join(ch for ch in spec.ref if ch.isdigit()))
    if not shift or row < TOTAL_ROW:
        return spec.ref
    col = "".join(ch for ch in spec.ref if ch.isalpha())
    return f"{col}{row + shift}"


def project_blank_ranges(block: str) -> list[str]:
    """What a new project sheet copied from ``block``'s sheet clears: every input and derived cell of the
    header, funds, goals and totals, and the 三级指标 … 测算得分 columns of the indicator block (the
    一级/二级 labels stay). ``block``: the indicator block's range, e.g. "B12:J29"."""
    first, last = block.replace("$", "").split(":")
    r1 = int("".join(ch for ch in first if ch.isdigit()))
    r2 = int("".join(ch for ch in last if ch.isdigit()))
    c1 = "".join(ch for ch in first if ch.isalpha())
    out = []
    for spec in PROJECT_CELLS:
        ref = shifted(spec, r2)
        if spec.span and ref == spec.ref:
            out.append(spec.span)
        else:
            out.append(ref)
    cols = [col for _key, col, _head in INDICATOR_COLUMNS]
    start = cols[2] if c1 == cols[0] else chr(ord(c1) + 2)
    end = chr(ord(start) + len(cols) - 3)
    out.append(f"{start}{r1}:{end}{r2}")
    return out
