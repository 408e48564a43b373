"""`perfxl codes`: the catalogue of finding codes (what each means and how to fix it)."""
from __future__ import annotations

import json
import sys

import typer

from .common import fail, out


def codes_cmd(format: str = typer.Option("table", "--format", help="输出格式：table、json 或 markdown")):
    """列出全部校验代码：级别、规则、含义与处理办法。"""
    from ..core.findings import catalogue
    from ..docs import codes_markdown

    if format == "json":
        rows = [{"code": c.code, "severity": c.severity.value, "rule": c.rule, "family": fam, "template": c.template,
                 "description": c.description, "fix": c.fix} for fam, c in _with_family(catalogue())]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif format == "markdown":
        sys.stdout.write(codes_markdown())
    elif format == "table":
        from rich.table import Table

        table = Table(show_lines=False)
        for head in ("代码", "级别", "规则", "含义"):
            table.add_column(head, overflow="fold")
        for _fam, c in _with_family(catalogue()):
            table.add_row(c.code, c.severity.label, c.rule, c.description)
        out.print(table)
    else:
        fail("--format 只能是 table、json 或 markdown。")


def _with_family(codes):
    from ..core.findings import family_of

    return [(family_of(c.code), c) for c in codes]
