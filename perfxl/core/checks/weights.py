"""W1 and X5 of RULES.md §4: Σ三级分值 per 一级 = its cap; caps + 预算执行率分值 = 100 (also when no header
carries a cap: 预算执行率分值 + Σ三级分值 = 100); the split vs the policy's default (info); blank or negative
分值. Blank is not zero: a sum with blank members is only an error when its stated members already exceed
what it should be; a table whose 分值 column is blank throughout is one warning, not one error per row; a
分值 typed once for a 二级 group (the form scores per 二级指标) is not missing on the group's other rows;
the 一级 caps of an indicator block nobody typed into are the template's, not the user's."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..display import num
from ..evaluate import Evaluation, ProjectEval, Row, is_bad
from ..evaluate import num as number
from ..findings import ERROR, INFO, WARNING, Code, Family, Finding
from ..policy import EXEC_KEY
from ..values import parse_cap
from ._common import indicator_label

CODES = Family(
    "weights", "权重（分值）",
    Code("weight-missing", ERROR, "W1", "{ind}的分值为空，得分 {score} 无法与分值核对。",
         "表中其他指标都有分值，这一项有得分却没有分值。", "填写该指标的分值（同一一级指标下三级分值之和应等于一级指标分值）。"),
    Code("weights-not-stated", WARNING, "W1",
         "本表各三级指标均未填分值（得分合计 {total}），无法核对得分与分值、分值与一级指标分值（{cells}）。",
         "整张表的分值列都是空的：或是漏填，或是本地表样不设分值列。",
         "填写各指标分值；若本地表样不设分值列，请在评分设置中选用相应表样（perfxl policy --preset）。"),
    Code("weight-negative", ERROR, "W1", "{ind}的分值为负数（{actual}）。", "指标分值为负数。", "改正分值。"),
    Code("level1-cap-missing", WARNING, "W1", "一级指标“{label}”未注明分值（如“产出指标(50分)”），无法核对三级指标分值。",
         "一级指标表头没有注明分值，三级指标分值无从核对。", "在一级指标名称后注明分值，如“产出指标(50分)”。"),
    Code("level1-weights-mismatch", ERROR, "W1",
         "{level1}下三级指标分值合计应为 {expected}（一级指标分值），实为 {actual}{blank}，相差 {diff}。",
         "同一一级指标下三级指标分值之和不等于一级指标表头注明的分值。", "调整三级指标分值，使其合计等于一级指标分值。"),
    Code("weights-not-100", ERROR, "W1", "一级指标分值与预算执行率分值之和应为 100，实为 {actual}（{formula}），相差 {diff}。",
         "预算执行率分值与各一级指标分值之和不是 100。", "调整一级指标分值或预算执行率分值，使合计为 100。"),
    Code("weights-total-not-100", ERROR, "X5", "预算执行率分值与各三级指标分值之和应为 100，实为 {actual}（{formula}），相差 {diff}。",
         "一级指标表头没有注明分值时，预算执行率分值加各三级指标分值仍应为 100（总分的分值）。",
         "调整三级指标分值或预算执行率分值，使合计为 100。"),
    Code("exec-weight-unusual", WARNING, "X5", "预算执行率分值为 {actual}，不在通常的 {low}–{high} 分之内，请核实。",
         "预算执行率分值超出评分设置认可的范围（国家默认 10 分，有的地方 20 分）。",
         "核实预算执行率分值；本地规则不同时在评分设置中调整 exec_weight_range。"),
    Code("weights-nonstandard", INFO, "W1", "权重划分为 {actual}，与默认的 {expected} 不同（如有特殊情况可调整，请确认）。",
         "权重划分与评分设置中的默认划分（国家：10/50/30/10）不同；“如有特殊情况，一级指标权重可做适当调整”。",
         "确认权重调整有依据；本地规则不同时，用评分设置（perfxl policy）写明本地权重。"),
)


def check(ev: Evaluation) -> Iterable[Finding]:
    for pe in ev.projects:
        yield from _rows(pe)
        yield from _exec_weight(pe, ev)
        if pe.rows:  # an empty indicator block: its caps are the template's, not the user's
            yield from _caps(pe, ev)


def group_weighted(pe: ProjectEval) -> set[int]:
    """Rows (by index) whose blank 分值 belongs to a 分值 typed once for their 二级 group (per-二级 scoring):
    in a run of rows of one 二级, the first has the 分值 and none of the others has one."""
    out: set[int] = set()
    start = 0
    rows = pe.rows
    while start < len(rows):
        end = start + 1
        while end < len(rows) and rows[end].ind.level2 == rows[start].ind.level2:
            end += 1
        group = rows[start:end]
        if len(group) > 1 and number(group[0].weight) is not None and all(r.weight is None for r in group[1:]):
            out.update(range(start + 1, end))
        start = end
    return out


def _rows(pe: ProjectEval) -> Iterable[Finding]:
    scored = [r for r in pe.rows if number(r.score) is not None and not r.not_applicable]
    if scored and all(r.weight is None for r in pe.rows):
        total = sum((number(r.score) for r in scored), Decimal(0))
        cells = "、".join(r.ind.weight.where.cell for r in scored)
        yield CODES("weights-not-stated", scored[0].ind.weight.where, None, total, total=num(total), cells=cells)
        return
    grouped = group_weighted(pe)
    for i, row in enumerate(pe.rows):
        w, s = number(row.weight), number(row.score)
        if row.weight is None and s is not None and i not in grouped:
            yield CODES("weight-missing", row.ind.weight.where, ind=indicator_label(row.ind), score=num(s))
        elif w is not None and w < 0:
            yield CODES("weight-negative", row.ind.weight.where, Decimal(0), w, ind=indicator_label(row.ind),
                        actual=num(w))


def _exec_weight(pe: ProjectEval, ev: Evaluation) -> Iterable[Finding]:
    w = pe.exec_weight
    low, high = ev.policy.exec_weight_range
    if w is not None and not low <= w <= high:
        yield CODES("exec-weight-unusual", pe.cell("exec_weight").where, None, w, actual=num(w), low=num(low),
                    high=num(high))


def _group_total(group: list[Row]) -> tuple[Decimal, int]:
    weights = [number(r.weight) for r in group]
    return sum((w for w in weights if w is not None), Decimal(0)), sum(1 for w in weights if w is None)


def _caps(pe: ProjectEval, ev: Evaluation) -> Iterable[Finding]:
    grouped = group_weighted(pe)
    stated = [r for i, r in enumerate(pe.rows) if i not in grouped]
    for lv in pe.project.level1s:
        cap = parse_cap(lv.label)
        if cap is None:
            yield CODES("level1-cap-missing", lv.where, label=" ".join(lv.label.split()))
            continue
        # a 不适用 indicator keeps its 分值 in the design (it is left out of the score, then rescaled)
        group = [r for r in stated if r.ind.level1 == lv.label]
        if not group or any(is_bad(r.weight) for r in group):
            continue
        total, blank = _group_total(group)
        if total != cap and (not blank or total > cap):  # blank is not zero: only an excess is sure
            yield CODES("level1-weights-mismatch", lv.where, cap, total, level1=lv.name, expected=num(cap),
                        actual=num(total), diff=num(abs(total - cap)), blank=f"（{blank} 项分值为空）" if blank else "")
    exec_v = pe.value("exec_weight")
    if is_bad(exec_v) or exec_v is None:
        return  # a blank 预算执行率分值 is its own finding (funds); the 100 cannot be checked without it
    exec_w = number(exec_v)
    caps = pe.caps
    if caps and all(c is not None for c in caps.values()):
        yield from _caps_total(pe, ev, caps, exec_w)
    elif not caps or all(c is None for c in caps.values()):
        yield from _rows_total(pe, stated, exec_w)


def _caps_total(pe: ProjectEval, ev: Evaluation, caps: dict, exec_w: Decimal) -> Iterable[Finding]:
    total = sum(caps.values(), Decimal(0)) + exec_w
    parts = [f"预算执行率 {num(exec_w)}"] + [f"{name} {num(cap)}" for name, cap in caps.items()]
    where = pe.cell("exec_weight").where
    if total != 100:
        yield CODES("weights-not-100", where, Decimal(100), total, actual=num(total), formula=" + ".join(parts),
                    diff=num(abs(total - 100)))
        return
    split = {EXEC_KEY: exec_w, **caps}
    default = dict(ev.policy.weights)
    if split != default:
        yield CODES("weights-nonstandard", where, "/".join(num(v) for v in default.values()),
                    "/".join(num(v) for v in split.values()),
                    actual="、".join(f"{k} {num(v)}" for k, v in split.items()),
                    expected="、".join(f"{k} {num(v)}" for k, v in default.items()))


def _rows_total(pe: ProjectEval, rows: list[Row], exec_w: Decimal) -> Iterable[Finding]:
    """X5: no header carries a cap, so the 100 is checked on the 三级 分值 themselves."""
    if not rows or any(is_bad(r.weight) for r in rows):
        return
    total, blank = _group_total(rows)
    total += exec_w
    if total == 100 or (blank and total < 100):
        return
    formula = f"预算执行率 {num(exec_w)} + 三级指标分值合计 {num(total - exec_w)}" + (f"（{blank} 项为空）" if blank else "")
    yield CODES("weights-total-not-100", pe.cell("exec_weight").where, Decimal(100), total, actual=num(total),
                formula=formula, diff=num(abs(total - 100)))
