"""The scoring rules of RULES.md §2, as pure functions on Decimals and parsed cell values.

Nothing here raises on data: an indicator that cannot be scored gets ``score=None`` and a Chinese
note saying why. Every [PROV]/[DEF] choice comes from a :class:`ScoringPolicy`.

Every function is total: raw cells go through the readers of :mod:`perfxl.core.values` (which refuse
absurd figures, see its limits), already parsed values (a :class:`Target`, a :class:`Quantity`, a
Decimal rate) are held to the same limits, and every score lies in [0, 分值], is finite and never a
negative zero. The one documented exception: :func:`grade` raises ValueError when given no number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from perfxl.core.findings import fmt
from perfxl.core.money import q
from perfxl.core.policy import DEFAULT_POLICY, LEVELS, ScoringPolicy
from perfxl.core.values import (
    MAX_TEXT_CHARS,
    Bad,
    convert,
    Quantity,
    Target,
    bounded,
    cell_kind_bad,
    is_blank,
    is_not_applicable,
    normalize_text,
    parse_actual,
    parse_target,
    qualitative_level,
    read_amount,
    read_plain_number,
    read_rate,
)

LEVEL_LABELS = {"full": "达成年度指标", "partial": "部分达成并具有一定效果", "poor": "未达成且效果较差"}
_NONE_PHRASES = ("无", "未发生", "没有", "零", "0")


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """The rule's score of one indicator.

    method: "forward", "reverse", "equal", "zero-target", "qualitative", "not-applicable" or
    "unscorable" (score None, ``note`` says why). ``ratio`` = actual/target for quantitative
    indicators (for over-achievement checks); ``level`` is the band of a qualitative indicator.
    """

    score: Decimal | None
    method: str
    note: str
    ratio: Decimal | None = None
    level: str | None = None
    exact: Decimal | None = None  # the score before rounding (a typed score is compared with it, RULES.md §4)
    met: bool = False  # qualitative and the actual says the target was reached (X8): the rule is the full 分值
    cause: str = ""  # why unscorable: weight, target, actual, no-target, no-actual, kind, unit, level


def _unscorable(note: str, cause: str = "") -> ScoreResult:
    return ScoreResult(None, "unscorable", note, cause=cause)


def read_number(raw: object) -> Decimal | None | Bad:
    """A plain number such as a 分值/得分/总分: 12, "12", "12分", "１２" → 12; blank → None."""
    if not isinstance(raw, str):
        if raw is None:
            return None
        bad = cell_kind_bad(raw, "分数")  # error values, dates, logicals, NaN
        return bad if bad is not None else read_plain_number(raw, "分数")
    if len(raw) > MAX_TEXT_CHARS:
        return Bad(f"内容过长（{len(raw)} 个字符，最多 {MAX_TEXT_CHARS} 个），无法识别为分数")
    if is_blank(raw):
        return None
    text = normalize_text(raw).replace(" ", "")
    if text.endswith("分") and len(text) > 1:
        text = text[:-1]
    if _SCORE_TEXT.fullmatch(text):
        digits = sum(ch.isdigit() for ch in text)
        if digits > 30:
            return Bad(f"数字位数过多（{digits} 位），无法识别为分数")
        return bounded(Decimal(text.replace(",", "")), "分数")
    return Bad(f"无法识别为分数：“{raw.strip()}”")


_SCORE_TEXT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")


def _usable(value: object) -> Decimal | Bad | None:
    """An already parsed number (a Decimal from a caller) held to the readers' limits."""
    if value is None or isinstance(value, Bad):
        return value
    if isinstance(value, Decimal):
        return bounded(value)
    return read_number(value)


def _checked_target(t: Target) -> Target | Bad:
    if t.quantity is None:
        return t
    v = bounded(t.quantity.value, "指标值") if isinstance(t.quantity.value, Decimal) else Bad("指标值不是数字")
    if isinstance(v, Bad):
        return v
    return t if v is t.quantity.value else Target(t.kind, Quantity(v, t.quantity.unit), t.phrase, t.text)


def _checked_quantity(a: Quantity) -> Quantity | Bad:
    v = bounded(a.value, "实际完成值") if isinstance(a.value, Decimal) else Bad("实际完成值不是数字")
    if isinstance(v, Bad):
        return v
    return a if v is a.value else Quantity(v, a.unit)


def _zero_target(t: Target) -> bool:
    return t.kind in ("reverse", "equal") and t.quantity is not None and t.quantity.value == 0


def _exact(value: Decimal, weight: Decimal) -> Decimal:
    return min(max(value, Decimal(0)), weight)


def _round(value: Decimal, weight: Decimal, policy: ScoringPolicy) -> Decimal:
    score = q(max(value, Decimal(0)), policy.score_places)
    return min(score, weight)


