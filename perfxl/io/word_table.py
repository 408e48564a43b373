"""Write one 项目支出绩效自评表 as a Word table laid out like the official form (9 columns):

    项目名称 | name ……………………………………………………………………………
    主管部门 | dept ………………… | 实施单位 | implementer …………………
    项目资金 |  (blank)  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
    (merged) | 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金 rows
    年度总体目标 | 预期目标 ………… | 实际完成情况 …………   (then a row of the two texts)
    绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
    (merged) | 一级 and 二级 cells merged over their groups …
    总分 ……………………………………………………………… | 分值 | 得分 |
    等级 ……………………………………………………………… | grade
"""
from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Emu

from .word_model import FUND_ROW_LABELS, FUND_ROWS, FormTable, IndicatorRow
from .word_style import STYLE_TABLE, ensure_table_style, shade

COLS = 9
# relative widths: 左标签, 一级, 二级, 三级, 指标值, 完成值, 分值, 得分, 偏差原因
PROPORTIONS = (1.6, 1.6, 1.9, 3.0, 2.1, 2.1, 1.2, 1.5, 3.0)
IND_HEADERS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
FUND_HEADERS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
CHAR_CM = 0.37  # one 10.5 pt character
PAD_CM = 0.38  # a cell's left and right margins


def column_widths(width: int) -> list[int]:
    total = sum(PROPORTIONS)
    return [int(width * p / total) for p in PROPORTIONS]


def min_width_cm(form: FormTable) -> float:
    """The narrowest the table can be: each column as wide as its widest header word or short value
    (up to 4 characters of text that may wrap; numbers and scores whole)."""
    columns: list[list[str]] = [["项目名称", "主管部门", "绩效指标"], ["一级指标"], ["二级指标"], ["三级指标"],
                                ["年度指标值"], ["实际完成值"], ["分值", "执行率"], ["得分"], ["偏差原因"]]
    for fund in form.funds.values():
        for c, v in zip((3, 4, 5), (fund.initial, fund.full_year, fund.executed)):
            columns[c].append(v)
    columns[6] += [form.exec_weight, form.total_weight]
    columns[7] += [form.exec_rate, form.exec_score, form.total_score]
    for ind in form.indicators:
        for c, v in zip(range(3, 8), (ind.name, ind.target, ind.actual, ind.weight, ind.score)):
            columns[c].append(v)
    total = 0.0
    for c, texts in enumerate(columns):
        chars = max(min(len(t), 8 if c >= 6 or _numeric(t) else 4) for t in texts)
        total += chars * CHAR_CM + PAD_CM
    return total


