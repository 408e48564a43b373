"""pandas DataFrames of the summary tables (pandas is imported only here, on demand)."""
from __future__ import annotations

from decimal import Decimal

from .summary_book import TEXT


def to_frame(columns, rows):
    """One DataFrame from summary rows: text columns as str, numbers as nullable Float64/Int64."""
    import pandas as pd

    data = {}
    for key, head, kind, _w in columns:
        if kind == TEXT:
            data[head] = ["" if r.get(key) is None else str(r.get(key)) for r in rows]
        else:
            vals = []
            for r in rows:
                v = r.get(key)
                vals.append(float(v) if isinstance(v, Decimal) else (v if isinstance(v, (int, float)) else None))
            data[head] = pd.array(vals, dtype="Float64") if kind not in ("int", "year") else pd.array(
                [None if v is None else int(v) for v in vals], dtype="Int64")
    return pd.DataFrame(data)
