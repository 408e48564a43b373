"""Write the consolidated summary workbook with XlsxWriter: Chinese headings, print-ready, charts.

Every sheet's columns come from the row declarations of ``perfxl.core.summary_rows``. Input text never
becomes a formula or a link: the workbook is opened with ``strings_to_formulas``, ``strings_to_urls`` and
``strings_to_numbers`` off, and every text cell is written as a string. No formula is written at all:
every total is computed in Python (so the numbers are there for any reader, also one that does not
calculate). The caller writes to a temporary file and renames it (``io.files.atomic_write``).
"""
from __future__ import annotations

import math
from datetime import datetime
from operator import attrgetter

from ..core.fields import INT, MONEY, RATE, SCORE, TEXT, YEAR
from ..core.summary import NOTES, SCORE_KEYS, Consolidation, FileRows, Totals
from ..core.summary_rows import DETAIL_TABLES, DepartmentRow, Status, columns
from .xlsxwriter_fast import fast_ok, number, write_rows

FORMATS = {MONEY: "#,##0.00", RATE: "0.00%", SCORE: "0.00", INT: "0", YEAR: "0", TEXT: "@"}
WIDTHS = {MONEY: 13, RATE: 9, SCORE: 8, INT: 7, YEAR: 7, TEXT: 14}
SHEET_SUMMARY, SHEET_CHARTS = "汇总", "图表"
GRADE_COLOURS = ("#548235", "#4472C4", "#FFC000", "#C00000", "#7F7F7F", "#7030A0")


class _Book:
    def __init__(self, path: str):
        import xlsxwriter

        self.wb = xlsxwriter.Workbook(path, {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False, "nan_inf_to_errors": True,
        })
        self.wb.set_properties({"title": "部门预算绩效自评汇总", "author": "perfxl", "comments": "perfxl consolidate"})
        f = self.wb.add_format
        base = {"font_name": "宋体", "font_size": 10}
        self.title = f({**base, "font_name": "黑体", "font_size": 16, "bold": True, "align": "center",
                        "valign": "vcenter"})
        self.subtitle = f({**base, "font_size": 9, "align": "left"})
        self.header = f({**base, "font_name": "黑体", "bold": True, "bg_color": "#D9E1F2", "border": 1,
                         "text_wrap": True, "align": "center", "valign": "vcenter"})
        self.col = {k: f({**base, "num_format": v}) for k, v in FORMATS.items()}
        self.col_wrap = f({**base, "num_format": "@", "text_wrap": True, "valign": "top"})
        self.tot = {k: f({**base, "num_format": v, "bold": True, "top": 1, "bg_color": "#F2F2F2"})
                    for k, v in FORMATS.items()}
        self.note = f({**base, "font_size": 9, "italic": True})

    def sheet(self, name: str, title: str, subtitle: str, cols, landscape: bool = True):
        ws = self.wb.add_worksheet(name)
        self.decorate(ws, title, subtitle, cols, landscape)
        return ws

    def decorate(self, ws, title: str, subtitle: str, cols, landscape: bool = True) -> None:
        """Column widths, the title, subtitle and heading rows (rows 1–3), page setup."""
        name = ws.get_name()
        for j, c in enumerate(cols):
            fmt = self.col_wrap if c.kind == TEXT and (c.width or 0) >= 50 else self.col[c.kind]
            ws.set_column(j, j, c.width or WIDTHS[c.kind], fmt)
        last = len(cols) - 1
        if last > 0:
            ws.merge_range(0, 0, 0, last, title, self.title)
        else:
            ws.write_string(0, 0, title, self.title)
        ws.set_row(0, 28)
        ws.write_string(1, 0, subtitle, self.subtitle)
        ws.set_row(2, 30)
        for j, c in enumerate(cols):
            ws.write_string(2, j, c.head, self.header)
        ws.freeze_panes(3, 1 if len(cols) > 3 else 0)
        ws.set_paper(9)  # A4
        if landscape:
            ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(2)
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.set_header(f"&C&\"黑体,Bold\"{_escape_hf(title)}")
        ws.set_footer("&L&8perfxl 汇总 &D&C第 &P 页，共 &N 页&R&8" + _escape_hf(name))


def _escape_hf(text: str) -> str:
    return text.replace("&", "&&")[:200]


