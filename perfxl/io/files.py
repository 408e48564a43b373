"""File-level helpers: sniffing what a file is, atomic writes, hashes. Standard library only."""
from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path

from .protocol import UnusableWorkbook

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(path: str | os.PathLike, verify: bool = True) -> None:
    """Raise UnusableWorkbook with one clear Chinese sentence unless ``path`` looks like an xlsx/xlsm.

    ``verify`` also checks every member's CRC; batches skip it, since reading a damaged member
    fails on its CRC anyway and is reported as unusable then."""
    p = Path(path)
    name = p.name
    if not p.exists():
        raise UnusableWorkbook(str(p), f"{name}：文件不存在，请检查路径。")
    if p.is_dir():
        raise UnusableWorkbook(str(p), f"{name}：这是一个文件夹，不是工作簿。")
    try:
        with open(p, "rb") as fh:
            head = fh.read(8)
            if head == _CFB_MAGIC:
                fh.seek(0)
                blob = fh.read(1 << 20)
                if "EncryptionInfo".encode("utf-16-le") in blob:
                    raise UnusableWorkbook(str(p), f"{name}：工作簿设有打开密码（已加密），无法读取。"
                                                   "请在 Excel 中去掉打开密码（文件›信息›保护工作簿›用密码进行加密）后另存为 .xlsx。")
                raise UnusableWorkbook(str(p), f"{name}：这是旧版 Excel 97-2003 工作簿（.xls），"
                                               "请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再处理。")
    except OSError as exc:
        raise UnusableWorkbook(str(p), f"{name}：无法打开文件（{exc.strerror or exc}）。") from None
    if p.stat().st_size == 0:
        raise UnusableWorkbook(str(p), f"{name}：文件是空的（0 字节）。")
    if not zipfile.is_zipfile(p):
        raise UnusableWorkbook(str(p), f"{name}：不是 Excel 工作簿（.xlsx）：文件内容无法识别，可能已损坏或扩展名有误。")
    try:
        with zipfile.ZipFile(p) as zf:
            names = set(zf.namelist())
            bad = zf.testzip() if verify else None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise UnusableWorkbook(str(p), f"{name}：工作簿已损坏（压缩包结构错误），请从原件重新导出。") from None
    if bad is not None:
        raise UnusableWorkbook(str(p), f"{name}：工作簿已损坏（其中的 {bad} 无法解压），请从原件重新导出。")
    if "xl/workbook.xml" not in names:
        raise UnusableWorkbook(str(p), f"{name}：不是 Excel 工作簿（压缩包中没有 xl/workbook.xml），"
                                       "可能是 Word/WPS 文档或其他文件。")


def atomic_write(target: str | os.PathLike, write) -> Path:
    """Call ``write(tmp_path)`` then rename the temporary file over ``target`` (same folder)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~perfxl-", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, _mode_for(target))  # mkstemp makes 0600: give the file the mode a plain save would
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777  # replacing a file keeps its permissions
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def sha256(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def is_perfxl_summary(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a summary workbook perfxl wrote (its document properties say so)."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > 1 << 16:
                return False
            return b"perfxl consolidate" in zf.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError):
        return False
