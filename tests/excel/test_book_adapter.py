"""XlwingsBook's own code, run against the real xlwings object model (remote engine + openpyxl stand-in,
see xlremote_stand_in.py), and against small fakes where the remote engine has no equivalent
(COM sheet protection, Excel's folder picker)."""
from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from perfxl.actions import fill_book
from perfxl.core.values import ErrorValue
from perfxl.excel.book import MARKS_SHEET, XlwingsBook, _rgb
from perfxl.io.extract import read_department
from perfxl.io.xlsx import XlsxBook
from tests.excel.xlremote_stand_in import ExcelStandIn, patch_sync_reads, styles


@pytest.fixture(autouse=True)
def _sync_reads(monkeypatch):
    patch_sync_reads(monkeypatch)


def test_names_include_sheet_scoped_ones_with_quoted_sheet_names(small_dept):
    wb = load_workbook(small_dept)
    wb["项目自评表"].title = "项目自评表(2)"  # openpyxl keeps the names pointing at the old title: fix
    for ws in wb.worksheets:
        for dn in ws.defined_names.values():
            dn.attr_text = dn.attr_text.replace("'项目自评表'!", "'项目自评表(2)'!")
    wb.save(small_dept)
    book = XlwingsBook(ExcelStandIn(small_dept).open())
    names = book.defined_names()
    assert names == XlsxBook(small_dept).defined_names() | {}  # same keys and targets as openpyxl
    assert names[("项目自评表(2)", "绩效指标")] == "'项目自评表(2)'!$B$12:$J$29"
    assert names[(None, "单位名称")] == "'基本情况'!$B$3"


def test_values_map_errors_whole_numbers_and_blanks_like_openpyxl(small_dept):
    wb = load_workbook(small_dept)
    ws = wb["预决算"]
    ws["B5"], ws["B6"], ws["B7"] = "#DIV/0!", 12.0, 12.5
    ws["B5"].data_type = "e"
    ws["B8"] = datetime(2022, 12, 31)
    wb.save(small_dept)
    book = XlwingsBook(ExcelStandIn(small_dept).open())
    assert book.value("预决算", "B5") == ErrorValue("#DIV/0!")
    assert book.value("预决算", "B6") == 12 and type(book.value("预决算", "B6")) is int
    assert book.value("预决算", "B7") == 12.5
    assert book.value("预决算", "B8") == datetime(2022, 12, 31)
    assert book.value("预决算", "Z999") is None
    assert book.block("预决算", "A5:C6")[1][1:] == [12, None]
    assert book.block("基本情况", "B3:B3") == [["衡山县测试局"]]
    assert book.max_row("预决算") == XlsxBook(small_dept).max_row("预决算")


def test_reading_a_department_costs_one_value_call_per_sheet(small_dept, monkeypatch):
    from xlwings.pro import _xlremote as R

    calls = []
    real = R.Range.raw_value

    def counted(self):
        calls.append((self.sheet.name, self.address))
        return real.fget(self)

    monkeypatch.setattr(R.Range, "raw_value", property(counted, real.fset))
    book = XlwingsBook(ExcelStandIn(small_dept).open())
    dept = read_department(book)
    assert dept.fields["unit_name"].raw == "衡山县测试局"
    assert len(calls) == len({s for s, _ in calls}) <= len(book.sheet_names())


def test_text_stays_text_and_changed_counts_real_changes(small_dept):
    stand_in = ExcelStandIn(small_dept)
    book = XlwingsBook(stand_in.open())
    for ref, text in (("H31", "=1+1"), ("J12", "95%"), ("J13", "TRUE"), ("J14", "-5"), ("J15", "优")):
        book.write("项目自评表", ref, text)
    book.write("项目自评表", "H30", 95.5, "0.00")
    book.write("项目自评表", "H30", 95.5, "0.00")  # same value: no write, no count
    assert book.changed == 6
    ws = stand_in.wb["项目自评表"]
    assert [ws[r].value for r in ("H31", "J12", "J13", "J14", "J15")] == ["=1+1", "95%", "TRUE", "-5", "优"]
    assert all(ws[r].data_type == "s" for r in ("H31", "J12", "J13", "J14", "J15"))
    assert ws["H30"].value == 95.5 and ws["H30"].number_format == "0.00"
    assert book.value("项目自评表", "J12") == "95%"  # the snapshot follows the writes


