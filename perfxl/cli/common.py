"""What every command shares: the consoles, one way to fail, the --policy option and exit codes."""
from __future__ import annotations

from pathlib import Path
from typing import NoReturn, Optional

import typer
from rich.console import Console

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

POLICY = typer.Option(None, "--policy", help="评分设置文件（.toml/.json，见 perfxl policy）；不给时用工作簿自带的、"
                                            "用户配置的或国家默认的评分设置")


def fail(message: str, code: int = EXIT_UNUSABLE) -> NoReturn:
    err.print(f"[bold red]错误：[/]{message}")
    raise typer.Exit(code)


def output_path(path: Path, inputs=()) -> Path:
    """Refuse, before any work, an output that cannot be written or is one of ``inputs`` (exit 2)."""
    from ..io.files import OutputError, check_output_path

    try:
        return check_output_path(path, inputs=inputs)
    except OutputError as exc:
        fail(exc.message)


def load_policy(path: Optional[Path]):
    """The run's policy from ``--policy`` (None: each workbook's own); a bad file ends the run (exit 2)."""
    from ..policy_file import PolicyFileError, load_policy as load

    if path is None:
        return None
    try:
        return load(path)
    except PolicyFileError as exc:
        fail(str(exc))
