"""Safe access to a workbook file and its package (the zip inside an .xlsx/.xlsm).

Every reader goes through :func:`read_input` and :func:`open_package`, so that whatever a file holds
— a FIFO, a device, a truncated or damaged zip, a zip bomb, an XML entity bomb — it ends as
:class:`UnusableWorkbook` with one Chinese sentence that names the file (its name only) and says what
to do; the technical detail stays on the exception (``exc.detail``), out of the sentence.

Limits (documented, far beyond any real department workbook, which is well under 5 MB with parts
under 1 MB that compress 5–50×):

- :data:`MAX_FILE_BYTES` — the file itself (256 MiB);
- :data:`MAX_MEMBERS` — parts in the package (10,000), and a central directory of at most 4 MiB;
- :data:`MAX_PART_BYTES` — the declared uncompressed size of one part (200 MiB);
- :data:`MAX_TOTAL_BYTES` — the declared uncompressed size of all parts together (512 MiB);
- :data:`MAX_RATIO` — uncompressed/compressed size of a part over :data:`RATIO_FROM_BYTES` (1 MiB):
  1,000 (whitespace compresses ~1,030×, real XML 5–100×);
- compression: stored or deflated only (what Excel writes); no encrypted parts;
- no DTD in an XML part (Excel never writes one; entity bombs need one);
- :data:`MAX_TAGS` — XML tags in all parts together (1,000,000, i.e. some 250,000–1,000,000 cells
  or shared strings; a department workbook has 10,000–100,000): openpyxl needs ~0.5 KB per cell;
- :data:`MAX_MERGED_CELLS` — cells covered by merged ranges and by hyperlink ranges (200,000):
  openpyxl makes an object for every covered cell, so one merge or hyperlink over A1:XFD1048576
  would ask for terabytes.

All are checked from the zip's directory *before* anything is decompressed. Reading a part is
bounded as well: perfxl inflates parts itself from the file's bytes, at most 1 MiB at a time, and a
part that holds more than its declared size (a bomb behind a lying directory) is refused after one
byte too many; its size and CRC are checked at the end. With ``verify`` every part is checked this
way before openpyxl reads any, so openpyxl never meets a part larger than declared.
"""
from __future__ import annotations

import errno
import functools
import io
import os
import re
import stat
import struct
import zipfile
import zlib

from .protocol import UnusableWorkbook

MAX_FILE_BYTES = 256 << 20
MAX_MEMBERS = 10_000
MAX_DIRECTORY_BYTES = 4 << 20  # the zip's central directory: 10,000 records of up to ~400 bytes
MAX_PART_BYTES = 200 << 20
MAX_TOTAL_BYTES = 512 << 20
MAX_RATIO = 1000
RATIO_FROM_BYTES = 1 << 20
MAX_TAGS = 1_000_000
MAX_MERGED_CELLS = 200_000

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_DTD_MARKS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be"))

RESAVE = "请在 Excel 中打开后另存为 .xlsx 再处理"
REEXPORT = "请向报送单位索取原件，或在 Excel 中打开后另存为 .xlsx"

_OS_REASONS = {
    errno.EACCES: "没有读取权限", errno.EPERM: "没有读取权限", errno.ENOENT: "文件不存在",
    errno.ELOOP: "符号链接过多或形成循环", errno.ENAMETOOLONG: "文件名过长", errno.EIO: "读取时出现磁盘或网络错误",
    errno.ENOTDIR: "路径中有一级不是文件夹", errno.EISDIR: "这是一个文件夹", errno.EBUSY: "文件被占用",
}


class NotRegularFile(OSError):
    """The path is a FIFO, a device, a socket…: not a file that can be read as a workbook."""


def unusable(path: str | os.PathLike, sentence: str, detail: str = "") -> UnusableWorkbook:
    """UnusableWorkbook whose message is ``"<file name>：<sentence>"`` on one line."""
    name = os.path.basename(os.fspath(path)) or os.fspath(path)
    return UnusableWorkbook(os.fspath(path), f"{name}：{' '.join(sentence.split())}", detail)


def os_reason(exc: OSError) -> str:
    """A short Chinese reason for an OSError (no English system text)."""
    if isinstance(exc, NotRegularFile):
        return "不是普通文件（是管道、设备或其他特殊文件）"
    return _OS_REASONS.get(exc.errno or 0, "系统无法读取该文件")


# ------------------------------------------------------------------------------------ the file


