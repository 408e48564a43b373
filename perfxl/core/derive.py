"""Derived values: what perfxl writes into the template's derived (locked, blue) cells.

``derive(dept)`` recomputes every derived cell from the input cells. A value that cannot be
computed (a blank or unreadable input, a zero denominator) is ``None``; the checks say why.
"""
from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal

from . import scoring
from ..template import layout as L
from .model import Department, Derived, Field, Project
from .money import q, q2
from .policy import DEFAULT_POLICY, ScoringPolicy
from .values import Bad, is_not_applicable, parse_cap, read_amount

_MONEY_KEYS = tuple(c.key for c in L.FIN_CELLS if c.type == L.MONEY)
RATE_PLACES = 4  # a rate is kept as a fraction with 4 decimals: 0.8904 = 89.04%
FMT_MONEY, FMT_RATE, FMT_SCORE = "#,##0.00", "0.00%", "0.00"


def amount(f: Field | None) -> Decimal | None:
    """An amount in 万元, or None when blank or unreadable (the checks report unreadable cells)."""
    if f is None:
        return None
    v = read_amount(f.raw)
    return None if v is None or isinstance(v, Bad) else v


def number(f: Field | None) -> Decimal | None:
    """A plain number (分值, 得分: 12, "12分", "１２"), or None when blank or unreadable."""
    if f is None:
        return None
    v = scoring.read_number(f.raw)
    return None if v is None or isinstance(v, Bad) else v


def share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or whole is None or whole == 0:
        return None
    return q(part / whole, RATE_PLACES)


def _diff(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else q2(a - b)


def derive(dept: Department, policy: ScoringPolicy = DEFAULT_POLICY) -> list[Derived]:
    out: list[Derived] = []
    g = dept.fields.get

    def put(key: str, value, fmt: str) -> None:
        f = g(key)
        if f is not None:
            out.append(Derived(key, f.where, value, fmt))

    a = {k: amount(g(k)) for k in _MONEY_KEYS}  # only amounts: narrative cells are never parsed
    put("final_income_increase", _diff(a.get("final_income_total"), a.get("budget_income_total")), FMT_MONEY)
    total = a.get("final_expense_total")
    for part in ("basic", "project", "personnel", "public"):
        put(f"final_{part}_share", share(a.get(f"final_{part}"), total), FMT_RATE)
    for item in ("total", "abroad", "car", "reception"):
        put(f"sangong_diff_{item}", _diff(a.get(f"sangong_final_{item}"), a.get(f"sangong_budget_{item}")), FMT_MONEY)
    put("net_assets", _diff(a.get("assets_total"), a.get("liabilities_total")), FMT_MONEY)
    for proj in dept.projects:
        out.extend(derive_project(proj, policy))
    return out


class ProjectFigures:
    """The recomputed figures of one project sheet, shared by derive and the checks."""

    def __init__(self, proj: Project, policy: ScoringPolicy = DEFAULT_POLICY):
        self.policy = policy
        f = proj.fields
        self.budget = amount(f["fund_total_full_year"])
        self.executed = amount(f["fund_total_executed"])
        self.exec_weight = number(f["exec_weight"])
        self.exec_rate = scoring.exec_rate(self.budget, self.executed)
        if self.exec_rate is not None:
            self.exec_rate = q(self.exec_rate, RATE_PLACES)
        self.exec_score = (scoring.exec_score(self.exec_rate, self.exec_weight, policy)
                           if self.exec_rate is not None and self.exec_weight is not None else None)
        self.rows = [ind for ind in proj.indicators if not ind.is_empty]
        self.caps: dict[str, Decimal | None] = {}
        for lv in proj.level1s:
            self.caps.setdefault(lv.name, parse_cap(lv.label))
        self.rule_scores = {}
        for ind in self.rows:
            w = number(ind.weight)
            if w is None:
                self.rule_scores[id(ind)] = None
                continue
            res = scoring.indicator_score(ind.target.raw, ind.actual.raw, w, policy)
            self.rule_scores[id(ind)] = res
        na = [ind for ind in self.rows if is_not_applicable(ind.target.raw) or is_not_applicable(ind.score.raw)]
        applicable = [ind for ind in self.rows if ind not in na]
        scores = [number(ind.score) for ind in applicable]
        self.typed_sum = sum((s for s in scores if s is not None), Decimal(0))
        self.any_score = any(s is not None for s in scores)
        caps = list(self.caps.values())
        if caps and all(c is not None for c in caps):
            weights_total = sum(caps, Decimal(0))
        else:
            ws = [number(ind.weight) for ind in self.rows]
            weights_total = sum((w for w in ws if w is not None), Decimal(0)) if any(w is not None for w in ws) else None
        self.total_weight = (None if weights_total is None and self.exec_weight is None
                             else q2((weights_total or 0) + (self.exec_weight or 0)))
        if self.exec_score is None:
            self.total = None
        else:
            total = self.exec_score + self.typed_sum
            if na and policy.not_applicable_rescale:
                applicable_w = [self.exec_weight or Decimal(0), *(number(i.weight) or Decimal(0) for i in applicable)]
                total = scoring.rescaled_total([self.exec_score, *scores], applicable_w, policy)
            self.total = q(total, policy.score_places) if total is not None else None
        self.grade = scoring.grade(self.total, policy) if self.total is not None else None

    def rule_score(self, ind):
        res = self.rule_scores.get(id(ind))
        return None if res is None else res.score


# While a department is checked and summarised, every family asks for the same project figures;
# inside ``cached_figures()`` they are computed once per project (per process: not thread-safe).
_cache: dict[int, tuple[Project, ScoringPolicy, ProjectFigures]] | None = None


@contextmanager
def cached_figures():
    global _cache
    outer = _cache
    if outer is None:
        _cache = {}
    try:
        yield
    finally:
        if outer is None:
            _cache = None


def figures(proj: Project, policy: ScoringPolicy = DEFAULT_POLICY) -> ProjectFigures:
    """The project's recomputed figures; memoised inside ``cached_figures()``."""
    if _cache is None:
        return ProjectFigures(proj, policy)
    hit = _cache.get(id(proj))
    if hit is not None and hit[0] is proj and (hit[1] is policy or hit[1] == policy):
        return hit[2]
    fig = ProjectFigures(proj, policy)
    _cache[id(proj)] = (proj, policy, fig)
    return fig


def derive_project(proj: Project, policy: ScoringPolicy = DEFAULT_POLICY) -> list[Derived]:
    fig = figures(proj, policy)
    f = proj.fields
    out = [
        Derived("exec_rate", f["exec_rate"].where, fig.exec_rate, FMT_RATE),
        Derived("exec_score", f["exec_score"].where, fig.exec_score, FMT_SCORE),
        Derived("total_weight", f["total_weight"].where, fig.total_weight, FMT_SCORE),
        Derived("total_score", f["total_score"].where, fig.total, FMT_SCORE),
        Derived("grade", f["grade"].where, fig.grade, ""),
    ]
    for ind in fig.rows:
        out.append(Derived("rule_score", ind.rule_score.where, fig.rule_score(ind), FMT_SCORE))
    return out
