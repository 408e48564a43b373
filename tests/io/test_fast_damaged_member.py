"""The batch reader skips the up-front CRC test of every zip member: a damaged member must still
make the file unusable (one clear message), never read as empty cells."""
import shutil
import zipfile

import pytest

from perfxl.batch import read_one
from perfxl.io.extract import read_department
from perfxl.io.fast import FastBook
from perfxl.io.protocol import UnusableWorkbook
from tests.tests_helpers import EXAMPLES


def _damage(tmp_path, member="xl/worksheets/sheet3.xml"):
    src = EXAMPLES / "衡山县农业农村局-2022.xlsx"
    path = tmp_path / "damaged.xlsx"
    shutil.copy(src, path)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 20, start + 60):  # flip bytes inside the compressed data
        data[k] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def test_damaged_member_is_unusable_not_empty(tmp_path):
    path = _damage(tmp_path)
    with pytest.raises(UnusableWorkbook) as exc:
        read_department(FastBook(path))
    assert "damaged.xlsx" in exc.value.message


def test_batch_reports_the_damaged_file(tmp_path):
    facts = read_one(str(_damage(tmp_path)))
    assert facts.record is None and "damaged.xlsx" in facts.unusable
