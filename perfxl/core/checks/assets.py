"""D5 of RULES.md §4: 净资产 = 资产总额 − 负债总额; also 在用固定资产 ≤ 固定资产原值 (warning)."""
from __future__ import annotations

from typing import Iterable

from ..findings import Finding
from ..model import Department
from ..policy import ScoringPolicy
from ._common import WARNING, dept_sum, finding, money, read


def check(dept: Department, policy: ScoringPolicy) -> Iterable[Finding]:
    found = dept_sum(dept, "net_assets", ["assets_total", "liabilities_total"], "net-assets-mismatch", "D5",
                     policy, [1, -1])
    if found is not None:
        yield found
    original, in_use = read(dept.get("fixed_assets_original")), read(dept.get("fixed_assets_in_use"))
    if original.value is not None and in_use.value is not None and in_use.value - original.value > policy.tolerance_amount:
        yield finding("fixed-assets-in-use-over-original", WARNING, dept.get("fixed_assets_in_use").where, "D5",
                      original.value, in_use.value, msg="in-use-over-original", actual=money(in_use.value),
                      expected=money(original.value), diff=money(in_use.value - original.value))
