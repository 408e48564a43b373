"""Findings: data problems as data, each with a stable code, a severity and a place.

Every code is declared once, as a :class:`Code` (severity, RULES.md id, message template, one-line
description, how to fix it), by exactly one :class:`Family`: the module that emits it. A family makes
its findings by calling itself with the code and the template's fields::

    CODES = Family("funds", "项目资金", Code("fund-total-mismatch", ERROR, "F1", "{label}应为 …", "…", "…"))
    yield CODES("fund-total-mismatch", where, expected, actual, label=…, …)

so a family can only emit the codes it declared, and a message can only be formatted with exactly
the fields its template names. :func:`catalogue` lists every declared code (``perfxl codes``,
``docs/findings.md``).
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return _SEVERITY_LABELS[self.value]

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for infos: the order findings are reported in."""
        return _SEVERITY_RANK[self.value]


_SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a workbook: file (display name), sheet, cell address ("F7"; "" for a whole sheet)."""

    file: str = ""
    sheet: str = ""
    cell: str = ""

    def __str__(self) -> str:
        place = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        if self.file and place:
            return f"{self.file} › {place}"
        return self.file or place

    @property
    def place(self) -> str:
        """"Sheet!F7" (or the sheet alone) without the file."""
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet


def fmt(value: object) -> str:
    """Format an expected/actual value for a message: Decimals without exponent, None as 空."""
    if value is None:
        return "（空）"
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return str(value)


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # stable kebab-case id, e.g. "fund-total-mismatch"
    severity: Severity
    where: Where
    message: str  # Chinese, states expected, actual and the difference
    expected: object = None
    actual: object = None
    rule: str = ""  # RULES.md id (F1, W1, S2, D6 …, or the section "§3" for a reading rule)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "rule": self.rule,
            "file": self.where.file,
            "sheet": self.where.sheet,
            "cell": self.where.cell,
            "message": self.message,
            "expected": _jsonable(self.expected),
            "actual": _jsonable(self.actual),
        }

    @property
    def key(self) -> tuple[str, str, str, str]:
        """(code, sheet, cell, severity): what the doors are held to agree on."""
        return (self.code, self.where.sheet, self.where.cell, self.severity.value)


def _jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value) if value.is_finite() else None
    if isinstance(value, float) and value != value:
        return None
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


def sort_findings(findings) -> list[Finding]:
    """Errors first, then warnings, then infos; the order within a severity is kept (stable)."""
    return sorted(findings, key=lambda f: f.severity.rank)


# ------------------------------------------------------------------------------------ the catalogue


@dataclass(frozen=True, slots=True)
class Code:
    """One finding code, declared once.

    ``rule`` is the RULES.md id the code enforces (F1 … X9, P1, N1a …) or, for a rule of a whole
    section, the section ("§3" reading cells, "§5" consolidation). ``template`` is the Chinese message,
    formatted with exactly the fields it names; ``description`` says in one line what the code means
    and ``fix`` what the user does about it (both for the user's reference, ``docs/findings.md``)."""

    code: str
    severity: Severity
    rule: str
    template: str
    description: str
    fix: str = ""

    @property
    def placeholders(self) -> frozenset[str]:
        return _placeholders(self.template)


def _placeholders(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


class UndeclaredCode(KeyError):
    """A family emitted a code it did not declare (a programming error, caught by the tests)."""


_FAMILIES: dict[str, "Family"] = {}
_OWNER: dict[str, str] = {}  # code -> family name


class Family:
    """The codes one module emits, in report order; calling it makes a finding of one of them."""

    __slots__ = ("name", "title", "codes", "module")

    def __init__(self, name: str, title: str, *codes: Code):
        import sys

        self.name = name
        self.title = title
        self.module = sys._getframe(1).f_globals.get("__name__", "")  # the module that declares it
        self.codes: dict[str, Code] = {}
        for c in codes:
            owner = _OWNER.get(c.code)
            if owner is not None and owner != name:
                raise ValueError(f"finding code {c.code!r} is declared by both {owner!r} and {name!r}")
            if c.code in self.codes:
                raise ValueError(f"finding code {c.code!r} is declared twice in {name!r}")
            self.codes[c.code] = c
            _OWNER[c.code] = name
        _FAMILIES[name] = self

    def __call__(self, code: str, where: Where, expected: object = None, actual: object = None, /,
                 **fields: object) -> Finding:
        """The finding ``code`` at ``where``; ``expected``/``actual`` are the values (positional), ``fields``
        the texts the message template names (which may themselves be called expected/actual)."""
        try:
            c = self.codes[code]
        except KeyError:
            raise UndeclaredCode(f"{self.name} emits {code!r}, which it does not declare") from None
        names = c.placeholders
        if names != fields.keys():
            missing, extra = sorted(names - fields.keys()), sorted(fields.keys() - names)
            raise TypeError(f"{code}: message fields missing {missing}, not in the template {extra}")
        return Finding(code, c.severity, where, c.template.format(**fields), expected, actual, c.rule)

    def __iter__(self):
        return iter(self.codes.values())

    def __repr__(self) -> str:
        return f"Family({self.name!r}, {len(self.codes)} codes)"


def families() -> list[Family]:
    """Every declared family (importing the modules that declare them), in report order."""
    from . import catalogue as _catalogue  # noqa: F401  (imports every declaring module)

    return list(_FAMILIES.values())


def catalogue() -> list[Code]:
    """Every declared code, family by family, in report order."""
    return [c for fam in families() for c in fam]


def code_info(code: str) -> Code | None:
    families()
    owner = _OWNER.get(code)
    return None if owner is None else _FAMILIES[owner].codes[code]


def family_of(code: str) -> str | None:
    families()
    return _OWNER.get(code)
