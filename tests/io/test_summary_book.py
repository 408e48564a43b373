"""The summary workbook: every sheet there, print-ready, no formulas, input text stays text."""
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from perfxl.batch import Summary
from perfxl.core import summary as S
from perfxl.core.summary_rows import (
    AssetRow, DepartmentRow, FindingRow, IndicatorRow, ProcurementRow, ProjectRow, SangongRow, columns,
)


def _summary(inputs=()) -> Summary:
    unit = "=cmd|'/c calc'!A1"
    projects = [ProjectRow(unit, 2022, "@SUM(1)", "项目自评表", D(1), D(100), D(90), D("0.9"), D(9), D(45), D(27), D(9),
                           D(90), D(90), D(0), "优", "优", "a.xlsx")]
    rec = S.DepartmentRecord(
        S.department_key(unit, 2022), S.department_row(projects, unit, 2022, "a.xlsx", 1, 0, S.DEFAULT_POLICY), projects,
        [IndicatorRow(unit, 2022, "p", "产出指标", "数量指标", "+1", "-1", "http://x.example", D(5), D(5), D(5), "",
                      "a.xlsx", "项目自评表!D12")],
        [], [FindingRow("a.xlsx", "s", "A1", "x", "错误", "F1", "=1+1")], SangongRow(unit, 2022),
        ProcurementRow(unit, 2022), AssetRow(unit, 2022), [(D(100), D(90))])
    c = S.Consolidation()
    parts = [c.add(S.FileFacts("/in/a.xlsx", "a.xlsx", 10, "f" * 64, record=rec))]
    return Summary(c, list(inputs), parts)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("sb") / "汇总.xlsx"
    _summary().to_excel(path)
    return load_workbook(path)


def test_sheets(book):
    assert book.sheetnames == ["汇总", "图表", "项目明细", "指标明细", "三公经费", "政府采购", "资产",
                               "校验问题", "抽查建议", "文件清单"]


def test_headings_come_from_the_row_declarations(book):
    assert [c.value for c in book["汇总"][3]] == [c.head for c in columns(DepartmentRow)]
    assert [c.value for c in book["项目明细"][3]] == [c.head for c in columns(ProjectRow)]


def test_no_formula_no_link_text_stays_text(book):
    seen = set()
    for ws in book.worksheets:
        assert not ws._hyperlinks
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{ws.title}!{c.coordinate}"
                if isinstance(c.value, str):
                    seen.add(c.value)
    assert {"=cmd|'/c calc'!A1", "@SUM(1)", "+1", "-1", "http://x.example", "=1+1"} <= seen


def test_print_ready(book):
    for name in ("汇总", "项目明细", "指标明细", "校验问题", "文件清单"):
        ws = book[name]
        assert ws.page_setup.paperSize in (9, "9")
        assert ws.freeze_panes is not None
        assert ws.print_title_rows
        assert ws.auto_filter.ref
        assert ws["A3"].value  # Chinese headings on row 3
    assert book["汇总"]["A1"].value.endswith("汇总表")
    assert book["汇总"].page_setup.orientation == "landscape"


def test_numbers_are_numbers_with_formats(book):
    ws = book["汇总"]
    heads = [c.value for c in ws[3]]
    row = {h: c for h, c in zip(heads, ws[4])}
    assert row["执行率"].value == pytest.approx(0.9) and row["执行率"].number_format == "0.00%"
    assert row["全年预算数（万元）"].value == 100 and row["全年预算数（万元）"].number_format == "#,##0.00"


def test_grade_counts_and_chart(book):
    ws = book["图表"]
    assert [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(2, 6)] == [("优", 1), ("良", 0), ("中", 0), ("差", 0)]


def test_charts_present(tmp_path):
    import zipfile

    path = tmp_path / "s.xlsx"
    _summary().to_excel(path)
    charts = [n for n in zipfile.ZipFile(path).namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 3


def test_refuses_to_overwrite_an_input(tmp_path):
    src = tmp_path / "in.xlsx"
    src.write_bytes(b"x")
    with pytest.raises(ValueError):
        _summary([str(src)]).to_excel(src)
    assert src.read_bytes() == b"x"
