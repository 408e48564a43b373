"""`perfxl policy`: write the scoring policy, put it into a workbook, or make it the user's default."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from .common import POLICY, fail, load_policy, out, output_path


def policy_cmd(
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="写入文件（默认打印）"),
    policy: Optional[Path] = POLICY,
    into: Optional[Path] = typer.Option(None, "--into", help="把评分设置写进这个部门工作簿（各入口都按它评分）"),
    user: bool = typer.Option(False, "--user", help="把 --policy 指定的文件设为本用户的默认评分设置（Excel 加载项也用它）"),
):
    """输出评分设置（国家默认规则，带中文注释），修改后用 --policy 传给 fill/check/consolidate，或用 --into 写进工作簿。"""
    from ..io.files import atomic_write
    from ..io.protocol import UnusableWorkbook
    from ..policy_file import policy_toml, set_user_policy, write_workbook_policy

    if output is not None:
        output_path(output, inputs=[p for p in (policy, into) if p is not None])
    if into is not None:
        output_path(into)
    text = policy_toml(load_policy(policy) or _defaults())
    if user:
        out.print(f"已设为默认评分设置：{set_user_policy(policy)}" if policy else "已恢复国家默认评分设置。")
    try:
        if into is not None:
            out.print(f"已写入工作簿的评分设置：{write_workbook_policy(into, text)}")
        if output is not None:
            atomic_write(output, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    except (ValueError, UnusableWorkbook) as exc:  # OutputError, an unreadable workbook: one sentence each
        fail(getattr(exc, "message", None) or str(exc))
    if output is not None:
        out.print(f"已写出评分设置：{output}")
    elif into is None and not user:
        sys.stdout.write(text)


def _defaults():
    from ..core.policy import DEFAULT_POLICY

    return DEFAULT_POLICY
