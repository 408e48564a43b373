"""Plain data for the Word side: what a report says (read) and what a report should say (write).

Both directions share ``FormTable`` (one 项目支出绩效自评表) so that a generated report can be read
back and compared field by field. Values are text as printed ("34万元", "88", "≥95%"); "" is blank.
Standard library only.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .protocol import UnusableWorkbook

# 报告正文 keys in the order a report tells them (perfxl.template.layout TEXT_CELLS)
SECTION_KEYS = ("text_staffing", "text_budget", "text_final", "text_sangong", "text_procurement",
                "text_assets", "text_overall", "text_projects", "text_problems", "text_measures",
                "text_other")
# the headings a generated report prints for them (（一）… inside the seed's four chapters)
SECTION_HEADINGS = {
    "text_staffing": "人员编制情况",
    "text_budget": "部门预算情况",
    "text_final": "部门决算情况",
    "text_sangong": "“三公”经费执行情况",
    "text_procurement": "政府采购执行情况",
    "text_assets": "资产管理情况",
    "text_overall": "整体绩效目标完成情况",
    "text_projects": "项目绩效目标完成情况",
    "text_problems": "存在的主要问题",
    "text_measures": "下一步改进措施",
    "text_other": "其他需要说明的情况",
}
FUND_ROWS = ("total", "appropriation", "carryover", "other")
FUND_ROW_LABELS = {"total": "年度资金总额", "appropriation": "其中：当年财政拨款",
                   "carryover": "上年结转资金", "other": "其他资金"}
FORM_KIND = "项目支出绩效自评表"
DEPT_FORM_KIND = "部门整体支出绩效自评表"
OTHER_KIND = "其他表格"
GENERATED = "perfxl"  # core property "category" of a report perfxl wrote (its headings are styled)


class UnusableDocument(UnusableWorkbook):
    """The input is not a usable Word report (legacy .doc, encrypted, not a docx, not a report…).

    ``str(exc)`` and ``.message`` are one Chinese sentence naming the file and saying what to do.
    """


@dataclass
class FundRow:
    initial: str = ""  # 年初预算数
    full_year: str = ""  # 全年预算数
    executed: str = ""  # 全年执行数


@dataclass
class IndicatorRow:
    level1: str = ""  # 一级指标 as printed, with its cap: "产出指标(50分)"
    level2: str = ""  # 二级指标
    name: str = ""  # 三级指标
    target: str = ""  # 年度指标值
    actual: str = ""  # 实际完成值
    weight: str = ""  # 分值
    score: str = ""  # 得分
    reason: str = ""  # 偏差原因分析及改进措施


@dataclass
class FormTable:
    """One 项目支出绩效自评表. Consecutive indicator rows with the same level1 (level2) form one merged
    一级 (二级) group in the printed table."""

    project_name: str = ""
    competent_dept: str = ""
    implementer: str = ""
    funds: dict[str, FundRow] = field(default_factory=lambda: {k: FundRow() for k in FUND_ROWS})
    exec_weight: str = ""  # 预算执行率 分值 / 执行率 / 得分 (on the 年度资金总额 row)
    exec_rate: str = ""
    exec_score: str = ""
    exec_reason: str = ""  # 执行偏差原因 (not on the national form; printed only when given)
    goal_expected: str = ""
    goal_actual: str = ""
    indicators: list[IndicatorRow] = field(default_factory=list)
    total_weight: str = ""
    total_score: str = ""
    grade: str = ""
    title: str = ""  # the caption printed above the table, e.g. "2022年度项目支出绩效自评表"


@dataclass
class TableInfo:
    """A table found in a Word report."""

    index: int  # 1-based, in body order
    rows: int
    cols: int
    kind: str  # FORM_KIND, DEPT_FORM_KIND or OTHER_KIND
    section: str  # the section it stands in ("" before any heading, "annex" after 附件)
    form: FormTable | None = None  # parsed when kind == FORM_KIND
    first_text: str = ""  # the first non-empty cell, to name the table in messages
    caption: str = ""  # the line printed just above it ("2022年度预算支出绩效自评表")


@dataclass
class WordReport:
    """What ``read_report`` found in a Word report."""

    path: str
    title: str = ""
    unit_name: str = ""
    year: int | None = None
    sections: dict[str, str] = field(default_factory=dict)  # key -> text, paragraphs joined by "\n"
    headings: dict[str, list[str]] = field(default_factory=dict)  # key -> the headings it came from
    duties: list[str] = field(default_factory=list)  # 主要职责, numbering stripped
    tables: list[TableInfo] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)  # title block (goes nowhere)
    annex: list[str] = field(default_factory=list)  # text after 附件 (captions)
    notes: list[str] = field(default_factory=list)  # what was guessed, in Chinese

    @property
    def forms(self) -> list[FormTable]:
        return [t.form for t in self.tables if t.form is not None]


# ------------------------------------------------------------------ what to write


@dataclass
class Section:
    """（一）… : a heading, paragraphs, and an optional numbered list printed as 1、2、…"""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    numbered: list[str] = field(default_factory=list)


@dataclass
class Chapter:
    """一、… : a heading, its own paragraphs, then its sections."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


@dataclass
class ReportContent:
    year: int | str
    unit_name: str
    chapters: list[Chapter] = field(default_factory=list)
    forms: list[FormTable] = field(default_factory=list)  # the annex: one 自评表 per project
    title: str = ""  # default "{year}年度部门整体支出绩效自评报告"
    warning: str = ""  # a banner on page 1, e.g. "本报告由存在 3 项错误的工作簿生成，数据未经核实"
    annex_label: str = "附件"

    @property
    def full_title(self) -> str:
        return self.title or f"{self.year}年度部门整体支出绩效自评报告"


def paragraphs(text: str | None) -> list[str]:
    """A 报告正文 cell's text as paragraphs: one per non-blank line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def standard_content(year: int | str, unit_name: str, texts: dict[str, str], duties: list[str],
                     forms: list[FormTable] = (), warning: str = "") -> ReportContent:
    """The seed's chapter structure filled from 报告正文 texts (keys of SECTION_KEYS) and duties."""
    def sec(key: str) -> Section:
        return Section(SECTION_HEADINGS[key], paragraphs(texts.get(key)))

    chapters = [
        Chapter("单位基本情况", sections=[Section("主要职责", numbered=[d.strip() for d in duties if d.strip()]),
                                     sec("text_staffing")]),
        Chapter("预算支出及绩效情况", sections=[sec(k) for k in SECTION_KEYS[1:8]]),
        Chapter("存在的主要问题及下一步改进措施", sections=[sec("text_problems"), sec("text_measures")]),
        Chapter(SECTION_HEADINGS["text_other"], paragraphs=paragraphs(texts.get("text_other"))),
    ]
    return ReportContent(year=year, unit_name=unit_name, chapters=chapters, forms=list(forms),
                         warning=warning)
