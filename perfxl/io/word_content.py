"""The 部门整体支出绩效自评报告 of an evaluated department, as Word content (``word_model.ReportContent``).

Every figure sentence is written from the table values (``perfxl.core.text.compose``), so the text and the
tables cannot disagree; the accountant's own prose from 报告正文 is kept as written, except — in the
sections the tables speak for (人员编制, 预算, 决算, 三公, 采购, 资产, 整体 and 项目绩效) — a sentence that states
a figure, which the generated sentence replaces. Each 项目支出绩效自评表 becomes a ``FormTable`` with its
numbers as the table prints them (derived cells from the evaluation when the sheet leaves them blank).
"""
from __future__ import annotations

from ..core.display import money, num, pct
from ..core.evaluate import Evaluation, ProjectEval, num as number
from ..core.text import TextCell, compose, extract_claims
from ..core.text.numbers import split_sentences
from ..core.values import is_blank
from .word_model import FormTable, FundRow, IndicatorRow, ReportContent, standard_content

GENERATED = ("text_staffing", "text_budget", "text_final", "text_sangong", "text_procurement", "text_assets",
             "text_overall", "text_projects")


def report_content(ev: Evaluation, warning: str = "") -> ReportContent:
    dept = ev.dept
    values = _values(ev)
    unit = dept.unit_name
    generated = {
        "text_staffing": compose.staffing_sentence(values, unit),
        "text_budget": compose.budget_sentence(values),
        "text_final": compose.final_sentence(values),
        "text_sangong": compose.sangong_sentence(values),
        "text_procurement": compose.procurement_sentence(values),
        "text_assets": compose.assets_sentence(values),
        "text_overall": compose.overall_sentence(values, unit),
        "text_projects": "\n".join(compose.project_sentence(pe.name, _project_values(pe, ev)) for pe in ev.projects),
    }
    texts = {}
    for key in ("text_staffing", "text_budget", "text_final", "text_sangong", "text_procurement", "text_assets",
                "text_overall", "text_projects", "text_problems", "text_measures", "text_other"):
        cell = dept.fields.get(key)
        own = cell.raw if cell is not None and isinstance(cell.raw, str) and not is_blank(cell.raw) else ""
        if key in GENERATED:
            prose = _without_figures(cell, key, own) if own else ""
            texts[key] = "\n".join(t for t in (generated[key], prose) if t)
        else:
            texts[key] = own
    duties = [c.text for c in dept.duties if c.text]
    forms = [_form(pe, ev) for pe in ev.projects]
    year = dept.get("year").text
    return standard_content(year, unit, texts, duties, forms, warning)


def _values(ev: Evaluation) -> dict:
    """The department's values for the sentences: stated numbers (or what their parts determine), the texts
    of 基本情况, and the recomputed derived figures."""
    out: dict = {k: number(ev.stated(k)) for k in ev.values}
    for key in ("departments", "subunits", "unit_name"):
        out[key] = ev.dept.get(key).text
    year = ev.dept.get("year").raw
    out["year"] = year if isinstance(year, int) else number(ev.value("year"))
    return out


def _project_values(pe: ProjectEval, ev: Evaluation) -> dict:
    derived = {d.key: d.value for d in ev.derived if d.where.sheet == pe.sheet}
    return {"fund_total_initial": pe.num("fund_total_initial"), "fund_total_full_year": pe.budget,
            "fund_total_executed": pe.executed, "exec_rate": pe.exec_rate,
            "total_score": pe.num("total_score") if pe.num("total_score") is not None else derived.get("total_score"),
            "grade": pe.cell("grade").text or derived.get("grade") or ""}


def _without_figures(cell, key: str, text: str) -> str:
    """The sentences of ``text`` that state no figure (the generated sentences state the figures)."""
    claims = extract_claims(TextCell(cell.where.sheet, cell.where.cell, key, text))
    with_figures = {c.sentence_span for c in claims}
    keep = [text[s.start:s.end] for s in split_sentences(text)
            if (s.start, s.end) not in with_figures and not any(ch.isdigit() for ch in text[s.start:s.end])]
    return "".join(keep).strip()


def _shown(value, kind: str = "money") -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if kind == "rate":
        return pct(value)
    return money(value) if kind == "money" else num(value)


def _form(pe: ProjectEval, ev: Evaluation) -> FormTable:
    f = pe.project.fields
    derived = {d.key: d.value for d in ev.derived if d.where.sheet == pe.sheet}

    def stated(key: str, kind: str) -> str:
        value = number(pe.value(key))
        if value is None and isinstance(f[key].raw, str) and f[key].raw.strip():
            return f[key].raw.strip()
        return _shown(value if value is not None else derived.get(key), kind)

    funds = {row: FundRow(*(stated(f"fund_{row}_{col}", "money") for col in ("initial", "full_year", "executed")))
             for row in ("total", "appropriation", "carryover", "other")}
    indicators = [IndicatorRow(r.ind.level1, r.ind.level2, r.ind.name.text, r.ind.target.text, r.ind.actual.text,
                               _shown(number(r.weight), "score"), _shown(number(r.score), "score") or r.ind.score.text,
                               r.ind.reason.text) for r in pe.rows]
    grade = f["grade"].text or (derived.get("grade") or "")
    year = ev.dept.get("year").text
    return FormTable(project_name=pe.name, competent_dept=f["competent_dept"].text, implementer=f["implementer"].text,
                     funds=funds, exec_weight=stated("exec_weight", "score"), exec_rate=stated("exec_rate", "rate"),
                     exec_score=stated("exec_score", "score"), exec_reason=f["exec_reason"].text,
                     goal_expected=f["goal_expected"].text, goal_actual=f["goal_actual"].text, indicators=indicators,
                     total_weight=stated("total_weight", "score"), total_score=stated("total_score", "score"),
                     grade=grade, title=f"{year}年度项目支出绩效自评表" if year else "项目支出绩效自评表")

