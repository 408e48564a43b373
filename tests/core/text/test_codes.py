"""The text family's catalogue entries, and the package's layering (standard library and perfxl.core only)."""
from __future__ import annotations

import ast
from pathlib import Path

from perfxl.core.findings import ERROR, INFO, WARNING
from perfxl.core.text import CODES

PACKAGE = Path(__file__).resolve().parents[3] / "perfxl" / "core" / "text"


def test_every_code_is_fully_declared():
    assert (CODES.name, CODES.title) == ("text", "报告正文")
    for code in CODES:
        assert code.rule in {"N1a", "N1b", "N1c", "N1d", "N1e", "N1f", "N1g"}, code.code
        assert code.description and code.fix, code.code
        assert {"section", "quote"} <= code.placeholders, code.code
        assert code.severity in (ERROR, WARNING, INFO)
    assert {c.rule for c in CODES} == {"N1a", "N1b", "N1c", "N1d", "N1e", "N1f", "N1g"}


def test_only_an_ambiguous_binding_is_an_info_and_only_a_rounding_slip_a_warning():
    assert {c.code for c in CODES if c.severity is INFO} == {"text-figure-ambiguous"}
    assert {c.code for c in CODES if c.severity is WARNING} == {"text-share-slip"}


def test_the_package_uses_the_standard_library_and_perfxl_core_only():
    import sys

    allowed = set(sys.stdlib_module_names)
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: inside perfxl.core
                    assert node.level <= 2, (path.name, node.module)
                    continue
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in allowed or name.startswith("perfxl.core"), (path.name, name)
                assert not name.startswith("perfxl.core.") or name.split(".")[2] in ("findings", "values", "money", "model", "derive", "text"), (
                    path.name, name)


def test_modules_stay_small():
    for path in PACKAGE.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 330, path.name
