"""Assemble perfxl.xlam from ``macros/``, the pinned xlwings VBA and the UDF module.

Byte-reproducible: fixed part order, fixed zip timestamps (1980-01-01), fixed deflate
level, deterministic vbaProject.bin.  Written atomically (temporary file, then rename).
"""

from __future__ import annotations

import os
import sys
import re
import tomllib
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .udfwrap import UDF_VBA_MODULE, generate_udf_module
from .vbaproject import (
    WORKBOOK_BASE,
    WORKSHEET_BASE,
    Module,
    build_vba_project,
    class_module,
    document_module,
    procedural_module,
)

XLWINGS_PIN = "0.37.8"
PROJECT_NAME = "perfxl"
UDF_MODULE = "perfxl.excel.udfs"
CONF_SHEET = f"{PROJECT_NAME}.conf"
WORKBOOK_CODENAME = "ThisWorkbook"
SHEET_CODENAME = "Sheet1"
def _macros_dir() -> Path:
    """``macros/`` of a source checkout, else the copy a wheel installs under ``<prefix>/share/perfxl``."""
    checkout = Path(__file__).resolve().parents[3] / "macros"
    installed = Path(sys.prefix) / "share" / "perfxl" / "macros"
    return checkout if checkout.is_dir() or not installed.is_dir() else installed


MACROS_DIR = _macros_dir()
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

CT_MAIN = "application/vnd.ms-excel.addin.macroEnabled.main+xml"
CT_VBA = "application/vnd.ms-office.vbaProject"
REL_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_UI14 = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

WORKBOOK_CODE = (
    "Private Sub Workbook_Open()\r\n"
    "    ' Insert Function (Shift+F3) help for the perfxl UDFs.\r\n"
    "    On Error Resume Next\r\n"
    f"    {UDF_VBA_MODULE}.RegisterUdfHelp\r\n"
    "End Sub\r\n"
)


class AddinBuildError(RuntimeError):
    """The add-in cannot be built; the message says why and what to do."""


# --- VBA modules -----------------------------------------------------------------------


def xlwings_package_dir() -> Path:
    import xlwings

    if xlwings.__version__ != XLWINGS_PIN:
        raise AddinBuildError(
            f"已安装的 xlwings 是 {xlwings.__version__}，加载项需要 {XLWINGS_PIN}（installed xlwings "
            f"{xlwings.__version__} != pinned {XLWINGS_PIN}; run pip install xlwings=={XLWINGS_PIN}）"
        )
    return Path(xlwings.__file__).resolve().parent


def xlwings_vba_version(source: str) -> str:
    match = re.search(r'^Public Const XLWINGS_VERSION As String = "([^"]+)"', source, re.MULTILINE)
    if not match:
        raise AddinBuildError("xlwings_custom_addin.bas 中找不到 XLWINGS_VERSION（no XLWINGS_VERSION constant）")
    return match.group(1)


def xlwings_modules() -> list[Module]:
    """xlwings' custom add-in VBA (PROJECT_NAME set) and the Dictionary class it uses on Mac,
    the same pair that ``xlwings quickstart --addin`` ships."""
    pkg = xlwings_package_dir()
    source = (pkg / "xlwings_custom_addin.bas").read_text(encoding="utf-8")
    version = xlwings_vba_version(source)
    if version != XLWINGS_PIN:
        raise AddinBuildError(f"xlwings VBA 版本 {version} 与 {XLWINGS_PIN} 不一致（VBA version mismatch）")
    source, count = re.subn(
        r'^Public Const PROJECT_NAME As String = "[^"]*"',
        f'Public Const PROJECT_NAME As String = "{PROJECT_NAME}"',
        source,
        flags=re.MULTILINE,
    )
    if count != 1:
        raise AddinBuildError("xlwings_custom_addin.bas 中找不到 PROJECT_NAME（no PROJECT_NAME constant）")
    dictionary = (pkg / "addin" / "Dictionary.cls").read_text(encoding="utf-8")
    return [procedural_module(source), class_module(dictionary)]


def macro_modules(macros_dir: Path = MACROS_DIR) -> list[Module]:
    """Our own ``macros/*.bas`` (sorted by file name)."""
    return [procedural_module(p.read_text(encoding="ascii")) for p in sorted(macros_dir.glob("*.bas"))]


def vba_modules(macros_dir: Path = MACROS_DIR, udf_module: str = UDF_MODULE) -> list[Module]:
    modules = [
        document_module(WORKBOOK_CODENAME, WORKBOOK_BASE, WORKBOOK_CODE),
        document_module(SHEET_CODENAME, WORKSHEET_BASE),
        *xlwings_modules(),
        *macro_modules(macros_dir),
    ]
    try:
        udf_text = generate_udf_module(udf_module)
    except RuntimeError as exc:
        raise AddinBuildError(f"{exc}；无法生成 UDF 包装模块（cannot generate the UDF wrappers）") from exc
    modules.append(procedural_module(udf_text))
    return modules


