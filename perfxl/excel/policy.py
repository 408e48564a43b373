"""The scoring policy in Excel: the calling workbook's own (its _perfxl sheet), else the user's config,
else the national defaults — the same precedence as every other door (``perfxl.policy_file``).

Worksheet functions are called many times a second, so a workbook's policy is kept for a few seconds
(``TTL``); the ribbon's buttons read it afresh and call ``forget`` so a changed policy shows at once.
"""
from __future__ import annotations

import time

from ..core.policy import ScoringPolicy
from ..policy_file import NATIONAL, PolicyChoice, resolve_policy, user_policy

TTL = 5.0
META_RANGE = "A1:B40"
_CACHE: dict[str, tuple[float, PolicyChoice]] = {}


def _meta(book) -> dict[str, str]:
    from ..template.layout import SHEET_META

    try:
        names = [s.name for s in book.sheets]
        if SHEET_META not in names:
            return {}
        rows = book.sheets[SHEET_META].range(META_RANGE).value or []
    except Exception:  # a workbook Excel cannot describe: no policy of its own
        return {}
    return {str(k).strip(): str(v) for k, v in rows if isinstance(k, str) and k.strip() and v is not None}


def choice_for_book(book) -> PolicyChoice:
    """The policy for an xlwings Book (None: no workbook, the user's or the national)."""
    if book is None:
        return user_policy() or NATIONAL
    key = getattr(book, "fullname", "")
    hit = _CACHE.get(key)
    now = time.monotonic()
    if hit is not None and now - hit[0] < TTL:
        return hit[1]
    choice = resolve_policy(_meta(book), key or "工作簿")
    _CACHE[key] = (now, choice)
    return choice


def policy_for(caller) -> ScoringPolicy:
    """The policy for a worksheet function called from ``caller`` (an xlwings Range, or None off Excel)."""
    book = None
    if caller is not None:
        try:
            book = caller.sheet.book
        except Exception:
            book = None
    return choice_for_book(book).policy


def forget(fullname: str | None = None) -> None:
    """Drop what is kept for one workbook (or all): its policy is read again on the next call."""
    if fullname is None:
        _CACHE.clear()
    else:
        _CACHE.pop(fullname, None)
