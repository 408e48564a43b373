"""What every workbook backend shares (openpyxl, calamine, the open workbook in Excel): the sheets
perfxl adds, the mark colours, Excel's error values and how sheet names are quoted. Standard library only."""
from __future__ import annotations

MARKS_SHEET = "_perfxl_marks"  # hidden log of the cells 校验 marked, so that either backend can clear them
MARKS_HEADER = ("sheet", "cell", "fill", "comment")
MARK_FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
MARK_AUTHOR = "perfxl"
RESULTS_SHEET = "校验结果"

# every error value Excel (365 included) can show in a cell
EXCEL_ERRORS = frozenset({
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!",
    "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#DATA!",
})


def quote_sheet(sheet: str) -> str:
    """'项目自评表(2)' → "'项目自评表(2)'" (quotes doubled), as in a reference or a defined name."""
    return "'" + sheet.replace("'", "''") + "'"


def unquote_sheet(sheet: str) -> str:
    if len(sheet) >= 2 and sheet[0] == "'" and sheet[-1] == "'":
        return sheet[1:-1].replace("''", "'")
    return sheet
