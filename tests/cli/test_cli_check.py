"""perfxl check through the command line: exit codes, JSON, --annotate, and bad cells as findings."""
import json
import os
import subprocess
import sys

from openpyxl import load_workbook

import perfxl
from perfxl.io.files import sha256
from tests.tests_helpers import SMALL_DEPT, make_workbook


def run(*args):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "perfxl", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120)


def test_clean_filled_workbook_exits_0(small_dept, tmp_path):
    out = tmp_path / "filled.xlsx"
    assert run("fill", small_dept, "-o", out).returncode == 0
    res = run("check", out)
    assert res.returncode == 0, res.stdout
    assert "未发现问题" in res.stdout


def test_unfilled_workbook_has_only_infos_and_exits_0(small_dept):
    res = run("check", small_dept, "--format", "json")
    rows = json.loads(res.stdout)
    assert res.returncode == 0
    assert {r["severity"] for r in rows} == {"info"} and {r["code"] for r in rows} == {"derived-missing"}


def _bad_cells(tmp_path):
    values = dict(SMALL_DEPT)
    values[("预决算", "B11")] = "约一百万"  # text where a number belongs
    values[("预决算", "B44")] = -50  # negative liabilities
    values[("预决算", "B46")] = 123456789  # absurd: 1.2 trillion yuan
    values[("项目自评表", "E6")] = "#DIV/0!"
    path = make_workbook(tmp_path / "bad-cells.xlsx", values)
    wb = load_workbook(path)
    wb["项目自评表"]["E6"].data_type = "e"  # a real Excel error value, as Excel saves it
    wb.save(path)
    return path


def test_bad_cells_are_findings_naming_the_cell(tmp_path):
    path = _bad_cells(tmp_path)
    before = sha256(path)
    res = run("check", path, "--format", "json")
    assert res.returncode == 1, res.stderr
    rows = json.loads(res.stdout)
    got = {(r["code"], r["sheet"], r["cell"]) for r in rows}
    assert ("cell-unreadable", "预决算", "B11") in got
    assert ("amount-negative", "预决算", "B44") in got
    assert ("amount-absurd", "预决算", "B46") in got
    assert ("cell-error-value", "项目自评表", "E6") in got
    unreadable = next(r for r in rows if r["cell"] == "B11" and r["code"] == "cell-unreadable")
    assert "约一百万" in unreadable["message"] and unreadable["file"] == "bad-cells.xlsx"
    # a sum with an unreadable addend is not reported as wrong
    assert not any(r["code"] == "expense-total-mismatch" and r["cell"] == "B9" for r in rows)
    assert sha256(path) == before


def test_json_fields(tmp_path):
    rows = json.loads(run("check", _bad_cells(tmp_path), "--format", "json").stdout)
    for r in rows:
        assert r["severity"] in ("error", "warning", "info")
        assert {"code", "file", "sheet", "cell", "message", "expected", "actual"} <= r.keys()


def test_annotate_writes_a_marked_copy_and_leaves_the_input(tmp_path):
    path = _bad_cells(tmp_path)
    before = sha256(path)
    out = tmp_path / "annotated.xlsx"
    res = run("check", path, "--annotate", out)
    assert res.returncode == 1 and out.exists()
    assert sha256(path) == before
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "校验结果"
    ws = wb["校验结果"]
    header = [c.value for c in ws[1]]
    assert header[:6] == ["序号", "级别", "代码", "工作表", "单元格", "问题说明"]
    rows = list(ws.iter_rows(min_row=2))
    b11 = next(r for r in rows if r[3].value == "预决算" and r[4].value == "B11")
    assert b11[4].hyperlink.location == "'预决算'!B11" or b11[4].hyperlink.target == "#'预决算'!B11"
    cell = wb["预决算"]["B11"]
    assert cell.comment is not None and "约一百万" in cell.comment.text
    assert cell.fill.fgColor.rgb.endswith("FFC7CE")


def test_annotate_refuses_to_overwrite_the_input(tmp_path):
    path = _bad_cells(tmp_path)
    res = run("check", path, "--annotate", path)
    assert res.returncode == 2 and "不会覆盖" in res.stderr


def test_unmark_restores_cells(tmp_path):
    from perfxl.io.xlsx import XlsxBook

    path = _bad_cells(tmp_path)
    out = perfxl.annotate_copy(path, tmp_path / "a.xlsx")
    book = XlsxBook(out)
    assert book.unmark() > 0
    book.remove_sheet("校验结果")
    book.save(tmp_path / "b.xlsx")
    wb, orig = load_workbook(tmp_path / "b.xlsx"), load_workbook(path)
    for sheet in ("预决算", "项目自评表"):
        for row in orig[sheet].iter_rows():
            for c in row:
                d = wb[sheet][c.coordinate]
                assert (d.value, d.fill.fgColor.rgb, d.comment) == (c.value, c.fill.fgColor.rgb, None), c.coordinate
    assert "_perfxl_marks" not in wb.sheetnames
