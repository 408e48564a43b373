"""D3 of RULES.md §4: “三公”经费 total = 出国 + 公务用车 + 公务接待 (预算 and 决算); 增减 = 决算 − 预算."""
from __future__ import annotations

from typing import Iterable

from ..evaluate import Evaluation
from ..fields import label_of
from ..findings import ERROR, Code, Family, Finding
from ._common import SUM, SUM_FIX, sum_finding
from .budget import identity

CODES = Family(
    "sangong", "“三公”经费",
    Code("sangong-total-mismatch", ERROR, "D3", SUM,
         "“三公”经费合计（预算数或决算数）不等于因公出国（境）费、公务用车购置及运行维护费、公务接待费之和。", SUM_FIX),
    Code("sangong-diff-mismatch", ERROR, "D3", SUM, "“三公”经费的增减额不等于决算数减预算数。",
         "增减额应为决算数减预算数；运行“计算”或 perfxl fill 重新计算。"),
)
ITEMS = ("abroad", "car", "reception")


def check(ev: Evaluation) -> Iterable[Finding]:
    for side in ("budget", "final"):
        found = identity(ev, CODES, "sangong-total-mismatch", f"sangong_{side}_total",
                         [f"sangong_{side}_{i}" for i in ITEMS])
        if found is not None:
            yield found
    for item in ("total", *ITEMS):
        final, budget = f"sangong_final_{item}", f"sangong_budget_{item}"
        name = label_of(final).replace("“三公”经费决算数合计", "“三公”经费合计")
        found = sum_finding(CODES, "sangong-diff-mismatch", ev.cell(f"sangong_diff_{item}"),
                            ev.value(f"sangong_diff_{item}"),
                            [(f"{name}决算数", ev.value(final), 1), (f"{name}预算数", ev.value(budget), -1)],
                            label=label_of(f"sangong_diff_{item}"), policy=ev.policy)
        if found is not None:
            yield found
