"""Every command that writes refuses, before any work, an output it cannot write or that is an input:
one Chinese line naming the output, exit 2, no traceback, every input byte-identical, no temporary file."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from perfxl.io.files import TEMP_PREFIX, sha256
from tests.cli.test_cli_bad_input import run
from tests.tests_helpers import EXAMPLES

SOURCE = sorted(EXAMPLES.glob("*.xlsx"))[0]

# (command line with {book}/{out}, what the output is) — {out} is replaced per case
COMMANDS = {
    "fill": ["fill", "{book}", "-o", "{out}"],
    "check --annotate": ["check", "{book}", "--annotate", "{out}"],
    "template": ["template", "-o", "{out}", "--force"],
    "add-project -o": ["add-project", "{book}", "-o", "{out}"],
    "policy -o": ["policy", "-o", "{out}"],
    "report": ["report", "{book}", "-o", "{out}", "--force", "--overwrite"],
    "consolidate": ["consolidate", "{book}", "-o", "{out}"],
    "addin build": ["addin", "build", "-o", "{out}"],
}
SUFFIX = {"report": ".docx", "addin build": ".xlam", "policy -o": ".toml"}


def _case(tmp_path: Path, kind: str, suffix: str) -> tuple[Path, str]:
    """An output path of the given kind and the name the message must carry."""
    if kind == "folder":
        folder = tmp_path / f"结果{suffix}"
        folder.mkdir()
        return folder, folder.name
    if kind == "parent-is-file":
        (tmp_path / "文件").write_text("x")
        return tmp_path / "文件" / f"结果{suffix}", f"结果{suffix}"
    if kind == "fifo":
        import os

        fifo = tmp_path / f"管道{suffix}"
        os.mkfifo(fifo)
        return fifo, fifo.name
    raise AssertionError(kind)


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("kind", ["folder", "parent-is-file", "fifo"])
def test_unwritable_output_is_refused_before_work(tmp_path, command, kind):
    book = tmp_path / "部门.xlsx"
    shutil.copy(SOURCE, book)
    before = sha256(book)
    out, name = _case(tmp_path, kind, SUFFIX.get(command, ".xlsx"))
    args = [a.replace("{book}", str(book)).replace("{out}", str(out)) for a in COMMANDS[command]]
    res = run(*args)
    assert res.returncode == 2, (command, kind, res.stdout, res.stderr)
    message = res.stderr.strip()
    assert message.startswith("错误：") and name in message and "请" in message, message
    assert "Traceback" not in res.stderr and "Error" not in message and len(message.splitlines()) == 1, message
    assert sha256(book) == before
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(TEMP_PREFIX)]


@pytest.mark.parametrize("command", ["fill", "check --annotate", "report", "consolidate"])
def test_an_input_through_a_symlink_is_never_the_output(tmp_path, command):
    book = tmp_path / "部门.xlsx"
    shutil.copy(SOURCE, book)
    before = sha256(book)
    link = tmp_path / ("链接.docx" if command == "report" else "链接.xlsx")
    link.symlink_to(book)
    args = [a.replace("{book}", str(book)).replace("{out}", str(link)) for a in COMMANDS[command]]
    res = run(*args)
    assert res.returncode == 2, (command, res.stdout, res.stderr)
    assert "链接" in res.stderr and "Traceback" not in res.stderr, res.stderr
    assert sha256(book) == before and link.is_symlink()


def test_policy_into_and_output_the_same_workbook_is_refused(tmp_path):
    book = tmp_path / "部门.xlsx"
    shutil.copy(SOURCE, book)
    before = sha256(book)
    res = run("policy", "--into", book, "-o", book)
    assert res.returncode == 2 and "部门.xlsx" in res.stderr and "Traceback" not in res.stderr, res.stderr
    assert sha256(book) == before


def test_report_does_not_overwrite_without_asking(tmp_path):
    book = tmp_path / "部门.xlsx"
    shutil.copy(SOURCE, book)
    report = tmp_path / "报告.docx"
    report.write_bytes(b"old")
    res = run("report", book, "-o", report, "--force")
    assert res.returncode == 2 and "--overwrite" in res.stderr, res.stderr
    assert report.read_bytes() == b"old"
