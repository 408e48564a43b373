"""Install perfxl.xlam for the current Windows user (XLSTART + user config file)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .build import PROJECT_NAME, UDF_MODULE, build_addin

ADDIN_FILE = f"{PROJECT_NAME}.xlam"

NOT_WINDOWS = (
    "perfxl 加载项只能安装到 Windows 版 Excel。请在 Windows 电脑上运行 `perfxl addin install`；"
    "或在本机运行 `perfxl addin build -o perfxl.xlam`，把 perfxl.xlam 复制到 Windows 的 "
    r"%APPDATA%\Microsoft\Excel\XLSTART 文件夹，并在该电脑上安装 perfxl（pip install perfxl）。"
    "\nThe perfxl add-in installs into Excel for Windows only. Run `perfxl addin install` on "
    "Windows, or build it here with `perfxl addin build -o perfxl.xlam`, copy the file to "
    r"%APPDATA%\Microsoft\Excel\XLSTART on the Windows PC and install perfxl there."
)


class InstallError(RuntimeError):
    """Installation is impossible here; the message says what to do instead."""


def _atomic_write(target: Path, data: bytes) -> None:
    from ...io.files import atomic_write

    atomic_write(target, lambda tmp: Path(tmp).write_bytes(data))


def user_config_text(interpreter: str, keep: dict[str, str] | None = None) -> str:
    """The user config file in the format xlwings' VBA reads with ``Input #``; ``keep``: the keys of an
    existing config (a ``POLICY FILE`` …) that the installer does not set, kept as they are."""
    pairs = [("INTERPRETER_WIN", interpreter), ("UDF MODULES", UDF_MODULE)]
    pairs += [(k, v) for k, v in (keep or {}).items() if k not in dict(pairs)]
    for key, value in pairs:
        if '"' in value:
            raise InstallError(f"配置值不能含双引号：{value}（config values cannot contain '\"'）")
    return "".join(f'"{key}","{value}"\r\n' for key, value in pairs)


def _interpreter() -> str:
    exe = Path(sys.executable)
    pythonw = exe.with_name("pythonw.exe")  # no console window flashing on every click
    return str(pythonw if pythonw.exists() else exe)


def install_addin(path: str | os.PathLike | None = None) -> str:
    """Copy the add-in (``path``, or a fresh build) into XLSTART and write the user config.

    Returns a Chinese/English summary.  Raises InstallError off Windows.
    """
    if sys.platform != "win32":
        raise InstallError(NOT_WINDOWS)
    appdata = os.environ.get("APPDATA")
    profile = os.environ.get("USERPROFILE")
    if not appdata or not profile:
        raise InstallError("找不到 %APPDATA% 或 %USERPROFILE% 环境变量（APPDATA/USERPROFILE not set）")
    xlstart = Path(appdata) / "Microsoft" / "Excel" / "XLSTART"
    target = xlstart / ADDIN_FILE
    if path is None:
        with tempfile.TemporaryDirectory() as tmp:
            data = build_addin(Path(tmp) / ADDIN_FILE).read_bytes()
    else:
        source = Path(path)
        if not source.is_file():
            raise InstallError(f"找不到加载项文件 {source}（add-in file not found）")
        data = source.read_bytes()
    try:
        _atomic_write(target, data)
    except PermissionError as exc:
        raise InstallError(
            f"无法写入 {target}：文件可能正被 Excel 使用，请先关闭 Excel 再安装（close Excel and retry）"
        ) from exc
    config = Path(profile) / f".{PROJECT_NAME}" / f"{PROJECT_NAME}.conf"
    # VBA reads the file in the ANSI code page (e.g. GBK on Chinese Windows).
    from ...policy_file import read_user_config

    _atomic_write(config, _ansi(user_config_text(_interpreter(), read_user_config(config))))
    return (
        f"已安装加载项：{target}\n已写入配置：{config}\n请重新启动 Excel，功能区会出现“绩效自评”选项卡。\n"
        f"Installed {target} and wrote {config}; restart Excel to see the 绩效自评 tab."
    )


def _ansi(text: str) -> bytes:
    """Encode for VBA's ``Input #``: the Windows ANSI code page ("mbcs"), UTF-8 elsewhere."""
    try:
        return text.encode("mbcs", errors="strict")
    except LookupError:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InstallError(
            f"路径含有当前 Windows 代码页无法表示的字符：{text.strip()}（path not representable in the ANSI code page）"
        ) from exc
