"""The summary's fast row writer writes the same sheet XML as XlsxWriter's own cell-by-cell writer."""
import zipfile
from dataclasses import dataclass
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from perfxl.core.fields import MONEY, TEXT, YEAR
from perfxl.core.summary_rows import col, columns
from perfxl.io import summary_book as B


@dataclass
class Row:
    a: object = col("文本", TEXT, 20)
    b: object = col("金额", MONEY)
    c: object = col("年度", YEAR)
    d: object = col("说明", TEXT, 60)


COLUMNS = columns(Row)
TRICKY = ["普通文本", "a&b<c>d", " 前导空格", "尾随空格 ", "控制\x01字符", "_x0041_ 字面", "非字符\ufffe",
          "=1+1", "@SUM(1)", "http://x.example", "两行\n文本", "引号\"'", "x" * 40000, "𝄞" * 20000, "\t", "0"]
ROWS = ([Row(t, D("1234.5"), 2022, t) for t in TRICKY]
        + [Row(None, None, None, ""),  # an empty row writes nothing
           Row("", D("0.1"), True, None), Row(b=D("1E+400"), c=7, d="inf 写成文本"),
           Row(b=3, c="2022年", d=12.5), Row(1.0, -0.0, D("-0.005"))])


def _write(path, fast: bool, monkeypatch):
    if not fast:
        monkeypatch.setattr(B, "fast_ok", lambda ws: False)
    book = B._Book(str(path))
    ws = book.sheet("表", "标题", "副标题", COLUMNS)
    other = book.sheet("另一表", "标题2", "副标题2", COLUMNS)
    r = 3
    for i in range(0, len(ROWS), 3):  # in pieces and interleaved with another sheet, as when streaming
        r = B._rows(ws, COLUMNS, ROWS[i:i + 3], r)
        B._rows(other, COLUMNS, ROWS[i:i + 1], 3 + i // 3)
    B._rows(ws, COLUMNS, [], r)
    B._rows(ws, COLUMNS, [Row("合计", D(1))], r + 1, fmt=book.tot)
    book.wb.close()
    monkeypatch.undo()
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet")}


def test_fast_rows_write_what_xlsxwriter_writes(tmp_path, monkeypatch):
    fast = _write(tmp_path / "fast.xlsx", True, monkeypatch)
    slow = _write(tmp_path / "slow.xlsx", False, monkeypatch)
    assert fast.keys() == slow.keys() and len(fast) == 2
    for name in fast:
        assert fast[name] == slow[name], name
    ws = load_workbook(tmp_path / "fast.xlsx")["表"]
    got = [ws.cell(4 + i, 1).value for i in range(len(TRICKY))]
    plain = [i for i, t in enumerate(TRICKY[:12]) if "_x" not in t and t not in ("控制\x01字符", "非字符\ufffe")]  # openpyxl keeps _xHHHH_
    assert [got[i] for i in plain] == [TRICKY[i] for i in plain]
    assert len(got[12]) == 32767 and ws.cell(4 + len(TRICKY) + 2, 2).value == "1E+400"


def test_rich_string_lookalike_is_escaped_not_written_raw(tmp_path):
    path = tmp_path / "r.xlsx"
    book = B._Book(str(path))
    ws = book.sheet("表", "标题", "副标题", COLUMNS)
    B._rows(ws, COLUMNS, [Row("<r><t>注入</t></r>", d="<r>x</r>")], 3)
    book.wb.close()
    ws = load_workbook(path)["表"]
    assert (ws["A4"].value, ws["D4"].value) == ("<r><t>注入</t></r>", "<r>x</r>")


@pytest.mark.parametrize("n", [0, 1])
def test_fast_rows_after_headings_only(tmp_path, n):
    path = tmp_path / "h.xlsx"
    book = B._Book(str(path))
    ws = book.sheet("表", "标题", "副标题", COLUMNS)
    end = B._rows(ws, COLUMNS, [Row("x")] * n, 3)
    B._finish(ws, COLUMNS, 2, end)
    book.wb.close()
    ws = load_workbook(path)["表"]
    assert ws["A3"].value == "文本" and ws["A4"].value == ("x" if n else None)
