"""`perfxl addin build/install`: Chinese messages, exit code 2 and no traceback on failure."""

from __future__ import annotations

import sys
import zipfile

from typer.testing import CliRunner

from perfxl.cli.addin import app

runner = CliRunner()


def test_build_writes_the_addin(tmp_path, monkeypatch, udf_module):
    import perfxl.excel.addin.build as build

    monkeypatch.setattr(build, "UDF_MODULE", udf_module)
    monkeypatch.setattr(build.build_addin, "__kwdefaults__", {**build.build_addin.__kwdefaults__, "udf_module": udf_module})
    out = tmp_path / "perfxl.xlam"
    result = runner.invoke(app, ["build", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "已生成加载项" in result.output
    assert zipfile.is_zipfile(out)


def test_build_rejects_wrong_suffix(tmp_path):
    result = runner.invoke(app, ["build", "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2
    assert ".xlam" in result.output and "Traceback" not in result.output


def test_build_without_udf_module_is_one_clear_message(tmp_path, monkeypatch):
    import perfxl.excel.addin.build as build

    monkeypatch.setattr(build.build_addin, "__kwdefaults__", {**build.build_addin.__kwdefaults__, "udf_module": "perfxl_nope_xyz"})
    result = runner.invoke(app, ["build", "-o", str(tmp_path / "x.xlam")])
    assert result.exit_code == 2
    assert "UDF" in result.output and "Traceback" not in result.output


def test_install_off_windows_explains(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    result = runner.invoke(app, ["install"])
    assert result.exit_code == 2
    assert "XLSTART" in result.output and "Windows" in result.output
