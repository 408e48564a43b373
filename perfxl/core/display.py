"""How numbers are shown in messages and reports — one place for every formatter.

    money(Decimal("4601"))   → "4601.00"      amounts in 万元, 2 decimals
    pct(Decimal("0.8904"))   → "89.04%"       a fraction as a percentage, 2 decimals
    pp(Decimal("0.0012"))    → "0.12"         a difference of fractions in percentage points
    num(Decimal("12.50"))    → "12.5"         a score or weight, no trailing zeros
    fmt(Decimal("1E+1"))     → "10"           any value; None → （空）
"""
from __future__ import annotations

from decimal import Decimal

from .findings import fmt
from .money import q

EMPTY = "（空）"


def money(x: Decimal | None) -> str:
    return EMPTY if x is None else format(q(x, 2), "f")


def pct(x: Decimal | None, places: int = 2) -> str:
    return EMPTY if x is None else f"{format(q(x * 100, places), 'f')}%"


def pp(x: Decimal) -> str:
    """A difference of two fractions in percentage points (2 decimals, unsigned)."""
    return format(q(abs(x) * 100, 2), "f")


def num(x: Decimal | int | None) -> str:
    """A score or weight: no trailing zeros (12, 12.5)."""
    if x is None:
        return EMPTY
    if isinstance(x, Decimal) and x.is_finite():
        return fmt(x.normalize() if x == x.to_integral_value() else x)
    return fmt(x)


__all__ = ["EMPTY", "fmt", "grade_bands_text", "money", "num", "pct", "pp"]


def grade_bands_text(policy) -> str:
    """"≥90优，≥80良，≥60中，<60差" for a scoring policy's grade bands."""
    bands = [f"≥{num(edge)}{label}" for edge, label in policy.grade_bands]
    return "，".join(bands + [f"<{num(policy.grade_bands[-1][0])}{policy.grade_below}"])
