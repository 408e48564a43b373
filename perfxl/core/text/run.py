"""One check of a department's texts: the analysed cells, the tables, and what the checks share
(which table a claim is about, a member's value read from the text first and the tables second,
the corrections already reported, the findings)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from ..findings import Finding, Where
from . import codes as K
from . import lexicon as X
from .analyze import analyze
from .facts import Facts
from .model import Claim, TableFacts, TextCell, quick_init

_ZERO, _CENT = Decimal(0), Decimal("0.01")
PROJECT_KEYS = frozenset({"fund_total_initial", "fund_total_full_year", "fund_total_executed", "exec_rate",
                          "total_score", "grade", "exec_weight"})


@quick_init
@dataclass(frozen=True, slots=True)
class Member:
    """A value in a sentence's arithmetic: from a claim (``ref``) or from the tables (``ref`` None)."""

    value: Decimal
    err: Decimal  # how far the exact value may be from ``value`` (rounding of the printed figure)
    sum_err: Decimal  # the tolerance of this value as an addend (RULES.md §4: 0.01 万元 per addend)
    ref: tuple[int, int] | None
    label: str = ""


def claim_err(c: Claim) -> Decimal:
    """Figures printed to the cent (or finer) are exact; coarser ones are within half a unit."""
    if c.kind == "count" or c.quantum == 0:
        return _ZERO
    if c.kind == "amount" and c.quantum <= _CENT:
        return _ZERO
    return c.quantum / 2


def sum_err(c: Claim) -> Decimal:
    if c.value == 0:
        return _ZERO
    return c.quantum if c.quantum <= _CENT else c.quantum / 2


class Run:
    def __init__(self, file: str, cells: Sequence[TextCell], facts: TableFacts):
        self.file = file
        self.facts = Facts(facts)
        names = tuple(p.name for p in facts.projects if p.name)
        self.analyses = [analyze(c, names, self.facts.year) for c in cells]
        self.sheet_projects = {p.sheet: p for p in facts.projects}
        self.corrections: dict[tuple[int, int], Decimal] = {}
        self.findings: list[Finding] = []
        self.reported: set[tuple[int, int]] = set()
        self._by_field: dict[str | None, list] | None = None  # the claims by field, in the order of refs()

    def claim(self, ref: tuple[int, int]) -> Claim:
        return self.analyses[ref[0]].claims[ref[1]]

    def refs(self):
        for i, a in enumerate(self.analyses):
            for c in a.claims:
                yield (i, c.index), c

    # ---------------------------------------------------------------- scope

    def scope(self, c: Claim, key: str | None = None):
        """"dept", the ProjectFacts a project figure is about, or None when that cannot be told."""
        key = key or c.field or ""
        if key in PROJECT_KEYS or key.startswith("cap:"):
            return self.facts.project_of(c, self.sheet_projects)
        return "dept"

    def comparable(self, c: Claim) -> bool:
        """Whether a claim speaks of this year's tables (not a plan, last year, another unit …)."""
        if c.skip:
            return False
        if c.org and c.scope == "dept" and not self.facts.is_self(c.org):
            return False
        return True

    @staticmethod
    def scope_key(scope) -> str:
        return "dept" if scope == "dept" else scope.sheet

    # ---------------------------------------------------------------- values

    def member(self, ai: int, ref_claim: Claim, m) -> Member | None:
        if isinstance(m, int):
            c = self.analyses[ai].claims[m]
            if c.kind == "grade":
                return None
            return Member(c.value, claim_err(c), sum_err(c), (ai, m), X.LABELS.get(c.field or "", ""))
        _, key = m
        scope = self.scope(ref_claim, key)
        if scope is None:
            return None
        sk = self.scope_key(scope)
        found = self._text_value(ai, ref_claim, key, sk)
        v = self.facts.value(scope, key)
        if found is not None:
            if v is not None and found.err and K.rounded(Decimal(v), self.claim(found.ref).quantum) == found.value:
                # the text's coarse figure is the table's: compute with the table's exact value
                return Member(Decimal(v), _ZERO, found.sum_err, found.ref, found.label)
            return found
        if v is None:
            return None
        return Member(Decimal(v), _ZERO, _CENT, None, X.LABELS.get(key, key))

    def _text_value(self, ai: int, near: Claim, key: str, sk: str) -> Member | None:
        if self._by_field is None:
            self._by_field = {}
            for ref, c in self.refs():
                self._by_field.setdefault(c.field, []).append((ref, c))
        best = None
        for (i, j), c in self._by_field.get(key, ()):
            if c.role in ("share", "change") or not self.comparable(c):
                continue
            scope = self.scope(c)
            if scope is None or self.scope_key(scope) != sk:
                continue
            rank = (0 if i == ai and c.span[1] <= near.span[0] else 1 if i == ai else 2,
                    -c.span[0] if i == ai and c.span[1] <= near.span[0] else c.span[0] + i * 10 ** 6)
            if best is None or rank < best[0]:
                best = (rank, (i, j), c)
        if best is None:
            return None
        _, ref, c = best
        return Member(c.value, claim_err(c), sum_err(c), ref, X.LABELS.get(key, key))

    def corrected(self, members: list[Member]) -> list[Member] | None:
        """The members with reported figures replaced by their right values (None: nothing to replace)."""
        if not any(m.ref in self.corrections for m in members if m.ref):
            return None
        return [Member(self.corrections[m.ref], _ZERO, m.sum_err, m.ref, m.label)
                if m.ref in self.corrections else m for m in members]

    # ---------------------------------------------------------------- findings

    def emit(self, code: str, ref: tuple[int, int], exp, act, **fields) -> None:
        c = self.claim(ref)
        cell = self.analyses[ref[0]].cell
        fields.setdefault("section", X.SECTIONS.get(cell.key, cell.key))
        fields.setdefault("quote", K.quote(cell.text, c))
        self.findings.append(K.CODES(code, Where(self.file, cell.sheet, cell.cell), exp, act, **fields))
        self.reported.add(ref)

    def other_quote(self, ref: tuple[int, int]) -> tuple[str, str]:
        c = self.claim(ref)
        cell = self.analyses[ref[0]].cell
        return X.SECTIONS.get(cell.key, cell.key), K.quote(cell.text, c, before=24, after=10)

    def label(self, c: Claim, key: str | None = None) -> str:
        key = key or c.field or ""
        base = X.LABELS.get(key, key)
        scope = self.scope(c, key) if key else None
        if scope not in (None, "dept") and len(self.facts.projects) > 1:
            return f"“{scope.name}”{base}"
        return base
