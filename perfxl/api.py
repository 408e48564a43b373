"""The Python API behind every door: file in, file out, never touching an input unasked.

Every function takes ``policy``: a :class:`~perfxl.core.policy.ScoringPolicy` for this call, or None
for the policy that applies to the workbook (its own, the user's, or the national defaults; see
``perfxl.policy_file``).
"""
from __future__ import annotations

import os
from pathlib import Path

from .actions import CheckResult, FillResult, Policy, add_project as _add_project, check_book, fill_book
from .io.files import atomic_write, check_output_path, same_file
from .io.protocol import UnusableWorkbook


def write_template(path: str | os.PathLike, projects: int = 1) -> Path:
    from .io.template_book import build_workbook

    check_output_path(path)
    wb = build_workbook(projects=projects)
    return atomic_write(path, wb.save)


def load(path: str | os.PathLike, backend: str = "openpyxl"):
    """Read a department workbook into the model (perfxl.core.model.Department)."""
    from .io.extract import load as _load

    return _load(path, backend=backend)


def _book(path):
    from .io.xlsx import XlsxBook

    return XlsxBook(path)


def fill(path: str | os.PathLike, output: str | os.PathLike | None = None, *, in_place: bool = False,
         policy: Policy = None) -> FillResult:
    """Compute the derived cells of ``path`` and write them to ``output`` (or back, if ``in_place``)."""
    if output is None and not in_place:
        raise ValueError("fill：请给出输出文件，或指定 in_place=True。")
    if output is not None and not in_place and same_file(path, output) and Path(output).exists():
        raise ValueError(f"输出文件 {Path(output).name} 就是输入文件 {Path(path).name}（或其链接）；"
                         "如确需写回原文件请使用 --in-place。")
    if not in_place:
        check_output_path(output, inputs=[path])
    book = _book(path)
    res = fill_book(book, policy)
    if in_place and res.changed == 0:
        return res  # nothing to change: the file stays byte-identical
    book.save(Path(path) if in_place else Path(output))
    return res


def check(path: str | os.PathLike, policy: Policy = None) -> CheckResult:
    """Check one workbook. An unusable file gives a result with ``unusable`` set, never an exception."""
    try:
        return check_book(_book(path), policy)
    except UnusableWorkbook as exc:
        return CheckResult(str(path), None, [], exc.message)


def annotate_copy(path: str | os.PathLike, output: str | os.PathLike, findings=None, policy: Policy = None) -> Path:
    """Write a copy of ``path`` with a 校验结果 sheet and the cells marked."""
    from .io.apply import annotate

    if same_file(path, output) and Path(output).exists():
        raise ValueError(f"{Path(output).name}：带标记的副本不能覆盖输入文件，请换一个输出路径。")
    check_output_path(output, inputs=[path])
    book = _book(path)
    if findings is None:
        findings = check_book(book, policy).findings
    annotate(book, findings)
    return book.save(output)


def add_project(path: str | os.PathLike, output: str | os.PathLike | None = None, title: str | None = None) -> str:
    """Add one 项目支出绩效自评表 sheet after the last one; return its name. Writes ``output`` or ``path``."""
    check_output_path(output or path)
    book = _book(path)
    name = _add_project(book, title)
    book.save(output or path)
    return name


class ReportRefused(ValueError):
    """The workbook still has errors: no report is written unless forced (one Chinese sentence)."""


def report_of(result: CheckResult, output: str | os.PathLike, *, force: bool = False,
              overwrite: bool = False) -> Path:
    """Write the 自评报告 of a checked workbook; refuse while it has errors unless ``force`` (then page 1
    says so)."""
    from .io.word_content import report_content
    from .io.word_write import write_report

    check_output_path(output, inputs=[result.file])
    warning = ""
    if result.errors:
        if not force:
            raise ReportRefused(f"{Path(result.file).name}：还有 {result.errors} 项错误，未生成报告；请先改正"
                                "（perfxl check 查看），或加 --force 生成（报告首页会注明数据未经核实）。")
        warning = f"本报告由存在 {result.errors} 项错误的工作簿生成，数据未经核实。"
    return write_report(report_content(result.evaluation, warning), output, overwrite=overwrite)


def report(path: str | os.PathLike, output: str | os.PathLike, *, force: bool = False, overwrite: bool = False,
           policy: Policy = None) -> Path:
    """Write ``path``'s 部门整体支出绩效自评报告 as a Word document (figure sentences from the tables)."""
    result = check_book(_book(path), policy)
    return report_of(result, output, force=force, overwrite=overwrite)


def import_text(docx: str | os.PathLike, workbook: str | os.PathLike, output: str | os.PathLike | None = None):
    """Read a Word report into the workbook's 报告正文 (and duties, and clearly recognised 自评表s); written to
    ``output`` or back to ``workbook``, atomically. Returns what went where (``.lines()``)."""
    from .io.word_import import import_text as run

    if output is not None and same_file(workbook, output) and Path(output).exists():
        output = None
    check_output_path(output or workbook)
    return run(docx, workbook, output)
