"""The tables' side of a comparison: table values by field (derived figures recomputed from their
inputs), the project a claim is about, and whether an organisation named in a sentence is the
department itself."""
from __future__ import annotations

import re
from decimal import Decimal

from ..values import Bad, read_amount, read_int, read_rate
from .model import Claim, ProjectFacts, TableFacts

_RATE_KEYS = {"exec_rate", "final_basic_share", "final_project_share", "final_personnel_share", "final_public_share"}
_COUNT_KEYS = {"staff_quota", "staff_active", "staff_retired", "departments_count", "subunits_count"}
_COUNTED_FROM = {"departments_count": "departments", "subunits_count": "subunits"}
_SHARES = {f"final_{p}_share": f"final_{p}" for p in ("basic", "project", "personnel", "public")}
_PLACE = re.compile(r"^.{0,6}?[县市区州旗]")
_TEXT_KEYS = {"grade", "unit_name", "departments", "subunits", "name"}


def _number(key: str, raw):
    """A table value as a Decimal (a grade or a name as text), None when blank or unreadable."""
    if key in _TEXT_KEYS:
        return raw.strip() if isinstance(raw, str) and raw.strip() else None
    if raw is None or isinstance(raw, bool):
        return None
    if key in _RATE_KEYS:
        v = read_rate(raw)
    elif key in _COUNT_KEYS:
        v = read_int(raw)
    else:
        v = read_amount(raw)
    return None if v is None or isinstance(v, Bad) else Decimal(v)


def count_items(text) -> int | None:
    """How many names a 基本情况 list holds ("办公室、财务股" → 2; "无" → 0; blank → None)."""
    if text is None:
        return None
    if isinstance(text, (int, Decimal)):
        return int(text)
    items = [i.strip() for i in re.split(r"[、，,；;\n]+", str(text)) if i.strip()]
    if not items:
        return None
    if items == ["无"] or items == ["/"]:
        return 0
    return len(items)


class Facts:
    """The tables' values, each read from its cell the first time a claim asks for it (a department's
    table has ≈ 60 values; its texts name a dozen)."""

    def __init__(self, facts: TableFacts):
        self.raw = facts
        d = facts.dept
        self.year = _int_or_none(d.get("year"))
        self.unit_name = str(d.get("unit_name") or "").strip()
        self.projects = list(facts.projects)
        self._dept: dict[str, object] = {}  # key → value, as read so far
        self._typed: dict[str, object] = {}  # key → the table's own value (before what is derived)
        self._project: dict[tuple[int, str], object] = {}
        self._named: dict[str, ProjectFacts | None] = {}

    def _own(self, key: str):
        """A value as typed in the table (a count of names where the count is blank), not derived."""
        try:
            return self._typed[key]
        except KeyError:
            pass
        d = self.raw.dept
        v = _number(key, d[key]) if key in d and key not in ("departments", "subunits") else None
        source = _COUNTED_FROM.get(key)
        if v is None and source is not None and d.get(source) is not None:
            n = count_items(d.get(source))
            v = None if n is None else Decimal(n)
        self._typed[key] = v
        return v

    def _derived(self, key: str):
        """A value recomputed from its inputs where they are stated (资产 − 负债, shares …)."""
        g = self._own
        if key == "net_assets":
            if g("assets_total") is not None and g("liabilities_total") is not None:
                return g("assets_total") - g("liabilities_total")
        elif key == "final_income_increase":
            if g("final_income_total") is not None and g("budget_income_total") is not None:
                return g("final_income_total") - g("budget_income_total")
        elif key in _SHARES:
            whole = g("final_expense_total")
            part = g(_SHARES[key])
            if whole and part is not None:
                return part / whole
        return g(key)

    def dept(self, key: str):
        try:
            return self._dept[key]
        except KeyError:
            v = self._dept[key] = self._derived(key)
            return v

    def project(self, p: ProjectFacts, key: str):
        k = (id(p), key)  # (the projects are kept in self.projects, so their ids stay theirs)
        try:
            return self._project[k]
        except KeyError:
            v = self._project[k] = self._project_value(p, key)
            return v

    @staticmethod
    def _project_value(p: ProjectFacts, key: str):
        v = p.values
        if key == "exec_rate":
            ex, fy = _number("x", v.get("fund_total_executed")), _number("x", v.get("fund_total_full_year"))
            if ex is not None and fy:
                return ex / fy
        if key.startswith("cap:"):
            return _cap(p, key[4:])
        return _number(key, v.get(key))

    def value(self, scope, key: str):
        """The table's value of ``key`` in ``scope`` ("dept" or a ProjectFacts); None = not stated."""
        if scope == "dept":
            return self.dept(key)
        return self.project(scope, key) if scope is not None else None

    # ------------------------------------------------------------------ which project, which unit

    def project_of(self, claim: Claim, sheet_projects: dict) -> ProjectFacts | None:
        own = sheet_projects.get(claim.sheet)
        named = self.named(claim.project)
        if own is not None:
            if claim.project and named is not own and not _same_name(claim.project, own.name):
                return None  # the sentence is about another project
            return own
        if claim.project:
            return named
        return self.projects[0] if len(self.projects) == 1 else None

    def named(self, hint: str) -> ProjectFacts | None:
        if not hint:
            return None
        try:
            return self._named[hint]
        except KeyError:
            found = [p for p in self.projects if _same_name(hint, p.name)]
            v = self._named[hint] = found[0] if len(found) == 1 else None
            return v

    def is_self(self, org: str) -> bool:
        if not org:
            return True
        if not self.unit_name:
            return False
        core = _PLACE.sub("", self.unit_name)
        return org in self.unit_name or self.unit_name in org or (len(core) >= 3 and core in org)


def _same_name(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    if not a or not b:
        return False
    return a == b or a in b or b in a or a.removesuffix("项目") == b.removesuffix("项目")


def _int_or_none(v):
    try:
        return int(v) if v is not None else None
    except (TypeError, ValueError):
        return None


def _cap(p: ProjectFacts, name: str):
    for key, cap in p.caps.items():
        if key == name or key.startswith(name[:2]):
            return _number("cap:", cap)
    return None

