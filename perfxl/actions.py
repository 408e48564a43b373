"""The operations every door calls (CLI, ribbon, Python API, batch), on any book of the io protocol.

Each reads the department once, resolves its scoring policy the same way (``policy_file.resolve_policy``)
and evaluates it once (``perfxl.core.evaluate``): so the same file gives the same answer at every door.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .core.evaluate import Evaluation, evaluate
from .core.findings import Finding, Severity
from .core.model import Department
from .core.policy import ScoringPolicy
from .io.apply import apply_derived
from .io.extract import read_department
from .io.protocol import UnusableWorkbook
from .policy_file import PolicyChoice, PolicyFileError, resolve_policy

Policy = ScoringPolicy | PolicyChoice | None


def evaluate_book(book, policy: Policy = None) -> Evaluation:
    """Read the book's department and evaluate it under the policy that applies to it.

    A policy the workbook names but that cannot be used makes the workbook unusable (one sentence)."""
    dept = read_department(book)
    try:
        choice = resolve_policy(dept.meta, book.path, policy)
    except PolicyFileError as exc:
        raise UnusableWorkbook(book.path, f"{Path(book.path).name}：评分设置无法使用：{exc}") from None
    ev = evaluate(dept, choice.policy)
    ev.policy_source = choice.source
    return ev


@dataclass
class FillResult:
    evaluation: Evaluation
    written: int  # derived cells written
    changed: int  # of those, how many actually changed

    @property
    def department(self) -> Department:
        return self.evaluation.dept


@dataclass
class CheckResult:
    file: str
    evaluation: Evaluation | None
    findings: list[Finding] = field(default_factory=list)
    unusable: str = ""  # the sentence when the file was not a usable workbook

    @property
    def department(self) -> Department | None:
        return None if self.evaluation is None else self.evaluation.dept

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def infos(self) -> int:
        return self.count(Severity.INFO)


def fill_book(book, policy: Policy = None) -> FillResult:
    ev = evaluate_book(book, policy)
    before = getattr(book, "changed", 0)
    written = apply_derived(book, ev.derived)
    return FillResult(ev, written, getattr(book, "changed", 0) - before)


def check_book(book, policy: Policy = None) -> CheckResult:
    ev = evaluate_book(book, policy)
    return CheckResult(book.path, ev, ev.findings)


def add_project(book, title: str | None = None) -> str:
    """Add one blank 项目支出绩效自评表 after the last one — a copy of the last one with what was typed
    and computed cleared (a fresh one from the template after 预决算 when there is none) — with the unit
    as its 主管部门; return the new sheet's name. Every door adds project sheets this way."""
    dept = read_department(book)
    if title is not None and title in book.sheet_names():
        raise ValueError(f"{Path(book.path).name}：已有名为“{title}”的工作表。")
    last = dept.projects[-1].sheet if dept.projects else None
    unit = dept.fields.get("unit_name")
    return book.add_project_sheet(last or "预决算", unit.raw if unit is not None else None, title, copy_from=last)
