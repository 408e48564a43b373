"""File-level helpers: sniffing what a file is, atomic writes, output checks, hashes. Standard library only.

Inputs: :func:`sniff` (and every reader) goes through :mod:`perfxl.io.package`: regular files only,
limits checked before anything is decompressed, one Chinese sentence per refusal.

Outputs: :func:`check_output_path` refuses, before any work, an output that cannot be written or
that is one of the inputs; :func:`atomic_write` writes a temporary file in the target's folder and
renames it over the target (through a symlink, onto the link's target), leaving no temporary file
behind on any failure. Both raise :class:`OutputError` with one Chinese sentence.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from pathlib import Path

from .package import NotRegularFile, open_package, open_regular

TEMP_PREFIX = ".~perfxl-"


def sniff(path: str | os.PathLike, verify: bool = True) -> None:
    """Raise UnusableWorkbook with one clear Chinese sentence unless ``path`` looks like an xlsx/xlsm.

    ``verify`` also checks every member's CRC; batches skip it, since reading a damaged member
    fails on its CRC anyway and is reported as unusable then."""
    open_package(path, verify=verify).close()


# ------------------------------------------------------------------------------------ outputs


class OutputError(ValueError):
    """The output cannot be written. ``str(exc)`` is one Chinese sentence naming the output and
    saying what to do; ``detail`` keeps the technical cause.

    A ValueError, so that callers which already report a ValueError as a one-line message (the
    ``fill`` and ``add-project`` commands) show this one too; it is not an OSError."""

    def __init__(self, path: str | os.PathLike, message: str, detail: str = ""):
        super().__init__(message)
        self.path = os.fspath(path)
        self.message = message
        self.detail = detail


_WRITE_REASONS = {
    errno.ENOSPC: ("磁盘空间不足", "请清理磁盘空间或换一个位置保存"),
    getattr(errno, "EDQUOT", -1): ("磁盘配额已满", "请清理磁盘空间或换一个位置保存"),
    errno.EROFS: ("所在位置是只读的", "请换一个可写的文件夹保存"),
    errno.EACCES: ("没有写入权限", "请换一个有写入权限的文件夹，或检查文件是否被设为只读"),
    errno.EPERM: ("没有写入权限", "请换一个有写入权限的文件夹，或检查文件是否被设为只读"),
    errno.ENAMETOOLONG: ("文件名或路径过长", "请使用较短的文件名或路径"),
    errno.EISDIR: ("这是一个文件夹", "请在文件夹名后加上文件名，如 输出/结果.xlsx"),
    errno.ENOTDIR: ("路径中有一级是文件而不是文件夹", "请检查输出路径"),
    errno.EEXIST: ("路径中有一级是文件而不是文件夹", "请检查输出路径"),
    errno.ENOENT: ("所在文件夹不存在且无法创建", "请检查输出路径"),
    errno.EBUSY: ("文件被其他程序占用", "请关闭正在使用它的程序（如 Excel）后重试"),
    errno.ETXTBSY: ("文件被其他程序占用", "请关闭正在使用它的程序（如 Excel）后重试"),
    errno.EIO: ("写入时出现磁盘或网络错误", "请换一个位置保存后重试"),
    errno.ELOOP: ("符号链接过多或形成循环", "请检查输出路径"),
}


def _name(path: str | os.PathLike) -> str:
    p = os.fspath(path)
    name = os.path.basename(p.rstrip("/\\")) or p
    return name if len(name) <= 60 else name[:40] + "…" + name[-12:]


def _output_error(path: str | os.PathLike, exc: OSError) -> OutputError:
    what, todo = _WRITE_REASONS.get(exc.errno or 0, ("系统无法写入", "请换一个位置保存后重试"))
    return OutputError(path, f"无法写入输出文件 {_name(path)}：{what}，{todo}。", f"{type(exc).__name__}: {exc}")


def _name_too_long(p: Path) -> bool:
    limit = 255
    try:
        limit = os.pathconf(_existing_ancestor(p.parent), "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        pass
    return any(len(os.fsencode(part)) > limit for part in p.parts)


def _existing_ancestor(p: Path) -> Path:
    p = Path(os.path.abspath(p))
    while not os.path.lexists(p) and p != p.parent:
        p = p.parent
    return p


def write_target(path: str | os.PathLike) -> Path:
    """Where a write to ``path`` lands: ``path`` itself, or through a symlink (a chain of them), the
    link's target (which may not exist yet)."""
    p = Path(path)
    if os.path.islink(p):
        return Path(os.path.realpath(p))
    return p


