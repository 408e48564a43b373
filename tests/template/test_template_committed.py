"""The committed template equals a fresh build from perfxl.template (the code is the source of truth).

Compared semantically (openpyxl output is not byte-stable): sheet names and states, every cell's
value and style, merged ranges, defined names (workbook and sheet scope), data validation, print
setup, column widths and sheet protection. Ignored: zip timestamps and docProps.
"""
from pathlib import Path

from openpyxl import load_workbook

from perfxl.api import write_template

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "workbooks" / "perfxl-template.xlsx"


def snapshot(path):
    wb = load_workbook(path)
    snap = {"sheets": [(ws.title, ws.sheet_state) for ws in wb.worksheets],
            "names": sorted((n, d.attr_text) for n, d in wb.defined_names.items())}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                style = (c.font.name, c.font.sz, c.font.b, c.fill.fill_type, c.fill.fgColor.rgb, c.number_format,
                         c.protection.locked, c.border.left.style, c.alignment.wrap_text, c.alignment.horizontal)
                cells[c.coordinate] = (c.value, style)
        snap[ws.title] = {
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "local_names": sorted((n, d.attr_text) for n, d in ws.defined_names.items()),
            "validation": sorted((str(dv.sqref), dv.type, dv.formula1, dv.errorStyle) for dv in ws.data_validations.dataValidation),
            "print": (ws.page_setup.paperSize, ws.page_setup.orientation, ws.page_setup.fitToWidth,
                      ws.page_setup.fitToHeight, str(ws.print_title_rows)),
            "widths": sorted((k, v.width) for k, v in ws.column_dimensions.items()),
            "protected": ws.protection.sheet,
            "freeze": ws.freeze_panes,
            "breaks": [b.id for b in ws.row_breaks.brk],
        }
    return snap


def test_committed_template_equals_fresh_build(tmp_path):
    fresh = write_template(tmp_path / "fresh.xlsx")
    assert COMMITTED.exists(), "run `make template` to build workbooks/perfxl-template.xlsx"
    a, b = snapshot(COMMITTED), snapshot(fresh)
    assert a.keys() == b.keys()
    for key in a:
        assert a[key] == b[key], f"workbooks/perfxl-template.xlsx differs from a fresh build in {key!r}: run `make template`"
