"""The check families: one module per family of RULES.md §4, each a pure function ``check(ev)`` of an
:class:`~perfxl.core.evaluate.Evaluation` that yields Findings of the codes its ``CODES`` declares.
``run_checks`` runs them all in a stable order."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..findings import Finding, sort_findings
from . import (
    assets, budget, cells, cross, derived, funds, indicators, procurement, reading, sangong, scores, shares, text, totals,
    weights,
)

if TYPE_CHECKING:
    from ..evaluate import Evaluation

# in report order (within a severity, findings keep this order)
FAMILIES = (
    reading,  # what the readers left out (content far away, broken or huge names)
    cells,  # unreadable / absurd input cells
    budget,  # D1 D2
    shares,  # D6
    sangong,  # D3
    procurement,  # D4
    assets,  # D5
    funds,  # F1 F2
    weights,  # W1
    scores,  # S1 S2 S4 + explanations, bands, over-achievement
    indicators,  # P1 X1 X2 X9: what an indicator's target and actual can be
    totals,  # S3
    cross,  # D7
    text,  # N1: the figures of the report's prose
    derived,  # derived cells not yet filled or stale (those no identity above covers)
)


def run_checks(ev: "Evaluation") -> list[Finding]:
    """Every family's findings on one evaluated department: errors first, then warnings, then infos."""
    out: list[Finding] = []
    for family in FAMILIES:
        out.extend(family.check(ev))
    return sort_findings(out)