def _show(value: Decimal, unit: str | None) -> str:
    return f"{fmt(q(value, 6).normalize() if value != value.to_integral_value() else value)}{unit or ''}"


# --------------------------------------------------------------------------- 预算执行


def exec_rate(budget: object, executed: object) -> Decimal | None:
    """执行率 = executed / budget as a fraction; None when either is blank/unreadable or budget is 0."""
    b, e = read_amount(budget), read_amount(executed)
    if not isinstance(b, Decimal) or not isinstance(e, Decimal) or b == 0:
        return None
    rate = e / b  # both within the readers' limits: |rate| < 10^115, finite
    return rate.copy_abs() if rate.is_zero() else rate


def exec_score(rate: object, weight: object, policy: ScoringPolicy = DEFAULT_POLICY) -> Decimal | None:
    """预算执行得分 = weight × min(rate, 1), 0 below ``policy.exec_zero_below``; rounded by the policy."""
    r = _usable(rate) if isinstance(rate, Decimal) else read_rate(rate)
    w = _usable(weight)
    if not isinstance(r, Decimal) or not isinstance(w, Decimal) or w < 0:
        return None
    if policy.exec_zero_below is not None and r < policy.exec_zero_below:
        return _round(Decimal(0), w, policy)
    return _round(w * min(max(r, Decimal(0)), Decimal(1)), w, policy)


def exec_score_exact(rate: Decimal, weight: Decimal, policy: ScoringPolicy = DEFAULT_POLICY) -> Decimal | None:
    """预算执行得分 before rounding (for comparing a typed score at its printed precision)."""
    if weight < 0:
        return None
    if policy.exec_zero_below is not None and rate < policy.exec_zero_below:
        return Decimal(0)
    return weight * min(max(rate, Decimal(0)), Decimal(1))


def exec_rate_of(budget: object, executed: object) -> Decimal | Bad:
    """执行率 from what was typed, or a Bad saying why not (blank, unreadable, a zero budget)."""
    values = []
    for raw, label in ((budget, "全年预算数"), (executed, "全年执行数")):
        v = read_amount(raw)
        if isinstance(v, Bad):
            return Bad(f"{label}：{v.reason}")
        if v is None:
            return Bad(f"缺少{label}")
        values.append(v)
    b, e = values
    if b == 0:
        return Bad("全年预算数为 0，执行率无法计算")
    return e / b


def exec_score_of(budget: object, executed: object, weight: object,
                  policy: ScoringPolicy = DEFAULT_POLICY) -> Decimal | Bad:
    """预算执行得分 from what was typed (rate as in ``exec_rate_of``, at the template's 4 decimals)."""
    rate = exec_rate_of(budget, executed)
    if isinstance(rate, Bad):
        return rate
    w = read_number(weight)
    if not isinstance(w, Decimal):
        return w if isinstance(w, Bad) else Bad("缺少分值")
    score = exec_score(q(rate, 4), w, policy)
    return Bad(f"分值“{fmt(w)}”无效") if score is None else score


# --------------------------------------------------------------------------- indicators


def indicator_score(
    target: object, actual: object, weight: object, policy: ScoringPolicy = DEFAULT_POLICY
) -> ScoreResult:
    """Score one 三级指标 by RULES.md §2. ``target``/``actual`` may be raw cell values or parsed."""
    w = _usable(weight)
    if isinstance(w, Bad):
        return _unscorable(f"分值无法识别：{w.reason}", "weight")
    if w is None:
        return _unscorable("缺少分值", "weight")
    if w < 0:
        return _unscorable(f"分值为负数（{fmt(w)}）", "weight")
    t = target if isinstance(target, (Target, Bad)) or target is None else parse_target(target)
    a = actual if isinstance(actual, (Quantity, Bad)) or actual is None else parse_actual(actual)
    if isinstance(t, Target):
        t = _checked_target(t)
    if isinstance(a, Quantity):
        a = _checked_quantity(a)
    if isinstance(t, Bad):
        return _unscorable(f"指标值无法识别：{t.reason}", "target")
    if isinstance(a, Bad):
        return _unscorable(f"实际完成值无法识别：{a.reason}", "actual")
    if (t is not None and t.kind == "not-applicable") or (isinstance(a, str) and is_not_applicable(a)):
        return ScoreResult(None, "not-applicable", "指标不适用，不计分；总分按适用分值折算")
    if t is None:
        return _unscorable("缺少年度指标值", "no-target")
    if a is None and _zero_target(t) and isinstance(actual, str) and normalize_text(actual).startswith(_NONE_PHRASES):
        a = Quantity(Decimal(0), t.quantity.unit)  # "0投诉" against "无": none happened
    if a is None:
        return _unscorable("缺少实际完成值", "no-actual")
    if t.kind == "qualitative":
        return _qualitative(t, a, w, policy)
    tq = t.quantity
    if tq is None:
        return _unscorable(f"指标值“{t.text}”缺少数值，无法按公式计分")
    if isinstance(a, str):
        if tq.value == 0 and t.kind in ("reverse", "equal") and a.startswith(_NONE_PHRASES):
            a = Quantity(Decimal(0), tq.unit)
        else:
            return _unscorable(f"指标值“{t.text}”为数值，实际完成值“{a}”不是数值，无法按公式计分", "kind")
    aligned = _align(tq, a)
    if isinstance(aligned, Bad):
        return _unscorable(aligned.reason, "unit")
    tv, av, unit, unit_note = aligned
    result = _quantitative(t.kind, tv, av, unit, w, policy)
    if unit_note:
        result = ScoreResult(result.score, result.method, f"{unit_note}；{result.note}", result.ratio, result.level,
                             result.exact)
    return result


