"""`perfxl consolidate INPUTS... -o SUMMARY.xlsx [--jobs N] [--quiet]`: the command, kept thin.

Exit codes: 0 every file read and clean · 1 some files had errors, could not be read or were
duplicates · 2 no usable input at all (or the output path is refused).
"""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import List, Optional

import typer

MAX_LISTED = 8


def consolidate_cmd(
    inputs: List[str] = typer.Argument(..., help="部门工作簿、文件夹（递归查找 .xlsx/.xlsm）或通配符，如 '收件箱/*.xlsx'"),
    output: Path = typer.Option(..., "-o", "--output", help="汇总工作簿路径，如 汇总.xlsx"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="并行读取的进程数（默认：全部 CPU 核）"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不显示进度条与结果摘要，只输出错误"),
    policy: Optional[Path] = typer.Option(None, "--policy", help="评分设置文件（.toml/.json，见 perfxl policy）"),
):
    """汇总多个部门的自评工作簿：汇总表、项目/指标明细、三公/采购/资产、校验问题、抽查建议、文件清单和图表。"""
    import time

    from rich.console import Console

    from .batch import EXIT_NONE, consolidate_to_excel, expand_inputs

    from .policy_file import PolicyFileError, load_policy

    started = time.perf_counter()
    from .io.files import same_file

    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if output.suffix.lower() != ".xlsx":
        err.print("[bold red]错误：[/]汇总文件的扩展名应为 .xlsx。")
        raise typer.Exit(EXIT_NONE)
    named = [p for p in inputs if Path(p).is_file()]
    if output.exists() and any(same_file(p, output) for p in named):
        err.print(f"[bold red]错误：[/]{output} 是输入文件之一，汇总不会覆盖输入；请换一个输出路径。")
        raise typer.Exit(EXIT_NONE)
    try:
        rules = load_policy(policy)
    except PolicyFileError as exc:
        err.print(f"[bold red]错误：[/]{exc}")
        raise typer.Exit(EXIT_NONE)
    show = not quiet and out.is_terminal
    progress_cb, bar = None, None
    if show:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        n = len(expand_inputs(inputs, [output]))
        bar = Progress(TextColumn("读取与校验"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       console=out, transient=True)
        task = bar.add_task("read", total=n)
        bar.start()

        def progress_cb(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)
    try:  # streamed: each file's rows are written while the workers read the next files
        summary, written = consolidate_to_excel(inputs, output, jobs=jobs, policy=rules, exclude=[output],
                                                progress=progress_cb)
    except (OSError, ValueError) as exc:
        if bar is not None:
            bar.stop()
            bar = None
        err.print(f"[bold red]错误：[/]无法写出汇总文件 {output}：{exc}")
        raise typer.Exit(EXIT_NONE)
    finally:
        if bar is not None:
            bar.stop()
    if not quiet:
        print_summary(out, summary, written, time.perf_counter() - started)
    else:
        for f in summary.problem_files:
            if f["status"] == "无法读取":
                err.print(f"无法读取 {f['note']}")
    raise typer.Exit(summary.exit_code)


def _n(v, pct: bool = False) -> str:
    if v is None:
        return "—"
    if pct:
        return f"{Decimal(v) * 100:.2f}%"
    return f"{Decimal(v):,.2f}"


def print_summary(out, summary, written: Path, elapsed: float | None = None) -> None:
    """The one-screen result: files by status, totals, grades, what needs attention, where it is."""
    from rich.table import Table

    from .core import summary as S

    c = summary.counts
    t = summary.totals
    table = Table(title="汇总结果", title_justify="left", show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    table.add_row("文件", f"共 {summary.n_files} 个：[green]已汇总 {c[S.STATUS_OK]}[/]，"
                          f"[yellow]有错误仍汇总 {c[S.STATUS_ERRORS]}[/]，[red]无法读取 {c[S.STATUS_UNUSABLE]}[/]，"
                          f"[magenta]重复未计入 {c[S.STATUS_DUPLICATE]}[/]")
    table.add_row("单位 / 项目", f"{t['count']} 个单位，{t['projects']} 个项目")
    table.add_row("全年预算数", f"{_n(t['full_year'])} 万元；全年执行数 {_n(t['executed'])} 万元；"
                               f"合计执行率 {_n(t['exec_rate'], True)}（Σ执行÷Σ预算）")
    table.add_row("复核总分", f"简单平均 {_n(t['mean_recomputed'])}，资金加权平均 {_n(t['weighted_recomputed'])}")
    table.add_row("等级", "，".join(f"{g} {t['grades'][g]}" for g in S.GRADES)
                  + (f"，未评级 {t['ungraded']}" if t["ungraded"] else ""))
    table.add_row("校验问题", f"错误 {t['errors']} 项，警告 {t['warnings']} 项（见“校验问题”表）")
    table.add_row("抽查建议", f"{summary.n_review} 条（见“抽查建议”表）")
    out.print(table)
    bad = summary.problem_files
    for f in bad[:MAX_LISTED]:
        style = "red" if f["status"] == S.STATUS_UNUSABLE else "magenta"
        out.print(f"  [{style}]{f['status']}[/] {f['note'] or f['file']}")
    if len(bad) > MAX_LISTED:
        out.print(f"  …另有 {len(bad) - MAX_LISTED} 个文件，见“文件清单”表。")
    seconds = summary.elapsed if elapsed is None else elapsed
    out.print(f"汇总表已写出：[bold]{written}[/]（读取、校验与写出共用时 {seconds:.2f} 秒）")


def _standalone() -> None:  # python -m perfxl.cli_consolidate …, until cli.py registers the command
    app = typer.Typer(add_completion=False, rich_markup_mode=None)
    app.command("consolidate")(consolidate_cmd)
    app()


if __name__ == "__main__":
    _standalone()
