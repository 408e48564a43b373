"""D3 of RULES.md §4: “三公”经费 total = 出国 + 公务用车 + 公务接待 (预算 and 决算); 增减 = 决算 − 预算."""
from __future__ import annotations

from typing import Iterable

from ..findings import Finding
from ..model import Department
from ..policy import ScoringPolicy
from ._common import dept_sum

ITEMS = ("abroad", "car", "reception")


def check(dept: Department, policy: ScoringPolicy) -> Iterable[Finding]:
    for side in ("budget", "final"):
        found = dept_sum(dept, f"sangong_{side}_total", [f"sangong_{side}_{i}" for i in ITEMS],
                         "sangong-total-mismatch", "D3", policy)
        if found is not None:
            yield found
    for item in ("total", *ITEMS):
        found = dept_sum(dept, f"sangong_diff_{item}", [f"sangong_final_{item}", f"sangong_budget_{item}"],
                         "sangong-diff-mismatch", "D3", policy, [1, -1])
        if found is not None:
            yield found
