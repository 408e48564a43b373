"""Build a source-only ``vbaProject.bin`` (MS-OVBA) from VBA module texts.

The record set, reference strings and document-module attributes mirror the Excel-made
projects shipped in xlwings 0.37.8 (``addin/xlwings.xlam``).  No performance cache is
written (``_VBA_PROJECT`` is the 7-byte header with version 0xFFFF, every MODULEOFFSET is
0), so Office compiles the project from source when it opens the file (MS-OVBA 2.3.4.1).
Output is deterministic: the project ID and the CMG/DPB/GC seeds derive from the content.
"""

from __future__ import annotations

import hashlib
import re
import struct
import uuid
from dataclasses import dataclass
from typing import Literal

from .cfb import write_cfb
from .ovba import compress

ModuleKind = Literal["procedural", "class", "document"]

CODEPAGE = 1252
LCID = 0x0409
SYSKIND_WIN64 = 0x03  # as in xlwings.xlam; Office recompiles for 32-bit hosts from source
VBA_PROJECT_STREAM = bytes.fromhex("CC61FFFF000100")
# PROJECTVERSION as written by the Excel that saved xlwings.xlam (any value is accepted).
VERSION_MAJOR, VERSION_MINOR = 0x6B4FEF4C, 0x0008

# References exactly as in xlwings 0.37.8's addin/xlwings.xlam: OLE Automation and the
# Office object library (the latter declares IRibbonControl).  Office resolves them by
# GUID and version; the paths are hints.
REFERENCES: tuple[tuple[str, str], ...] = (
    ("stdole", r"*\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\Windows\System32\stdole2.tlb#OLE Automation"),
    (
        "Office",
        r"*\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#C:\Program Files\Common Files"
        r"\Microsoft Shared\OFFICE16\MSO.DLL#Microsoft Office 16.0 Object Library",
    ),
)

WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"
WORKSHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"
CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"

_NAME_RE = re.compile(r'^Attribute VB_Name = "([^"]+)"', re.MULTILINE)


@dataclass(frozen=True)
class Module:
    """One VBA module: ``source`` is the stored text, ``Attribute VB_Name`` line first."""

    name: str
    kind: ModuleKind
    source: str


