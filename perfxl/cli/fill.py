"""`perfxl fill`: compute the derived cells."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import POLICY, fail, load_policy, out


def fill_cmd(
    file: Path = typer.Argument(..., help="部门自评工作簿（.xlsx/.xlsm）"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="输出文件"),
    in_place: bool = typer.Option(False, "--in-place", help="直接写回原文件"),
    policy: Optional[Path] = POLICY,
):
    """计算并写入派生单元格（执行率、得分、总分、等级、占比、增减额、净资产），不改动任何填写项。"""
    from ..api import fill
    from ..io.protocol import UnusableWorkbook

    if in_place == (output is not None):
        fail("请用 -o 指定输出文件，或加 --in-place 写回原文件（二者只能选一个）。")
    try:
        res = fill(file, output=output, in_place=in_place, policy=load_policy(policy))
    except (UnusableWorkbook, ValueError) as exc:
        fail(getattr(exc, "message", str(exc)))
    out.print(f"已计算 {res.written} 个派生单元格（其中 {res.changed} 个有变化）：{file if in_place else output}")
