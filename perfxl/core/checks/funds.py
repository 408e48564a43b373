"""F1 and F2 of RULES.md §4 on each 项目自评表: fund rows add up; 执行率 and 预算执行得分 recomputed."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ...template import layout as L
from ..derive import ProjectFigures, figures
from ..findings import Finding
from ..model import Department, Project
from ..policy import ScoringPolicy
from ._common import ERROR, WARNING, finding, money, num, pct, pp, read, score_tol, sum_check
from ..values import is_blank

PARTS = ("appropriation", "carryover", "other")


def check(dept: Department, policy: ScoringPolicy) -> Iterable[Finding]:
    for proj in dept.projects:
        yield from _f1(proj, policy)
        yield from _f2(proj, figures(proj, policy), policy)


def _f1(proj: Project, policy: ScoringPolicy) -> Iterable[Finding]:
    for col, col_label in L.FUND_COL_LABELS.items():
        parts = [(L.FUND_ROW_LABELS[row].replace("其中：", ""), proj.fields[f"fund_{row}_{col}"], 1) for row in PARTS]
        found = sum_check(proj.fields[f"fund_total_{col}"], parts, code="fund-total-mismatch", rule="F1",
                          label=f"年度资金总额（{col_label}）", policy=policy)
        if found is not None:
            yield found


def _f2(proj: Project, fig: ProjectFigures, policy: ScoringPolicy) -> Iterable[Finding]:
    f = proj.fields
    budget, executed = read(f["fund_total_full_year"]), read(f["fund_total_executed"])
    weight = read(f["exec_weight"], "score")
    rate_cell, score_cell = f["exec_rate"], f["exec_score"]
    stated_rate, stated_score = read(rate_cell, "rate"), read(score_cell, "score")
    if weight.value is None and not weight.bad:
        yield finding("exec-weight-missing", WARNING, f["exec_weight"].where, "F2")
    if budget.bad or executed.bad:
        return  # the cells family reports the unreadable amount
    if budget.value is None or executed.value is None:
        blank = f["fund_total_full_year"] if budget.value is None else f["fund_total_executed"]
        what = "全年预算数" if budget.value is None else "全年执行数"
        yield finding("exec-not-computable", ERROR, blank.where, "F2", what=what, stated=_stated(stated_rate, stated_score))
        return
    if budget.value == 0:
        yield finding("exec-rate-undefined", WARNING, f["fund_total_full_year"].where, "F2", Decimal(0), Decimal(0),
                      stated=_stated(stated_rate, stated_score))
        return
    rate = fig.exec_rate
    if stated_rate.value is not None and abs(stated_rate.value - rate) > policy.tolerance_rate:
        yield finding("exec-rate-mismatch", ERROR, rate_cell.where, "F2", rate, stated_rate.value,
                      expected=pct(rate), executed=money(executed.value), budget=money(budget.value),
                      actual=pct(stated_rate.value), diff=pp(stated_rate.value - rate))
    if fig.exec_score is not None and stated_score.value is not None \
            and abs(stated_score.value - fig.exec_score) > score_tol(policy):
        yield finding("exec-score-mismatch", ERROR, score_cell.where, "F2", fig.exec_score, stated_score.value,
                      expected=num(fig.exec_score), weight=num(weight.value), rate=pct(rate),
                      actual=num(stated_score.value), diff=num(abs(stated_score.value - fig.exec_score)))
    if rate < policy.exec_reason_below and is_blank(f["exec_reason"].raw):
        yield finding("exec-reason-missing", WARNING, f["exec_reason"].where, "F2", policy.exec_reason_below, rate,
                      rate=pct(rate), below=pct(policy.exec_reason_below))


def _stated(rate, score) -> str:
    said = [f"{name} {shown}" for name, shown, r in (("执行率", pct(rate.value), rate), ("得分", num(score.value), score))
            if r.value is not None]
    return f"（表中填有{'、'.join(said)}，无法核实）" if said else ""
