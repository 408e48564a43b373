"""F1, F2, X3, X4 and X7 of RULES.md §4 on each 项目自评表: the fund rows add up; 执行率 and 预算执行得分
equal the recomputed values at their printed precision (a last-digit slip is a warning); no row spends
more than its budget; when the total row is wrong, the rate and score are given from the parts; a filed
table does not leave its 预算执行得分 blank."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..display import money, num, pct, pp
from ..evaluate import Evaluation, ProjectEval, is_bad
from ..fields import FUND_COL_LABELS, FUND_ROW_LABELS, FUND_ROWS
from ..findings import ERROR, WARNING, Code, Family, Finding
from ..money import q
from ..precision import EQUAL, SLIP, compare_fraction, compare_number
from ..scoring import exec_score, exec_score_exact
from ..values import is_blank
from ._common import SUM, sum_finding

CODES = Family(
    "funds", "项目资金与预算执行",
    Code("fund-total-mismatch", ERROR, "F1", SUM,
         "项目资金的年度资金总额不等于当年财政拨款、上年结转资金与其他资金之和（年初预算数、全年预算数或全年执行数）。",
         "核对项目资金各行，改正总额或填错的来源。"),
    Code("over-execution", ERROR, "X3",
         "{row}的全年执行数 {actual} 万元超过全年预算数 {expected} 万元，多出 {diff} 万元（超预算支出），请核实。",
         "全年执行数大于全年预算数（执行率超过 100%），即超预算支出。",
         "核实执行数与预算数：预算调整了就按调整后的预算数填写全年预算数；确属超支的，说明原因。"),
    Code("exec-rate-mismatch", ERROR, "F2",
         "预算执行率应为 {expected}（全年执行数 {executed} ÷ 全年预算数 {budget}），实为 {actual}，相差 {diff} 个百分点。",
         "表中的预算执行率不等于全年执行数除以全年预算数。", "运行“计算”或 perfxl fill 重新计算执行率。"),
    Code("exec-rate-last-digit", WARNING, "F2",
         "预算执行率 {executed} ÷ {budget} = {exact}，按表中的位数应写作 {expected}，表中为 {actual}（末位有误）。",
         "预算执行率按它打印的小数位数四舍五入后，与精确值在最后一位上不符。", "按精确值四舍五入改正末位，或运行“计算”。"),
    Code("exec-score-mismatch", ERROR, "F2",
         "预算执行率得分应为 {expected}（分值 {weight} × 执行率 {rate}，执行率超过 100% 按 100% 计），实为 {actual}，相差 {diff}。",
         "表中的预算执行率得分不等于分值乘以执行率（执行率超过 100% 按 100% 计）。", "运行“计算”或 perfxl fill 重新计算得分。"),
    Code("exec-score-last-digit", WARNING, "F2",
         "预算执行率得分为分值 {weight} × 执行率 {rate} = {exact}，按表中的位数应写作 {expected}，表中为 {actual}（末位有误）。",
         "预算执行率得分按它打印的小数位数四舍五入后，与精确值在最后一位上不符。", "按精确值四舍五入改正末位，或运行“计算”。"),
    Code("exec-rate-from-parts", ERROR, "X4",
         "年度资金总额行与各资金来源之和不符；按各来源合计，预算执行率应为 {rate}（{executed} ÷ {budget}），"
         "预算执行率得分应为 {score}（分值 {weight}），表中为执行率 {stated_rate}、得分 {stated_score}。",
         "年度资金总额行填错时，执行率和得分按各资金来源的合计重新算出（Σ执行 ÷ Σ预算），而不只是说“无法核对”。",
         "改正年度资金总额行，再运行“计算”重新计算执行率和得分。"),
    Code("exec-not-computable", ERROR, "F2", "{what}为空，预算执行率及其得分无法计算{stated}。",
         "全年预算数或全年执行数为空，执行率和预算执行得分都无法计算。", "填写年度资金总额行的全年预算数和全年执行数。"),
    Code("exec-rate-undefined", WARNING, "F2", "全年预算数为 0，预算执行率无定义，其得分无法计算{stated}。",
         "全年预算数为 0，执行率无定义（不能除以 0）。", "核实全年预算数；没有预算的项目不必填写自评表。"),
    Code("exec-reason-missing", WARNING, "F2", "预算执行率为 {rate}，低于 {below}，但未填写执行偏差原因。",
         "执行率低于评分设置的门槛（默认 90%），却没有说明原因。", "在项目资金行的“偏差原因”中写明执行率偏低的原因和改进措施。"),
    Code("exec-weight-missing", WARNING, "F2", "预算执行率分值为空，预算执行得分无法计算，总分无法核对。",
         "年度资金总额行的分值（预算执行率的权重）为空。", "填写预算执行率分值（国家默认 10 分）。"),
    Code("exec-score-missing", WARNING, "X7", "本表已打分并填有总分等结果，但预算执行率得分为空（按规则应为 {expected}）。",
         "已填报的自评表（各指标已打分、总分等已填）却没有填预算执行率得分。", "填写预算执行率得分，或运行“计算”。"),
)

PARTS = ("appropriation", "carryover", "other")


def check(ev: Evaluation) -> Iterable[Finding]:
    for pe in ev.projects:
        broken = yield from _f1(pe, ev)
        yield from _x3(pe, ev)
        if broken and (yield from _x4(pe, ev)):
            continue
        yield from _f2(pe, ev)


def _f1(pe: ProjectEval, ev: Evaluation):
    broken = False
    for col, col_label in FUND_COL_LABELS.items():
        parts = [(FUND_ROW_LABELS[row], pe.value(f"fund_{row}_{col}"), 1) for row in PARTS]
        found = sum_finding(CODES, "fund-total-mismatch", pe.cell(f"fund_total_{col}"), pe.value(f"fund_total_{col}"),
                            parts, label=f"年度资金总额（{col_label}）", policy=ev.policy)
        if found is not None:
            broken = broken or col != "initial"
            yield found
    return broken


def _x3(pe: ProjectEval, ev: Evaluation) -> Iterable[Finding]:
    for row in FUND_ROWS:
        budget, executed = pe.num(f"fund_{row}_full_year"), pe.num(f"fund_{row}_executed")
        if budget is not None and executed is not None and executed - budget > ev.policy.tolerance_amount:
            yield CODES("over-execution", pe.cell(f"fund_{row}_executed").where, budget, executed,
                        row=FUND_ROW_LABELS[row], actual=money(executed), expected=money(budget),
                        diff=money(executed - budget))


def _x4(pe: ProjectEval, ev: Evaluation):
    """The total row is wrong (F1): the rate and the score from the parts, Σ执行 ÷ Σ预算."""
    pairs = [(pe.num(f"fund_{r}_full_year"), pe.num(f"fund_{r}_executed")) for r in PARTS]
    pairs = [(b, e) for b, e in pairs if b is not None and e is not None]
    budget, executed = sum((b for b, _ in pairs), Decimal(0)), sum((e for _, e in pairs), Decimal(0))
    weight = pe.exec_weight
    if not pairs or budget == 0 or weight is None:
        return False
    rate = executed / budget
    exact = exec_score_exact(rate, weight, ev.policy)
    stated_rate, stated_score = pe.num("exec_rate"), pe.num("exec_score")
    if (stated_rate is not None and compare_fraction(stated_rate, rate, pe.cell("exec_rate").raw) == EQUAL
            and stated_score is not None and compare_number(stated_score, exact, pe.cell("exec_score").raw) == EQUAL):
        return True  # the rate and score are already the parts' (F1 says what is wrong with the total row)
    yield CODES("exec-rate-from-parts", pe.cell("exec_rate").where, q(rate, 4), stated_rate, rate=pct(rate),
                executed=money(executed), budget=money(budget), score=num(exec_score(q(rate, 4), weight, ev.policy)),
                weight=num(weight), stated_rate=pct(stated_rate), stated_score=num(stated_score))
    return True


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
    exact = pe.exec_rate_exact
    if stated_rate is not None:
        yield from _rate(pe, exact, stated_rate, executed, budget)
    yield from _score(pe, ev, stated_rate, stated_score)
    if exact < policy.exec_reason_below and is_blank(pe.cell("exec_reason").raw):
        yield CODES("exec-reason-missing", pe.cell("exec_reason").where, policy.exec_reason_below, pe.exec_rate,
                    rate=pct(exact), below=pct(policy.exec_reason_below))


def _rate(pe: ProjectEval, exact: Decimal, stated: Decimal, executed: Decimal, budget: Decimal) -> Iterable[Finding]:
    raw = pe.cell("exec_rate").raw
    verdict = compare_fraction(stated, exact, raw)
    if verdict == EQUAL:
        return
    where = pe.cell("exec_rate").where
    if verdict == SLIP:
        from ..precision import places_of

        places = places_of(raw, percent=True)
        yield CODES("exec-rate-last-digit", where, q(exact, (places or 0) + 2), stated, executed=money(executed),
                    budget=money(budget), exact=pct(exact, 4), expected=pct(exact, places or 0),
                    actual=pct(stated, places or 0))
        return
    rate = pe.exec_rate
    yield CODES("exec-rate-mismatch", where, rate, stated, expected=pct(rate), executed=money(executed),
                budget=money(budget), actual=pct(stated), diff=pp(stated - rate))


def _score(pe: ProjectEval, ev: Evaluation, stated_rate, stated_score) -> Iterable[Finding]:
    if pe.exec_score is None:
        return
    where = pe.cell("exec_score").where
    if stated_score is None:
        if pe.filed and is_blank(pe.cell("exec_score").raw):
            yield CODES("exec-score-missing", where, pe.exec_score, None, expected=num(pe.exec_score))
        return
    weight = pe.exec_weight
    # the score from the exact rate, or — when the table's rate is right as printed — from that rate: either
    # is the rule applied (a score that only follows a wrong rate is wrong too)
    printed_rate = (stated_rate if stated_rate is not None
                    and compare_fraction(stated_rate, pe.exec_rate_exact, pe.cell("exec_rate").raw) == EQUAL else None)
    candidates = [pe.exec_score_exact, pe.exec_score,
                  exec_score_exact(printed_rate, weight, ev.policy) if printed_rate is not None else None]
    raw = pe.cell("exec_score").raw
    verdict = compare_number(stated_score, candidates, raw)
    if verdict == EQUAL:
        return
    if verdict == SLIP:
        from ..precision import places_of

        places = places_of(raw)
        yield CODES("exec-score-last-digit", where, q(pe.exec_score_exact, places or 0), stated_score,
                    weight=num(weight), rate=pct(pe.exec_rate_exact), exact=num(q(pe.exec_score_exact, 4)),
                    expected=num(q(pe.exec_score_exact, places or 0)), actual=num(stated_score))
        return
    yield CODES("exec-score-mismatch", where, pe.exec_score, stated_score, expected=num(pe.exec_score),
                weight=num(weight), rate=pct(pe.exec_rate), actual=num(stated_score),
                diff=num(abs(stated_score - pe.exec_score)))


def _stated(rate: Decimal | None, score: Decimal | None) -> str:
    said = [f"{name} {shown}" for name, shown, v in (("执行率", pct(rate), rate), ("得分", num(score), score))
            if v is not None]
    return f"（表中填有{'、'.join(said)}，无法核实）" if said else ""
