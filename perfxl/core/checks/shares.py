"""D6 of RULES.md §4: each share = part / 总支出 (0.01 pp); 基本 + 项目 shares sum to 100%.

The partition sum is only checked when a share cannot be checked against its amount (an amount is
blank): otherwise it adds nothing to the share checks and D1."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..derive import RATE_PLACES
from ..findings import Finding
from ..model import Department
from ..money import q
from ..policy import ScoringPolicy
from ._common import ERROR, finding, label_of, money, pct, pp, read

PARTS = ("basic", "project", "personnel", "public")
PARTITION = ("basic", "project")  # a partition of 总支出


def check(dept: Department, policy: ScoringPolicy) -> Iterable[Finding]:
    whole = read(dept.get("final_expense_total"))
    mismatched = set()
    for part in PARTS:
        cell = dept.get(f"final_{part}_share")
        stated, amount = read(cell, "rate"), read(dept.get(f"final_{part}"))
        if stated.value is None or amount.value is None or whole.value in (None, Decimal(0)):
            continue
        expected = q(amount.value / whole.value, RATE_PLACES)
        diff = stated.value - expected
        if abs(diff) > policy.tolerance_rate:
            mismatched.add(part)
            yield finding("share-mismatch", ERROR, cell.where, "D6", expected, stated.value, msg="share",
                          label=label_of(f"final_{part}_share"), expected=pct(expected), part=money(amount.value),
                          whole=money(whole.value), actual=pct(stated.value), diff=pp(diff))
    cells = [dept.get(f"final_{p}_share") for p in PARTITION]
    shares = [read(c, "rate").value for c in cells]
    amounts = [read(dept.get(f"final_{p}")).value for p in PARTITION]
    if whole.value and all(a is not None for a in amounts):
        return  # each share was checked against its amount, and D1 checks the amounts add up
    if mismatched & set(PARTITION) or any(s is None for s in shares):
        return
    total = sum(shares, Decimal(0))
    if abs(total - 1) > policy.tolerance_rate * len(shares):
        formula = " + ".join(f"{label_of(f'final_{p}_share')} {pct(s)}" for p, s in zip(PARTITION, shares))
        yield finding("shares-not-100", ERROR, cells[-1].where, "D6", Decimal(1), total, formula=formula,
                      actual=pct(total), diff=pp(total - 1))
