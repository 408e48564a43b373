"""N1 of RULES.md §6: the figures the report's prose states agree with the tables and with each other.

The texts read: 报告正文 (every section), 预决算差异原因, and on every project sheet 年度总体目标
(预期 / 实际), the 执行偏差原因 and each indicator's 偏差原因. The tables are given as typed; where a
derived cell (总分, 等级, 执行率 …) is blank, its recomputed value stands in — the text is held to what the
table says once filled. The codes are declared by ``perfxl.core.text.codes`` (family "text")."""
from __future__ import annotations

from typing import Iterable

from ..evaluate import Evaluation, ProjectEval
from ..findings import Finding
from ..model import Cell
from ..text import ProjectFacts, TableFacts, TextCell, check_texts
from ..values import is_blank, parse_cap

TEXT_KEYS = ("text_staffing", "text_budget", "text_final", "text_sangong", "text_procurement", "text_assets",
             "text_overall", "text_projects", "text_problems", "text_measures", "text_other", "final_reason")
PROJECT_TEXTS = ("goal_expected", "goal_actual", "exec_reason")
PROJECT_VALUES = ("exec_rate", "exec_weight", "total_score", "grade")


def check(ev: Evaluation) -> Iterable[Finding]:
    return check_texts(ev.file, text_cells(ev), table_facts(ev))


def _cell(key: str, cell: Cell | None) -> TextCell | None:
    if cell is None or not isinstance(cell.raw, str) or is_blank(cell.raw):
        return None
    return TextCell(cell.where.sheet, cell.where.cell, key, cell.raw)


def text_cells(ev: Evaluation) -> list[TextCell]:
    cells = [_cell(k, ev.dept.fields.get(k)) for k in TEXT_KEYS]
    for pe in ev.projects:
        cells += [_cell(k, pe.project.fields.get(k)) for k in PROJECT_TEXTS]
        cells += [_cell("reason", ind.reason) for ind in pe.project.indicators]
    return [c for c in cells if c is not None]


def _blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and is_blank(raw))


def _project(pe: ProjectEval, derived: dict) -> ProjectFacts:
    fields = pe.project.fields
    values = {k: fields[k].raw for k in PROJECT_VALUES if k in fields}
    for k in PROJECT_VALUES:
        if _blank(values.get(k)):
            values[k] = derived.get((pe.sheet, k))
    for col in ("initial", "full_year", "executed"):
        values[f"fund_total_{col}"] = fields[f"fund_total_{col}"].raw
    caps = {lv.name: cap for lv in pe.project.level1s if (cap := parse_cap(lv.label)) is not None}
    return ProjectFacts(pe.sheet, pe.name, values, caps)


def table_facts(ev: Evaluation) -> TableFacts:
    derived = {(d.where.sheet, d.key): d.value for d in ev.derived}
    values = {k: c.raw for k, c in ev.dept.fields.items() if k not in TEXT_KEYS}
    for k, c in ev.dept.fields.items():
        if _blank(values.get(k)) and (c.where.sheet, k) in derived:
            values[k] = derived[(c.where.sheet, k)]
    return TableFacts(values, tuple(_project(pe, derived) for pe in ev.projects))
