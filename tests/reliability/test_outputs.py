"""Item 9: outputs that cannot be written — a folder, a read-only folder, a full disk, a name too long,
a parent that is a file, one of the inputs (also through a symlink or a hard link) — give OutputError,
one Chinese sentence naming the output; atomic_write never leaves a temporary file, keeps a replaced
file's mode, follows the umask for a new one, and writes through a symlink to its target."""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

from tests.reliability.runner import fork_many
from perfxl.io.files import TEMP_PREFIX, OutputError, atomic_write, check_output_path


def _temps(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]


def _write(text: str):
    return lambda tmp: Path(tmp).write_text(text, encoding="utf-8")


def _one_sentence(exc: OutputError, name: str) -> None:
    assert "\n" not in exc.message and name in exc.message and "请" in exc.message, exc.message
    assert "Error" not in exc.message and "Errno" not in exc.message, exc.message


# ---------------------------------------------------------------------------- atomic_write


def test_new_file_follows_the_umask_and_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "a.txt"
    atomic_write(target, _write("one"))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    os.chmod(target, 0o640)
    atomic_write(target, _write("two"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() == "two"
    assert not _temps(tmp_path)


def test_writes_through_a_symlink_to_its_target(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write(link, _write("new"))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new" and not _temps(tmp_path)


def test_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "made.txt")
    atomic_write(link, _write("x"))
    assert link.is_symlink() and (tmp_path / "made.txt").read_text() == "x"


@pytest.mark.parametrize("exc", [OSError(errno.ENOSPC, "No space left on device"),
                                 OSError(errno.EDQUOT, "Disk quota exceeded"),
                                 OSError(errno.EIO, "Input/output error")])
def test_disk_full_while_writing(tmp_path, exc):
    target = tmp_path / "out.xlsx"
    target.write_text("previous")

    def write(tmp):
        Path(tmp).write_bytes(b"partial")
        raise exc

    with pytest.raises(OutputError) as err:
        atomic_write(target, write)
    _one_sentence(err.value, "out.xlsx")
    if exc.errno == errno.ENOSPC:
        assert "磁盘空间不足" in err.value.message
    assert target.read_text() == "previous" and not _temps(tmp_path)


def test_disk_full_at_the_rename(tmp_path, monkeypatch):
    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OutputError) as err:
        atomic_write(tmp_path / "out.xlsx", _write("x"))
    assert "磁盘空间不足" in err.value.message and not _temps(tmp_path)


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, SystemExit, RuntimeError])
def test_interrupted_write_leaves_nothing(tmp_path, interrupt):
    target = tmp_path / "out.xlsx"

    def write(tmp):
        Path(tmp).write_bytes(b"half")
        raise interrupt()

    with pytest.raises(interrupt):
        atomic_write(target, write)
    assert not target.exists() and not _temps(tmp_path)


def test_read_only_folder(tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(OutputError) as err:
        atomic_write(tmp_path / "out.xlsx", _write("x"))
    _one_sentence(err.value, "out.xlsx")
    assert "没有写入权限" in err.value.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_for_real(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError):
            check_output_path(folder / "out.xlsx")
        with pytest.raises(OutputError):
            atomic_write(folder / "out.xlsx", _write("x"))
    finally:
        folder.chmod(0o755)


def test_target_is_a_folder(tmp_path):
    (tmp_path / "out.xlsx").mkdir()
    with pytest.raises(OutputError) as err:
        atomic_write(tmp_path / "out.xlsx", _write("x"))
    assert "文件夹" in err.value.message and not _temps(tmp_path)


def test_name_too_long(tmp_path):
    target = tmp_path / ("长" * 200 + ".xlsx")
    with pytest.raises(OutputError) as err:
        atomic_write(target, _write("x"))
    assert "过长" in err.value.message and len(err.value.message) < 200 and not _temps(tmp_path)
    with pytest.raises(OutputError):
        check_output_path(target)


def test_parent_is_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError) as err:
        atomic_write(tmp_path / "file" / "out.xlsx", _write("x"))
    assert "文件而不是文件夹" in err.value.message
    with pytest.raises(OutputError) as err:
        check_output_path(tmp_path / "file" / "deeper" / "out.xlsx")
    assert "文件而不是文件夹" in err.value.message


