"""Imports every module that declares a finding family, in report order (see ``findings.families``).

A new family module is listed here once; ``tests/core/test_catalogue.py`` holds the list complete.
"""
from __future__ import annotations

from importlib import import_module

# modules under perfxl.core that declare a Family, in the order their findings are reported
DECLARING_MODULES: tuple[str, ...] = (
    "checks.reading", "checks.cells", "checks.budget", "checks.shares", "checks.sangong", "checks.procurement", "checks.assets",
    "checks.funds", "checks.weights", "checks.scores", "checks.indicators", "checks.totals", "checks.cross", "text.codes",
    "checks.derived", "summary",
)

for _name in DECLARING_MODULES:
    import_module(f"perfxl.core.{_name}")
