"""S1, S2 and S4 of RULES.md §4 on each 三级指标, plus the explanations §2 asks for: 0 ≤ 得分 ≤ 分值;
typed 得分 vs the rule's score (qualitative: vs its band); a score without target/actual/name;
over-achievement or a lost point with no 偏差原因."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..derive import figures
from ..findings import Finding
from ..model import Department, Indicator
from ..money import q
from ..policy import LEVELS, ScoringPolicy
from ..scoring import LEVEL_LABELS, score_in_band
from ..values import Target, is_blank, is_not_applicable, parse_target
from ._common import ERROR, WARNING, finding, indicator_label, num, pct, read, score_tol


def check(dept: Department, policy: ScoringPolicy) -> Iterable[Finding]:
    for proj in dept.projects:
        fig = figures(proj, policy)
        for ind in fig.rows:
            yield from _indicator(ind, fig.rule_scores.get(id(ind)), policy)


def _indicator(ind: Indicator, rule, policy: ScoringPolicy) -> Iterable[Finding]:
    if is_not_applicable(ind.target.raw) or is_not_applicable(ind.score.raw):
        return
    w, s = read(ind.weight, "score"), read(ind.score, "score")
    if w.bad or s.bad:
        return
    name = indicator_label(ind)
    weight, score = w.value, s.value
    if score is None:
        if weight is not None:
            yield finding("score-missing", WARNING, ind.score.where, "S1", weight=num(weight), ind=name)
            yield from _missing(ind, name, None)
        return
    # S1
    if score < 0:
        yield finding("score-negative", ERROR, ind.score.where, "S1", Decimal(0), score, ind=name,
                      actual=num(score), weight=num(weight))
    elif weight is not None and score > weight:
        yield finding("score-over-weight", ERROR, ind.score.where, "S1", weight, score, ind=name,
                      actual=num(score), expected=num(weight), diff=num(score - weight))
    # S4 and a nameless indicator
    yield from _missing(ind, name, score)
    # S2
    if rule is not None and rule.score is not None and weight is not None and weight > 0 and 0 <= score <= weight:
        if rule.method == "qualitative" and rule.level in LEVELS:
            if not score_in_band(rule.level, score, weight, policy):
                low, high = _band(rule.level, policy)
                yield finding("score-outside-band", WARNING, ind.score.where, "S2", rule.score, score, ind=name,
                              band=LEVEL_LABELS[rule.level], low=pct(low), high=pct(high),
                              lo_score=num(q(low * weight, 2)), hi_score=num(q(high * weight, 2)), actual=num(score))
        elif abs(score - rule.score) > score_tol(policy):
            yield finding("score-differs-from-rule", WARNING, ind.score.where, "S2", rule.score, score, ind=name,
                          actual=num(score), expected=num(rule.score), note=rule.note, diff=num(abs(score - rule.score)))
    # explanations
    if not is_blank(ind.reason.raw):
        return
    if rule is not None and rule.method == "forward" and rule.ratio is not None and rule.ratio >= policy.over_achievement:
        yield finding("over-achievement-no-reason", WARNING, ind.reason.where, "", policy.over_achievement, rule.ratio,
                      ind=name, ratio=pct(rule.ratio), limit=pct(policy.over_achievement))
    if weight is not None and 0 <= score < weight:
        yield finding("deviation-reason-missing", WARNING, ind.reason.where, "", weight, score, ind=name,
                      actual=num(score), expected=num(weight), diff=num(weight - score))


def _band(level: str, policy: ScoringPolicy) -> tuple[Decimal, Decimal]:
    full, partial = policy.qualitative_bands
    return {"full": (full, Decimal(1)), "partial": (partial, full), "poor": (Decimal(0), partial)}[level]


def _missing(ind: Indicator, name: str, score: Decimal | None) -> Iterable[Finding]:
    target = parse_target(ind.target.raw)
    zero_target = isinstance(target, Target) and target.quantity is not None and target.quantity.value == 0
    if is_blank(ind.target.raw):
        yield finding("indicator-no-target", WARNING, ind.target.where, "S4", ind=name, what=_what(ind.target))
    elif is_blank(ind.actual.raw) and not (zero_target and ind.actual.raw is not None):
        yield finding("indicator-no-actual", WARNING, ind.actual.where, "S4", ind=name, what=_what(ind.actual))
    if score is not None and is_blank(ind.name.raw):
        yield finding("indicator-no-name", WARNING, ind.name.where, "S4", ind=name, score=num(score))


def _what(f) -> str:
    return "为空" if not f.text else f"为“{f.text}”"
