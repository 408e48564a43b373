"""D4 of RULES.md §4: 政府采购 total = 货物 + 工程 + 服务."""
from __future__ import annotations

from typing import Iterable

from ..findings import Finding
from ..model import Department
from ..policy import ScoringPolicy
from ._common import dept_sum


def check(dept: Department, policy: ScoringPolicy) -> Iterable[Finding]:
    found = dept_sum(dept, "procurement_total", ["procurement_goods", "procurement_works", "procurement_services"],
                     "procurement-total-mismatch", "D4", policy)
    if found is not None:
        yield found
