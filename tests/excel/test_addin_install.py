"""install_addin: XLSTART copy and user config (simulated Windows), clear refusal elsewhere."""

from __future__ import annotations

import sys

import pytest

from perfxl.excel.addin import install
from perfxl.excel.addin.install import InstallError, install_addin, user_config_text


def test_refuses_off_windows(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    with pytest.raises(InstallError, match="XLSTART"):
        install_addin()


def test_user_config_format_read_by_vba_input():
    text = user_config_text(r"C:\Users\张三\AppData\Local\perfxl\pythonw.exe")
    assert text.splitlines() == [
        r'"INTERPRETER_WIN","C:\Users\张三\AppData\Local\perfxl\pythonw.exe"',
        '"UDF MODULES","perfxl.excel.udfs"',
    ]
    assert text.endswith("\r\n")


def test_installs_on_simulated_windows(monkeypatch, tmp_path, built_xlam):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "home"))
    message = install_addin(built_xlam)
    target = tmp_path / "Roaming" / "Microsoft" / "Excel" / "XLSTART" / "perfxl.xlam"
    assert target.read_bytes() == built_xlam.read_bytes()
    config = (tmp_path / "home" / ".perfxl" / "perfxl.conf").read_bytes().decode("utf-8")
    assert config.startswith('"INTERPRETER_WIN","')
    assert "已安装加载项" in message
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".perfxl-")]


def test_missing_source_file(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    with pytest.raises(InstallError, match="找不到"):
        install.install_addin(tmp_path / "nope.xlam")
