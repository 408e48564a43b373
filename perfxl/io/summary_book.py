"""Write the consolidated summary workbook with XlsxWriter: Chinese headings, print-ready, charts.

Input text never becomes a formula or a link: the workbook is opened with ``strings_to_formulas``,
``strings_to_urls`` and ``strings_to_numbers`` off, and every text cell is written with
``write_string``. No formula is written at all: every total is computed in Python (so the numbers
are there for any reader, also one that does not calculate). Written to a temporary file and renamed.
"""
from __future__ import annotations

import math
import os
import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from ..core import summary as S
from .files import atomic_write, same_file

TEXT, INT, MONEY, RATE, SCORE, YEAR = "text", "int", "money", "rate", "score", "year"
FORMATS = {MONEY: "#,##0.00", RATE: "0.00%", SCORE: "0.00", INT: "0", YEAR: "0", TEXT: "@"}
WIDTHS = {MONEY: 13, RATE: 9, SCORE: 8, INT: 7, YEAR: 7, TEXT: 14}

SHEET_SUMMARY, SHEET_CHARTS, SHEET_PROJECTS, SHEET_INDICATORS = "汇总", "图表", "项目明细", "指标明细"
SHEET_SANGONG, SHEET_PROCUREMENT, SHEET_ASSETS = "三公经费", "政府采购", "资产"
SHEET_FINDINGS, SHEET_REVIEW, SHEET_FILES = "校验问题", "抽查建议", "文件清单"
SEVERITY_LABELS = S.SEVERITY_LABELS

