"""How much of a workbook the readers read, and the notes they leave when they read less.

The template's cells all lie in A1:K60 (the 绩效指标 block of a project sheet may grow downwards by
rows the user inserts). Both readers (:class:`perfxl.io.xlsx.XlsxBook`, :class:`perfxl.io.fast.FastBook`)
read a sheet only inside the *read area* A1:BL10000 — cells beyond it read as empty, so one stray
cell at XFD1048576 costs nothing — and the extractor reads a named block (绩效指标, 主要职责) of at most
:data:`MAX_BLOCK_ROWS` rows. Whatever is cut is recorded as a :class:`ReadNote` in the reader's
``read_notes`` list, for the checks to report as a finding:

- ``sheet-cells-ignored`` (a sheet has content beyond the read area);
- ``name-range-clipped`` (a defined name covers more rows than :data:`MAX_BLOCK_ROWS`, or reaches
  beyond the read area: its first rows are read);
- ``name-ignored`` (a perfxl name has no usable target — empty, ``#REF!``, several areas, another
  sheet, a sheet that is not there — so the layout's default address is read).

Package limits (file size, part sizes, compression ratio) are in :mod:`perfxl.io.package`.
"""
from __future__ import annotations

from typing import NamedTuple

from ..core.findings import Where

MAX_SHEET_ROWS = 10_000
"""Rows read per sheet: the template uses ~60; 5,000 indicator rows still fit with room to spare."""
MAX_SHEET_COLS = 64
"""Columns read per sheet (A..BL): the template uses A..K."""
MAX_BLOCK_ROWS = 5_000
"""Rows read from one named block (绩效指标, 主要职责): a project has tens of indicators, not thousands."""


class ReadNote(NamedTuple):
    """Something a reader left out or replaced, for the checks to report: (code, place, Chinese detail)."""

    code: str
    where: Where
    detail: str


def read_area() -> str:
    from .protocol import index_to_col

    return f"A1:{index_to_col(MAX_SHEET_COLS)}{MAX_SHEET_ROWS}"