def open_regular(path: str | os.PathLike) -> int:
    """A read-only file descriptor of ``path``, which must be a regular file.

    Checks with ``os.stat`` first and opens with ``O_NONBLOCK``, so that neither a FIFO nor a device
    (or a symlink to one) can block; checks again with ``fstat`` on what was opened, so a FIFO that
    replaces the file between the two steps is refused too. Raises OSError (NotRegularFile)."""
    p = os.fspath(path)
    st = os.stat(p)
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", p)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(errno.EINVAL, "不是普通文件", p)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(p, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(errno.EINVAL, "不是普通文件", p)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_input(path: str | os.PathLike) -> bytes:
    """The whole content of the workbook file ``path`` (a regular file, not empty, not over
    :data:`MAX_FILE_BYTES`), or UnusableWorkbook. Reading it once means every later check and
    parse sees exactly the same bytes."""
    p = os.fspath(path)
    try:
        fd = open_regular(p)
    except FileNotFoundError:
        raise unusable(p, "文件不存在，请检查路径。") from None
    except IsADirectoryError:
        raise unusable(p, "这是一个文件夹，不是工作簿。") from None
    except NotRegularFile:
        raise unusable(p, "不是普通文件（是管道、设备或其他特殊文件），请指定一个 .xlsx 工作簿文件。") from None
    except OSError as exc:
        raise unusable(p, f"无法打开文件（{os_reason(exc)}），请检查文件和权限。", repr(exc)) from None
    try:
        with os.fdopen(fd, "rb", closefd=True) as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise unusable(p, f"文件过大（{size >> 20} MB，上限 {MAX_FILE_BYTES >> 20} MB），不是标准模板的工作簿；"
                                  "请检查是否选错了文件。")
            data = fh.read(MAX_FILE_BYTES + 1)
    except UnusableWorkbook:
        raise
    except OSError as exc:
        raise unusable(p, f"读取文件时出错（{os_reason(exc)}），请把文件复制到本机后重试。", repr(exc)) from None
    if len(data) > MAX_FILE_BYTES:
        raise unusable(p, f"文件过大（上限 {MAX_FILE_BYTES >> 20} MB），不是标准模板的工作簿；请检查是否选错了文件。")
    if not data:
        raise unusable(p, "文件是空的（0 字节），请重新保存或向报送单位索取原件。")
    return data


# ------------------------------------------------------------------------------------ the package


def _directory(data: bytes) -> tuple[int, int] | None:
    """(entries, size in bytes) of the zip's central directory as its end record declares them
    (None: no end record: not a zip). Python's zipfile parses as many records as the size holds,
    whatever the count says, so both are bounded before it runs."""
    at = data.rfind(_EOCD, max(0, len(data) - (1 << 16) - 22))
    if at < 0 or len(data) - at < 22:
        return None
    entries, size = struct.unpack_from("<HI", data, at + 10)
    if entries == 0xFFFF or size == 0xFFFFFFFF:  # zip64: the real figures are in the zip64 end record
        loc = at - 20
        if loc >= 0 and data[loc:loc + 4] == _EOCD64_LOCATOR:
            offset = struct.unpack_from("<Q", data, loc + 8)[0]
            if offset + 56 <= len(data) and data[offset:offset + 4] == b"PK\x06\x06":
                entries, size = struct.unpack_from("<QQ", data, offset + 32)
    return entries, size


class Package:
    """The checked zip of one workbook, read from memory."""

    def __init__(self, path: str, data: bytes, zf: zipfile.ZipFile):
        self.path = path
        self.data = data
        self.zip = zf
        self.names = {i.filename: i for i in zf.infolist()}
        self.tags = 0  # XML tags met in the parts read so far (a bound on cells and shared strings)
        self.merged = 0  # cells covered by merged ranges, likewise

    def read(self, member: str) -> bytes:
        """The uncompressed bytes of ``member``, exactly its declared size (checked: not a byte more is
        ever decompressed) and CRC, with no DTD; or UnusableWorkbook. KeyError when there is no such part."""
        return b"".join(_inflate(self, self.names[member], keep=True))

    def close(self) -> None:
        self.zip.close()


def damaged(path: str, exc: BaseException, member: str = "") -> UnusableWorkbook:
    """The one sentence for a part that cannot be decompressed or parsed."""
    part = f"其中的部件 {member} " if member else ""
    detail = f"{type(exc).__name__}: {exc}"[:500]
    if isinstance(exc, UnusableWorkbook):
        return exc
    if isinstance(exc, NotImplementedError):
        return unusable(path, f"工作簿{part}使用了 Excel 不使用的压缩或加密方式，无法读取；{RESAVE}。", detail)
    if isinstance(exc, MemoryError):
        return unusable(path, f"工作簿过大，内存不足，无法读取；{RESAVE}。", detail)
    if isinstance(exc, UnicodeError):
        return unusable(path, f"工作簿{part}的文字编码有误，无法读取；{RESAVE}。", detail)
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError, KeyError,
                        struct.error)):
        return unusable(path, f"工作簿已损坏（{part or '压缩数据'}无法解压），{REEXPORT}。", detail)
    return unusable(path, f"工作簿已损坏，无法读取；{REEXPORT}。", detail)