# --- package parts -----------------------------------------------------------------------


def read_config(macros_dir: Path = MACROS_DIR) -> list[tuple[str, object]]:
    with open(macros_dir / "config.toml", "rb") as f:
        data = tomllib.load(f)
    return list(data["sheet"].items())


def _cell(ref: str, value: object) -> str:
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = escape(str(value))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def sheet_xml(config: list[tuple[str, object]]) -> str:
    rows = []
    for i, (key, value) in enumerate(config, start=1):
        cells = _cell(f"A{i}", key) + ("" if value == "" else _cell(f"B{i}", value))
        rows.append(f'<row r="{i}">{cells}</row>')
    last = max(len(config), 1)
    return (
        XML_DECL + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}">'
        f'<sheetPr codeName="{SHEET_CODENAME}"/><dimension ref="A1:B{last}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        '<cols><col min="1" max="1" width="20" customWidth="1"/><col min="2" max="2" width="40" customWidth="1"/></cols>'
        f'<sheetData>{"".join(rows)}</sheetData>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )


def workbook_xml() -> str:
    return (
        XML_DECL + f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_R}">'
        f'<workbookPr codeName="{WORKBOOK_CODENAME}"/>'
        '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="16000" windowHeight="9000"/></bookViews>'
        f'<sheets><sheet name={quoteattr(CONF_SHEET)} sheetId="1" r:id="rId1"/></sheets>'
        '<calcPr calcId="191029"/></workbook>'
    )


STYLES_XML = (
    XML_DECL + f'<styleSheet xmlns="{NS_MAIN}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _rels(rels: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels)
    return XML_DECL + f'<Relationships xmlns="{NS_PKG_REL}">{body}</Relationships>'


CONTENT_TYPES_XML = (
    XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{CT_MAIN}"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    f'<Override PartName="/xl/vbaProject.bin" ContentType="{CT_VBA}"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)

ROOT_RELS_XML = _rels([
    ("rId1", REL_OFFICE_DOC, "xl/workbook.xml"),
    ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
    ("rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"),
    ("rId4", REL_UI14, "customUI/customUI14.xml"),
])

WORKBOOK_RELS_XML = _rels([
    ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"),
    ("rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"),
    ("rId3", REL_VBA, "vbaProject.bin"),
])

CORE_XML = (
    XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>perfxl 预算绩效自评加载项</dc:title><dc:creator>perfxl</dc:creator>"
    "</cp:coreProperties>"
)

APP_XML = (
    XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity></Properties>"
)


def addin_parts(macros_dir: Path = MACROS_DIR, udf_module: str = UDF_MODULE) -> list[tuple[str, bytes]]:
    """Every part of the .xlam in zip order."""
    missing = [n for n in ("customUI14.xml", "config.toml", "Ribbon.bas") if not (macros_dir / n).is_file()]
    if missing:
        raise AddinBuildError(
            f"找不到 {macros_dir} 中的 {', '.join(missing)}：请在 perfxl 源代码目录中构建加载项"
            f"（macros/ not found; build from a perfxl source checkout）"
        )
    modules = vba_modules(macros_dir, udf_module)
    customui = (macros_dir / "customUI14.xml").read_bytes()
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES_XML),
        ("_rels/.rels", ROOT_RELS_XML),
        ("docProps/app.xml", APP_XML),
        ("docProps/core.xml", CORE_XML),
        ("customUI/customUI14.xml", customui),
        ("xl/workbook.xml", workbook_xml()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS_XML),
        ("xl/styles.xml", STYLES_XML),
        ("xl/worksheets/sheet1.xml", sheet_xml(read_config(macros_dir))),
        ("xl/vbaProject.bin", build_vba_project(modules, PROJECT_NAME)),
    ]
    return [(name, data.encode("utf-8") if isinstance(data, str) else data) for name, data in parts]


def zip_bytes(parts: list[tuple[str, bytes]], path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)


def build_addin(out_path: str | os.PathLike = "perfxl.xlam", *, macros_dir: Path = MACROS_DIR,
                udf_module: str = UDF_MODULE) -> Path:
    """Build the add-in at ``out_path`` and return its path."""
    from ...io.files import atomic_write

    parts = addin_parts(Path(macros_dir), udf_module)
    return atomic_write(out_path, lambda tmp: zip_bytes(parts, Path(tmp)))
