"""S3 of RULES.md §4: 总分 = 预算执行得分 + Σ得分; 总分分值; the grade matches the band of 总分.

When the 预算执行得分 cannot be recomputed, the typed one (I5) is used; when that is blank too, the
total is only checked against the range it could take, and the finding says why it is unknown."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..derive import ProjectFigures, figures
from ..findings import Finding
from ..model import Department, Project
from ..money import q
from ..policy import ScoringPolicy
from ..scoring import grade
from ..values import is_blank, is_not_applicable
from ._common import ERROR, INFO, finding, num, read, score_tol


def check(dept: Department, policy: ScoringPolicy) -> Iterable[Finding]:
    for proj in dept.projects:
        fig = figures(proj, policy)
        yield from _total(proj, fig, policy)
        yield from _total_weight(proj, fig, policy)
        yield from _grade(proj, fig, policy)


def _close(stated: Decimal, expected: Decimal, policy: ScoringPolicy) -> bool:
    return abs(stated - expected) <= score_tol(policy) or stated == q(expected, policy.total_places)


def _total(proj: Project, fig: ProjectFigures, policy: ScoringPolicy) -> Iterable[Finding]:
    cell = proj.fields["total_score"]
    stated = read(cell, "score").value
    if stated is None or any(read(i.score, "score").bad for i in fig.rows):
        return
    typed = fig.typed_sum
    has_na = any(is_not_applicable(i.target.raw) or is_not_applicable(i.score.raw) for i in fig.rows)
    typed_exec = read(proj.fields["exec_score"], "score")
    weight = read(proj.fields["exec_weight"], "score")
    if fig.total is not None:
        expected, exec_part = fig.total, f"预算执行得分 {num(fig.exec_score)}"
    elif typed_exec.value is not None and not has_na:
        expected, exec_part = q(typed_exec.value + typed, policy.score_places), f"表中预算执行得分 {num(typed_exec.value)}"
    elif weight.value is None and not weight.bad and not has_na:
        expected, exec_part = typed, "预算执行率分值为空，不计预算执行得分"
    else:
        yield from _unknown_exec(cell, stated, typed, weight.value, _why(proj, has_na))
        return
    if _close(stated, expected, policy):
        return
    extra = ""
    exec_score = fig.exec_score if fig.exec_score is not None else typed_exec.value
    if exec_score and _close(stated, typed, policy):
        extra = f"表中总分等于三级指标得分合计 {num(typed)}，未计入预算执行得分 {num(exec_score)}。"
    formula = f"{exec_part} + 三级指标得分合计 {num(typed)}" + ("，不适用指标按适用分值折算" if has_na else "")
    yield finding("total-mismatch", ERROR, cell.where, "S3", expected, stated, expected=num(expected),
                  formula=formula, actual=num(stated), diff=num(abs(stated - expected)), extra=extra)


def _unknown_exec(cell, stated, typed, weight, why) -> Iterable[Finding]:
    tol = Decimal("0.01")
    w = weight or Decimal(0)
    if w > 0 and abs(stated - typed) <= tol:
        yield finding("total-excludes-exec", ERROR, cell.where, "S3", f"{num(typed)} + 预算执行得分", stated,
                      actual=num(stated), sum=num(typed), weight=num(w), why=why)
    elif weight is not None and not (typed - tol <= stated <= typed + w + tol):
        yield finding("total-out-of-range", ERROR, cell.where, "S3", f"{num(typed)}–{num(typed + w)}", stated,
                      actual=num(stated), low=num(typed), high=num(typed + w), sum=num(typed), weight=num(w), why=why)
    else:
        yield finding("total-unverifiable", INFO, cell.where, "S3", None, stated, actual=num(stated), why=why)


def _why(proj: Project, has_na: bool) -> str:
    f = proj.fields
    budget, executed, weight = read(f["fund_total_full_year"]), read(f["fund_total_executed"]), read(f["exec_weight"], "score")
    if budget.bad or executed.bad or weight.bad:
        reason = "预算资金或执行率分值无法识别"
    elif budget.value is None:
        reason = "全年预算数为空"
    elif executed.value is None:
        reason = "全年执行数为空"
    elif budget.value == 0:
        reason = "全年预算数为 0"
    else:
        reason = "预算执行得分无法计算"
    if "无法计算" not in reason:
        reason += "，预算执行得分无法计算"
    return reason + ("；且有不适用指标需折算" if has_na else "")


def _total_weight(proj: Project, fig: ProjectFigures, policy: ScoringPolicy) -> Iterable[Finding]:
    cell = proj.fields["total_weight"]
    stated = read(cell, "score").value
    if stated is None or fig.total_weight is None or abs(stated - fig.total_weight) <= score_tol(policy):
        return
    caps = list(fig.caps.values())
    basis = ("一级指标分值 " + " + ".join(num(c) for c in caps)) if caps and None not in caps else "三级指标分值合计"
    exec_w = f" + 预算执行率分值 {num(fig.exec_weight)}" if fig.exec_weight is not None else ""
    yield finding("total-weight-mismatch", ERROR, cell.where, "S3", fig.total_weight, stated,
                  expected=num(fig.total_weight), formula=basis + exec_w, actual=num(stated),
                  diff=num(abs(stated - fig.total_weight)))


def _grade(proj: Project, fig: ProjectFigures, policy: ScoringPolicy) -> Iterable[Finding]:
    cell = proj.fields["grade"]
    if is_blank(cell.raw) or not isinstance(cell.raw, str):
        return
    total = read(proj.fields["total_score"], "score").value
    if total is None:
        total = fig.total
    if total is None:
        return
    expected = grade(total, policy)
    stated = "".join(cell.text.split())
    labels = [label for _, label in policy.grade_bands] + [policy.grade_below]
    if expected in stated and not any(other in stated for other in labels if other != expected):
        return
    yield finding("grade-mismatch", ERROR, cell.where, "S3", expected, stated, expected=expected,
                  total=num(total), actual=stated)
