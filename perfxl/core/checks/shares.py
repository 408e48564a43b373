"""D6 of RULES.md §4: each share = part / 总支出 (0.01 pp); 基本 + 项目 shares sum to 100%.

The partition sum is only checked when a share cannot be checked against its amount (an amount is
blank): otherwise it adds nothing to the share checks and D1."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..display import money, pct, pp
from ..evaluate import RATE_PLACES, Evaluation
from ..fields import label_of
from ..findings import ERROR, Code, Family, Finding
from ..money import q

CODES = Family(
    "shares", "占总支出比例",
    Code("share-mismatch", ERROR, "D6", "{label}应为 {expected}（{part} ÷ {whole}），实为 {actual}，相差 {diff} 个百分点。",
         "占总支出的比例不等于该项金额除以决算总支出。",
         "比例 = 该项金额 ÷ 总支出；运行“计算”或 perfxl fill 重新计算（常见错误：用年初预算作分母、小数点错位）。"),
    Code("shares-not-100", ERROR, "D6",
         "{formula} = {actual}，同一划分的各部分占比之和应为 100.00%，相差 {diff} 个百分点。",
         "基本支出与项目支出的占比之和不是 100%。", "核对两项占比；金额齐全时运行“计算”重新计算。"),
)

PARTS = ("basic", "project", "personnel", "public")
PARTITION = ("basic", "project")  # a partition of 总支出


def check(ev: Evaluation) -> Iterable[Finding]:
    whole = ev.num("final_expense_total")
    tol = ev.policy.tolerance_rate
    mismatched = set()
    for part in PARTS:
        key = f"final_{part}_share"
        stated, amount = ev.num(key), ev.num(f"final_{part}")
        if stated is None or amount is None or whole in (None, Decimal(0)):
            continue
        expected = q(amount / whole, RATE_PLACES)
        diff = stated - expected
        if abs(diff) > tol:
            mismatched.add(part)
            yield CODES("share-mismatch", ev.cell(key).where, expected, stated, label=label_of(key),
                        expected=pct(expected), part=money(amount), whole=money(whole), actual=pct(stated),
                        diff=pp(diff))
    keys = [f"final_{p}_share" for p in PARTITION]
    shares = [ev.num(k) for k in keys]
    amounts = [ev.num(f"final_{p}") for p in PARTITION]
    if whole and all(a is not None for a in amounts):
        return  # each share was checked against its amount, and D1 checks the amounts add up
    if mismatched & set(PARTITION) or any(s is None for s in shares):
        return
    total = sum(shares, Decimal(0))
    if abs(total - 1) > tol * len(shares):
        formula = " + ".join(f"{label_of(k)} {pct(s)}" for k, s in zip(keys, shares))
        yield CODES("shares-not-100", ev.cell(keys[-1]).where, Decimal(1), total, formula=formula,
                    actual=pct(total), diff=pp(total - 1))
