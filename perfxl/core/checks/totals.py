"""S3 of RULES.md §4: 总分 = 预算执行得分 + Σ得分; 总分分值; the grade matches the band of 总分.

When the 预算执行得分 cannot be recomputed, the typed one (I5) is used; when that is blank too, the
total is only checked against the range it could take, and the finding says why it is unknown."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..display import num
from ..evaluate import Evaluation, ProjectEval, is_bad
from ..evaluate import num as number
from ..findings import ERROR, INFO, WARNING, Code, Family, Finding
from ..precision import EQUAL, SLIP, compare_number, places_of
from ..money import q
from ..policy import ScoringPolicy
from ..scoring import grade
from ..values import is_blank
from ._common import score_tol

CODES = Family(
    "totals", "总分与等级",
    Code("total-mismatch", ERROR, "S3", "总分应为 {expected}（{formula}），实为 {actual}，相差 {diff}。{extra}",
         "总分不等于预算执行得分加各三级指标得分（有不适用指标时按适用分值折算）。",
         "运行“计算”或 perfxl fill 重新计算总分；若三级得分有误，先改正得分。"),
    Code("total-last-digit", WARNING, "S3", "总分为 {formula} = {exact}，按表中的位数应写作 {expected}，表中为 {actual}（末位有误）。",
         "总分按它打印的小数位数四舍五入后，与精确值在最后一位上不符（如 7.45 进成 8）。", "按精确值四舍五入改正末位，或运行“计算”。"),
    Code("total-excludes-exec", ERROR, "S3",
         "总分 {actual} 等于三级指标得分合计 {sum}，未计入预算执行得分（分值 {weight}）；{why}，应得总分无法核对。",
         "总分只是三级指标得分之和，漏加了预算执行得分。", "补填全年执行数等资金数据，运行“计算”重新计算总分。"),
    Code("total-out-of-range", ERROR, "S3",
         "总分 {actual} 不在可能范围 {low}–{high} 内（三级指标得分合计 {sum} + 预算执行得分 0–{weight}；{why}）。",
         "预算执行得分无法计算，但总分连可能的范围都不在内。", "补齐资金数据后运行“计算”重新计算总分。"),
    Code("total-unverifiable", INFO, "S3", "总分 {actual} 无法核对：{why}。",
         "预算执行得分无法计算，总分无法核对。", "补齐资金数据后运行“计算”。"),
    Code("total-weight-mismatch", ERROR, "S3", "总分分值应为 {expected}（{formula}），实为 {actual}，相差 {diff}。",
         "总分行的分值不等于预算执行率分值加各一级指标分值。", "运行“计算”或 perfxl fill 重新计算。"),
    Code("grade-mismatch", ERROR, "S3", "等级应为“{expected}”（总分 {total}），实为“{actual}”。",
         "等级与总分所在的分数段不符（国家：≥90 优，≥80 良，≥60 中，其余差；按评分设置）。",
         "运行“计算”或 perfxl fill 重新评定等级。"),
)


def check(ev: Evaluation) -> Iterable[Finding]:
    for pe in ev.projects:
        yield from _total(pe, ev.policy)
        yield from _total_weight(pe, ev.policy)
        yield from _grade(pe, ev.policy)


def _close(stated: Decimal, expected: Decimal, policy: ScoringPolicy) -> bool:
    return abs(stated - expected) <= score_tol(policy) or stated == q(expected, policy.total_places)


def _total(pe: ProjectEval, policy: ScoringPolicy) -> Iterable[Finding]:
    cell = pe.cell("total_score")
    stated = pe.num("total_score")
    if stated is None or any(is_bad(r.score) for r in pe.rows):
        return
    if not pe.scored:
        return  # no indicator scored: the blanks are not zeros, there is no sum to compare the total with
    typed = pe.typed_sum
    has_na = pe.has_not_applicable
    blank = [r for r in pe.rows if not r.not_applicable and r.score is None and number(r.weight) is not None]
    typed_exec = pe.num("exec_score")
    weight_v = pe.value("exec_weight")
    if pe.total is not None:
        expected, exec_part = pe.total, f"预算执行得分 {num(pe.exec_score)}"
        exacts = [pe.total, _exact_total(pe, policy), _with(typed_exec, typed, has_na)]
    elif typed_exec is not None and not has_na:
        expected, exec_part = q(typed_exec + typed, policy.score_places), f"表中预算执行得分 {num(typed_exec)}"
        exacts = [typed_exec + typed]
    elif weight_v is None and not has_na:
        expected, exec_part = typed, "预算执行率分值为空，不计预算执行得分"
        exacts = [typed]
    else:
        yield from _unknown_exec(cell, stated, typed, pe.num("exec_weight"), _why(pe, has_na), policy)
        return
    verdict = compare_number(stated, exacts, cell.raw, policy.score_places)
    if verdict == EQUAL or (blank and stated > expected):
        return  # a blank 得分 is not a zero: a total above the stated scores' sum may hold it
    formula = f"{exec_part} + 三级指标得分合计 {num(typed)}" + ("，不适用指标按适用分值折算" if has_na else "")
    if verdict == SLIP:
        exact = next(e for e in exacts if e is not None)
        places = places_of(cell.raw) or 0
        yield CODES("total-last-digit", cell.where, q(exact, places), stated, formula=formula, exact=num(q(exact, 4)),
                    expected=num(q(exact, places)), actual=num(stated))
        return
    extra = ""
    exec_score = pe.exec_score if pe.exec_score is not None else typed_exec
    if exec_score and _close(stated, typed, policy):
        extra = f"表中总分等于三级指标得分合计 {num(typed)}，未计入预算执行得分 {num(exec_score)}。"
    yield CODES("total-mismatch", cell.where, expected, stated, expected=num(expected), formula=formula,
                actual=num(stated), diff=num(abs(stated - expected)), extra=extra)


def _exact_total(pe: ProjectEval, policy: ScoringPolicy) -> Decimal | None:
    """The total from the exact 预算执行得分 (before rounding), rescaled as the rules say."""
    if pe.exec_score_exact is None:
        return None
    if not pe.has_not_applicable or not policy.not_applicable_rescale:
        return pe.exec_score_exact + pe.typed_sum
    applicable = [r for r in pe.rows if not r.not_applicable]
    weight = (pe.exec_weight or Decimal(0)) + sum((number(r.weight) or Decimal(0) for r in applicable), Decimal(0))
    return None if weight <= 0 else (pe.exec_score_exact + pe.typed_sum) / weight * 100


def _with(exec_score: Decimal | None, typed: Decimal, has_na: bool) -> Decimal | None:
    """The total as the table's own 预算执行得分 makes it (a unit that added its printed score)."""
    return None if exec_score is None or has_na else exec_score + typed


