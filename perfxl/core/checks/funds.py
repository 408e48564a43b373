"""F1 and F2 of RULES.md §4 on each 项目自评表: fund rows add up; 执行率 and 预算执行得分 recomputed."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..display import money, num, pct, pp
from ..evaluate import Evaluation, ProjectEval, is_bad
from ..fields import FUND_COL_LABELS, FUND_ROW_LABELS
from ..findings import ERROR, WARNING, Code, Family, Finding
from ..values import is_blank
from ._common import SUM, score_tol, sum_finding

CODES = Family(
    "funds", "项目资金与预算执行",
    Code("fund-total-mismatch", ERROR, "F1", SUM,
         "项目资金的年度资金总额不等于当年财政拨款、上年结转资金与其他资金之和（年初预算数、全年预算数或全年执行数）。",
         "核对项目资金各行，改正总额或填错的来源。"),
    Code("exec-rate-mismatch", ERROR, "F2",
         "预算执行率应为 {expected}（全年执行数 {executed} ÷ 全年预算数 {budget}），实为 {actual}，相差 {diff} 个百分点。",
         "表中的预算执行率不等于全年执行数除以全年预算数。", "运行“计算”或 perfxl fill 重新计算执行率。"),
    Code("exec-score-mismatch", ERROR, "F2",
         "预算执行率得分应为 {expected}（分值 {weight} × 执行率 {rate}，执行率超过 100% 按 100% 计），实为 {actual}，相差 {diff}。",
         "表中的预算执行率得分不等于分值乘以执行率（执行率超过 100% 按 100% 计）。", "运行“计算”或 perfxl fill 重新计算得分。"),
    Code("exec-not-computable", ERROR, "F2", "{what}为空，预算执行率及其得分无法计算{stated}。",
         "全年预算数或全年执行数为空，执行率和预算执行得分都无法计算。", "填写年度资金总额行的全年预算数和全年执行数。"),
    Code("exec-rate-undefined", WARNING, "F2", "全年预算数为 0，预算执行率无定义，其得分无法计算{stated}。",
         "全年预算数为 0，执行率无定义（不能除以 0）。", "核实全年预算数；没有预算的项目不必填写自评表。"),
    Code("exec-reason-missing", WARNING, "F2", "预算执行率为 {rate}，低于 {below}，但未填写执行偏差原因。",
         "执行率低于评分设置的门槛（默认 90%），却没有说明原因。", "在项目资金行的“偏差原因”中写明执行率偏低的原因和改进措施。"),
    Code("exec-weight-missing", WARNING, "F2", "预算执行率分值为空，预算执行得分无法计算，总分无法核对。",
         "年度资金总额行的分值（预算执行率的权重）为空。", "填写预算执行率分值（国家默认 10 分）。"),
)

PARTS = ("appropriation", "carryover", "other")


def check(ev: Evaluation) -> Iterable[Finding]:
    for pe in ev.projects:
        yield from _f1(pe, ev)
        yield from _f2(pe, ev)


def _f1(pe: ProjectEval, ev: Evaluation) -> Iterable[Finding]:
    for col, col_label in FUND_COL_LABELS.items():
        parts = [(FUND_ROW_LABELS[row], pe.value(f"fund_{row}_{col}"), 1) for row in PARTS]
        found = sum_finding(CODES, "fund-total-mismatch", pe.cell(f"fund_total_{col}"), pe.value(f"fund_total_{col}"),
                            parts, label=f"年度资金总额（{col_label}）", policy=ev.policy)
        if found is not None:
            yield found


def _f2(pe: ProjectEval, ev: Evaluation) -> Iterable[Finding]:
    policy = ev.policy
    budget_v, executed_v, weight_v = pe.value("fund_total_full_year"), pe.value("fund_total_executed"), pe.value("exec_weight")
    stated_rate, stated_score = pe.num("exec_rate"), pe.num("exec_score")
    if weight_v is None:
        yield CODES("exec-weight-missing", pe.cell("exec_weight").where)
    if is_bad(budget_v) or is_bad(executed_v):
        return  # the cells family reports the unreadable amount
    budget, executed = pe.budget, pe.executed
    if budget is None or executed is None:
        key = "fund_total_full_year" if budget is None else "fund_total_executed"
        what = "全年预算数" if budget is None else "全年执行数"
        yield CODES("exec-not-computable", pe.cell(key).where, what=what, stated=_stated(stated_rate, stated_score))
        return
    if budget == 0:
        yield CODES("exec-rate-undefined", pe.cell("fund_total_full_year").where, Decimal(0), Decimal(0),
                    stated=_stated(stated_rate, stated_score))
        return
    rate = pe.exec_rate
    if stated_rate is not None and abs(stated_rate - rate) > policy.tolerance_rate:
        yield CODES("exec-rate-mismatch", pe.cell("exec_rate").where, rate, stated_rate, expected=pct(rate),
                    executed=money(executed), budget=money(budget), actual=pct(stated_rate),
                    diff=pp(stated_rate - rate))
    if pe.exec_score is not None and stated_score is not None and abs(stated_score - pe.exec_score) > score_tol(policy):
        yield CODES("exec-score-mismatch", pe.cell("exec_score").where, pe.exec_score, stated_score,
                    expected=num(pe.exec_score), weight=num(pe.exec_weight), rate=pct(rate),
                    actual=num(stated_score), diff=num(abs(stated_score - pe.exec_score)))
    if rate < policy.exec_reason_below and is_blank(pe.cell("exec_reason").raw):
        yield CODES("exec-reason-missing", pe.cell("exec_reason").where, policy.exec_reason_below, rate,
                    rate=pct(rate), below=pct(policy.exec_reason_below))


def _stated(rate: Decimal | None, score: Decimal | None) -> str:
    said = [f"{name} {shown}" for name, shown, v in (("执行率", pct(rate), rate), ("得分", num(score), score))
            if v is not None]
    return f"（表中填有{'、'.join(said)}，无法核实）" if said else ""
