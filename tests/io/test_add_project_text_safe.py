"""add-project copies the unit's name into the new sheet's 主管部门: a name typed as "=…" (or "+…",
"-…", "@…") stays text there, never a live formula — in the user's own file when written in place."""
import shutil
import zipfile

import pytest
from openpyxl import load_workbook

import perfxl
from tests.tests_helpers import ROOT

TEMPLATE = ROOT / "workbooks" / "perfxl-template.xlsx"


@pytest.mark.parametrize("name", ['=HYPERLINK("http://example.com","点我")', "+1+1", "-2+3", "@SUM(A1)"])
def test_a_unit_name_that_looks_like_a_formula_stays_text(tmp_path, name):
    path = tmp_path / "部门.xlsx"
    shutil.copy(TEMPLATE, path)
    wb = load_workbook(path)
    wb["基本情况"]["B3"].value = name
    wb["基本情况"]["B3"].data_type = "s"  # typed as text, as Excel stores '=… after an apostrophe
    wb["基本情况"]["B4"] = 2022
    wb.save(path)

    sheet = perfxl.add_project(path)

    cell = load_workbook(path)[sheet]["B3"]
    assert cell.value == name and cell.data_type == "s"
    with zipfile.ZipFile(path) as zf:
        index = load_workbook(path).sheetnames.index(sheet) + 1
        xml = zf.read(f"xl/worksheets/sheet{index}.xml").decode()
    assert "<f>" not in xml and "<f " not in xml, "a formula was written into the new sheet"
