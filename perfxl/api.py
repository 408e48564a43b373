"""The Python API behind every door: file in, file out, never touching an input unasked."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from .actions import CheckResult, FillResult, annotate_book, check_book, fill_book
from .core.policy import DEFAULT_POLICY, ScoringPolicy
from .io.files import atomic_write, same_file, sniff
from .io.protocol import UnusableWorkbook


def write_template(path: str | os.PathLike, projects: int = 1) -> Path:
    from .io.template_book import build_workbook

    wb = build_workbook(projects=projects)
    return atomic_write(path, wb.save)


def load(path: str | os.PathLike, backend: str = "openpyxl"):
    """Read a department workbook into the model (perfxl.core.model.Department)."""
    from .io.extract import load as _load

    return _load(path, backend=backend)


def fill(path: str | os.PathLike, output: str | os.PathLike | None = None, *, in_place: bool = False,
         policy: ScoringPolicy = DEFAULT_POLICY) -> FillResult:
    """Compute the derived cells of ``path`` and write them to ``output`` (or back, if ``in_place``)."""
    from .io.xlsx import XlsxBook

    if output is None and not in_place:
        raise ValueError("fill: give an output path or in_place=True")
    if output is not None and not in_place and same_file(path, output) and Path(output).exists():
        raise ValueError(f"{Path(path).name}：输出文件与输入文件相同；如确需写回原文件请使用 --in-place。")
    book = XlsxBook(path)
    res = fill_book(book, policy)
    target = Path(path) if in_place else Path(output)
    if in_place and res.changed == 0:
        return res  # nothing to change: the file stays byte-identical
    book.save(target)
    return res


def check(path: str | os.PathLike, policy: ScoringPolicy = DEFAULT_POLICY) -> CheckResult:
    """Check one workbook. An unusable file gives a result with ``unusable`` set, never an exception."""
    from .io.xlsx import XlsxBook

    try:
        return check_book(XlsxBook(path), policy)
    except UnusableWorkbook as exc:
        return CheckResult(str(path), None, [], exc.message)


def annotate_copy(path: str | os.PathLike, output: str | os.PathLike, findings=None,
                  policy: ScoringPolicy = DEFAULT_POLICY) -> Path:
    """Write a copy of ``path`` with a 校验结果 sheet and the cells marked."""
    from .io.xlsx import XlsxBook

    if same_file(path, output) and Path(output).exists():
        raise ValueError("annotate: the output must not be the input")
    book = XlsxBook(path)
    if findings is None:
        findings = check_book(book, policy).findings
    annotate_book(book, findings)
    return book.save(output)


def add_project(path: str | os.PathLike, output: str | os.PathLike | None = None, title: str | None = None) -> str:
    """Add one 项目支出绩效自评表 sheet after the last one; return its name. Writes ``output`` or ``path``."""
    from .io.extract import read_department
    from .io.xlsx import XlsxBook

    book = XlsxBook(path)
    dept = read_department(book)
    if title is not None and title in book.sheet_names():
        raise ValueError(f"{Path(path).name}：已有名为“{title}”的工作表。")
    after = dept.projects[-1].sheet if dept.projects else "预决算"
    unit = dept.fields.get("unit_name")
    name = book.add_project_sheet(after, unit.raw if unit is not None else None, title)
    book.save(output or path)
    return name
