"""The text checks on a :class:`perfxl.core.model.Department` as the io layer reads it: its narrative
cells (报告正文, 预决算差异原因, each project's 年度总体目标, 执行偏差原因 and indicator 偏差原因) and its
tables as :class:`TableFacts` — cells as typed (the checks read them with ``perfxl.core.values``), and
where a derived cell (总分, 等级, 执行率 …) is blank, its recomputed value: the text is held to what the
table says once filled. ``derived`` is the department's :class:`~perfxl.core.model.Derived` values
(default: ``perfxl.core.derive.derive(dept)``)."""
from __future__ import annotations

from typing import Iterable

from ..findings import Finding
from ..model import Department, Derived, Field, Project
from ..values import is_blank, parse_cap
from .check import check_texts
from .model import ProjectFacts, TableFacts, TextCell

_TEXT_KEYS = ("text_staffing", "text_budget", "text_final", "text_sangong", "text_procurement", "text_assets",
              "text_overall", "text_projects", "text_problems", "text_measures", "text_other", "final_reason")
_PROJECT_TEXTS = ("goal_expected", "goal_actual", "exec_reason")
_PROJECT_VALUES = ("exec_rate", "exec_weight", "total_score", "grade")


def _cell(key: str, f: Field | None) -> TextCell | None:
    if f is None or not isinstance(f.raw, str) or is_blank(f.raw):
        return None
    return TextCell(f.where.sheet, f.where.cell, key, f.raw)


def text_cells(dept: Department) -> list[TextCell]:
    cells = [_cell(k, dept.fields.get(k)) for k in _TEXT_KEYS]
    for p in dept.projects:
        cells += [_cell(k, p.fields.get(k)) for k in _PROJECT_TEXTS]
        cells += [_cell("reason", ind.reason) for ind in p.indicators]
    return [c for c in cells if c is not None]


def _project(p: Project, derived: dict) -> ProjectFacts:
    values = {k: p.fields[k].raw for k in _PROJECT_VALUES if k in p.fields}
    for k in _PROJECT_VALUES:
        if values.get(k) is None or is_blank(values.get(k)):
            values[k] = derived.get((p.sheet, k))
    total = p.funds.get("total", {})
    for col in ("initial", "full_year", "executed"):
        if col in total:
            values[f"fund_total_{col}"] = total[col].raw
    caps = {}
    for level1 in p.level1s:
        cap = parse_cap(level1.label)
        if cap is not None:
            caps[level1.name] = cap
    return ProjectFacts(p.sheet, p.name, values, caps)


def table_facts(dept: Department, derived: Iterable[Derived] | None = None) -> TableFacts:
    if derived is None:
        from ..derive import derive

        derived = derive(dept)
    by_place = {(d.where.sheet, d.key): d.value for d in derived}
    values = {k: f.raw for k, f in dept.fields.items() if k not in _TEXT_KEYS}
    for k, f in dept.fields.items():
        if (values.get(k) is None or is_blank(values.get(k))) and (f.where.sheet, k) in by_place:
            values[k] = by_place[(f.where.sheet, k)]
    return TableFacts(values, tuple(_project(p, by_place) for p in dept.projects))


def check_department(dept: Department, derived: Iterable[Derived] | None = None) -> list[Finding]:
    """N1a–N1g over a department read from a workbook."""
    return check_texts(dept.file, text_cells(dept), table_facts(dept, derived))
