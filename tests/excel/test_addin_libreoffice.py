"""LibreOffice (an independent VBA importer) opens the built .xlam and sees every module.

How: ``soffice --headless --infilter="Calc MS Excel 2007 VBA XML" --convert-to xlsm``.
(LibreOffice 7.4 does not detect .xlam by itself: without --infilter it says "source file
could not be loaded", for xlwings' own Excel-made quickstart add-in too.)  LibreOffice
imports the VBA project into its Basic libraries (parsing our dir stream and decompressing
each module) and, on saving, writes a *new* vbaProject.bin of its own (its own references,
PROJECTVERSION, SYSKIND).  That file is read with olevba: all our module names must be
there, with their code, and the perfxl.conf sheet must survive.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile

import pytest
from oletools.olevba import VBA_Parser

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

SOFFICE = shutil.which("soffice")
LO_ADDED = {"Option VBASupport 1", "Option ClassModule"}


@pytest.fixture(scope="module")
def lo_xlsm(built_xlam, tmp_path_factory):
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not on PATH")
    work = tmp_path_factory.mktemp("lo")
    src = work / "perfxl.xlam"
    shutil.copyfile(built_xlam, src)
    env = {**os.environ, "HOME": str(work)}
    proc = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{work / 'profile'}", "--headless", "--norestore",
         "--infilter=Calc MS Excel 2007 VBA XML", "--convert-to", "xlsm:Calc MS Excel 2007 VBA XML", "--outdir", str(work / "out"), str(src)],
        capture_output=True, text=True, timeout=240, env=env,
    )
    out = work / "out" / "perfxl.xlsm"
    assert out.exists(), f"LibreOffice did not convert the add-in:\n{proc.stdout}\n{proc.stderr}"
    return out


def test_libreoffice_keeps_every_module(lo_xlsm, built_modules):
    with zipfile.ZipFile(lo_xlsm) as zf:
        assert "xl/vbaProject.bin" in zf.namelist()
    parser = VBA_Parser(str(lo_xlsm))
    try:
        code = {s.split("/")[-1]: c for _, s, _, c in parser.extract_macros()}
    finally:
        parser.close()
    assert set(code) == {m.name for m in built_modules}
    for m in built_modules:
        if m.kind == "document":
            continue
        # LibreOffice rewrites the attribute block and adds its own Option lines; the rest is ours.
        ours = [line for line in m.source.split("\r\n") if line and not line.startswith("Attribute ")]
        theirs = [
            line for line in code[m.name].replace("\r\n", "\n").split("\n")
            if line and not line.startswith("Attribute ") and line not in LO_ADDED
        ]
        assert theirs == ours, m.name


def test_libreoffice_reads_the_config_sheet(lo_xlsm):
    import openpyxl

    wb = openpyxl.load_workbook(lo_xlsm)
    assert wb.sheetnames == ["perfxl.conf"]
    assert wb["perfxl.conf"]["A1"].value == "UDF Modules"
    assert wb["perfxl.conf"]["B1"].value == "perfxl.excel.udfs"
