"""Safe access to a workbook file and its package (the zip inside an .xlsx/.xlsm).

Every reader goes through :func:`read_input` and :func:`open_package`, so that whatever a file holds
— a FIFO, a device, a truncated or damaged zip, a zip bomb, an XML entity bomb — it ends as
:class:`UnusableWorkbook` with one Chinese sentence that names the file (its name only) and says what
to do; the technical detail stays on the exception (``exc.detail``), out of the sentence.

Limits (documented, far beyond any real department workbook, which is well under 5 MB with parts
under 1 MB that compress 5–50×):

- :data:`MAX_FILE_BYTES` — the file itself (256 MiB);
- :data:`MAX_MEMBERS` — parts in the package (10,000);
- :data:`MAX_PART_BYTES` — the declared uncompressed size of one part (200 MiB);
- :data:`MAX_TOTAL_BYTES` — the declared uncompressed size of all parts together (512 MiB);
- :data:`MAX_RATIO` — uncompressed/compressed size of a part over :data:`RATIO_FROM_BYTES` (1 MiB):
  1,000 (whitespace compresses ~1,030×, real XML 5–100×);
- compression: stored or deflated only (what Excel writes); no encrypted parts;
- no DTD in an XML part (Excel never writes one; entity bombs need one).

All are checked from the zip's directory *before* anything is decompressed; reading a part is
bounded as well (Python's zipfile never returns more than the declared size, and :meth:`Package.read`
stops at its limit).
"""
from __future__ import annotations

import errno
import io
import os
import stat
import struct
import zipfile
import zlib

from .protocol import UnusableWorkbook

MAX_FILE_BYTES = 256 << 20
MAX_MEMBERS = 10_000
MAX_PART_BYTES = 200 << 20
MAX_TOTAL_BYTES = 512 << 20
MAX_RATIO = 1000
RATIO_FROM_BYTES = 1 << 20
PROLOGUE_BYTES = 4096  # how much of each XML part is searched for a DTD

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


def _directory_entries(data: bytes) -> int | None:
    """The number of entries the zip's end record declares (None: no end record: not a zip)."""
    at = data.rfind(_EOCD, max(0, len(data) - (1 << 16) - 22))
    if at < 0 or len(data) - at < 22:
        return None
    entries = struct.unpack_from("<H", data, at + 10)[0]
    if entries == 0xFFFF:  # zip64: the real count is in the zip64 end record
        loc = at - 20
        if loc >= 0 and data[loc:loc + 4] == _EOCD64_LOCATOR:
            offset = struct.unpack_from("<Q", data, loc + 8)[0]
            if offset + 56 <= len(data) and data[offset:offset + 4] == b"PK\x06\x06":
                entries = struct.unpack_from("<Q", data, offset + 32)[0]
    return entries


class Package:
    """The checked zip of one workbook, read from memory."""

    def __init__(self, path: str, data: bytes, zf: zipfile.ZipFile):
        self.path = path
        self.data = data
        self.zip = zf
        self.names = {i.filename: i for i in zf.infolist()}

    def read(self, member: str, limit: int = MAX_PART_BYTES) -> bytes:
        """The uncompressed bytes of ``member`` (at most ``limit``; its CRC checked), or
        UnusableWorkbook. KeyError when the package has no such part."""
        info = self.names[member]
        try:
            with self.zip.open(info) as fh:
                out = fh.read(limit + 1)
        except Exception as exc:  # noqa: BLE001 - every way a damaged part fails
            raise damaged(self.path, exc, member) from None
        if len(out) > limit:
            raise unusable(self.path, f"工作簿中的部件 {member} 解压后过大（上限 {limit >> 20} MB），"
                                      f"可能是恶意构造的压缩炸弹，已拒绝读取；{RESAVE}。")
        if _is_xml(member):
            _refuse_dtd(self, member, out)  # anywhere in the part, not only its first bytes
        return out

    def head(self, member: str, size: int = PROLOGUE_BYTES) -> bytes:
        info = self.names[member]
        try:
            with self.zip.open(info) as fh:
                return fh.read(size)
        except Exception as exc:  # noqa: BLE001
            raise damaged(self.path, exc, member) from None

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
    entries = _directory_entries(data)
    if entries is None and data[:4] == b"PK\x03\x04":
        raise unusable(p, f"工作簿已损坏（文件不完整，可能在复制或下载时被截断），{REEXPORT}。")
    if entries is None:
        raise unusable(p, "不是 Excel 工作簿（.xlsx）：文件内容无法识别，可能已损坏或扩展名有误；"
                          "请确认文件后在 Excel 中另存为 .xlsx。")
    if entries > MAX_MEMBERS:
        raise unusable(p, f"工作簿包含的部件过多（{entries} 个，上限 {MAX_MEMBERS} 个），不是 Excel 保存的文件，已拒绝读取；{RESAVE}。")
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


def _refuse_dtd(pkg: Package, name: str, data: bytes) -> None:
    if b"<\x00!" in data or b"\x00<\x00!" in data or b"<!" in data:
        if any(mark in data for mark in _DTD_MARKS):
            raise unusable(pkg.path, f"工作簿中的部件 {name} 含有 XML 实体定义（DTD），Excel 不会保存这种内容，"
                                     f"可能是恶意构造的文件，已拒绝读取；{RESAVE}。")


def _drain(pkg: Package, info: zipfile.ZipInfo) -> None:
    """Decompress a part in chunks (bounded by its declared size) to check its CRC, and search an
    XML part for a DTD (anywhere: a long comment may come first)."""
    xml = _is_xml(info.filename)
    tail = b""
    try:
        with pkg.zip.open(info) as fh:
            while chunk := fh.read(1 << 20):
                if xml:
                    _refuse_dtd(pkg, info.filename, tail + chunk)
                    tail = chunk[-32:]
    except UnusableWorkbook:
        raise
    except Exception as exc:  # noqa: BLE001
        raise damaged(pkg.path, exc, info.filename) from None


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