def _numeric(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and len(text) <= 12


def needs_landscape(forms: list[FormTable], portrait_width: int) -> bool:
    """True when some table is wider than a portrait page allows (the national form's 9 columns with
    its headers need about 17 cm; A4 portrait with official margins gives 15.6 cm)."""
    return any(min_width_cm(form) > Emu(portrait_width).cm for form in forms)


def _cant_split():
    from docx.oxml import OxmlElement

    return OxmlElement("w:cantSplit")


class _Form:
    def __init__(self, doc, form: FormTable, width: int):
        self.form = form
        ensure_table_style(doc)
        self.rows = self._row_count()
        self.table = doc.add_table(rows=self.rows, cols=COLS)
        self.table.style = "Table Grid"
        self.table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self.table.autofit = False
        widths = column_widths(width)
        for col, w in zip(self.table.columns, widths):
            col.width = w
        # the cells before any merge: Table.cell() rescans the whole table on every call
        self.grid = [list(row.cells) for row in self.table.rows]
        for row, cells in zip(self.table.rows, self.grid):
            row._tr.get_or_add_trPr().append(_cant_split())  # a row is never split across pages
            for cell, w in zip(cells, widths):
                cell.width = w
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    def _row_count(self) -> int:
        f = self.form
        return 2 + 1 + len(FUND_ROWS) + (1 if f.exec_reason else 0) + 2 + 1 + max(1, len(f.indicators)) + 2

    def put(self, r: int, c1: int, c2: int, text: str, *, header: bool = False, left: bool = False, r2: int = 0):
        cell = self.grid[r][c1]  # merged regions are disjoint: both corners are still untouched cells
        if c2 > c1 or r2 > r:
            cell = cell.merge(self.grid[max(r, r2)][c2])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        lines = (text or "").split("\n")
        p = cell.paragraphs[0]
        for i, line in enumerate(lines):
            if i:
                p = cell.add_paragraph()
            p.style = STYLE_TABLE
            if left:
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            if line:
                p.add_run(line).bold = header or None
        if header:
            shade(cell)
        return cell

    def build(self):
        f, r = self.form, 0
        self.put(0, 0, 0, "项目名称", header=True)
        self.put(0, 1, 8, f.project_name)
        self.put(1, 0, 0, "主管部门", header=True)
        self.put(1, 1, 3, f.competent_dept)
        self.put(1, 4, 4, "实施单位", header=True)
        self.put(1, 5, 8, f.implementer)
        r = 2
        self.put(r, 0, 0, "项目资金\n（万元）", header=True, r2=r + len(FUND_ROWS))
        self.put(r, 1, 2, "", header=True)
        for c, head in enumerate(FUND_HEADERS, start=3):
            self.put(r, c, c, head, header=True)
        for i, key in enumerate(FUND_ROWS, start=r + 1):
            fund = f.funds.get(key)
            self.put(i, 1, 2, FUND_ROW_LABELS[key], header=True)
            values = (fund.initial, fund.full_year, fund.executed) if fund else ("", "", "")
            for c, v in enumerate(values, start=3):
                self.put(i, c, c, v)
            if key == "total":
                for c, v in enumerate((f.exec_weight, f.exec_rate, f.exec_score), start=6):
                    self.put(i, c, c, v)
            else:
                self.put(i, 6, 8, "")
        r += 1 + len(FUND_ROWS)
        if f.exec_reason:
            self.put(r, 0, 2, "执行偏差原因", header=True)
            self.put(r, 3, 8, f.exec_reason, left=True)
            r += 1
        self.put(r, 0, 0, "年度总体目标", header=True, r2=r + 1)
        self.put(r, 1, 4, "预期目标", header=True)
        self.put(r, 5, 8, "实际完成情况", header=True)
        self.put(r + 1, 1, 4, f.goal_expected, left=True)
        self.put(r + 1, 5, 8, f.goal_actual, left=True)
        r += 2
        self.indicators(r)
        r += 1 + max(1, len(f.indicators))
        self.put(r, 0, 5, "总  分", header=True)
        self.put(r, 6, 6, f.total_weight)
        self.put(r, 7, 7, f.total_score)
        self.put(r, 8, 8, "")
        self.put(r + 1, 0, 5, "等  级", header=True)
        self.put(r + 1, 6, 8, f.grade)
        return self.table

    def indicators(self, r: int) -> None:
        inds = self.form.indicators or [IndicatorRow()]
        self.put(r, 0, 0, "绩效指标", header=True, r2=r + len(inds))
        for c, head in enumerate(IND_HEADERS, start=1):
            self.put(r, c, c, head, header=True)
        first = r + 1
        for col, key in ((1, lambda i: i.level1), (2, lambda i: (i.level1, i.level2))):
            start = 0
            for i in range(1, len(inds) + 1):
                if i == len(inds) or key(inds[i]) != key(inds[start]):
                    text = inds[start].level1 if col == 1 else inds[start].level2
                    self.put(first + start, col, col, text, r2=first + i - 1)
                    start = i
        for i, ind in enumerate(inds):
            row = first + i
            for c, v in enumerate((ind.name, ind.target, ind.actual, ind.weight, ind.score), start=3):
                self.put(row, c, c, v)
            self.put(row, 8, 8, ind.reason, left=True)


def add_form_table(doc, form: FormTable, width: int):
    """Append ``form`` to ``doc`` as a table ``width`` EMU wide; return the python-docx Table."""
    return _Form(doc, form, width).build()