def _align(tq: Quantity, aq: Quantity) -> tuple[Decimal, Decimal, str | None, str] | Bad:
    """Both values in the target's unit: (target, actual, unit, note) or Bad when incomparable."""
    tu, au = tq.unit, aq.unit
    if tu == au:
        return tq.value, aq.value, tu, ""
    if tu is None or au is None:
        plain, unit = (aq, tu) if au is None else (tq, au)
        side = "实际完成值" if au is None else "指标值"
        other = tq if au is None else aq
        if unit == "%" and 0 < abs(plain.value) <= 1 and abs(other.value) > 1:
            return Bad(
                f"{side} {fmt(plain.value)} 未写单位，无法判断是 {fmt(plain.value)}% 还是 "
                f"{fmt(plain.value * 100)}%，请写明“%”"
            )
        return tq.value, aq.value, unit, f"{side}未写单位，按“{unit}”理解"
    converted = convert(aq, tu)
    if isinstance(converted, Bad):
        return Bad(f"单位不一致：指标值为“{tu}”，实际完成值为“{au}”，无法比较")
    return tq.value, converted, tu, f"实际完成值 {aq} 换算为 {_show(converted, tu)}"


def _quantitative(kind: str, tv: Decimal, av: Decimal, unit: str | None, w: Decimal, p: ScoringPolicy) -> ScoreResult:
    ts, as_ = _show(tv, unit), _show(av, unit)
    full = Decimal(1)
    if tv == 0:
        if kind == "forward":
            met = av >= 0
            note = "指标值为“≥0”，恒达成（指标无实际意义）" if met else f"实际完成值 {as_} 低于 0，得 0 分"
        else:
            met = av <= 0 if kind == "reverse" else av == 0
            note = f"零目标：实际完成值为 {as_}，" + ("得满分" if met else "未达到零目标，得 0 分")
        value = w if met else Decimal(0)
        return ScoreResult(_round(value, w, p), "zero-target", note, exact=value)
    if tv < 0:
        return _unscorable(f"指标值 {ts} 为负数，无法按比例计分", "target")
    ratio = av / tv
    if kind == "forward":
        if av >= tv:
            fraction, note = full, f"实际完成值 {as_} 达到指标值 {ts}，得满分"
            if ratio >= p.over_achievement:
                note += f"；完成值为指标值的 {fmt(q(ratio * 100, 2))}%，超额较多，应分析原因（不自动扣分）"
        else:
            fraction = max(av, Decimal(0)) / tv
            note = f"实际完成值 {as_} 低于指标值 {ts}，按 {as_}/{ts} 计分"
    elif kind == "reverse":
        if av <= tv:
            fraction, note = full, f"实际完成值 {as_} 未超过指标值 {ts}，得满分"
        else:
            fraction = tv / av
            note = f"实际完成值 {as_} 超过指标值 {ts}，按 {ts}/{as_} 计分"
    elif kind == "equal":
        if abs(av - tv) <= p.equality_tolerance * abs(tv):
            fraction, note = full, f"实际完成值 {as_} 等于指标值 {ts}，得满分"
        elif ratio <= 0:
            fraction, note = Decimal(0), f"实际完成值 {as_} 与指标值 {ts} 相差过大，得 0 分"
        else:
            fraction = min(ratio, 1 / ratio)
            note = f"实际完成值 {as_} 不等于指标值 {ts}，按两者之比（较小/较大）计分"
    else:
        return _unscorable(f"未知的指标类型：{kind}")
    return ScoreResult(_round(w * fraction, w, p), kind, note, ratio, exact=_exact(w * fraction, w))


