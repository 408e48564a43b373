"""Tolerance is the printed precision (RULES.md §4).

A derived figure someone typed (a rate, a score, a share, a total) is right when the exact value, rounded
half up to the number of decimals it was printed with, equals it: 4311.3 ÷ 5000 = 86.226% is 86.23%, so a
printed 86.24% is wrong — a last-digit slip — while "86%" for 86.226% is right. Comparisons are always
with the exact value, never with an already-rounded one.

    compare(stated, exact, places)  →  EQUAL, SLIP (one unit of the last printed digit) or WRONG
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .money import q

EQUAL, SLIP, WRONG = "equal", "slip", "wrong"
MAX_PLACES = 6  # more decimals than this were not typed but computed: compare to 6 places


def places_of(raw: object, percent: bool = False) -> int | None:
    """How many decimals a typed value was printed with: "86.24%" → 2, 0.8624 → 4 (of the fraction),
    8 → 0; ``percent``: the value is a fraction shown as a percentage, so a number has 2 fewer decimals
    than its fraction (0.8624 → 2); a text "86.24%" counts its own digits. None when not a number."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int):
        return 0
    if isinstance(raw, float):
        text = repr(raw)
    elif isinstance(raw, Decimal):
        text = format(raw, "f") if raw.is_finite() else ""
    elif isinstance(raw, str):
        text = raw.strip().replace(",", "").replace("，", "")
        if text.endswith(("%", "％")):
            digits = _decimals(text.rstrip("%％").strip())
            return None if digits is None else min(digits, MAX_PLACES)
        for suffix in ("分", "万元", "元"):
            text = text.removesuffix(suffix)
    else:
        return None
    digits = _decimals(text)
    if digits is None:
        return None
    if percent and not (isinstance(raw, str) and raw.strip().endswith(("%", "％"))):
        digits = max(digits - 2, 0)
    return min(digits, MAX_PLACES)


def _decimals(text: str) -> int | None:
    text = text.strip().lstrip("+-")
    if "e" in text.lower():
        try:
            exponent = Decimal(text).as_tuple().exponent
        except InvalidOperation:
            return None
        return max(-exponent, 0) if isinstance(exponent, int) else None
    whole, _, frac = text.partition(".")
    if not (whole or frac) or not (whole.isdigit() or whole == "") or not (frac.isdigit() or frac == ""):
        return None
    return len(frac)


def compare(stated: Decimal, exact: Decimal, places: int) -> str:
    """EQUAL when ``exact`` rounded half up to ``places`` is ``stated``; SLIP when they differ by one unit
    of the last printed digit; WRONG otherwise. ``stated``, ``exact`` in the same unit (as printed)."""
    places = min(max(places, 0), MAX_PLACES)
    rounded = q(exact, places)
    shown = q(stated, places)
    if rounded == shown and abs(stated - shown) <= Decimal(1).scaleb(-MAX_PLACES):
        return EQUAL
    unit = Decimal(1).scaleb(-places)
    return SLIP if abs(shown - rounded) <= unit else WRONG


def best(verdicts) -> str:
    """The kindest verdict among several acceptable ways of computing the same figure."""
    verdicts = list(verdicts)
    return EQUAL if EQUAL in verdicts else SLIP if SLIP in verdicts else WRONG


def compare_fraction(stated: Decimal, exact, raw: object) -> str:
    """A rate or share as typed (``raw``: 0.8624 or "86.24%"), compared in percent at its printed precision;
    ``exact``: one value or several acceptable ones."""
    places = places_of(raw, percent=True)
    places = 2 if places is None else places
    return best(compare(stated * 100, e * 100, places) for e in _many(exact))


def compare_number(stated: Decimal, exact, raw: object, default_places: int = 2) -> str:
    """A score or total as typed (``raw``: 8.63, "88分"), compared at its printed precision; ``exact``: one
    value or several acceptable ones."""
    places = places_of(raw)
    places = default_places if places is None else places
    return best(compare(stated, e, places) for e in _many(exact))


def _many(exact) -> list[Decimal]:
    return [e for e in (exact if isinstance(exact, (list, tuple, set)) else [exact]) if e is not None]
