"""S1, S2 and S4 of RULES.md §4 on each 三级指标, plus the explanations §2 asks for: 0 ≤ 得分 ≤ 分值;
typed 得分 vs the rule's score (qualitative: vs its band); a score without target/actual/name;
over-achievement or a lost point with no 偏差原因."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..display import num, pct
from ..evaluate import Evaluation, Row, is_bad
from ..evaluate import num as number
from ..findings import ERROR, WARNING, Code, Family, Finding
from ..model import Cell
from ..money import q
from ..policy import LEVELS, ScoringPolicy
from ..scoring import LEVEL_LABELS, score_in_band
from ..values import Target, is_blank, parse_target
from ..precision import EQUAL, compare_number
from ._common import indicator_label

CODES = Family(
    "scores", "指标得分",
    Code("score-negative", ERROR, "S1", "{ind}的得分为负数（{actual}），得分应在 0 到分值 {weight} 之间。",
         "指标得分为负数。", "改正得分（得分在 0 到分值之间）。"),
    Code("score-over-weight", ERROR, "S1", "{ind}的得分 {actual} 超过分值 {expected}，多出 {diff}。",
         "指标得分高于其分值。", "改正得分（不得超过分值）。"),
    Code("score-missing", WARNING, "S1", "{ind}有分值 {weight}，但得分为空。",
         "指标有分值却没有打分。", "填写得分，或运行“计算”后参考“测算得分”列。"),
    Code("score-differs-from-rule", WARNING, "S2", "{ind}的得分为 {actual}，按评分规则应为 {expected}（{note}），相差 {diff}。",
         "自评得分与按评分规则算出的得分不同（自评是单位的判断，差异是复核人员需要看的）。",
         "核对指标值与实际完成值；得分确有依据时在偏差原因中写明，否则按规则得分改正。"),
    Code("score-outside-band", WARNING, "S2",
         "{ind}的实际完成情况属于“{band}”档（分值的 {low}–{high}），得分应在 {lo_score}–{hi_score} 之间，实为 {actual}。",
         "定性指标的得分不在其完成情况所属档次的分数范围内。", "按完成情况所属档次打分，或改写实际完成情况。"),
    Code("indicator-no-target", WARNING, "S4", "{ind}已打分，但年度指标值{what}，得分缺少依据。",
         "指标有分值或得分，但年度指标值为空或为“无”。", "填写年度指标值（写明方向与单位，如“≥95%”）。"),
    Code("indicator-no-actual", WARNING, "S4", "{ind}已打分，但实际完成值{what}，得分缺少依据。",
         "指标有分值或得分，但实际完成值为空或为“无”。", "填写实际完成值。"),
    Code("indicator-no-name", WARNING, "S4", "{ind}已打分（{score}），但三级指标名称为空或为“无”。",
         "指标行有得分，但没有三级指标名称。", "填写三级指标名称，或删去这一行的分值与得分。"),
    Code("over-achievement-no-reason", WARNING, "§2",
         "{ind}的实际完成值为指标值的 {ratio}，超过 {limit}，应分析偏差原因，但偏差原因为空。",
         "实际完成值远高于指标值（默认 ≥120%），按规定应分析原因（不自动扣分）。",
         "在“偏差原因分析及改进措施”中说明超额的原因；指标值定得过低时，下一年度调整。"),
    Code("deviation-reason-missing", WARNING, "§2",
         "{ind}的得分 {actual} 低于分值 {expected}，相差 {diff}，但未填写偏差原因分析及改进措施。",
         "得分低于分值，却没有写偏差原因分析及改进措施。", "在“偏差原因分析及改进措施”中写明未达成的原因和改进措施。"),
)


def check(ev: Evaluation) -> Iterable[Finding]:
    for pe in ev.projects:
        for row in pe.rows:
            yield from _indicator(row, ev.policy)


def _indicator(row: Row, policy: ScoringPolicy) -> Iterable[Finding]:
    ind, rule = row.ind, row.rule
    if row.not_applicable or is_bad(row.weight) or is_bad(row.score):
        return
    name = indicator_label(ind)
    weight, score = number(row.weight), number(row.score)
    if score is None:
        if weight is not None:
            yield CODES("score-missing", ind.score.where, weight=num(weight), ind=name)
            yield from _missing(ind, name, None)
        return
    # S1
    if score < 0:
        yield CODES("score-negative", ind.score.where, Decimal(0), score, ind=name, actual=num(score), weight=num(weight))
    elif weight is not None and score > weight:
        yield CODES("score-over-weight", ind.score.where, weight, score, ind=name, actual=num(score),
                    expected=num(weight), diff=num(score - weight))
    # S4 and a nameless indicator
    yield from _missing(ind, name, score)
    # S2 (and X8: a qualitative target reached is the full 分值, not a band)
    if rule is not None and rule.score is not None and weight is not None and weight > 0 and 0 <= score <= weight:
        if rule.method == "qualitative" and rule.level in LEVELS and not rule.met:
            if not score_in_band(rule.level, score, weight, policy):
                low, high = _band(rule.level, policy)
                yield CODES("score-outside-band", ind.score.where, rule.score, score, ind=name,
                            band=LEVEL_LABELS[rule.level], low=pct(low), high=pct(high),
                            lo_score=num(q(low * weight, 2)), hi_score=num(q(high * weight, 2)), actual=num(score))
        elif compare_number(score, [rule.exact, rule.score], ind.score.raw, policy.score_places) != EQUAL:
            yield CODES("score-differs-from-rule", ind.score.where, rule.score, score, ind=name, actual=num(score),
                        expected=num(rule.score), note=rule.note, diff=num(abs(score - rule.score)))
    # explanations
    if not is_blank(ind.reason.raw):
        return
    if rule is not None and rule.method == "forward" and rule.ratio is not None and rule.ratio >= policy.over_achievement:
        yield CODES("over-achievement-no-reason", ind.reason.where, policy.over_achievement, rule.ratio,
                    ind=name, ratio=pct(rule.ratio), limit=pct(policy.over_achievement))
    if weight is not None and 0 <= score < weight:
        yield CODES("deviation-reason-missing", ind.reason.where, weight, score, ind=name,
                    actual=num(score), expected=num(weight), diff=num(weight - score))


def _band(level: str, policy: ScoringPolicy) -> tuple[Decimal, Decimal]:
    full, partial = policy.qualitative_bands
    return {"full": (full, Decimal(1)), "partial": (partial, full), "poor": (Decimal(0), partial)}[level]


def _missing(ind, name: str, score: Decimal | None) -> Iterable[Finding]:
    target = parse_target(ind.target.raw)
    zero_target = isinstance(target, Target) and target.quantity is not None and target.quantity.value == 0
    if is_blank(ind.target.raw):
        yield CODES("indicator-no-target", ind.target.where, ind=name, what=_what(ind.target))
    elif is_blank(ind.actual.raw) and not (zero_target and ind.actual.raw is not None):
        yield CODES("indicator-no-actual", ind.actual.where, ind=name, what=_what(ind.actual))
    if score is not None and is_blank(ind.name.raw):
        yield CODES("indicator-no-name", ind.name.where, ind=name, score=num(score))


def _what(cell: Cell) -> str:
    return "为空" if not cell.text else f"为“{cell.text}”"
