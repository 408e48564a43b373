"""W1 of RULES.md §4: Σ三级分值 per 一级 = its cap; caps + 预算执行率分值 = 100; the split vs the
policy's default (info); blank or negative 分值."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..display import num
from ..evaluate import Evaluation, ProjectEval, is_bad
from ..evaluate import num as number
from ..findings import ERROR, INFO, WARNING, Code, Family, Finding
from ..policy import EXEC_KEY
from ..values import parse_cap
from ._common import indicator_label

CODES = Family(
    "weights", "权重（分值）",
    Code("weight-missing", ERROR, "W1", "{ind}的分值为空，得分 {score} 无法与分值核对。",
         "指标有得分但分值为空。", "填写该指标的分值（同一一级指标下三级分值之和应等于一级指标分值）。"),
    Code("weight-negative", ERROR, "W1", "{ind}的分值为负数（{actual}）。", "指标分值为负数。", "改正分值。"),
    Code("level1-cap-missing", WARNING, "W1", "一级指标“{label}”未注明分值（如“产出指标(50分)”），无法核对三级指标分值。",
         "一级指标表头没有注明分值，三级指标分值无从核对。", "在一级指标名称后注明分值，如“产出指标(50分)”。"),
    Code("level1-weights-mismatch", ERROR, "W1",
         "{level1}下三级指标分值合计应为 {expected}（一级指标分值），实为 {actual}{blank}，相差 {diff}。",
         "同一一级指标下三级指标分值之和不等于一级指标表头注明的分值。", "调整三级指标分值，使其合计等于一级指标分值。"),
    Code("weights-not-100", ERROR, "W1", "一级指标分值与预算执行率分值之和应为 100，实为 {actual}（{formula}），相差 {diff}。",
         "预算执行率分值与各一级指标分值之和不是 100。", "调整一级指标分值或预算执行率分值，使合计为 100。"),
    Code("weights-nonstandard", INFO, "W1", "权重划分为 {actual}，与默认的 {expected} 不同（如有特殊情况可调整，请确认）。",
         "权重划分与评分设置中的默认划分（国家：10/50/30/10）不同；“如有特殊情况，一级指标权重可做适当调整”。",
         "确认权重调整有依据；本地规则不同时，用评分设置（perfxl policy）写明本地权重。"),
)


def check(ev: Evaluation) -> Iterable[Finding]:
    for pe in ev.projects:
        yield from _rows(pe)
        yield from _caps(pe, ev)


def _rows(pe: ProjectEval) -> Iterable[Finding]:
    for row in pe.rows:
        w, s = number(row.weight), number(row.score)
        if row.weight is None and s is not None:
            yield CODES("weight-missing", row.ind.weight.where, ind=indicator_label(row.ind), score=num(s))
        elif w is not None and w < 0:
            yield CODES("weight-negative", row.ind.weight.where, Decimal(0), w, ind=indicator_label(row.ind),
                        actual=num(w))


def _caps(pe: ProjectEval, ev: Evaluation) -> Iterable[Finding]:
    for lv in pe.project.level1s:
        cap = parse_cap(lv.label)
        if cap is None:
            yield CODES("level1-cap-missing", lv.where, label=" ".join(lv.label.split()))
            continue
        # a 不适用 indicator keeps its 分值 in the design (it is left out of the score, then rescaled)
        group = [r for r in pe.rows if r.ind.level1 == lv.label]
        if not group or any(is_bad(r.weight) for r in group):
            continue
        weights = [number(r.weight) for r in group]
        total = sum((w for w in weights if w is not None), Decimal(0))
        blank = sum(1 for w in weights if w is None)
        if total != cap:
            yield CODES("level1-weights-mismatch", lv.where, cap, total, level1=lv.name, expected=num(cap),
                        actual=num(total), diff=num(abs(total - cap)), blank=f"（{blank} 项分值为空）" if blank else "")
    exec_v = pe.value("exec_weight")
    caps = pe.caps
    if not caps or any(c is None for c in caps.values()) or is_bad(exec_v):
        return
    exec_w = number(exec_v)
    total = sum(caps.values(), Decimal(0)) + (exec_w or Decimal(0))
    parts = [f"预算执行率 {num(exec_w) if exec_w is not None else '（空）'}"]
    parts += [f"{name} {num(cap)}" for name, cap in caps.items()]
    where = pe.cell("exec_weight").where
    if total != 100:
        yield CODES("weights-not-100", where, Decimal(100), total, actual=num(total), formula=" + ".join(parts),
                    diff=num(abs(total - 100)))
        return
    split = {EXEC_KEY: exec_w or Decimal(0), **caps}
    default = dict(ev.policy.weights)
    if split != default:
        yield CODES("weights-nonstandard", where, "/".join(num(v) for v in default.values()),
                    "/".join(num(v) for v in split.values()),
                    actual="、".join(f"{k} {num(v)}" for k, v in split.items()),
                    expected="、".join(f"{k} {num(v)}" for k, v in default.items()))
