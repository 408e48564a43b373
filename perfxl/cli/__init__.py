"""The perfxl command line: one thin command per module; Chinese output.

Exit codes: 0 no errors · 1 errors found (or some files unusable in a batch) · 2 unusable input,
refused output path or bad option.
"""
from __future__ import annotations

import sys

import typer

from . import addin, check, codes, consolidate, fill, policy, template, word
from .common import err

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="perfxl：预算绩效自评——标准模板、计算、校验与汇总。")
app.command("template")(template.template_cmd)
app.command("add-project")(template.add_project_cmd)
app.command("fill")(fill.fill_cmd)
app.command("check")(check.check_cmd)
app.command("consolidate")(consolidate.consolidate_cmd)
app.command("policy")(policy.policy_cmd)
app.command("report")(word.report_cmd)
app.command("import-text")(word.import_text_cmd)
app.command("codes")(codes.codes_cmd)
app.add_typer(addin.app, name="addin")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("已中断。")
        sys.exit(130)


if __name__ == "__main__":
    main()
