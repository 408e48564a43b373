"""W1 of RULES.md §4: Σ三级分值 per 一级 = its cap; caps + 预算执行率分值 = 100; the split vs the
policy's default (info); blank or negative 分值."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..findings import Finding
from ..model import Department, Project
from ..policy import EXEC_KEY, ScoringPolicy
from ..values import parse_cap
from ._common import ERROR, INFO, WARNING, finding, indicator_label, num, read


def check(dept: Department, policy: ScoringPolicy) -> Iterable[Finding]:
    for proj in dept.projects:
        yield from _project(proj, policy)


def _project(proj: Project, policy: ScoringPolicy) -> Iterable[Finding]:
    rows = [ind for ind in proj.indicators if not ind.is_empty]
    for ind in rows:
        w, s = read(ind.weight, "score"), read(ind.score, "score")
        if w.value is None and not w.bad and s.value is not None:
            yield finding("weight-missing", ERROR, ind.weight.where, "W1", ind=indicator_label(ind),
                          score=num(s.value))
        elif w.value is not None and w.value < 0:
            yield finding("weight-negative", ERROR, ind.weight.where, "W1", Decimal(0), w.value,
                          ind=indicator_label(ind), actual=num(w.value))
    caps: dict[str, Decimal | None] = {}
    for lv in proj.level1s:
        cap = parse_cap(lv.label)
        caps.setdefault(lv.name, cap)
        if cap is None:
            yield finding("level1-cap-missing", WARNING, lv.where, "W1", label=" ".join(lv.label.split()))
            continue
        # a 不适用 indicator keeps its 分值 in the design (it is left out of the score, then rescaled)
        group = [ind for ind in rows if ind.level1 == lv.label]
        weights = [read(ind.weight, "score") for ind in group]
        if not group or any(w.bad for w in weights):
            continue
        total = sum((w.value for w in weights if w.value is not None), Decimal(0))
        blank = sum(1 for w in weights if w.value is None)
        if total != cap:
            yield finding("level1-weights-mismatch", ERROR, lv.where, "W1", cap, total, level1=lv.name,
                          expected=num(cap), actual=num(total), diff=num(abs(total - cap)),
                          blank=f"（{blank} 项分值为空）" if blank else "")
    exec_w = read(proj.fields["exec_weight"], "score")
    if not caps or any(c is None for c in caps.values()) or exec_w.bad:
        return
    total = sum(caps.values(), Decimal(0)) + (exec_w.value or Decimal(0))
    parts = [f"预算执行率 {num(exec_w.value) if exec_w.value is not None else '（空）'}"]
    parts += [f"{name} {num(cap)}" for name, cap in caps.items()]
    if total != 100:
        yield finding("weights-not-100", ERROR, proj.fields["exec_weight"].where, "W1", Decimal(100), total,
                      actual=num(total), formula=" + ".join(parts), diff=num(abs(total - 100)))
        return
    split = {EXEC_KEY: exec_w.value or Decimal(0), **caps}
    default = {k: v for k, v in policy.weights.items()}
    if split != default:
        yield finding("weights-nonstandard", INFO, proj.fields["exec_weight"].where, "W1",
                      "/".join(num(v) for v in default.values()), "/".join(num(v) for v in split.values()),
                      actual="、".join(f"{k} {num(v)}" for k, v in split.items()),
                      expected="、".join(f"{k} {num(v)}" for k, v in default.items()))
