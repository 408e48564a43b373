"""The summary workbook: every sheet there, print-ready, no formulas, input text stays text."""
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from perfxl.core import summary as S
from perfxl.io import summary_book as B


def _data():
    rec = {"unit": "=cmd|'/c calc'!A1", "year": 2022, "year_text": "2022",
           "projects": [{"project": "@SUM(1)", "sheet": "项目自评表", "initial": D(1), "full_year": D(100),
                         "executed": D(90), "exec_rate": D("0.9"), "exec_score": D(9), "output": D(45),
                         "benefit": D(27), "satisfaction": D(9), "reported": D(90), "recomputed": D(90),
                         "diff": D(0), "grade": "优", "reported_grade": "优"}],
           "indicators": [{"project": "p", "sheet": "项目自评表", "cell": "D12", "level1": "产出指标",
                           "level2": "数量指标", "name": "+1", "target": "-1", "actual": "http://x.example",
                           "weight": D(5), "score": D(5), "rule_score": D(5), "reason": ""}],
           "review": [], "sangong": {}, "procurement": {}, "assets": {"assets_total": None,
                                                                      "liabilities_total": None},
           "findings": [{"file": "a.xlsx", "sheet": "s", "cell": "A1", "code": "x", "severity": "error",
                         "rule": "", "message": "=1+1"}], "errors": 1, "warnings": 0}
    return S.build([S.FileFacts("/in/a.xlsx", "a.xlsx", 10, "f" * 64, record=rec)])


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("sb") / "汇总.xlsx"
    B.write_summary(_data(), path)
    return load_workbook(path)


def test_sheets(book):
    assert book.sheetnames == ["汇总", "图表", "项目明细", "指标明细", "三公经费", "政府采购", "资产",
                               "校验问题", "抽查建议", "文件清单"]


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


def test_charts_present(tmp_path):
    import zipfile

    path = tmp_path / "s.xlsx"
    B.write_summary(_data(), path)
    charts = [n for n in zipfile.ZipFile(path).namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 3


def test_refuses_to_overwrite_an_input(tmp_path):
    src = tmp_path / "in.xlsx"
    src.write_bytes(b"x")
    with pytest.raises(ValueError):
        B.write_summary(_data(), src, inputs=[str(src)])
    assert src.read_bytes() == b"x"
