"""Small builders for the text-check tests: a cell, a department's facts, and run-and-summarise."""
from __future__ import annotations

from decimal import Decimal

from perfxl.core.text import ProjectFacts, TableFacts, TextCell, check_texts, extract_claims

CELLS = {"text_staffing": "B3", "text_budget": "B4", "text_final": "B5", "text_sangong": "B6", "text_procurement": "B7",
         "text_assets": "B8", "text_overall": "B9", "text_projects": "B10", "text_problems": "B11",
         "text_measures": "B12", "text_other": "B13"}
PROJECT_CELLS = {"goal_expected": "B10", "goal_actual": "F10", "exec_reason": "J5", "reason": "I12"}
CAPS = {"产出指标": Decimal(50), "效益指标": Decimal(30), "满意度指标": Decimal(10)}


def D(x) -> Decimal:
    return Decimal(str(x))


def cell(key: str, text: str, sheet: str | None = None) -> TextCell:
    if key in CELLS:
        return TextCell(sheet or "报告正文", CELLS[key], key, text)
    return TextCell(sheet or "项目自评表", PROJECT_CELLS[key], key, text)


def project(name="示范项目", sheet="项目自评表", caps=None, **values) -> ProjectFacts:
    return ProjectFacts(sheet, name, {k: (D(v) if isinstance(v, (int, float, str)) and k != "grade" else v)
                                      for k, v in values.items()}, dict(CAPS if caps is None else caps))


def facts(projects=(), **dept) -> TableFacts:
    dept.setdefault("year", 2022)
    return TableFacts({k: (D(v) if isinstance(v, (int, float)) else v) for k, v in dept.items()}, tuple(projects))


def check(cells, table: TableFacts | None = None):
    cells = [cells] if isinstance(cells, TextCell) else list(cells)
    return check_texts("测试局-2022.xlsx", cells, table or facts())


def codes(cells, table: TableFacts | None = None) -> list[tuple[str, str]]:
    """(code, cell) of every finding."""
    return [(f.code, f.where.cell) for f in check(cells, table)]


def bound(text: str, key: str = "text_final") -> dict[str, Decimal]:
    """printed figure → field (or role) of the claims extract_claims finds."""
    return {c.printed: (c.field or c.role or c.candidates) for c in extract_claims(cell(key, text))}
