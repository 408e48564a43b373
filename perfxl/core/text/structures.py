"""The arithmetic a sentence states: 其中 lists and （…） breakdowns (parts vs total), 合计 after a
list, 占…的 p% (shares), 较预算 / 比上年 增加 d (changes), 按每人每月 x 元 × 数量 = 总额 (standard ×
quantity), "下设 A、B、C 3个股室" (counted lists) and weights notes ("产出指标50分")."""
from __future__ import annotations

import re

from . import bind as B
from .lists import find_lists, find_weights
from .pending import Pending
from .relations import find_changes, find_products, find_shares
from .sums import find_sums


# the words without which a reader finds nothing in a period: a comparison (较 / 比 / 与 …, see
# relations.CHANGE), a standard (每 …, or 元/人 after the amount), a 其中 list, a （…） breakdown or a total
# (合计 / 共计 / 总计 / 累计 / 共 / 总额, see sums._TOTAL_MARK)
_CHANGE_CUES = re.compile("[较比与]")
_PRODUCT_CUES = re.compile("[每/]")
_SUM_CUES = re.compile("其中|[(计共额]")


def find_structures(t: str, section: str, drafts: list[B.Draft]) -> list[Pending]:
    """Every structure of a cell's sentences, period by period; assigns the drafts' roles."""
    out: list[Pending] = []
    periods: dict[int, list[B.Draft]] = {}
    for d in drafts:
        periods.setdefault(d.sentence.period, []).append(d)
    for ds in periods.values():
        ds.sort(key=_start)
        lo, hi = ds[0].sentence.start, ds[-1].sentence.end  # (the period's sentences are in order)
        # each reader looks only at figures of its kinds, and only where the words it needs are
        kinds = {d.kind for d in ds}
        if ("amount" in kinds or "percent" in kinds) and _CHANGE_CUES.search(t, lo, hi):
            out += find_changes(t, ds)
        sums = []
        if "amount" in kinds:
            if _PRODUCT_CUES.search(t, lo, hi):
                out += find_products(t, ds)
            if _SUM_CUES.search(t, lo, hi):
                sums = find_sums(t, ds, lo)
                out += sums
        if "percent" in kinds:
            out += find_shares(t, ds, sums)
        if "count" in kinds:
            out += find_lists(t, ds)
        if "score" in kinds:
            find_weights(t, ds)
    return out


def _start(d: B.Draft) -> int:
    return d.start
