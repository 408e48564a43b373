"""perfxl — 预算绩效自评: the standard template, the rules core, checks and consolidation.

Importing ``perfxl`` is cheap (no pandas, no openpyxl): the API functions import what they need
when called, because Excel starts a Python process per ribbon click.

    import perfxl
    dept = perfxl.load("部门.xlsx")
    perfxl.fill("部门.xlsx", "部门-已计算.xlsx")
    result = perfxl.check("部门-已计算.xlsx")
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["load", "fill", "check", "annotate_copy", "add_project", "write_template", "consolidate", "__version__"]


def __getattr__(name: str):
    if name in ("load", "fill", "check", "annotate_copy", "add_project", "write_template"):
        from . import api

        return getattr(api, name)
    if name == "consolidate":
        from .batch import consolidate

        return consolidate
    raise AttributeError(f"module 'perfxl' has no attribute {name!r}")
