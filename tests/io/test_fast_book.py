"""FastBook specifics: what python-calamine cannot see, found in the package; unusable files."""
import zipfile

import pytest

from perfxl.io.fast import FastBook
from perfxl.io.protocol import UnusableWorkbook
from perfxl.io.template_book import build_workbook
from perfxl.io.xlsx import FormulaWithoutValue


def _save(wb, path):
    wb.save(path)
    return path


def test_formulas_without_values_are_listed_and_not_empty(tmp_path):
    wb = build_workbook()
    wb["项目自评表"]["F5"] = "=SUM(F6:F8)"
    wb["基本情况"]["B4"] = 2022
    p = _save(wb, tmp_path / "f.xlsx")
    book = FastBook(p)
    v = book.value("项目自评表", "F5")
    assert isinstance(v, FormulaWithoutValue) and v == "=SUM(F6:F8)"
    assert book.formulas_without_values() == [("项目自评表", "F5")]
    assert book.value("基本情况", "B4") == 2022


def test_formula_with_a_saved_value_reads_the_value(tmp_path):
    p = _save(build_workbook(), tmp_path / "v.xlsx")
    # put a formula with a cached result into the sheet XML, as Excel saves it
    with zipfile.ZipFile(p) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    sheet = "xl/worksheets/sheet4.xml"
    xml = parts[sheet].decode()
    assert '<c r="F5"' in xml
    import re

    # an empty cell is <c …/> or, when openpyxl writes with lxml, <c …></c>
    xml = re.sub(r'<c r="F5"[^>]*?(?:/>|></c>)', '<c r="F5"><f>1+1</f><v>2</v></c>', xml, count=1)
    xml = re.sub(r'<c r="E5"[^>]*?(?:/>|></c>)', '<c r="E5" t="e"><f>1/0</f><v>#DIV/0!</v></c>', xml, count=1)
    parts[sheet] = xml.encode()
    with zipfile.ZipFile(p, "w") as zf:
        for k, v in parts.items():
            zf.writestr(k, v)
    book = FastBook(p)
    assert book.value("项目自评表", "F5") == 2
    assert str(book.value("项目自评表", "E5")) == "#DIV/0!"
    assert book.formulas_without_values() == []


@pytest.mark.parametrize("content,fragment", [
    (b"", "空"), (b"not a zip at all", "不是 Excel"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xls"),
])
def test_unusable_files_name_the_file(tmp_path, content, fragment):
    p = tmp_path / "坏文件.xlsx"
    p.write_bytes(content)
    with pytest.raises(UnusableWorkbook) as exc:
        FastBook(p)
    assert "坏文件.xlsx" in exc.value.message and fragment in exc.value.message


def test_truncated_zip_is_unusable(tmp_path):
    p = _save(build_workbook(), tmp_path / "t.xlsx")
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnusableWorkbook):
        FastBook(p)


def test_workbook_scoped_and_sheet_scoped_names(tmp_path):
    p = _save(build_workbook(projects=2), tmp_path / "n.xlsx")
    names = FastBook(p).defined_names()
    assert names[(None, "单位名称")] == "'基本情况'!$B$3"
    assert names[("项目自评表(2)", "绩效指标")] == "'项目自评表(2)'!$B$12:$J$29"
    assert not any(n.startswith("_xlnm.") for _, n in names)
