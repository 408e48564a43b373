"""The template's promises: names for every cell, input vs derived, protection, validation, print."""
import pytest
from openpyxl import load_workbook

from perfxl.api import write_template
from perfxl.template import layout as L


@pytest.fixture(scope="module")
def wb(tmp_path_factory):
    path = write_template(tmp_path_factory.mktemp("t") / "t.xlsx", projects=2)
    return load_workbook(path)


def _target(spec):
    return f"'{spec.sheet}'!${''.join(ch for ch in spec.ref if ch.isalpha())}${''.join(ch for ch in spec.ref if ch.isdigit())}"


def test_every_fixed_cell_has_its_workbook_name(wb):
    for spec in L.ALL_FIXED:
        assert wb.defined_names[spec.name].attr_text == _target(spec), spec.key


@pytest.mark.parametrize("sheet", [L.project_sheet_name(1), L.project_sheet_name(2)])
def test_every_project_cell_has_a_sheet_scoped_name(wb, sheet):
    ws = wb[sheet]
    for spec in L.PROJECT_CELLS:
        assert ws.defined_names[spec.name].attr_text == _target(spec).replace(L.SHEET_PROJECT + "'", sheet + "'", 1), spec.key
    assert ws.defined_names[L.INDICATOR_BLOCK_NAME].attr_text == f"'{sheet}'!$B$12:$J$29"


def test_input_cells_unlocked_and_derived_locked_and_coloured(wb):
    for spec in L.ALL_FIXED + L.PROJECT_CELLS:
        cell = wb[spec.sheet][spec.ref]
        if spec.kind == L.DERIVED:
            assert cell.protection.locked and cell.fill.fgColor.rgb.endswith("DDEBF7"), spec.key
        else:
            assert not cell.protection.locked, spec.key
            assert cell.fill.fill_type is None, spec.key


def test_number_formats(wb):
    for spec in L.ALL_FIXED + L.PROJECT_CELLS:
        if spec.type == L.MONEY:
            assert wb[spec.sheet][spec.ref].number_format == "#,##0.00", spec.key
        if spec.type == L.RATE:
            assert wb[spec.sheet][spec.ref].number_format == "0.00%", spec.key


def test_sheets_protected_without_password_and_rows_insertable(wb):
    for ws in wb.worksheets:
        assert ws.protection.sheet, ws.title
        assert not ws.protection.password, ws.title
    assert wb[L.SHEET_PROJECT].protection.insertRows is False  # False = users may insert rows


def test_print_setup_a4_landscape_one_page_wide(wb):
    for name in (L.SHEET_BASIC, L.SHEET_FIN, L.SHEET_PROJECT, L.SHEET_TEXT):
        ws = wb[name]
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows


def test_validation_lists_for_closed_value_sets(wb):
    ws = wb[L.SHEET_PROJECT]
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert "产出指标(50分)" in lists["B12:B29"]
    for name in ("数量指标", "服务对象满意度指标", "可持续影响指标"):
        assert name in lists["C12:C29"]
    basic = {str(dv.sqref): dv.formula1 for dv in wb[L.SHEET_BASIC].data_validations.dataValidation}
    assert basic["B11"] == '"是,否"'


def test_meta_sheet_hidden_with_id_and_version(wb):
    ws = wb[L.SHEET_META]
    assert ws.sheet_state == "hidden"
    assert (ws["B1"].value, ws["B2"].value) == (L.TEMPLATE_ID, L.TEMPLATE_VERSION)


def test_official_fonts(wb):
    assert wb[L.SHEET_PROJECT]["A1"].font.name == "黑体"
    assert wb[L.SHEET_PROJECT]["D12"].font.name == "宋体"


def test_indicator_tree_labels(wb):
    ws = wb[L.SHEET_PROJECT]
    assert ws["B12"].value == "产出指标(50分)" and ws["B20"].value == "效益指标(30分)" and ws["B28"].value == "满意度指标(10分)"
    assert [ws[f"C{r}"].value for r in range(12, 30, 2)] == [c for v in L.LEVEL2.values() for c in v]
    assert ws["A30"].value.replace(" ", "") == "总分"