# ---------------------------------------------------------------------------- check_output_path


def test_check_accepts_a_plain_new_file_and_a_creatable_folder(tmp_path):
    assert check_output_path(tmp_path / "out.xlsx") == tmp_path / "out.xlsx"
    assert check_output_path(tmp_path / "new" / "deeper" / "out.xlsx")
    (tmp_path / "old.xlsx").write_text("x")
    assert check_output_path(tmp_path / "old.xlsx")


def test_check_refuses_an_input_also_through_links(tmp_path):
    src = tmp_path / "in.xlsx"
    src.write_text("x")
    (tmp_path / "hard.xlsx").hardlink_to(src)
    (tmp_path / "soft.xlsx").symlink_to(src)
    for out in (src, tmp_path / "hard.xlsx", tmp_path / "soft.xlsx", tmp_path / "." / "in.xlsx"):
        with pytest.raises(OutputError) as err:
            check_output_path(out, inputs=[src])
        _one_sentence(err.value, out.name)
        assert "输入文件" in err.value.message
    with pytest.raises(OutputError):
        check_output_path(src, inputs=[tmp_path / "hard.xlsx"])


def test_check_refuses_folder_fifo_and_unwritable(tmp_path, monkeypatch):
    (tmp_path / "dir.xlsx").mkdir()
    with pytest.raises(OutputError):
        check_output_path(tmp_path / "dir.xlsx")
    with pytest.raises(OutputError):
        check_output_path(str(tmp_path) + os.sep)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.xlsx")
        with pytest.raises(OutputError) as err:
            check_output_path(tmp_path / "fifo.xlsx")
        assert "不是普通文件" in err.value.message
    (tmp_path / "ro.xlsx").write_text("x")
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    with pytest.raises(OutputError) as err:
        check_output_path(tmp_path / "ro.xlsx")
    assert "只读" in err.value.message
    with pytest.raises(OutputError) as err:
        check_output_path(tmp_path / "missing" / "out.xlsx")
    assert "写入权限" in err.value.message


def test_output_error_is_a_value_error():
    """So the commands that report a ValueError as one line (fill, add-project) already show it."""
    assert issubclass(OutputError, ValueError) and not issubclass(OutputError, OSError)


# ---------------------------------------------------------------------------- through the doors


def test_fill_and_api_report_output_problems(tmp_path, small_dept, monkeypatch):
    import perfxl

    (tmp_path / "dir.xlsx").mkdir()
    (tmp_path / "file").write_text("x")
    cases = {"dir": tmp_path / "dir.xlsx", "long": tmp_path / ("名" * 200 + ".xlsx"),
             "parent-file": tmp_path / "file" / "out.xlsx"}
    runs = fork_many([["fill", small_dept, "-o", out] for out in cases.values()], timeout=60)
    for (name, out), run in zip(cases.items(), runs):
        assert run.returncode == 2 and "Traceback" not in run.both, (name, run.both[-2000:])
        lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and "输出" in lines[0], (name, run.stderr)
    assert not _temps(tmp_path)

    def full(self, tmp):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", full)
    with pytest.raises(OutputError) as err:
        perfxl.fill(small_dept, tmp_path / "out.xlsx")
    assert "磁盘空间不足" in err.value.message and not _temps(tmp_path)


def test_in_place_through_a_symlink_changes_the_target_keeps_the_link(tmp_path, small_dept):
    link = tmp_path / "link.xlsx"
    link.symlink_to(small_dept)
    before = small_dept.read_bytes()
    run = fork_many([["fill", link, "--in-place"]])[0]
    assert run.returncode == 0, run.both[-2000:]
    assert link.is_symlink() and Path(os.readlink(link)) == small_dept
    assert small_dept.read_bytes() != before  # the derived cells were written into the target
    assert not _temps(tmp_path)