def test_fill_twice_changes_nothing_the_second_time(small_dept):
    stand_in = ExcelStandIn(small_dept)
    first = fill_book(XlwingsBook(stand_in.open()))
    stand_in.save()
    second = fill_book(XlwingsBook(ExcelStandIn(small_dept).open()))
    assert first.changed == first.written > 0 and second.changed == 0


def test_marks_keep_the_users_note_and_fill_and_unmark_restores_them(small_dept):
    wb = load_workbook(small_dept)
    ws = wb["项目自评表"]
    ws["F12"].comment = Comment("用户自己的批注", "张会计")
    ws["F14"].fill = PatternFill("solid", fgColor="FF00FF00")
    wb.save(small_dept)
    before = styles(load_workbook(small_dept), "项目自评表")
    stand_in = ExcelStandIn(small_dept)
    book = XlwingsBook(stand_in.open())
    book.mark("项目自评表", "F12", "[错误] 一", "error")
    book.mark("项目自评表", "F12", "[警告] 二", "warning")
    book.mark("项目自评表", "F14", "[提示] 三", "info")
    now = styles(stand_in.wb, "项目自评表")
    assert now["F12"] == ("FFEB9C", "[错误] 一\n[警告] 二", "")
    assert now["F14"] == ("DDEBF7", "[提示] 三", "")
    assert stand_in.wb[MARKS_SHEET].sheet_state == "hidden"
    assert book.unmark() == 2
    assert MARKS_SHEET not in stand_in.wb.sheetnames
    assert styles(stand_in.wb, "项目自评表") == before
    assert book.unmark() == 0


@pytest.mark.parametrize("marker, clearer", [("openpyxl", "xlwings"), ("xlwings", "openpyxl")])
def test_marks_made_by_one_backend_are_cleared_by_the_other(small_dept, marker, clearer):
    from perfxl.io.apply import annotate
    from tests.excel.ribbon_backends import PLANTED

    before = styles(load_workbook(small_dept), "项目自评表")
    if marker == "openpyxl":
        b = XlsxBook(small_dept)
        annotate(b, [PLANTED])
        b.save(small_dept)
    else:
        s = ExcelStandIn(small_dept)
        annotate(XlwingsBook(s.open()), [PLANTED])
        s.save()
    assert styles(load_workbook(small_dept), "项目自评表")["F12"][0] == "FFC7CE"
    if clearer == "openpyxl":
        b = XlsxBook(small_dept)
        assert b.unmark() == 1
        b.save(small_dept)
    else:
        s = ExcelStandIn(small_dept)
        assert XlwingsBook(s.open()).unmark() == 1
        s.save()
    assert styles(load_workbook(small_dept), "项目自评表") == before


def test_colour_text_of_the_marks_log():
    assert _rgb("00DDEBF7") == "#DDEBF7" and _rgb("FFFFC7CE") == "#FFC7CE" and _rgb("FFEB9C") == "#FFEB9C"
    assert _rgb("00000000") is None and _rgb("") is None and _rgb(None) is None


# ---------------------------------------------------------------- COM-only parts, with fakes
class FakeProtection:
    AllowFormattingCells = True
    AllowFormattingColumns = True
    AllowFormattingRows = True
    AllowInsertingColumns = False
    AllowInsertingRows = True
    AllowInsertingHyperlinks = True
    AllowDeletingColumns = False
    AllowDeletingRows = True
    AllowSorting = True
    AllowFiltering = True
    AllowUsingPivotTables = False


