"""The checks: one module per family of RULES.md §4, each a pure function ``check(dept, policy)``
yielding Findings. ``run_checks`` runs them all in a stable order."""
from __future__ import annotations

from importlib import import_module

from ..derive import cached_figures
from ..findings import Finding, Severity
from ..model import Department
from ..policy import DEFAULT_POLICY, ScoringPolicy

# module names under perfxl.core.checks, in report order
FAMILIES = (
    "cells",  # unreadable / absurd input cells
    "budget",  # D1 D2
    "shares",  # D6
    "sangong",  # D3
    "procurement",  # D4
    "assets",  # D5
    "funds",  # F1 F2
    "weights",  # W1
    "scores",  # S1 S2 S4 + explanations, bands, over-achievement
    "totals",  # S3
    "cross",  # D7
    "derived",  # derived cells not yet filled or stale (those no identity above covers)
)

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def run_checks(dept: Department, policy: ScoringPolicy = DEFAULT_POLICY) -> list[Finding]:
    out: list[Finding] = []
    with cached_figures():
        out.extend(_run_families(dept, policy))
    out.sort(key=lambda f: _SEVERITY_ORDER[f.severity])  # stable: errors first, then family order
    return out


def _run_families(dept: Department, policy: ScoringPolicy):
    out: list[Finding] = []
    for family in FAMILIES:
        module = import_module(f"{__name__}.{family}")
        out.extend(module.check(dept, policy))
    return out
