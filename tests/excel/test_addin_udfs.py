"""UDF wrappers come from xlwings' own generate_vba_wrapper, without pywin32, leaving no trace."""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest
import xlwings

from perfxl.excel.addin.udfwrap import UdfModuleError, generate_udf_module
from tests.excel.udf_info import udf_functions

REAL = "perfxl.excel.udfs"
PERF_UDFS = {"PERF_SCORE", "PERF_EXEC_RATE", "PERF_EXEC_SCORE", "PERF_GRADE", "PERF_VALUE"}


def real_udfs_exist() -> bool:
    try:
        return importlib.util.find_spec(REAL) is not None
    except ImportError:
        return False


def wrapper_functions(text: str) -> set[str]:
    return set(re.findall(r"^Function (\w+)\(", text, re.M))


def test_demo_module_wrappers(demo_udf_module):
    text = generate_udf_module(demo_udf_module)
    assert text.startswith('Attribute VB_Name = "xlwings_udfs"\r\n')
    assert text.isascii() and "\n" not in text.replace("\r\n", "")
    assert wrapper_functions(text) == {"PERF_DEMO_RATE", "PERF_DEMO_SUM"}
    assert (
        'PERF_DEMO_RATE = XLPy.CallUDF("perfxl_demo_udfs", "PERF_DEMO_RATE", Array(actual, target), '
        "ActiveWorkbook, Application.Caller)" in text
    )
    assert "Function PERF_DEMO_RATE(actual, Optional target)" in text
    assert "Public Sub RegisterUdfHelp()" in text
    # Chinese help text goes through ChrW so the VBA source stays ASCII: 完 = U+5B8C
    assert "ChrW(&H5B8C)" in text
    assert "ArgumentDescriptions:=Array(aPERF_DEMO_RATE0, aPERF_DEMO_RATE1)" in text
    assert 'Sum of ""values"".' in text


def test_no_trace_left_in_sys_modules(demo_udf_module):
    before = {k for k in ("pythoncom", "pywintypes", "win32com", "win32com.client", "xlwings.udfs") if k in sys.modules}
    func_before = xlwings.func
    udf_functions(demo_udf_module)
    after = {k for k in ("pythoncom", "pywintypes", "win32com", "win32com.client", "xlwings.udfs") if k in sys.modules}
    assert after == before
    assert xlwings.func is func_before
    mod = sys.modules.get(demo_udf_module)
    if mod is not None:
        assert not hasattr(mod.PERF_DEMO_RATE, "__xlfunc__")  # the importable module stays undecorated


def test_missing_module_is_a_clear_error():
    with pytest.raises(UdfModuleError, match="找不到 UDF 模块"):
        generate_udf_module("perfxl_no_such_module_xyz")


def test_build_fails_clearly_without_udf_module(tmp_path):
    from perfxl.excel.addin.build import AddinBuildError, build_addin

    with pytest.raises(AddinBuildError, match="UDF"):
        build_addin(tmp_path / "x.xlam", udf_module="perfxl_no_such_module_xyz")
    assert not list(tmp_path.iterdir())  # nothing half-written


@pytest.mark.skipif(not real_udfs_exist(), reason="perfxl/excel/udfs.py is not written yet (another engineer's file)")
def test_every_perfxl_udf_has_a_wrapper(built_xlam):
    from oletools.olevba import VBA_Parser

    funcs = udf_functions(REAL)
    assert PERF_UDFS <= set(funcs)
    parser = VBA_Parser(str(built_xlam))
    code = {s.split("/")[-1]: c for _, s, _, c in parser.extract_macros()}
    parser.close()
    assert wrapper_functions(code["xlwings_udfs"]) >= {n for n, f in funcs.items() if not f["sub"]}
    for name in PERF_UDFS:
        assert f'XLPy.CallUDF("{REAL}", "{name}", ' in code["xlwings_udfs"]
        assert funcs[name]["ret"]["doc"] and not funcs[name]["ret"]["doc"].startswith("Python function")