def open_package(path: str | os.PathLike, verify: bool = True, data: bytes | None = None) -> Package:
    """Read ``path`` (see :func:`read_input`) and check its package before anything is decompressed:
    not an old .xls or an encrypted file, a zip, within the limits above, an Excel workbook.

    ``verify`` also decompresses every part and checks its CRC (a batch skips it: reading a damaged
    part fails on its CRC anyway)."""
    p = os.fspath(path)
    if data is None:
        data = read_input(p)
    if data[:8] == _CFB_MAGIC:
        if "EncryptionInfo".encode("utf-16-le") in data[: 1 << 20]:
            raise unusable(p, "工作簿设有打开密码（已加密），无法读取。请在 Excel 中去掉打开密码"
                              "（文件›信息›保护工作簿›用密码进行加密）后另存为 .xlsx。")
        raise unusable(p, "这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再处理。")
    directory = _directory(data)
    if directory is None and data[:4] == b"PK\x03\x04":
        raise unusable(p, f"工作簿已损坏（文件不完整，可能在复制或下载时被截断），{REEXPORT}。")
    if directory is None:
        raise unusable(p, "不是 Excel 工作簿（.xlsx）：文件内容无法识别，可能已损坏或扩展名有误；"
                          "请确认文件后在 Excel 中另存为 .xlsx。")
    entries, size = directory
    if entries > MAX_MEMBERS or size > MAX_DIRECTORY_BYTES:
        raise unusable(p, f"工作簿包含的部件过多（上限 {MAX_MEMBERS} 个），不是 Excel 保存的文件，已拒绝读取；{RESAVE}。")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception as exc:  # noqa: BLE001 - BadZipFile, OSError, EOFError, ValueError, struct.error …
        raise unusable(p, f"工作簿已损坏（压缩包结构错误），{REEXPORT}。", f"{type(exc).__name__}: {exc}") from None
    try:
        _check_members(p, infos)
        pkg = Package(p, data, zf)
        if "xl/workbook.xml" not in pkg.names:
            raise unusable(p, "不是 Excel 工作簿（压缩包中没有 xl/workbook.xml），可能是 Word/WPS 文档或其他文件；"
                              "请确认选择的是 .xlsx 工作簿。")
        # a DTD is refused in every XML part a parser sees: all of them when verifying (openpyxl may read
        # any), else in each part when it is read (Package.read)
        if verify:
            for info in infos:
                if not info.is_dir():
                    _drain(pkg, info)
    except BaseException:
        zf.close()
        raise
    return pkg


def _check_members(p: str, infos: list[zipfile.ZipInfo]) -> None:
    total = 0
    seen: set[str] = set()
    if len(infos) > MAX_MEMBERS:
        raise unusable(p, f"工作簿包含的部件过多（{len(infos)} 个，上限 {MAX_MEMBERS} 个），不是 Excel 保存的文件，已拒绝读取；{RESAVE}。")
    for info in infos:
        name = info.filename
        if name in seen:
            raise unusable(p, f"工作簿已损坏（部件 {name} 重复出现），{REEXPORT}。")
        seen.add(name)
        if info.flag_bits & 0x1:
            raise unusable(p, f"工作簿中的部件 {name} 被加密，无法读取；{RESAVE}。")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise unusable(p, f"工作簿中的部件 {name} 使用了 Excel 不使用的压缩方式，无法读取；{RESAVE}。",
                           f"compress_type={info.compress_type}")
        size = info.file_size
        if size > MAX_PART_BYTES:
            raise unusable(p, f"工作簿中的部件 {name} 解压后过大（{size >> 20} MB，上限 {MAX_PART_BYTES >> 20} MB），"
                              f"可能是恶意构造的压缩炸弹，已拒绝读取；{RESAVE}。")
        if size > RATIO_FROM_BYTES and size > MAX_RATIO * max(info.compress_size, 1):
            raise unusable(p, f"工作簿中的部件 {name} 压缩比异常（{size // max(info.compress_size, 1)}:1，上限 {MAX_RATIO}:1），"
                              f"可能是恶意构造的压缩炸弹，已拒绝读取；{RESAVE}。")
        total += size
        if total > MAX_TOTAL_BYTES:
            raise unusable(p, f"工作簿解压后总大小过大（超过 {MAX_TOTAL_BYTES >> 20} MB），可能是恶意构造的压缩炸弹，"
                              f"已拒绝读取；{RESAVE}。")


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))


