"""LibreOffice opens the summary headless, prints it to PDF, and finds the charts.

Approach: convert the summary to PDF (every sheet is printed, so the page count covers the ten
sheets) and to .ods; an .ods keeps each chart as an embedded ``Object N`` with ``chart:chart`` in its
content.xml, so counting those proves LibreOffice read the three charts. Skipped without
``soffice`` unless PERFXL_REQUIRE_LIBREOFFICE=1.
"""
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import perfxl

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.libreoffice


def _soffice():
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("PERFXL_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("soffice not found but PERFXL_REQUIRE_LIBREOFFICE=1")
        pytest.skip("LibreOffice (soffice) not installed")
    return exe


def test_summary_converts_to_pdf_with_charts(tmp_path):
    exe = _soffice()
    summary = tmp_path / "汇总.xlsx"
    perfxl.consolidate([ROOT / "workbooks" / "examples"], jobs=1).to_excel(summary)
    env = {**os.environ, "HOME": str(tmp_path)}  # a private LibreOffice profile
    for fmt in ("pdf", "ods"):
        subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", fmt,
                        "--outdir", str(tmp_path), str(summary)], check=True, capture_output=True, timeout=240,
                       env=env)
    pdf = tmp_path / "汇总.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    import re

    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))
    assert pages >= 10  # one page at least per sheet
    with zipfile.ZipFile(tmp_path / "汇总.ods") as z:
        charts = [n for n in z.namelist() if n.startswith("Object") and n.endswith("content.xml")
                  and b"<chart:chart" in z.read(n)]
    assert len(charts) == 3
