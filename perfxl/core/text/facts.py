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
    def __init__(self, facts: TableFacts):
        self.raw = facts
        d = facts.dept
        self.year = _int_or_none(d.get("year"))
        self.unit_name = str(d.get("unit_name") or "").strip()
        self.projects = list(facts.projects)
        self._dept = {k: _number(k, v) for k, v in d.items() if k not in ("departments", "subunits")}
        for key, source in (("departments_count", "departments"), ("subunits_count", "subunits")):
            if self._dept.get(key) is None and d.get(source) is not None:
                n = count_items(d.get(source))
                self._dept[key] = None if n is None else Decimal(n)
        self._derive()

    def _derive(self) -> None:
        g = self._dept.get
        put = self._dept.__setitem__
        if g("assets_total") is not None and g("liabilities_total") is not None:
            put("net_assets", g("assets_total") - g("liabilities_total"))
        if g("final_income_total") is not None and g("budget_income_total") is not None:
            put("final_income_increase", g("final_income_total") - g("budget_income_total"))
        whole = g("final_expense_total")
        for p in ("basic", "project", "personnel", "public"):
            if whole and g(f"final_{p}") is not None:
                put(f"final_{p}_share", g(f"final_{p}") / whole)

    def dept(self, key: str):
        return self._dept.get(key)

    def project(self, p: ProjectFacts, key: str):
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
        found = [p for p in self.projects if _same_name(hint, p.name)]
        return found[0] if len(found) == 1 else None

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

