"""Items 3, 4 and 7: chart sheets are not data; broken defined names are ignored and huge ones clipped
(with a ReadNote); a stray cell far away costs nothing (both readers stay inside the read area)."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.reliability import corpus as C
import perfxl
from tests.reliability.runner import fork_many
from perfxl.io.extract import read_department, read_department_noted
from perfxl.io.fast import FastBook
from perfxl.io.limits import MAX_BLOCK_ROWS, MAX_SHEET_COLS, MAX_SHEET_ROWS, ReadNote
from perfxl.io.protocol import UnusableWorkbook
from perfxl.io.xlsx import XlsxBook
from tests.tests_helpers import make_workbook

BOOKS = [XlsxBook, FastBook]


@pytest.fixture
def good(tmp_path) -> Path:
    return make_workbook(tmp_path / "好.xlsx")


def _fields(dept) -> dict:
    out = {k: f.raw for k, f in dept.fields.items()}
    for p in dept.projects:
        out.update({(p.sheet, k): f.raw for k, f in p.fields.items()})
        out[(p.sheet, "indicators")] = [(i.name.raw, i.target.raw, i.weight.raw) for i in p.indicators]
    return out


# ---------------------------------------------------------------------------- chart sheets


@pytest.mark.parametrize("Book", BOOKS)
def test_chart_sheets_are_not_data(good, tmp_path, Book):
    path = C.chart_sheet(good, tmp_path / "图表.xlsx")
    book = Book(path)
    assert "图表" not in book.sheet_names()
    with pytest.raises(KeyError):
        book.value("图表", "A1")
    dept = read_department(book)
    assert _fields(dept) == _fields(read_department(Book(good)))


def test_chart_sheet_through_check_fill_and_api(good, tmp_path):
    path = C.chart_sheet(good, tmp_path / "图表.xlsx")
    runs = fork_many([["check", path, "--format", "json"], ["fill", path, "-o", tmp_path / "out.xlsx"],
                      ["check", path, "--annotate", tmp_path / "ann.xlsx"]])
    for run in runs:
        assert run.returncode in (0, 1) and "Traceback" not in run.both, run.both[-2000:]
    for out in (tmp_path / "out.xlsx", tmp_path / "ann.xlsx"):
        wb = load_workbook(out)
        assert type(wb["图表"]).__name__ == "Chartsheet" and wb["图表"]._charts, "the chart sheet is kept"
    assert not perfxl.check(path).unusable
    perfxl.fill(path, tmp_path / "api.xlsx")
    assert type(load_workbook(tmp_path / "api.xlsx")["图表"]).__name__ == "Chartsheet"


# ---------------------------------------------------------------------------- defined names


BROKEN = {
    "empty": ("绩效指标", None, "项目自评表"), "REF": ("绩效指标", "#REF!", "项目自评表"),
    "sheet-REF": ("绩效指标", "'项目自评表'!#REF!", "项目自评表"),
    "two-areas": ("绩效指标", "'项目自评表'!$B$12:$J$20,'项目自评表'!$B$22:$J$29", "项目自评表"),
    "whole-rows": ("绩效指标", "'项目自评表'!$1:$1048576", "项目自评表"),
    "far": ("绩效指标", "'项目自评表'!$B$20000:$J$20010", "项目自评表"),
    "unit-empty": ("单位名称", None, None), "unit-REF": ("单位名称", "#REF!", None),
    "unit-missing-sheet": ("单位名称", "'没有这张表'!$B$3", None),
}


@pytest.mark.parametrize("Book", BOOKS)
@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_names_fall_back_to_the_layout(good, tmp_path, case, Book):
    name, text, local = BROKEN[case]
    path = C.defined_name(good, tmp_path / f"{case}.xlsx", name, text, local)
    dept, notes = read_department_noted(Book(path))
    assert _fields(dept) == _fields(read_department(Book(good))), "the default addresses are read"
    ignored = [n for n in notes if n.code == "name-ignored"]
    assert len(ignored) == 1 and f"名称“{name}”" in ignored[0].detail, notes
    assert isinstance(ignored[0], ReadNote) and ignored[0].where.file == f"{case}.xlsx"


@pytest.mark.parametrize("Book", BOOKS)
def test_huge_indicator_name_is_clipped_and_noted(good, tmp_path, Book):
    path = C.defined_name(good, tmp_path / "huge.xlsx", "绩效指标", "'项目自评表'!$B$12:$J$1048576")
    book = Book(path)
    dept, notes = read_department_noted(book)
    assert [n.code for n in notes] == ["name-range-clipped"]
    note = notes[0]
    assert note.where.sheet == "项目自评表" and note.where.cell == "B12:J1048576"
    assert f"B12:J{12 + MAX_BLOCK_ROWS - 1}" in note.detail
    assert book.read_notes == notes, "the book keeps the notes too"
    expected = [i.name.raw for i in read_department(Book(good)).projects[0].indicators]
    got = [i.name.raw for i in dept.projects[0].indicators]
    assert got[:len(expected)] == expected  # and below them the 总分 row …: junk the note explains


@pytest.mark.parametrize("Book", BOOKS)
def test_whole_sheet_names_are_clipped(good, tmp_path, Book):
    path = C.defined_name(good, tmp_path / "whole.xlsx", "主要职责", "'基本情况'!$A$14:$XFD$1048576", None)
    dept, notes = read_department_noted(Book(path))
    assert [n.code for n in notes] == ["name-range-clipped"]
    assert [d.raw for d in dept.duties] == [d.raw for d in read_department(Book(good)).duties]


def test_huge_names_stay_small_and_fast_through_the_doors(good, tmp_path):
    """The reported cases: 绩效指标 → B12:J1048576 took 93 s / 2.2 GB in check, 114 s / 2.9 GB in fill."""
    paths = [C.defined_name(good, tmp_path / "huge.xlsx", "绩效指标", "'项目自评表'!$B$12:$J$1048576"),
             C.defined_name(good, tmp_path / "whole.xlsx", "绩效指标", "'项目自评表'!$A$1:$XFD$1048576")]
    runs = fork_many([c for p in paths for c in (["check", p, "--format", "json"],
                                                  ["fill", p, "-o", tmp_path / f"out-{p.name}"])], timeout=30)
    for run in runs:
        assert run.returncode in (0, 1) and "Traceback" not in run.both, run.both[-2000:]
        assert run.peak_kb < 400_000, (run.args, run.peak_kb)


# ---------------------------------------------------------------------------- far cells


@pytest.mark.parametrize("Book", BOOKS)
@pytest.mark.parametrize("ref", ["XFD1048576", "AZ1048576", "BM5", "A10001"])
def test_far_cell_is_ignored_and_noted(good, tmp_path, ref, Book):
    path = C.stray_cell(good, tmp_path / f"far-{ref}.xlsx", ref, value="远处的内容")
    book = Book(path)
    dept, notes = read_department_noted(book)
    assert _fields(dept) == _fields(read_department(Book(good)))
    assert [n.code for n in notes] == ["sheet-cells-ignored"] and ref in notes[0].detail
    assert book.max_row("项目自评表") <= MAX_SHEET_ROWS
    assert book.value("项目自评表", ref) is None
    block = book.block("项目自评表", "A1:XFD1048576")
    assert len(block) == MAX_SHEET_ROWS and len(block[0]) == MAX_SHEET_COLS


@pytest.mark.parametrize("Book", BOOKS)
def test_cells_inside_the_area_still_read(good, tmp_path, Book):
    edge = f"BL{MAX_SHEET_ROWS}"
    path = C.stray_cell(good, tmp_path / "edge.xlsx", edge, value="边上")
    book = Book(path)
    assert book.value("项目自评表", edge) == "边上" and not read_department_noted(book)[1]


def test_far_cell_through_the_doors_stays_small(good, tmp_path):
    """XFD1048576 made python-calamine ask for 512 GiB and abort; AZ1048576 cost 2.2 GB."""
    folder = tmp_path / "in"
    folder.mkdir()
    paths = [C.stray_cell(good, folder / f"{ref}.xlsx", ref) for ref in ("XFD1048576", "AZ1048576")]
    commands = [["consolidate", folder, "-o", tmp_path / "汇总.xlsx", "--jobs", "1"]]
    for p in paths:
        commands += [["check", p, "--format", "json"], ["fill", p, "-o", tmp_path / f"out-{p.name}"]]
    for run in fork_many(commands, timeout=30):
        assert run.returncode in (0, 1) and "Traceback" not in run.both and run.returncode >= 0, run.both[-2000:]
        assert run.peak_kb < 400_000, (run.args, run.peak_kb)


@pytest.mark.parametrize("Book", BOOKS)
def test_cells_without_addresses_are_placed_and_bounded(good, tmp_path, Book):
    """Rows and cells may omit r="…" (positions are counted); a row of 100 such cells is cut at BL."""
    members = C.parts(good)
    name = C.sheet_part(members, "填表说明")
    xml = members[name]
    row = b"<row>" + b"".join(b'<c t="inlineStr"><is><t>x%d</t></is></c>' % i for i in range(100)) + b"</row>"
    end = xml.find(b"</sheetData>")
    members[name] = xml[:end] + row + xml[end:]
    path = C.write_parts(tmp_path / "implicit.xlsx", members)
    book = Book(path)
    read_department(book)
    last = book.max_row("填表说明")
    assert book.value("填表说明", f"A{last}") == "x0" and book.value("填表说明", f"BL{last}") == "x63"


# ---------------------------------------------------------------------------- package limits


HUGE_RANGES = {  # each would make openpyxl build an object per covered cell
    "merge": (C.merged, "A200:XFD1048576"), "merge-char-ref": (C.merged, "A200&#58;XFD1048576"),
    "merge-columns": (C.merged, "A:XFD"), "merge-dollars-lower": (C.merged, "$a$200:$xfd$1048576"),
    "hyperlink": (C.hyperlink_range, "A200:XFD1048576"),
}


@pytest.mark.parametrize("Book", BOOKS)
@pytest.mark.parametrize("case", sorted(HUGE_RANGES))
def test_huge_merges_and_hyperlink_ranges_are_refused(good, tmp_path, case, Book):
    make, ref = HUGE_RANGES[case]
    path = make(good, tmp_path / f"{case}.xlsx", ref)
    with pytest.raises(UnusableWorkbook) as exc:
        read_department(Book(path))
    assert "区域过大" in exc.value.message and exc.value.message.startswith(path.name)


@pytest.mark.parametrize("Book", BOOKS)
def test_too_many_cells_are_refused(good, tmp_path, Book):
    path = C.many_cells(good, tmp_path / "cells.xlsx", 300_000)
    with pytest.raises(UnusableWorkbook) as exc:
        read_department(Book(path))
    assert "内容过多" in exc.value.message and exc.value.message.startswith(path.name)


def test_a_real_merge_is_fine(good, tmp_path):
    path = C.merged(good, tmp_path / "merge.xlsx", "A200:J400")
    for Book in BOOKS:
        read_department(Book(path))


ODD_FAR = {  # far cells written in the other ways calamine accepts
    "lower-case": b'<row r="1048576"><c r="xfd1048576" t="inlineStr"><is><t>far</t></is></c></row>',
    "implicit-cell": b'<row r="1048576"><c t="inlineStr"><is><t>far</t></is></c></row>',
    "implicit-cols": b'<row r="40">' + b'<c t="inlineStr"><is><t>x</t></is></c>' * 20000 + b"</row>",
    "single-quotes": b"<row r='1048576'><c r='XFD1048576' t='inlineStr'><is><t>far</t></is></c></row>",
    "tab-before-r": b'<row r="1048576"><c\tr="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row>',
}


@pytest.mark.parametrize("case", sorted(ODD_FAR))
def test_far_cells_in_other_spellings_stay_bounded(good, tmp_path, case):
    """Each case in a subprocess under a memory limit: a miss would make calamine abort the process."""
    from tests.reliability.runner import run_perfxl

    members = C.parts(good)
    name = C.sheet_part(members, "项目自评表")
    xml = members[name]
    end = xml.find(b"</sheetData>")
    members[name] = xml[:end] + ODD_FAR[case] + xml[end:]
    path = C.write_parts(tmp_path / f"{case}.xlsx", members)
    script = ("import sys; from perfxl.io.fast import FastBook; from perfxl.io.extract import read_department_noted;"
              "b = FastBook(sys.argv[1]); d, n = read_department_noted(b); print([x.code for x in n]);"
              "print(b.max_row('项目自评表'))")
    run = run_perfxl(path, script=script, timeout=60, memory_kb=1_000_000)
    assert run.returncode == 0, run.both[-2000:]
    assert "sheet-cells-ignored" in run.stdout and run.peak_kb < 300_000, (run.stdout, run.peak_kb)
