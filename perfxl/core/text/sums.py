"""N1c structures: 其中 lists, （…） breakdowns right after an amount, and 合计 / 共计 after a list."""
from __future__ import annotations

import re

from . import bind as B
from .model import SumOf
from .pending import CONCEPT_PARTITIONS, Pending, descends, matching
from .quick import Sieved

_NOT_PART = re.compile(r"节约|节省|结余|超支|增加|减少|下降|增长|降低|上升|较|比|同比|相比|另|此外")
_TOTAL_WORD = re.compile(r"合计|总计|共计")
_TOTAL_CUES = re.compile("[计共额]")
_LIST_ENDS = re.compile(r"其中|合计|共计|总计|另外|此外|另有")
_TOTAL_MARK = Sieved(r"(?:^|[，,；;：:、(])\s*(?:以上|两项|三项|四项|各项)?(?:合计|共计|总计|累计|共|总额)(?:金额|资金)?"
                         r"(?:为|是|:|：|达)?\s*$")


def _compatible(total: B.Draft, part: B.Draft) -> bool:
    if total.concept and part.concept:
        return descends(part.concept, total.concept)
    return True


def _complete(total: B.Draft, parts: list[B.Draft]) -> bool:
    have = {p.concept for p in parts}
    return any(set(partition) <= have for partition in CONCEPT_PARTITIONS.get(total.concept, []))


def _nest(parts: list[B.Draft]) -> list[B.Draft]:
    concepts = {p.concept for p in parts if p.concept}
    return [p for p in parts if not any(descends(p.concept, c) for c in concepts)]


def _usable_part(d: B.Draft) -> bool:
    return d.kind == "amount" and d.role in ("", "part", "total", "product") and d.skip not in ("last-year", "other-year")


def find_sums(t, ds, lo):
    out = []
    amounts = [d for d in ds if d.kind == "amount"]
    if not amounts:
        return out
    depth = {id(d): B.paren_depth(t, lo, d.start) for d in amounts}
    sentences = sorted({id(d.sentence): d.sentence for d in ds}.values(), key=lambda s: s.start)
    hi = sentences[-1].end
    # 其中 lists
    for s in sentences if t.find("其中", lo, hi) >= 0 else ():
        for k in _positions(t, "其中", s.start, s.end):
            if t[k - 1:k] == "(":
                continue
            dk = B.paren_depth(t, lo, k)
            before = [d for d in amounts if d.sentence is s and d.end <= k and depth[id(d)] == dk
                      and d.role not in ("change", "standard", "factor", "base")]
            if not before or before[-1].number.approx or not _usable_part(before[-1]):
                continue
            total = before[-1]
            parts = _list_after(t, amounts, depth, total, s, sentences, k, dk)
            if parts:
                out.append(_sum(total, parts, _complete(total, parts)))
    # （…） breakdowns right after an amount (the bracket is inside the amount's sentence)
    for d in amounts if t.find("(", lo, hi) >= 0 else ():
        if not _usable_part(d) or d.number.approx:
            continue
        j = d.end
        while j < len(t) and t[j] == " ":
            j += 1
        if t[j:j + 1] != "(":
            continue
        close = matching(t, j)
        inner = [x for x in amounts if j < x.start < close and depth[id(x)] == depth[id(d)] + 1]
        if not inner or any(not _usable_part(x) or x.number.approx for x in inner if x.role != "change"):
            continue
        inner = [x for x in inner if x.role != "change"]
        if inner and all(_compatible(d, x) for x in inner):
            out.append(_sum(d, _nest(inner), _complete(d, inner)))
    # a list, then 合计 / 共计 X (both the mark and a term's 合计 hold 计, 共 or 额)
    for d in amounts if _TOTAL_CUES.search(t, lo, hi) else ():
        if not _usable_part(d) or d.number.approx:
            continue
        s = d.sentence
        marked = _TOTAL_MARK.possible(t, s.start, d.start) and _TOTAL_MARK.rx.search(t[s.start:d.start])
        term_total = d.term is not None and _TOTAL_WORD.search(t, d.term[0], d.term[1]) is not None
        if not marked and not term_total:
            continue
        parts = []
        for x in reversed([x for x in amounts if x.sentence is s and x.end <= d.start]):
            if depth[id(x)] != depth[id(d)]:
                continue
            if x.role in ("total", "change", "standard") or "其中" in t[x.end:d.start] or not _usable_part(x):
                break
            parts.append(x)
        parts.reverse()
        if len(parts) < 2 or any(p.number.approx for p in parts):
            continue
        if term_total and not marked and not all(_compatible(d, p) and p.concept for p in parts):
            continue
        if any(p.role == "part" for p in parts):
            continue
        out.append(_sum(d, _nest(parts), True if marked else _complete(d, parts)))
    return out


def _positions(t: str, word: str, a: int, b: int):
    """Where ``word`` occurs in ``t[a:b]`` (not overlapping), left to right."""
    k = t.find(word, a, b)
    while k >= 0:
        yield k
        k = t.find(word, k + len(word), b)


def _list_after(t, amounts, depth, total, s, sentences, k, dk):
    parts = []
    for d in amounts:
        if d.sentence is not s or d.start < k or depth[id(d)] != dk:
            continue
        if "其中" in t[k + 2:d.start] and B.paren_depth(t, k, t.find("其中", k + 2)) == 0:
            break
        if d.role in ("change", "standard", "factor", "base"):
            continue
        if _NOT_PART.search(t, B.clause_start(t, s.start, d.start), d.start):
            return _nest(parts)  # 节约资金 X, 较上年增加 Y: not one of the parts
        if not _usable_part(d) or d.number.approx:
            return []
        if not _compatible(total, d):
            return _nest(parts)
        parts.append(d)
    # the list goes on after ； while each piece starts with a part of the same total
    following = [x for x in sentences if x.period == s.period and x.start > s.start]
    for s2 in following:
        piece = t[s2.start:s2.end]
        if _LIST_ENDS.search(piece):
            break
        mine = [d for d in amounts if d.sentence is s2 and d.role not in ("change", "standard", "factor", "base")]
        if not mine or not mine[0].concept or not _compatible(total, mine[0]):
            break
        if any(not _usable_part(d) or d.number.approx or not _compatible(total, d) for d in mine):
            break
        parts.extend(d for d in mine if B.paren_depth(t, s2.start, d.start) == 0)
    return _nest(parts)


def _sum(total, parts, complete):
    total.role = total.role or "total"
    for p in parts:
        p.role = p.role or "part"
    return Pending(SumOf, dict(total=total, parts=list(parts), complete=complete))
