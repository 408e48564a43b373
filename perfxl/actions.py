"""The operations every door calls (CLI, ribbon, Python API), on any book of the io protocol."""
from __future__ import annotations

from dataclasses import dataclass, field

from .core.checks import run_checks
from .core.derive import derive
from .core.findings import Finding, Severity
from .core.model import Department
from .core.policy import DEFAULT_POLICY, ScoringPolicy
from .io.apply import annotate, apply_derived
from .io.extract import read_department


@dataclass
class FillResult:
    department: Department
    written: int  # derived cells written
    changed: int  # of those, how many actually changed


@dataclass
class CheckResult:
    file: str
    department: Department | None
    findings: list[Finding] = field(default_factory=list)
    unusable: str = ""  # the sentence when the file was not a usable workbook

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.INFO)


def fill_book(book, policy: ScoringPolicy = DEFAULT_POLICY) -> FillResult:
    dept = read_department(book)
    before = getattr(book, "changed", 0)
    written = apply_derived(book, derive(dept, policy))
    return FillResult(dept, written, getattr(book, "changed", 0) - before)


def check_book(book, policy: ScoringPolicy = DEFAULT_POLICY) -> CheckResult:
    dept = read_department(book)
    return CheckResult(book.path, dept, run_checks(dept, policy))


def annotate_book(book, findings: list[Finding]) -> int:
    return annotate(book, findings)
