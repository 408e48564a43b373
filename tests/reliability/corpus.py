"""The bad-file corpus, built in the tests (no committed binaries): damaged zips, XML and zip bombs,
special files, chart sheets, broken and huge defined names, far stray cells, absurd numbers and
32,767-character cells. Each builder writes one file from a good workbook (``src``)."""
from __future__ import annotations

import io
import random
import re
import shutil
import struct
import zipfile
from pathlib import Path

from openpyxl import load_workbook

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10))
          + "]>\n")


# ---------------------------------------------------------------------------- zip plumbing


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i.filename) for i in zf.infolist()}


def write_parts(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def sheet_part(members: dict[str, bytes], sheet: str) -> str:
    """The part name of worksheet ``sheet`` (via workbook.xml and its relationships)."""
    wb = members["xl/workbook.xml"].decode()
    rid = re.search(r'<sheet [^>]*name="%s"[^>]*r:id="([^"]+)"' % re.escape(sheet), wb)
    if rid is None:
        rid = re.search(r'<sheet [^>]*r:id="([^"]+)"[^>]*name="%s"' % re.escape(sheet), wb)
    rels = members["xl/_rels/workbook.xml.rels"].decode()
    target = re.search(r'<Relationship [^>]*Id="%s"[^>]*Target="([^"]+)"' % rid.group(1), rels)
    if target is None:
        target = re.search(r'<Relationship [^>]*Target="([^"]+)"[^>]*Id="%s"' % rid.group(1), rels)
    t = target.group(1)
    return t.lstrip("/") if t.startswith("/") else "xl/" + t


def edit(src: Path, dst: Path, member: str, fn) -> Path:
    members = parts(src)
    members[member] = fn(members[member])
    return write_parts(dst, members)


def _member_data_offset(data: bytes, info: zipfile.ZipInfo) -> int:
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    return info.header_offset + 30 + name_len + extra_len


def _patch_headers(path: Path, member: str, patch) -> Path:
    """Apply ``patch(data, local_header_offset, central_header_offset)`` to the raw bytes of ``path``."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        local = zf.getinfo(member).header_offset
    pos = 0
    while True:  # the member's central directory record
        pos = data.find(b"PK\x01\x02", pos)
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46:pos + 46 + n]) == member.encode():
            break
        pos += 4
    patch(data, local, pos)
    path.write_bytes(bytes(data))
    return path


# ---------------------------------------------------------------------------- damaged zips


def truncated(src: Path, dst: Path, fraction: float) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * fraction)])
    return dst


def flipped(src: Path, dst: Path, member: str) -> Path:
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(member)
    start = _member_data_offset(bytes(data), info)
    for k in range(start + 5, min(start + 45, start + info.compress_size)):
        data[k] ^= 0x5A
    dst.write_bytes(bytes(data))
    return dst


def method(src: Path, dst: Path, compress_type: int) -> Path:
    """Every member with ``compress_type``: 12 bzip2 and 14 lzma (Python can, Excel does not), or
    an unknown method number patched into the headers."""
    members = parts(src)
    if compress_type in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        return write_parts(dst, members, compress_type)
    write_parts(dst, members)
    for name in members:
        def patch(data, local, central):
            struct.pack_into("<H", data, local + 8, compress_type)
            struct.pack_into("<H", data, central + 10, compress_type)
        _patch_headers(dst, name, patch)
    return dst


def bad_crc(src: Path, dst: Path, member: str) -> Path:
    shutil.copyfile(src, dst)

    def patch(data, local, central):
        crc = struct.unpack_from("<I", data, local + 14)[0] ^ 0xDEADBEEF
        struct.pack_into("<I", data, local + 14, crc)
        struct.pack_into("<I", data, central + 16, crc)
    return _patch_headers(dst, member, patch)


def declared_size(src: Path, dst: Path, member: str, size: int) -> Path:
    """The member's declared uncompressed size set to ``size`` (the data unchanged; nothing inflated)."""
    shutil.copyfile(src, dst)

    def patch(data, local, central):
        struct.pack_into("<I", data, local + 22, size)
        struct.pack_into("<I", data, central + 24, size)
    return _patch_headers(dst, member, patch)


def encrypted_flag(src: Path, dst: Path, member: str) -> Path:
    shutil.copyfile(src, dst)

    def patch(data, local, central):
        struct.pack_into("<H", data, local + 6, struct.unpack_from("<H", data, local + 6)[0] | 1)
        struct.pack_into("<H", data, central + 8, struct.unpack_from("<H", data, central + 8)[0] | 1)
    return _patch_headers(dst, member, patch)


def without(src: Path, dst: Path, member: str) -> Path:
    members = parts(src)
    members.pop(member)
    return write_parts(dst, members)


def duplicate_member(src: Path, dst: Path, member: str) -> Path:
    members = parts(src)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            zf.writestr(member, b"<worksheet/>")
    return dst


# ---------------------------------------------------------------------------- bombs


def laughs(src: Path, dst: Path, member: str) -> Path:
    """Billion laughs in ``member``: a DTD of nested entities and a reference to the last one."""
    def fn(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        text = re.sub(r"^<\?xml[^>]*\?>\s*", "", text)
        text = re.sub(r"(<(?:\w+:)?(?:t|v)>)", r"\1&lol9;", text, count=1) if "<t>" in text or "<v>" in text else \
            re.sub(r"(<[^?!][^>]*?)(/?>)", r"\1\2&lol9;", text, count=1)
        return (LAUGHS + text).encode("utf-8")
    return edit(src, dst, member, fn)


def late_dtd(src: Path, dst: Path, member: str) -> Path:
    """A DTD after a long comment, beyond the first few KB of the part."""
    def fn(xml: bytes) -> bytes:
        text = re.sub(r"^<\?xml[^>]*\?>\s*", "", xml.decode("utf-8"))
        dtd = LAUGHS.split("\n", 1)[1]
        text = re.sub(r"(<(?:\w+:)?(?:t|v)>)", r"\1&lol9;", text, count=1)
        return ('<?xml version="1.0"?>\n<!--' + "x" * 9000 + "-->\n" + dtd + text).encode("utf-8")
    return edit(src, dst, member, fn)


def external_entity(src: Path, dst: Path, member: str) -> Path:
    def fn(xml: bytes) -> bytes:
        text = re.sub(r"^<\?xml[^>]*\?>\s*", "", xml.decode("utf-8"))
        text = re.sub(r"(<(?:\w+:)?(?:t|v)>)", r"\1&xxe;", text, count=1)
        return ('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' + text).encode()
    return edit(src, dst, member, fn)


def zip_bomb(src: Path, dst: Path, gib: float = 1.0) -> Path:
    """The project sheet padded with ``gib`` GiB of whitespace inside its XML (compresses ~1000:1,
    so 1 GiB makes a ~1 MB file): well-formed, honest sizes, only enormous."""
    members = parts(src)
    name = sheet_part(members, "项目自评表")
    xml = members[name]
    cut = xml.find(b"<sheetData")
    block = b" " * (1 << 24)
    left = int(gib * (1 << 30))
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in members.items():
            if n == name:
                with zf.open(n, "w", force_zip64=True) as fh:
                    fh.write(xml[:cut])
                    while left > 0:
                        fh.write(block[:left])
                        left -= len(block)
                    fh.write(xml[cut:])
            else:
                zf.writestr(n, data)
    return dst


# ---------------------------------------------------------------------------- workbook content


def chart_sheet(src: Path, dst: Path, name: str = "图表") -> Path:
    from openpyxl.chart import BarChart, Reference

    wb = load_workbook(src)
    cs = wb.create_chartsheet(name)
    chart = BarChart()
    chart.add_data(Reference(wb["预决算"], min_col=2, min_row=5, max_row=9))
    cs.add_chart(chart)
    wb.save(dst)
    return dst


def stray_cell(src: Path, dst: Path, ref: str, sheet: str = "项目自评表", value=1) -> Path:
    wb = load_workbook(src)
    wb[sheet][ref] = value
    wb.save(dst)
    return dst


def defined_name(src: Path, dst: Path, name: str, text: str | None, local: str | None = "项目自评表") -> Path:
    """Set the text of the defined name ``name`` (sheet-local to ``local``, or workbook scope when
    None) in workbook.xml directly; ``text`` None leaves the element empty."""
    def fn(xml: bytes) -> bytes:
        s = xml.decode("utf-8")
        sheets = re.findall(r'<sheet [^>]*name="([^"]+)"', s)
        pattern = r'<definedName name="%s"%s[^>]*>[^<]*</definedName>' % (
            re.escape(name), "" if local is None else r' localSheetId="%d"' % sheets.index(local))
        if local is None:
            pattern = r'<definedName name="%s">[^<]*</definedName>' % re.escape(name)
        body = "" if text is None else text.replace("&", "&amp;").replace("<", "&lt;")
        new = '<definedName name="%s"%s>%s</definedName>' % (
            name, "" if local is None else ' localSheetId="%d"' % sheets.index(local), body)
        if text is None:
            new = new.replace("></definedName>", "/>")
        s2, n = re.subn(pattern, lambda m: new, s, count=1)
        assert n == 1, (name, local)
        return s2.encode("utf-8")
    return edit(src, dst, "xl/workbook.xml", fn)


def bad_local_sheet_id(src: Path, dst: Path) -> Path:
    def fn(xml: bytes) -> bytes:
        return re.sub(rb'localSheetId="\d+"', b'localSheetId="99"', xml, count=1)
    return edit(src, dst, "xl/workbook.xml", fn)


def cells(src: Path, dst: Path, values: dict[tuple[str, str], object]) -> Path:
    wb = load_workbook(src)
    for (sheet, ref), v in values.items():
        cell = wb[sheet][ref]
        cell.value = v
        if isinstance(v, str):
            cell.data_type = "s"
    wb.save(dst)
    return dst


def huge_float_cells(src: Path, dst: Path, cells_: dict[tuple[str, str], str]) -> Path:
    """Numbers written straight into the sheet XML (``<v>1e300</v>``), as any writer may."""
    members = parts(src)
    for (sheet, ref), text in cells_.items():
        name = sheet_part(members, sheet)
        xml = members[name].decode("utf-8")
        new = f'<c r="{ref}"><v>{text}</v></c>'
        xml, n = re.subn(r'<c r="%s"(?:[^>]*/>|[^>]*>.*?</c>)' % ref, lambda m: new, xml, count=1, flags=re.S)
        assert n == 1, ref
        members[name] = xml.encode("utf-8")
    return write_parts(dst, members)


# the input cells of one project and the department, by kind
AMOUNT_CELLS = [("预决算", "B5"), ("预决算", "B20"), ("项目自评表", "E5"), ("项目自评表", "F5")]
WEIGHT_CELLS = [("项目自评表", "G12"), ("项目自评表", "G5")]
SCORE_CELLS = [("项目自评表", "H12")]
TARGET_CELLS = [("项目自评表", "E12"), ("项目自评表", "E14")]
ACTUAL_CELLS = [("项目自评表", "F12"), ("项目自评表", "F14")]
TOTAL_CELLS = [("项目自评表", "H30")]
ALL_KINDS = AMOUNT_CELLS + WEIGHT_CELLS + SCORE_CELLS + TARGET_CELLS + ACTUAL_CELLS + TOTAL_CELLS


def absurd_numbers(src: Path, dst: Path, value) -> Path:
    return cells(src, dst, {cell: value for cell in ALL_KINDS})


# ---------------------------------------------------------------------------- mutation


def mutate(data: bytes, rnd: random.Random) -> bytes:
    """One random, deterministic damage to a workbook: byte flips, a truncation, a member deleted,
    or an XML edit inside the zip."""
    kind = rnd.randrange(6)
    if kind == 0:  # flip a few bytes anywhere
        b = bytearray(data)
        for _ in range(rnd.randint(1, 8)):
            k = rnd.randrange(len(b))
            b[k] ^= 1 << rnd.randrange(8)
        return bytes(b)
    if kind == 1:  # truncate
        return data[: rnd.randrange(len(data))]
    members = parts_from_bytes(data)
    names = sorted(members)
    if kind == 2:  # delete a member
        members.pop(rnd.choice(names))
        return bytes_from_parts(members)
    name = rnd.choice([n for n in names if n.endswith((".xml", ".rels"))])
    xml = members[name]
    if kind == 3:  # cut the XML somewhere
        cut = rnd.randrange(len(xml))
        members[name] = xml[:cut] + xml[cut + rnd.randint(1, 40):]
    elif kind == 4:  # change a number or attribute value
        hits = [m.span() for m in re.finditer(rb'"[^"]{1,12}"', xml)]
        if hits:
            a, b = rnd.choice(hits)
            members[name] = xml[:a] + rnd.choice([b'"-1"', b'"99999999"', b'"XFD1048576"', b'""', b'"A1:XFD1048576"',
                                                  b'"#REF!"', b'"e"', b'"s"', b'"1e308"']) + xml[b:]
    else:  # swap a value or text with junk
        hits = [m.span(1) for m in re.finditer(rb">([^<]{1,40})<", xml)]
        if hits:
            a, b = rnd.choice(hits)
            members[name] = xml[:a] + rnd.choice([b"1e400", b"NaN", b"&amp;", b"-0", b"9" * 400, b"\xff\xfe",
                                                  b"&#0;", b"#REF!", b"1," * 50]) + xml[b:]
    return bytes_from_parts(members)


def parts_from_bytes(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i.filename) for i in zf.infolist()}


def bytes_from_parts(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def merged(src: Path, dst: Path, ref: str, sheet: str = "填表说明") -> Path:
    """One merged range ``ref`` added to ``sheet`` (in the XML: openpyxl would build it cell by cell)."""
    members = parts(src)
    name = sheet_part(members, sheet)
    xml = members[name].decode("utf-8")
    cell = f'<mergeCell ref="{ref}"/>'
    if "<mergeCells" in xml:
        xml = re.sub(r"(<mergeCells[^>]*>)", lambda m: m.group(1) + cell, xml, count=1)
    else:
        xml = xml.replace("</sheetData>", f'</sheetData><mergeCells count="1">{cell}</mergeCells>', 1)
    members[name] = xml.encode("utf-8")
    return write_parts(dst, members)


def many_cells(src: Path, dst: Path, n: int, sheet: str = "填表说明") -> Path:
    """``n`` numeric cells (10 per row) appended to ``sheet``'s data, past row 100."""
    members = parts(src)
    name = sheet_part(members, sheet)
    xml = members[name]
    rows = []
    for r in range(101, 101 + n // 10):
        rows.append(b'<row r="%d">' % r + b"".join(b'<c r="%s%d"><v>%d</v></c>' % (c, r, r) for c in b"ABCDEFGHIJ"
                                                    for c in [bytes([c])]) + b"</row>")
    end = xml.find(b"</sheetData>")
    members[name] = xml[:end] + b"".join(rows) + xml[end:]
    return write_parts(dst, members)


def hyperlink_range(src: Path, dst: Path, ref: str, sheet: str = "填表说明") -> Path:
    """A hyperlink over the range ``ref`` (openpyxl gives every cell of it a hyperlink object)."""
    members = parts(src)
    name = sheet_part(members, sheet)
    xml = members[name]
    link = f'<hyperlinks><hyperlink ref="{ref}" location="A1" display="x"/></hyperlinks>'.encode()
    at = xml.find(b"<pageMargins")
    at = at if at > 0 else xml.find(b"</worksheet>")
    members[name] = xml[:at] + link + xml[at:]
    return write_parts(dst, members)
