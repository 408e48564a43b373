"""The user's reference pages generated from the code: ``docs/findings.md`` from the finding catalogue.

    python -m perfxl.docs            # rewrites docs/findings.md (a test holds it current)
"""
from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def codes_markdown() -> str:
    """The catalogue of finding codes as a Markdown page, family by family."""
    from .core.findings import families

    lines = [
        "# 校验代码一览 / Finding codes",
        "",
        "由 `perfxl codes --format markdown` 生成（`python -m perfxl.docs` 重写本页；测试保证本页与代码一致）。"
        "每条校验结果都带一个代码、级别（错误 / 警告 / 提示）、规则编号（见 RULES.md）和单元格位置。",
        "",
        "- **错误**：表格自相矛盾或算错了，必须改正；`perfxl check` 有错误时退出码为 1。",
        "- **警告**：很可能有问题或缺少说明，请核实。",
        "- **提示**：供参考，例如计算单元格尚未填入。",
        "",
    ]
    for fam in families():
        lines += [f"## {fam.title}（`{fam.name}`）", "", "| 代码 | 级别 | 规则 | 含义 | 怎么处理 |", "|---|---|---|---|---|"]
        for c in fam:
            lines.append(f"| `{c.code}` | {c.severity.label} | {c.rule} | {_cell(c.description)} | {_cell(c.fix)} |")
        lines.append("")
        lines.append("消息格式：")
        lines.append("")
        for c in fam:
            lines.append(f"- `{c.code}`：{_cell(c.template)}")
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main() -> int:
    DOCS.mkdir(exist_ok=True)
    (DOCS / "findings.md").write_text(codes_markdown(), encoding="utf-8")
    print(DOCS / "findings.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
