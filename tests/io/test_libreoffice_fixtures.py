"""Workbooks saved by LibreOffice give the same findings as the workbooks perfxl wrote, through both readers.

What is ignored: styles, fonts, column widths, document properties and LibreOffice's own additions
(print areas as defined names, its app.xml); the comparison is of findings: (code, sheet, cell, severity)
and the message text."""
from pathlib import Path

import pytest

import perfxl
from perfxl.core.evaluate import evaluate
from perfxl.io.extract import read_department
from perfxl.io.fast import FastBook
from perfxl.io.xlsx import XlsxBook

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "workbooks" / "examples"
RESAVED = sorted((ROOT / "tests" / "data" / "libreoffice").glob("*.xlsx"))
FORMULAS = "衡山县农业农村局-2022-公式.xlsx"


def _findings(book):
    return [(f.code, f.where.sheet, f.where.cell, f.severity.value, f.message)
            for f in evaluate(read_department(book)).findings]


@pytest.fixture(scope="module")
def originals(tmp_path_factory):
    """The workbook each fixture was made from (the formula one: the clean example after perfxl fill)."""
    out = {p.name: EXAMPLES / p.name for p in RESAVED if p.name != FORMULAS}
    filled = tmp_path_factory.mktemp("orig") / FORMULAS
    perfxl.fill(EXAMPLES / "衡山县农业农村局-2022.xlsx", filled)
    out[FORMULAS] = filled
    return out


def test_there_is_a_fixture_for_every_example():
    assert {p.name for p in RESAVED} == {p.name for p in EXAMPLES.glob("*.xlsx")} | {FORMULAS}


@pytest.mark.parametrize("path", RESAVED, ids=lambda p: p.name)
@pytest.mark.parametrize("reader", [XlsxBook, FastBook], ids=["openpyxl", "calamine"])
def test_same_findings_as_the_original(path, reader, originals):
    want = _findings(XlsxBook(originals[path.name]))
    assert _findings(reader(path)) == want


def test_formulas_computed_by_libreoffice_are_read_as_their_values():
    for reader in (FastBook, XlsxBook):
        book = reader(ROOT / "tests" / "data" / "libreoffice" / FORMULAS)
        for sheet, cell in (("预决算", "B5"), ("预决算", "B21"), ("项目自评表", "F5")):
            want = XlsxBook(EXAMPLES / "衡山县农业农村局-2022.xlsx").value(sheet, cell)
            assert book.value(sheet, cell) == want and isinstance(want, (int, float)), (reader, cell)
