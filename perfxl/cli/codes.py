"""`perfxl codes`: the catalogue of finding codes (what each means and how to fix it)."""
from __future__ import annotations

import typer

from .common import fail
from .report import print_codes


def codes_cmd(format: str = typer.Option("table", "--format", help="输出格式：table、json 或 markdown")):
    """列出全部校验代码：级别、规则、含义与处理办法。"""
    if format not in ("table", "json", "markdown"):
        fail("--format 只能是 table、json 或 markdown。")
    print_codes(format)
