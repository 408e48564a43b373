"""The department model: what a workbook says, each value remembering where it came from.

The io layer builds these objects from a workbook; the core never sees the workbook itself.
Keys of ``fields`` are the field keys of ``perfxl.core.fields``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from .findings import Where


@dataclass(slots=True)
class Cell:
    """One cell's raw value as read (None, str, int, float, bool, datetime, Decimal, ErrorValue)."""

    raw: object
    where: Where

    @property
    def text(self) -> str:
        return "" if self.raw is None else str(self.raw).strip()


@dataclass(slots=True)
class Indicator:
    """One row of the 绩效指标 block (a 三级指标)."""

    level1: str  # 一级指标 as typed (may carry its cap, e.g. "产出指标(50分)")
    level2: str  # 二级指标 as typed
    name: Cell  # 三级指标
    target: Cell  # 年度指标值
    actual: Cell  # 实际完成值
    weight: Cell  # 分值
    score: Cell  # 得分 (the unit's own score: an input)
    reason: Cell  # 偏差原因分析及改进措施
    rule_score: Cell  # 测算得分 (derived: written by perfxl)

    @property
    def is_empty(self) -> bool:
        """A spare row: nothing typed in any of its input cells."""
        return all(
            f.raw is None or (isinstance(f.raw, str) and not f.raw.strip())
            for f in (self.name, self.target, self.actual, self.weight, self.score, self.reason)
        )


@dataclass(slots=True)
class Level1:
    """A 一级指标 group header with the cap typed in it."""

    label: str  # as typed, e.g. "产出\n指标\n(50分)"
    name: str  # canonical: 产出指标 / 效益指标 / 满意度指标 (or the label without its cap)
    where: Where


@dataclass(slots=True)
class Project:
    """One 项目支出绩效自评表 sheet."""

    sheet: str
    fields: dict[str, Cell] = field(default_factory=dict)
    level1s: list[Level1] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)  # rows with something typed or computed

    @property
    def name(self) -> str:
        f = self.fields.get("project_name")
        return f.text if f is not None and f.text else self.sheet


@dataclass(slots=True)
class Department:
    """A whole department workbook."""

    source: str  # path of the file it was read from
    fields: dict[str, Cell] = field(default_factory=dict)
    duties: list[Cell] = field(default_factory=list)  # 主要职责, one per row
    projects: list[Project] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # the template's settings sheet (_perfxl): policy …
    notes: list[tuple[str, Where, str]] = field(default_factory=list)  # what reading had to leave out

    @property
    def file(self) -> str:
        return os.path.basename(self.source)

    @property
    def unit_name(self) -> str:
        f = self.fields.get("unit_name")
        return f.text if f is not None else ""

    def get(self, key: str) -> Cell:
        """The cell for ``key``; a blank placeholder if the workbook lacks it."""
        found = self.fields.get(key)
        if found is None:
            return Cell(None, Where(self.file, "", ""))
        return found


@dataclass(frozen=True, slots=True)
class Derived:
    """A derived cell's recomputed value (None: cannot be computed, see the findings)."""

    key: str  # a derived field key of perfxl.core.fields (rule_score for the 测算得分 column)
    where: Where
    value: object