def crlf(text: str) -> str:
    """Normalise line ends to CRLF and end with exactly one line end."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    return text.replace("\n", "\r\n") + "\r\n"


def procedural_module(text: str) -> Module:
    """A standard module from .bas text as VBE exports it (starts with Attribute VB_Name)."""
    text = crlf(text)
    match = _NAME_RE.match(text)
    if not match:
        raise ValueError('a .bas module must start with Attribute VB_Name = "..."')
    return Module(match.group(1), "procedural", text)


def class_module(text: str) -> Module:
    """A class module from .cls text: drop the VERSION/BEGIN..END header and add the
    attributes that VBE stores for an imported class (as in xlwings' quickstart add-ins)."""
    lines = crlf(text).split("\r\n")[:-1]
    if lines and lines[0].startswith("VERSION "):
        end = lines.index("END")
        lines = lines[end + 1:]
    attrs: list[str] = []
    while lines and lines[0].startswith("Attribute VB_"):
        attrs.append(lines.pop(0))
    match = _NAME_RE.match(attrs[0]) if attrs else None
    if not match:
        raise ValueError('a .cls module must have Attribute VB_Name = "..." after its header')
    values = dict(a.split(" = ", 1) for a in attrs)
    values.setdefault("Attribute VB_Base", f'"{CLASS_BASE}"')
    values.setdefault("Attribute VB_TemplateDerived", "False")
    values.setdefault("Attribute VB_Customizable", "False")
    order = [
        "Attribute VB_Name", "Attribute VB_Base", "Attribute VB_GlobalNameSpace",
        "Attribute VB_Creatable", "Attribute VB_PredeclaredId", "Attribute VB_Exposed",
        "Attribute VB_TemplateDerived", "Attribute VB_Customizable",
    ]
    keys = [k for k in order if k in values] + [k for k in values if k not in order]
    head = [f"{k} = {values[k]}" for k in keys]
    return Module(match.group(1), "class", "\r\n".join(head + lines) + "\r\n")


def document_module(name: str, base: str, code: str = "") -> Module:
    """A document module (ThisWorkbook: ``WORKBOOK_BASE``; a worksheet: ``WORKSHEET_BASE``)."""
    head = (
        f'Attribute VB_Name = "{name}"\r\n'
        f'Attribute VB_Base = "{base}"\r\n'
        "Attribute VB_GlobalNameSpace = False\r\n"
        "Attribute VB_Creatable = False\r\n"
        "Attribute VB_PredeclaredId = True\r\n"
        "Attribute VB_Exposed = True\r\n"
        "Attribute VB_TemplateDerived = False\r\n"
        "Attribute VB_Customizable = True\r\n"
    )
    return Module(name, "document", head + (crlf(code) if code.strip() else ""))


# --- PROJECT stream -------------------------------------------------------------------


def _encrypt(data: bytes, project_id: str, seed: int, ignored: bytes) -> str:
    """MS-OVBA 2.4.3.2 data encryption, returned as the upper-case hex of the PROJECT line."""
    version = 2
    proj_key = sum(project_id.encode("ascii")) & 0xFF
    out = bytearray([seed, seed ^ version, seed ^ proj_key])
    unencrypted1, encrypted1, encrypted2 = proj_key, out[2], out[1]
    plain = ignored[: (seed & 6) // 2] + struct.pack("<I", len(data)) + data
    for byte in plain:
        enc = byte ^ ((encrypted2 + unencrypted1) & 0xFF)
        out.append(enc)
        encrypted2, encrypted1, unencrypted1 = encrypted1, enc, byte
    return out.hex().upper()


def project_id(name: str, modules: list[Module]) -> str:
    digest = hashlib.sha256(name.encode())
    for m in modules:
        digest.update(b"\0" + m.name.encode() + b"\0" + m.kind.encode() + b"\0" + m.source.encode())
    return "{" + str(uuid.UUID(bytes=digest.digest()[:16], version=4)).upper() + "}"


def project_stream(name: str, modules: list[Module], pid: str) -> bytes:
    seeds = hashlib.sha256(pid.encode()).digest()
    lines = [f'ID="{pid}"']
    for m in modules:
        if m.kind == "document":
            lines.append(f"Document={m.name}/&H00000000")
        elif m.kind == "class":
            lines.append(f"Class={m.name}")
        else:
            lines.append(f"Module={m.name}")
    lines += [
        f'Name="{name}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        # CMG: protection state 0 (none); DPB: password 0x00 (none); GC: 0xFF (visible).
        f'CMG="{_encrypt(bytes(4), pid, seeds[0], seeds[10:13])}"',
        f'DPB="{_encrypt(bytes(1), pid, seeds[1], seeds[13:16])}"',
        f'GC="{_encrypt(bytes([0xFF]), pid, seeds[2], seeds[16:19])}"',
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
    ]
    lines += [f"{m.name}=0, 0, 0, 0, C" for m in modules]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("cp1252")


def projectwm_stream(modules: list[Module]) -> bytes:
    out = bytearray()
    for m in modules:
        out += m.name.encode("cp1252") + b"\0" + m.name.encode("utf-16-le") + b"\0\0"
    return bytes(out + b"\0\0")


# --- dir stream -----------------------------------------------------------------------


def _rec(rid: int, data: bytes = b"") -> bytes:
    return struct.pack("<HI", rid, len(data)) + data


def _u32(v: int) -> bytes:
    return struct.pack("<I", v)


def _text_pair(rid: int, rid_unicode: int, text: str) -> bytes:
    return _rec(rid, text.encode("cp1252")) + _rec(rid_unicode, text.encode("utf-16-le"))


def dir_stream(name: str, modules: list[Module]) -> bytes:
    """The decompressed ``VBA/dir`` stream (MS-OVBA 2.3.4.2)."""
    out = bytearray()
    out += _rec(0x01, _u32(SYSKIND_WIN64))
    out += _rec(0x02, _u32(LCID))
    out += _rec(0x14, _u32(LCID))  # LCIDINVOKE
    out += _rec(0x03, struct.pack("<H", CODEPAGE))
    out += _rec(0x04, name.encode("cp1252"))
    out += _text_pair(0x05, 0x40, "")  # DOCSTRING
    out += _text_pair(0x06, 0x3D, "")  # HELPFILEPATH (HelpFile1, HelpFile2)
    out += _rec(0x07, _u32(0))  # HELPCONTEXT
    out += _rec(0x08, _u32(0))  # LIBFLAGS
    out += struct.pack("<HIIH", 0x09, 4, VERSION_MAJOR, VERSION_MINOR)  # VERSION
    out += _text_pair(0x0C, 0x3C, "")  # CONSTANTS
    for ref_name, libid in REFERENCES:
        out += _text_pair(0x16, 0x3E, ref_name)  # REFERENCENAME
        lib = libid.encode("cp1252")
        body = _u32(len(lib)) + lib + _u32(0) + struct.pack("<H", 0)
        out += _rec(0x0D, body)  # REFERENCEREGISTERED
    out += _rec(0x0F, struct.pack("<H", len(modules)))  # PROJECTMODULES
    out += _rec(0x13, struct.pack("<H", 0xFFFF))  # PROJECTCOOKIE ("MUST be 0xFFFF on write")
    for m in modules:
        out += _text_pair(0x19, 0x47, m.name)  # MODULENAME, MODULENAMEUNICODE
        out += _text_pair(0x1A, 0x32, m.name)  # MODULESTREAMNAME
        out += _text_pair(0x1C, 0x48, "")  # MODULEDOCSTRING
        out += _rec(0x31, _u32(0))  # MODULEOFFSET: source at the start, no cache
        out += _rec(0x1E, _u32(0))  # MODULEHELPCONTEXT
        out += _rec(0x2C, struct.pack("<H", 0xFFFF))  # MODULECOOKIE
        out += _rec(0x21 if m.kind == "procedural" else 0x22)  # MODULETYPE
        out += _rec(0x2B)  # terminator
    out += _rec(0x10)  # dir terminator (Reserved = 0)
    return bytes(out)


def _check(modules: list[Module]) -> None:
    names = [m.name.upper() for m in modules]
    if len(set(names)) != len(names):
        raise ValueError("duplicate VBA module names")
    for m in modules:
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,30}", m.name):
            raise ValueError(f"invalid VBA module name {m.name!r}")
        if not m.source.isascii():
            bad = next(c for c in m.source if not c.isascii())
            raise ValueError(f"VBA module {m.name} contains non-ASCII text ({bad!r}); keep VBA source ASCII")
        if "\n" in m.source.replace("\r\n", "") or "\r" in m.source.replace("\r\n", ""):
            raise ValueError(f"VBA module {m.name} must use CRLF line ends")
        if not m.source.startswith(f'Attribute VB_Name = "{m.name}"\r\n'):
            raise ValueError(f"VBA module {m.name} must start with its Attribute VB_Name line")


def build_vba_project(modules: list[Module], name: str = "perfxl") -> bytes:
    """Return the bytes of ``vbaProject.bin`` holding ``modules`` (document modules first)."""
    modules = list(modules)
    _check(modules)
    pid = project_id(name, modules)
    streams = {
        "PROJECT": project_stream(name, modules, pid),
        "PROJECTwm": projectwm_stream(modules),
        "VBA/_VBA_PROJECT": VBA_PROJECT_STREAM,
        "VBA/dir": compress(dir_stream(name, modules)),
    }
    for m in modules:
        streams["VBA/" + m.name] = compress(m.source.encode("cp1252"))
    return write_cfb(streams)
