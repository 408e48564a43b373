"""Bad input: one clear message naming the file, exit code 2, no traceback, the input unchanged."""
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from perfxl.io.files import sha256


def run(*args, cwd=None):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "perfxl", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


def _text(p):
    p.write_text("单位名称,年度\n测试局,2022\n", encoding="utf-8")


def _truncated(p, src):
    data = Path(src).read_bytes()
    p.write_bytes(data[: len(data) // 2])


def _xls(p):
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)


def _docx(p):
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")


def _encrypted(p, src):
    pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(src, "rb") as fin, open(p, "wb") as fout:
        OOXMLFile(fin).encrypt("secret", fout)


def _not_template(p):
    wb = Workbook()
    wb.active["A1"] = "随便一张表"
    wb.save(p)


def _missing_sheet(p, src):
    wb = load_workbook(src)
    del wb["预决算"]
    wb.save(p)


def _empty(p):
    p.write_bytes(b"")


CASES = {
    "text.xlsx": (_text, "不是 Excel 工作簿"),
    "truncated.xlsx": (_truncated, "损坏"),
    "legacy.xls": (_xls, ".xls"),
    "word.xlsx": (_docx, "xl/workbook.xml"),
    "locked.xlsx": (_encrypted, "密码"),
    "plain.xlsx": (_not_template, "不是 perfxl 标准模板"),
    "nosheet.xlsx": (_missing_sheet, "缺少工作表“预决算”"),
    "empty.xlsx": (_empty, "空的"),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("command", ["check", "fill"])
def test_unusable_file_gets_one_clear_message_and_exit_2(name, command, tmp_path, small_dept):
    make, words = CASES[name]
    path = tmp_path / name
    make(path, small_dept) if make.__code__.co_argcount == 2 else make(path)
    before = sha256(path)
    args = [command, path] + (["-o", tmp_path / "out.xlsx"] if command == "fill" else [])
    res = run(*args)
    assert res.returncode == 2, res.stdout + res.stderr
    both = res.stdout + res.stderr
    assert "Traceback" not in both
    assert name in both and words in both
    assert sha256(path) == before
    assert not (tmp_path / "out.xlsx").exists()


def test_missing_file(tmp_path):
    res = run("check", tmp_path / "nope.xlsx")
    assert res.returncode == 2 and "不存在" in res.stderr and "Traceback" not in res.stderr


def test_json_lists_unusable_files_with_the_common_fields(tmp_path, small_dept):
    bad = tmp_path / "text.xlsx"
    _text(bad)
    res = run("check", small_dept, bad, "--format", "json")
    assert res.returncode == 2
    rows = json.loads(res.stdout)
    assert any(r["code"] == "workbook-unusable" and r["file"] == "text.xlsx" for r in rows)
    for r in rows:
        assert {"code", "severity", "file", "sheet", "cell", "message", "expected", "actual"} <= r.keys()
