"""MS-OVBA 2.4.1 compression: round trips, long modules, and oletools' decompressor agrees."""

from __future__ import annotations

import io
import zipfile

import olefile
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import decompress_stream

from perfxl.excel.addin.ovba import compress
from tests.excel.ovba_reader import decompress

import xlwings
from pathlib import Path

XLWINGS_DIR = Path(xlwings.__file__).parent
SHIPPED_XLAM = XLWINGS_DIR / "addin" / "xlwings.xlam"

VBA_FILES = sorted(p for p in XLWINGS_DIR.rglob("*") if p.suffix in {".bas", ".cls"})


def roundtrip(data: bytes) -> None:
    packed = compress(data)
    assert decompress(packed) == data
    if data:  # olevba cannot take an empty container
        assert decompress_stream(bytearray(packed)) == data


@pytest.mark.parametrize("size", [0, 1, 2, 3, 659, 660, 661, 1000, 4095, 4096, 4097, 8192, 12289, 70000])
def test_text_of_every_size_band(size):
    text = (b"Sub Foo()\r\n    Debug.Print \"hello\" & i\r\nEnd Sub\r\n' comment %d\r\n" * 2000)[:size]
    roundtrip(text)


@pytest.mark.parametrize("size", [3641, 3700, 3900, 4095, 4096, 4097, 9000])
def test_incompressible_data(size):
    import random

    rnd = random.Random(size)
    roundtrip(bytes(rnd.getrandbits(8) for _ in range(size)))


def test_repetitive_data_uses_long_copy_tokens():
    data = b"A" * 100_000
    packed = compress(data)
    assert len(packed) < 2_000
    roundtrip(data)


@pytest.mark.parametrize("path", VBA_FILES, ids=lambda p: p.name)
def test_xlwings_vba_sources(path):
    """xlwings' own VBA: up to 117 KB (WebHelpers.bas); the ms-ovba-compression bug hits > ~660 B."""
    roundtrip(path.read_bytes())


def test_largest_xlwings_module_is_large():
    assert max(p.stat().st_size for p in VBA_FILES) > 100_000


def test_decompresses_excel_made_streams_like_olevba(dir_parser):
    """Every compressed stream Excel wrote into xlwings.xlam decompresses identically."""
    with zipfile.ZipFile(SHIPPED_XLAM) as zf:
        ole = olefile.OleFileIO(io.BytesIO(zf.read("xl/vbaProject.bin")))
    raw_dir = ole.openstream("VBA/dir").read()
    assert decompress(raw_dir) == decompress_stream(bytearray(raw_dir))
    modules = dir_parser(decompress(raw_dir))["modules"]
    assert len(modules) == 15
    for module in modules:
        stream = ole.openstream("VBA/" + module["stream"]).read()[module["offset"]:]
        assert decompress(stream) == decompress_stream(bytearray(stream))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=10_000))
def test_roundtrip_any_bytes(data):
    roundtrip(data)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab \r\nSubEnd()'\"", max_size=20_000))
def test_roundtrip_low_entropy_text(text):
    roundtrip(text.encode("ascii"))


def test_rejects_garbage():
    with pytest.raises(ValueError):
        decompress(b"\x02\x00")
    with pytest.raises(ValueError):
        decompress(b"\x01\xff\xff")
