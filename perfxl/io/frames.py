"""pandas DataFrames of the summary tables (pandas is imported only here, on demand).

Columns and dtypes come from the row declarations (``perfxl.core.summary_rows``): text columns as str,
whole numbers (and years) as nullable Int64, money, rates and scores as nullable Float64."""
from __future__ import annotations

from decimal import Decimal

from ..core.fields import INT, TEXT, YEAR
from ..core.summary_rows import columns


def _float(v):
    if isinstance(v, Decimal):
        return float(v)
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _int(v):
    return int(v) if isinstance(v, (int, Decimal)) and not isinstance(v, bool) else None


def to_frame(row_type: type, rows: list):
    """One DataFrame with the row type's headings as column names."""
    import pandas as pd

    data = {}
    for c in columns(row_type):
        values = [getattr(r, c.key) for r in rows]
        if c.kind == TEXT:
            data[c.head] = ["" if v is None else str(v) for v in values]
        elif c.kind in (INT, YEAR):
            data[c.head] = pd.array([_int(v) for v in values], dtype="Int64")
        else:
            data[c.head] = pd.array([_float(v) for v in values], dtype="Float64")
    return pd.DataFrame(data)