# (key, heading, kind, width or None)
DEPT_COLUMNS = (
    ("unit", "单位", TEXT, 26), ("year", "年度", YEAR, None), ("projects", "项目数", INT, None),
    ("initial", "年初预算数（万元）", MONEY, None), ("full_year", "全年预算数（万元）", MONEY, None),
    ("executed", "全年执行数（万元）", MONEY, None), ("exec_rate", "执行率", RATE, None),
    ("exec_score", "执行率得分", SCORE, None), ("output", "产出得分", SCORE, None),
    ("benefit", "效益得分", SCORE, None), ("satisfaction", "满意度得分", SCORE, None),
    ("reported", "自评总分", SCORE, None), ("recomputed", "复核总分", SCORE, None),
    ("diff", "差异（自评−复核）", SCORE, 10), ("grade", "等级", TEXT, 6),
    ("errors", "错误数", INT, None), ("warnings", "警告数", INT, None),
    ("file", "来源文件", TEXT, 30), ("note", "备注", TEXT, 30),
)
PROJECT_COLUMNS = (
    ("unit", "单位", TEXT, 24), ("year", "年度", YEAR, None), ("project", "项目名称", TEXT, 28),
    ("sheet", "工作表", TEXT, 14),
    ("initial", "年初预算数（万元）", MONEY, None), ("full_year", "全年预算数（万元）", MONEY, None),
    ("executed", "全年执行数（万元）", MONEY, None), ("exec_rate", "执行率", RATE, None),
    ("exec_score", "执行率得分", SCORE, None), ("output", "产出得分", SCORE, None),
    ("benefit", "效益得分", SCORE, None), ("satisfaction", "满意度得分", SCORE, None),
    ("reported", "自评总分", SCORE, None), ("recomputed", "复核总分", SCORE, None),
    ("diff", "差异（自评−复核）", SCORE, 10), ("grade", "复核等级", TEXT, 6),
    ("reported_grade", "自评等级", TEXT, 6), ("file", "来源文件", TEXT, 30),
)
INDICATOR_COLUMNS = (
    ("unit", "单位", TEXT, 22), ("year", "年度", YEAR, None), ("project", "项目名称", TEXT, 22),
    ("level1", "一级指标", TEXT, 10), ("level2", "二级指标", TEXT, 12), ("name", "三级指标", TEXT, 24),
    ("target", "年度指标值", TEXT, 14), ("actual", "实际完成值", TEXT, 14), ("weight", "分值", SCORE, None),
    ("score", "自评得分", SCORE, None), ("rule_score", "测算得分", SCORE, None),
    ("reason", "偏差原因分析及改进措施", TEXT, 30), ("file", "来源文件", TEXT, 26), ("place", "位置", TEXT, 16),
)
SANGONG_COLUMNS = (
    ("unit", "单位", TEXT, 24), ("year", "年度", YEAR, None),
    ("budget_total", "预算·合计", MONEY, None), ("budget_abroad", "预算·因公出国（境）", MONEY, None),
    ("budget_car", "预算·公务用车", MONEY, None), ("budget_reception", "预算·公务接待", MONEY, None),
    ("final_total", "决算·合计", MONEY, None), ("final_abroad", "决算·因公出国（境）", MONEY, None),
    ("final_car", "决算·公务用车", MONEY, None), ("final_reception", "决算·公务接待", MONEY, None),
    ("diff_total", "增减·合计", MONEY, None), ("file", "来源文件", TEXT, 28),
)
PROCUREMENT_COLUMNS = (
    ("unit", "单位", TEXT, 24), ("year", "年度", YEAR, None), ("total", "政府采购合计（万元）", MONEY, None),
    ("goods", "货物", MONEY, None), ("works", "工程", MONEY, None), ("services", "服务", MONEY, None),
    ("file", "来源文件", TEXT, 28),
)
ASSET_COLUMNS = (
    ("unit", "单位", TEXT, 24), ("year", "年度", YEAR, None), ("assets_total", "资产总额（万元）", MONEY, None),
    ("liabilities_total", "负债总额", MONEY, None), ("net_assets", "净资产（复核）", MONEY, None),
    ("fixed_assets_original", "固定资产原值", MONEY, None), ("fixed_assets_in_use", "在用固定资产", MONEY, None),
    ("file", "来源文件", TEXT, 28),
)
FINDING_COLUMNS = (
    ("file", "文件", TEXT, 28), ("sheet", "工作表", TEXT, 14), ("cell", "单元格", TEXT, 7),
    ("code", "代码", TEXT, 22), ("severity_label", "级别", TEXT, 6), ("rule", "规则", TEXT, 5),
    ("message", "说明", TEXT, 70),
)
REVIEW_COLUMNS = (
    ("unit", "单位", TEXT, 22), ("year", "年度", YEAR, None), ("project", "项目名称", TEXT, 22),
    ("kind", "抽查类型", TEXT, 14), ("reason", "理由", TEXT, 60), ("sheet", "工作表", TEXT, 12),
    ("cell", "单元格", TEXT, 7), ("file", "来源文件", TEXT, 26),
)
FILE_COLUMNS = (
    ("file", "文件", TEXT, 28), ("status", "状态", TEXT, 12), ("note", "说明", TEXT, 50),
    ("unit", "单位", TEXT, 22), ("year", "年度", YEAR, None), ("errors", "错误数", INT, None),
    ("warnings", "警告数", INT, None), ("size", "大小（字节）", INT, 11), ("sha256", "SHA-256", TEXT, 66),
    ("path", "路径", TEXT, 50),
)


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

    def sheet(self, name: str, title: str, subtitle: str, columns, landscape: bool = True):
        ws = self.wb.add_worksheet(name)
        self.decorate(ws, title, subtitle, columns, landscape)
        return ws

    def decorate(self, ws, title: str, subtitle: str, columns, landscape: bool = True) -> None:
        """Column widths, the title, subtitle and heading rows (rows 1–3), page setup."""
        name = ws.get_name()
        for j, (_k, _h, kind, width) in enumerate(columns):
            fmt = self.col_wrap if kind == TEXT and (width or 0) >= 50 else self.col[kind]
            ws.set_column(j, j, width or WIDTHS[kind], fmt)
        last = len(columns) - 1
        if last > 0:
            ws.merge_range(0, 0, 0, last, title, self.title)
        else:
            ws.write_string(0, 0, title, self.title)
        ws.set_row(0, 28)
        ws.write_string(1, 0, subtitle, self.subtitle)
        ws.set_row(2, 30)
        for j, (_k, head, _kind, _w) in enumerate(columns):
            ws.write_string(2, j, head, self.header)
        ws.freeze_panes(3, 1 if len(columns) > 3 else 0)
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


