"""D4 of RULES.md §4: 政府采购 total = 货物 + 工程 + 服务."""
from __future__ import annotations

from typing import Iterable

from ..evaluate import Evaluation
from ..findings import ERROR, Code, Family, Finding
from ._common import SUM, SUM_FIX
from .budget import identity

CODES = Family(
    "procurement", "政府采购",
    Code("procurement-total-mismatch", ERROR, "D4", SUM, "政府采购支出合计不等于货物、工程、服务之和。", SUM_FIX),
)


def check(ev: Evaluation) -> Iterable[Finding]:
    found = identity(ev, CODES, "procurement-total-mismatch", "procurement_total",
                     ("procurement_goods", "procurement_works", "procurement_services"))
    if found is not None:
        yield found
