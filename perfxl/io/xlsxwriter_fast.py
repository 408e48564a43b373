"""A fast row writer for XlsxWriter's constant_memory sheets (the summary's detail tables).

XlsxWriter spends ≈ 5 µs per cell (argument conversion, a per-cell attribute list, three regex passes per
string). The detail sheets are ≈ 575,000 cells for 1,000 workbooks, so their plain rows (no cell format:
the column's format applies) are serialised here, into the sheet's constant_memory row file, exactly as
XlsxWriter's own ``_write_cell`` would write them: the same ``<row>`` element (``_write_row``),
``<c r=.. s=(column xf) t="inlineStr">`` strings and ``<v>{:.16G}</v>`` numbers. Any text that needs care
(XML escapes, control characters, ``_xHHHH_``, leading/trailing whitespace, very long) goes through
XlsxWriter's own escaping helpers; text that looks like an XlsxWriter rich string (``<r>…</r>``) is escaped
like any other, never written raw.

Private XlsxWriter members used (pinned: ``xlsxwriter>=3.3,<3.4``; ``fast_ok`` checks each, else the public
path is used): ``ws.fh``, ``ws.constant_memory``, ``ws.previous_row``, ``ws.col_info[j].column_format``,
``Format._get_xf_index()``, ``ws._write_single_row()``, ``ws._write_row()``, ``ws._xml_end_tag()``,
``ws._check_dimensions()``, ``ws._escape_control_characters()``, ``ws._escape_data()``.
``tests/io/test_summary_book_fast_rows.py`` holds the XML to what XlsxWriter writes cell by cell.
"""
from __future__ import annotations

import math
import re

TEXT = "text"
_CARE = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$")
_LEADING, _TRAILING = re.compile(r"^\s"), re.compile(r"\s$")
STRMAX = 32767  # Excel's limit, in UTF-16 units


def fast_ok(ws) -> bool:
    if not (getattr(ws, "constant_memory", False) and getattr(ws, "fh", None) is not None
            and all(callable(getattr(ws, a, None)) for a in (
                "_write_single_row", "_write_row", "_xml_end_tag", "_check_dimensions",
                "_escape_control_characters", "_escape_data"))
            and isinstance(getattr(ws, "col_info", None), dict) and hasattr(ws, "previous_row")):
        return False
    return all(hasattr(info, "column_format") for info in ws.col_info.values())


def number(v) -> float | None:
    """A cell's number (Decimal, int, float), None for anything else (bool included)."""
    if v is None or isinstance(v, (bool, str)):
        return None
    try:
        return float(v)
    except (TypeError, ValueError, OverflowError):
        return None


def _careful(ws, text: str) -> str:
    """The <t> element of a text that needs escaping, as XlsxWriter writes it."""
    if len(text) > STRMAX // 2 and len(text.encode("utf-16-le", "surrogatepass")) // 2 > STRMAX:
        out, units = [], 0
        for ch in text:
            units += 2 if ord(ch) > 0xFFFF else 1
            if units > STRMAX:
                break
            out.append(ch)
        text = "".join(out)
    text = ws._escape_control_characters(text)
    space = ' xml:space="preserve"' if (_LEADING.search(text) or _TRAILING.search(text)) else ""
    return f"<t{space}>{ws._escape_data(text)}</t>"


def write_rows(ws, columns, rows, first: int) -> int:
    """Write ``rows`` (sequences of values in ``columns``' order) from row ``first``; return the next row."""
    from xlsxwriter.utility import xl_col_to_name

    ws._write_single_row(first)  # flush the row XlsxWriter still holds (the headings); ours follow it
    write = ws.fh.write
    cols = []
    for j, c in enumerate(columns):
        f = ws.col_info[j].column_format if j in ws.col_info else None
        cols.append((c.kind == TEXT, xl_col_to_name(j), f' s="{f._get_xf_index()}"' if f is not None else ""))
    care, isfinite = _CARE.search, math.isfinite
    r = first
    last = None
    for values in rows:
        n = str(r + 1)
        cells = []
        for (is_text, name, style), v in zip(cols, values):
            if v is None or v == "":
                continue
            if not is_text and not isinstance(v, str):
                x = number(v)
                if x is not None and isfinite(x):
                    cells.append(f'<c r="{name}{n}"{style}><v>{x:.16G}</v></c>')
                    continue
            t = v if isinstance(v, str) else str(v)
            if care(t) or len(t) > STRMAX // 2:
                cells.append(f'<c r="{name}{n}"{style} t="inlineStr"><is>{_careful(ws, t)}</is></c>')
            else:
                cells.append(f'<c r="{name}{n}"{style} t="inlineStr"><is><t>{t}</t></is></c>')
        if cells:
            ws._write_row(r, None)
            write("".join(cells))
            ws._xml_end_tag("row")
            last = r
        r += 1
    if last is not None:
        ws._check_dimensions(last, 0)  # the sheet's <dimension>; the columns are set by the headings
    ws.previous_row = max(first, r - 1)
    return r