# a merged range or a hyperlink over a range (openpyxl makes an object for every cell of either)
_RANGE_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:mergeCell|hyperlink)\s[^<>]*?\bref\s*=\s*(?:\"([^\"<]*)\"|'([^'<]*)')")
_RANGE = re.compile(r"\s*\$?([A-Za-z]{0,3})\$?([0-9]{0,7})(?:\s*:\s*\$?([A-Za-z]{0,3})\$?([0-9]{0,7}))?\s*")


def _area(ref: bytes) -> int:
    """Cells in a range as openpyxl reads it (character references decoded; "A:C" is whole columns)."""
    text = ref.decode("utf-8", "replace")
    if "&" in text:
        import html

        text = html.unescape(text)
    m = _RANGE.fullmatch(text)
    if not m:
        return 0  # openpyxl refuses it as well
    c1, r1, c2, r2 = m.groups()
    c2, r2 = (c1, r1) if c2 is None and r2 is None else (c2, r2)
    cols = abs(_col(c2.encode()) - _col(c1.encode())) + 1 if c1 and c2 else 16384
    rows = abs(int(r2) - int(r1)) + 1 if r1 and r2 else 1048576
    return rows * cols


def _count(pkg: Package, tail: bytes, out: bytes) -> None:
    """Count the tags (a bound on cells and shared strings: one "<" each at least) and the cells
    covered by merged ranges in one chunk of an XML part, and refuse past the limits. ``tail`` is the
    end of the previous chunk, so that a range cut in two is counted once."""
    pkg.tags += out.count(b"<")
    if pkg.tags > MAX_TAGS:
        raise unusable(pkg.path, f"工作簿的内容过多（超过 {MAX_TAGS} 个 XML 元素，相当于几十万个单元格），"
                                 "不是标准模板的工作簿，已拒绝读取；请检查是否选错了文件，或删除多余的内容后另存。")
    if b"mergeCell" in out or b"mergeCell" in tail or b"hyperlink" in out or b"hyperlink" in tail:
        pkg.merged += _merged_area(tail, out)
        if pkg.merged > MAX_MERGED_CELLS:
            raise unusable(pkg.path, f"工作簿中的合并单元格或超链接区域过大（共超过 {MAX_MERGED_CELLS} 个单元格），"
                                     "请在 Excel 中取消多余的合并或超链接后另存为 .xlsx 再处理。")


_MERGE_USUAL = re.compile(rb'<mergeCell ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')


def _merged_area(tail: bytes, out: bytes) -> int:
    """Cells covered by the ranges in a chunk (not counting again a range that ended in ``tail``)."""
    if not tail and b"hyperlink" not in out and out.count(b"<mergeCell") == len(hits := _MERGE_USUAL.findall(out)):
        return sum((abs(int(r2) - int(r1)) + 1) * (abs(_col(c2) - _col(c1)) + 1) for c1, r1, c2, r2 in hits)
    area = 0
    for m in _RANGE_TAG.finditer(tail + out):
        if m.end() > len(tail):  # (a range that ended in tail was counted with the previous chunk)
            area += _area(m.group(1) if m.group(1) is not None else m.group(2))
    return area


