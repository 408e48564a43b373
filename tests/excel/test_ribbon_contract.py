"""Contract: the same sequence (read department, fill, check, annotate, unmark) gives the same workbook
through XlwingsBook (xlwings' remote engine, openpyxl stand-in for Excel) as through XlsxBook.

Compared: every cell value of every sheet (numbers numerically), sheet order and visibility, number
formats of the derived cells, fills/notes/hyperlinks of the marked and linked cells. Ignored, and why:
the marks log's fill column is compared on RGB only (openpyxl writes the alpha byte as 00, Excel
reports colours without alpha); note authors (Excel uses the Windows user name).
"""
from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from perfxl.actions import add_project, check_book, fill_book
from perfxl.io.apply import annotate as annotate_book
from perfxl.excel.book import MARKS_SHEET, XlwingsBook
from perfxl.io.extract import read_department
from perfxl.io.xlsx import XlsxBook
from perfxl.template import layout as L
from tests.excel.ribbon_backends import PLANTED
from tests.excel.xlremote_stand_in import ExcelStandIn, cells, patch_sync_reads, styles


@pytest.fixture(autouse=True)
def _sync_reads(monkeypatch):
    patch_sync_reads(monkeypatch)


@pytest.fixture
def twins(small_dept, tmp_path):
    wb = load_workbook(small_dept)
    wb["项目自评表"]["H12"] = 25
    wb["项目自评表"]["I14"] = "=SUM(1,2)"  # a formula-like text the user typed (stored as text)
    wb["项目自评表"]["I14"].data_type = "s"
    wb.save(small_dept)
    a = shutil.copy(small_dept, tmp_path / "a.xlsx")
    b = shutil.copy(small_dept, tmp_path / "b.xlsx")
    return a, b


def _xlsx_step(path, step):
    book = XlsxBook(path)
    out = step(book)
    book.save(path)
    return out


def _xlwings_step(path, step):
    stand_in = ExcelStandIn(path)
    out = step(XlwingsBook(stand_in.open()))
    stand_in.save()
    return out


def _fill(book):
    return fill_book(book).changed


def _check_and_annotate(book):
    findings = [*check_book(book).findings, PLANTED]
    return [(f.code, f.where.sheet, f.where.cell) for f in findings], annotate_book(book, findings)


def _unmark(book):
    return book.unmark()


def _same_values(a, b):
    ca, cb = cells(a), cells(b)
    assert list(ca) == list(cb)  # sheet order
    for sheet in ca:
        if sheet == MARKS_SHEET:
            strip = lambda d: {k: (v[-6:] if k.startswith("C") and isinstance(v, str) else v) for k, v in d.items()}
            assert strip(ca[sheet]) == strip(cb[sheet])
        else:
            assert ca[sheet] == cb[sheet], sheet
    wa, wb = load_workbook(a), load_workbook(b)
    assert [ws.sheet_state for ws in wa.worksheets] == [ws.sheet_state for ws in wb.worksheets]
    for sheet in wa.sheetnames:
        if sheet != MARKS_SHEET:
            assert styles(wa, sheet) == styles(wb, sheet), sheet


def test_the_sequence_gives_the_same_workbook_through_both_books(twins):
    a, b = twins
    da, db = read_department(XlsxBook(a)), read_department(XlwingsBook(ExcelStandIn(b).open()))
    assert {k: f.raw for k, f in da.fields.items()} == {k: f.raw for k, f in db.fields.items()}
    assert [[(i.name.raw, i.target.raw, i.actual.raw, i.weight.raw, i.score.raw) for i in p.indicators]
            for p in da.projects] == [[(i.name.raw, i.target.raw, i.actual.raw, i.weight.raw, i.score.raw)
                                       for i in p.indicators] for p in db.projects]

    assert _xlsx_step(a, _fill) == _xlwings_step(b, _fill) > 0
    _same_values(a, b)
    for ref in ("H5", "I5", "H30"):  # number formats of derived cells
        spec_fmt = load_workbook(a)["项目自评表"][ref].number_format
        assert load_workbook(b)["项目自评表"][ref].number_format == spec_fmt

    found_a, marked_a = _xlsx_step(a, _check_and_annotate)
    found_b, marked_b = _xlwings_step(b, _check_and_annotate)
    assert found_a == found_b and marked_a == marked_b > 1
    _same_values(a, b)
    assert load_workbook(b)["项目自评表"]["I14"].data_type == "s"  # still text, never a live formula

    assert _xlsx_step(a, _unmark) == _xlwings_step(b, _unmark) == marked_a
    _same_values(a, b)
    assert MARKS_SHEET not in load_workbook(b).sheetnames

    # 新增项目表 / perfxl add-project: the same new sheet (a cleared copy of the last one) through both books
    assert _xlsx_step(a, add_project) == _xlwings_step(b, add_project) == "项目自评表(2)"
    _same_values(a, b)
    assert read_department(XlsxBook(a)).projects[1].fields["competent_dept"].raw == da.unit_name


def test_fill_of_a_renamed_project_sheet_lands_in_the_same_cells(twins):
    """A project sheet the user renamed with quotes-needing characters still resolves by its local names."""
    a, b = twins
    for p in (a, b):
        wb = load_workbook(p)
        ws = wb[L.SHEET_PROJECT]
        ws.title = "项目 A's 表"
        for dn in ws.defined_names.values():
            dn.attr_text = dn.attr_text.replace("'项目自评表'!", "'项目 A''s 表'!")
        wb.save(p)
    assert _xlsx_step(a, _fill) == _xlwings_step(b, _fill) > 0
    _same_values(a, b)
    assert load_workbook(b)["项目 A's 表"]["H31"].value in ("优", "良")
