"""D6 of RULES.md §4: each share = part / 总支出 (0.01 pp); 基本 + 项目 shares sum to 100%.

The partition sum is only checked when a share cannot be checked against its amount (an amount is
blank): otherwise it adds nothing to the share checks and D1."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..display import money, pct, pp
from ..evaluate import RATE_PLACES, Evaluation, num
from ..fields import label_of
from ..findings import ERROR, WARNING, Code, Family, Finding
from ..precision import EQUAL, SLIP, compare_fraction, places_of
from ..money import q

CODES = Family(
    "shares", "占总支出比例",
    Code("share-mismatch", ERROR, "D6", "{label}应为 {expected}（{part} ÷ {whole}），实为 {actual}，相差 {diff} 个百分点。",
         "占总支出的比例不等于该项金额除以决算总支出。",
         "比例 = 该项金额 ÷ 总支出；运行“计算”或 perfxl fill 重新计算（常见错误：用年初预算作分母、小数点错位）。"),
    Code("share-last-digit", WARNING, "D6",
         "{label}为 {part} ÷ {whole} = {exact}，按表中的位数应写作 {expected}，表中为 {actual}（末位有误）。",
         "占比按它打印的小数位数四舍五入后，与精确值在最后一位上不符。", "按精确值四舍五入改正末位，或运行“计算”。"),
    Code("shares-not-100", ERROR, "D6",
         "{formula} = {actual}，同一划分的各部分占比之和应为 100.00%，相差 {diff} 个百分点。",
         "基本支出与项目支出的占比之和不是 100%。", "核对两项占比；金额齐全时运行“计算”重新计算。"),
)

PARTS = ("basic", "project", "personnel", "public")
PARTITION = ("basic", "project")  # a partition of 总支出


def check(ev: Evaluation) -> Iterable[Finding]:
    whole = num(ev.stated("final_expense_total"))
    tol = ev.policy.tolerance_rate
    mismatched = set()
    for part in PARTS:
        key = f"final_{part}_share"
        stated, amount = ev.num(key), num(ev.stated(f"final_{part}"))
        if stated is None or amount is None or whole in (None, Decimal(0)):
            continue
        exact = amount / whole
        raw = ev.cell(key).raw
        verdict = compare_fraction(stated, exact, raw)
        if verdict == EQUAL:
            continue
        mismatched.add(part)
        if verdict == SLIP:
            places = places_of(raw, percent=True) or 0
            yield CODES("share-last-digit", ev.cell(key).where, q(exact, places + 2), stated, label=label_of(key),
                        part=money(amount), whole=money(whole), exact=pct(exact, 4), expected=pct(exact, places),
                        actual=pct(stated, places))
            continue
        expected = q(exact, RATE_PLACES)
        yield CODES("share-mismatch", ev.cell(key).where, expected, stated, label=label_of(key),
                    expected=pct(expected), part=money(amount), whole=money(whole), actual=pct(stated),
                    diff=pp(stated - expected))
    keys = [f"final_{p}_share" for p in PARTITION]
    shares = [ev.num(k) for k in keys]
    amounts = [num(ev.stated(f"final_{p}")) for p in PARTITION]
    if whole and all(a is not None for a in amounts):
        return  # each share was checked against its amount, and D1 checks the amounts add up
    if mismatched & set(PARTITION) or any(s is None for s in shares):
        return
    total = sum(shares, Decimal(0))
    if abs(total - 1) > tol * len(shares):
        formula = " + ".join(f"{label_of(k)} {pct(s)}" for k, s in zip(keys, shares))
        yield CODES("shares-not-100", ev.cell(keys[-1]).where, Decimal(1), total, formula=formula,
                    actual=pct(total), diff=pp(total - 1))
