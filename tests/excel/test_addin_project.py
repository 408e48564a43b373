"""PROJECT, PROJECTwm and _VBA_PROJECT streams (MS-OVBA 2.3.1, 2.3.3, 2.3.4.1, 2.4.3)."""

from __future__ import annotations

import io
import re

import olefile
import pytest

from tests.excel.ovba_reader import decrypt


def stream(vba_bin: bytes, name: str) -> bytes:
    return olefile.OleFileIO(io.BytesIO(vba_bin)).openstream(name).read()


def project_lines(vba_bin: bytes) -> list[str]:
    raw = stream(vba_bin, "PROJECT")
    text = raw.decode("cp1252")
    assert "\n" not in text.replace("\r\n", "")
    return text.split("\r\n")


def test_vba_project_stream_is_source_only(vba_bin):
    assert stream(vba_bin, "VBA/_VBA_PROJECT") == bytes.fromhex("CC61FFFF000100")


def test_project_stream(vba_bin, built_modules):
    lines = project_lines(vba_bin)
    assert re.fullmatch(r'ID="\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}"', lines[0])
    expected = []
    for m in built_modules:
        expected.append(
            f"Document={m.name}/&H00000000" if m.kind == "document"
            else f"Class={m.name}" if m.kind == "class" else f"Module={m.name}"
        )
    assert lines[1:1 + len(built_modules)] == expected
    assert lines[1] == "Document=ThisWorkbook/&H00000000"
    rest = lines[1 + len(built_modules):]
    assert rest[:3] == ['Name="perfxl"', 'HelpContextID="0"', 'VersionCompatible32="393222000"']
    assert "[Host Extender Info]" in rest
    assert "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000" in rest
    workspace = rest[rest.index("[Workspace]") + 1:]
    assert workspace[: len(built_modules)] == [f"{m.name}=0, 0, 0, 0, C" for m in built_modules]
    assert workspace[len(built_modules):] == ["", ""]  # ends with an empty line, as Excel writes


@pytest.mark.parametrize("key,plain", [("CMG", bytes(4)), ("DPB", b"\0"), ("GC", b"\xff")])
def test_protection_fields_decrypt_to_no_protection(vba_bin, key, plain):
    values = dict(line.split("=", 1) for line in project_lines(vba_bin) if line.startswith(key + "="))
    assert decrypt(values[key].strip('"')) == plain


def test_decrypt_matches_excel_made_values():
    """Values Excel wrote into xlwings' quickstart add-in (quickstart_addin_ribbon.xlam)."""
    assert decrypt("5D5F8AADDAA8DEA8DEA8DEA8DE") == bytes(4)
    assert decrypt("5D5F8AADDAADDBADDB52") == b"\xff"


def test_project_key_is_derived_from_the_id(vba_bin):
    lines = project_lines(vba_bin)
    pid = lines[0][4:-1]
    cmg = bytes.fromhex(dict(l.split("=", 1) for l in lines if "=" in l)["CMG"].strip('"'))
    assert cmg[2] ^ cmg[0] == sum(pid.encode()) & 0xFF


def test_projectwm(vba_bin, built_modules):
    expected = b"".join(m.name.encode() + b"\0" + m.name.encode("utf-16-le") + b"\0\0" for m in built_modules)
    assert stream(vba_bin, "PROJECTwm") == expected + b"\0\0"
