"""The finding codes of the text checks (RULES.md §6, N1a–N1g) and how a finding quotes its sentence."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ..findings import ERROR, INFO, WARNING, Code, Family
from .model import Claim

_Q = "{section}：“{quote}” "

CODES = Family(
    "text", "报告正文",
    Code("text-figure-mismatch", ERROR, "N1a", _Q + "{label}应为 {want}（{source}），实为 {got}，相差 {diff}。",
         "正文中的数字与表中对应单元格不一致（按正文印出的精度比较）。",
         "核对正文与表格，改正错误的一方。"),
    Code("text-figure-ambiguous", INFO, "N1a", _Q + "{got}可能指{options}，与表中数值均不一致，请核实。",
         "正文中的数字可能指表中的几个项目之一，但与其中任何一个都不一致。",
         "在正文中写明所指项目（如“年初预算收入”“年初预算支出”），或改正数字。"),
    Code("text-grade-mismatch", ERROR, "N1a", _Q + "等级应为“{want}”（{source}），实为“{got}”。",
         "正文中的自评等级与自评表中的等级不一致。", "核对自评表总分与等级，改正正文或表格。"),
    Code("text-figure-inconsistent", ERROR, "N1b",
         _Q + "{label}为 {got}，而{other_section}：“{other_quote}” 为 {want}{table}，相差 {diff}。",
         "正文在两处说明同一数字，数值不同。", "统一两处数字（以表格为准）。"),
    Code("text-sum-mismatch", ERROR, "N1c", _Q + "{label}应为 {want}（{formula}），实为 {got}，相差 {diff}。",
         "正文中的合计与同一句列出的各项之和不一致（元与万元已换算）。", "核对合计数与各分项，改正错误的数字。"),
    Code("text-parts-exceed", ERROR, "N1c", _Q + "其中各项之和 {want}（{formula}）超过{label} {got}，多出 {diff}。",
         "“其中”列出的分项之和超过了合计数。", "核对合计数与各分项，改正错误的数字。"),
    Code("text-share-mismatch", ERROR, "N1d",
         _Q + "{label}应为 {want}（{part} ÷ {whole}），实为 {got}，相差 {diff} 个百分点。",
         "正文中的占比或执行率与金额之比不一致。", "按“部分 ÷ 整体”重新计算并改正百分比。"),
    Code("text-share-slip", WARNING, "N1d",
         _Q + "{label}按 {part} ÷ {whole} 计算为 {exact}，四舍五入应为 {want}，实为 {got}。",
         "正文中的占比与计算值只差末位一个单位（多为四舍五入错误）。", "按四舍五入改正末位。"),
    Code("text-change-mismatch", ERROR, "N1d", _Q + "{label}应为{want}（{formula}），实为{got}，相差 {diff}。",
         "正文中的增减额或增减幅度与两个金额之差不一致。", "按“本数 − 比较数”重新计算并改正。"),
    Code("text-count-list-mismatch", ERROR, "N1e",
         _Q + "列出 {want} 个名称（{items}），数量却写为 {got}，相差 {diff}。",
         "正文写的个数与同一句列出的名称个数不一致。", "核对名单，改正个数或补全名单。"),
    Code("text-count-inconsistent", ERROR, "N1e", _Q + "{label}为 {got}，而{other}为 {want}，相差 {diff}。",
         "正文写的个数与别处（正文其他段落或基本情况表）不一致。", "统一各处的个数。"),
    Code("text-product-mismatch", ERROR, "N1f",
         _Q + "按标准计算应为 {want}（{formula}），实为 {got}，相差 {diff}。",
         "“标准 × 数量”与正文写的总额不一致。", "核对补助标准、数量和总额，改正错误的数字。"),
    Code("text-weights-mismatch", ERROR, "N1g", _Q + "{label}写为 {got} 分，{place}为 {want} 分，相差 {diff} 分。",
         "正文中说明的指标权重与自评表一级指标表头的分值不一致。", "统一正文说明与自评表表头的分值。"),
)


_CUT = "，,、：:；;"


def quote(text: str, claim: Claim, before: int = 40, after: int = 24) -> str:
    """The claim's sentence with the figure marked 【…】, cut at clause marks to a window around it,
    with … where the text goes on."""
    a, b = claim.sentence_span
    x, y = claim.span
    lo, hi = max(a, x - before), min(b, y + after)
    if lo > a:
        cut = [i for i in range(lo, x) if text[i] in _CUT]
        lo = cut[0] + 1 if cut else lo
    if hi < b:
        cut = [i for i in range(y, hi) if text[i] in _CUT]
        hi = cut[-1] if cut else hi
    while hi > y and text[hi - 1] in "。；;！？!?":
        hi -= 1
    body = text[lo:x] + "【" + text[x:y] + "】" + text[y:hi]
    body = re.sub(r"\s*\n\s*", "", body).strip()
    head = "…" if text[:lo].strip() else ""
    tail = "…" if text[hi:].strip(" \n\t。；;！？!?") else ""
    return head + body + tail


# ------------------------------------------------------------------------------ formatting


_ONE = Decimal(1)


def rounded(x: Decimal, quantum: Decimal) -> Decimal:
    """``x`` rounded half up to a multiple of ``quantum``."""
    return (x / quantum).quantize(_ONE, rounding=ROUND_HALF_UP) * quantum


def plain(x: Decimal, places: int) -> str:
    return format(x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")


def money(x: Decimal, unit: str = "万元", places: int = 2) -> str:
    if unit == "元":
        return f"{plain(x * 10000, places)} 元"
    if unit == "亿元":
        return f"{plain(x / 10000, max(places, 2))} 亿元"
    return f"{plain(x, 2)} 万元"


def pct(x: Decimal, places: int = 2) -> str:
    return f"{plain(x * 100, places)}%"


def figure(kind: str, x: Decimal, unit: str = "万元", places: int = 2) -> str:
    if kind == "amount":
        return money(x, unit, places)
    if kind in ("percent", "points"):
        return pct(x, places)
    if kind == "score":
        return f"{plain(x, max(places, 0))} 分"
    return plain(x, places)


def bare(x: Decimal) -> str:
    """An amount in a formula: 2 decimals, no unit."""
    return plain(x, 2)
