"""Render the standard template (perfxl.template.layout) into an openpyxl workbook."""
from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.protection import SheetProtection

from ..core.display import grade_bands_text
from ..core.policy import DEFAULT_POLICY
from ..template import layout as L
from ..template.texts import GUIDE_LINES, GUIDE_TITLE, TITLES
from .protocol import parse_name_target
from .workbook import quote_sheet

BODY_FONT = "宋体"
TITLE_FONT = "黑体"
DERIVED_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
SECTION_FILL = PatternFill("solid", fgColor="E7E6E6")
_thin = Side(style="thin", color="808080")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LOCKED = Protection(locked=True)
UNLOCKED = Protection(locked=False)


def _font(size=11, bold=False, name=BODY_FONT, color=None):
    return Font(name=name, size=size, bold=bold, color=color)


def _abs(ref: str) -> str:
    """'B12:J29' -> '$B$12:$J$29'."""
    out = []
    for part in ref.split(":"):
        col = "".join(ch for ch in part if ch.isalpha())
        row = part[len(col):]
        out.append(f"${col}${row}")
    return ":".join(out)


def _protect(ws) -> None:
    ws.protection = SheetProtection(
        sheet=True, formatCells=False, formatColumns=False, formatRows=False,
        insertRows=False, deleteRows=False, insertHyperlinks=False, sort=False, autoFilter=False,
        selectLockedCells=False, selectUnlockedCells=False,
    )


def _print_setup(ws, title_rows: str | None = None) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if title_rows:
        ws.print_title_rows = title_rows


def _title(ws, text: str, span: str) -> None:
    first = span.split(":")[0]
    ws.merge_cells(span)
    ws[first] = text
    ws[first].font = _font(16, True, TITLE_FONT)
    ws[first].alignment = CENTER
    ws.row_dimensions[int("".join(ch for ch in first if ch.isdigit()))].height = 30


def _box(ws, span: str) -> None:
    """Border every cell of a range (merged cells need it on each cell to print)."""
    for row in ws[span]:
        for cell in row if isinstance(row, tuple) else (row,):
            cell.border = BORDER


def _label(ws, ref: str, text: str, *, header=False, span: str = "") -> None:
    if span:
        ws.merge_cells(span)
        _box(ws, span)
    cell = ws[ref]
    cell.value = text
    cell.font = _font(11, bold=header)
    cell.alignment = CENTER if header else WRAP
    cell.border = BORDER
    if header:
        cell.fill = HEADER_FILL


def _value_cell(ws, spec: L.CellSpec, ref: str | None = None) -> None:
    ref = ref or spec.ref
    if spec.span:
        ws.merge_cells(spec.span)
        _box(ws, spec.span)
    cell = ws[ref]
    cell.border = BORDER
    cell.number_format = spec.number_format
    cell.alignment = WRAP if spec.type in (L.TEXT, L.LONGTEXT) else Alignment(vertical="center")
    if spec.kind == L.DERIVED:
        cell.fill = DERIVED_FILL
        cell.font = _font(11, color="1F4E79")
        cell.protection = LOCKED
    else:
        cell.font = _font(11)
        cell.protection = UNLOCKED
        if spec.span:
            for row in ws[spec.span]:
                for c in row:
                    c.protection = UNLOCKED


def _define(wb, ws, name: str, ref: str, local: bool) -> None:
    dn = DefinedName(name, attr_text=f"{quote_sheet(ws.title)}!{_abs(ref)}")
    if local:
        ws.defined_names[name] = dn
    else:
        wb.defined_names[name] = dn


def build_workbook(projects: int = 1) -> Workbook:
    """The standard template as a fresh openpyxl Workbook with ``projects`` project sheets."""
    wb = Workbook()
    wb.remove(wb.active)
    _guide(wb)
    _basic(wb)
    _fin(wb)
    for i in range(1, projects + 1):
        add_project_sheet(wb, L.project_sheet_name(i))
    _text(wb)
    _meta(wb)
    wb.active = 1
    return wb


