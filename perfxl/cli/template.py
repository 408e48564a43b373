"""`perfxl template` and `perfxl add-project`."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import fail, out, output_path


def template_cmd(
    output: Path = typer.Option(..., "-o", "--output", help="输出路径，如 模板.xlsx"),
    projects: int = typer.Option(1, "--projects", min=1, max=50, help="项目自评表张数"),
    force: bool = typer.Option(False, "--force", help="覆盖已有文件"),
):
    """生成标准模板工作簿。"""
    from ..api import write_template

    if output.exists() and not force:
        fail(f"{output} 已存在；如需覆盖请加 --force。")
    output_path(output)
    try:
        write_template(output, projects=projects)
    except ValueError as exc:
        fail(getattr(exc, "message", str(exc)))
    out.print(f"已生成模板：{output}")


def add_project_cmd(
    file: Path = typer.Argument(..., help="部门自评工作簿"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="另存为（默认就地修改原文件）"),
    name: Optional[str] = typer.Option(None, "--name", help="新工作表名称"),
):
    """在工作簿中新增一张项目支出绩效自评表（复制最后一张并清空）。"""
    from ..api import add_project
    from ..io.protocol import UnusableWorkbook

    output_path(output or file)
    try:
        sheet = add_project(file, output=output, title=name)
    except (UnusableWorkbook, ValueError) as exc:
        fail(getattr(exc, "message", str(exc)))
    out.print(f"已新增工作表“{sheet}”：{output or file}")