def values_of(cols, rows) -> list[tuple]:
    """Rows (dataclass instances) as tuples of their column values, in column order."""
    get = attrgetter(*(c.key for c in cols)) if len(cols) > 1 else (lambda r: (getattr(r, cols[0].key),))
    return [get(r) for r in rows]


def write_rows_slow(ws, cols, rows, first: int, fmt: dict | None = None) -> int:
    """XlsxWriter's public cell writers (the totals rows, with their own format; and the fallback)."""
    r = first
    for values in rows:
        for j, (c, v) in enumerate(zip(cols, values)):
            if v is None or v == "":
                if fmt is not None:
                    ws.write_blank(r, j, None, fmt[c.kind])
                continue
            style = () if fmt is None else (fmt[TEXT if c.kind == TEXT or isinstance(v, str) else c.kind],)
            if c.kind == TEXT or isinstance(v, str):
                ws.write_string(r, j, str(v), *style)
                continue
            n = number(v)
            if n is None or not math.isfinite(n):
                ws.write_string(r, j, str(v), *style)
            else:
                ws.write_number(r, j, n, *style)
        r += 1
    return r


def _rows(ws, cols, rows, first: int, fmt: dict | None = None) -> int:
    """Write ``rows`` (dataclass rows) from row ``first``; return the next free row."""
    values = values_of(cols, rows) if rows else []
    if fmt is None and fast_ok(ws):
        return write_rows(ws, cols, values, first)
    return write_rows_slow(ws, cols, values, first, fmt)


def _finish(ws, cols, header_row: int, last_row: int) -> None:
    if last_row > header_row:
        ws.autofilter(header_row, 0, last_row - 1, len(cols) - 1)
    ws.print_area(0, 0, max(last_row, header_row + 1), len(cols) - 1)


def _years(departments: list[DepartmentRow]) -> str:
    ys = sorted({str(d.year) for d in departments if d.year not in (None, "")})
    return "、".join(ys[:5]) + ("等" if len(ys) > 5 else "")


