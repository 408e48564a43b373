"""Fixtures for the add-in tests: a built perfxl.xlam and a stand-in UDF module."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

XLWINGS_DIR = Path(importlib.util.find_spec("xlwings").origin).parent
SHIPPED_XLAM = XLWINGS_DIR / "addin" / "xlwings.xlam"
DEMO_UDFS = textwrap.dedent(
    '''
    import xlwings as xw


    @xw.func
    @xw.arg("actual", doc="实际完成值")
    @xw.arg("target", doc="年度指标值")
    def PERF_DEMO_RATE(actual, target=1):
        """完成率 = 实际完成值 / 年度指标值。"""
        return actual / target


    @xw.func
    def PERF_DEMO_SUM(*values):
        """Sum of "values"."""
        return sum(values)


    def not_a_udf():
        return None
    '''
)


def real_udfs_available() -> bool:
    try:
        return importlib.util.find_spec("perfxl.excel.udfs") is not None
    except ImportError:
        return False


@pytest.fixture(scope="session")
def demo_udf_module(tmp_path_factory) -> str:
    """Name of an importable stand-in UDF module (perfxl_demo_udfs)."""
    folder = tmp_path_factory.mktemp("udfmod")
    (folder / "perfxl_demo_udfs.py").write_text(DEMO_UDFS, encoding="utf-8")
    sys.path.insert(0, str(folder))
    return "perfxl_demo_udfs"


@pytest.fixture(scope="session")
def udf_module(demo_udf_module) -> str:
    """perfxl.excel.udfs once it exists, the stand-in until then."""
    return "perfxl.excel.udfs" if real_udfs_available() else demo_udf_module


@pytest.fixture(scope="session")
def built_xlam(tmp_path_factory, udf_module) -> Path:
    from perfxl.excel.addin.build import build_addin

    return build_addin(tmp_path_factory.mktemp("addin") / "perfxl.xlam", udf_module=udf_module)


@pytest.fixture(scope="session")
def built_modules(udf_module):
    from perfxl.excel.addin.build import vba_modules

    return vba_modules(udf_module=udf_module)


@pytest.fixture(scope="session")
def vba_bin(built_xlam) -> bytes:
    with zipfile.ZipFile(built_xlam) as zf:
        return zf.read("xl/vbaProject.bin")


@pytest.fixture(scope="session")
def shipped_vba_bin() -> bytes:
    with zipfile.ZipFile(SHIPPED_XLAM) as zf:
        return zf.read("xl/vbaProject.bin")


def parse_dir(data: bytes) -> dict:
    """A small reader for a decompressed VBA ``dir`` stream (MS-OVBA 2.3.4.2).

    Returns {"records": [(id, payload), ...], "references": [(name, libid), ...],
    "modules": [{"name", "stream", "offset", "type"}, ...]}.
    """
    import struct

    records = []
    i = 0
    while i < len(data):
        rid, size = struct.unpack_from("<HI", data, i)
        if rid == 0x09:  # PROJECTVERSION: Reserved(4)=4, then VersionMajor(4) + VersionMinor(2)
            size = 6
        records.append((rid, data[i + 6:i + 6 + size]))
        i += 6 + size
        if rid == 0x10:
            break
    assert i == len(data), "trailing bytes after the dir terminator"
    refs, modules, name, current = [], [], None, None
    for rid, payload in records:
        if rid == 0x16:
            name = payload.decode("cp1252")
        elif rid == 0x0D:
            n = struct.unpack_from("<I", payload)[0]
            refs.append((name, payload[4:4 + n].decode("cp1252")))
        elif rid == 0x19:
            current = {"name": payload.decode("cp1252")}
            modules.append(current)
        elif rid == 0x1A:
            current["stream"] = payload.decode("cp1252")
        elif rid == 0x31:
            current["offset"] = struct.unpack("<I", payload)[0]
        elif rid in (0x21, 0x22):
            current["type"] = rid
    return {"records": records, "references": refs, "modules": modules}


@pytest.fixture(scope="session")
def dir_parser():
    return parse_dir
