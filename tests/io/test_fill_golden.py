"""Golden fill: input → fill → the derived cells hold the expected values and no other cell changed."""
from pathlib import Path

from openpyxl import load_workbook

import perfxl
from perfxl.io.files import sha256
from perfxl.template import layout as L

EXPECTED = {  # hand-computed for tests/conftest.py::SMALL_DEPT
    ("预决算", "B19"): 20, ("预决算", "C21"): 0.6774, ("预决算", "C22"): 0.3226, ("预决算", "C23"): 0.5484,
    ("预决算", "C24"): 0.129, ("预决算", "D29"): -1, ("预决算", "D30"): 0, ("预决算", "D31"): -0.5,
    ("预决算", "D32"): -0.5, ("预决算", "B45"): 150,
    ("项目自评表", "H5"): 1, ("项目自评表", "I5"): 10, ("项目自评表", "J12"): 30, ("项目自评表", "J14"): 20,
    ("项目自评表", "J22"): 30, ("项目自评表", "J28"): 10, ("项目自评表", "G30"): 100, ("项目自评表", "H30"): 100,
    ("项目自评表", "H31"): "优",
}


def cells(path: Path) -> dict:
    wb = load_workbook(path)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}


def derived_addresses() -> set:
    fixed = {(c.sheet, c.ref) for c in L.ALL_FIXED + L.PROJECT_CELLS if c.kind == L.DERIVED}
    rule = {(L.SHEET_PROJECT, f"J{r}") for r in range(L.INDICATOR_FIRST_ROW, L.INDICATOR_LAST_ROW + 1)}
    return fixed | rule


def test_fill_writes_expected_values_and_nothing_else(small_dept, tmp_path):
    out = tmp_path / "out.xlsx"
    before_hash = sha256(small_dept)
    perfxl.fill(small_dept, out)
    before, after = cells(small_dept), cells(out)
    for key, value in EXPECTED.items():
        assert after[key] == value, key
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert changed == set(EXPECTED)
    assert changed <= derived_addresses()
    assert sha256(small_dept) == before_hash, "fill must never change its input"


def test_second_fill_changes_nothing(small_dept, tmp_path):
    once, twice = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    perfxl.fill(small_dept, once)
    res = perfxl.fill(once, twice)
    assert res.changed == 0 and res.written == len(EXPECTED)
    assert cells(once) == cells(twice)


def test_in_place_fill_of_a_filled_file_leaves_its_bytes(small_dept, tmp_path):
    out = tmp_path / "1.xlsx"
    perfxl.fill(small_dept, out)
    h = sha256(out)
    assert perfxl.fill(out, in_place=True).changed == 0
    assert sha256(out) == h


def test_fill_keeps_styles_names_and_protection(small_dept, tmp_path):
    out = tmp_path / "out.xlsx"
    perfxl.fill(small_dept, out)
    wb = load_workbook(out)
    ws = wb[L.SHEET_PROJECT]
    assert ws.protection.sheet
    assert ws["H5"].number_format == "0.00%" and ws["H5"].fill.fgColor.rgb.endswith("DDEBF7")
    assert ws.defined_names["执行率"].attr_text == "'项目自评表'!$H$5"
    assert wb.defined_names["决算_项目支出占比"].attr_text == "'预决算'!$C$22"


def test_fill_refuses_to_write_over_its_input_without_in_place(small_dept):
    import pytest

    with pytest.raises(ValueError):
        perfxl.fill(small_dept, small_dept)


def test_fill_leaves_uncomputable_cells_alone(tmp_path):
    from tests.tests_helpers import make_partial

    path = make_partial(tmp_path)
    out = tmp_path / "out.xlsx"
    perfxl.fill(path, out)
    after = cells(out)
    assert after[("项目自评表", "H5")] is None  # no 全年执行数: no 执行率
    assert after[("项目自评表", "H30")] == 88  # the stated total is kept, and check reports it


def test_written_files_get_ordinary_permissions(small_dept, tmp_path):
    import os
    import stat

    out = tmp_path / "out.xlsx"
    perfxl.fill(small_dept, out)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    os.chmod(out, 0o640)
    perfxl.fill(small_dept, out)  # replacing keeps the file's own mode
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