def check_output_path(path: str | os.PathLike, inputs=()) -> Path:
    """Refuse, before any work, an output that cannot be written: a folder, a FIFO or device, one of
    ``inputs`` (the same file, also through a symlink or a hard link), a name too long, a parent that
    is a file or that is missing and cannot be created, a folder or file that is not writable.
    Returns where the write will land (see :func:`write_target`); raises :class:`OutputError`."""
    name = _name(path)
    raw = os.fspath(path)
    if not raw or raw.endswith(("/", os.sep)):
        raise OutputError(path, f"输出路径 {raw or '（空）'} 不是文件名，请给出完整的文件名，如 输出/结果.xlsx。")
    p = write_target(path)
    if _name_too_long(p):
        raise OutputError(path, f"输出文件名 {name} 过长，请使用较短的文件名或路径。")
    try:
        st = os.stat(p)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _output_error(path, exc) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(path, f"输出路径 {name} 是一个文件夹，请在其后加上文件名，如 {name}/结果.xlsx。")
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(path, f"输出路径 {name} 不是普通文件（是管道、设备或其他特殊文件），请换一个文件名。")
        for item in inputs:
            try:
                if os.path.samefile(p, item):
                    raise OutputError(path, f"输出文件 {name} 就是输入文件 {_name(item)}（或其链接），"
                                            "为保护原件不会覆盖它，请换一个输出文件名。")
            except OSError:
                continue
        if not os.access(p, os.W_OK):
            raise OutputError(path, f"输出文件 {name} 是只读的，请取消只读属性或换一个文件名。")
    parent = p.parent if str(p.parent) else Path(".")
    ancestor = _existing_ancestor(parent)
    if not ancestor.is_dir():
        raise OutputError(path, f"输出文件 {name} 的上级路径 {ancestor.name or ancestor} 是文件而不是文件夹，请检查输出路径。")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        what = "所在文件夹" if ancestor == Path(os.path.abspath(parent)) else f"上级文件夹 {ancestor.name or ancestor}"
        raise OutputError(path, f"无法写入输出文件 {name}：{what}没有写入权限，请换一个有写入权限的位置。")
    return p


def atomic_write(target: str | os.PathLike, write) -> Path:
    """Call ``write(tmp_path)`` then rename the temporary file over ``target`` (same folder).

    Through a symlink, the link's target is replaced (the link stays). A replaced file keeps its
    permissions; a new one gets those of a plain save (0666 less the umask). On any failure —
    also KeyboardInterrupt — the temporary file is removed; an OSError (disk full, read-only folder,
    a folder in the way, a name too long…) becomes :class:`OutputError`."""
    given = Path(target)
    try:
        target = write_target(given)
        if os.path.isdir(target):
            raise OutputError(given, f"输出路径 {_name(given)} 是一个文件夹，请在其后加上文件名，如 {_name(given)}/结果.xlsx。")
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix[:16], dir=target.parent)
    except OSError as exc:
        raise _output_error(given, exc) from None
    try:
        os.close(fd)
        write(tmp)
        os.chmod(tmp, _mode_for(target))  # mkstemp makes 0600: give the file the mode a plain save would
        _fsync(tmp)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _output_error(given, exc) from None
        raise
    return given


def _fsync(path: str) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777  # replacing a file keeps its permissions
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def sha256(path: str | os.PathLike) -> str:
    """SHA-256 of a regular file (a FIFO or device raises :class:`NotRegularFile`, an OSError,
    instead of blocking or reading forever)."""
    h = hashlib.sha256()
    with os.fdopen(open_regular(path), "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def is_perfxl_summary(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a summary workbook perfxl wrote (its document properties say so); read through
    the one safe path into a file (a regular file, bounded), never raising."""
    from .package import open_package

    try:
        pkg = open_package(path, verify=False)
        return b"perfxl consolidate" in pkg.read("docProps/core.xml")
    except Exception:  # any file that is not a readable workbook is not perfxl's summary
        return False


__all__ = ["OutputError", "NotRegularFile", "TEMP_PREFIX", "atomic_write", "check_output_path", "same_file",
           "sha256", "sniff", "write_target", "is_perfxl_summary"]
