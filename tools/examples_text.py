"""Example departments for the text checks (RULES.md §6, N1a–N1g): realistic narratives that refer
to their own tables, some clean and some with planted mistakes, each planted mistake documented
with the finding it must raise. ``make_examples.departments()`` registers them as workbooks; the
tests read them straight from here (``TEXT_EXAMPLES``, ``text_cells``, ``table_facts``).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (str(ROOT), str(ROOT / "tools")):
    if p not in sys.path:
        sys.path.insert(0, p)

import make_examples as mk  # noqa: E402
from make_examples import D, Department, Project, fwd, qual, rev, money_text as t, pct_text, share  # noqa: E402,F401
from perfxl.core.text import ProjectFacts, TableFacts, TextCell  # noqa: E402
from perfxl.core.values import parse_cap  # noqa: E402
from perfxl.template import layout as L  # noqa: E402

TEXT_SHEET = L.SHEET_TEXT


# ============================================================================ texts and facts of a Department


def text_cells(dept: Department) -> list[TextCell]:
    """The narrative cells of a department: 报告正文, each project's 年度总体目标, 执行偏差原因 and
    indicator 偏差原因 — at the template's addresses."""
    cells = [TextCell(TEXT_SHEET, L.BY_KEY[k].ref, k, v) for k, v in dept.texts.items() if v]
    if dept.fin.get("final_reason"):
        cells.append(TextCell(L.SHEET_FIN, L.BY_KEY["final_reason"].ref, "final_reason", dept.fin["final_reason"]))
    for i, p in enumerate(dept.projects, start=1):
        sheet = L.project_sheet_name(i)
        if p.goal_expected:
            cells.append(TextCell(sheet, "B10", "goal_expected", p.goal_expected))
        if p.goal_actual:
            cells.append(TextCell(sheet, "F10", "goal_actual", p.goal_actual))
        if p.exec_reason:
            cells.append(TextCell(sheet, "J5", "exec_reason", p.exec_reason))
        for ref, ind in _indicator_rows(p):
            if ind.reason:
                cells.append(TextCell(sheet, ref, "reason", ind.reason))
    return cells


def _indicator_rows(p: Project):
    used: dict[str, int] = {}
    for ind in p.indicators:
        level2 = mk._L2[ind.level2]
        k = used.get(level2, 0)
        used[level2] = k + 1
        r = L.INDICATOR_FIRST_ROW + mk._L2_ORDER.index(level2) * L.ROWS_PER_LEVEL2 + k
        yield f"I{r}", ind


def _caps(p: Project) -> dict[str, Decimal]:
    caps = {name: Decimal(cap) for name, cap in L.LEVEL1}
    starts = {"B12": "产出指标", "B20": "效益指标", "B28": "满意度指标"}
    for ref, label in (p.level1_labels or {}).items():
        if ref in starts and parse_cap(label) is not None:
            caps[starts[ref]] = parse_cap(label)
    return caps


def table_facts(dept: Department) -> TableFacts:
    """The tables of a department as the text checks see them (typed values; derived ones recomputed)."""
    projects = []
    for i, p in enumerate(dept.projects, start=1):
        total = p.fund_total()
        values = {"fund_total_initial": total[0], "fund_total_full_year": total[1], "fund_total_executed": total[2],
                  "exec_weight": Decimal(10)}
        if p.total_row is None:
            fig = mk.project_figures(p)
            values.update(total_score=fig["total"], grade=fig["grade"])
        typed = {**p.typed_derived, **p.cell_overrides}
        if "H30" in typed:
            values["total_score"] = Decimal(str(typed["H30"]))
        if "H31" in typed:
            values["grade"] = typed["H31"]
        projects.append(ProjectFacts(L.project_sheet_name(i), p.name, values, _caps(p)))
    return TableFacts({**dept.fin, **dept.basic}, tuple(projects))


# ============================================================================ the corpus


@dataclass(frozen=True)
class Planted:
    """One planted mistake: where the finding must be, its code, and what is wrong."""

    sheet: str
    cell: str
    code: str
    section: str
    what: str


@dataclass(frozen=True)
class TextExample:
    dept: Department
    planted: tuple[Planted, ...] = ()

    @property
    def file(self) -> str:
        return self.dept.file

    @property
    def expected(self) -> set[tuple[str, str, str, str]]:
        return {(self.file, p.sheet, p.cell, p.code) for p in self.planted}
