"""The report's text both ways at the doors: `perfxl report` writes the 自评报告 from the checked workbook
(refusing while it has errors unless --force), `perfxl import-text` reads a Word report into 报告正文, and a
generated report read back and checked gives no finding on its text: the generator and the checker agree."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from perfxl.template import layout as L
from tests.tests_helpers import SEED, soffice

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "workbooks" / "examples").glob("*.xlsx"))
TEXT_CELLS = {(L.SHEET_TEXT, spec.ref) for spec in L.TEXT_CELLS}
REF = {spec.key: spec.ref for spec in L.TEXT_CELLS}
# a generated sentence restates its table: when the table itself does not add up (an error there), the
# sentence cannot either, and the text check says so again at the section that restates it
RESTATES = {
    REF["text_budget"]: {"expense-total-mismatch", "basic-classes-mismatch", "income-total-mismatch"},
    REF["text_final"]: {"expense-total-mismatch", "basic-total-mismatch", "share-mismatch", "income-increase-mismatch"},
    REF["text_sangong"]: {"sangong-total-mismatch", "sangong-diff-mismatch"},
    REF["text_procurement"]: {"procurement-total-mismatch"},
    REF["text_assets"]: {"net-assets-mismatch"},
}


def cli(*args, cwd=None):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "perfxl", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=180, cwd=cwd)


def findings(path) -> set:
    res = cli("check", path, "--format", "json")
    assert res.returncode in (0, 1), res.stderr
    return {(f["code"], f["sheet"], f["cell"]) for f in json.loads(res.stdout)}


def text_findings(path) -> set:
    return {f for f in findings(path) if f[0].startswith("text-")}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_generated_report_read_back_has_no_finding_in_its_text(path, tmp_path):
    book = tmp_path / path.name
    shutil.copy(path, book)
    report = tmp_path / "报告.docx"
    res = cli("report", book, "-o", report, "--force")
    assert res.returncode == 0 and report.exists(), res.stdout + res.stderr
    back = tmp_path / "读回.xlsx"
    res = cli("import-text", report, book, "-o", back)
    assert res.returncode == 0, res.stderr
    after = text_findings(back)
    tables = {code for code, _s, _c in findings(path)}
    in_text = {f for f in after if (f[1], f[2]) in TEXT_CELLS and not RESTATES.get(f[2], set()) & tables}
    assert not in_text, in_text  # every figure sentence is the tables': nothing to find unless the table is wrong
    assert {f for f in after if (f[1], f[2]) not in TEXT_CELLS} <= text_findings(path)  # the accountant's prose


def test_report_refuses_a_workbook_with_errors_unless_forced(tmp_path):
    out = tmp_path / "seed.docx"
    res = cli("report", SEED, "-o", out)
    assert res.returncode == 1 and "错误" in res.stderr and "--force" in res.stderr and not out.exists()
    res = cli("report", SEED, "-o", out, "--force")
    assert res.returncode == 0
    page1 = "".join(p.text for p in docx.Document(out).paragraphs[:6])
    assert "未经核实" in page1 and "衡山县科技和工业信息化局" in page1
    assert cli("report", SEED, "-o", out, "--force").returncode == 2  # never over an existing file …
    assert cli("report", SEED, "-o", out, "--force", "--overwrite").returncode == 0  # … unless asked


def test_the_report_has_the_seeds_chapters_and_its_form(tmp_path):
    out = tmp_path / "seed.docx"
    assert cli("report", SEED, "-o", out, "--force").returncode == 0
    d = docx.Document(out)
    text = "\n".join(p.text for p in d.paragraphs)
    for heading in ("一、单位基本情况", "二、预算支出及绩效情况", "三、存在的主要问题及下一步改进措施", "四、其他需要说明的情况", "附件"):
        assert heading in text
    assert "总支出4601.00万元" in text and "占总支出的89.04%" in text  # from the tables, not the prose's 893.04%
    assert "4602.31" not in text and "893.04" not in text
    assert len(d.tables) == 1 and "项目资金" in "".join(c.text for c in d.tables[0].rows[2].cells)


def test_import_text_of_the_seed_report_then_check_finds_its_text_errors(tmp_path):
    from tests.io.word.word_builders import build_seed_docx

    report = build_seed_docx(tmp_path / "seed.docx")
    blank = tmp_path / "部门.xlsx"
    assert cli("template", "-o", blank).returncode == 0
    wb = load_workbook(SEED)  # the tables as the seed's workbook has them, the text from the Word report
    target = load_workbook(blank)
    for sheet in (L.SHEET_BASIC, L.SHEET_FIN, L.SHEET_PROJECT):
        for row in wb[sheet].iter_rows():
            for c in row:
                if type(c).__name__ != "MergedCell" and c.value is not None:
                    target[sheet][c.coordinate].value = c.value
    target.save(blank)
    res = cli("import-text", report, blank)
    assert res.returncode == 0 and "报告正文!B9" in res.stdout, res.stdout + res.stderr
    got = load_workbook(blank)[L.SHEET_TEXT]
    assert "4602.31" in got["B9"].value and "893.04%" in got["B5"].value
    found = text_findings(blank)
    assert ("text-share-mismatch", "报告正文", "B5") in found
    assert {c for c, s, cell in found if cell == "B9"} == {"text-figure-inconsistent"}


@pytest.mark.libreoffice
def test_the_report_converts_to_pdf(tmp_path):
    office = soffice()
    if office is None:
        pytest.skip("LibreOffice (soffice) is not on PATH")
    out = tmp_path / "报告.docx"
    assert cli("report", EXAMPLES[0], "-o", out, "--force").returncode == 0
    res = subprocess.run([office, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to",
                          "pdf", "--outdir", str(tmp_path), str(out)], capture_output=True, text=True, timeout=240,
                         env={**os.environ, "HOME": str(tmp_path)})
    pdf = tmp_path / "报告.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000, res.stdout + res.stderr
