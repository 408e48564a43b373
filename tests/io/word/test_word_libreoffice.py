"""The generated report in a real word processor: LibreOffice prints it to PDF; the pages are A4 and the
text shows the title, the figures and the page numbers."""
import os
import re
import shutil
import subprocess

import pytest

from perfxl.io.word_write import write_report
from tests.tests_helpers import soffice
from tests.io.word.word_builders import sample_form, seed_content

pytestmark = pytest.mark.libreoffice


def to_pdf(src, tmp_path):
    exe = soffice()
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    run = subprocess.run([exe, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)], capture_output=True, timeout=180)
    pdf = src.with_suffix(".pdf")
    if not pdf.exists():  # soffice without Writer (CI's libreoffice-calc-nogui) cannot open a .docx
        message = ("LibreOffice Writer is needed to print a .docx (apt-get install libreoffice-writer-nogui); "
                   f"soffice said: {run.stderr.decode(errors='replace')[-200:]}")
        if os.environ.get("PERFXL_REQUIRE_LIBREOFFICE"):
            pytest.fail(message)
        pytest.skip(message)
    assert pdf.read_bytes().startswith(b"%PDF")
    return pdf


def pdftotext(pdf) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) not installed")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_libreoffice_prints_the_seed_report(tmp_path):
    path = write_report(seed_content("本报告由存在 3 项错误的工作簿生成，数据未经核实"), tmp_path / "seed.docx")
    pdf = to_pdf(path, tmp_path)
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))
    assert 8 <= pages <= 13  # 9 pages of text and one landscape page for the 自评表 (LibreOffice 7.4.7: 9)
    text = pdftotext(pdf)
    flat = re.sub(r"\s+", "", text)
    assert "2022年度部门整体支出绩效自评报告" in flat
    assert "本报告由存在3项错误的工作簿生成" in flat
    assert "4601万元" in flat and "893.04%" in flat  # figures of the text, mistakes included
    assert "2022年度预算支出绩效自评表" in flat and "重点工作任务完成" in flat  # the annex table
    assert "—1—" in flat and f"—{pages}—" in flat  # page numbers to the last page


def test_many_forms_print_one_table_per_landscape_page_at_least(tmp_path):
    content = seed_content()
    content.forms = [sample_form(4, "项目甲"), sample_form(10, "项目乙")]
    pdf = to_pdf(write_report(content, tmp_path / "forms.docx"), tmp_path)
    text = re.sub(r"\s+", "", pdftotext(pdf))
    assert "项目甲" in text and "项目乙" in text and "部分资金年底拨付" in text
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True).stdout \
        if shutil.which("pdfinfo") else ""
    sizes = re.findall(r"Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)", info)
    if sizes:
        assert float(sizes[0][0]) < float(sizes[0][1])  # the report: portrait
        assert float(sizes[-1][0]) > float(sizes[-1][1])  # the annex: landscape