def _guide(wb) -> None:
    ws = wb.create_sheet(L.SHEET_GUIDE)
    ws.sheet_properties.tabColor = "808080"
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100
    _title(ws, GUIDE_TITLE, "A1:B1")
    for i, (head, body) in enumerate(GUIDE_LINES, start=3):
        ws.cell(i, 1, head).font = _font(11, True)
        ws.cell(i, 1).alignment = WRAP
        ws.cell(i, 2, body).font = _font(11)
        ws.cell(i, 2).alignment = WRAP
        ws.row_dimensions[i].height = 48
    ws.cell(len(GUIDE_LINES) + 4, 1, f"模板版本 {L.TEMPLATE_ID} {L.TEMPLATE_VERSION}").font = _font(9)
    _print_setup(ws)
    _protect(ws)


def _basic(wb) -> None:
    ws = wb.create_sheet(L.SHEET_BASIC)
    for col, width in zip("ABCD", (30, 30, 30, 40)):
        ws.column_dimensions[col].width = width
    _title(ws, TITLES[L.SHEET_BASIC], "A1:D1")
    for spec in L.BASIC_CELLS:
        row = int(spec.ref[1:])
        _label(ws, f"A{row}", spec.label, header=True)
        _value_cell(ws, spec)
        if spec.type == L.LONGTEXT:
            ws.row_dimensions[row].height = 36
        _define(wb, ws, spec.name, spec.ref, local=False)
    choice = L.BY_KEY["projects_cover_all"]
    dv = DataValidation(type="list", formula1='"是,否"', allow_blank=True, errorStyle="stop",
                        errorTitle="请选择", error="请选择“是”或“否”。")
    dv.add(choice.ref)
    ws.add_data_validation(dv)
    h = L.DUTIES_HEADER_ROW
    _label(ws, f"A{h}", "序号", header=True)
    _label(ws, f"B{h}", "主要职责", header=True, span=f"B{h}:D{h}")
    for i in range(L.DUTIES_ROWS):
        r = L.DUTIES_FIRST_ROW + i
        ws.merge_cells(f"B{r}:D{r}")
        _box(ws, f"A{r}:D{r}")
        for col in "ABCD":
            ws[f"{col}{r}"].protection = UNLOCKED
        ws[f"A{r}"].alignment = CENTER
        ws[f"A{r}"].font = _font(11)
        ws[f"B{r}"].alignment = WRAP
        ws[f"B{r}"].font = _font(11)
        ws[f"B{r}"].number_format = "@"
    _define(wb, ws, L.DUTIES_BLOCK_NAME, L.DUTIES_BLOCK, local=False)
    _print_setup(ws, "1:1")
    ws.freeze_panes = "B3"
    _protect(ws)


def _fin(wb) -> None:
    ws = wb.create_sheet(L.SHEET_FIN)
    for col, width in zip("ABCD", (34, 20, 20, 22)):
        ws.column_dimensions[col].width = width
    _title(ws, TITLES[L.SHEET_FIN], "A1:D1")
    for row, title, headers in L.FIN_SECTIONS:
        ws.merge_cells(f"A{row}:D{row}")
        ws[f"A{row}"] = title
        ws[f"A{row}"].font = _font(12, True)
        ws[f"A{row}"].fill = SECTION_FILL
        for j, head in enumerate(headers):
            _label(ws, f"{'ABCD'[j]}{row + 1}", head, header=True)
    labelled = set()
    for spec in L.FIN_CELLS:
        row = int(spec.ref[1:])
        if row not in labelled:
            if spec.row_label:  # a 三公 row's 决算/增减 cells and the shares share their row's label
                _label(ws, f"A{row}", spec.label)
                labelled.add(row)
        _value_cell(ws, spec)
        _define(wb, ws, spec.name, spec.ref, local=False)
    ws.row_dimensions[25].height = 48
    from openpyxl.worksheet.pagebreak import Break

    ws.row_breaks.append(Break(id=L.FIN_SECTIONS[2][0] - 1))  # 三公/采购/资产 start a page: no table split
    _print_setup(ws, "1:1")
    _protect(ws)