@functools.lru_cache(maxsize=4096)
def _col(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return max(n, 1)


def _refuse_dtd(pkg: Package, name: str, tail: bytes, out: bytes) -> None:
    """Refuse a DTD in this chunk (``tail``: the end of the previous one, for a mark cut in two)."""
    edge = tail[-24:] + out[:24]
    if b"<!" in out or b"<\x00!" in out or b"<!" in edge or b"<\x00!" in edge:
        data = tail + out
        if any(mark in data for mark in _DTD_MARKS):
            raise unusable(pkg.path, f"工作簿中的部件 {name} 含有 XML 实体定义（DTD），Excel 不会保存这种内容，"
                                     f"可能是恶意构造的文件，已拒绝读取；{RESAVE}。")


def _prolog_ends(pkg: Package, name: str, out: bytes) -> bool:
    """Check the prolog of an XML part (what comes before its root element: the only place a DTD can
    be) in its first chunk. True when the root element was reached there without a DTD; False when
    the rest must be searched too (a prolog longer than the chunk, or UTF-16 text)."""
    if out[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in out[:4]:
        return False
    at = 0
    while True:
        at = out.find(b"<", at)
        if at < 0:
            return False
        if out.startswith(b"<?", at):
            at = out.find(b"?>", at)
        elif out.startswith(b"<!--", at):
            at = out.find(b"-->", at)
        elif out.startswith(b"<!", at):
            _refuse_dtd(pkg, name, b"", out[at:at + 16])
            return False  # <![CDATA[ or junk before the root: not XML a reader accepts; search on
        else:
            return True
        if at < 0:
            return False


def _drain(pkg: Package, info: zipfile.ZipInfo) -> None:
    """Decompress a part (see :func:`_inflate`) only to check it."""
    for _ in _inflate(pkg, info, keep=False):
        pass


def _inflate(pkg: Package, info: zipfile.ZipInfo, keep: bool, chunk: int = 1 << 20):
    """Yield the uncompressed bytes of a part in chunks of at most ``chunk`` bytes, from the package's
    raw bytes: the output is bounded at every step (never more than one chunk, never more than the
    declared size: a part that holds more than it declares — a hidden bomb — is refused after one
    byte too many), and the CRC and the declared size are checked at the end. An XML part is searched
    for a DTD as it goes (anywhere: a long comment may come first), and its cells, shared strings
    and merged cells are counted against the limits."""
    name = info.filename
    data = pkg.data
    try:
        at = info.header_offset
        if data[at:at + 4] != b"PK\x03\x04":
            raise zipfile.BadZipFile("bad local header")
        n, e = struct.unpack_from("<HH", data, at + 26)
        start = at + 30 + n + e
        raw = memoryview(data)[start:start + info.compress_size]
        if len(raw) != info.compress_size:
            raise zipfile.BadZipFile("truncated part")
    except (zipfile.BadZipFile, struct.error) as exc:
        raise damaged(pkg.path, exc, name) from None
    xml = prolog = _is_xml(name)
    size, crc, tail = 0, 0, b""
    decomp = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    pending = raw
    while True:
        try:
            if decomp is None:
                out, pending = bytes(pending[:chunk]), pending[chunk:]
            else:
                out = decomp.decompress(pending, chunk)
                pending = decomp.unconsumed_tail
        except zlib.error as exc:
            raise damaged(pkg.path, exc, name) from None
        if out:
            size += len(out)
            if size > info.file_size:
                raise unusable(pkg.path, f"工作簿中的部件 {name} 解压后比声明的大（声明 {info.file_size} 字节），"
                                         f"可能是恶意构造的压缩炸弹，已拒绝读取；{RESAVE}。")
            crc = zlib.crc32(out, crc)
            if xml:
                if prolog:  # a DTD can only come before the root element
                    if size == len(out) and _prolog_ends(pkg, name, out):
                        prolog = False
                    else:
                        _refuse_dtd(pkg, name, tail, out)
                _count(pkg, tail, out)
                tail = out[-64:]
            if keep:
                yield out
        elif decomp is None or decomp.eof or not pending:
            break
    if (decomp is not None and not decomp.eof) or size != info.file_size or crc != info.CRC:
        raise damaged(pkg.path, zipfile.BadZipFile(f"bad size or CRC ({size}/{info.file_size})"), name)


def translate(path: str | os.PathLike, exc: BaseException) -> UnusableWorkbook:
    """Any exception a third-party reader (openpyxl, python-calamine) raised on this file → one sentence."""
    p = os.fspath(path)
    if isinstance(exc, UnusableWorkbook):
        return exc
    detail = f"{type(exc).__name__}: {exc}"[:500]
    kind = type(exc).__name__
    module = type(exc).__module__ or ""
    if "defusedxml" in module or kind in ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden",
                                          "NotSupportedError"):
        return unusable(p, f"工作簿含有 XML 实体定义（DTD），Excel 不会保存这种内容，可能是恶意构造的文件，已拒绝读取；{RESAVE}。",
                        detail)
    if kind in ("ParseError", "XMLSyntaxError", "XmlError", "ExpatError") or "xml" in module.lower():
        return unusable(p, f"工作簿的内容（XML）已损坏，无法读取；{RESAVE}。", detail)
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, MemoryError, UnicodeError)):
        return damaged(p, exc)
    if isinstance(exc, KeyError):
        return unusable(p, f"工作簿缺少必需的部件，已损坏；{REEXPORT}。", detail)
    return unusable(p, f"工作簿的内容不符合 Excel 文件格式，无法读取；{RESAVE}。", detail)