def _qualitative(t: Target, a: Quantity | str, w: Decimal, p: ScoringPolicy) -> ScoreResult:
    if isinstance(a, Quantity):
        return _unscorable(f"指标值“{t.text}”为定性描述，实际完成值 {a} 为数值，无法自动判断档次", "kind")
    target_level = qualitative_level(t.phrase)
    met = False
    if _same_phrase(t.phrase, a):
        level, how, met = "full", f"实际完成情况“{a}”与指标值一致，", True
    elif target_level not in ("partial", "poor") and _compact_phrase(a) in ACHIEVED:
        level, how, met = "full", f"实际完成情况“{a}”表明已达成指标值，", True
    elif target_level in ("partial", "poor"):
        return _unscorable(f"指标值“{t.text}”不是达成类表述，实际完成情况“{a}”与之不同，无法自动判断档次", "level")
    else:
        level = qualitative_level(a)
        if level is None:
            return _unscorable(f"无法判断实际完成情况“{a}”属于哪一档，请按评分标准人工打分", "level")
        how = f"实际完成情况“{a}”"
    fraction = p.level_default(level)
    note = f"{how}属于“{LEVEL_LABELS[level]}”档，按分值的 {fmt(q(fraction * 100, 2))}% 计分"
    return ScoreResult(_round(w * fraction, w, p), "qualitative", note, None, level, _exact(w * fraction, w), met)


# an actual that says, and only says, that the target was reached (X8)
ACHIEVED = frozenset({
    "完成", "已完成", "全部完成", "按时完成", "按期完成", "如期完成", "保质保量完成", "达成", "已达成", "全部达成",
    "达到", "已达到", "实现", "已实现", "全部实现", "达标", "已达标", "达成预期指标", "达成年度指标", "达到预期",
    "达到预期目标", "达到预期效果", "完成年度目标", "实现预期目标", "是", "有",
})


def _compact_phrase(s: str) -> str:
    return normalize_text(s).replace(" ", "").rstrip("。.；;")


def _same_phrase(a: str, b: str) -> bool:
    return _compact_phrase(a) == _compact_phrase(b)


# --------------------------------------------------------------------------- bands, totals, grades


def band_of(score: object, weight: object, policy: ScoringPolicy = DEFAULT_POLICY) -> str | None:
    """The qualitative band of a typed score: "full" (≥80% of 分值), "partial" (≥60%) or "poor".

    None when the score or weight is missing/unreadable or the weight is not positive.
    """
    s, w = _usable(score), _usable(weight)
    if not isinstance(s, Decimal) or not isinstance(w, Decimal) or w <= 0:
        return None
    fraction = s / w
    full, partial = policy.qualitative_bands
    if fraction >= full:
        return "full"
    if fraction >= partial:
        return "partial"
    return "poor"


def score_in_band(level: str, score: object, weight: object, policy: ScoringPolicy = DEFAULT_POLICY) -> bool:
    """Whether a typed score falls inside the band of ``level`` ("full"/"partial"/"poor")."""
    if level not in LEVELS:
        raise ValueError(f"未知的档次：{level!r}（应为 {'、'.join(LEVELS)}）")
    return band_of(score, weight, policy) == level


def rescaled_total(
    scores: Iterable[Decimal | None], applicable_weights: Iterable[Decimal], policy: ScoringPolicy = DEFAULT_POLICY
) -> Decimal | None:
    """With 不适用 indicators left out: Σ得分 / Σ适用分值 × 100 (None when Σ适用分值 is 0).

    ``scores`` and ``applicable_weights`` cover the applicable items only (including the 预算执行 row).
    When ``policy.not_applicable_rescale`` is off, this is the plain sum of the scores.
    """
    total, weight = Decimal(0), Decimal(0)
    for s in scores:
        value = _usable(s)
        if isinstance(value, Bad):
            return None  # a score that is not a number: no total
        total += value or 0
    for w in applicable_weights:
        value = _usable(w)
        if not isinstance(value, Decimal):
            return None  # an applicable weight must be a number
        weight += value
    if not policy.not_applicable_rescale:
        return q(total, policy.score_places)
    if weight <= 0:
        return None
    return q(total / weight * 100, policy.score_places)


def grade(total: object, policy: ScoringPolicy = DEFAULT_POLICY) -> str:
    """优/良/中/差 on the total as printed (rounded to ``policy.total_places``, half up)."""
    value = read_number(total)
    if not isinstance(value, Decimal):
        reason = value.reason if isinstance(value, Bad) else "总分为空"
        raise ValueError(reason)
    printed = q(value, policy.total_places)
    for edge, label in policy.grade_bands:
        if printed >= edge:
            return label
    return policy.grade_below


__all__ = [
    "ScoreResult",
    "LEVEL_LABELS",
    "band_of",
    "exec_rate",
    "exec_rate_of",
    "exec_score",
    "exec_score_of",
    "grade",
    "indicator_score",
    "read_number",
    "rescaled_total",
    "score_in_band",
]
