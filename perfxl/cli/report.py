"""What the commands print: one department's findings, the JSON rows, a consolidation's one-screen result."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..core.display import pct
from .common import SEVERITY_STYLE, err, out

MAX_LISTED = 8


def finding_rows(results) -> list[dict]:
    """Every finding of every result as a JSON object; an unusable file is one ``workbook-unusable`` row."""
    from ..core.findings import Where
    from ..core.summary import CODES

    rows = []
    for r in results:
        if r.unusable:
            f = CODES("workbook-unusable", Where(Path(r.file).name), message=r.unusable)
            rows.append({**f.as_dict(), "path": str(r.file)})
        rows.extend({**f.as_dict(), "path": str(r.file)} for f in r.findings)
    return rows


def print_json(results) -> None:
    sys.stdout.write(json.dumps(finding_rows(results), ensure_ascii=False, indent=2) + "\n")


def print_result(r) -> None:
    from rich.table import Table

    name = Path(r.file).name
    if r.unusable:
        err.print(f"[bold red]无法读取[/] {r.unusable}")
        return
    source = r.evaluation.policy_source if r.evaluation is not None else ""
    note = "" if not source or source.startswith("国家") else f"（评分设置：{source}）"
    if not r.findings:
        out.print(f"[green]✔[/] {name}：未发现问题。{note}")
        return
    table = Table(title=f"{name} 校验结果", title_justify="left", show_lines=False, expand=False)
    for head, kw in (("级别", {"no_wrap": True}), ("位置", {"no_wrap": True}), ("代码", {"no_wrap": True, "style": "dim"}),
                     ("说明", {"overflow": "fold"})):
        table.add_column(head, **kw)
    for f in r.findings:
        table.add_row(f"[{SEVERITY_STYLE[f.severity.value]}]{f.severity.label}[/]", f.where.place, f.code, f.message)
    out.print(table)
    out.print(f"{name}：错误 {r.errors} 项，警告 {r.warnings} 项，提示 {r.infos} 项。{note}")


def print_summary(console, summary, elapsed: float | None = None) -> None:
    """The one-screen result: files by status, totals, grades, what needs attention, where it is."""
    from rich.table import Table

    from ..core.summary_rows import Status

    c, t = summary.counts, summary.totals
    table = Table(title="汇总结果", title_justify="left", show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    styles = {Status.OK: "green", Status.ERRORS: "yellow", Status.UNUSABLE: "red", Status.DUPLICATE: "magenta"}
    table.add_row("文件", f"共 {summary.n_files} 个：" + "，".join(f"[{styles[s]}]{s.label} {c[s]}[/]" for s in Status))
    table.add_row("单位 / 项目", f"{t.count} 个单位，{t.projects} 个项目")
    table.add_row("全年预算数", f"{_n(t.full_year)} 万元；全年执行数 {_n(t.executed)} 万元；"
                               f"合计执行率 {_n(t.exec_rate, True)}（Σ执行÷Σ预算）")
    table.add_row("复核总分", f"简单平均 {_n(t.mean['recomputed'])}，资金加权平均 {_n(t.weighted['recomputed'])}")
    table.add_row("等级", "，".join(f"{g} {k}" for g, k in t.grades.items())
                  + (f"，未评级 {t.ungraded}" if t.ungraded else ""))
    table.add_row("校验问题", f"错误 {t.errors} 项，警告 {t.warnings} 项（见“校验问题”表）")
    table.add_row("抽查建议", f"{summary.n_review} 条（见“抽查建议”表）")
    console.print(table)
    bad = summary.problem_files
    for f in bad[:MAX_LISTED]:
        console.print(f"  [{'red' if f.status == Status.UNUSABLE.label else 'magenta'}]{f.status}[/] {f.note or f.file}")
    if len(bad) > MAX_LISTED:
        console.print(f"  …另有 {len(bad) - MAX_LISTED} 个文件，见“文件清单”表。")
    seconds = summary.elapsed if elapsed is None else elapsed
    if summary.output is not None:
        console.print(f"汇总表已写出：[bold]{summary.output}[/]（读取、校验与写出共用时 {seconds:.2f} 秒）")


def _n(v, is_rate: bool = False) -> str:
    if v is None:
        return "—"
    return pct(v) if is_rate else f"{v:,.2f}"


def print_codes(format: str) -> None:
    """The finding catalogue as a table, JSON (one object per code) or the Markdown reference page."""
    from ..core.findings import catalogue, family_of
    from ..docs import codes_markdown

    if format == "markdown":
        sys.stdout.write(codes_markdown())
        return
    codes = catalogue()
    if format == "json":
        rows = [{"code": c.code, "severity": c.severity.value, "rule": c.rule, "family": family_of(c.code),
                 "template": c.template, "description": c.description, "fix": c.fix} for c in codes]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.table import Table

    table = Table(show_lines=False)
    for head in ("代码", "级别", "规则", "含义"):
        table.add_column(head, overflow="fold")
    for c in codes:
        table.add_row(c.code, c.severity.label, c.rule, c.description)
    out.print(table)


def print_unreadable(summary) -> None:
    """--quiet: only the files that could not be read, one line each, on stderr."""
    from ..core.summary_rows import Status

    for f in summary.problem_files:
        if f.status == Status.UNUSABLE.label:
            err.print(f"无法读取 {f.note}")
