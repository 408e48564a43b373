"""A real spreadsheet engine: LibreOffice opens the filled workbook, prints it to PDF, and its own
CSV export shows the computed values (what an accountant would see in any spreadsheet program)."""
import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import perfxl
from tests.tests_helpers import soffice

pytestmark = pytest.mark.libreoffice


def convert(src: Path, outdir: Path, target: str, profile: Path) -> None:
    exe = soffice()
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", str(outdir), str(src)], check=True, capture_output=True, timeout=180)


def test_libreoffice_prints_the_filled_workbook_and_shows_the_computed_values(small_dept, tmp_path):
    filled = tmp_path / "filled.xlsx"
    perfxl.fill(small_dept, filled)
    profile = tmp_path / "lo-profile"
    convert(filled, tmp_path, "pdf", profile)
    pdf = tmp_path / "filled.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes())) >= 5  # every visible sheet printed
    # LibreOffice's own CSV export of every sheet: the formatted values it computed and displays
    convert(filled, tmp_path, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', profile)
    sheets = {p.stem.split("-", 1)[1]: list(csv.reader(p.open(encoding="utf-8"))) for p in tmp_path.glob("filled-*.csv")}
    proj = sheets["项目自评表"]
    assert proj[4][7] == "100.00%" and proj[4][8] == "10.00"  # H5 执行率, I5 得分
    assert proj[29][6] == "100.00" and proj[29][7] == "100.00"  # G30, H30
    assert proj[30][7] == "优"  # H31
    fin = sheets["预决算"]
    assert fin[21][2] == "32.26%"  # C22 项目支出占比
    assert fin[44][1] == "150.00"  # B45 净资产


def test_pdf_text_shows_the_values_when_pdftotext_is_present(small_dept, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) not installed")
    filled = tmp_path / "filled.xlsx"
    perfxl.fill(small_dept, filled)
    convert(filled, tmp_path, "pdf", tmp_path / "lo-profile")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "filled.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "32.26%" in text and "100.00%" in text and "优" in text
