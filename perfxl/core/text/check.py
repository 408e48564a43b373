"""``check_texts``: every N1 check over a department's narrative cells."""
from __future__ import annotations

from typing import Sequence

from ..findings import Finding
from .analyze import analyze
from .arith import check_lists, check_structures
from .fields import check_fields, check_weights
from .model import Claim, TableFacts, TextCell
from .run import Run


def extract_claims(cell: TextCell) -> list[Claim]:
    """The figures ``cell`` states that are bound to a field or play a part in the sentence's arithmetic."""
    return list(analyze(cell).claims)


def check_texts(file: str, cells: Sequence[TextCell], facts: TableFacts) -> list[Finding]:
    """N1a–N1g over ``cells`` (the report's narrative and the projects' texts) against ``facts``.

    Findings come in the order of the cells, each cell's in the order of its sentences."""
    run = Run(file, cells, facts)
    failed = check_lists(run)
    check_fields(run, failed)
    check_weights(run)
    check_structures(run)
    order = {(c.sheet, c.cell): i for i, c in enumerate(cells)}
    return sorted(run.findings, key=lambda f: order.get((f.where.sheet, f.where.cell), len(order)))
