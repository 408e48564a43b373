"""`perfxl check`: findings as a table or JSON, optionally an annotated copy."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, POLICY, fail, load_policy, output_path
from .report import print_json, print_result


def check_cmd(
    files: list[Path] = typer.Argument(..., help="一个或多个部门自评工作簿"),
    format: str = typer.Option("table", "--format", help="输出格式：table 或 json"),
    annotate: Optional[Path] = typer.Option(None, "--annotate", help="另存一份带“校验结果”表并标记单元格的副本"),
    policy: Optional[Path] = POLICY,
):
    """校验合计、权重、得分、总分与等级，指出单元格、应为多少、实为多少。"""
    from ..api import annotate_copy, check

    if format not in ("table", "json") or (annotate is not None and len(files) != 1):
        fail("--format 只能是 table 或 json；--annotate 只能用于单个文件。")
    if annotate is not None:
        output_path(annotate, inputs=files)
    results = [check(f, load_policy(policy)) for f in files]
    print_json(results) if format == "json" else [print_result(r) for r in results]
    if annotate is not None and not results[0].unusable:
        try:
            annotate_copy(files[0], annotate, results[0].findings)
        except ValueError as exc:
            fail(str(exc))
    if any(r.unusable for r in results):
        raise typer.Exit(EXIT_UNUSABLE)
    raise typer.Exit(EXIT_FINDINGS if any(r.errors for r in results) else EXIT_OK)