def _num(v) -> float | None:
    if v is None:
        return None
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    return None


def _rows(ws, columns, rows, first: int, fmt: dict | None = None) -> int:
    """Write ``rows`` (dicts) from row ``first``; return the next free row."""
    if fmt is None and _fast_ok(ws):
        return _rows_fast(ws, columns, rows, first)
    kinds = [(j, k, kind) for j, (k, _h, kind, _w) in enumerate(columns)]
    ws_string, ws_number = ws.write_string, ws.write_number
    r = first
    for row in rows:
        get = row.get
        for j, key, kind in kinds:
            v = get(key)
            if v is None or v == "":
                if fmt is not None:
                    ws.write_blank(r, j, None, fmt[kind])
                continue
            if kind == TEXT or isinstance(v, str):
                if fmt is not None:
                    ws_string(r, j, str(v), fmt[TEXT])
                else:
                    ws_string(r, j, str(v))
            else:
                n = _num(v)
                if n is None or not math.isfinite(n):
                    ws_string(r, j, str(v))
                elif fmt is not None:
                    ws_number(r, j, n, fmt[kind])
                else:
                    ws_number(r, j, n)
        r += 1
    return r


# --- the fast row writer ------------------------------------------------------------------------
# XlsxWriter spends ≈ 5 µs per cell (argument conversion, a per-cell attribute list, three regex
# passes per string). The detail sheets are ≈ 575,000 cells for 1,000 workbooks, so their plain
# rows (no cell format: the column's format applies) are serialised here, into the sheet's
# constant_memory row file, exactly as XlsxWriter's own _write_cell would write them: the same
# <row> element (XlsxWriter's _write_row), `<c r=.. s=(column xf) t="inlineStr">` strings and
# `<v>{:.16G}</v>` numbers. Any text that needs care (XML escapes, control characters, _xHHHH_,
# leading/trailing whitespace, very long) goes through XlsxWriter's own escaping helpers; text that
# looks like an XlsxWriter rich string (<r>…</r>) is escaped like any other, never written raw.
# tests/io/test_summary_book_fast_rows.py holds the XML to what XlsxWriter writes cell by cell.
_CARE = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$")
_LEADING, _TRAILING = re.compile(r"^\s"), re.compile(r"\s$")
_STRMAX = 32767  # Excel's limit, in UTF-16 units


def _fast_ok(ws) -> bool:
    return (getattr(ws, "constant_memory", False) and getattr(ws, "fh", None) is not None
            and all(callable(getattr(ws, a, None)) for a in (
                "_write_single_row", "_write_row", "_xml_end_tag", "_check_dimensions",
                "_escape_control_characters", "_escape_data"))
            and isinstance(getattr(ws, "col_info", None), dict) and hasattr(ws, "previous_row"))


def _careful(ws, text: str) -> str:
    """The <t> element of a text that needs escaping, as XlsxWriter writes it."""
    if len(text) > _STRMAX // 2 and len(text.encode("utf-16-le", "surrogatepass")) // 2 > _STRMAX:
        out, units = [], 0
        for ch in text:
            units += 2 if ord(ch) > 0xFFFF else 1
            if units > _STRMAX:
                break
            out.append(ch)
        text = "".join(out)
    text = ws._escape_control_characters(text)
    space = ' xml:space="preserve"' if (_LEADING.search(text) or _TRAILING.search(text)) else ""
    return f"<t{space}>{ws._escape_data(text)}</t>"