def _unknown_exec(cell, stated, typed, weight, why, policy: ScoringPolicy) -> Iterable[Finding]:
    tol = score_tol(policy)
    w = weight or Decimal(0)
    if w > 0 and abs(stated - typed) <= tol:
        yield CODES("total-excludes-exec", cell.where, f"{num(typed)} + 预算执行得分", stated,
                    actual=num(stated), sum=num(typed), weight=num(w), why=why)
    elif weight is not None and not (typed - tol <= stated <= typed + w + tol):
        yield CODES("total-out-of-range", cell.where, f"{num(typed)}–{num(typed + w)}", stated,
                    actual=num(stated), low=num(typed), high=num(typed + w), sum=num(typed), weight=num(w), why=why)
    else:
        yield CODES("total-unverifiable", cell.where, None, stated, actual=num(stated), why=why)


def _why(pe: ProjectEval, has_na: bool) -> str:
    budget, executed, weight = (pe.value(k) for k in ("fund_total_full_year", "fund_total_executed", "exec_weight"))
    if is_bad(budget) or is_bad(executed) or is_bad(weight):
        reason = "预算资金或执行率分值无法识别"
    elif budget is None:
        reason = "全年预算数为空"
    elif executed is None:
        reason = "全年执行数为空"
    elif budget == 0:
        reason = "全年预算数为 0"
    else:
        reason = "预算执行得分无法计算"
    if "无法计算" not in reason:
        reason += "，预算执行得分无法计算"
    return reason + ("；且有不适用指标需折算" if has_na else "")


def _total_weight(pe: ProjectEval, policy: ScoringPolicy) -> Iterable[Finding]:
    stated = pe.num("total_weight")
    if stated is None or pe.total_weight is None or abs(stated - pe.total_weight) <= score_tol(policy):
        return
    caps = list(pe.caps.values())
    basis = ("一级指标分值 " + " + ".join(num(c) for c in caps)) if caps and None not in caps else "三级指标分值合计"
    exec_w = f" + 预算执行率分值 {num(pe.exec_weight)}" if pe.exec_weight is not None else ""
    yield CODES("total-weight-mismatch", pe.cell("total_weight").where, pe.total_weight, stated,
                expected=num(pe.total_weight), formula=basis + exec_w, actual=num(stated),
                diff=num(abs(stated - pe.total_weight)))


def _grade(pe: ProjectEval, policy: ScoringPolicy) -> Iterable[Finding]:
    cell = pe.cell("grade")
    if is_blank(cell.raw) or not isinstance(cell.raw, str):
        return
    total = pe.num("total_score")
    if total is None:
        total = pe.total
    if total is None:
        return
    expected = grade(total, policy)
    stated = "".join(cell.text.split())
    labels = policy.grade_labels
    if expected in stated and not any(other in stated for other in labels if other != expected):
        return
    yield CODES("grade-mismatch", cell.where, expected, stated, expected=expected, total=num(total), actual=stated)
