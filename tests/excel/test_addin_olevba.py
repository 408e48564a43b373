"""oletools' olevba reads every module of the built .xlam back exactly.

What olevba presents: ``VBA_Parser.extract_macros()`` yields the whole stored module text,
``Attribute`` header lines included, decoded from cp1252, CRLF kept.  So the assertion is
exact equality with the stored source.  Against the *input* files the relation is:
.bas files (macros/*.bas, xlwings_custom_addin.bas): identical after CRLF normalisation
(xlwings: with PROJECT_NAME = "perfxl" substituted); Dictionary.cls: the VERSION/BEGIN/END
header is dropped and VB_Base/VB_TemplateDerived/VB_Customizable are added, as VBE does on
import, so ``filter_vba`` (olevba's removal of the leading Attribute lines, which stops at
the first one containing ":") gives the same text for the stored module and the file.
"""

from __future__ import annotations

from pathlib import Path

import xlwings
from oletools.olevba import VBA_Parser, filter_vba

XLWINGS_DIR = Path(xlwings.__file__).parent
MACROS = Path(__file__).resolve().parents[2] / "macros"


def extracted(xlam: Path) -> dict[str, str]:
    parser = VBA_Parser(str(xlam))
    try:
        assert parser.detect_vba_macros()
        return {stream.split("/")[-1]: code for _, stream, _, code in parser.extract_macros()}
    finally:
        parser.close()


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").rstrip("\n").replace("\n", "\r\n") + "\r\n"


def test_every_module_read_back_exactly(built_xlam, built_modules):
    code = extracted(built_xlam)
    assert list(code) == [m.name for m in built_modules]
    for m in built_modules:
        assert code[m.name] == m.source, m.name


def test_our_bas_files_verbatim(built_xlam):
    code = extracted(built_xlam)
    ribbon = (MACROS / "Ribbon.bas").read_text(encoding="ascii")
    assert code["perfxlRibbon"] == crlf(ribbon)


def test_xlwings_module_is_the_pinned_file_with_project_name(built_xlam):
    original = (XLWINGS_DIR / "xlwings_custom_addin.bas").read_text(encoding="utf-8")
    expected = crlf(original).replace(
        'Public Const PROJECT_NAME As String = "myaddin"', 'Public Const PROJECT_NAME As String = "perfxl"'
    )
    assert expected != crlf(original)
    assert extracted(built_xlam)["xlwings"] == expected


def test_class_module_body_unchanged(built_xlam):
    code = extracted(built_xlam)["Dictionary"]
    original = (XLWINGS_DIR / "addin" / "Dictionary.cls").read_text(encoding="utf-8")
    after_header = original.replace("\r\n", "\n").split("\nEND\n", 1)[1]
    # olevba keeps an Attribute line containing ":" (here VB_Description with a URL) and all after it.
    assert filter_vba(code) == filter_vba(after_header)
    assert "Attribute VB_Description" in filter_vba(code)
    assert 'Attribute VB_Base = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"' in code


def test_document_modules_mirror_excel(built_xlam, shipped_vba_bin):
    import io

    import olefile
    from oletools.olevba import decompress_stream

    ole = olefile.OleFileIO(io.BytesIO(shipped_vba_bin))
    excel_sheet = decompress_stream(bytearray(ole.openstream("VBA/Sheet1").read()[0x33B:])).decode("cp1252")
    excel_book = decompress_stream(bytearray(ole.openstream("VBA/ThisWorkbook").read()[0x33B:])).decode("cp1252")
    code = extracted(built_xlam)
    assert code["Sheet1"] == excel_sheet
    assert code["ThisWorkbook"].startswith(excel_book)  # plus our Workbook_Open


def test_xlwings_vba_version_is_pinned(built_xlam):
    code = extracted(built_xlam)["xlwings"]
    assert xlwings.__version__ == "0.37.8"
    assert f'Public Const XLWINGS_VERSION As String = "{xlwings.__version__}"' in code
    assert f'"xlwings64-{xlwings.__version__}.dll"' in code