def _rows_fast(ws, columns, rows, first: int) -> int:
    from xlsxwriter.utility import xl_col_to_name

    ws._write_single_row(first)  # flush the row XlsxWriter still holds (the headings); ours follow it
    write = ws.fh.write
    cols = []
    for j, (key, _h, kind, _w) in enumerate(columns):
        info = ws.col_info.get(j)
        f = getattr(info, "column_format", None)
        cols.append((key, kind == TEXT, xl_col_to_name(j), f' s="{f._get_xf_index()}"' if f is not None else ""))
    care, isfinite = _CARE.search, math.isfinite
    r = first
    last = None
    for row in rows:
        get = row.get
        n = str(r + 1)
        cells = []
        for key, is_text, name, style in cols:
            v = get(key)
            if v is None or v == "":
                continue
            if not is_text and not isinstance(v, str):
                x = _num(v)
                if x is not None and isfinite(x):
                    cells.append(f'<c r="{name}{n}"{style}><v>{x:.16G}</v></c>')
                    continue
            t = v if isinstance(v, str) else str(v)
            if care(t) or len(t) > _STRMAX // 2:
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


def _finish(ws, columns, header_row: int, last_row: int) -> None:
    if last_row > header_row:
        ws.autofilter(header_row, 0, last_row - 1, len(columns) - 1)
    ws.print_area(0, 0, max(last_row, header_row + 1), len(columns) - 1)


def _years(departments: list[dict]) -> str:
    ys = sorted({str(d["year"]) for d in departments if d.get("year") not in (None, "")})
    return "、".join(ys[:5]) + ("等" if len(ys) > 5 else "")


def refuse_inputs(path: Path, inputs) -> None:
    for p in inputs:
        if same_file(p, path) and path.exists():
            raise ValueError(f"{path.name}：输出文件不能是输入文件之一，请换一个输出路径。")


