"""`perfxl addin …`: build and install the Excel add-in (perfxl.xlam)."""
from __future__ import annotations

from pathlib import Path

import typer

from .common import fail, out, output_path

app = typer.Typer(help="Excel 加载项（.xlam）", no_args_is_help=True, add_completion=False)


@app.command()
def build(
    output: Path = typer.Option(Path("perfxl.xlam"), "-o", "--output", help="输出的 .xlam 文件路径"),
) -> None:
    """在任何系统上从源代码生成 perfxl.xlam（无需 Excel，输出可逐字节复现）。"""
    from ..excel.addin.build import AddinBuildError, build_addin

    if output.suffix.lower() != ".xlam":
        fail(f"输出文件必须以 .xlam 结尾：{output}（output must end in .xlam）")
    output_path(output)
    try:
        path = build_addin(output)
    except AddinBuildError as exc:
        fail(str(exc))
    except OSError as exc:
        name = exc.filename if exc.filename and ".~perfxl-" not in str(exc.filename) else output
        fail(f"生成失败：{name}：{exc.strerror or exc}（cannot read or write a file）")
    out.print(f"[green]已生成加载项[/] {path}（{path.stat().st_size:,} 字节）")


@app.command()
def install(
    file: Path = typer.Option(None, "-f", "--file", help="要安装的 .xlam；省略时先自动生成"),
) -> None:
    """把加载项安装到 Excel 的 XLSTART 文件夹并写入用户配置（仅 Windows）。"""
    from ..excel.addin.build import AddinBuildError
    from ..excel.addin.install import InstallError, install_addin

    try:
        message = install_addin(file)
    except (InstallError, AddinBuildError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"安装失败：{exc}（installation failed）")
    out.print(message)
