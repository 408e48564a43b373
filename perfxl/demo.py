"""`make demo`: fill, check and consolidate the example workbooks, never touching the originals.

    python -m perfxl.demo EXAMPLES_DIR OUT_DIR

For each example workbook: compute its derived cells into OUT_DIR (a filled copy), check the copy and
print the findings; then consolidate the filled copies into OUT_DIR/汇总.xlsx and say where it is.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("用法：python -m perfxl.demo 示例文件夹 输出文件夹", file=sys.stderr)
        return 2
    from rich.console import Console

    from .api import check, fill
    from .batch import consolidate, expand_inputs
    from .cli.report import print_result, print_summary
    from .io.files import same_file
    from .io.protocol import UnusableWorkbook

    examples, out_dir = Path(argv[0]), Path(argv[1])
    console = Console(highlight=False, soft_wrap=True)
    inputs = expand_inputs([examples])
    if not inputs:
        console.print(f"[red]{examples} 中没有 .xlsx/.xlsm 工作簿。[/]")
        return 2
    out_dir.mkdir(parents=True, exist_ok=True)
    filled = []
    for src in inputs:
        src = Path(src)
        target = out_dir / src.name
        if same_file(src, target):
            console.print(f"[red]输出文件夹不能是示例文件夹本身：{out_dir}[/]")
            return 2
        console.rule(f"{src.name}")
        try:
            res = fill(src, target)
            console.print(f"已计算 {res.written} 个派生单元格（{res.changed} 个有变化）→ {target}")
            filled.append(target)
        except (UnusableWorkbook, ValueError) as exc:
            console.print(f"[red]无法计算：{getattr(exc, 'message', exc)}[/]")
            continue
        except Exception as exc:  # a demo goes on with the other examples
            console.print(f"[red]计算出错（{type(exc).__name__}: {exc}）[/]")
            continue
        try:
            print_result(check(target))
        except Exception as exc:
            console.print(f"[red]校验出错（{type(exc).__name__}: {exc}）[/]")
    summary_path = out_dir / "汇总.xlsx"
    console.rule("汇总")
    started = time.perf_counter()
    summary = consolidate(filled, output=summary_path)
    print_summary(console, summary, time.perf_counter() - started)
    console.print(f"[bold green]汇总表在：{summary.output.resolve()}[/]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