def write_summary(data: S.SummaryData, path: str | os.PathLike, inputs: list[str] = ()) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to write over any of ``inputs``."""
    path = Path(path)
    refuse_inputs(path, inputs)
    return atomic_write(path, lambda tmp: _write(data, tmp))


def _write(data: S.SummaryData, tmp: str) -> None:
    w = SummaryWriter(tmp, len(data.files))
    for key, rows in (("projects", data.projects), ("indicators", data.indicators), ("sangong", data.sangong),
                      ("procurement", data.procurement), ("assets", data.assets), ("findings", data.findings),
                      ("review", data.review), ("files", data.files)):
        w.add_rows(key, rows)
    w.close(data.departments, data.totals, data.counts, data.sangong_totals, data.procurement_totals,
            data.assets_totals)


# (key, sheet, title, columns, landscape, totals row)
DETAIL_SHEETS = (
    ("projects", SHEET_PROJECTS, "项目支出绩效自评明细", PROJECT_COLUMNS, True, False),
    ("indicators", SHEET_INDICATORS, "绩效指标明细", INDICATOR_COLUMNS, True, False),
    ("sangong", SHEET_SANGONG, "“三公”经费汇总", SANGONG_COLUMNS, True, True),
    ("procurement", SHEET_PROCUREMENT, "政府采购汇总", PROCUREMENT_COLUMNS, False, True),
    ("assets", SHEET_ASSETS, "资产汇总", ASSET_COLUMNS, True, True),
    ("findings", SHEET_FINDINGS, "校验问题清单", FINDING_COLUMNS, True, False),
    ("review", SHEET_REVIEW, "抽查建议", REVIEW_COLUMNS, True, False),
    ("files", SHEET_FILES, "文件清单", FILE_COLUMNS, True, False),
)


class SummaryWriter:
    """The summary workbook written as the rows arrive, in constant memory.

    Every sheet is created up front, in the final order. The detail sheets (项目明细 … 文件清单) get
    their rows as each file's result arrives (``add(part)``; ``add_rows`` for a whole table) — in
    ``constant_memory`` mode XlsxWriter flushes a sheet's rows in increasing order to that sheet's own
    temporary file, so sheets may be filled interleaved. 汇总 and 图表 depend on every file (the title
    names the years, the subtitle the counts by status, the totals, the charts over all departments),
    so nothing is written to them until ``close()``. What a detail sheet shows at its top is known at
    the start (its heading, the number of files, the time); its totals row is at its bottom. The counts
    by status are in 汇总's subtitle only.
    """

    def __init__(self, tmp: str, n_files: int, stamp: str | None = None):
        self.book = b = _Book(tmp)
        self.n_files = n_files
        self.stamp = stamp or datetime.now().strftime("%Y-%m-%d %H:%M")
        self.summary = b.wb.add_worksheet(SHEET_SUMMARY)  # filled by close()
        self.charts = b.wb.add_worksheet(SHEET_CHARTS)
        head = f"共 {n_files} 个文件，生成于 {self.stamp}（perfxl）；各文件的汇总情况见“文件清单”表，合计见“汇总”表。"
        self.sheets: dict[str, list] = {}  # key -> [worksheet, columns, next row, title]
        for key, name, title, columns, landscape, _tot in DETAIL_SHEETS:
            self.sheets[key] = [b.sheet(name, title, head, columns, landscape), columns, 3]

    def add_rows(self, key: str, rows: list[dict]) -> None:
        if rows:
            t = self.sheets[key]
            t[2] = _rows(t[0], t[1], rows, t[2])

    def add(self, part: S.FileRows) -> None:
        """One file's rows, written to the detail sheets (then the caller drops them)."""
        add = self.add_rows
        if part.department is not None:
            add("projects", part.projects)
            add("indicators", part.indicators)
            if part.sangong is not None:
                add("sangong", [part.sangong])
                add("procurement", [part.procurement])
                add("assets", [part.assets])
            add("review", part.review)
        add("findings", part.findings)
        add("files", [part.file])

    def close(self, departments: list[dict], totals: dict, counts: dict, sangong_totals: dict,
              procurement_totals: dict, assets_totals: dict) -> None:
        b = self.book
        side = {"sangong": sangong_totals, "procurement": procurement_totals, "assets": assets_totals}
        for key, _name, _title, columns, _landscape, has_totals in DETAIL_SHEETS:
            w, _cols, end = self.sheets[key]
            _finish(w, columns, 2, end)
            if has_totals:
                _rows(w, columns, [{"unit": f"合计（{end - 3} 个单位）", **side[key]}], end + 1, fmt=b.tot)
                w.print_area(0, 0, end + 1, len(columns) - 1)
        self._summary(departments, totals, counts)
        b.wb.close()

    def _summary(self, departments: list[dict], t: dict, c: dict) -> None:
        b = self.book
        years = _years(departments)
        head = (f"共 {self.n_files} 个文件：已汇总 {c[S.STATUS_OK]}，有错误仍汇总 {c[S.STATUS_ERRORS]}，"
                f"无法读取 {c[S.STATUS_UNUSABLE]}，重复未计入 {c[S.STATUS_DUPLICATE]}。生成于 {self.stamp}（perfxl）。")
        title = f"{years}年度部门预算绩效自评汇总表" if years else "部门预算绩效自评汇总表"

        # 汇总 ---------------------------------------------------------------------------
        cols = DEPT_COLUMNS
        ws = self.summary
        b.decorate(ws, title, head, cols)
        first = 3
        end = _rows(ws, cols, departments, first)
        n_dept = end - first
        idx = {k: j for j, (k, *_rest) in enumerate(cols)}
        score_keys = ("exec_score", "output", "benefit", "satisfaction", "reported", "recomputed", "diff")
        total_rows = [
            {"unit": f"合计（{t['count']} 个单位）", "projects": t["projects"], "initial": t["initial"],
             "full_year": t["full_year"], "executed": t["executed"], "exec_rate": t["exec_rate"],
             "errors": t["errors"], "warnings": t["warnings"], "file": "执行率 = Σ全年执行数 ÷ Σ全年预算数"},
            {"unit": "简单平均分", **{k: t[f"mean_{k}"] for k in score_keys}, "file": "各单位得分的算术平均"},
            {"unit": "资金加权平均分", **{k: t[f"weighted_{k}"] for k in score_keys},
             "file": "Σ得分×全年预算数 ÷ Σ全年预算数"},
            {"unit": "等级分布", "file": "　".join(f"{g} {t['grades'][g]} 个" for g in S.GRADES)
                                         + (f"　未评级 {t['ungraded']} 个" if t["ungraded"] else "")},
        ]
        total_first = end + 1  # one blank row keeps the filter range clean
        r = _rows(ws, cols, total_rows, total_first, fmt=b.tot)
        r += 1
        for line in S.NOTES:
            ws.write_string(r, 0, "注：" + line, b.note)
            r += 1
        ws.autofilter(2, 0, max(end - 1, 3), len(cols) - 1)
        ws.print_area(0, 0, r, len(cols) - 1)
        ws.activate()

        # 图表 ---------------------------------------------------------------------------
        ch = self.charts
        ch.set_column(0, 0, 10)
        ch.set_column(1, 1, 10)
        ch.write_string(0, 0, "等级", b.header)
        ch.write_string(0, 1, "单位数", b.header)
        for i, g in enumerate(S.GRADES, start=1):
            ch.write_string(i, 0, g)
            ch.write_number(i, 1, t["grades"][g])
        ch.set_paper(9)
        ch.set_landscape()
        ch.fit_to_pages(1, 0)
        ch.set_footer("&C第 &P 页，共 &N 页")
        sheet_ref = SHEET_SUMMARY
        if n_dept:
            last = first + n_dept - 1
            height = max(360, min(20 * n_dept + 120, 4000))
            score = b.wb.add_chart({"type": "bar"})
            score.add_series({"name": "复核总分", "categories": [sheet_ref, first, idx["unit"], last, idx["unit"]],
                              "values": [sheet_ref, first, idx["recomputed"], last, idx["recomputed"]],
                              "fill": {"color": "#4472C4"},
                              "data_labels": {"value": n_dept <= 60, "num_format": "0.00"}})
            score.set_title({"name": "各单位复核总分"})
            score.set_x_axis({"min": 0, "max": 100, "name": "分"})
            score.set_y_axis({"reverse": True})
            score.set_legend({"none": True})
            score.set_size({"width": 720, "height": height})
            ch.insert_chart(17, 0, score)
            rate = b.wb.add_chart({"type": "bar"})
            rate.add_series({"name": "执行率", "categories": [sheet_ref, first, idx["unit"], last, idx["unit"]],
                             "values": [sheet_ref, first, idx["exec_rate"], last, idx["exec_rate"]],
                             "fill": {"color": "#70AD47"},
                             "data_labels": {"value": n_dept <= 60, "num_format": "0.0%"}})
            rate.set_title({"name": "各单位预算执行率"})
            rate.set_x_axis({"min": 0, "num_format": "0%"})
            rate.set_y_axis({"reverse": True})
            rate.set_legend({"none": True})
            rate.set_size({"width": 720, "height": height})
            ch.insert_chart(17 + height // 20 + 2, 0, rate)
        pie = b.wb.add_chart({"type": "column"})
        pie.add_series({"name": "单位数", "categories": [SHEET_CHARTS, 1, 0, 4, 0],
                        "values": [SHEET_CHARTS, 1, 1, 4, 1],
                        "points": [{"fill": {"color": c}} for c in ("#548235", "#4472C4", "#FFC000", "#C00000")],
                        "data_labels": {"value": True}})
        pie.set_title({"name": "等级分布（单位数）"})
        pie.set_legend({"none": True})
        pie.set_size({"width": 360, "height": 300})
        ch.insert_chart(0, 3, pie)
