"""Decimal helpers. Money and rates are quantised here and nowhere else.

Amounts are 万元 unless a form says 元; rates are fractions (0.8904 for 89.04%).

Every helper is total on finite numbers of any size: ``q`` and ``close`` never raise on a finite
Decimal, however large or small (the readers in :mod:`perfxl.core.values` refuse absurd figures
long before they get here, but a derived ratio of two odd figures may still be huge), and never
return a negative zero.
"""
from __future__ import annotations

from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal, InvalidOperation

TOL_AMOUNT = Decimal("0.01")  # 万元, per addend (RULES.md §4)
TOL_RATE = Decimal("0.0001")  # 0.01 percentage point, as a fraction

Number = int | float | str | Decimal

# Rounding needs as many digits as the rounded result has; the common case fits in 100.
_Q_PREC = 100
_Q_CONTEXT = Context(prec=_Q_PREC, rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN)
# A value this far beyond any figure (10^4000) is returned as it is by ``q`` when it has no decimals
# to round: padding it with zeros would only cost memory.
_Q_HUGE = 4000
_WIDE = Context(prec=60, rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])
_UNITS: dict[int, Decimal] = {}


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
        except (InvalidOperation, ValueError):
            raise ValueError(f"不是数字：“{x[:40]}”") from None
    else:
        raise TypeError(f"不能转换为数字：{type(x).__name__}")
    if not value.is_finite():
        raise ValueError(f"不是有限的数字：{str(x)[:40]!r}")
    return value


def _unit(places: int) -> Decimal:
    hit = _UNITS.get(places)
    if hit is None:
        hit = _UNITS[places] = Decimal(1).scaleb(-places, context=_WIDE)
    return hit


def q(x: Number, places: int) -> Decimal:
    """Round to ``places`` decimals, half up (the accountants' rounding).

    Total on finite numbers: a value of any magnitude is rounded exactly (the working precision
    grows with the value), a value beyond 10^4000 that has no decimals is returned unchanged, and
    a result of zero is never negative (−0.004 → 0.00)."""
    d = D(x)
    unit = _unit(places)
    if d.is_zero():
        return d.copy_abs().quantize(unit, context=_Q_CONTEXT)
    need = d.adjusted() + places + 2  # digits of the rounded result, and one to spare
    if need <= _Q_PREC:
        r = d.quantize(unit, rounding=ROUND_HALF_UP, context=_Q_CONTEXT)
    elif d.as_tuple().exponent >= -places and d.adjusted() > _Q_HUGE:
        return d  # nothing to round
    else:
        ctx = Context(prec=need, rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN)
        r = d.quantize(unit, rounding=ROUND_HALF_UP, context=ctx)
    return r.copy_abs() if r.is_zero() else r


def q2(x: Number) -> Decimal:
    """Round to 2 decimals, half up."""
    return q(x, 2)


def close(a: Number, b: Number, tol: Number = TOL_AMOUNT) -> bool:
    """``|a - b| <= tol``, exactly, on Decimals (any magnitude: no overflow)."""
    da, db, dt = D(a), D(b), D(tol)
    need = max(da.adjusted(), db.adjusted()) - min(da.as_tuple().exponent, db.as_tuple().exponent) + 2
    # exact when the difference has a sane number of digits; otherwise (10^5 orders of magnitude
    # apart) rounded to 60 digits, which cannot change the answer for any tolerance a table uses
    ctx = Context(prec=need, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[]) if 0 < need <= 100_000 else _WIDE
    delta = ctx.subtract(da, db).copy_abs()
    return delta.is_finite() and delta <= dt
