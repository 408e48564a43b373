"""The rows of the summary workbook, declared once: one dataclass per table, each column a field with
its heading, kind and width. The XlsxWriter sheets, the pandas DataFrames and the tests all read these
declarations (``columns(Row)``), so a column cannot be misspelt in one place and blank in another.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from enum import Enum
from functools import cache

from .fields import INT, MONEY, RATE, SCORE, TEXT, YEAR

Num = Decimal | None


class Status(str, Enum):
    """What became of one input file."""

    OK = "已汇总"
    ERRORS = "有错误仍汇总"
    UNUSABLE = "无法读取"
    DUPLICATE = "重复未计入"

    @property
    def label(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    head: str
    kind: str  # a field type of perfxl.core.fields: text, int, money, rate, score, year
    width: int | None = None


def col(head: str, kind: str, width: int | None = None, default=None):
    return field(default=default, metadata={"head": head, "kind": kind, "width": width})


@cache
def columns(row_type: type) -> tuple[Column, ...]:
    """The columns of a row type, in declaration order (fields without a heading are not columns)."""
    return tuple(Column(f.name, f.metadata["head"], f.metadata["kind"], f.metadata["width"])
                 for f in fields(row_type) if "head" in f.metadata)


@dataclass(slots=True)
class DepartmentRow:  # 汇总
    unit: str = col("单位", TEXT, 26, "")
    year: int | str | None = col("年度", YEAR)
    projects: int = col("项目数", INT, default=0)
    initial: Num = col("年初预算数（万元）", MONEY)
    full_year: Num = col("全年预算数（万元）", MONEY)
    executed: Num = col("全年执行数（万元）", MONEY)
    exec_rate: Num = col("执行率", RATE)
    exec_score: Num = col("执行率得分", SCORE)
    output: Num = col("产出得分", SCORE)
    benefit: Num = col("效益得分", SCORE)
    satisfaction: Num = col("满意度得分", SCORE)
    reported: Num = col("自评总分", SCORE)
    recomputed: Num = col("复核总分", SCORE)
    diff: Num = col("差异（自评−复核）", SCORE, 10)
    grade: str = col("等级", TEXT, 6, "")
    errors: int | None = col("错误数", INT)
    warnings: int | None = col("警告数", INT)
    file: str = col("来源文件", TEXT, 30, "")
    note: str = col("备注", TEXT, 30, "")


@dataclass(slots=True)
class ProjectRow:  # 项目明细
    unit: str = col("单位", TEXT, 24, "")
    year: int | str | None = col("年度", YEAR)
    project: str = col("项目名称", TEXT, 28, "")
    sheet: str = col("工作表", TEXT, 14, "")
    initial: Num = col("年初预算数（万元）", MONEY)
    full_year: Num = col("全年预算数（万元）", MONEY)
    executed: Num = col("全年执行数（万元）", MONEY)
    exec_rate: Num = col("执行率", RATE)
    exec_score: Num = col("执行率得分", SCORE)
    output: Num = col("产出得分", SCORE)
    benefit: Num = col("效益得分", SCORE)
    satisfaction: Num = col("满意度得分", SCORE)
    reported: Num = col("自评总分", SCORE)
    recomputed: Num = col("复核总分", SCORE)
    diff: Num = col("差异（自评−复核）", SCORE, 10)
    grade: str = col("复核等级", TEXT, 6, "")
    reported_grade: str = col("自评等级", TEXT, 6, "")
    file: str = col("来源文件", TEXT, 30, "")


@dataclass(slots=True)
class IndicatorRow:  # 指标明细
    unit: str = col("单位", TEXT, 22, "")
    year: int | str | None = col("年度", YEAR)
    project: str = col("项目名称", TEXT, 22, "")
    level1: str = col("一级指标", TEXT, 10, "")
    level2: str = col("二级指标", TEXT, 12, "")
    name: str = col("三级指标", TEXT, 24, "")
    target: str = col("年度指标值", TEXT, 14, "")
    actual: str = col("实际完成值", TEXT, 14, "")
    weight: Num = col("分值", SCORE)
    score: Num = col("自评得分", SCORE)
    rule_score: Num = col("测算得分", SCORE)
    reason: str = col("偏差原因分析及改进措施", TEXT, 30, "")
    file: str = col("来源文件", TEXT, 26, "")
    place: str = col("位置", TEXT, 16, "")


@dataclass(slots=True)
class SangongRow:  # 三公经费
    unit: str = col("单位", TEXT, 24, "")
    year: int | str | None = col("年度", YEAR)
    budget_total: Num = col("预算·合计", MONEY)
    budget_abroad: Num = col("预算·因公出国（境）", MONEY)
    budget_car: Num = col("预算·公务用车", MONEY)
    budget_reception: Num = col("预算·公务接待", MONEY)
    final_total: Num = col("决算·合计", MONEY)
    final_abroad: Num = col("决算·因公出国（境）", MONEY)
    final_car: Num = col("决算·公务用车", MONEY)
    final_reception: Num = col("决算·公务接待", MONEY)
    diff_total: Num = col("增减·合计", MONEY)
    file: str = col("来源文件", TEXT, 28, "")


@dataclass(slots=True)
class ProcurementRow:  # 政府采购
    unit: str = col("单位", TEXT, 24, "")
    year: int | str | None = col("年度", YEAR)
    total: Num = col("政府采购合计（万元）", MONEY)
    goods: Num = col("货物", MONEY)
    works: Num = col("工程", MONEY)
    services: Num = col("服务", MONEY)
    file: str = col("来源文件", TEXT, 28, "")


@dataclass(slots=True)
class AssetRow:  # 资产
    unit: str = col("单位", TEXT, 24, "")
    year: int | str | None = col("年度", YEAR)
    assets_total: Num = col("资产总额（万元）", MONEY)
    liabilities_total: Num = col("负债总额", MONEY)
    net_assets: Num = col("净资产（复核）", MONEY)
    fixed_assets_original: Num = col("固定资产原值", MONEY)
    fixed_assets_in_use: Num = col("在用固定资产", MONEY)
    file: str = col("来源文件", TEXT, 28, "")


@dataclass(slots=True)
class FindingRow:  # 校验问题
    file: str = col("文件", TEXT, 28, "")
    sheet: str = col("工作表", TEXT, 14, "")
    cell: str = col("单元格", TEXT, 7, "")
    code: str = col("代码", TEXT, 22, "")
    severity_label: str = col("级别", TEXT, 6, "")
    rule: str = col("规则", TEXT, 5, "")
    message: str = col("说明", TEXT, 70, "")
    severity: str = "error"  # error / warning / info (not a column: the label is)


@dataclass(slots=True)
class ReviewRow:  # 抽查建议
    unit: str = col("单位", TEXT, 22, "")
    year: int | str | None = col("年度", YEAR)
    project: str = col("项目名称", TEXT, 22, "")
    kind: str = col("抽查类型", TEXT, 14, "")
    reason: str = col("理由", TEXT, 60, "")
    sheet: str = col("工作表", TEXT, 12, "")
    cell: str = col("单元格", TEXT, 7, "")
    file: str = col("来源文件", TEXT, 26, "")


@dataclass(slots=True)
class FileRow:  # 文件清单
    file: str = col("文件", TEXT, 28, "")
    status: str = col("状态", TEXT, 12, "")
    note: str = col("说明", TEXT, 50, "")
    unit: str = col("单位", TEXT, 22, "")
    year: int | str | None = col("年度", YEAR)
    errors: int | None = col("错误数", INT)
    warnings: int | None = col("警告数", INT)
    size: int | None = col("大小（字节）", INT, 11)
    sha256: str = col("SHA-256", TEXT, 66, "")
    path: str = col("路径", TEXT, 50, "")


# the detail tables, in the workbook's order: (key, row type, sheet, title, landscape, totals row)
DETAIL_TABLES = (
    ("projects", ProjectRow, "项目明细", "项目支出绩效自评明细", True, False),
    ("indicators", IndicatorRow, "指标明细", "绩效指标明细", True, False),
    ("sangong", SangongRow, "三公经费", "“三公”经费汇总", True, True),
    ("procurement", ProcurementRow, "政府采购", "政府采购汇总", False, True),
    ("assets", AssetRow, "资产", "资产汇总", True, True),
    ("findings", FindingRow, "校验问题", "校验问题清单", True, False),
    ("review", ReviewRow, "抽查建议", "抽查建议", True, False),
    ("files", FileRow, "文件清单", "文件清单", True, False),
)
SUMMED = {"sangong": SangongRow, "procurement": ProcurementRow, "assets": AssetRow}  # tables with a 合计 row


def money_keys(row_type: type) -> tuple[str, ...]:
    return tuple(c.key for c in columns(row_type) if c.kind == MONEY)
