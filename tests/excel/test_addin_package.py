"""The .xlam package: parts, content types, relationships, codeNames, config sheet, reproducibility."""

from __future__ import annotations

import zipfile

import pytest
from defusedxml import ElementTree as ET

from perfxl.excel.addin.build import build_addin, read_config

NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
NS_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def xml(xlam, name):
    with zipfile.ZipFile(xlam) as zf:
        return ET.fromstring(zf.read(name))


def rels(xlam, name):
    return {r.get("Type"): r.get("Target") for r in xml(xlam, name).iter(NS_REL + "Relationship")}


def test_parts_in_fixed_order_with_fixed_dates(built_xlam):
    with zipfile.ZipFile(built_xlam) as zf:
        assert zf.testzip() is None
        infos = zf.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.filename for i in infos} >= {
        "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
        "xl/styles.xml", "xl/vbaProject.bin", "customUI/customUI14.xml", "docProps/core.xml", "docProps/app.xml",
    }


def test_all_xml_parts_parse_with_defusedxml(built_xlam):
    with zipfile.ZipFile(built_xlam) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                ET.fromstring(zf.read(name))


def test_content_types(built_xlam):
    root = xml(built_xlam, "[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in root.iter(NS_CT + "Override")}
    assert overrides["/xl/workbook.xml"] == "application/vnd.ms-excel.addin.macroEnabled.main+xml"
    assert overrides["/xl/vbaProject.bin"] == "application/vnd.ms-office.vbaProject"
    with zipfile.ZipFile(built_xlam) as zf:
        names = set(zf.namelist())
    for part in overrides:
        assert part.lstrip("/") in names


def test_relationships(built_xlam):
    root_rels = rels(built_xlam, "_rels/.rels")
    assert root_rels["http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"] == "xl/workbook.xml"
    assert root_rels["http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"] == "customUI/customUI14.xml"
    wb_rels = rels(built_xlam, "xl/_rels/workbook.xml.rels")
    assert wb_rels["http://schemas.microsoft.com/office/2006/relationships/vbaProject"] == "vbaProject.bin"
    assert wb_rels["http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"] == "worksheets/sheet1.xml"


def test_codenames_equal_document_modules(built_xlam, built_modules):
    documents = [m.name for m in built_modules if m.kind == "document"]
    wb = xml(built_xlam, "xl/workbook.xml")
    sheet = xml(built_xlam, "xl/worksheets/sheet1.xml")
    assert wb.find(NS_MAIN + "workbookPr").get("codeName") == documents[0] == "ThisWorkbook"
    assert sheet.find(NS_MAIN + "sheetPr").get("codeName") == documents[1]
    assert [s.get("name") for s in wb.iter(NS_MAIN + "sheet")] == ["perfxl.conf"]


def test_config_sheet(built_xlam):
    sheet = xml(built_xlam, "xl/worksheets/sheet1.xml")
    cells = {}
    for c in sheet.iter(NS_MAIN + "c"):
        t = c.find(f"{NS_MAIN}is/{NS_MAIN}t")
        cells[c.get("r")] = t.text if t is not None else bool(int(c.find(NS_MAIN + "v").text))
    config = read_config()
    keys = [cells[f"A{i}"] for i in range(1, len(config) + 1)]
    assert keys == [k for k, _ in config]
    values = dict(zip(keys, (cells.get(f"B{i}", "") for i in range(1, len(config) + 1))))
    assert values["UDF Modules"] == "perfxl.excel.udfs"
    # one Python process serves clicks and UDFs: xlwings imports pandas, paid once rather than per click
    assert values["Use UDF Server"] is True and values["Show Console"] is False
    # A key in the add-in's sheet (even empty) hides %USERPROFILE%\.perfxl\perfxl.conf, where
    # `perfxl addin install` puts the interpreter: the per-machine keys must not be here.
    assert not {"Interpreter_Win", "Interpreter_Mac", "PYTHONPATH", "Conda Path", "Conda Env"} & set(keys)


def test_two_builds_are_byte_identical(tmp_path, udf_module, built_xlam):
    a = build_addin(tmp_path / "a.xlam", udf_module=udf_module)
    b = build_addin(tmp_path / "b" / "b.xlam", udf_module=udf_module)
    assert a.read_bytes() == b.read_bytes() == built_xlam.read_bytes()


def test_build_refuses_other_xlwings_version(monkeypatch, tmp_path, udf_module):
    import xlwings

    from perfxl.excel.addin.build import AddinBuildError

    monkeypatch.setattr(xlwings, "__version__", "0.99.0")
    with pytest.raises(AddinBuildError, match="0.37.8"):
        build_addin(tmp_path / "x.xlam", udf_module=udf_module)


def test_pyproject_pins_the_same_xlwings():
    import tomllib
    from pathlib import Path

    from perfxl.excel.addin.build import XLWINGS_PIN

    data = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert f"xlwings=={XLWINGS_PIN}" in data["project"]["dependencies"]


def test_missing_macros_dir_is_a_clear_error(tmp_path, udf_module):
    from perfxl.excel.addin.build import AddinBuildError

    with pytest.raises(AddinBuildError, match="macros"):
        build_addin(tmp_path / "x.xlam", macros_dir=tmp_path / "nope", udf_module=udf_module)
