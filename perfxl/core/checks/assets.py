"""D5 of RULES.md §4: 净资产 = 资产总额 − 负债总额; also 在用固定资产 ≤ 固定资产原值 (warning)."""
from __future__ import annotations

from typing import Iterable

from ..display import money
from ..evaluate import Evaluation
from ..findings import ERROR, WARNING, Code, Family, Finding
from ._common import SUM
from .budget import identity

CODES = Family(
    "assets", "资产",
    Code("net-assets-mismatch", ERROR, "D5", SUM, "净资产不等于资产总额减负债总额。",
         "净资产应为资产总额减负债总额；运行“计算”或 perfxl fill 重新计算。"),
    Code("fixed-assets-in-use-over-original", WARNING, "D5",
         "在用固定资产 {actual} 万元大于固定资产账面原值 {expected} 万元，多出 {diff} 万元，请核实。",
         "在用固定资产多于固定资产账面原值，通常是填错了其中一项。", "核对资产负债表，改正在用固定资产或账面原值。"),
)


def check(ev: Evaluation) -> Iterable[Finding]:
    found = identity(ev, CODES, "net-assets-mismatch", "net_assets", ("assets_total", "liabilities_total"), (1, -1))
    if found is not None:
        yield found
    original, in_use = ev.num("fixed_assets_original"), ev.num("fixed_assets_in_use")
    if original is not None and in_use is not None and in_use - original > ev.policy.tolerance_amount:
        yield CODES("fixed-assets-in-use-over-original", ev.cell("fixed_assets_in_use").where, original, in_use,
                    actual=money(in_use), expected=money(original), diff=money(in_use - original))
