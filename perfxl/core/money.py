"""Decimal helpers. Money and rates are quantised here and nowhere else.

Amounts are 万元 unless a form says 元; rates are fractions (0.8904 for 89.04%).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

TOL_AMOUNT = Decimal("0.01")  # 万元, per addend (RULES.md §4)
TOL_RATE = Decimal("0.0001")  # 0.01 percentage point, as a fraction

Number = int | float | str | Decimal


def D(x: Number) -> Decimal:
    """Exact Decimal from int/float/str/Decimal. Floats go through ``repr`` so 0.1 stays 0.1.

    Raises TypeError for other types (bool included) and ValueError for text that is not a
    plain number, NaN or infinity. Parsing what people type is ``perfxl.core.values``' job.
    """
    if isinstance(x, bool):
        raise TypeError("逻辑值不能作为数字")
    if isinstance(x, Decimal):
        value = x
    elif isinstance(x, int):
        value = Decimal(x)
    elif isinstance(x, float):
        value = Decimal(repr(x))
    elif isinstance(x, str):
        try:
            value = Decimal(x.strip())
        except InvalidOperation:
            raise ValueError(f"不是数字：“{x}”") from None
    else:
        raise TypeError(f"不能转换为数字：{type(x).__name__}")
    if not value.is_finite():
        raise ValueError(f"不是有限的数字：{x!r}")
    return value


def q(x: Number, places: int) -> Decimal:
    """Round to ``places`` decimals, half up (the accountants' rounding)."""
    return D(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def q2(x: Number) -> Decimal:
    """Round to 2 decimals, half up."""
    return q(x, 2)


def close(a: Number, b: Number, tol: Number = TOL_AMOUNT) -> bool:
    """``|a - b| <= tol``, exactly, on Decimals."""
    return abs(D(a) - D(b)) <= D(tol)
