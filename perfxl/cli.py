"""The perfxl command line: one thin command per operation; Chinese output by default.

Exit codes: 0 no errors · 1 errors found (or some files unusable in a batch) · 2 unusable input.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="perfxl：预算绩效自评——标准模板、计算、校验与汇总。")
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _fail(message: str, code: int = EXIT_UNUSABLE) -> None:
    err.print(f"[bold red]错误：[/]{message}")
    raise typer.Exit(code)


@app.command("template")
def template_cmd(
    output: Path = typer.Option(..., "-o", "--output", help="输出路径，如 模板.xlsx"),
    projects: int = typer.Option(1, "--projects", min=1, max=50, help="项目自评表张数"),
    force: bool = typer.Option(False, "--force", help="覆盖已有文件"),
):
    """生成标准模板工作簿。"""
    from .api import write_template

    if output.exists() and not force:
        _fail(f"{output} 已存在；如需覆盖请加 --force。")
    write_template(output, projects=projects)
    out.print(f"已生成模板：{output}")


@app.command("add-project")
def add_project_cmd(
    file: Path = typer.Argument(..., help="部门自评工作簿"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="另存为（默认就地修改原文件）"),
    name: Optional[str] = typer.Option(None, "--name", help="新工作表名称"),
):
    """在工作簿中新增一张项目支出绩效自评表。"""
    from .api import add_project
    from .io.protocol import UnusableWorkbook

    try:
        sheet = add_project(file, output=output, title=name)
    except UnusableWorkbook as exc:
        _fail(exc.message)
    except ValueError as exc:
        _fail(str(exc))
    out.print(f"已新增工作表“{sheet}”：{output or file}")


@app.command("fill")
def fill_cmd(
    file: Path = typer.Argument(..., help="部门自评工作簿（.xlsx/.xlsm）"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="输出文件"),
    in_place: bool = typer.Option(False, "--in-place", help="直接写回原文件"),
    policy: Optional[Path] = typer.Option(None, "--policy", help="评分设置文件（.toml/.json，见 perfxl policy）"),
):
    """计算并写入派生单元格（执行率、得分、总分、等级、占比、增减额、净资产），不改动任何填写项。"""
    from .api import fill
    from .io.protocol import UnusableWorkbook

    if not in_place and output is None:
        _fail("请用 -o 指定输出文件，或加 --in-place 写回原文件。")
    if in_place and output is not None:
        _fail("-o 与 --in-place 只能选一个。")
    rules = _policy(policy)
    try:
        res = fill(file, output=output, in_place=in_place, policy=rules)
    except UnusableWorkbook as exc:
        _fail(exc.message)
    except ValueError as exc:
        _fail(str(exc))
    target = file if in_place else output
    out.print(f"已计算 {res.written} 个派生单元格（其中 {res.changed} 个有变化）：{target}")


@app.command("check")
def check_cmd(
    files: list[Path] = typer.Argument(..., help="一个或多个部门自评工作簿"),
    format: str = typer.Option("table", "--format", help="输出格式：table 或 json"),
    annotate: Optional[Path] = typer.Option(None, "--annotate", help="另存一份带“校验结果”表并标记单元格的副本"),
    policy: Optional[Path] = typer.Option(None, "--policy", help="评分设置文件（.toml/.json，见 perfxl policy）"),
):
    """校验合计、权重、得分、总分与等级，指出单元格、应为多少、实为多少。"""
    from .api import check, annotate_copy

    if format not in ("table", "json"):
        _fail("--format 只能是 table 或 json。")
    if annotate is not None and len(files) != 1:
        _fail("--annotate 只能用于单个文件。")
    rules = _policy(policy)
    results = [check(f, rules) for f in files]
    if format == "json":
        rows = []
        for r in results:
            if r.unusable:
                rows.append({"code": "workbook-unusable", "severity": "error", "rule": "", "file": Path(r.file).name,
                             "sheet": "", "cell": "", "message": r.unusable, "expected": None, "actual": None,
                             "path": str(r.file)})
            for f in r.findings:
                rows.append({**f.as_dict(), "path": str(r.file)})
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for r in results:
            _print_result(r)
    if annotate is not None and not results[0].unusable:
        if annotate.resolve() == files[0].resolve():
            _fail("--annotate 的输出不能覆盖输入文件。")
        annotate_copy(files[0], annotate, results[0].findings)
        if format == "table":
            out.print(f"已写出带标记的副本：{annotate}")
    if any(r.unusable for r in results):
        raise typer.Exit(EXIT_UNUSABLE)
    raise typer.Exit(EXIT_FINDINGS if any(r.errors for r in results) else EXIT_OK)


def _policy(path: Optional[Path]):
    from .policy_file import PolicyFileError, load_policy

    try:
        return load_policy(path)
    except PolicyFileError as exc:
        _fail(str(exc))


@app.command("policy")
def policy_cmd(
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="写入文件（默认打印）"),
    policy: Optional[Path] = typer.Option(None, "--policy", help="从已有设置文件出发（校验并补全）"),
):
    """输出评分设置（国家默认规则，带中文注释），修改后用 --policy 传给 fill/check/consolidate。"""
    from .io.files import atomic_write
    from .policy_file import policy_toml

    text = policy_toml(_policy(policy))
    if output is None:
        sys.stdout.write(text)
        return
    atomic_write(output, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    out.print(f"已写出评分设置：{output}")


def _print_result(r) -> None:
    name = Path(r.file).name
    if r.unusable:
        err.print(f"[bold red]无法读取[/] {r.unusable}")
        return
    if not r.findings:
        out.print(f"[green]✔[/] {name}：未发现问题。")
        return
    table = Table(title=f"{name} 校验结果", title_justify="left", show_lines=False, expand=False)
    table.add_column("级别", no_wrap=True)
    table.add_column("位置", no_wrap=True)
    table.add_column("代码", no_wrap=True, style="dim")
    table.add_column("说明", overflow="fold")
    for f in r.findings:
        style = SEVERITY_STYLE[f.severity.value]
        place = f"{f.where.sheet}!{f.where.cell}" if f.where.cell else f.where.sheet
        table.add_row(f"[{style}]{f.severity.label}[/]", place, f.code, f.message)
    out.print(table)
    out.print(f"{name}：错误 {r.errors} 项，警告 {r.warnings} 项，提示 {r.infos} 项。")


from .cli_consolidate import consolidate_cmd  # noqa: E402

app.command("consolidate")(consolidate_cmd)


from .cli_addin import app as addin_app  # noqa: E402  (imports only typer and rich at the top)

app.add_typer(addin_app, name="addin")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("已中断。")
        sys.exit(130)


if __name__ == "__main__":
    main()