class SummaryWriter:
    """The summary workbook written as the rows arrive, in constant memory.

    Every sheet is created up front, in the final order. The detail sheets (项目明细 … 文件清单) get their
    rows as each file's result arrives (``add(part)``) — in ``constant_memory`` mode XlsxWriter flushes a
    sheet's rows in increasing order to that sheet's own temporary file, so sheets may be filled
    interleaved. 汇总 and 图表 depend on every file (the title names the years, the subtitle the counts by
    status, the totals, the charts over all departments), so nothing is written to them until ``close()``.
    """

    def __init__(self, tmp: str, n_files: int, stamp: str | None = None):
        self.book = b = _Book(tmp)
        self.n_files = n_files
        self.stamp = stamp or datetime.now().strftime("%Y-%m-%d %H:%M")
        self.summary = b.wb.add_worksheet(SHEET_SUMMARY)  # filled by close()
        self.charts = b.wb.add_worksheet(SHEET_CHARTS)
        head = f"共 {n_files} 个文件，生成于 {self.stamp}（perfxl）；各文件的汇总情况见“文件清单”表，合计见“汇总”表。"
        self.sheets: dict[str, list] = {}  # table key -> [worksheet, columns, next row]
        for key, row_type, name, title, landscape, _tot in DETAIL_TABLES:
            cols = columns(row_type)
            self.sheets[key] = [b.sheet(name, title, head, cols, landscape), cols, 3]

    def add(self, part: FileRows) -> None:
        """One file's rows, written to the detail sheets (then the caller drops them)."""
        for key, *_rest in DETAIL_TABLES:
            rows = [part.file] if key == "files" else getattr(part, key)
            if rows:
                t = self.sheets[key]
                t[2] = _rows(t[0], t[1], rows, t[2])

    def close(self, c: Consolidation, totals: Totals) -> None:
        b = self.book
        for key, row_type, _name, _title, _landscape, has_totals in DETAIL_TABLES:
            ws, cols, end = self.sheets[key]
            _finish(ws, cols, 2, end)
            if has_totals:
                row = row_type(unit=f"合计（{c.summed_rows[key]} 个单位）", **c.sums[key])
                _rows(ws, cols, [row], end + 1, fmt=b.tot)
                ws.print_area(0, 0, end + 1, len(cols) - 1)
        self._summary(c, totals)
        self._charts(c.departments, totals)
        b.wb.close()

    def _summary(self, c: Consolidation, t: Totals) -> None:
        b = self.book
        n = c.counts
        head = (f"共 {self.n_files} 个文件：" + "，".join(f"{s.label} {n[s]}" for s in Status)
                + f"。生成于 {self.stamp}（perfxl）。")
        years = _years(c.departments)
        title = f"{years}年度部门预算绩效自评汇总表" if years else "部门预算绩效自评汇总表"
        cols = columns(DepartmentRow)
        ws = self.summary
        b.decorate(ws, title, head, cols)
        end = _rows(ws, cols, c.departments, 3)
        grades = "　".join(f"{g} {k} 个" for g, k in t.grades.items()) + (f"　未评级 {t.ungraded} 个" if t.ungraded else "")
        total_rows = [
            DepartmentRow(f"合计（{t.count} 个单位）", projects=t.projects, initial=t.initial, full_year=t.full_year,
                          executed=t.executed, exec_rate=t.exec_rate, errors=t.errors, warnings=t.warnings,
                          file="执行率 = Σ全年执行数 ÷ Σ全年预算数"),
            DepartmentRow("简单平均分", projects=None, **{k: t.mean[k] for k in SCORE_KEYS}, file="各单位得分的算术平均"),
            DepartmentRow("资金加权平均分", projects=None, **{k: t.weighted[k] for k in SCORE_KEYS},
                          file="Σ得分×全年预算数 ÷ Σ全年预算数"),
            DepartmentRow("等级分布", projects=None, file=grades),
        ]
        r = _rows(ws, cols, total_rows, end + 1, fmt=b.tot) + 1  # one blank row keeps the filter range clean
        for line in NOTES:
            ws.write_string(r, 0, "注：" + line, b.note)
            r += 1
        ws.autofilter(2, 0, max(end - 1, 3), len(cols) - 1)
        ws.print_area(0, 0, r, len(cols) - 1)
        ws.activate()

    def _charts(self, departments: list[DepartmentRow], t: Totals) -> None:
        b, ch = self.book, self.charts
        ch.set_column(0, 0, 10)
        ch.set_column(1, 1, 10)
        ch.write_string(0, 0, "等级", b.header)
        ch.write_string(0, 1, "单位数", b.header)
        for i, (g, k) in enumerate(t.grades.items(), start=1):
            ch.write_string(i, 0, g)
            ch.write_number(i, 1, k)
        ch.set_paper(9)
        ch.set_landscape()
        ch.fit_to_pages(1, 0)
        ch.set_footer("&C第 &P 页，共 &N 页")
        n_dept = len(departments)
        keys = [c.key for c in columns(DepartmentRow)]
        unit, first = keys.index("unit"), 3
        if n_dept:
            last = first + n_dept - 1
            height = max(360, min(20 * n_dept + 120, 4000))
            for i, (key, name, colour, fmt, axis) in enumerate((
                    ("recomputed", "复核总分", "#4472C4", "0.00", {"min": 0, "max": 100, "name": "分"}),
                    ("exec_rate", "执行率", "#70AD47", "0.0%", {"min": 0, "num_format": "0%"}))):
                j = keys.index(key)
                chart = b.wb.add_chart({"type": "bar"})
                chart.add_series({"name": name, "categories": [SHEET_SUMMARY, first, unit, last, unit],
                                  "values": [SHEET_SUMMARY, first, j, last, j], "fill": {"color": colour},
                                  "data_labels": {"value": n_dept <= 60, "num_format": fmt}})
                chart.set_title({"name": f"各单位{'复核总分' if key == 'recomputed' else '预算执行率'}"})
                chart.set_x_axis(axis)
                chart.set_y_axis({"reverse": True})
                chart.set_legend({"none": True})
                chart.set_size({"width": 720, "height": height})
                ch.insert_chart(17 + i * (height // 20 + 2), 0, chart)
        n_grades = max(1, len(t.grades))
        bars = b.wb.add_chart({"type": "column"})
        bars.add_series({"name": "单位数", "categories": [SHEET_CHARTS, 1, 0, n_grades, 0],
                         "values": [SHEET_CHARTS, 1, 1, n_grades, 1],
                         "points": [{"fill": {"color": GRADE_COLOURS[i % len(GRADE_COLOURS)]}} for i in range(n_grades)],
                         "data_labels": {"value": True}})
        bars.set_title({"name": "等级分布（单位数）"})
        bars.set_legend({"none": True})
        bars.set_size({"width": 360, "height": 300})
        ch.insert_chart(0, 3, bars)