def _text(wb) -> None:
    ws = wb.create_sheet(L.SHEET_TEXT)
    ws.column_dimensions["A"].width = 22
    for col in "BCDEFGH":
        ws.column_dimensions[col].width = 18
    _title(ws, TITLES[L.SHEET_TEXT], "A1:H1")
    for spec in L.TEXT_CELLS:
        row = int(spec.ref[1:])
        _label(ws, f"A{row}", spec.label, header=True)
        _value_cell(ws, spec)
        ws.row_dimensions[row].height = 90
        ws[spec.ref].alignment = Alignment(wrap_text=True, vertical="top")
        _define(wb, ws, spec.name, spec.ref, local=False)
    _print_setup(ws, "1:1")
    _protect(ws)


def _meta(wb) -> None:
    ws = wb.create_sheet(L.SHEET_META)
    ws["A1"], ws["B1"] = "template_id", L.TEMPLATE_ID
    ws["A2"], ws["B2"] = "template_version", L.TEMPLATE_VERSION
    ws["A3"], ws["B3"] = "note", "perfxl 模板标识，请勿修改或删除此工作表。"
    ws.sheet_state = "hidden"
    _protect(ws)


def add_project_sheet(wb, title: str | None = None, index: int | None = None):
    """Append (or insert at ``index``) one 项目支出绩效自评表 sheet with its sheet-scoped names."""
    if title is None:
        n = 1
        while L.project_sheet_name(n) in wb.sheetnames:
            n += 1
        title = L.project_sheet_name(n)
    ws = wb.create_sheet(title, index)
    for col, width in zip("ABCDEFGHIJ", (10, 14, 16, 24, 14, 14, 9, 9, 26, 12)):
        ws.column_dimensions[col].width = width
    _title(ws, L.PROJECT_TITLE, "A1:J1")
    _label(ws, "A2", "项目名称", header=True)
    _label(ws, "A3", "主管部门", header=True)
    _label(ws, "E3", "实施单位", header=True)
    # 项目资金 block
    fr, hr = L.FUND_FIRST_ROW, L.FUND_HEADER_ROW
    _label(ws, f"A{hr}", "项目资金\n（万元）", header=True, span=f"A{hr}:A{fr + 3}")
    _label(ws, f"B{hr}", "", header=True, span=f"B{hr}:C{hr}")
    for col, head in zip("DEFGHIJ", ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "偏差原因")):
        _label(ws, f"{col}{hr}", head, header=True)
    for i, label in enumerate(L.FUND_ROW_LABELS.values()):
        r = fr + i
        _label(ws, f"B{r}", label, span=f"B{r}:C{r}")
        if i:  # 分值/执行率/得分 only on the 年度资金总额 row
            for col in "GHIJ":
                ws[f"{col}{r}"].border = BORDER
                ws[f"{col}{r}"].fill = HEADER_FILL
    # 年度总体目标
    _label(ws, "A9", "年度总体\n目标", header=True, span="A9:A10")
    _label(ws, "B9", "预期目标", header=True, span="B9:E9")
    _label(ws, "F9", "实际完成情况", header=True, span="F9:J9")
    ws.row_dimensions[10].height = 60
    for spec in L.PROJECT_CELLS:
        _value_cell(ws, spec)
        _define(wb, ws, spec.name, spec.ref, local=True)
    ws["G5"] = L.EXEC_WEIGHT_DEFAULT
    # 绩效指标 block
    h, first, last = L.INDICATOR_HEADER_ROW, L.INDICATOR_FIRST_ROW, L.INDICATOR_LAST_ROW
    _label(ws, f"A{h}", "绩效\n指标", header=True, span=f"A{h}:A{last}")
    for _key, col, head in L.INDICATOR_COLUMNS:
        _label(ws, f"{col}{h}", head, header=True)
    ws.row_dimensions[h].height = 32
    row = first
    level2_values = []
    for name, cap in L.LEVEL1:
        children = L.LEVEL2[name]
        n = len(children) * L.ROWS_PER_LEVEL2
        ws.merge_cells(f"B{row}:B{row + n - 1}")
        ws[f"B{row}"] = L.level1_label(name, cap)
        for child in children:
            ws.merge_cells(f"C{row}:C{row + L.ROWS_PER_LEVEL2 - 1}")
            ws[f"C{row}"] = child
            level2_values.append(child)
            row += L.ROWS_PER_LEVEL2
    for r in range(first, last + 1):
        for _key, col, _head in L.INDICATOR_COLUMNS:
            cell = ws[f"{col}{r}"]
            cell.border = BORDER
            cell.font = _font(11)
            if col == "J":
                cell.fill = DERIVED_FILL
                cell.font = _font(11, color="1F4E79")
                cell.protection = LOCKED
                cell.number_format = L.NUMBER_FORMATS[L.SCORE]
            else:
                cell.protection = UNLOCKED
                cell.alignment = CENTER if col in "BC" else WRAP
                cell.number_format = L.NUMBER_FORMATS[L.SCORE] if col in "GH" else "@"
    block = L.INDICATOR_BLOCK
    _define(wb, ws, L.INDICATOR_BLOCK_NAME, block, local=True)
    dv1 = DataValidation(type="list", formula1='"' + ",".join(L.level1_label(n, c) for n, c in L.LEVEL1) + '"',
                         allow_blank=True, errorStyle="warning", errorTitle="一级指标",
                         error="一级指标应为产出指标、效益指标或满意度指标，并在括号中注明分值，如“产出指标(50分)”。")
    dv1.add(f"B{first}:B{last}")
    dv2 = DataValidation(type="list", formula1='"' + ",".join(level2_values) + '"', allow_blank=True,
                         errorStyle="warning", errorTitle="二级指标", error="二级指标应取自标准指标体系。")
    dv2.add(f"C{first}:C{last}")
    ws.add_data_validation(dv1)
    ws.add_data_validation(dv2)
    # 总分 and 等级
    t, g = L.TOTAL_ROW, L.GRADE_ROW
    _label(ws, f"A{t}", "总  分", header=True, span=f"A{t}:F{t}")
    _label(ws, f"A{g}", "等  级", header=True, span=f"A{g}:F{g}")
    for r in (t, g):
        for col in "GHIJ":
            ws[f"{col}{r}"].border = BORDER
    ws[f"I{t}"].value = "（总分＝预算执行率得分＋各指标得分）"
    ws[f"I{t}"].font = _font(9)
    ws[f"I{g}"].value = f"（{grade_bands_text(DEFAULT_POLICY)}）"
    ws[f"I{g}"].font = _font(9)
    ws.freeze_panes = "A5"
    _print_setup(ws, f"{h}:{h}")
    _protect(ws)
    return ws


