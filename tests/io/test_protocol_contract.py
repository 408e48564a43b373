"""The io contract, run against every read backend on the same real files: the openpyxl backend
(XlsxBook) and the python-calamine backend (FastBook) must read the same values and names, and
``extract.read_department`` must give the same model from both — on the workbooks perfxl writes and on
the same workbooks re-saved by LibreOffice (``tests/data/libreoffice``, a real application's XML).
Ignored: styles, column widths, document properties (the contract is about values and names)."""
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from perfxl.io.extract import read_department
from perfxl.io.fast import FastBook
from perfxl.io.template_book import build_workbook
from perfxl.io.xlsx import FormulaWithoutValue, XlsxBook

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "workbooks" / "examples").glob("*.xlsx"))
RESAVED = sorted((ROOT / "tests" / "data" / "libreoffice").glob("*.xlsx"))
BACKENDS = {"openpyxl": XlsxBook, "calamine": FastBook}


@pytest.fixture(scope="module")
def odd_book(tmp_path_factory) -> Path:
    """A template with every kind of value a cell can hold, a formula without a saved value included."""
    wb = build_workbook(projects=2)
    ws = wb["基本情况"]
    ws["B3"] = "=HYPERLINK(\"http://x\")"
    ws["B3"].data_type = "s"  # typed text that looks like a formula
    ws["B4"] = 2022
    ws["B8"] = 12.5
    ws["B9"] = True
    ws["B10"] = datetime(2023, 1, 2)
    p = wb["项目自评表(2)"]
    p["E5"] = 120
    p["F5"] = "=E5*0.9"  # openpyxl saves no result
    p["D12"] = "培训人次"
    p["E12"] = "≥100人次"
    p["H30"] = "#DIV/0!"  # openpyxl stores this as an error cell
    path = tmp_path_factory.mktemp("contract") / "odd.xlsx"
    wb.save(path)
    return path


def _files(odd):
    return [*EXAMPLES, *RESAVED, odd]


@pytest.mark.parametrize("backend", BACKENDS)
def test_sheet_names_and_defined_names(backend, odd_book):
    for path in _files(odd_book):
        ref = XlsxBook(path)
        book = BACKENDS[backend](path)
        assert book.sheet_names() == ref.sheet_names()
        assert book.defined_names() == ref.defined_names()
        assert ("项目自评表", "绩效指标") in book.defined_names()  # sheet-scoped names keep their sheet


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_cell_reads_the_same(backend, odd_book):
    for path in _files(odd_book):
        ref = XlsxBook(path)
        book = BACKENDS[backend](path)
        for sheet in ref.sheet_names():
            last = max(ref.max_row(sheet), book.max_row(sheet))
            assert book.max_row(sheet) >= _last_filled(ref, sheet, last)
            got, want = book.block(sheet, f"A1:K{last}"), ref.block(sheet, f"A1:K{last}")
            for r, (a, b) in enumerate(zip(got, want), start=1):
                assert a == b, f"{path.name} {sheet} row {r}"
                assert [type(x) for x in a] == [type(x) for x in b], f"{path.name} {sheet} row {r}"


def _last_filled(book, sheet, last):
    rows = book.block(sheet, f"A1:K{last}")
    return max((i + 1 for i, row in enumerate(rows) if any(v is not None for v in row)), default=0)


@pytest.mark.parametrize("backend", BACKENDS)
def test_special_values(backend, odd_book):
    book = BACKENDS[backend](odd_book)
    assert book.value("基本情况", "B3") == "=HYPERLINK(\"http://x\")"
    assert book.value("基本情况", "B8") == 12.5 and book.value("基本情况", "B9") is True
    assert book.value("基本情况", "B10") == datetime(2023, 1, 2)
    f = book.value("项目自评表(2)", "F5")
    assert isinstance(f, FormulaWithoutValue) and f == "=E5*0.9"  # reported, never read as empty
    assert str(book.value("项目自评表(2)", "H30")) == "#DIV/0!"
    assert book.value("基本情况", "Z999") is None
    assert book.block("_perfxl", "A1:B2")[0][0] == "template_id"


@pytest.mark.parametrize("path", [*EXAMPLES, *RESAVED], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_read_department_same_model_from_both_backends(path):
    assert read_department(FastBook(path)) == read_department(XlsxBook(path))


def test_read_department_same_model_on_odd_book(odd_book):
    assert read_department(FastBook(odd_book)) == read_department(XlsxBook(odd_book))


@pytest.mark.parametrize("backend", BACKENDS)
def test_not_the_template_is_unusable(backend, tmp_path):
    from perfxl.io.protocol import UnusableWorkbook

    p = tmp_path / "plain.xlsx"
    Workbook().save(p)
    with pytest.raises(UnusableWorkbook) as exc:
        read_department(BACKENDS[backend](p))
    assert "plain.xlsx" in str(exc.value)
