"""Findings: data problems as data, each with a stable code, a severity and a place."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


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


def fmt(value: object) -> str:
    """Format an expected/actual value for a message: Decimals without exponent, None as 空."""
    if value is None:
        return "（空）"
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
        return text
    return str(value)


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # stable kebab-case id, e.g. "fund-total-mismatch"
    severity: Severity
    where: Where
    message: str  # Chinese, states expected, actual and the difference
    expected: object = None
    actual: object = None
    rule: str = ""  # RULES.md identity id (F1, W1, S2, D6 …) when there is one

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


def _jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value) if value == value else None
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


@dataclass(slots=True)
class Findings:
    """An ordered collection of findings with counts by severity."""

    items: list[Finding] = field(default_factory=list)

    def add(self, finding: Finding) -> None:
        self.items.append(finding)

    def extend(self, findings) -> None:
        self.items.extend(findings)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.items if f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)
