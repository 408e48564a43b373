"""The cell source/sink protocol: the small surface every workbook backend implements.

Backends: ``xlsx.XlsxBook`` (openpyxl, read and write), ``fast.FastBook`` (python-calamine,
read only, for batches) and ``perfxl.excel.book.XlwingsBook`` (the open workbook in Excel).
One shared contract test suite runs against each of them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol, runtime_checkable



class UnusableWorkbook(Exception):
    """The input is not a usable workbook at all (not xlsx, corrupt, encrypted, not the template…).

    ``str(exc)`` is one Chinese sentence naming the file and saying what to do; ``detail`` keeps the
    technical cause (an exception's type and text), for logs only.
    """

    def __init__(self, path: str, message: str, detail: str = ""):
        super().__init__(message)
        self.path = path
        self.message = message
        self.detail = detail


@runtime_checkable
class CellSource(Protocol):
    path: str

    def sheet_names(self) -> list[str]: ...

    def defined_names(self) -> dict[tuple[str | None, str], str]:
        """{(sheet or None for workbook scope, name): "'Sheet'!$B$2"}"""
        ...

    def value(self, sheet: str, ref: str) -> object:
        """The raw value of one cell ("B2"): None, str, int, float, bool, datetime or ErrorValue."""
        ...

    def block(self, sheet: str, ref: str) -> list[list[object]]:
        """The raw values of a rectangle ("B12:J29"), row by row."""
        ...

    def max_row(self, sheet: str) -> int: ...


@runtime_checkable
class CellSink(CellSource, Protocol):
    def write(self, sheet: str, ref: str, value: object, number_format: str = "") -> None: ...

    def mark(self, sheet: str, ref: str, text: str, severity: str) -> None:
        """Mark a cell: a comment with ``text`` and a fill by severity."""
        ...

    def unmark(self) -> int:
        """Remove every mark perfxl made; return how many."""
        ...


_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
MAX_ROW, MAX_COL = 1048576, 16384  # XFD1048576, the last cell of a sheet


# the same few hundred addresses recur in every workbook: the helpers below are memoised
@lru_cache(maxsize=16384)
def col_to_index(col: str) -> int:
    n = 0
    for ch in col:
        n = n * 26 + (ord(ch) - 64)
    return n


@lru_cache(maxsize=16384)
def index_to_col(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


@lru_cache(maxsize=16384)
def split_ref(ref: str) -> tuple[int, int]:
    """"B12" -> (row 12, col 2), 1-based."""
    m = _REF.match(ref.strip().upper())
    if not m or len(m.group(2)) > 7:
        raise ValueError(f"not a cell reference: {ref!r}")
    row, col = int(m.group(2)), col_to_index(m.group(1))
    if not (1 <= row <= MAX_ROW and 1 <= col <= MAX_COL):
        raise ValueError(f"not a cell reference: {ref!r}")  # beyond XFD1048576
    return row, col


@lru_cache(maxsize=16384)
def cell_ref(row: int, col: int) -> str:
    return f"{index_to_col(col)}{row}"


@lru_cache(maxsize=16384)
def split_range(ref: str) -> tuple[int, int, int, int]:
    """"B12:J29" -> (min_row, min_col, max_row, max_col)."""
    parts = ref.replace("$", "").split(":")
    r1, c1 = split_ref(parts[0])
    r2, c2 = split_ref(parts[-1])
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


@lru_cache(maxsize=16384)
def parse_name_target(target: str) -> tuple[str, str] | None:
    """"'项目自评表(2)'!$B$12:$J$29" -> ("项目自评表(2)", "B12:J29"); None for anything else
    (no target, ``#REF!``, several areas, a formula, a constant, not a str)."""
    if not isinstance(target, str):
        return None
    target = target.strip()
    if "!" not in target or len(target) > 300:
        return None
    sheet, _, ref = target.rpartition("!")
    if len(sheet) >= 2 and sheet.startswith("'") and sheet.endswith("'"):
        inner = sheet[1:-1]
        if "'" in inner.replace("''", ""):
            return None  # e.g. several areas: 'A'!$B$1,'A'!$C$1
        sheet = inner.replace("''", "'")
    elif not sheet or any(ch in sheet for ch in " ,'!()[]:"):
        return None
    ref = ref.replace("$", "")
    try:
        split_range(ref)
    except ValueError:
        return None
    return sheet, ref
