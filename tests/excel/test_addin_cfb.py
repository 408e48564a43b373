"""The compound file writer: olefile reads it; the directory is a valid, sorted red-black tree."""

from __future__ import annotations

import io
import struct

import olefile
import pytest

from perfxl.excel.addin.cfb import NOSTREAM, cfb_key, write_cfb

EXPECTED_STREAMS = {
    "PROJECT", "PROJECTwm", "VBA/_VBA_PROJECT", "VBA/dir", "VBA/ThisWorkbook", "VBA/Sheet1",
    "VBA/xlwings", "VBA/Dictionary", "VBA/perfxlRibbon", "VBA/xlwings_udfs",
}


def directory(data: bytes) -> list[dict]:
    ole = olefile.OleFileIO(io.BytesIO(data))
    raw = ole._open(ole.first_dir_sector, force_FAT=True).read()  # noqa: SLF001 - test reads the raw directory
    entries = []
    for i in range(len(raw) // 128):
        e = raw[i * 128:(i + 1) * 128]
        name_len, kind, color, left, right, child = struct.unpack_from("<HBB3I", e, 64)
        entries.append({
            "name": e[:max(name_len - 2, 0)].decode("utf-16-le"), "kind": kind, "color": color,
            "left": left, "right": right, "child": child,
            "ctime": e[100:108], "mtime": e[108:116], "clsid": e[80:96],
        })
    return entries


def check_tree(entries, root_sid):
    """In-order names sorted by CFB rules; valid red-black colouring; returns the in-order names."""
    names = []

    def walk(sid, parent_red):
        if sid == NOSTREAM:
            return 1
        e = entries[sid]
        red = e["color"] == 0
        assert not (red and parent_red), "red node with a red child"
        lb = walk(e["left"], red)
        names.append(e["name"])
        rb = walk(e["right"], red)
        assert lb == rb, "unequal black heights"
        return lb + (0 if red else 1)

    assert root_sid == NOSTREAM or entries[root_sid]["color"] == 1, "tree root must be black"
    walk(root_sid, False)
    assert names == sorted(names, key=cfb_key)
    return names


def test_olefile_reads_every_stream_exactly():
    streams = {"A": b"x" * 10, "PROJECT": b"p" * 4095, "VBA/big": bytes(range(256)) * 40, "VBA/dir": b"\x01" * 64,
               "VBA/empty": b"", "VBA/Sub/deep": b"deep"}
    ole = olefile.OleFileIO(io.BytesIO(write_cfb(streams)), raise_defects=olefile.DEFECT_INCORRECT)
    found = {"/".join(p): ole.openstream("/".join(p)).read() for p in ole.listdir()}
    assert found == streams
    assert ole.get_size("VBA/big") == 10240


def test_vba_project_streams_and_sizes(vba_bin, built_modules):
    ole = olefile.OleFileIO(io.BytesIO(vba_bin), raise_defects=olefile.DEFECT_INCORRECT)
    names = {"/".join(p) for p in ole.listdir()}
    assert names == EXPECTED_STREAMS
    assert ole.get_size("VBA/_VBA_PROJECT") == 7
    assert ole.get_size("VBA/xlwings") > 4096  # regular sectors
    assert ole.get_size("VBA/Sheet1") < 4096  # mini stream
    assert len(vba_bin) % 512 == 0
    assert vba_bin[:8] == bytes.fromhex("D0CF11E0A1B11AE1")
    assert struct.unpack_from("<HH", vba_bin, 24) == (0x3E, 3)  # version 3
    assert struct.unpack_from("<HH", vba_bin, 30) == (9, 6)  # 512-byte sectors, 64-byte mini sectors


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 40])
def test_red_black_tree_for_any_sibling_count(count):
    streams = {f"S/m{i:02d}{'x' * (i % 5)}": b"d" for i in range(count)}
    entries = directory(write_cfb(streams))
    storage = next(e for e in entries if e["name"] == "S")
    assert len(check_tree(entries, storage["child"])) == count


def test_project_directory_is_deterministic_and_valid(vba_bin):
    entries = [e for e in directory(vba_bin)]
    assert entries[0]["name"] == "Root Entry" and entries[0]["kind"] == 5
    root_children = check_tree(entries, entries[0]["child"])
    assert root_children == ["VBA", "PROJECT", "PROJECTwm"]  # shorter first, then upper-case order
    vba = next(e for e in entries if e["name"] == "VBA")
    assert check_tree(entries, vba["child"])[:3] == ["dir", "Sheet1", "xlwings"]
    for e in entries:
        assert e["ctime"] == e["mtime"] == bytes(8)
        assert e["clsid"] == bytes(16)


def test_same_input_same_bytes():
    streams = {"B": b"2" * 5000, "A": b"1", "C/D": b"3" * 100}
    assert write_cfb(streams) == write_cfb(dict(reversed(list(streams.items()))))


def test_rejects_bad_names():
    with pytest.raises(ValueError):
        write_cfb({"x" * 32: b""})
