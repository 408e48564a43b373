"""Item 8: inputs that are not regular files — a FIFO, a symlink to /dev/zero, a folder named .xlsx, a
dangling symlink, a symlink loop — are refused at once ("不是普通文件" …), never read or waited on."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tests.reliability.runner import fork_many
from perfxl.io.files import NotRegularFile, sha256, sniff
from perfxl.io.package import open_regular, read_input
from perfxl.io.protocol import UnusableWorkbook

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")

WORDS = {"fifo": "不是普通文件", "zero": "不是普通文件", "folder": "文件夹", "dangling": "不存在", "loop": "符号链接"}


@pytest.fixture
def specials(tmp_path) -> dict[str, Path]:
    os.mkfifo(tmp_path / "fifo.xlsx")
    (tmp_path / "zero.xlsx").symlink_to("/dev/zero")
    (tmp_path / "folder.xlsx").mkdir()
    (tmp_path / "dangling.xlsx").symlink_to(tmp_path / "nowhere.xlsx")
    (tmp_path / "loop.xlsx").symlink_to(tmp_path / "loop.xlsx")
    return {name: tmp_path / f"{name}.xlsx" for name in WORDS}


def _bounded(fn, seconds: float = 10):
    """Run ``fn`` in a thread; fail (instead of hanging the test run) if it blocks."""
    box: dict = {}

    def target():
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001
            box["error"] = exc

    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "blocked on a special file"
    if "error" in box:
        raise box["error"]
    return box.get("value")


@pytest.mark.parametrize("name", sorted(WORDS))
def test_readers_refuse_at_once(specials, name):
    path = specials[name]
    with pytest.raises(UnusableWorkbook) as exc:
        _bounded(lambda: read_input(path))
    assert exc.value.message.startswith(f"{name}.xlsx：") and WORDS[name] in exc.value.message
    assert "\n" not in exc.value.message
    with pytest.raises(UnusableWorkbook):
        _bounded(lambda: sniff(path))


@pytest.mark.parametrize("name", ["fifo", "zero"])
def test_hash_refuses_special_files(specials, name):
    with pytest.raises(NotRegularFile) as exc:
        _bounded(lambda: sha256(specials[name]))
    assert isinstance(exc.value, OSError) and "不是普通文件" in exc.value.strerror


def test_fifo_swapped_in_after_the_check_does_not_block(tmp_path, monkeypatch):
    """Between the stat and the open a FIFO replaces the file: O_NONBLOCK opens it without waiting and
    fstat refuses it."""
    path = tmp_path / "race.xlsx"
    path.write_bytes(b"PK")
    real_open = os.open

    def swap_then_open(p, flags, *args):
        os.unlink(p)
        os.mkfifo(p)
        return real_open(p, flags, *args)

    monkeypatch.setattr(os, "open", swap_then_open)
    with pytest.raises(NotRegularFile):
        _bounded(lambda: open_regular(path))


def test_every_door_refuses_at_once(specials, tmp_path):
    """check, fill, consolidate (a folder holding them all, and each named) and the API."""
    folder = specials["fifo"].parent
    names = sorted(WORDS)
    commands = [["check", specials[n], "--format", "json"] for n in names]
    commands += [["fill", specials[n], "-o", tmp_path / f"out-{n}.xlsx"] for n in names]
    commands += [["consolidate", folder, "-o", tmp_path / "汇总.xlsx"],
                 ["consolidate", *[specials[n] for n in names if n != "folder"], "-o", tmp_path / "汇总2.xlsx"]]
    runs = fork_many(commands, timeout=30)
    for run in runs:
        assert run.returncode in (1, 2), (run.args, run.returncode, run.both[-1000:])
        assert "Traceback" not in run.both, run.both[-3000:]
    for name, run in zip(names, runs):
        assert run.returncode == 2 and WORDS[name] in run.stdout, (name, run.stdout)
    for name, run in zip(names, runs[len(names):]):
        assert run.returncode == 2 and WORDS[name] in run.stderr, (name, run.stderr)
        assert not (tmp_path / f"out-{name}.xlsx").exists()

    import perfxl

    for name in names:
        result = _bounded(lambda: perfxl.check(specials[name]))
        assert WORDS[name] in result.unusable