def copy_project_sheet(wb, source, title: str | None = None, index: int | None = None):
    """A copy of the project sheet ``source`` (labels, formats, merged cells, validations, protection,
    print setup and its sheet-scoped names), placed at ``index``, with every input and derived cell
    blanked (``layout.project_blank_ranges``) and the default 预算执行率分值."""
    from copy import copy

    if title is None:
        n = 1
        while L.project_sheet_name(n) in wb.sheetnames:
            n += 1
        title = L.project_sheet_name(n)
    ws = wb.copy_worksheet(source)
    ws.title = title
    if index is not None:
        wb.move_sheet(ws, offset=index - wb.sheetnames.index(ws.title))
    for dv in source.data_validations.dataValidation:
        ws.add_data_validation(copy(dv))
    ws.protection = copy(source.protection)
    ws.freeze_panes = source.freeze_panes
    ws.print_title_rows = source.print_title_rows
    for name, dn in source.defined_names.items():
        parsed = parse_name_target(dn.attr_text or "")
        if parsed is not None and parsed[0] == source.title:
            ws.defined_names[name] = DefinedName(name, attr_text=f"{quote_sheet(title)}!{_abs(parsed[1])}")
    block = source.defined_names.get(L.INDICATOR_BLOCK_NAME)
    parsed = parse_name_target(block.attr_text or "") if block is not None else None
    for ref in L.project_blank_ranges(parsed[1] if parsed else L.INDICATOR_BLOCK):
        cells = ws[ref]
        for row in cells if isinstance(cells, tuple) else ((cells,),):
            for cell in row if isinstance(row, tuple) else (row,):
                if type(cell).__name__ != "MergedCell":
                    cell.value = None
    ws[L.PROJECT_BY_KEY["exec_weight"].ref] = L.EXEC_WEIGHT_DEFAULT
    return ws
