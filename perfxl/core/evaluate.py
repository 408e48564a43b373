"""One evaluation per department: every cell parsed once, every project's figures and every derived
value computed once. The check families, the derived cells, the summary record and the report are
all pure functions of the :class:`Evaluation` — nothing is shared through module state.

    ev = evaluate(dept, policy)
    ev.findings      # every family's findings, errors first
    ev.derived       # what perfxl writes into the derived (blue) cells
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import scoring
from .fields import DEPARTMENT_FIELDS, INT, MONEY, PROJECT_FIELDS, RATE, SCORE, YEAR
from .findings import Finding
from .model import Cell, Department, Derived, Indicator, Project
from .money import q
from .policy import DEFAULT_POLICY, ScoringPolicy
from .values import Bad, is_not_applicable, parse_cap, read_amount, read_int, read_rate

Value = Decimal | int | None | Bad  # a parsed cell: a number, None for blank, Bad when unreadable
RATE_PLACES = 4  # a rate is kept as a fraction with 4 decimals: 0.8904 = 89.04%

# what a user types into a project sheet (the template's own defaults — 预算执行率分值 10, the 一级 and
# 二级 labels, the unit written as 主管部门 by add-project — are not the user's statements)
TYPED_KEYS = tuple(k for k, f in PROJECT_FIELDS.items()
                   if not f.derived and k not in ("exec_weight", "competent_dept"))
FILED_KEYS = ("exec_rate", "total_score", "total_weight", "grade")
# a blank total that its own stated parts determine (blank is not zero: RULES.md §4)
DERIVABLE = {
    "budget_income_total": ("budget_income_general", "budget_income_fund", "budget_income_other"),
    "budget_expense_total": ("budget_basic", "budget_project"),
    "budget_basic": ("budget_basic_salary", "budget_basic_goods", "budget_basic_subsidy"),
    "final_expense_total": ("final_basic", "final_project"),
    "final_basic": ("final_personnel", "final_public"),
    "sangong_budget_total": ("sangong_budget_abroad", "sangong_budget_car", "sangong_budget_reception"),
    "sangong_final_total": ("sangong_final_abroad", "sangong_final_car", "sangong_final_reception"),
    "procurement_total": ("procurement_goods", "procurement_works", "procurement_services"),
}


def is_blank_raw(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())

READERS = {MONEY: read_amount, RATE: read_rate, INT: read_int, YEAR: read_int, SCORE: scoring.read_number}


def parse(cell: Cell | None, type_: str) -> Value:
    """The cell read as its field type (text fields: None — they are never parsed as numbers)."""
    if cell is None:
        return None
    reader = READERS.get(type_)
    return None if reader is None else reader(cell.raw)


def num(value: Value) -> Decimal | None:
    """A parsed value as a number, None when blank or unreadable (the cells family reports those)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return None


def is_bad(value: Value) -> bool:
    return isinstance(value, Bad)


@dataclass(slots=True)
class Row:
    """One 三级指标 row with something typed, read once."""

    ind: Indicator
    weight: Value
    score: Value
    not_applicable: bool  # 不适用: left out of the score, the total rescaled
    rule: scoring.ScoreResult | None  # the rule's score; None when the row has no usable 分值

    @property
    def rule_score(self) -> Decimal | None:
        return None if self.rule is None else self.rule.score


