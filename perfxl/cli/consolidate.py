"""`perfxl consolidate INPUTS... -o SUMMARY.xlsx`: the command, kept thin.

Exit codes: 0 every file read and clean · 1 some files had errors, could not be read or were
duplicates · 2 no usable input at all (or the output path or the policy file is refused).
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .common import POLICY, fail, load_policy, out, output_path
from .report import print_summary, print_unreadable


def consolidate_cmd(
    inputs: List[str] = typer.Argument(..., help="部门工作簿、文件夹（递归查找 .xlsx/.xlsm）或通配符，如 '收件箱/*.xlsx'"),
    output: Path = typer.Option(..., "-o", "--output", help="汇总工作簿路径，如 汇总.xlsx"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="并行读取的进程数（默认：全部 CPU 核）"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不显示进度条与结果摘要，只输出错误"),
    policy: Optional[Path] = POLICY,
):
    """汇总多个部门的自评工作簿：汇总表、项目/指标明细、三公/采购/资产、校验问题、抽查建议、文件清单和图表。"""
    from ..batch import consolidate

    if output.suffix.lower() != ".xlsx":
        fail("汇总文件的扩展名应为 .xlsx。")
    output_path(output)  # (not an input: the consolidation checks that against the files it finds)
    rules = load_policy(policy)
    with _progress(not quiet and out.is_terminal) as progress:
        try:
            summary = consolidate(inputs, output=output, jobs=jobs, policy=rules, progress=progress)
        except ValueError as exc:  # OutputError or the output is one of the inputs: one sentence each
            fail(getattr(exc, "message", None) or str(exc))
        except OSError as exc:
            fail(f"无法写出汇总文件 {output.name}：{exc.strerror or exc}")
    print_unreadable(summary) if quiet else print_summary(out, summary)
    raise typer.Exit(summary.exit_code)


class _progress:
    """A rich progress bar fed by the consolidation's ``progress(done, total)`` callback (or nothing)."""

    def __init__(self, show: bool):
        self.bar = None
        if show:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("读取与校验"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                console=out, transient=True)
            self.task = self.bar.add_task("read", total=None)

    def __enter__(self):
        if self.bar is None:
            return None
        self.bar.start()
        return lambda done, total: self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
