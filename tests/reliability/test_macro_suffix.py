"""Item 10: the output's suffix decides what a saved workbook is. ``fill X.xlsm -o Y.xlsx`` writes a
valid macro-free workbook (no VBA project, the plain workbook content type); ``-o Y.xlsm`` keeps the
VBA project byte for byte; an .xlsx saved as .xlsm gets the macro-enabled content type."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

import perfxl
from tests.reliability.runner import fork_many
from tests.tests_helpers import make_workbook

XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
VBA_TYPE = "application/vnd.ms-office.vbaProject"
VBA_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8  # stands in for a real project


def make_xlsm(path: Path) -> Path:
    """The test department as an .xlsm with a VBA project part (content type, relationship, part)."""
    plain = make_workbook(path.with_suffix(".tmp.xlsx"))
    with zipfile.ZipFile(plain) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    plain.unlink()
    ct = parts["[Content_Types].xml"].decode()
    ct = ct.replace(XLSX_MAIN, XLSM_MAIN)
    ct = ct.replace("</Types>", f'<Override PartName="/xl/vbaProject.bin" ContentType="{VBA_TYPE}"/></Types>')
    parts["[Content_Types].xml"] = ct.encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/office/2006/'
                                            'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    parts["xl/vbaProject.bin"] = VBA_BYTES
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def package(path: Path) -> tuple[str, str, dict[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        names = {n: zf.read(n) for n in zf.namelist()}
    return names["[Content_Types].xml"].decode(), names["xl/_rels/workbook.xml.rels"].decode(), names


def assert_macro_free(path: Path) -> None:
    ct, rels, parts = package(path)
    assert XLSX_MAIN in ct and "macroEnabled" not in ct and VBA_TYPE not in ct, ct
    assert "vbaProject" not in rels and not any("vba" in n.lower() for n in parts), sorted(parts)
    load_workbook(path)  # a valid workbook


def assert_keeps_macros(path: Path) -> None:
    ct, rels, parts = package(path)
    assert XLSM_MAIN in ct and (re.search(r'PartName="/xl/vbaProject.bin"', ct) or
                                re.search(r'Extension="bin" ContentType="%s"' % VBA_TYPE, ct)), ct
    assert "vbaProject" in rels and parts["xl/vbaProject.bin"] == VBA_BYTES


@pytest.fixture
def xlsm(tmp_path) -> Path:
    return make_xlsm(tmp_path / "带宏.xlsm")


def test_fill_xlsm_to_xlsx_is_macro_free(xlsm, tmp_path):
    perfxl.fill(xlsm, tmp_path / "out.xlsx")
    assert_macro_free(tmp_path / "out.xlsx")


def test_fill_xlsm_to_xlsm_keeps_the_project(xlsm, tmp_path):
    perfxl.fill(xlsm, tmp_path / "out.xlsm")
    assert_keeps_macros(tmp_path / "out.xlsm")


def test_fill_in_place_keeps_the_project(xlsm):
    perfxl.fill(xlsm, in_place=True)
    assert_keeps_macros(xlsm)


def test_xlsx_saved_as_xlsm_is_macro_enabled(tmp_path, small_dept):
    perfxl.fill(small_dept, tmp_path / "out.xlsm")
    ct, rels, parts = package(tmp_path / "out.xlsm")
    assert XLSM_MAIN in ct and "xl/vbaProject.bin" not in parts
    load_workbook(tmp_path / "out.xlsm", keep_vba=True)


def test_one_book_saved_both_ways(xlsm, tmp_path):
    """The decision is per save: saving as .xlsx first does not lose the project for a later .xlsm."""
    from perfxl.io.xlsx import XlsxBook

    book = XlsxBook(xlsm)
    book.save(tmp_path / "a.xlsx")
    book.save(tmp_path / "b.xlsm")
    assert_macro_free(tmp_path / "a.xlsx")
    assert_keeps_macros(tmp_path / "b.xlsm")


def test_command_line(xlsm, tmp_path):
    runs = fork_many([["fill", xlsm, "-o", tmp_path / "cli.xlsx"], ["check", xlsm, "--annotate", tmp_path / "ann.xlsx"]])
    assert runs[0].returncode == 0, runs[0].both
    assert runs[1].returncode in (0, 1), runs[1].both
    assert_macro_free(tmp_path / "cli.xlsx")
    assert_macro_free(tmp_path / "ann.xlsx")