class ProjectEval:
    """One 项目自评表, evaluated: its parsed cells, the recomputed 执行率, scores, total and grade."""

    def __init__(self, proj: Project, policy: ScoringPolicy = DEFAULT_POLICY):
        self.project = proj
        self.policy = policy
        self.values: dict[str, Value] = {k: parse(c, PROJECT_FIELDS[k].type)
                                         for k, c in proj.fields.items() if k in PROJECT_FIELDS}
        self.budget = self.num("fund_total_full_year")
        self.executed = self.num("fund_total_executed")
        self.exec_weight = self.num("exec_weight")
        self.exec_rate_exact = scoring.exec_rate(self.budget, self.executed)  # the exact fraction, for checks
        self.exec_rate = None if self.exec_rate_exact is None else q(self.exec_rate_exact, RATE_PLACES)
        self.exec_score = (scoring.exec_score(self.exec_rate, self.exec_weight, policy)
                           if self.exec_rate is not None and self.exec_weight is not None else None)
        self.exec_score_exact = (scoring.exec_score_exact(self.exec_rate_exact, self.exec_weight, policy)
                                 if self.exec_rate_exact is not None and self.exec_weight is not None else None)
        self.rows = [self._row(ind) for ind in proj.indicators if not ind.is_empty]
        self.touched = bool(self.rows) or any(
            not is_blank_raw(proj.fields[k].raw) for k in TYPED_KEYS if k in proj.fields)
        self.scored = any(num(r.score) is not None for r in self.rows)
        # filed: scored, with its results stated (as published), not a template waiting for 计算
        self.filed = self.scored and any(not is_blank_raw(proj.fields[k].raw) for k in FILED_KEYS if k in proj.fields)
        self.caps: dict[str, Decimal | None] = {}
        for lv in proj.level1s:
            self.caps.setdefault(lv.name, parse_cap(lv.label))
        self._totals()

    def _row(self, ind: Indicator) -> Row:
        weight, score = scoring.read_number(ind.weight.raw), scoring.read_number(ind.score.raw)
        na = is_not_applicable(ind.target.raw) or is_not_applicable(ind.score.raw)
        w = num(weight)
        rule = None if w is None else scoring.indicator_score(ind.target.raw, ind.actual.raw, w, self.policy)
        return Row(ind, weight, score, na, rule)

    def _totals(self) -> None:
        policy = self.policy
        applicable = [r for r in self.rows if not r.not_applicable]
        scores = [num(r.score) for r in applicable]
        self.typed_sum = sum((s for s in scores if s is not None), Decimal(0))
        caps = list(self.caps.values())
        if caps and all(c is not None for c in caps):
            weights_total = sum(caps, Decimal(0))
        else:
            ws = [num(r.weight) for r in self.rows]
            weights_total = sum((w for w in ws if w is not None), Decimal(0)) if any(w is not None for w in ws) else None
        self.total_weight = (None if weights_total is None and self.exec_weight is None
                             else q((weights_total or 0) + (self.exec_weight or 0), 2))
        if self.exec_score is None:
            self.total = None
        else:
            total = self.exec_score + self.typed_sum
            if len(applicable) < len(self.rows) and policy.not_applicable_rescale:
                applicable_w = [self.exec_weight or Decimal(0), *(num(r.weight) or Decimal(0) for r in applicable)]
                total = scoring.rescaled_total([self.exec_score, *scores], applicable_w, policy)
            self.total = q(total, policy.score_places) if total is not None else None
        self.grade = scoring.grade(self.total, policy) if self.total is not None else None

    # ------------------------------------------------------------------ access
    @property
    def sheet(self) -> str:
        return self.project.sheet

    @property
    def name(self) -> str:
        return self.project.name

    def cell(self, key: str) -> Cell:
        return self.project.fields[key]

    def value(self, key: str) -> Value:
        return self.values.get(key)

    def num(self, key: str) -> Decimal | None:
        return num(self.values.get(key))

    @property
    def has_not_applicable(self) -> bool:
        return any(r.not_applicable for r in self.rows)


class Evaluation:
    """A department, evaluated once under one policy."""

    def __init__(self, dept: Department, policy: ScoringPolicy = DEFAULT_POLICY):
        self.dept = dept
        self.policy = policy
        self.values: dict[str, Value] = {k: parse(c, DEPARTMENT_FIELDS[k].type)
                                         for k, c in dept.fields.items() if k in DEPARTMENT_FIELDS}
        self.all_projects = [ProjectEval(p, policy) for p in dept.projects]
        # a project sheet nobody typed into (the template's own, kept) says nothing: no checks, no rows
        self.projects = [pe for pe in self.all_projects if pe.touched]
        from .derive import derived_values

        self.derived: list[Derived] = derived_values(self)
        self.policy_source = "国家默认规则"  # said by the doors: where the policy came from
        self._findings: list[Finding] | None = None

    @property
    def file(self) -> str:
        return self.dept.file

    def cell(self, key: str) -> Cell:
        return self.dept.get(key)

    def value(self, key: str) -> Value:
        return self.values.get(key)

    def num(self, key: str) -> Decimal | None:
        return num(self.values.get(key))

    def stated(self, key: str) -> Value:
        """The field as stated, or — when it is blank — as its own stated parts determine it (基本支出 blank
        but 人员经费 and 公用经费 given); None when neither (blank is not zero)."""
        value = self.values.get(key)
        if value is not None or key not in DERIVABLE:
            return value
        parts = [self.stated(k) for k in DERIVABLE[key]]
        if any(p is None or isinstance(p, Bad) for p in parts):
            return None
        return sum((num(p) for p in parts), Decimal(0))

    @property
    def findings(self) -> list[Finding]:
        """Every family's findings, errors first (computed on first use, then kept)."""
        if self._findings is None:
            from .checks import run_checks

            self._findings = run_checks(self)
        return self._findings


def evaluate(dept: Department, policy: ScoringPolicy = DEFAULT_POLICY) -> Evaluation:
    return Evaluation(dept, policy)


__all__ = ["Evaluation", "ProjectEval", "Row", "Value", "evaluate", "is_bad", "num", "parse", "RATE_PLACES"]