class FakeComSheet:
    """The bits of a COM Worksheet XlwingsBook touches for protection."""

    def __init__(self, log, name, password=False):
        self.log, self.name, self.password = log, name, password
        self.ProtectContents = True
        self.ProtectDrawingObjects = True
        self.ProtectScenarios = True
        self.Protection = FakeProtection()

    def Unprotect(self):
        if self.password:
            raise Exception("(-2147352567, 'Exception occurred.', (0, 'Microsoft Excel', '密码不正确'))")
        self.log.append(("Unprotect", self.name))
        self.ProtectContents = False

    def Protect(self, **kw):
        self.log.append(("Protect", self.name, kw))
        self.ProtectContents = True


def _com_sheets(monkeypatch, log, password=()):
    import xlwings.main
    from xlwings.pro import _xlremote as R

    fakes = {}

    def api(self):  # the public Sheet.api: the COM Worksheet on Windows, a dict on the remote engine
        name = self.impl.api["name"]
        if name not in fakes:
            fakes[name] = FakeComSheet(log, name, name in password)
        return fakes[name]

    monkeypatch.setattr(xlwings.main.Sheet, "api", property(api))
    monkeypatch.setattr(R.Range, "append_json_action", _logged(R.Range.append_json_action, log))
    return fakes


def _logged(real, log):
    def append(self, **kw):
        log.append(("write", self.sheet.name))
        return real(self, **kw)

    return append


def test_protected_sheets_are_unprotected_for_writes_and_protected_again(small_dept, monkeypatch):
    log = []
    _com_sheets(monkeypatch, log)
    book = XlwingsBook(ExcelStandIn(small_dept).open())
    fill_book(book)
    first_write = log.index(next(e for e in log if e == ("write", "项目自评表")))
    assert log.index(("Unprotect", "项目自评表")) < first_write
    assert sum(e == ("Unprotect", "项目自评表") for e in log) == 1
    book.finish()
    protects = {e[1]: e[2] for e in log if e[0] == "Protect"}
    assert set(protects) == {"预决算", "项目自评表"}
    kw = protects["项目自评表"]
    assert kw["Contents"] is True and kw["DrawingObjects"] is True and kw["AllowInsertingRows"] is True
    assert kw["AllowInsertingColumns"] is False and kw["AllowFormattingCells"] is True


def test_a_password_protected_sheet_gives_a_readable_message(small_dept, monkeypatch, tmp_path):
    import perfxl.excel.ribbon as ribbon

    monkeypatch.setenv("PERFXL_LOG_DIR", str(tmp_path / "log"))
    _com_sheets(monkeypatch, [], password={"项目自评表"})
    alerts = []
    msg = ribbon.compute(book=XlwingsBook(ExcelStandIn(small_dept).open()),
                         alert=lambda t, title="", mode="": alerts.append(mode))
    assert alerts == ["critical"]
    assert msg.startswith("计算未完成：工作表“项目自评表”设有保护密码") and "撤销工作表保护" in msg


def test_folder_picker_uses_excels_file_dialog():
    import perfxl.excel.ribbon as ribbon

    class Dialog:
        Title = ""

        def __init__(self, pressed):
            self.pressed = pressed

        def Show(self):
            return self.pressed

        def SelectedItems(self, i):
            return r"C:\\绩效\\2022"

    class Api:
        def __init__(self, pressed):
            self.pressed = pressed

        def FileDialog(self, kind):
            assert kind == 4  # msoFileDialogFolderPicker
            return Dialog(self.pressed)

    class App:
        def __init__(self, pressed):
            self.api = Api(pressed)

    class Book:
        def __init__(self, pressed):
            self.book = type("B", (), {"app": App(pressed)})()

    assert str(ribbon._pick_folder(Book(-1))).endswith("2022")
    assert ribbon._pick_folder(Book(0)) is None
