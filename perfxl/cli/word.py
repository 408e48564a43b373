"""`perfxl report` (Word out) and `perfxl import-text` (Word in)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import EXIT_FINDINGS, POLICY, fail, load_policy, out, output_path


def report_cmd(
    file: Path = typer.Argument(..., help="部门自评工作簿"),
    output: Path = typer.Option(..., "-o", "--output", help="输出的 Word 报告，如 自评报告.docx"),
    force: bool = typer.Option(False, "--force", help="工作簿有错误时也生成（报告首页注明数据未经核实）"),
    overwrite: bool = typer.Option(False, "--overwrite", help="覆盖已有的报告文件"),
    policy: Optional[Path] = POLICY,
):
    """由校验过的工作簿生成部门整体支出绩效自评报告（Word）：数字句子由表格生成，附自评表。"""
    from ..api import ReportRefused, check, report_of

    output_path(output, inputs=[file])
    result = check(file, load_policy(policy))
    if result.unusable:
        fail(result.unusable)
    try:
        written = report_of(result, output, force=force, overwrite=overwrite)
    except ReportRefused as exc:
        fail(str(exc), EXIT_FINDINGS)
    except (OSError, ValueError) as exc:
        fail(getattr(exc, "message", None) or f"{output}：{getattr(exc, 'strerror', None) or exc}")
    out.print(f"已生成报告：{written}" + ("（含错误，首页已注明）" if result.errors else ""))


def import_text_cmd(
    docx: Path = typer.Argument(..., help="Word 报告（.docx）"),
    file: Path = typer.Argument(..., help="部门自评工作簿"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="另存为（默认写回工作簿）"),
):
    """把 Word 报告的各部分文字读进工作簿的“报告正文”（主要职责、可识别的自评表也一并读入），以便校验。"""
    from ..api import import_text
    from ..io.protocol import UnusableWorkbook

    output_path(output or file, inputs=[docx])
    try:
        result = import_text(docx, file, output)
    except (UnusableWorkbook, ValueError, OSError) as exc:
        fail(getattr(exc, "message", None) or str(exc))
    for line in result.lines():
        out.print(line)
